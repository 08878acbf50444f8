"""Targets on the pages: a report's targets section, the rank-target line, the targets index."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .. import config, processed, provinces, vocab
from ..store import write_text_atomic
from ..targets import goals
from . import claims, markup, narrative, press_words
from .tables import Tables, tables
from .words import table, vi

WORDS = table("TARGETS")
INDICATORS_VI = vi.PLAN_INDICATORS

if TYPE_CHECKING:  # only for the type hint: reports import matplotlib, the index need not
    from matplotlib.axes import Axes


@dataclass(frozen=True)
class _Held:
    """What every report's targets section reads, prepared once per process."""

    goals: list[dict]
    counted: list[dict]
    claims: list[dict]
    publisher: dict[str, str]
    ranked: pd.DataFrame
    board: dict


@lru_cache(maxsize=4)
def _held(t: Tables) -> _Held:
    """Prepare what every report's targets section reads from the loader's tables (once per
    folder and file stamp: the loader returns the same object until a file changes)."""
    facts = t.press_facts
    publisher = {} if facts.empty else dict(zip(facts["article_id"],
                                                facts["source_hint"].fillna(""), strict=True))
    return _Held(_records(t.goals), counted_facts(facts),
                 [] if t.claims.empty else t.claims.to_dict("records"), publisher, t.rankings,
                 goals.score_board(t.rankings))


def _fmt(value: float, lang: str) -> str:
    """Format a target value: whole numbers without decimals, others as printed."""
    if value == int(value):
        return str(int(value))
    return narrative.number(value, lang, len(f"{value:g}".split(".")[1]))


def _label(goal: Mapping, lang: str) -> str:
    """Return a target's name in a language (rank kinds worded, others as indicator)."""
    w = WORDS[lang]
    n, kind = _fmt(goal["value"], lang), goal["kind"]
    if goal["measure"] == "main_indices":
        return w["kind_main_indices"].format(n=n)
    if kind == "pillar_rank_top_n":
        return w[f"kind_{kind}"].format(n=n, m=narrative.measure_name(goal["measure"], lang))
    if kind == "score":
        value = goal["value"] / 1000 if goal["unit"] == "points" else goal["value"]
        text = w["kind_score"].format(v=narrative.number(value, lang, 2))
        return text if goal["measure"] == "overall" else f"{text} ({w['each_pillar']})"
    if f"kind_{kind}" in w:
        return w[f"kind_{kind}"].format(n=n)
    if goals.unnamed(goal["indicator"]):
        return w["unnamed"].format(unit=goals.about(goal["indicator"]))
    if lang == "vi":
        quote = str(goal.get("quote", "") or "")
        return INDICATORS_VI.get(goal["indicator"], quote if _is_vietnamese(quote)
                                 else press_words.describe(goal["indicator"], "vi"))
    return goal["indicator"]


def _is_vietnamese(text: str) -> bool:
    """Tell whether a text carries Vietnamese letters (not plain ASCII English)."""
    return any(ord(ch) > 127 for ch in text)


def _detail(goal: Mapping, lang: str) -> str:
    """Return the figure a status rests on, worded ("latest rank 13 (2024)")."""
    w, status = WORDS[lang], goal["status"]
    year, value = goal["judged_year"], goal["judged_value"]
    if pd.isna(value):
        return ""
    y = "" if pd.isna(year) else int(year)
    if goal["kind"] == "other_dx":
        shown = _fmt(value, lang) + (goal["unit"] if goal["unit"] == "%" else "")
        return w["achieved_in" if y else "achieved"].format(v=shown, y=y)
    if goal["kind"] == "rank_improve":
        return w["gained"].format(v=int(value), y=y)
    if goal["kind"] == "score":
        return w["score_in"].format(v=narrative.number(value, lang), y=y)
    key = {"met": "rank_in", "not_met": "rank_in", "not_assessable": "stale_rank"}.get(
        status, "latest_rank")
    return w[key].format(v=int(value), y=y)


def _needed(goal: Mapping, lang: str, board: dict | None = None) -> tuple[str, str]:
    """Return what reached the target rank in the judged year, and in every scored year."""
    if goal["kind"] not in ("rank_top_n", "rank_exact") or goal["measure"] != "overall":
        return "", ""
    n, w = int(goal["value"]), WORDS[lang]
    years = [] if board is None else goals.trajectory(board, goal["code"], int(goal["basis"]), n)
    if not years:
        years = [] if pd.isna(goal["needed_score"]) or pd.isna(goal["latest_score"]) else [
            {"year": int(goal["latest_year"]), "needed": goal["needed_score"],
             "score": goal["latest_score"], "rank": None}]
    if not years:
        return "", ""
    judged = goal["judged_year"]
    main = next((y for y in years if y["year"] == judged), years[-1])
    sentence = w["needed"].format(n=n, y=main["year"], s=narrative.number(main["needed"], lang),
                                  nth=narrative.ordinal(n, lang), name=goal["name_vi"],
                                  o=narrative.number(main["score"], lang))
    if len(years) < 2:
        return sentence, ""
    steps = [w["needed_year"].format(y=y["year"], s=narrative.number(y["needed"], lang),
                                     o=narrative.number(y["score"], lang)) for y in years]
    return sentence, w["needed_years"].format(nth=narrative.ordinal(n, lang)) + " · ".join(steps)


def _whose(goal: Mapping, code: str, lang: str) -> str:
    """Say whose target a row is, seen from a page (own, a predecessor's, the unit's)."""
    w = WORDS[lang]
    if goal["code"] == code:
        return w["own"]
    if goal["code"].startswith("U"):
        return w["of_unit"].format(name=goal["name_vi"])
    return w["of_predecessor"].format(name=goal["name_vi"])


def _records(table: pd.DataFrame | list[dict]) -> list[dict]:
    """Return a goals table as a list of row dicts (a list is returned as it is)."""
    return table.to_dict("records") if isinstance(table, pd.DataFrame) else table


def page_goals(table: pd.DataFrame | list[dict], code: str) -> list[dict]:
    """Return the targets a page shows: its own, its predecessors' (unit) or its unit's."""
    unit = code if code.startswith("U") else provinces.unit_of(code)
    if code.startswith("U"):
        mine = [g for g in _records(table) if g["code"] == code
                or (g["unit_code"] == code and g["basis"] == 63)]
    else:
        mine = [g for g in _records(table) if g["code"] in (code, unit)]
    return sorted(mine, key=lambda g: (g["code"] != code, _kind_order(g["kind"]),
                                       9999 if pd.isna(g["due_year"]) else int(g["due_year"])))


def _kind_order(kind: str) -> int:
    """Order rank targets first, other targets last."""
    return (*goals.DTI_KINDS, "other_dx").index(kind)


def goal_rows(table: pd.DataFrame | list[dict], code: str, lang: str,
              board: dict | None = None) -> list[dict]:
    """Return the rows of a page's targets table, worded (board: goals.score_board)."""
    w = WORDS[lang]
    rows = []
    for g in page_goals(table, code):
        needed, years = _needed(g, lang, board)
        notes = [w[flag] for flag in ("annual", "range", "doubtful", "conflicting") if g[flag]]
        if pd.isna(g["due_year"]) and not g["annual"]:
            notes.append(w["undated"])
        notes += merger_notes(g, board, lang)
        stated = w[f"status_{g['stated_status']}"] if g["stated_status"] else ""
        value = _fmt(g["value"], lang) + ("%" if g["unit"] == "%" else "")
        rows.append({"label": (label := _label(g, lang)),
                     "label_lang": press_words.lang_of(label, lang),
                     "due": "" if pd.isna(g["due_year"])
                     else int(g["due_year"]), "value": value, "unit": g["unit"],
                     "status": g["status"], "status_text": w[f"status_{g['status']}"],
                     "detail": _detail(g, lang), "needed": needed, "years": years,
                     "stated": w["stated"].format(s=stated) if stated else "",
                     "disagrees": bool(g["disagrees"]), "notes": notes,
                     "whose": _whose(g, code, lang), "links": _links(g)})
    return rows


def merger_notes(goal: Mapping, board: dict | None, lang: str) -> list[str]:
    """Return what a 63-basis DTI target due after the 2025 merger says of its judgement: that
    it can no longer be assessed as set, and (overall rank targets) how it is judged here."""
    if (goal["basis"] != vocab.BASIS_PROVINCES or goal["kind"] not in goals.DTI_KINDS
            or pd.isna(goal["due_year"]) or int(goal["due_year"]) <= goals.LAST_63_YEAR):
        return []
    judged_after = after_merger(goal, board, lang)
    return [WORDS[lang]["post_merger"], *([judged_after] if judged_after else [])]


def share_of_units(n: int) -> int:
    """Return the top M of the 34 units that is the same share as the top N of the 63 provinces
    (the largest M with M/34 <= N/63; at least 1)."""
    return max(1, n * vocab.BASIS_UNITS // vocab.BASIS_PROVINCES)


def after_merger(goal: Mapping, board: dict | None, lang: str) -> str:
    """Word how a 63-basis overall rank target due after the merger is judged here: the same
    share of the 34 units, against the latest rank of 34 of the unit the province is part of
    ("" for other targets, or when no unit rank is held)."""
    if (board is None or goal["measure"] != "overall"
            or goal["kind"] not in ("rank_top_n", "rank_exact")):
        return ""
    unit = goal["unit_code"]
    held = [(year, own[unit][1]) for (basis, year), (_, own) in sorted(board.items())
            if basis == vocab.BASIS_UNITS and unit in own and own[unit][1] is not None]
    if not held:
        return ""
    year, rank = held[-1]
    n = int(goal["value"])
    m = share_of_units(n)
    w = WORDS[lang]
    return w["post_merger_share"].format(
        n=n, p=narrative.number(100 * n / vocab.BASIS_PROVINCES, lang, 1), m=m, y=year,
        rank=narrative.ordinal(rank, lang) if lang == "en" else rank,
        unit=provinces.display_name(unit),
        verdict=w["post_merger_within" if rank <= m else "post_merger_outside"])


def _links(goal: Mapping) -> list[dict]:
    """Return the sources of a target: each web address once, as a link (with the date its
    document gives), then, for a target the press states, every document named without one (a
    plan's own document stands behind its address)."""
    links: dict[str, dict] = {}

    def link(url: str) -> dict:
        return links.setdefault(url, {"url": url, "host": url.split("/")[2], "note": ""})

    for url in str(goal["urls"] or "").split(" | "):
        if url.startswith("http"):
            link(url)
    named = []
    for document in (d for d in str(goal["documents"] or "").split(" | ") if d):
        head, _, rest = document.partition(", ")
        if head.startswith("http"):  # a press article's address and date ("https://..., 2023")
            found = link(head)
            found["note"] = found["note"] or rest
        else:
            named.append(document)
    if not links or "press" in goal["origin"]:
        return [*links.values(), *({"url": "", "host": d, "note": ""} for d in named)]
    return list(links.values())


def counted_facts(facts: pd.DataFrame) -> list[dict]:
    """Return the press facts that count targets met ("7 of 24 targets"), as printed."""
    if facts.empty:
        return []
    counted = goals.count_mask(facts)
    return [{"province": f.province, "v": _fmt(float(f.value), "en"), "d": int(f.denominator),
             "text": f.indicator_text, "year": "" if pd.isna(f.year) else int(f.year),
             "source": f.source_hint, "published": "" if pd.isna(f.published) else f.published,
             "article": f.article_id} for f in facts[counted].itertuples()]


def stated_counts(counted: list[dict], codes: list[str], lang: str = "en") -> list[dict]:
    """Return the "M of N targets" counts the press states about some provinces."""
    names = {provinces.display_name(c) for c in codes}
    return [{**c, "text": (text := press_words.describe(c["text"], lang)),
             "text_lang": press_words.lang_of(text, lang)}
            for c in counted if c["province"] in names]


def section(code: str, basis: int, lang: str, processed_dir: str = "") -> dict:
    """Return everything the targets section of one report shows, worded in a language."""
    return section_of(tables(processed_dir), code, basis, lang)


def section_of(t: Tables, code: str, basis: int, lang: str) -> dict:
    """Return the targets section of one report from the loader's tables."""
    held = _held(t)
    members = list(provinces.predecessors(code)) if code.startswith("U") else [code]
    mine = [c for c in held.claims if c["province_code"] in members]
    claimed = claims.rows(mine, held.publisher, basis, lang)
    summary = claims.sentence(claims.counts(mine), lang, narrative.place_word(code, lang))
    shown = page_goals(held.goals, code)
    chart = [{k: g[k] for k in ("code", "value", "due_year", "status")} for g in shown
             if g["basis"] == 63 and g["measure"] == "overall"
             and g["kind"] in ("rank_top_n", "rank_exact")]
    ids = {"plan_targets"} if any("plan" in g["origin"] for g in shown) else set()
    if claimed or any("press" in g["origin"] for g in shown):
        ids.add("press_reviewed_facts")
    w = narrative.own_place(WORDS[lang], ("heading_goals", "claims"), code, lang)
    return {"w": w, "rows": goal_rows(shown, code, lang, held.board),
            "counts": stated_counts(held.counted, members, lang), "claims": claimed,
            "claims_summary": summary, "source_ids": sorted(ids), "chart": chart,
            "main": main_target(shown, code, lang, held.ranked)}


def main_target(shown: list[dict], code: str, lang: str,
                ranked: pd.DataFrame | None = None) -> str:
    """Word the page's main DTI target for the headline: its own overall rank target due next
    (else the last one due), with its status and the gap to the score needed ("" when none);
    a rank shared with another province is said so (ranked: the clean table)."""
    own = [g for g in shown if g["code"] == code and g["measure"] == "overall"
           and g["kind"] in ("rank_top_n", "rank_exact")]
    ahead = [g for g in own if g["status"] in ("on_track", "behind", "not_yet_due")]
    if not own:
        return ""
    def due(g: Mapping) -> int:
        return 9999 if pd.isna(g["due_year"]) else int(g["due_year"])
    g = (min(ahead, key=lambda g: (due(g), g["value"])) if ahead
         else max(own, key=lambda g: (due(g), -g["value"])))
    w, n = WORDS[lang], int(g["value"])
    said = []
    if pd.notna(g["judged_value"]):
        v, y = int(g["judged_value"]), int(g["judged_year"])
        joint = ranked is not None and shared(ranked, int(g["basis"]), y, v)
        said.append(w["main_rank_joint" if joint else "main_rank"].format(v=v, y=y))
    if g["status"] in ("on_track", "behind") and pd.notna(g["needed_score"]):
        gap = g["latest_score"] - g["needed_score"]
        said.append(w["main_gap"].format(d=narrative.number(abs(gap), lang), n=n,
                                         nth=narrative.ordinal(n, lang),
                                         dir=w["above" if gap >= 0 else "below"]))
    by = "" if pd.isna(g["due_year"]) else w["main_by"].format(due=int(g["due_year"]))
    return w["main"].format(label=_label(g, lang), by=by, status=w[f"status_{g['status']}"]) + (
        f" ({'; '.join(said)})" if said else "") + "."


def shared(ranked: pd.DataFrame, basis: int, year: int, rank: int) -> bool:
    """Tell whether two or more provinces (or units) share an overall rank in a year."""
    return int(((ranked["basis"] == basis) & (ranked["year"] == year)
                & (ranked["measure"] == "overall") & (ranked["rank"] == rank)).sum()) > 1


def draw_rank_targets(ax: Axes, ctx: Mapping) -> None:
    """Draw a report's DTI rank targets (ctx["goals"]) as dashed lines at N to the due year,
    each labelled at the charts' smallest font, the labels kept apart and inside the axes."""
    from .figures import keep_apart  # figures imports this module; charts import matplotlib

    try:
        chart, lang = ctx["goals"]["chart"], ctx["lang"]
    except (KeyError, AttributeError, TypeError):  # a context without targets: nothing to draw
        return
    left, right = ax.get_xlim()
    said: dict[tuple[float, float], list[str]] = {}  # one label per line drawn: its targets
    for target in chart:
        due = target["due_year"]
        end = right if pd.isna(due) else min(float(due), right)
        ax.hlines(target["value"], left, end, colors="#b2182b", linestyles=(0, (4, 2)), lw=1)
        words = WORDS[lang]
        text = (words["chart_label_undated"].format(n=int(target["value"])) if pd.isna(due)
                else words["chart_label"].format(n=int(target["value"]), y=int(due)))
        if len({t["code"] for t in chart}) > 1:  # a unit's page: say whose target it is
            text = f"{provinces.display_name(target['code'])}: {text}"
        said.setdefault((end, float(target["value"])), []).append(text)
    keep_apart(ax, [(ax.text(end, value, "\n".join(texts), color="#b2182b"), end, value)
                    for (end, value), texts in said.items()])
    ax.set_xlim(left, right)


# -- the targets index (reports/targets.html, targets.vi.html) ---------------------------------
#: The targets page's own words: what each status means, the filter, the download.
INDEX_WORDS = table("TARGETS_INDEX")
CSV_NAME = "data/dti_targets.csv"


def page_name(lang: str) -> str:
    """Return the targets page's file name for a language (targets.html is English)."""
    return "targets.html" if lang == "en" else f"targets.{lang}.html"


def target_odds(held: pd.DataFrame) -> dict[tuple, float]:
    """Return the model's probability of each due rank target (the loader's model/target_odds),
    keyed by (code, kind, value, due year); empty when the model stage has not written it."""
    if held.empty or "p_model" not in held:
        return {}
    held = held.dropna(subset=["p_model"])
    return {(r.code, r.kind, float(r.threshold), int(r.due_year)): float(r.p_model)
            for r in held.itertuples()}


def _odds_of(goal: Mapping, odds: Mapping[tuple, float]) -> float | None:
    """Return a met or not-met target's probability as it looked before its due year."""
    if goal["status"] not in ("met", "not_met") or pd.isna(goal["due_year"]):
        return None
    return odds.get((goal["code"], goal["kind"], float(goal["value"]), int(goal["due_year"])))


def index_rows(table: pd.DataFrame, lang: str, odds: Mapping[tuple, float] | None = None,
               board: dict | None = None) -> list[dict]:
    """Return one row per DTI rank, score or pillar target, with its page and status, and how
    a 63-basis target due after the merger is judged (board: goals.score_board)."""
    rows = []
    part = table[table["kind"].isin(goals.DTI_KINDS)] if not table.empty else table
    for _, g in part.iterrows():
        unit = g["code"].startswith("U")
        info = (provinces.units() if unit else provinces.provinces()).loc[g["code"]]
        rows.append({"name": g["name_vi"], "unit": unit, "basis": int(g["basis"]),
                     "href": f"{'unit' if unit else 'province'}/{info['slug']}.{lang}.html",
                     "label": (label := _label(g, lang)),
                     "label_lang": press_words.lang_of(label, lang),
                     "due": "" if pd.isna(g["due_year"])
                     else int(g["due_year"]), "status": g["status"],
                     "status_text": WORDS[lang][f"status_{g['status']}"],
                     "order": goals.STATUS_ORDER.index(g["status"]),
                     "judged": _detail(g, lang), "judged_sort": _sort_value(g),
                     "needed": None if pd.isna(g["needed_score"]) else float(g["needed_score"]),
                     "stated": WORDS[lang][f"status_{g['stated_status']}"]
                     if g["stated_status"] else "", "disagrees": bool(g["disagrees"]),
                     "odds": _odds_of(g, odds or {}), "links": _links(g),
                     "notes": merger_notes(g, board, lang)})
    return sorted(rows, key=lambda r: (r["order"], r["name"]))


def index_csv(rows: list[dict]) -> pd.DataFrame:
    """Return the targets page's rows as a table (English words) for its download."""
    return pd.DataFrame([{"name_vi": r["name"], "basis": r["basis"], "target": r["label"],
                          "due_year": r["due"], "status": r["status"],
                          # the page's "how likely it looked", as a probability
                          "model_probability": None if r["odds"] is None else round(r["odds"], 4),
                          "judged_on": r["judged"], "score_needed": r["needed"],
                          "after_merger": "; ".join(r.get("notes", [])),
                          "sources": " | ".join(link["url"] or link["host"]
                                                for link in r["links"])} for r in rows])


def index_citation(lang: str, date: str) -> str:
    """Return the targets page's suggested citation (authors and version from CITATION.cff)."""
    from .provenance import cited

    info = cited()
    return (f"{info['authors']} ({date[:4]}). {INDEX_WORDS[lang]['cite_title']} "
            f"({narrative.TEXT[lang]['version']} {info['version']}, {date}).")


def _sort_value(goal: Mapping) -> float:
    """Return the rank (or score) a target was judged on, for sorting (999 when none)."""
    value = goal["judged_value"]
    return 999.0 if pd.isna(value) else float(value)


def write_pages(root: Path | None = None, processed_dir: str = "") -> list[Path]:
    """Write reports/targets.html and targets.vi.html (only when their content changed).

    Their rows also go to reports/data/dti_targets.csv; the pages' paths are returned.
    """
    from .. import gitinfo

    held = tables(processed_dir)
    table, ranked = held.goals, held.rankings
    root = Path(root or config.REPORTS_DIR)
    paths = []
    date = gitinfo.commit_date() or pd.Timestamp.now("UTC").date().isoformat()
    odds = target_odds(held.target_odds)
    board = goals.score_board(ranked)
    for lang in narrative.LANGS:
        rows = index_rows(table, lang, odds, board)
        counts = pd.Series([r["status"] for r in rows], dtype=str).value_counts()
        if lang == "en":  # the rows as CSV beside the pages (rewritten only when they change)
            text, csv = index_csv(rows).to_csv(index=False), root / CSV_NAME
            if not csv.exists() or csv.read_text(encoding="utf-8") != text:
                write_text_atomic(csv, text)
        html = narrative.render(
            "targets_index.html.j2", lang=lang, w=WORDS[lang], rows=rows,
            x=INDEX_WORDS[lang], csv=CSV_NAME, citation=index_citation(lang, date),
            statuses=[(s, WORDS[lang][f"status_{s}"], INDEX_WORDS[lang][s])
                      for s in goals.STATUS_ORDER],
            year=processed.latest_year(ranked),  # whatever its basis (a 34-only year too)
            counts=[(s, WORDS[lang][f"status_{s}"], int(counts.get(s, 0)))
                    for s in goals.STATUS_ORDER if counts.get(s, 0)],
            index="index.html" if lang == "en" else f"index.{lang}.html",
            twin=page_name("vi" if lang == "en" else "en"))
        html = markup.polish(html)
        path = root / page_name(lang)
        if not path.exists() or path.read_text(encoding="utf-8") != html:
            write_text_atomic(path, html)
        paths.append(path)
    return paths
