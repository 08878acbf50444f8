"""Reported rank changes ('tăng/giảm N bậc') checked against the clean ranks of two years."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import processed, provinces, reasons
from ..raw import display_path, parse_column, read_csv_text
from ..schemas import Problem
from .figures import default_basis
from .read import RawTable, parse_years

CHANGE_COLUMNS = ["province_code", "name_vi", "year", "measure", "reported_change",
                  "rank_before", "rank_after", "status", "reason_code", "reason_params", "why",
                  "source"]
_AGAINST = re.compile(r"(?:so với(?: năm)?|vs\.?|compared to(?: the)?)\s*(?:DTI\s*)?(20\d\d)")


def _signed(text: str) -> int:
    """Parse a signed whole number of places ("+4", "-8", "3")."""
    if not re.fullmatch(r"[+-]?\d+", text):
        raise ValueError("not a whole number of places")
    return int(text)


def read_changes(raw_dir: Path, table: RawTable, problems: list[Problem]) -> pd.DataFrame:
    """Read one registered file of rank changes; record every bad cell as a Problem."""
    path = raw_dir / table.rel
    name = display_path(path)
    frame = read_csv_text(path, ["year", "province_as_published", "change_in_rank", "source",
                                 "note"], problems)
    frame = frame.assign(
        _year=parse_years(frame, "year", name, table, problems),
        _change=parse_column(frame, "change_in_rank", _signed, problems, name,
                             "write a signed whole number such as +4 or -8", optional=False))
    codes = {}
    for r in frame.index:
        year = frame.at[r, "_year"]
        try:
            codes[r] = provinces.resolve(frame.at[r, "province_as_published"],
                                         basis=default_basis(year) or 63)
        except provinces.UnknownProvinceError as error:
            problems.append(Problem(name, int(r), "province_as_published",
                                    frame.at[r, "province_as_published"],
                                    f"{error}; fix the spelling or add an alias"))
            codes[r] = None
    frame["_code"] = pd.Series(codes, index=frame.index, dtype=object)
    frame["_file"] = name
    return frame


def check_change(rankings: pd.DataFrame, code: str, year: int, measure: str, before_year: int,
                 change: int) -> tuple[int | None, int | None, str, str, dict]:
    """Return the ranks before and after, the status, reason code and parameters of one change."""
    basis = 34 if code.startswith("U") else 63
    before = processed.lookup(rankings, code, basis, before_year, measure)
    after = processed.lookup(rankings, code, basis, year, measure)
    if before is None or after is None:
        missing = before_year if before is None else year
        return before, after, "not verifiable", "change_rank_missing", {
            "measure": measure, "missing": missing}
    params = {"before_year": before_year, "before": before, "year": year, "after": after}
    if before - after == change:
        return before, after, "consistent", "change_consistent", params
    params |= {"change": change, "computed": before - after}
    unit_after = None if basis == 34 else processed.lookup(
        rankings, provinces.unit_of(code), 34, year, measure)
    if unit_after is not None and before - unit_after == change:
        return before, after, "not verifiable", "change_across_bases", params | {
            "unit_after": unit_after}
    return before, after, "inconsistent", "change_inconsistent", params


def check_changes(rankings: pd.DataFrame, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Check every reported rank change (files read by read_changes) against the clean ranks."""
    rows = []
    for frame in frames:
        for r in frame.index:
            code, year, change = frame.at[r, "_code"], frame.at[r, "_year"], frame.at[r, "_change"]
            if code is None or year is None or change is None:
                continue
            note = frame.at[r, "note"]
            pillar = re.search(r"pillar (\w+) only", note)
            measure = pillar.group(1) if pillar else "overall"
            against = _AGAINST.search(note)
            before_year = int(against.group(1)) if against else year - 1
            before, after, status, reason, params = check_change(
                rankings, code, year, measure, before_year, change)
            rows.append({
                "province_code": code, "name_vi": provinces.display_name(code), "year": year,
                "measure": measure, "reported_change": change, "rank_before": before,
                "rank_after": after, "status": status, **reasons.columns(reason, **params),
                "why": reasons.word(reason, params, "en"),
                "source": f"{frame.at[r, '_file']}:{r} {frame.at[r, 'source']}"})
    out = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    for column in ("rank_before", "rank_after"):
        out[column] = out[column].astype("Int64")
    return out
