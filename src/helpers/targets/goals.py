"""Provinces' own targets: plan targets and press targets in one table, with computed status.

Rules (status codes; the templates word them in each language):
- A DTI rank target "top N by year D" (also "rank N", a pillar rank, a score) is judged on the
  target's basis (63 provinces or 34 units). If D is an assessed year, the rank of year D
  decides: ``met`` or ``not_met``. If D lies after the latest assessment, the latest rank
  decides: ``on_track`` when it already meets N, else ``behind`` (a position, not a forecast);
  ``not_yet_due`` when no rank is held to compare; ``not_assessable`` when the latest rank held
  of the measure is older than the latest assessment (a pillar rank last reported for 2020).
  A target without a due year is judged on the latest rank (on track or behind). An annual
  improvement ("N places a year") is judged on the latest year-on-year change.
  A measure the clean table does not hold is ``not_assessable``.
- Another target is judged on the achieved figure a source states (``met``/``not_met`` when it
  refers to the due year or later, ``on_track``/``behind`` before), else ``no_achieved_figure``.
- What a source itself says about attainment (``stated_status``) is kept beside the computed
  status; ``disagrees`` flags a contradiction. Targets that differ only in value for the same
  province, kind, measure and due year are flagged ``conflicting``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config, processed, provinces

RANK_KINDS = ("rank_top_n", "rank_exact", "pillar_rank_top_n")
DTI_KINDS = (*RANK_KINDS, "rank_improve", "score")
PILLAR_WORDS = {"chinh_quyen_so": ("chính quyền", "digital government"),
                "kinh_te_so": ("kinh tế số",), "xa_hoi_so": ("xã hội số",)}
GOAL_COLUMNS = ["code", "name_vi", "basis", "unit_code", "kind", "measure", "indicator", "value",
                "unit", "due_year", "annual", "range", "doubtful", "qualifier", "stated_status",
                "stated_achieved", "stated_year", "origin", "sources", "urls", "documents", "quote"]
STATUS_ORDER = ("met", "on_track", "behind", "not_met", "not_yet_due", "not_assessable",
                "no_achieved_figure")
#: The last DTI assessment published for the 63 provinces (DTI 2025 ranks the 34 units only).
LAST_63_YEAR = 2024
STATUS_COLUMNS = ["status", "judged_year", "judged_value", "latest_year", "latest_rank",
                  "latest_score", "needed_score", "disagrees", "conflicting"]


# -- goal rows from the plan table and the press --------------------------------------------
def _measure(kind: str, indicator: str) -> str:
    """Return the clean-table measure a plan target is about (or what makes it unassessable)."""
    text = indicator.lower()
    if kind == "other_dx":
        return ""
    if "main indicator" in text:
        return "main_indices"
    if kind == "pillar_rank_top_n" or (kind == "score" and "pillar" in text):
        hits = [m for m, words in PILLAR_WORDS.items() if any(w in text for w in words)]
        return hits[0] if len(hits) == 1 else "pillars"
    return "overall"


def _unit(kind: str, indicator: str) -> str:
    """Return the unit of a target's value."""
    if kind in RANK_KINDS:
        return "rank"
    if kind == "rank_improve":
        return "places"
    if kind == "score":
        return "points" if "1,000" in indicator or "1000" in indicator else "score"
    return "%" if "%" in indicator else ""


def stated_outcome(notes: str) -> tuple[str, float | None, int | None]:
    """Return what a source says of attainment (met/not_met/""), the figure and its year."""
    text = re.sub(r"(?i)[^.;]*(not stated|if so|not a target)[^.;]*", " ", notes)
    verdict = re.sub(r"(?i)\d%\s*achieved", " ", text)  # "7.18% achieved": a figure, no verdict
    status = ""
    if re.search(r"(?i)\bnot (clearly )?(met|achieved)\b|unlikely achieved", verdict):
        status = "not_met"
    elif re.search(r"(?i)\bachieved\b", verdict):
        status = "met"
    dated = re.search(r"(?i)(?:achieved:|progress:)\s*(\d+(?:\.\d+)?)\s*%\s*in (\d{4})", text)
    if dated:
        return status, float(dated.group(1)), int(dated.group(2))
    figure = re.search(r"(\d+(?:\.\d+)?)\s*%\s*achieved", text)
    if not figure:
        return status, None, None
    article = re.search(r"Article \d{1,2}/\d{1,2}/(\d{4})", text)
    return status, float(figure.group(1)), int(article.group(1)) if article else None


def from_plan(plan: pd.DataFrame) -> pd.DataFrame:
    """Shape the plan table as goal rows (one per raw row, with its raw reference)."""
    rows = []
    for r in plan.itertuples(index=False):
        status, figure, year = stated_outcome(r.notes)
        qualifier = re.search(r"'(tối thiểu|khoảng|ít nhất|đạt từ)[^']*'", r.notes)
        rows.append({
            "code": r.code, "basis": int(r.basis), "kind": r.target_kind,
            "measure": _measure(r.target_kind, r.indicator), "indicator": r.indicator,
            "value": float(r.target_value), "unit": _unit(r.target_kind, r.indicator),
            "due_year": int(r.due_year) if r.due_year else None,
            "annual": r.target_kind == "rank_improve" or "annual" in r.notes.lower(),
            "range": bool(re.search(r"(?i)\brange\b", r.notes)),
            "doubtful": "DOUBT" in r.notes, "qualifier": qualifier.group(1) if qualifier else "",
            "stated_status": status, "stated_achieved": figure,
            "stated_year": year if figure is not None else None, "origin": "plan",
            "sources": f"plan_targets:{r.row}", "urls": r.source_url, "documents": r.document,
            "quote": r.quote})
    return _finish(pd.DataFrame(rows, columns=[c for c in GOAL_COLUMNS
                                              if c not in ("name_vi", "unit_code")]))


def from_press(press_targets: pd.DataFrame, facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Shape the press stage's targets table (rank goals, attainments) as goal rows."""
    if press_targets is None or press_targets.empty:
        return _finish(pd.DataFrame(columns=[c for c in GOAL_COLUMNS
                                             if c not in ("name_vi", "unit_code")]))
    units = _press_units(facts)
    publisher = {} if facts is None or facts.empty else dict(
        zip(facts["article_id"], facts["source_hint"].fillna(""), strict=True))
    counts = _press_counts(facts)
    rows = []
    for r in press_targets.itertuples(index=False):
        tally = getattr(r, "kind", "") == "tally" or str(
            getattr(r, "how_judged", "")).startswith("targets met of")
        if (r.article_id, str(r.indicator)) in counts or tally:
            continue  # "7 of 24 targets met" is a count, shown as stated, not a target of 24
        rank = str(getattr(r, "kind", "")) == "rank"
        year = None if pd.isna(r.year) else int(r.year)
        achieved = getattr(r, "achieved", np.nan)
        link = getattr(r, "url", "") if isinstance(getattr(r, "url", ""), str) else ""
        rows.append({
            "code": str(r.province_code), "basis": 34 if str(r.province_code).startswith("U")
            else 63, "kind": "rank_top_n" if rank else "other_dx",
            "measure": "overall" if rank else "", "indicator": str(r.indicator),
            "value": float(r.target), "due_year": year, "annual": False, "range": False,
            "unit": "rank" if rank else units.get((r.article_id, str(r.indicator)), ""),
            "doubtful": False, "qualifier": "", "stated_status": "",
            "stated_achieved": None if rank or pd.isna(achieved) else float(achieved),
            "stated_year": None if rank or pd.isna(achieved) else _figure_year(r, year),
            "origin": "press",
            "sources": f"{r.source_id}:{r.article_id}", "urls": link,
            "documents": ", ".join(str(v) for v in (publisher.get(r.article_id, ""),
                                                     getattr(r, "published", "")) if v == v and v),
            "quote": ""})
    return _finish(pd.DataFrame(rows, columns=[c for c in GOAL_COLUMNS
                                               if c not in ("name_vi", "unit_code")]))


def count_mask(facts: pd.DataFrame) -> pd.Series:
    """Tell which press facts count targets met or missed ("7 of 24 targets"), not a target."""
    return facts["denominator"].notna() & facts["unit"].fillna("").ne("rank") & (
        facts["fact_type"].eq("target_count") | (
            facts["fact_type"].isin(["target_attainment", "indicator"]) & facts["target"].isna()
            & facts["indicator_text"].str.contains("mục tiêu|target", case=False, na=False)))


def _figure_year(row: object, year: int | None) -> int | None:
    """Return the year an achieved figure stated beside a target refers to: the target's year,
    but no later than the article's publication (a 2023 article's figure is not 2025's)."""
    published = str(getattr(row, "published", "") or "")[:4]
    if year is not None and published.isdigit() and int(published) < year:
        return int(published)
    return year


def _press_counts(facts: pd.DataFrame | None) -> set[tuple[str, str]]:
    """Return (article, indicator text) of press facts that count targets ("M of N")."""
    if facts is None or facts.empty or "denominator" not in facts:
        return set()
    counted = count_mask(facts)
    return set(zip(facts.loc[counted, "article_id"], facts.loc[counted, "indicator_text"]
                   .astype(str), strict=True))


def _press_units(facts: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """Return the unit of each press fact keyed by (article, indicator text)."""
    if facts is None or facts.empty or "unit" not in facts:
        return {}
    return {(a, str(i)): str(u) for a, i, u in zip(facts["article_id"], facts["indicator_text"],
                                                   facts["unit"].fillna(""), strict=True)}


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    """Add names and units of the 2025 merger, and give the columns their types."""
    frame = frame.copy()
    frame["name_vi"] = frame["code"].map(provinces.display_name) if len(frame) else []
    frame["unit_code"] = [c if c.startswith("U") else provinces.unit_of(c) for c in frame["code"]]
    frame["due_year"] = pd.array(frame["due_year"], dtype="Int64")
    frame["stated_year"] = pd.array(frame["stated_year"], dtype="Int64")
    frame["value"] = frame["value"].astype(float)
    frame["stated_achieved"] = frame["stated_achieved"].astype(float)
    return frame[GOAL_COLUMNS]


def unite(plan: pd.DataFrame, press_targets: pd.DataFrame,
          facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per distinct target (province, kind, indicator, due year, value): a plan's
    target and the press's "target: ..." of the same indicator are one target."""
    rows = pd.concat([from_plan(plan), from_press(press_targets, facts)], ignore_index=True)
    indicator = np.where(rows["kind"].isin(DTI_KINDS), "", rows["indicator"].map(_same_as))
    keys = pd.Series(list(zip(rows["code"], rows["kind"], rows["measure"], indicator,
                              rows["due_year"].astype(str), rows["value"], strict=True)),
                     index=rows.index)
    repeated = keys.duplicated(keep=False)
    merged = [_merge(group) for _, group in rows[repeated].groupby(keys[repeated], sort=False)]
    united = pd.concat([rows[~repeated], pd.DataFrame(merged)]).sort_index(kind="stable")
    return _finish(united.reset_index(drop=True))


def _merge(group: pd.DataFrame) -> pd.Series:
    """Return one goal row from several rows of the same target, keeping every source."""
    row = group.iloc[0].copy()
    for column in ("stated_status", "stated_achieved", "stated_year", "unit", "qualifier"):
        present = group[column].dropna()
        present = present[present.astype(str) != ""]
        row[column] = present.iloc[0] if len(present) else row[column]
    for column in ("sources", "urls", "documents", "quote"):
        row[column] = " | ".join(dict.fromkeys(v for v in group[column] if isinstance(v, str)
                                               and v))
    for column in ("annual", "range", "doubtful"):
        row[column] = bool(group[column].any())
    row["origin"] = "+".join(sorted(set(group["origin"])))
    return row


# -- status --------------------------------------------------------------------------------------
def latest_year(ranked: pd.DataFrame, code: str, basis: int, measure: str) -> int | None:
    """Return the latest year in which a province holds a rank of a measure on a basis."""
    rows = ranked[(ranked["province_code"] == code) & (ranked["basis"] == basis)
                  & (ranked["measure"] == measure) & ranked["rank"].notna()]
    return None if rows.empty else int(rows["year"].max())


def nth_score(ranked: pd.DataFrame, basis: int, year: int, n: int, exclude: str = ""
              ) -> float | None:
    """Return the N-th best score of a year among the provinces (or units) other than
    `exclude`: the least a province needed to be in the top N (ties share the rank)."""
    part = ranked[(ranked["basis"] == basis) & (ranked["year"] == year)
                  & (ranked["measure"] == "overall") & (ranked["province_code"] != exclude)]
    scores = part["score"].dropna().sort_values(ascending=False)
    return float(scores.iloc[int(n) - 1]) if len(scores) >= n > 0 else None


def score_board(ranked: pd.DataFrame) -> dict[tuple[int, int], tuple[list, dict]]:
    """Return, per (basis, fully scored year), the scores best first and each code's score, rank."""
    overall = ranked[(ranked["measure"] == "overall") & ranked["score"].notna()]
    board: dict[tuple[int, int], tuple[list, dict]] = {}
    for row in overall.itertuples(index=False):
        scores, own = board.setdefault((int(row.basis), int(row.year)), ([], {}))
        scores.append(float(row.score))
        own[row.province_code] = (float(row.score), None if pd.isna(row.rank) else int(row.rank))
    return {key: (sorted(scores, reverse=True), own) for key, (scores, own) in board.items()
            if len(scores) >= key[0]}


def trajectory(board: dict, code: str, basis: int, n: int) -> list[dict]:
    """Return, per fully scored year, the N-th best score of the other provinces (what the
    province needed for the top N) and the province's score and rank."""
    out = []
    for (b, year), (scores, own) in sorted(board.items()):
        if b != basis or code not in own:
            continue
        others = list(scores)
        others.remove(own[code][0])
        if 0 < n <= len(others):
            out.append({"year": year, "needed": others[n - 1], "score": own[code][0],
                        "rank": own[code][1]})
    return out


def judge(goal: pd.Series, ranked: pd.DataFrame) -> dict:
    """Return the computed status of one target and the figures it rests on."""
    out = dict.fromkeys(STATUS_COLUMNS)
    kind, due, code, basis = goal["kind"], goal["due_year"], goal["code"], int(goal["basis"])
    if kind == "other_dx":
        achieved, when = goal["stated_achieved"], goal["stated_year"]
        if pd.isna(achieved):
            return {**out, "status": "no_achieved_figure"}
        ok = achieved >= goal["value"]
        early = pd.notna(due) and pd.notna(when) and when < due
        status = ("on_track" if ok else "behind") if early else ("met" if ok else "not_met")
        return {**out, "status": status, "judged_year": when, "judged_value": achieved}
    if goal["measure"] not in ("overall", *PILLAR_WORDS):
        return {**out, "status": "not_assessable"}
    measure = goal["measure"]
    latest = latest_year(ranked, code, basis, measure)
    if latest is not None:
        out.update(latest_year=latest,
                   latest_rank=processed.lookup(ranked, code, basis, latest, measure),
                   latest_score=processed.lookup(ranked, code, basis, latest, measure, "score"))
        if measure == "overall" and kind in RANK_KINDS:
            out["needed_score"] = nth_score(ranked, basis, latest, int(goal["value"]), code)
    if kind == "rank_improve":
        return {**out, **_judge_improvement(goal, ranked, latest)}
    column = "score" if kind == "score" else "rank"
    target = goal["value"] / (1000 if goal["unit"] == "points" else 1)

    def meets(value: object) -> bool:
        return value >= target - 1e-9 if column == "score" else value <= target

    if latest is None:  # no rank (or score) of this measure is held for the province
        assessed = processed.latest_complete_year(ranked, basis)
        return {**out, "status": "not_yet_due" if pd.notna(due) and due > assessed
                else "not_assessable"}
    if pd.notna(due) and due <= latest:
        value = processed.lookup(ranked, code, basis, int(due), measure, column)
        if value is None:
            return {**out, "status": "not_assessable"}
        return {**out, "status": "met" if meets(value) else "not_met", "judged_year": int(due),
                "judged_value": float(value)}
    value = out["latest_rank"] if column == "rank" else out["latest_score"]
    if value is None:
        return {**out, "status": "not_assessable"}
    if latest < processed.latest_complete_year(ranked, basis):  # an older rank: not judged on
        return {**out, "status": "not_assessable", "judged_year": latest,
                "judged_value": float(value)}
    return {**out, "status": "on_track" if meets(value) else "behind", "judged_year": latest,
            "judged_value": float(value)}


def _judge_improvement(goal: pd.Series, ranked: pd.DataFrame, latest: int | None) -> dict:
    """Judge an annual rank improvement on the latest year-on-year change of the basis."""
    code, basis = goal["code"], int(goal["basis"])
    before = None if latest is None else processed.lookup(ranked, code, basis, latest - 1,
                                                          "overall")
    now = None if latest is None else processed.lookup(ranked, code, basis, latest, "overall")
    if before is None or now is None:
        return {"status": "not_assessable"}
    gained = before - now
    return {"status": "met" if gained >= goal["value"] else "not_met", "judged_year": latest,
            "judged_value": float(gained)}


CONTRADICTS = {"met": ("not_met", "behind"), "not_met": ("met", "on_track")}


def with_status(goals: pd.DataFrame, ranked: pd.DataFrame) -> pd.DataFrame:
    """Return the goals with their computed status, disagreement and conflict flags."""
    judged = pd.DataFrame([judge(g, ranked) for _, g in goals.iterrows()],
                          columns=STATUS_COLUMNS, index=goals.index)
    table = pd.concat([goals, judged.drop(columns=["disagrees", "conflicting"])], axis=1)
    table["disagrees"] = [status in CONTRADICTS.get(stated, ())
                          for stated, status in zip(table["stated_status"], table["status"],
                                                    strict=True)]
    table["_about"] = [  # an indicator the source does not name conflicts with nothing
        "" if kind in DTI_KINDS else f"#{i}" if unnamed(indicator) else about(indicator)
        for i, kind, indicator in zip(table.index, table["kind"], table["indicator"],
                                      strict=True)]
    group = table.dropna(subset=["due_year"]).groupby(
        ["code", "kind", "measure", "_about", "due_year"])["value"].transform("nunique")
    table["conflicting"] = group.reindex(table.index).fillna(1).gt(1)
    table = table.drop(columns="_about")
    for column in ("judged_year", "latest_year", "latest_rank"):
        table[column] = pd.array(table[column], dtype="Int64")
    for column in ("judged_value", "latest_score", "needed_score"):
        table[column] = table[column].astype(float)
    return table


def about(indicator: str) -> str:
    """Return what a target's indicator measures, the same for a plan row and a press row
    ("target: digital economy share of GRDP (%)" and "Digital economy share of GRDP (%)")."""
    text = re.sub(r"^(target|indicator)\b\s*:?\s*", "", str(indicator).strip(), flags=re.I)
    return text.casefold()


def _same_as(indicator: str) -> str:
    """Return the key under which targets of one indicator are one (an unnamed one only by its
    exact text: two "target (%)" rows may measure different things)."""
    return str(indicator).casefold().strip() if unnamed(indicator) else about(indicator)


def unnamed(indicator: str) -> bool:
    """Tell whether a target's indicator names nothing but a unit ("target (%)")."""
    return bool(re.fullmatch(r"\([^()]*\)", about(indicator)))


#: Concepts a press figure and a target can share, each as groups of words that must all occur
#: (one word of each group, case-folded); a text naming an excluded word is another measure.
CONCEPTS = {
    "digital economy share of GRDP": {"all": (("digital economy", "kinh tế số"),
                                               ("grdp", "gdp")),
                                       "not": ("each sector", "từng ngành", "sector")},
}


def concept(text: str) -> str:
    """Return the concept a target or press figure measures ("" when none is known)."""
    text = str(text).casefold()
    for name, rule in CONCEPTS.items():
        if all(any(w in text for w in group) for group in rule["all"]) and not any(
                w in text for w in rule["not"]):
            return name
    return ""


def with_achieved(table: pd.DataFrame, facts: pd.DataFrame | None) -> pd.DataFrame:
    """Give a target without an achieved figure the latest one the press states for the same
    province and concept (same unit, a dated figure), with that source added to its sources."""
    if facts is None or facts.empty:
        return table
    figures = facts[facts["fact_type"].eq("indicator") & facts["value"].notna()
                    & facts["year"].notna()].copy()
    figures["concept"] = figures["indicator_text"].map(concept)
    figures = figures[figures["concept"].ne("")]
    table = table.copy()
    for i, goal in table.iterrows():
        if goal["kind"] != "other_dx" or pd.notna(goal["stated_achieved"]):
            continue
        name = concept(goal["indicator"])
        same = figures[(figures["concept"] == name) & figures["unit"].eq(goal["unit"])
                       & figures["province"].map(_code_of).eq(goal["code"])] if name else []
        if len(same):
            latest = same.sort_values(["year", "value"]).iloc[-1]
            table.at[i, "stated_achieved"] = float(latest["value"])
            table.at[i, "stated_year"] = int(latest["year"])
            table.at[i, "sources"] += f" | {latest['source_id']}:{latest['article_id']}"
            table.at[i, "documents"] = " | ".join(
                d for d in (goal["documents"], str(latest["source_hint"])) if d)
    return table


def _code_of(name: str) -> str:
    """Return a province's code from a press fact's name ("" when it names none)."""
    try:
        return provinces.resolve(name)
    except provinces.UnknownProvinceError:
        return ""


def coverage(table: pd.DataFrame) -> pd.DataFrame:
    """Count provinces and units with a DTI target, only other targets, or none found."""
    rows = []
    for basis, names in ((63, provinces.provinces()), (34, provinces.units())):
        part = table[table["basis"] == basis]
        dti = set(part.loc[part["kind"].isin(DTI_KINDS), "code"])
        other = set(part["code"]) - dti
        rows.append({"basis": basis, "with a DTI rank, score or pillar target": len(dti),
                     "other targets only": len(other),
                     "none found": len(set(names.index) - dti - other), "total": len(names)})
    return pd.DataFrame(rows)


def read(processed_dir: Path | None = None) -> pd.DataFrame:
    """Read goals.csv back with its types (an empty table when the stage has not run)."""
    path = Path(processed_dir or config.PROCESSED_DIR) / "goals.csv"
    if not path.exists():
        return pd.DataFrame(columns=GOAL_COLUMNS + STATUS_COLUMNS)
    frame = pd.read_csv(path, dtype={"code": str, "unit_code": str}, keep_default_na=False,
                        na_values={c: [""] for c in ("value", "due_year", "stated_achieved",
                                                     "stated_year", *STATUS_COLUMNS[1:7])})
    for column in ("due_year", "stated_year", "judged_year", "latest_year", "latest_rank"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in ("annual", "range", "doubtful", "disagrees", "conflicting"):
        frame[column] = frame[column].astype(str).eq("True")
    return frame
