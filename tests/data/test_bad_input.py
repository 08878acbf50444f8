"""Bad raw input: one clear error naming file, row, column and value; nothing written."""

from pathlib import Path

import pytest
from conftest import snapshot

from helpers import rankings
from helpers.schemas import DataValidationError

OFFICIAL = "dti/official_2022_ranking.csv"
SCORES = "dti/scores_2022_2024.csv"


def edit(raw: Path, rel: str, old: str, new: str) -> None:
    path = raw / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_stage(raw: Path, out: Path) -> None:
    rankings.write(rankings.clean(raw), out)


@pytest.fixture
def processed(tmp_path: Path) -> Path:
    out = tmp_path / "processed"
    out.mkdir()
    (out / "dti_rankings.csv").write_text("an earlier, valid table\n", encoding="utf-8")
    return out


def fails_cleanly(raw: Path, out: Path, *expected: str) -> str:
    before = snapshot(out)
    with pytest.raises(DataValidationError) as caught:
        run_stage(raw, out)
    message = str(caught.value)
    for part in expected:
        assert part in message, message
    assert message.startswith("1 problem"), message
    assert snapshot(out) == before
    return message


def test_missing_column(raw_copy, processed):
    edit(raw_copy, SCORES, "TinhThanh,Nam,DTI_Tong", "TinhThanh,Nam,Total")
    fails_cleanly(raw_copy, processed, "scores_2022_2024.csv", "column 'DTI_Tong'",
                  "required column missing")


def test_score_that_is_not_a_number(raw_copy, processed):
    edit(raw_copy, SCORES, "TP. Đà Nẵng,2022,0.8002", "TP. Đà Nẵng,2022,0,8x")
    # the comma splits the field, so quote it as a spreadsheet would
    edit(raw_copy, SCORES, "0,8x", '"0,8x"')
    fails_cleanly(raw_copy, processed, "scores_2022_2024.csv", "row 1 (line 2)",
                  "column 'DTI_Tong'", "value '0,8x'", "not a score")


def test_rank_outside_the_field(raw_copy, processed):
    edit(raw_copy, OFFICIAL, "2022,63,Bắc Kạn", "2022,64,Bắc Kạn")
    fails_cleanly(raw_copy, processed, "official_2022_ranking.csv", "row 63",
                  "column 'rank'", "value '64'", "outside 1..63")


def test_unknown_province(raw_copy, processed):
    edit(raw_copy, OFFICIAL, "2022,7,Bắc Ninh", "2022,7,Bắc Nihn")
    message = fails_cleanly(raw_copy, processed, "official_2022_ranking.csv", "row 7",
                            "value 'Bắc Nihn'", "did you mean 'Bắc Ninh'")
    assert "missing" not in message


def test_duplicated_province_year(raw_copy, processed):
    path = raw_copy / SCORES
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[5]]), encoding="utf-8")
    fails_cleanly(raw_copy, processed, "scores_2022_2024.csv", f"row {len(lines)}",
                  "already appears in row 5")


def test_file_that_is_not_utf8(raw_copy, processed):
    path = raw_copy / OFFICIAL
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    fails_cleanly(raw_copy, processed, "official_2022_ranking.csv", "not UTF-8",
                  "re-save the file as UTF-8")


def test_every_problem_is_reported_at_once(raw_copy, processed):
    edit(raw_copy, OFFICIAL, "2022,63,Bắc Kạn", "2022,64,Bắc Kạn")
    edit(raw_copy, OFFICIAL, "2022,7,Bắc Ninh", "2022,7,Bắc Nihn")
    with pytest.raises(DataValidationError) as caught:
        run_stage(raw_copy, processed)
    assert len(caught.value.problems) == 2


def test_header_only_official_table(raw_copy, processed):
    path = raw_copy / OFFICIAL
    path.write_text(path.read_text(encoding="utf-8").splitlines(keepends=True)[0],
                    encoding="utf-8")
    message = str(pytest.raises(DataValidationError, run_stage, raw_copy, processed).value)
    assert "official_2022_ranking.csv: no data rows, only the header" in message


def test_an_unquoted_decimal_comma_is_one_problem_at_its_row(raw_copy, processed):
    edit(raw_copy, SCORES, "TP. Đà Nẵng,2022,0.8002", "TP. Đà Nẵng,2022,0,8002")
    before = snapshot(processed)
    caught = pytest.raises(DataValidationError, run_stage, raw_copy, processed).value
    shifted = [p for p in caught.problems if "fields where the header has" in p.message]
    assert [str(p) for p in shifted] == [str(shifted[0])] and shifted[0].row == 1
    assert "9 fields where the header has 8" in str(shifted[0])
    assert len(caught.problems) <= 2  # the row itself, and the province it leaves missing
    assert snapshot(processed) == before


def test_an_empty_file(raw_copy, processed):
    (raw_copy / OFFICIAL).write_bytes(b"")
    message = str(pytest.raises(DataValidationError, run_stage, raw_copy, processed).value)
    assert "official_2022_ranking.csv: the file is empty" in message
