"""Read raw CSV files as published: text only, every problem collected with its place."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import numpy as np
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


#: No raw table of the project comes near these (the largest: about 38 000 rows, 5 MB); a file
#: beyond them is not the file as published (rows appended many times over) and is refused
#: before it is parsed, so that memory, the problem list and the failed notebook stay small.
MAX_BYTES = 32 << 20
MAX_ROWS = 250_000


def _too_large(path: Path, data: bytes | None = None) -> str | None:
    """Return why a raw file is far larger than any raw table may be (None: it is not)."""
    size = Path(path).stat().st_size if data is None else len(data)
    if size > MAX_BYTES:
        return f"{size / (1 << 20):.0f} MB"
    rows = data.count(b"\n") if data is not None else 0
    return f"{rows} lines" if rows > MAX_ROWS else None


def normalize_text(text: str) -> str:
    """Return text in Unicode NFC with one line ending ("\\n"), as a person reads the file.

    Decomposed accents (NFD, as some editors save) would slip past every pattern written in
    NFC; a line ending of several carriage returns before the newline (a file converted twice)
    is one line ending to a person, so it must be one to the row numbers too.
    """
    return re.sub(r"\r+\n|\r", "\n", unicodedata.normalize("NFC", text))


def read_csv_text(path: Path, required: Iterable[str], problems: list[Problem],
                  allow_empty: bool = False) -> pd.DataFrame:
    """Read a raw CSV as strings; record encoding, shape and column problems, never raise.

    The text is normalised first (normalize_text: NFC, one line ending), before any pattern
    sees it. Rows are numbered from 1 (row 1 is line 2, under the header). A row whose field count
    differs from the header's (an unquoted decimal comma, a lost separator) is one problem at
    its row and is left out, so it cannot shift the columns of the rows after it.
    """
    name = display_path(path)
    empty = pd.DataFrame(columns=list(required))
    try:
        large = _too_large(path) or _too_large(path, data := Path(path).read_bytes())
    except OSError as error:
        problems.append(Problem(name, None, None, None,
                                f"cannot be read ({error.strerror or error}); restore the file"))
        return empty
    if large:
        problems.append(Problem(name, None, None, None, (
            f"{large}, far more than any raw table of this project holds (at most "
            f"{MAX_BYTES >> 20} MB and {MAX_ROWS} rows); check that it is the file as published "
            "(rows appended or repeated?); it was not read")))
        return empty
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 4]
        problems.append(
            Problem(name, line - 1 if line > 1 else None, None, bad,
                    f"not UTF-8 (byte {error.start}, line {line}); re-save the file as UTF-8")
        )
        return empty
    records = list(csv.reader(io.StringIO(normalize_text(text), newline="")))
    while records and not any(field.strip() for field in records[-1]):
        records.pop()  # trailing blank lines
    if not records:
        problems.append(Problem(name, None, None, None,
                                "the file is empty; restore the header and rows as published"))
        return empty
    header, body = records[0], records[1:]
    missing = [c for c in required if c not in header]
    for column in missing:
        problems.append(
            Problem(name, None, column, None,
                    f"required column missing (found: {', '.join(header)}); "
                    "restore the column header as published")
        )
    if missing:
        return empty
    if not body and not allow_empty:
        problems.append(Problem(name, None, None, None,
                                "no data rows, only the header; restore the rows as published"))
        return empty
    kept, rows = [], []
    shifted = [(i, r) for i, r in enumerate(body, start=1)
               if len(r) != len(header) and any(f.strip() for f in r)]
    for count, (row, fields) in enumerate(shifted, start=1):
        if count == 1:
            problems.append(Problem(
                name, row, None, ",".join(fields)[:80],
                f"{len(fields)} fields where the header has {len(header)}: a comma inside a "
                "value (such as a decimal comma) shifts the columns; quote the value or use a "
                f"decimal point ({len(shifted)} row(s) in this file have the wrong field count"
                + (f": rows {', '.join(str(r) for r, _ in shifted[:10])}"
                   + (" ..." if len(shifted) > 10 else "") if len(shifted) > 1 else "") + ")"))
    bad = {row for row, _ in shifted}
    for row, fields in enumerate(body, start=1):
        if row in bad or not any(f.strip() for f in fields):
            continue
        kept.append(row)
        rows.append(fields + [""] * (len(header) - len(fields)))
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    frame.index = pd.Index(kept, dtype="int64")
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


def read_table(path: Path, required: Iterable[str]) -> pd.DataFrame:
    """Read a raw CSV as strings, indexed by row number; raise naming every problem."""
    from .schemas import raise_if_any

    problems: list[Problem] = []
    frame = read_csv_text(path, required, problems)
    raise_if_any(problems, display_path(path))
    return frame


def numbers(frame: pd.DataFrame, column: str, path: Path, whole: bool = False) -> pd.Series:
    """Return a column of numbers (blank stays blank); raise naming each bad value.

    The frame is a raw table indexed by row number (read_table); "1.234,5", "n/a" or, for a
    whole number, "2O23" is an error at its row, never a silent blank.
    """
    from .schemas import raise_if_any

    text = frame[column].astype("string").str.strip()
    parsed = pd.to_numeric(text.replace("", pd.NA), errors="coerce").astype(float)
    given = text.notna() & text.ne("")
    bad = given & parsed.isna()
    infinite = (given & parsed.abs().eq(np.inf)).fillna(False)  # "inf", "1e309"
    hint = "not a number; write it with a decimal point and no thousands separator (1234.5)"
    if whole:
        bad |= text.ne("") & parsed.notna() & (parsed % 1 != 0)
        bad |= text.eq("") | text.isna()
        hint = "not a whole number (such as 2023)"
    bad = bad.fillna(True) & ~infinite
    name = display_path(path)
    raise_if_any(sorted([Problem(name, int(row), column, value, hint)
                         for row, value in text[bad].items()]
                        + [Problem(name, int(row), column, value, "not a finite number; "
                                   "write the value as published")
                           for row, value in text[infinite].items()],
                        key=lambda p: p.row or 0), name)
    return parsed.astype(int) if whole else parsed

