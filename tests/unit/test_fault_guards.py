"""The guards of issue 24 one by one: text normalised at the door, spreadsheet-safe downloads,
notebooks checked before a build, plausible covariates, bounded problem lists.

The end-to-end cases (through `dti` on a repository copy) are in tests/build/test_faults.py.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, raw, sources, store
from helpers.build import nbcheck, publish
from helpers.press import cli as press_cli
from helpers.schemas import DataValidationError, Problem
from helpers.schemas.ranges import implausible


# -- text at the door ---------------------------------------------------------------------------
def test_a_decomposed_file_reads_as_the_composed_one(tmp_path):
    text = "province,note\nSơn La,đạt từ 10% GRDP\nTuyên Quang,khoảng 20%\n"
    (tmp_path / "nfc.csv").write_text(text, encoding="utf-8")
    (tmp_path / "nfd.csv").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    read = [raw.read_table(tmp_path / f"{n}.csv", ["province", "note"]) for n in ("nfc", "nfd")]
    pd.testing.assert_frame_equal(read[0], read[1])
    assert read[1].loc[1, "note"].startswith("đạt từ")


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r\r\n", "\r"])
def test_row_numbers_are_the_lines_a_person_sees_whatever_the_line_endings(tmp_path, ending):
    path = tmp_path / "t.csv"
    path.write_bytes(ending.join(["a,b", "1,x", "2,y", "3,z", ""]).encode())
    frame = raw.read_table(path, ["a", "b"])
    assert list(frame.index) == [1, 2, 3]
    assert list(frame["b"]) == ["x", "y", "z"]


@pytest.mark.parametrize("value", ["inf", "-inf", "1e309", "nan"])
def test_a_non_finite_number_is_a_located_problem(tmp_path, value):
    path = tmp_path / "t.csv"
    path.write_text(f"year,value\n2023,1.5\n2024,{value}\n", encoding="utf-8")
    frame = raw.read_table(path, ["year", "value"])
    with pytest.raises(DataValidationError) as caught:
        raw.numbers(frame, "value", path)
    [problem] = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "value", value)


def test_implausible_covariates_are_located_and_published_values_pass():
    frame = pd.DataFrame({"variable": ["grdp_per_capita", "urban_share_pct", "hdi",
                                       "health_insurance_coverage_pct", "grdp_per_capita"],
                          "value": [-149.69, 140.0, 0.7, 106.5, 149.69]},
                         index=[18, 19, 20, 21, 22])
    found = implausible(frame, "nso.csv")
    assert [(p.row, p.value) for p in found] == [(18, -149.69), (19, 140.0)]
    assert "grdp_per_capita (a positive amount)" in str(found[0])
    published = pd.read_csv(config.RAW_DIR / "covariates" / "nso_indicators.csv", dtype={
        "gso_code": str})
    assert implausible(published, "nso") == []


# -- spreadsheet-safe cells ---------------------------------------------------------------------
@pytest.mark.parametrize("value, shown", [
    ('=HYPERLINK("http://x","official")', "'=HYPERLINK(\"http://x\",\"official\")"),
    ("+1+cmd", "'+1+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\r=1", "'\r=1"), ("-3", "-3"), ("+0.5", "+0.5"), ("-1e-3", "-1e-3"), ("Hà Nội", "Hà Nội"),
])
def test_a_formula_like_cell_is_prefixed_and_a_number_is_not(value, shown):
    assert store.safe_cell(value) == shown


def _read_back(path: Path) -> list[dict]:
    """Return the rows of a CSV file as a spreadsheet importer would read them."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_every_download_is_spreadsheet_safe(tmp_path):
    ranked = pd.DataFrame({"province_code": ["10", "10"], "name_vi": ["Lào Cai", "=1+1"],
                           "basis": [63, 63], "year": [2023, 2024], "measure_type": "overall",
                           "measure": ["overall", "-x"],
                           "rank": [3, -1], "score": [0.5, -0.25],
                           "source_id": ['=HYPERLINK("http://x")', "dti"],
                           "source_ref": ["@x", "a.csv:1"]})
    manifest = pd.DataFrame({"geography": ["province"], "code": ["10"], "slug": ["lao-cai"]})
    paths = publish.write_downloads(ranked, manifest, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "data/dti_rankings.csv", "data/dti_rankings.schema.json", "province/lao-cai.csv"]
    for path in (p for p in paths if p.suffix == ".csv"):
        rows = _read_back(path)
        cells = [v for row in rows for v in row.values()]
        assert not any(c.startswith(store.FORMULA_START) and c not in ("-1", "-0.25")
                       for c in cells), cells
        assert {row["source_id"] for row in rows} == {"'=HYPERLINK(\"http://x\")", "dti"}


def test_press_extract_output_is_spreadsheet_safe(monkeypatch, capsys):
    facts = pd.DataFrame({"file": ["a.txt"], "indicator_text": ["=cmd|' /C calc'!A0"],
                          "value": [-2.0], "sentence": ["x"]})
    monkeypatch.setattr(press_cli, "extract_folder", lambda folder: (facts, []))
    assert press_cli.run("extract", Path(".")) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["indicator_text"] == "'=cmd|' /C calc'!A0" and row["value"] == "-2.0"


def test_a_register_id_that_is_not_plain_is_refused(tmp_path):
    for sub in ("dti", "reference"):
        (tmp_path / sub).mkdir()
    text = config.SOURCES_REGISTER.read_text(encoding="utf-8")
    bad = text.replace("\ndti_official_2022,", '\n"=HYPERLINK(""http://x"")",', 1)
    (tmp_path / "sources.csv").write_text(bad, encoding="utf-8")
    problems = [p for p in sources.check(tmp_path) if "source_id" in p]
    assert problems == ["data/raw/sources.csv, row 1 (line 2), column 'source_id', value "
                        "'=HYPERLINK(\"http://x\")': not a plain identifier; use letters, "
                        "digits and _ . - only (such as dti_ranking_2025)"]
    assert [p for p in sources.check() if "source_id" in p] == []


# -- notebooks that cannot be parameterized ----------------------------------------------------
def _notebook(tmp_path: Path, cells: list[dict] | str) -> Path:
    """Write a notebook file with these cells (or this raw text)."""
    path = tmp_path / "n.ipynb"
    path.write_text(cells if isinstance(cells, str) else json.dumps({"cells": cells}),
                    encoding="utf-8")
    return path


def _cell(source: str, tags: list[str]) -> dict:
    """Return a code cell with tags."""
    return {"cell_type": "code", "metadata": {"tags": tags}, "source": source.splitlines(True)}


def test_the_project_notebooks_can_be_parameterized():
    assert nbcheck.check({"30-province-report": ["province", "year", "lang", "basis",
                                                 "processed_dir"],
                          "10-clean-rankings": [], "11-clean-targets": [],
                          "20-model-factors": []}) == []


@pytest.mark.parametrize("cells, parameters, message", [
    ([_cell("a = 1\n", [])], [], "no code cell is tagged 'parameters'"),
    ([_cell("a = 1\n", ["parameters"])], ["a", "b"], "does not declare 'b' (it declares a)"),
    ([_cell("a: int = (1\n", ["parameters"])], [], "is not plain Python assignments"),
    ('{"cells": [', [], "not a valid notebook file (Expecting"),
    ("[1, 2]", [], "not a notebook (no list of cells)"),
])
def test_a_notebook_that_cannot_be_parameterized_is_named(tmp_path, cells, parameters, message):
    [problem] = nbcheck.problems(_notebook(tmp_path, cells), parameters)
    assert problem.startswith(str(tmp_path / "n.ipynb") + ": ") and message in problem, problem


def test_declared_reads_annotated_and_tuple_assignments():
    assert nbcheck.declared("from typing import Optional\nx: int = 1\na, b = 1, 2\n"
                            "c = d = 3\n") == {"x", "a", "b", "c", "d"}


def test_a_problem_names_its_place():
    assert str(Problem("f.csv", 2, "value", "-1", "bad")) == \
        "f.csv, row 2 (line 3), column 'value', value '-1': bad"


# -- press commands on a folder that is not ready ----------------------------------------------
def test_press_commands_on_a_missing_or_unlabelled_folder_say_so_in_one_line(tmp_path, capsys):
    from helpers.build import cli

    assert cli.main(["press", "extract", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing/manifest.csv: no manifest.csv" in err[0], err
    (tmp_path / "manifest.csv").write_text("file,province\n", encoding="utf-8")
    assert cli.main(["press", "evaluate", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ("expected_facts.csv: no labelled facts" in err[0]
                              or "the shared press scorer is not there" in err[0]), err
