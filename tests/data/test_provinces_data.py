"""Province names in the shipped tables: every spelling resolves; the crosswalk is whole."""

import csv

from helpers import config, provinces

#: Each raw file with columns that hold province names.
NAME_COLUMNS = {
    "dti/official_2022_ranking.csv": ["province_as_published"],
    "dti/scores_2022_2024.csv": ["TinhThanh"],
    "dti/reported_overall.csv": ["province_as_published"],
    "dti/reported_pillars.csv": ["province_as_published"],
    "dti/reported_subindices.csv": ["province_as_published"],
    "dti/reported_changes.csv": ["province_as_published"],
    "governance/provincial_indices.csv": ["province_as_published"],
    "targets/dti_targets.csv": ["province"],
    "reference/provinces.csv": ["name_vi", "name_ascii"],
    "reference/merger_2025.csv": ["old_province"],
    "press/reviewed_facts.csv": ["province"],
}


def test_every_province_spelling_in_the_raw_files_resolves():
    seen = set()
    for rel, columns in NAME_COLUMNS.items():
        with open(config.RAW_DIR / rel, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                seen.update(row[c] for c in columns)
    with open(config.NEW_UNITS_CSV, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            seen.update(row["old_provinces"].split("+"))
            seen.add(row["new_unit"])
    assert len(seen) > 250
    codes = {name: provinces.resolve(name) for name in seen}
    known = set(provinces.provinces()["code"]) | set(provinces.units()["code"])
    assert set(codes.values()) <= known
    assert set(provinces.provinces()["code"]) <= set(codes.values())


def test_raw_files_without_a_name_column_list_are_checked_elsewhere():
    listed = set(NAME_COLUMNS) | {"covariates/nso_indicators.csv", "reference/new_units_2025.csv"}
    present = {p.relative_to(config.RAW_DIR).as_posix() for p in config.RAW_DIR.rglob("*.csv")
               if p.name != "sources.csv"}
    assert present <= listed, f"add the name columns of {present - listed} to NAME_COLUMNS"


def test_the_crosswalk_covers_63_provinces_and_34_units_both_ways():
    table = provinces.provinces()
    units = provinces.units()
    assert len(table) == 63 and len(units) == 34
    assert sorted(c for members in units["predecessors"] for c in members) == sorted(table["code"])
    assert provinces.predecessors("U27") == ("24", "27")
    assert provinces.unit_of("24") == "U27"
    assert set(provinces.crosswalk()["unit_code"]) == set(units["code"])
