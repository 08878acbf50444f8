"""The DTI 2025 forecast as a reader meets it: on each unit page and in the index's unit table."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import report
from helpers.build import publish
from helpers.report import forecast, narrative


def body(code: str, lang: str, processed_dir: str) -> str:
    """Render every section of one report page in-process."""
    ctx = report.build(code, 2024, lang, 34 if code.startswith("U") else 63, processed_dir)
    return "".join(report.section_html(ctx, s) for s in report.SECTIONS)


def saved(processed) -> pd.DataFrame:
    """Return the forecast the model stage wrote (the test needs one)."""
    table = forecast.read(processed)
    assert not table.empty, f"the model stage wrote no {forecast.FILE}"
    return table.set_index("code")


@pytest.mark.parametrize("code", ["U27", "U01"])
def test_a_unit_page_shows_the_forecast_range_held_in_the_file_in_both_languages(processed,
                                                                                 code):
    row = saved(processed).loc[code]
    low80, high80, low95, high95 = (int(row[c]) for c in ("rank_low80", "rank_high80",
                                                          "rank_low95", "rank_high95"))
    o = narrative.ordinal
    english, vietnamese = body(code, "en", str(processed)), body(code, "vi", str(processed))
    assert (f"DTI {row['year']} forecast: between {o(low80, 'en')} and {o(high80, 'en')} of 34 "
            f"(80 %), {low95}–{high95} (95 %); made on {row['made_on']} from {row['commit']}"
            ) in english
    assert "not a prediction of the exact rank" in english
    assert 'href="../methods/index.html"' in english
    assert (f"Dự báo DTI {row['year']}: trong khoảng từ thứ {low80} đến thứ {high80} trên 34 "
            f"(80 %), {low95}–{high95} (95 %); lập ngày {row['made_on']}") in vietnamese
    assert "không phải dự đoán thứ hạng chính xác" in vietnamese
    assert 'href="../methods/index.vi.html"' in vietnamese


def test_a_forecast_is_not_shown_on_pages_of_its_own_year(processed):
    table = saved(processed).reset_index()
    year = int(table["year"].iloc[0])
    assert forecast.unit_range(table, "U27", year - 1) is not None
    assert forecast.unit_range(table, "U27", year) is None, "scored then, not announced"
    assert forecast.index_cells(table, year) == {}


def test_a_province_page_shows_no_forecast(processed):
    for lang, words in (("en", "DTI 2025 forecast"), ("vi", "Dự báo DTI")):
        html = body("27", lang, str(processed))
        assert 'id="forecast"' not in html and words not in html, lang


def test_a_unit_page_without_a_forecast_file_shows_none(processed, tmp_path):
    import shutil

    copy = tmp_path / "processed"
    shutil.copytree(processed, copy)
    (copy / forecast.FILE).unlink()
    assert 'id="forecast"' not in body("U27", "en", str(copy))


def test_the_index_unit_table_has_the_forecast_column(processed, tmp_path):
    from helpers import processed as processed_tables

    table = saved(processed)
    rows = [{"geography": g, "code": c, "slug": "bac-ninh", "name": "Bắc Ninh", "lang": "en",
             "status": "ok", "rank": 11, "score": 0.7, "change": None, "n": n,
             "region_vi": "Đồng bằng sông Hồng", "region_en": "Red River Delta"}
            for g, c, n in (("province", "27", 63), ("unit", "U27", 34))]
    publish.write_index(pd.DataFrame(rows), 2024, "abc1234",
                        processed_tables.rankings(processed), tmp_path, table.reset_index())
    cell = f"{table.loc['U27', 'rank_low80']}–{table.loc['U27', 'rank_high80']}"
    for name, header in (("index.html", "2025 forecast (80 %)"),
                         ("index.vi.html", "Dự báo 2025 (80 %)")):
        html = (tmp_path / name).read_text(encoding="utf-8")
        provinces_table, units_table = html.split('id="reports-34"')
        assert header in units_table and f">{cell}</td>" in units_table, name
        assert header not in provinces_table, name

