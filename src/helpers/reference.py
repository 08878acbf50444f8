"""Checks of the reference tables (provinces, the 2025 merger, the 34 units) before a build.

Everything else reads these tables through helpers.provinces and trusts them; a missing
province or a unit naming an unknown predecessor would otherwise surface as a bare KeyError
deep inside a stage. Each problem names file, row, column and value.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import config
from .provinces import name_key
from .raw import read_csv_text
from .schemas import Problem

N_PROVINCES, N_UNITS = 63, 34


def _names(table: pd.DataFrame) -> dict[str, str]:
    """Return every spelling key of the provinces table (and the aliases) to its code."""
    keys: dict[str, str] = {}
    for row in table.itertuples(index=False):
        for spelling in [row.name_vi, row.name_ascii, *row.name_en_variants.split("|")]:
            if spelling.strip():
                keys[name_key(spelling)] = row.gso_code
    aliases = pd.read_csv(config.ALIASES_CSV, dtype=str, keep_default_na=False)
    for alias, code in zip(aliases["alias"], aliases["code"], strict=True):
        keys.setdefault(name_key(alias), code)
    return keys


def _provinces(raw: Path, problems: list[Problem]) -> pd.DataFrame:
    """Read and check provinces.csv: 63 unique two-digit codes."""
    path = raw / "reference" / "provinces.csv"
    table = read_csv_text(path, ["gso_code", "name_vi", "name_ascii", "name_en_variants",
                                 "region", "region_en_nso"], problems)
    name = "data/raw/reference/provinces.csv"
    for row, code in table["gso_code"].items():
        if not (len(code) == 2 and code.isdigit()):
            problems.append(Problem(name, int(row), "gso_code", code,
                                    "not a two-digit GSO code (such as 01)"))
    for row, code in table.loc[table["gso_code"].duplicated(), "gso_code"].items():
        problems.append(Problem(name, int(row), "gso_code", code, "code listed twice"))
    if len(table) and table["gso_code"].nunique() != N_PROVINCES:
        problems.append(Problem(name, None, "gso_code", None,
                                f"{table['gso_code'].nunique()} provinces, not "
                                f"{N_PROVINCES}; restore the table as published"))
    return table


def problems(raw_dir: Path | None = None) -> list[Problem]:
    """Return every problem of the reference tables (empty when they fit together)."""
    raw = Path(raw_dir or config.RAW_DIR)
    found: list[Problem] = []
    table = _provinces(raw, found)
    if found:
        return found
    codes, keys = set(table["gso_code"]), _names(table)
    merger = read_csv_text(raw / "reference" / "merger_2025.csv",
                           ["old_gso_code", "old_province", "new_unit", "merged"], found)
    units = read_csv_text(raw / "reference" / "new_units_2025.csv",
                          ["new_unit", "old_provinces"], found)
    merger_name, units_name = "data/raw/reference/merger_2025.csv", \
        "data/raw/reference/new_units_2025.csv"
    for row, code in merger["old_gso_code"].items():
        if code not in codes:
            found.append(Problem(merger_name, int(row), "old_gso_code", code,
                                 "no such province in reference/provinces.csv"))
    for code in sorted(codes - set(merger["old_gso_code"])):
        found.append(Problem(merger_name, None, "old_gso_code", code,
                             "province of reference/provinces.csv missing from the merger"))
    for row, value in merger["merged"].items():
        if value not in ("yes", "no"):
            found.append(Problem(merger_name, int(row), "merged", value, "write yes or no"))
    for row, value in units["old_provinces"].items():
        for member in value.split("+"):
            if name_key(member) not in keys:
                found.append(Problem(units_name, int(row), "old_provinces", member,
                                     "names no province of reference/provinces.csv"))
    for row, unit in merger["new_unit"].items():
        if unit not in set(units["new_unit"]):
            found.append(Problem(merger_name, int(row), "new_unit", unit,
                                 "no such unit in reference/new_units_2025.csv"))
    if len(units) and units["new_unit"].nunique() != N_UNITS:
        found.append(Problem(units_name, None, "new_unit", None,
                             f"{units['new_unit'].nunique()} units, not {N_UNITS}"))
    return found
