"""The sources register (data/raw/sources.csv): what each raw file is and where it came from."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from . import config

#: Files in data/raw that document the data rather than hold it.
NOT_DATA = {"README.md", "sources.csv"}


def register(path: Path | None = None) -> pd.DataFrame:
    """Return the sources register, one row per raw file, indexed by source_id."""
    table = pd.read_csv(path or config.SOURCES_REGISTER, dtype=str, keep_default_na=False)
    return table.set_index("source_id", drop=False).rename_axis(None)


#: Columns that say how a file is read (kind, basis, years covered, measure); may be blank.
READ_COLUMNS = ("kind", "basis", "years", "measure")


def of_kind(prefix: str, path: Path | None = None) -> pd.DataFrame:
    """Return the register rows whose kind starts with prefix, the read columns filled in."""
    table = register(path)
    for column in READ_COLUMNS:
        table[column] = table[column].fillna("") if column in table else ""
    return table[table["kind"].str.startswith(prefix)]

def sha256(path: Path) -> str:
    """Return the SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def raw_files(raw_dir: Path | None = None) -> list[str]:
    """Return every data file under data/raw, as paths relative to it."""
    root = raw_dir or config.RAW_DIR
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name not in NOT_DATA and not p.name.startswith(".")
    )


#: Columns the register check needs.
REQUIRED = ("source_id", "path", "sha256")
#: What a source id may be: letters, digits and _ . - (it is copied into every table and download).
SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")


def _register_problems(path: Path) -> tuple[pd.DataFrame | None, list[str]]:
    """Read the register for the check; return it (or None) with its own problems."""
    name = "data/raw/sources.csv"
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        return None, [f"{name}: missing; restore the sources register"]
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        reason = str(error).strip().splitlines()[-1]
        return None, [f"{name}: unreadable ({type(error).__name__}: {reason}); restore it as "
                      "UTF-8 CSV with one row per raw file"]
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        return None, [f"{name}, column {c!r}: required column missing (found: "
                      f"{', '.join(table.columns)}); restore the column" for c in missing]
    problems = []
    for column in ("path", "source_id"):
        repeated = table[table[column].duplicated(keep="first") & table[column].ne("")]
        for row, value in repeated[column].items():
            first = int(table.index[table[column] == value][0]) + 1
            problems.append(f"{name}, row {row + 1} (line {row + 2}), column {column!r}, value "
                            f"{value!r}: already registered in row {first}; keep one row per "
                            "raw file")
    for row, value in table["source_id"].items():
        if not SOURCE_ID.fullmatch(value):
            problems.append(f"{name}, row {row + 1} (line {row + 2}), column 'source_id', value "
                            f"{value[:60]!r}: not a plain identifier; use letters, digits and "
                            "_ . - only (such as dti_official_2022)")
    return table, problems


def check(raw_dir: Path | None = None) -> list[str]:
    """Return one message per unregistered, missing or changed raw file (empty when all fit)."""
    root = raw_dir or config.RAW_DIR
    table, problems = _register_problems(root / "sources.csv")
    if table is None:
        return problems
    registered = dict(zip(table["path"], table["sha256"], strict=True))
    problems += [
        f"data/raw/{rel}: not in the sources register; add a row to data/raw/sources.csv"
        for rel in raw_files(root)
        if rel not in registered
    ]
    for rel, expected in registered.items():
        path = root / rel
        if not path.is_file():
            problems.append(f"data/raw/{rel}: listed in the sources register but missing")
        elif sha256(path) != expected:
            problems.append(
                f"data/raw/{rel}: checksum differs from the register; raw files stay as published "
                "(clean in code), or record the new version's sha256 with its source"
            )
    return problems
