"""Bad press inputs name their file, row and column (issue 12: errors that name no file)."""

import shutil

import pytest

from helpers import config
from helpers.press.folder import read_manifest
from helpers.press.text import ArticleError
from helpers.schemas import DataValidationError
from helpers.targets import press_targets as targets


def test_a_manifest_saved_in_a_windows_code_page_names_the_file_and_the_fix(tmp_path):
    (tmp_path / "manifest.csv").write_bytes("file,province\na.txt,Cà Mau\n".encode("cp1258"))
    with pytest.raises(ArticleError, match=r"manifest\.csv.*not UTF-8.*re-save the file as UTF-8"):
        read_manifest(tmp_path)


def test_a_manifest_without_the_province_column_names_the_column(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,2024-01-05\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="province"):
        read_manifest(tmp_path)


def _reviewed_copy(tmp_path, edit) -> None:
    """Copy the shipped reviewed facts into a raw folder, changed by edit(text) -> text."""
    source = config.RAW_DIR / targets.REVIEWED_FACTS
    target = tmp_path / targets.REVIEWED_FACTS
    target.parent.mkdir(parents=True)
    shutil.copy(source, target)
    target.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")


def test_reviewed_facts_without_a_column_name_the_file_and_the_column(tmp_path):
    _reviewed_copy(tmp_path, lambda text: text.replace(",denominator", ",denom", 1))
    with pytest.raises(DataValidationError) as caught:
        targets.load_reviewed(tmp_path)
    message = str(caught.value)
    assert "press/reviewed_facts.csv" in message and "denominator" in message


def test_a_bad_number_in_the_reviewed_facts_names_its_row(tmp_path):
    def edit(text: str) -> str:
        header, first, *rest = text.split("\n")
        cells = first.split(",")
        cells[header.split(",").index("year")] = "2O23"
        return "\n".join([header, ",".join(cells), *rest])

    _reviewed_copy(tmp_path, edit)
    with pytest.raises(DataValidationError, match=r"row 1\b.*year.*2O23|2O23.*row 1\b"):
        targets.load_reviewed(tmp_path)
