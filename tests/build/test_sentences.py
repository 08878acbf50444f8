"""Every summary sentence on a page, recomputed from data/processed and compared (issue 19).

The statements of each sentence (the counts a claims sentence gives, what each claim was checked
against, the targets met, "kept" or "withheld", the change of rank and the method change, the
largest move of a main index, the typical move of the overall rank beside the peers, the five
provinces most similar in development and governance, how a 63-basis target due after the
merger is judged among the 34 units, a derived rank of 34 said to agree with a published one)
are read from the rendered page by language and recomputed here
straight from the processed CSV files, without the report's own helpers. A control for every
sentence type alters one statement of a real page and shows the check fails.

The suite checks every page in both languages, rendered in-process, in parts that test workers
share: part 0 is a sample chosen from the data (every variant of every sentence type, and the
pages the issue names), which `DTI_SENTENCES=sample` checks alone. With `DTI_SITE=reports`
(`make check-site`, after a full `dti build`) it reads every built page of that folder instead,
against data/processed. `python tests/build/test_sentences.py [PROCESSED_DIR]` prints pages
checked and disagreements per sentence type over all pages rendered in-process; `--built
[REPORTS_DIR]` over every page a build wrote, the targets pages included.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, provinces, vocab
from helpers.report import words

TYPES = ("claims", "claims_rows", "targets", "conflicts", "change", "moved", "statuses",
         "published", "typical", "similar", "post_merger")
LANGS = ("en", "vi")
PLAN = re.compile(r"(?i)k[eế][ -]?ho[aạ]ch|KH-UBND")


# -- the truth, from data/processed -------------------------------------------------------------
@dataclass(frozen=True)
class Truth:
    """The processed tables the sentences state facts about."""

    claims: pd.DataFrame
    targets: pd.DataFrame
    facts: pd.DataFrame
    conflicts: pd.DataFrame
    rankings: pd.DataFrame
    goals: pd.DataFrame
    unit_checks: pd.DataFrame
    contributions: pd.DataFrame


@cache
def truth(processed: str) -> Truth:
    """Read the processed tables once per folder."""
    root = Path(processed)

    def read(name: str, *text: str) -> pd.DataFrame:
        return pd.read_csv(root / f"{name}.csv", dtype=dict.fromkeys(["province_code", *text],
                                                                     str))
    conflicts = read("conflicts", "kept_value", "other_value")
    goals = pd.read_csv(root / "goals.csv", dtype={"code": str, "unit_code": str})
    goals["judged_year"] = goals["judged_year"].astype("Int64")
    units = pd.read_csv(root / "unit_checks.csv", dtype={"unit_code": str})
    return Truth(read("claims"), read("targets"), read("press_facts"), conflicts,
                 read("dti_rankings"), goals, units,
                 pd.read_csv(root / "model" / "contributions.csv", dtype={"code": str}))


def members(code: str) -> list[str]:
    """Return the provinces whose press a page shows (a unit's predecessors)."""
    return list(provinces.predecessors(code)) if code.startswith("U") else [code]


def held(t: Truth, code: str, basis: int, year: int, measure: str, column: str = "rank"
         ) -> float | None:
    """Return one value of the clean table, or None."""
    r = t.rankings
    hit = r[(r["province_code"] == code) & (r["basis"] == basis) & (r["year"] == year)
            & (r["measure"] == measure)][column].dropna()
    return None if hit.empty else float(hit.iloc[0])


# -- reading a page -----------------------------------------------------------------------------
def plain(fragment: str) -> str:
    """Return the text of an HTML fragment, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def sentences(page: str, name: str) -> list[str]:
    """Return the text of every element a page marks as sentence `name`."""
    return [plain(m.group(2)) for m in re.finditer(
        rf'<(p|span)\b[^>]*data-sentence="{name}"[^>]*>(.*?)</\1>', page, re.S)]


def number(pattern: str, text: str, default: int | None = 0) -> int | None:
    """Return the first group of a pattern in a text as an integer (default when absent)."""
    found = re.search(pattern, text)
    return int(found.group(1)) if found else default


# -- the checks, one per sentence type; each returns (checks made, disagreements) ---------------
CLAIM_PATTERNS = {
    "en": {"claims": r"Of the (\d+) rank", "none": "none could be checked",
           "checked": r"(\d+) could be checked", "official": r"(\d+) against the ministry's",
           "derived": r"(\d+) against ranks derived", "reported": r"(\d+) against other press",
           "dependent": r"(\d+) only against the province's own media or the same publisher",
           "result": r"Of the (\d+) checked independently, (\d+|none) match(?:es)? and "
                     r"(\d+|none) differs?",
           "all": r"All (\d+) checked independently (match|differ)",
           "one": r"The one checked independently (match|differ)"},
    "vi": {"claims": r"Trong (\d+) thứ hạng (?:tỉnh|thành phố) công bố",
           "none": "không thứ hạng nào đối chiếu được", "checked": r"(\d+) thứ hạng đối chiếu "
           r"được", "official": r"(\d+) với bảng xếp hạng chính thức",
           "derived": r"(\d+) với thứ hạng tính từ điểm", "reported": r"(\d+) với báo chí khác",
           "dependent": r"(\d+) chỉ với báo chí của chính (?:tỉnh|thành phố) hoặc cùng nguồn đăng",
           "result": r"Trong (\d+) thứ hạng đối chiếu độc lập, (\d+|không thứ hạng nào) khớp và "
                     r"(\d+|không thứ hạng nào) không khớp",
           "all": r"Cả (\d+) thứ hạng đối chiếu độc lập đều (khớp|không khớp)",
           "one": r"Thứ hạng duy nhất được đối chiếu độc lập (khớp|không khớp)"},
}


def count_of(word: str) -> int:
    """Read a count the pages word ("3", "none", "không thứ hạng nào") as a number."""
    return int(word) if word.isdigit() else 0


def claim_result(p: dict, text: str) -> tuple[int, int, int]:
    """Read (checked independently, match, differ) from a claims sentence ((0, 0, 0) if none)."""
    if result := re.search(p["result"], text):
        return int(result.group(1)), count_of(result.group(2)), count_of(result.group(3))
    for key in ("all", "one"):
        if found := re.search(p[key], text):
            n = int(found.group(1)) if key == "all" else 1
            match = found.groups()[-1] in ("match", "khớp")
            return n, n if match else 0, 0 if match else n
    return 0, 0, 0


def claim_truth(t: Truth, code: str) -> pd.DataFrame:
    """Return the claims a page shows, in claims.csv order."""
    return t.claims[t.claims["province_code"].isin(members(code))]


def check_claims(page: str, code: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Compare each claims sentence's counts with claims.csv."""
    rows = claim_truth(t, code)
    found = sentences(page, "claims")
    if rows.empty:
        return 0, [f"claims sentence without claims: {s}" for s in found]
    if not found:
        return 1, [f"no claims sentence for {len(rows)} claims"]
    against = rows["checked_against"].value_counts()
    independent = rows[rows["checked_against"].isin(["official", "derived", "reported"])]
    expected = {"claims": len(rows), "checked": int((rows["checked_against"] != "none").sum()),
                "official": int(against.get("official", 0)),
                "derived": int(against.get("derived", 0)),
                "reported": int(against.get("reported", 0)),
                "dependent": int(against.get("same_publisher", 0) + against.get("own_press", 0)),
                "result": (len(independent), int((independent["status"] == "consistent").sum()),
                           int((independent["status"] == "inconsistent").sum()))}
    p, wrong = CLAIM_PATTERNS[lang], []
    for text in found:
        said = {k: number(p[k], text) for k in ("claims", "official", "derived", "reported",
                                                "dependent")}
        said["checked"] = 0 if p["none"] in text else number(p["checked"], text, None)
        said["result"] = claim_result(p, text)
        wrong += [f"{k}: says {said[k]}, data {v} ({text})" for k, v in expected.items()
                  if said[k] != v]
    return len(found), wrong


def claim_table_rows(page: str) -> list[list[str]]:
    """Return the cells of the claims table (the table after the claims sentence)."""
    start = page.find('data-sentence="claims"', page.find('id="targets"'))
    if start < 0:
        return []
    table = page[start:page.find("</table>", start)]
    return [[plain(c) for c in re.findall(r"<td\b[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.S) if "<td" in row]


def check_claim_rows(page: str, code: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Check each claim's row: its basis shown when not the page's, its check, its status."""
    rows = claim_truth(t, code)
    shown = claim_table_rows(page)
    if rows.empty:
        return 0, []
    if len(shown) != len(rows):
        return 1, [f"claims table has {len(shown)} rows, claims.csv {len(rows)}"]
    w, basis = words.table("TARGETS")[lang], 34 if code.startswith("U") else 63
    wrong = []
    for (_, claim), cells in zip(rows.iterrows(), shown, strict=True):
        claimed, status, against = cells[2], cells[4], cells[5]
        other = pd.notna(claim["basis"]) and int(claim["basis"]) != basis
        mark = w["of_basis"].format(n=int(claim["basis"])) if other else None
        if other and not claimed.endswith(mark):
            wrong.append(f"{claim['measure']} {claim['year']}: basis {int(claim['basis'])} "
                         f"claim shown as {claimed!r} on a {basis} page")
        if not other and re.search(r"\D(34|63)$", claimed):
            wrong.append(f"{claim['measure']} {claim['year']}: a basis shown that is the page's")
        if against != w[f"against_{claim['checked_against']}"]:
            wrong.append(f"{claim['measure']} {claim['year']}: checked against {against!r}, "
                         f"claims.csv says {claim['checked_against']}")
        dependent = claim["checked_against"] in ("same_publisher", "own_press")
        if claim["status"] == "consistent" and dependent and status == w["claim_consistent"]:
            wrong.append(f"{claim['measure']} {claim['year']}: called consistent without "
                         "saying the check is not independent")
    return len(rows), wrong


TARGET_PATTERNS = {
    "en": (r"Its (press reports|plans) give (\d+) targets? with the achieved figure beside "
           r"the target, (?:(\d+|none) of them met|and it was (not )?met)",
           r"Its (press reports|plans) count (\d+) of (\d+) targets? met(?: \((\d{4})\))?"),
    "vi": (r"(Báo chí|Kế hoạch) của (?:tỉnh|thành phố) nêu (\d+) chỉ tiêu có số liệu thực "
           r"hiện bên cạnh mục tiêu, "
           r"(?:trong đó (\d+|không) chỉ tiêu (?:nào )?đạt|chỉ tiêu này (không )?đạt)",
           r"(Báo chí|Kế hoạch) của (?:tỉnh|thành phố) ghi (\d+)/(\d+) mục tiêu đạt"
           r"(?: \(năm (\d{4})\))?"),
}
DOCUMENTS = {"press reports": "press", "plans": "plan", "Báo chí": "press", "Kế hoạch": "plan"}


def check_targets(page: str, code: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Compare the targets-met statements with targets.csv (tallies as tallies, plans named)."""
    rows = t.targets[t.targets["province_code"].isin(members(code))]
    source = dict(zip(t.facts["article_id"], t.facts["source_hint"].fillna(""), strict=False))
    expected: Counter = Counter()
    documents = rows["article_id"].map(
        lambda a: "plan" if PLAN.search(f"{a} {source.get(a, '')}") else "press")
    for document in ("press", "plan"):
        mine = rows[documents == document]
        judged = mine[mine["kind"] == "attainment"]
        if len(judged):
            expected[(document, "judged", len(judged),
                      int(judged["met"].astype(str).eq("True").sum()))] += 1
        for tally in mine[(mine["kind"] == "tally")
                          & ~mine["indicator"].str.contains("%")].itertuples():
            expected[(document, "tally", int(tally.achieved), int(tally.target),
                      None if pd.isna(tally.year) else int(tally.year))] = 1  # said once
    text = " ".join(sentences(page, "targets"))
    judged_p, tally_p = TARGET_PATTERNS[lang]
    said: Counter = Counter()
    for m in re.finditer(judged_p, text):
        met = count_of(m.group(3)) if m.group(3) else int(m.group(4) is None)
        said[(DOCUMENTS[m.group(1)], "judged", int(m.group(2)), met)] += 1
    for m in re.finditer(tally_p, text):
        said[(DOCUMENTS[m.group(1)], "tally", int(m.group(2)), int(m.group(3)),
              None if m.group(4) is None else int(m.group(4)))] += 1
    if not expected and not text:
        return 0, []
    wrong = [f"page says {s}, not in targets.csv" for s in (said - expected).elements()]
    wrong += [f"targets.csv holds {s}, page does not say it" for s in (expected - said)
              .elements()]
    return max(sum(expected.values()), 1), wrong


CONFLICT_WORDS = {
    "en": {"item": "{measure} {field} {other} (", "kept": r"kept here: ([\d.,]+),",
           "withheld": "withheld here", "rank": "rank", "score": "score",
           "matches_other_year": "probably the {year} figure under the wrong year"},
    "vi": {"item": "{field} {measure} là {other} (", "kept": r"báo cáo này giữ ([\d.,]+),",
           "withheld": "báo cáo này không ghi giá trị", "rank": "thứ hạng", "score": "điểm",
           "matches_other_year": "có lẽ là số liệu năm {year} ghi nhầm năm"},
}


def shown_number(value: str, field: str, lang: str) -> str:
    """Return a conflicts.csv value as a page prints it."""
    if field != "score":
        return str(value)
    text = f"{float(value):,.4f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".") if lang == "vi" else text


def check_conflicts(page: str, code: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Check each disagreement the page states: kept (with its value) or withheld, and why."""
    c = t.conflicts
    rows = c[(c["province_code"] == code) & c["field"].isin(["rank", "score"])
             & c["kept_value"].notna() & c["other_value"].notna()]
    text = " ".join(sentences(page, "conflicts"))
    w, wrong = CONFLICT_WORDS[lang], []
    for row in rows.drop_duplicates(["year", "measure", "field", "other_value"]).itertuples():
        item = w["item"].format(measure=vocab.measure_name(row.measure, lang),
                                field=w[row.field],
                                other=shown_number(row.other_value, row.field, lang))
        at = text.find(item)
        if at < 0:
            wrong.append(f"{row.year} {row.measure} {row.field}: not stated")
            continue
        said = text[at + len(item):].split(")")[0]
        value = held(t, code, int(row.basis), int(row.year), row.measure, row.field)
        kept = re.match(w["kept"], said)
        if value is None and not said.startswith(w["withheld"]):
            wrong.append(f"{row.year} {row.measure}: says {said!r}, the clean table holds none")
        elif value is not None and (not kept or shown_number(str(value), row.field, lang)
                                    .rstrip("0").rstrip(".,") != kept.group(1).rstrip("0")
                                    .rstrip(".,")):
            wrong.append(f"{row.year} {row.measure}: says {said!r}, the clean table keeps "
                         f"{value:g}")
        if row.reason_code in w:
            year = reasons_year(row.reason_params)
            if w[row.reason_code].format(year=year) not in said:
                wrong.append(f"{row.year} {row.measure}: the explanation ({row.explanation}) "
                             "is not given")
    return len(rows), wrong


def reasons_year(params: str) -> str:
    """Return the "year" parameter of a reason (JSON text), as text."""
    found = re.search(r'"year":\s*(\d{4})', str(params))
    return found.group(1) if found else "?"


CHANGE_WORDS = {
    "en": {"moved": r"that is (\d+) places? (higher|lower) than in (\d{4}) \((?:joint )?(\d+)",
           "same": r"the same place as in (\d{4})", "up": "higher",
           "method": "changed method (47 indicators instead of 98)"},
    "vi": {"moved": r"(tăng|giảm) (\d+) bậc so với năm (\d{4}) \((?:thứ|đồng hạng) (\d+)",
           "same": r"giữ nguyên thứ hạng so với năm (\d{4})", "up": "tăng",
           "method": "phương pháp mới (47 chỉ tiêu thay cho 98)"},
}
METHOD_CHANGED = 2024


def check_change(page: str, code: str, lang: str, t: Truth, year: int = 2024
                 ) -> tuple[int, list[str]]:
    """Check the change of rank the summary states, and that the 2024 method change is said."""
    basis = 34 if code.startswith("U") else 63
    now, before = (held(t, code, basis, y, "overall") for y in (year, year - 1))
    start = page.find('id="narrative"')
    first = plain(page[start:page.find("</p>", start)]) if start >= 0 else ""
    w, wrong = CHANGE_WORDS[lang], []
    moved, same = re.search(w["moved"], first), re.search(w["same"], first)
    if now is None or before is None:
        return 0, ["a change is stated without both ranks"] if moved or same else []
    places = int(before - now)
    if places == 0:
        if not same:
            wrong.append("the rank did not change; the summary does not say so")
    elif not moved:
        wrong.append(f"a change of {places} places is not stated")
    else:
        groups = moved.groups() if lang == "en" else (moved.group(2), moved.group(1),
                                                      moved.group(3), moved.group(4))
        said = int(groups[0]) * (1 if groups[1] == w["up"] else -1)
        if (said, int(groups[2]), int(groups[3])) != (places, year - 1, int(before)):
            wrong.append(f"says {moved.group(0)!r}; data {before:g} -> {now:g}")
    if year - 1 < METHOD_CHANGED <= year:
        if w["method"] not in first:
            wrong.append("the 2024 method change is not said beside the 2023 -> 2024 change")
        card = page[page.find('id="headline"'):page.find("</section>")]
        if 'data-sentence="method"' not in card or "2024" not in " ".join(
                sentences(card, "method")):
            wrong.append("the headline's change since 2023 does not mark the method change")
    return 1, wrong


MOVED_WORDS = {
    "en": r"The largest move from (\d{4}) to (\d{4}): (.+?) (rose|fell) from (?:joint )?(\d+)\w\w "
          r"to (?:joint )?(\d+)\w\w \((\d+) place",
    "vi": r"Thay đổi lớn nhất từ (\d{4}) đến (\d{4}): (.+?) (tăng|giảm) từ (?:thứ|đồng hạng) "
          r"(\d+) (?:xuống|lên) (?:thứ|đồng hạng) (\d+) \((\d+) bậc",
}


def check_moved(page: str, code: str, lang: str, t: Truth, year: int = 2024
                ) -> tuple[int, list[str]]:
    """Check the largest move of a main index named on the page against the clean table."""
    basis = 34 if code.startswith("U") else 63
    moves = {}
    for measure in vocab.PUBLISHED_INDICES:
        before, now = (held(t, code, basis, y, measure) for y in (year - 1, year))
        if before is not None and now is not None:
            moves[vocab.measure_name(measure, lang)] = (int(before), int(now))
    found = sentences(page, "moved")
    if not moves:
        return 0, [f"a move is named without two years of ranks: {s}" for s in found]
    if not found:
        return 1, ["the largest move of a main index is not named"]
    largest = max(abs(b - n) for b, n in moves.values())
    m = re.search(MOVED_WORDS[lang], found[0])
    if largest == 0:
        return 1, [] if not m else [f"names a move where none happened: {found[0]}"]
    if not m:
        return 1, [f"the move sentence does not parse: {found[0]}"]
    name, r0, r1, n = m.group(3), int(m.group(5)), int(m.group(6)), int(m.group(7))
    wrong = []
    if moves.get(name) != (r0, r1) or abs(r0 - r1) != n:
        wrong.append(f"says {name} {r0} -> {r1} ({n}); data {moves.get(name)}")
    if abs(r0 - r1) != largest:
        wrong.append(f"{name} moved {abs(r0 - r1)} places; the largest move is {largest}")
    if CHANGE_WORDS[lang]["method"] not in found[0]:
        wrong.append("the 2024 method change is not said beside the move")
    typical = re.search(TYPICAL_WORDS[lang], found[0])
    measure = next((m for m in vocab.PUBLISHED_INDICES if vocab.measure_name(m, lang) == name),
                   None)
    if typical and measure:
        true = typical_move(t, basis, year, measure)
        if (int(typical.group(1)), int(typical.group(2))) != true:
            wrong.append(f"says {typical.group(0)!r}; data: {true[0]} % moved {true[1]} or "
                         "fewer")
    elif not typical:
        wrong.append("the typical move of the index is not given beside the largest move")
    return 1, wrong


TYPICAL_WORDS = {"en": r"(\d+) % of the .*? moved (\d+) places? or fewer",
                 "vi": r"(\d+) % số .*? thay đổi không quá (\d+) bậc"}


def typical_move(t: Truth, basis: int, year: int, measure: str) -> tuple[int, int]:
    """Return (share in %, places): the fewest places that 80 % of provinces moved at most."""
    r = t.rankings
    part = r[(r["basis"] == basis) & (r["measure"] == measure)]
    before = part[part["year"] == year - 1].set_index("province_code")["rank"]
    after = part[part["year"] == year].set_index("province_code")["rank"]
    moves = (before - after).abs().dropna().sort_values().tolist()
    n = int(moves[-(-len(moves) * 4 // 5) - 1])  # the 80th percentile, as a count of provinces
    return round(100 * sum(m <= n for m in moves) / len(moves)), n


NEEDED_WORDS = {"en": r"To be in the top (\d+) in (\d{4}) needed at least ([\d.]+)",
                "vi": r"Để vào nhóm (\d+) năm (\d{4}) cần ít nhất ([\d.,]+)"}


def page_goals(t: Truth, code: str) -> pd.DataFrame:
    """Return the goals.csv rows a page shows (its own, its unit's, or its predecessors')."""
    g = t.goals
    if code.startswith("U"):
        return g[(g["code"] == code) | ((g["unit_code"] == code) & (g["basis"] == 63))]
    return g[g["code"].isin([code, provinces.unit_of(code)])]


def latest_complete(t: Truth, basis: int) -> int:
    """Return the latest year every province (or unit) of a basis has an overall rank."""
    r = t.rankings
    overall = r[(r["basis"] == basis) & (r["measure"] == "overall") & r["rank"].notna()]
    counts = overall.groupby("year")["province_code"].nunique()
    return int(counts[counts >= basis].index.max())


def needed(t: Truth, code: str, basis: int, year: int, n: int) -> float:
    """Return the N-th best score of a year among the other provinces (or units)."""
    r = t.rankings
    part = r[(r["basis"] == basis) & (r["year"] == year) & (r["measure"] == "overall")
             & (r["province_code"] != code)]["score"].dropna().sort_values(ascending=False)
    return float(part.iloc[n - 1])


def check_statuses(page: str, code: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Check the targets' statuses: defined on the page, as goals.csv holds them, never judged
    on an older year without saying so, and the score needed the N-th of the others."""
    goals = page_goals(t, code)
    if goals.empty:
        return 0, []
    w, wrong = words.table("TARGETS")[lang], []
    section = page[page.find('id="targets"'):]
    if w["status_defs"] not in html_lib.unescape(section):
        wrong.append("the statuses are not defined on the page")
    rows = re.findall(r'<tr class="goal (\w+)">(.*?)</tr>', section, re.S)
    if Counter(s for s, _ in rows) != Counter(goals["status"]):
        wrong.append(f"statuses {Counter(s for s, _ in rows)} != goals.csv "
                     f"{Counter(goals['status'])}")
    for goal in goals.itertuples():
        if goal.status in ("on_track", "behind") and goal.kind != "other_dx" and \
                goal.judged_year != latest_complete(t, int(goal.basis)):
            wrong.append(f"{goal.code} {goal.kind} {goal.value:g}: {goal.status} on a "
                         f"{goal.judged_year} rank, older than the latest assessment")
    for status, cells in rows:
        text = plain(cells)
        if w[f"status_{status}"] not in text:
            wrong.append(f"a {status} row does not say {w[f'status_{status}']!r}")
        found = re.search(NEEDED_WORDS[lang], text)
        if found:
            n, year = int(found.group(1)), int(found.group(2))
            said = float(found.group(3).replace(".", "").replace(",", ".") if lang == "vi"
                         else found.group(3))
            owners = {(g.code, int(g.basis)) for g in goals.itertuples() if g.value == n}
            truths = [needed(t, c, b, year, n) for c, b in owners]
            if not any(abs(said - v) < 5e-5 for v in truths):
                wrong.append(f"needed {said} for the top {n} in {year}; the {n}-th score of "
                             f"the others is {truths}")
    return len(goals), wrong + check_main_target(page, code, lang, t)


MAIN_WORDS = {"en": (r"rank (\d+) in (\d{4})", r"([\d.]+) (above|below) the (\d+)\w\w score"),
              "vi": (r"hạng (\d+) năm (\d{4})",
                     r"(cao hơn|thấp hơn) điểm của tỉnh thứ (\d+) trong các tỉnh còn lại "
                     r"([\d,]+)")}


JOINT_RANK = {"en": "joint ", "vi": "đồng "}  # "joint rank 13 in 2024", "đồng hạng 13 năm 2024"


def check_main_target(page: str, code: str, lang: str, t: Truth) -> list[str]:
    """Check the headline's main target: the rank it rests on and the gap to the score needed."""
    wrong = []
    basis = 34 if code.startswith("U") else 63
    for text in sentences(page, "main_target"):
        rank_p, gap_p = MAIN_WORDS[lang]
        rank, gap = re.search(rank_p, text), re.search(gap_p, text)
        if rank and held(t, code, basis, int(rank.group(2)), "overall") != int(rank.group(1)):
            wrong.append(f"main target: {rank.group(0)!r} is not the clean table's rank")
        joint = JOINT_RANK[lang] + rank.group(0) in text if rank else False
        if rank and joint != shares_rank(t, basis, int(rank.group(2)), int(rank.group(1))):
            wrong.append(f"main target: whether {rank.group(0)!r} is shared is misstated")
        if rank and gap:
            d, way, n = ((gap.group(1), gap.group(2), gap.group(3)) if lang == "en" else
                         (gap.group(3).replace(",", "."), gap.group(1), gap.group(2)))
            year = int(rank.group(2))
            true = held(t, code, basis, year, "overall", "score") - needed(t, code, basis, year,
                                                                             int(n))
            said = float(d) * (1 if way in ("above", "cao hơn") else -1)
            if abs(said - true) > 5e-5:
                wrong.append(f"main target: gap {said:+.4f}, data {true:+.4f}")
    return wrong


PUBLISHED_WORDS = {"en": "The unit's derived rank agrees with the rank published for it.",
                   "vi": "Thứ hạng tính từ điểm của đơn vị khớp với thứ hạng đã được công bố."}
AGREES_MARK = {"en": "agrees with the published rank", "vi": "khớp với thứ hạng đã công bố"}


def unit_agrees(t: Truth, unit: str, year: int) -> bool:
    """Tell whether unit_checks.csv holds published overall ranks for a unit, all agreeing."""
    u = t.unit_checks
    mine = u[(u["unit_code"] == unit) & (u["year"] == year) & (u["measure"] == "overall")
             & (u["field"] == "rank")]
    return not mine.empty and bool(mine["status"].eq("agrees").all())


def check_published(page: str, code: str, lang: str, t: Truth, year: int = 2024
                    ) -> tuple[int, list[str]]:
    """Check that a derived rank of 34 is said to agree with a published one exactly when
    unit_checks.csv holds published ranks for the unit, all agreeing: on a unit's page (its
    summary and each unit of its peers), and on a province's page beside its unit's rank."""
    if not code.startswith("U"):
        card = html_lib.unescape(page[page.find('id="headline"'):page.find("</section>")])
        agrees, said = unit_agrees(t, provinces.unit_of(code), year), AGREES_MARK[lang] in card
        if said == agrees:
            return 1, []
        return 1, ["says its unit's derived rank agrees with a published one" if said else
                   "its unit's published rank agrees with the derived one; not said"]
    wrong = []
    if (PUBLISHED_WORDS[lang] in html_lib.unescape(page)) != unit_agrees(t, code, year):
        wrong.append("says the derived rank agrees with a published one" if not
                     unit_agrees(t, code, year) else
                     "a published rank agrees with the derived one; the page does not say so")
    names = {vocab.place_name(n): c for c, n in provinces.units()["name_vi"].items()}
    for cells in table_rows(page, 'id="peers"'):
        unit = names.get(plain(cells[1]))
        if unit and (AGREES_MARK[lang] in cells[0]) != unit_agrees(t, unit, year):
            wrong.append(f"peers: {plain(cells[1])}'s agreement with a published rank misstated")
    return 1, wrong


def table_rows(page: str, anchor: str, table_class: str = "data") -> list[list[str]]:
    """Return the cells (as HTML) of the first table of a class after an anchor."""
    start = page.find(anchor)
    start = page.find(f'<table class="{table_class}"', start) if start >= 0 else -1
    if start < 0:
        return []
    table = page[start:page.find("</table>", start)]
    return [re.findall(r"<td\b[^>]*>(.*?)</td>", row, re.S)
            for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.S) if "<td" in row]


TYPICAL_OVERALL = {
    "en": r"from (\d{4}) to (\d{4}), (\d+) % of the .*? moved (\d+) places? or fewer in the "
          r"overall rank",
    "vi": r"từ (\d{4}) đến (\d{4}), (\d+) % số .*? thay đổi không quá (\d+) bậc ở thứ hạng "
          r"tổng hợp"}
TYPICAL_METHOD = {"en": "the change of method of DTI 2024", "vi": "việc đổi phương pháp DTI 2024"}


def check_typical(page: str, code: str, lang: str, t: Truth, year: int = 2024
                  ) -> tuple[int, list[str]]:
    """Check the typical year-to-year move of the overall rank beside the peers: its share and
    places recomputed from the clean table, and the 2024 method change said."""
    basis = 34 if code.startswith("U") else 63
    r = t.rankings
    years = r[(r["basis"] == basis) & (r["measure"] == "overall") & r["rank"].notna()]["year"]
    found = sentences(page, "typical")
    if not {year - 1, year} <= set(years):
        return 0, [f"a typical move without two years of ranks: {s}" for s in found]
    if not found:
        return 1, ["the typical move of the overall rank is not given beside the peers"]
    m = re.search(TYPICAL_OVERALL[lang], found[0])
    if not m:
        return 1, [f"the typical move does not parse: {found[0]}"]
    wrong = []
    true = typical_move(t, basis, year, "overall")
    if (int(m.group(1)), int(m.group(2))) != (year - 1, year) or \
            (int(m.group(3)), int(m.group(4))) != true:
        wrong.append(f"says {m.group(0)!r}; data: {true[0]} % moved {true[1]} or fewer")
    if year - 1 < METHOD_CHANGED <= year and TYPICAL_METHOD[lang] not in found[0]:
        wrong.append("the typical move straddles the 2024 method change without saying so")
    return 1, wrong


SIMILAR_WORDS = {  # the last group: the page's own rank, "joint" when another shares it
    "en": r"ranked between (\d+)\w\w and (\d+)\w\w of (\d+) in (\d{4}); .+? ranked "
          r"(joint |)(\d+)\w\w",
    "vi": r"xếp từ thứ (\d+) đến thứ (\d+)/(\d+) năm (\d{4}); .+? xếp (thứ|đồng hạng) (\d+)"}


def nearest(t: Truth, code: str, year: int, k: int = 5) -> list[str]:
    """Return the k provinces closest to one on the development and governance blocks (each
    block's contributions scaled to unit standard deviation; Euclidean distance)."""
    c = t.contributions
    wide = c[c["year"] == year].pivot_table(index="code", columns="block",
                                            values="contribution")
    if wide.empty or code not in wide.index:
        return []
    z = wide[["development", "governance"]].dropna()
    z = z / z.std(ddof=0)
    distance = (((z - z.loc[code]) ** 2).sum(axis=1) ** 0.5).round(9).drop(code)
    return sorted(distance.index, key=lambda other: (distance[other], other))[:k]


def shares_rank(t: Truth, basis: int, year: int, rank: float | None) -> bool:
    """Tell whether two or more provinces (or units) hold an overall rank in a year."""
    r = t.rankings
    return rank is not None and int(((r["basis"] == basis) & (r["year"] == year)
                                     & (r["measure"] == "overall") & (r["rank"] == rank)).sum()) > 1


def check_similar(page: str, code: str, lang: str, t: Truth, year: int = 2024
                  ) -> tuple[int, list[str]]:
    """Check the five most similar provinces: who they are, their ranks, and the sentence's
    range of their ranks and the page's own rank."""
    expected = [] if code.startswith("U") else nearest(t, code, year)
    rows = table_rows(page, 'id="peers"', "data similar")
    found = sentences(page, "similar")
    if not expected:
        return 0, ["similar provinces shown without the model's blocks"] if rows else []
    names = [vocab.place_name(provinces.display_name(c)) for c in expected]
    ranks = [held(t, c, 63, year, "overall") for c in expected]
    wrong = []
    shown = [(plain(cells[0]), number(r"^(\d+)", plain(cells[1]), None)) for cells in rows]
    truth_rows = [(n, int(r)) for n, r in zip(names, ranks, strict=True)]
    if shown != truth_rows:
        wrong.append(f"similar provinces shown {shown}; data {truth_rows}")
    m = re.search(SIMILAR_WORDS[lang], found[0]) if found else None
    own = held(t, code, 63, year, "overall")
    if not m:
        return 1, [*wrong, "the similar provinces' sentence is missing or does not parse"]
    said = tuple(int(g) for g in m.groups() if g.isdigit())
    if said != (min(ranks), max(ranks), 63, year, own):
        wrong.append(f"says {m.group(0)!r}; data {min(ranks)}-{max(ranks)}, own {own:g}")
    if (m.group(5) in ("joint ", "đồng hạng")) != shares_rank(t, 63, year, own):
        wrong.append(f"says {m.group(0)!r}; whether its rank {own:g} is shared is misstated")
    return 1, wrong


POST_MERGER_WORDS = {
    "en": r"the top (\d+) of 63 are the best ([\d.]+) %, the top (\d+) of 34 \((.+?), the unit "
          r"after the merger, ranked (\d+)\w\w of 34 in (\d{4}): currently (within|outside)\)",
    "vi": r"nhóm (\d+)/63 là ([\d,]+) % dẫn đầu, tương ứng nhóm (\d+)/34 \((.+?), đơn vị sau sáp "
          r"nhập, xếp thứ (\d+)/34 năm (\d{4}): hiện nằm (trong|ngoài)\)"}


def check_post_merger(page: str, code: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Check how each 63-basis overall rank target due after the merger is judged: the same
    share of the 34 units, against the latest rank of 34 of the province's unit."""
    return post_merger_said(plain(page[page.find('id="targets"'):]), page_goals(t, code),
                            lang, t)


def post_merger_said(text: str, goals: pd.DataFrame, lang: str, t: Truth
                     ) -> tuple[int, list[str]]:
    """Compare the post-merger judgements a text states with those the goals' rows call for."""
    due = goals[(goals["basis"] == 63) & goals["kind"].isin(["rank_top_n", "rank_exact"])
                & (goals["measure"] == "overall") & (goals["due_year"] > 2024)]
    said = Counter(re.findall(POST_MERGER_WORDS[lang], text))
    if due.empty:
        return 0, [f"a post-merger judgement without such a target: {s}" for s in said]
    expected: Counter = Counter()
    for g in due.itertuples():
        n, unit = int(g.value), g.unit_code
        year = max(int(y) for y in t.rankings[(t.rankings["province_code"] == unit)
                                              & (t.rankings["basis"] == 34)]["year"])
        rank, m = int(held(t, unit, 34, year, "overall")), max(1, n * 34 // 63)
        share = f"{100 * n / 63:.1f}"
        expected[(str(n), share if lang == "en" else share.replace(".", ","), str(m),
                  provinces.display_name(unit), str(rank), str(year),
                  ("within" if rank <= m else "outside") if lang == "en" else
                  ("trong" if rank <= m else "ngoài"))] += 1
    wrong = [f"says {s}, not what the data gives" for s in (said - expected).elements()]
    wrong += [f"not said: {s}" for s in (expected - said).elements()]
    return len(due), wrong


CHECKS = {"claims": check_claims, "claims_rows": check_claim_rows, "targets": check_targets,
          "conflicts": check_conflicts, "change": check_change, "moved": check_moved,
          "statuses": check_statuses, "published": check_published, "typical": check_typical,
          "similar": check_similar, "post_merger": check_post_merger}


def check_page(page: str, code: str, lang: str, processed: str) -> dict[str, tuple[int, list]]:
    """Return, per sentence type, how many statements were checked and the disagreements."""
    t = truth(str(processed))
    return {name: check(page, code, lang, t) for name, check in CHECKS.items()}


# -- the targets page (reports/targets.html, targets.vi.html) -----------------------------------
DTI_KINDS = ("rank_top_n", "rank_exact", "pillar_rank_top_n", "rank_improve", "score")


def check_targets_page(page: str, lang: str, t: Truth) -> tuple[int, list[str]]:
    """Check the targets page: a row per DTI target of goals.csv with its status, every status
    shown defined on the page, a count button per status with the rows' count, no "currently
    within/outside" judged on a year older than the latest assessment, and each 63-basis
    overall rank target due after the merger judged among the 34 units as the data gives."""
    goals = t.goals[t.goals["kind"].isin(DTI_KINDS)]
    w, x = words.table("TARGETS")[lang], words.table("TARGETS_INDEX")[lang]
    text, wrong = html_lib.unescape(page), []
    body = page[page.find('<table class="data'):page.find("</table>")]
    rows = re.findall(r'<tr class="(\w+)">(.*?)</tr>', body, re.S)
    shown = Counter(status for status, _ in rows)
    if shown != Counter(goals["status"]):
        wrong.append(f"statuses {dict(shown)} != goals.csv {dict(Counter(goals['status']))}")
    defined = plain(page[page.find('<dl class="statuses">'):page.find("</dl>")])
    for status in shown:
        if f"{w[f'status_{status}']} {x[status]}" not in defined:
            wrong.append(f"status {status!r} is not defined on the page")
        button = re.search(rf'data-status="{status}"[^>]*>\s*<strong>(\d+)</strong>', page)
        if not button or int(button.group(1)) != shown[status]:
            wrong.append(f"no button counting the {shown[status]} {status!r} rows")
    if w["status_defs"] not in text:
        wrong.append("the statuses' one-line definitions are missing")
    for goal in goals.itertuples():
        if goal.status in ("on_track", "behind") and \
                goal.judged_year != latest_complete(t, int(goal.basis)):
            wrong.append(f"{goal.code} {goal.kind} {goal.value:g}: {goal.status} on a "
                         f"{goal.judged_year} rank, older than the latest assessment")
    for status, cells in rows:
        if w[f"status_{status}"] not in plain(cells):
            wrong.append(f"a {status} row does not say {w[f'status_{status}']!r}")
    stale = goals[(goals["status"] == "not_assessable") & goals["judged_value"].notna()]
    said_stale = sum(w["stale_rank"].split("{")[0] in plain(cells) for _, cells in rows)
    if said_stale != len(stale):
        wrong.append(f"{len(stale)} targets are not assessable on an older rank; "
                     f"{said_stale} rows say so")
    n, merger = post_merger_said(plain(body), goals, lang, t)
    return len(goals) + n, wrong + merger


def targets_page(lang: str, processed: str, root: Path) -> str:
    """Write the targets pages under a folder and return one language's page."""
    from helpers.report import goal_pages

    goal_pages.write_pages(root, processed)
    return (root / goal_pages.page_name(lang)).read_text(encoding="utf-8")


# -- pages, rendered in-process (the text sections; figures are not read) or built ---------------
#: A full build's reports/ folder whose pages are read (make check-site), else None.
BUILT = Path(os.environ["DTI_SITE"]).resolve() if os.environ.get("DTI_SITE") else None


def built_path(code: str, lang: str, reports: Path) -> Path:
    """Return where the build writes a province's or unit's page under a reports/ folder (the
    one way this suite finds built pages)."""
    unit = code.startswith("U")
    slug = (provinces.units() if unit else provinces.provinces()).loc[code, "slug"]
    return Path(reports) / ("unit" if unit else "province") / f"{slug}.{lang}.html"


TEXT_SECTIONS = ("headline", "narrative", "indices", "moved", "peers", "targets")


def render(code: str, lang: str, processed: str) -> str:
    """Render a page's text sections as the report does, without drawing its figures."""
    from helpers import report
    from helpers.report import narrative, sections

    ctx = report.build(code, 2024, lang, 34 if code.startswith("U") else 63, processed)
    figure = {"figure": None, "figure_alt": "", "figure_width": "", "figure_font_px": ""}
    return "".join(narrative.render(sections.BY_NAME[s].TEMPLATE.format(lang=lang), **figure,
                                    **ctx.as_dict(), **vocab.page_terms(lang))
                   for s in TEXT_SECTIONS)


def sample(processed: str) -> list[str]:
    """Return the pages to check: two for every variant of every sentence type, and those the
    issue names (Bắc Ninh, Hà Nội, Lạng Sơn, Thái Nguyên, Vĩnh Phúc and units)."""
    t = truth(processed)
    chosen = ["27", "01", "20", "19", "26", "U01", "U27", "U20", "U10", "02"]  # 02: none

    def first(codes: pd.Series, n: int = 2) -> list[str]:
        return list(dict.fromkeys(codes))[:n]
    for _, part in t.claims.groupby("checked_against"):
        chosen += first(part["province_code"])
    other = t.claims[t.claims["basis"].eq(34)]
    chosen += [provinces.unit_of(c) for c in first(other["province_code"])]
    for _, part in t.targets.groupby("kind"):
        chosen += first(part["province_code"])
    chosen += first(t.conflicts["province_code"], 8)
    return list(dict.fromkeys(chosen))


def all_codes() -> list[str]:
    """Return every province and unit code."""
    return [*provinces.provinces().index, *provinces.units().index]


def measure(codes: list[str], processed: str) -> pd.DataFrame:
    """Return, per sentence type, pages checked, statements checked and pages that disagree
    (pages rendered in-process)."""
    rows = []
    for code in codes:
        for lang in LANGS:
            page = render(code, lang, processed)
            for name, (n, wrong) in check_page(page, code, lang, processed).items():
                rows.append({"type": name, "page": f"{code}.{lang}", "checked": n,
                             "wrong": len(wrong)})
    return summary(rows, list(TYPES))


def summary(rows: list[dict], types: list[str]) -> pd.DataFrame:
    """Return, per sentence type, pages checked, statements checked and pages that disagree."""
    table = pd.DataFrame(rows)
    applies = table[table["checked"] > 0]
    return pd.DataFrame({
        "pages checked": applies.groupby("type")["page"].nunique(),
        "statements checked": applies.groupby("type")["checked"].sum(),
        "pages disagreeing": table[table["wrong"] > 0].groupby("type")["page"].nunique(),
    }).reindex(types).fillna(0).astype(int)


# -- the tests -----------------------------------------------------------------------------------
#: The pages are checked in parts, so that test workers share them: part 0 is the sample (every
#: variant of every sentence type), the others split the remaining pages.
PARTS = 4


def pages_to_check(processed: Path, part: int) -> list[str]:
    """Return one part of the pages to check: every page (the sample first), or only the sample
    with DTI_SENTENCES=sample."""
    first = sample(str(processed))
    if part == 0:
        return first
    if os.environ.get("DTI_SENTENCES") == "sample" and not BUILT:
        return []
    rest = [code for code in all_codes() if code not in set(first)]
    return rest[part - 1::PARTS - 1]


@pytest.fixture
def tables(request) -> Path:
    """The processed tables the pages were made from: data/processed for a built site."""
    return config.PROCESSED_DIR if BUILT else request.getfixturevalue("processed")


@pytest.mark.parametrize("part", range(PARTS))
def test_every_summary_sentence_agrees_with_the_processed_tables(tables, part):
    codes = pages_to_check(tables, part)
    if not codes:
        pytest.skip("DTI_SENTENCES=sample: only the sample of pages is checked")
    disagreements, checked = [], Counter()
    for code in codes:
        for lang in LANGS:
            page = (built_path(code, lang, BUILT).read_text(encoding="utf-8") if BUILT
                    else render(code, lang, str(tables)))
            for name, (n, wrong) in check_page(page, code, lang, str(tables)).items():
                checked[name] += n > 0
                disagreements += [f"{code}.{lang} {name}: {w}" for w in wrong]
    assert not disagreements, "\n".join(disagreements[:30])
    if part == 0:
        assert all(checked[name] >= 2 for name in TYPES), f"a type went unchecked: {checked}"


#: A control whose text depends on the latest year is a pattern: its first group is altered
#: (a word flipped, a count raised), so the control holds whichever years the data hold.
FLIP = {"ngoài": "trong", "trong": "ngoài", "outside": "within", "within": "outside"}


def altered(page: str, true: str | re.Pattern, false: str | Callable[[str], str]) -> str:
    """Return the page with a control's statement altered (the text must be on the page)."""
    if isinstance(true, str):
        assert true in page, f"the control's text is not on the page: {true!r}"
        return page.replace(true, false)
    found = true.search(page)
    assert found, f"the control's pattern is not on the page: {true.pattern!r}"
    return page[:found.start(1)] + false(found.group(1)) + page[found.end(1):]


CONTROLS = [  # (page, language, sentence type, text on the page, an altered statement)
    ("79", "en", "claims", "1 against the ministry's table", "2 against the ministry's table"),
    ("24", "vi", "claims", "2 với báo chí khác", "3 với báo chí khác"),
    ("01", "en", "claims_rows", "<small>of 34</small>", ""),
    ("24", "en", "claims_rows", "consistent (not an independent check)", "consistent"),
    ("24", "en", "claims_rows", "ranks reported by the province's own media",
     "the official table"),
    ("20", "en", "targets", "count 23 of 34 targets met", "count 0 of 1 target met"),
    ("10", "vi", "targets", "trong đó 5 chỉ tiêu đạt", "trong đó 4 chỉ tiêu đạt"),
    ("91", "en", "conflicts", "withheld here", "kept here: 8, from a source"),
    ("11", "en", "conflicts", "; probably the 2023 figure under the wrong year", ""),
    ("27", "en", "change", "3 places lower", "3 places higher"),
    ("27", "vi", "change", "DTI 2024 được tính theo phương pháp mới (47 chỉ tiêu thay cho 98)",
     ""),
    ("27", "en", "moved", "from 16th to 59th", "from 16th to 58th"),
    ("20", "vi", "moved", "giảm từ thứ 7 xuống thứ 62", "giảm từ thứ 7 xuống thứ 61"),
    ("27", "en", "moved", "moved 31 places or fewer", "moved 17 places or fewer"),
    ("26", "en", "statuses", "0.7364, the 20th score of the other", "0.7389, the 20th score "
     "of the other"),
    ("19", "en", "statuses", "Statuses: met / not met", "Met / not met"),
    ("19", "vi", "statuses", 'class="goal not_assessable"', 'class="goal on_track"'),
    ("92", "en", "statuses", "0.0139 below the 10th", "0.0139 above the 10th"),
    ("26", "vi", "statuses", "hạng 20 năm 2024; thấp hơn", "hạng 19 năm 2024; thấp hơn"),
    ("U01", "en", "published", "The unit's derived rank agrees with the rank published for it.",
     ""),
    ("01", "en", "published", "agrees with the published rank</span>)", "</span>)"),
    ("U27", "vi", "published", '<span class="tag" data-sentence="agrees">khớp', "<span>"),
    ("27", "en", "typical", "83 % of the provinces moved 17 places", "80 % of the provinces "
     "moved 17 places"),
    ("27", "vi", "typical", " Các thay đổi này gồm cả tác động của việc đổi phương pháp DTI 2024.",
     ""),
    ("27", "en", "similar", "ranked between 2nd and 20th of 63", "ranked between 3rd and 20th "
     "of 63"),
    ("27", "vi", "similar", ">Bà Rịa - Vũng Tàu</a>", ">Bình Dương</a>"),
    ("24", "en", "similar", "Bắc Giang ranked joint 13th", "Bắc Giang ranked 13th"),
    ("24", "vi", "similar", "Bắc Giang xếp đồng hạng 13", "Bắc Giang xếp thứ 13"),
    ("24", "en", "statuses", "(joint rank 13 in 2024", "(rank 13 in 2024"),
    ("27", "vi", "similar", "Bắc Ninh xếp thứ 21", "Bắc Ninh xếp đồng hạng 21"),
    ("24", "en", "post_merger", "the top 8 of 34", "the top 9 of 34"),
    ("24", "vi", "post_merger", re.compile(r"hiện nằm (ngoài|trong)\)"), lambda w: FLIP[w]),
]


@pytest.mark.parametrize(("code", "lang", "name", "true", "false"), CONTROLS)
def test_each_check_fails_on_a_page_whose_sentence_is_altered(processed, code, lang, name,
                                                             true, false):
    page = html_lib.unescape(render(code, lang, str(processed)))
    t = truth(str(processed))
    assert not CHECKS[name](page, code, lang, t)[1], "the true page passes"
    assert CHECKS[name](altered(page, true, false), code, lang, t)[1], "the altered one fails"


@pytest.fixture(scope="module")
def written_targets_pages(processed, tmp_path_factory) -> dict[str, str]:
    """The targets pages as the build writes them, in both languages (unescaped)."""
    root = tmp_path_factory.mktemp("reports")
    return {lang: html_lib.unescape(targets_page(lang, str(processed), root)) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_the_targets_page_defines_counts_and_judges_every_status_as_the_data_gives(
        processed, written_targets_pages, lang):
    checked, wrong = check_targets_page(written_targets_pages[lang], lang, truth(str(processed)))
    assert checked and not wrong, "\n".join(wrong)


TARGETS_PAGE_CONTROLS = [  # (language, text on the targets page, an altered statement)
    ("en", "not yet due; the latest rank falls short of the target", ""),
    ("vi", re.compile(r'data-status="behind" aria-pressed="false"><strong>(\d+)</strong>'),
     lambda n: str(int(n) + 1)),
    ("en", re.compile(r"ranked \w+ of 34 in \d{4}: currently (outside|within)\)"),
     lambda w: FLIP[w]),
    ("vi", "tương ứng nhóm 8/34", "tương ứng nhóm 9/34"),
    ("en", "the latest rank of this measure held is from 2020", "latest rank 2020"),
    ("vi", '<tr class="not_met">', '<tr class="met">'),
]


@pytest.mark.parametrize(("lang", "true", "false"), TARGETS_PAGE_CONTROLS)
def test_the_targets_page_check_fails_on_an_altered_page(processed, written_targets_pages, lang,
                                                         true, false):
    page, t = written_targets_pages[lang], truth(str(processed))
    assert not check_targets_page(page, lang, t)[1], "the true page passes"
    assert check_targets_page(altered(page, true, false), lang, t)[1], "the altered one fails"


def built_pages(root: Path) -> list[tuple[str, str, Path]]:
    """Return (code, language, file) of every province and unit page built under a folder."""
    return [(code, lang, path) for code in all_codes() for lang in LANGS
            if (path := built_path(code, lang, root)).exists()]


def measure_built(root: Path, processed: str) -> pd.DataFrame:
    """Return, per sentence type, the built pages checked and those that disagree (the
    province and unit pages, and the targets pages as type "targets_page")."""
    rows = []
    for code, lang, path in built_pages(root):
        for name, (n, wrong) in check_page(path.read_text(encoding="utf-8"), code, lang,
                                           processed).items():
            rows.append({"type": name, "page": f"{path.parent.name}/{path.name}", "checked": n,
                         "wrong": len(wrong)})
    for lang in LANGS:
        from helpers.report import goal_pages

        path = root / goal_pages.page_name(lang)
        if path.exists():
            n, wrong = check_targets_page(html_lib.unescape(path.read_text(encoding="utf-8")),
                                          lang, truth(processed))
            rows.append({"type": "targets_page", "page": path.name, "checked": n,
                         "wrong": len(wrong)})
    return summary(rows, [*TYPES, "targets_page"])


if __name__ == "__main__":  # pages checked and disagreements per sentence type, all pages
    # python tests/build/test_sentences.py [PROCESSED_DIR]: every page rendered in-process;
    # python tests/build/test_sentences.py --built [REPORTS_DIR]: every page the build wrote.
    from helpers import config

    if sys.argv[1:2] == ["--built"]:
        reports = Path(sys.argv[2]) if len(sys.argv) > 2 else config.REPORTS_DIR
        print(measure_built(reports, str(config.PROCESSED_DIR)).to_string())
    else:
        folder = sys.argv[1] if len(sys.argv) > 1 else str(config.PROCESSED_DIR)
        print(measure(all_codes(), folder).to_string())
