"""The sources register lists every raw file with a checksum that still matches."""

import shutil

import pytest

from helpers import config, sources


def test_every_raw_file_is_registered_and_unchanged():
    assert sources.check() == []


def test_register_rows_say_where_each_file_comes_from():
    table = sources.register()
    for column in ("origin", "retrieved", "licence", "columns", "sha256"):
        assert table[column].str.len().gt(0).all(), column


def test_check_reports_an_unregistered_and_a_changed_file(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR / "dti", raw / "dti")
    shutil.copytree(config.RAW_DIR / "reference", raw / "reference")
    shutil.copy(config.SOURCES_REGISTER, raw / "sources.csv")
    (raw / "dti" / "new_table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with open(raw / "dti" / "official_2022_ranking.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    problems = sources.check(raw)
    assert any("new_table.csv: not in the sources register" in p for p in problems)
    assert any("official_2022_ranking.csv: checksum differs" in p for p in problems)


#: An invented DTI file: the year after the latest any registered DTI file covers.
YEAR = max(int(y.split("-")[-1]) for y in sources.of_kind("dti")["years"] if y) + 1
NEW = f"dti/official_{YEAR}_ranking.csv"


def register_copy(tmp_path):
    """Return a copy of data/raw whose register a test may break."""
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    return raw


def test_a_second_row_for_one_path_is_a_problem(tmp_path):
    raw = register_copy(tmp_path)
    register = raw / "sources.csv"
    lines = register.read_text(encoding="utf-8").splitlines(keepends=True)
    register.write_text("".join([*lines, lines[2].replace(lines[2].split(",")[0], "again", 1)]),
                        encoding="utf-8")
    problems = sources.check(raw)
    assert problems == [f"data/raw/sources.csv, row {len(lines)} (line {len(lines) + 1}), "
                        f"column 'path', value '{lines[2].split(',')[1]}': already registered "
                        "in row 2; keep one row per raw file"]


def test_a_register_without_its_checksum_column_names_the_column(tmp_path):
    raw = register_copy(tmp_path)
    register = raw / "sources.csv"
    text = register.read_text(encoding="utf-8")
    assert ",sha256," in text.splitlines()[0]
    register.write_text(text.replace(",sha256,", ",checksum,", 1), encoding="utf-8")
    [problem] = sources.check(raw)
    assert problem.startswith("data/raw/sources.csv, column 'sha256': required column missing")


def test_an_unreadable_register_is_one_problem(tmp_path):
    raw = register_copy(tmp_path)
    (raw / "sources.csv").write_bytes("source_id,path\nx,ả\n".encode("cp1258", "replace")
                                      + b"\xff\xfe")
    [problem] = sources.check(raw)
    assert "data/raw/sources.csv: unreadable (UnicodeDecodeError" in problem


def test_the_shipped_reference_tables_fit_together():
    from helpers import reference

    assert reference.problems() == []


def test_reference_faults_name_file_row_column_and_value(tmp_path):
    from helpers import reference

    raw = register_copy(tmp_path)
    units = raw / "reference" / "new_units_2025.csv"
    units.write_bytes(units.read_bytes().replace("Hà Giang+Tuyên Quang".encode(),
                                                 "Hà Giangg+Tuyên Quang".encode(), 1))
    merger = raw / "reference" / "merger_2025.csv"
    merger.write_bytes(merger.read_bytes().replace(b"\n15,", b"\n99,", 1))
    found = [str(p) for p in reference.problems(raw)]
    assert ("data/raw/reference/new_units_2025.csv, row 1 (line 2), column 'old_provinces', "
            "value 'Hà Giangg': names no province of reference/provinces.csv") in found
    assert any(p.startswith("data/raw/reference/merger_2025.csv, row ") and "value '99'" in p
               for p in found), found
    assert any("value '15': province of reference/provinces.csv missing from the merger" in p
               for p in found), found


def row_as_the_old_recipe_wrote_it(raw, rel: str, **cells: str) -> None:
    """Append a register row for an invented DTI file, with the given cells filled in."""
    import csv

    path = raw / rel
    path.write_text("year,rank,province_as_published,score,source\n"
                    f"{YEAR},1,Hà Nội,0.9000,invented for a test\n", encoding="utf-8")
    with open(raw / "sources.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    row = {"source_id": f"dti_{YEAR}", "path": rel, "title": "invented", "origin": "a test",
           "retrieved": "2026-12-01", "licence": "none", "columns": "year | rank",
           "sha256": sources.sha256(path), **cells}
    with open(raw / "sources.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([row.get(c, "") for c in header])


def test_a_row_without_its_kind_is_named_by_the_check_not_by_the_build(tmp_path):
    raw = register_copy(tmp_path)
    row_as_the_old_recipe_wrote_it(raw, NEW)
    row = len(sources.register(raw / "sources.csv"))
    [problem] = sources.check(raw)
    assert problem.startswith(f"data/raw/sources.csv, row {row} (line {row + 1}), column 'kind', "
                              "value ''"
                              f" (the row of {NEW}): empty; write one of "
                              "dti_ranking, dti_scores"), problem


@pytest.mark.parametrize(("cells", "expected"), [
    ({"kind": "dti_rankings", "basis": "34", "years": str(YEAR), "measure": "overall"},
     f"column 'kind', value 'dti_rankings' (the row of {NEW}): not a "
     "known kind"),
    ({"kind": "dti_ranking", "basis": "", "years": str(YEAR), "measure": "overall"},
     f"column 'basis', value '' (the row of {NEW}): a dti_ranking "
     "file's basis is '63' or '34'"),
    ({"kind": "dti_ranking", "basis": "34", "years": f"{YEAR}-{YEAR - 1}", "measure": "overall"},
     f"column 'years', value '{YEAR}-{YEAR - 1}'"),
    ({"kind": "dti_ranking", "basis": "34", "years": "", "measure": "overall"},
     "column 'years', value ''"),
    ({"kind": "dti_ranking", "basis": "34", "years": str(YEAR), "measure": "pillar"},
     f"column 'measure', value 'pillar' (the row of {NEW}): a "
     "dti_ranking file's measure is 'overall'"),
    ({"kind": "dti_scores", "basis": "34", "years": str(YEAR), "measure": "overall+main_index"},
     f"data/raw/{NEW}, column 'TinhThanh': missing, and a dti_scores "
     "file (overall+main_index) needs it"),
    ({"kind": "plan_targets", "basis": "", "years": "", "measure": ""},
     "a plan_targets file lives in data/raw/targets/"),
    ({"kind": "dti_ranking", "basis": "34", "years": str(YEAR), "measure": "overall",
      "licence": ""}, f"column 'licence', value '' (the row of {NEW}): "
     "empty; fill it in"),
])
def test_every_read_column_of_a_row_is_checked(tmp_path, cells, expected):
    raw = register_copy(tmp_path)
    row_as_the_old_recipe_wrote_it(raw, NEW, **cells)
    problems = sources.check(raw)
    assert any(expected in p for p in problems), problems


def test_a_row_the_check_accepts_is_read_by_the_cleaning(tmp_path):
    from helpers.rankings.read import registered_tables
    from helpers.schemas import Problem

    raw = register_copy(tmp_path)
    row_as_the_old_recipe_wrote_it(raw, NEW, kind="dti_ranking",
                                   basis="34", years=str(YEAR), measure="overall")
    assert sources.check(raw) == []
    found: list[Problem] = []
    tables = registered_tables(raw, found)
    assert found == [] and NEW in {t.rel for t in tables}
