"""The sources register (data/raw/sources.csv): what each raw file is and where it came from."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
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
#: Columns every register row fills in (say where the file comes from and what it holds).
DESCRIBED = ("title", "origin", "retrieved", "licence", "columns", "kind")


@dataclass(frozen=True)
class Kind:
    """What a register kind means: the columns its files hold and how the row reads it."""

    columns: tuple[str, ...]  # every file of the kind has these columns (as published)
    names: tuple[str, ...] = ()  # the columns that hold province or unit names
    measures: tuple[str, ...] = ("",)  # the register's measure values allowed
    basis: tuple[str, ...] = ("63", "34", "")  # the register's basis values allowed
    years: bool = False  # the register must state the years covered
    folder: str = ""  # the folder of data/raw its files live in ("" anywhere)


_DTI_NAME = ("province_as_published",)
#: Every kind the register may give, with the columns the stages read from its files.
KINDS: dict[str, Kind] = {
    "dti_ranking": Kind(("year", "rank", "province_as_published", "score", "source"), _DTI_NAME,
                        ("overall",), ("63", "34"), True, "dti"),
    "dti_scores": Kind(("TinhThanh", "Nam", "DTI_Tong", "HaTangSo", "DTI_ChinhQuyenSo",
                        "DTI_KinhTeSo", "DTI_XaHoiSo", "source"), ("TinhThanh",),
                       ("overall+main_index",), ("63", "34"), True, "dti"),
    "dti_reported": Kind(("year", "province_as_published", "rank", "score", "source", "note"),
                         _DTI_NAME, ("overall", "pillar", "main_index"), years=True, folder="dti"),
    "dti_changes": Kind(("year", "province_as_published", "change_in_rank", "source", "note"),
                        _DTI_NAME, ("overall+pillar",), years=True, folder="dti"),
    "reference": Kind((), folder="reference"),
    "covariates": Kind(("gso_code", "year", "variable", "value"), folder="covariates"),
    "governance": Kind(("index", "component", "province_as_published", "year", "value",
                        "source"), _DTI_NAME, folder="governance"),
    "press_facts": Kind(("article_id", "province", "published", "source_hint", "year",
                         "fact_type", "pillar", "indicator_text", "value", "target", "unit",
                         "denominator"), ("province",), folder="press"),
    "plan_targets": Kind(("province", "basis", "target_kind", "indicator", "target_value",
                          "due_year", "stated_in", "document", "source_url", "quote", "notes"),
                         ("province",), folder="targets"),
}
#: The columns a dti_reported file adds for its measure.
REPORTED_EXTRA = {"overall": ("basis",), "pillar": ("pillar",), "main_index": ("subindex",)}
#: The reference tables, read by their file name (kind reference).
REFERENCE = {
    "provinces.csv": (("gso_code", "name_vi", "name_ascii", "name_en_variants", "region",
                       "region_en_nso"), ("name_vi", "name_ascii")),
    "merger_2025.csv": (("old_gso_code", "old_province", "new_unit", "merged"),
                        ("old_province", "new_unit")),
    "new_units_2025.csv": (("new_unit", "old_provinces"), ("new_unit",)),
}


def file_columns(row: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the columns a registered file must hold and those that hold names, by its kind."""
    kind = KINDS[row["kind"]]
    if row["kind"] == "reference":
        return REFERENCE.get(Path(row["path"]).name, ((), ()))
    return kind.columns + REPORTED_EXTRA.get(row["measure"], ()) * (
        row["kind"] == "dti_reported"), kind.names


def name_columns(raw_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Return each registered file with columns of province names, and those columns."""
    table = register((raw_dir or config.RAW_DIR) / "sources.csv")
    out = {}
    for row in table.to_dict("records"):
        if row.get("kind") in KINDS and file_columns(row)[1]:
            out[row["path"]] = file_columns(row)[1]
    return out


def _where(number: int, column: str, value: str) -> str:
    """Return the place of a register cell as the check names it."""
    return (f"data/raw/sources.csv, row {number} (line {number + 1}), column {column!r}, "
            f"value {value!r}")


def row_problems(number: int, row: Mapping[str, str]) -> list[str]:
    """Return what is wrong with one register row's description and read columns."""
    about = f" (the row of {row['path']})"
    problems = [f"{_where(number, c, row.get(c, ''))}{about}: empty; fill it in (see "
                "CONTRIBUTING.md, 'Recipe: add next year's data')"
                for c in DESCRIBED if not row.get(c, "").strip() and c != "kind"]
    name = row.get("kind", "")
    if name not in KINDS:
        return problems + [f"{_where(number, 'kind', name)}{about}: "
                           f"{'empty' if not name else 'not a known kind'}; write one of "
                           f"{', '.join(KINDS)}"]
    kind = KINDS[name]
    if kind.folder and not row["path"].startswith(kind.folder + "/"):
        problems.append(f"{_where(number, 'path', row['path'])}: a {name} file lives in "
                        f"data/raw/{kind.folder}/; move it there or correct the kind")
    for column, allowed in (("basis", kind.basis), ("measure", kind.measures)):
        value = row.get(column, "")
        if value not in allowed:
            shown = " or ".join(repr(a) if a else "blank" for a in allowed)
            problems.append(f"{_where(number, column, value)}{about}: a {name} file's "
                            f"{column} is {shown}")
    years = row.get("years", "")
    span = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", years.strip())
    if (years or kind.years) and (not span or int(span.group(2) or span.group(1))
                                  < int(span.group(1))):
        problems.append(f"{_where(number, 'years', years)}{about}: write the assessment years "
                        "the file covers, such as 2025 or 2022-2024")
    return problems


def file_problems(root: Path, row: Mapping[str, str]) -> list[str]:
    """Return the columns a registered file lacks for its kind (its header as published)."""
    required, _ = file_columns(row)
    path = root / row["path"]
    if not required or not path.is_file() or path.suffix != ".csv":
        return []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except UnicodeDecodeError:
        return [f"data/raw/{row['path']}: not UTF-8; re-save the file as UTF-8"]
    if not any(field.strip() for field in header):
        return []  # an empty file: the stage's reader names it ("the file is empty")
    missing = [c for c in required if c not in header]
    return [f"data/raw/{row['path']}, column {c!r}: missing, and a {row['kind']} file "
            f"({row['measure'] or 'any measure'}) needs it (found: {', '.join(header)}); "
            "correct the register's kind or measure, or map the columns in code"
            for c in missing]
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
                            "_ . - only (such as dti_ranking_2025)")
    return table, problems


def check(raw_dir: Path | None = None) -> list[str]:
    """Return one message per unregistered, missing or changed raw file (empty when all fit)."""
    root = raw_dir or config.RAW_DIR
    table, problems = _register_problems(root / "sources.csv")
    if table is None:
        return problems
    for number, row in enumerate(table.to_dict("records"), start=1):
        problems += row_problems(number, row)
        if row.get("kind") in KINDS:
            problems += file_problems(root, row)
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

def ref_sources(refs: object) -> list[str]:
    """Return the source column of each raw row a clean value cites ("file:row; file:row")."""
    out = []
    for ref in refs.split("; ") if isinstance(refs, str) else []:
        relative, _, number = ref.rpartition(":")
        column = _source_column(relative)
        if number.isdigit() and 0 < int(number) <= len(column):
            out.append(column[int(number) - 1])
    return out


@cache
def _source_column(relative: str) -> tuple[str, ...]:
    """Return a raw file's 'source' column, row 1 first (empty when file or column is absent)."""
    path = config.ROOT / relative
    if not relative or not path.is_file():
        return ()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tuple(frame["source"]) if "source" in frame.columns else ()
