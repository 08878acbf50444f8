"""Read raw CSV files as published: text only, every problem collected with its place."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import pandas as pd

from . import config
from .schemas import Problem

T = TypeVar("T")


def display_path(path: Path) -> str:
    """Return a path relative to the repository when it lies inside it."""
    try:
        return Path(path).resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        return str(path)


def read_csv_text(path: Path, required: Iterable[str], problems: list[Problem]) -> pd.DataFrame:
    """Read a raw CSV as strings; record encoding and missing-column problems, never raise."""
    name = display_path(path)
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 4]
        problems.append(
            Problem(name, line - 1 if line > 1 else None, None, bad,
                    f"not UTF-8 (byte {error.start}, line {line}); re-save the file as UTF-8")
        )
        return pd.DataFrame(columns=list(required))
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    missing = [c for c in required if c not in frame.columns]
    for column in missing:
        problems.append(
            Problem(name, None, column, None,
                    f"required column missing (found: {', '.join(frame.columns)}); "
                    "restore the column header as published")
        )
    if missing:
        return pd.DataFrame(columns=list(required))
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def parse_column(
    frame: pd.DataFrame,
    column: str,
    parser: Callable[[str], T],
    problems: list[Problem],
    file: str,
    hint: str,
    optional: bool = True,
) -> pd.Series:
    """Parse one column value by value; record a Problem for each value that fails."""
    out: dict[int, object] = {}
    for row, value in frame[column].items():
        text = value.strip()
        if not text:
            out[row] = None
            if not optional:
                problems.append(Problem(file, int(row), column, value, f"empty; {hint}"))
            continue
        try:
            out[row] = parser(text)
        except (ValueError, KeyError) as error:
            problems.append(Problem(file, int(row), column, value, f"{error}; {hint}"))
            out[row] = None
    return pd.Series(out, index=frame.index, dtype=object)
