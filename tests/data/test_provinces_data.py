"""Province names in the shipped tables: every spelling resolves; the crosswalk is whole."""

import csv

from helpers import config, provinces, sources


def test_every_province_spelling_in_the_raw_files_resolves():
    seen = set()
    for rel, columns in sources.name_columns().items():  # by each file's kind in the register
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


def test_the_name_columns_come_from_each_files_kind():
    listed = sources.name_columns()
    assert listed["dti/scores_2022_2024.csv"] == ("TinhThanh",)
    assert listed["reference/provinces.csv"] == ("name_vi", "name_ascii")
    register = sources.register()
    named = set(register.loc[register["kind"] != "covariates", "path"])  # codes, not names
    assert set(listed) == named, "give the kind's name columns in helpers.sources.KINDS"


def test_the_crosswalk_covers_63_provinces_and_34_units_both_ways():
    table = provinces.provinces()
    units = provinces.units()
    assert len(table) == 63 and len(units) == 34
    assert sorted(c for members in units["predecessors"] for c in members) == sorted(table["code"])
    assert provinces.predecessors("U27") == ("24", "27")
    assert provinces.unit_of("24") == "U27"
    assert set(provinces.crosswalk()["unit_code"]) == set(units["code"])
