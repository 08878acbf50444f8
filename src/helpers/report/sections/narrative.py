"""The summary: sentences from the headline's numbers, and where the sources disagree."""

from __future__ import annotations

import pandas as pd

from ... import processed, reasons, vocab
from ..tables import ReportContext, Tables

NAME = "narrative"
#: The summary's sentences are built differently by language: one template each.
TEMPLATE = "narrative.{lang}.html.j2"
FIGURE = None


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return where a source disagrees with the clean table (the other sentences' numbers are
    the headline's, indices', fundamentals' and targets')."""
    return {"conflicts": conflicts(t, ctx.code, ctx.year)}


def _host(reference: str) -> tuple[str, str]:
    """Return the web address in a raw-row reference ("file:row URL") and its host."""
    for part in str(reference).split():
        if part.startswith(("http://", "https://")):
            return part, part.split("/")[2]
    return "", ""


def _kept_kind(reference: str, register: pd.DataFrame) -> str:
    """Return the source id of the raw file a kept value came from ("" if unknown)."""
    path = str(reference).split(":")[0].removeprefix("data/raw/")
    hit = register[register["path"] == path] if "path" in register.columns else register.iloc[:0]
    return str(hit["source_id"].iloc[0]) if not hit.empty else ""


def conflicts(t: Tables, code: str, year: int) -> list[dict]:
    """Return where a source disagrees with the clean table (per page and year, both figures)."""
    c = t.conflicts
    if c.empty:
        return []
    mine = c[(c["province_code"] == code) & c["field"].isin(["rank", "score"])
             & c["kept_value"].notna() & c["other_value"].notna()]
    groups: dict[tuple[int, str], dict] = {}
    order = {m: i for i, m in enumerate(["overall", *vocab.PILLARS, *vocab.MAIN_INDICES])}
    mine = mine.assign(_order=mine["measure"].map(order)).sort_values(["year", "_order"])
    for row in mine.itertuples():
        url, host = _host(row.other_source)
        group = groups.setdefault((int(row.year), url), {
            "year": int(row.year), "url": url, "host": host or "?", "items": [],
            "kept_source": _kept_kind(row.kept_source, t.register), "current": row.year == year})
        held = processed.lookup(t.rankings, code, int(row.basis), int(row.year), row.measure,
                                row.field)
        item = {"measure": row.measure, "field": row.field, "kept": row.kept_value,
                "other": row.other_value, "withheld": held is None,
                "reason": row.reason_code, "params": reasons.decode(
                    row.reason_params if isinstance(row.reason_params, str) else "")}
        if item not in group["items"]:
            group["items"].append(item)
    return sorted(groups.values(), key=lambda g: (not g["current"], -g["year"]))
