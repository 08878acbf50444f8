"""Reviewed decisions on single raw rows, and why a reported row is set aside (a reason code)."""

from __future__ import annotations

import pandas as pd

from .. import config, reasons
from ..schemas import Problem
from ..vntext import nfc


def apply_decisions(rel: str, frame: pd.DataFrame, measures: pd.Series,
                    problems: list[Problem]) -> None:
    """Apply the reviewed decisions (src/helpers/data/review_decisions.csv) to one file."""
    decisions = pd.read_csv(config.REVIEW_DECISIONS_CSV, dtype=str, keep_default_na=False)
    decisions.index = pd.RangeIndex(1, len(decisions) + 1)
    for number, d in zip(decisions.index, decisions.itertuples(index=False), strict=True):
        if d.file != rel:
            continue
        match = frame.index[
            (frame["year"] == d.year) & (frame["rank"] == d.rank)
            & (frame["province_as_published"].map(nfc) == nfc(d.province_as_published))
            & (measures == d.measure)]
        if len(match) == 0:
            problems.append(Problem(
                "src/helpers/data/review_decisions.csv", int(number), "decision", d.decision,
                f"matches no row of {rel} ({d.year}, {d.province_as_published}, {d.measure},"
                f" rank {d.rank}); update or remove the decision"))
        for row in match:
            if d.decision == "drop":
                measures[row] = "dropped-by-review"
            else:
                measures[row] = d.decision.removeprefix("measure=")
            frame.at[row, "note"] = f"{frame.at[row, 'note']} [review: {d.reason}]".strip()


def dropped_columns(code: str, **params: object) -> dict[str, str]:
    """Return the reason cells of a dropped row: code, parameters and English wording."""
    cells = reasons.columns(code, **params)
    return {**cells, "reason": reasons.word(code, params, "en")}


def drop_reason(frame: pd.DataFrame, row: int, measure: str | None, rank: int | None,
                score: float | None) -> dict[str, str]:
    """Return the reason cells of a reported row that cannot enter the clean table, or {}."""
    if frame.at[row, "year"].strip() in ("", "unknown"):
        return dropped_columns("year_not_stated")
    if measure == "dropped-by-review":
        return dropped_columns("dropped_by_review")
    if measure == "2020-component":
        return dropped_columns("component_2020")
    if rank is None and score is None and not frame.at[row, "rank"].strip() \
            and not frame.at[row, "score"].strip():
        return dropped_columns("no_figure")
    return {}
