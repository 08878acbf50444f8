"""The sources register lists every raw file with a checksum that still matches."""

import shutil

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
