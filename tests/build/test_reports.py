"""Province and unit reports: papermill runs in both languages, checked as a reader would."""

import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import provinces
from helpers.build import pipeline

REQUIRED = {
    "en": ["Summary", "Rank and score over the years", "Main indices against the country",
           "Regional peers", "What provinces like it usually reach", "Targets and the province",
           "Data and method"],
    "vi": ["Tóm tắt", "Thứ hạng và điểm số qua các năm", "Các chỉ số chính",
           "Các tỉnh cùng vùng", "Mức mà các tỉnh tương tự thường đạt", "Mục tiêu",
           "Dữ liệu và phương pháp"],
}


@pytest.fixture(scope="module")
def built(processed, tmp_path_factory):
    root = tmp_path_factory.mktemp("reports")
    jobs = pipeline.report_jobs(2024, ("en", "vi"), ["Bắc Ninh", "unit:Bắc Ninh", "Lào Cai"],
                                processed_dir=str(processed))
    jobs.append(pipeline.ReportJob("province", "99", "nowhere", "Nowhere", "en", 2024,
                                   str(processed)))
    manifest = pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    return root, manifest


def text_of(html: str) -> str:
    html = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("page", ["province/bac-ninh.en", "province/bac-ninh.vi",
                                  "unit/bac-ninh.en", "unit/bac-ninh.vi",
                                  "province/lao-cai.en", "province/lao-cai.vi"])
def test_report_pages_read_as_a_reader_expects(built, page):
    root, _ = built
    path = root / f"{page}.html"
    html = path.read_text(encoding="utf-8")
    lang = page.rsplit(".", 1)[1]
    assert path.stat().st_size < 1_000_000
    assert f'<html lang="{lang}">' in html
    assert 'name="viewport"' in html
    assert "jp-InputArea" not in html and "report.section" not in html, "no code in the page"
    assert "Traceback" not in html and "jp-OutputArea-error" not in html
    assert re.search(r"<img [^>]*src=\"data:image/png;base64,", html), "images embedded"
    assert not re.search(r'<(img|script|link)[^>]+(src|href)="https?://', html), "no remote files"
    text = text_of(html)
    for heading in REQUIRED[lang]:
        assert heading in text, heading
    twin = "vi" if lang == "en" else "en"
    assert f'href="{Path(page).name.rsplit(".", 1)[0]}.{twin}.html"' in html
    assert 'href="../index' in html, "a link back to the index"
    slug = Path(page).name.split(".")[0]
    assert f'href="{slug}.csv"' in html and (path.parent / f"{slug}.csv").exists(), "download"


def test_bac_ninh_narrative_states_its_ranks(built):
    root, _ = built
    english = text_of((root / "province/bac-ninh.en.html").read_text(encoding="utf-8"))
    assert "ranked 21st of 63" in english
    assert "7th of 63 in 2022 (official table)" in english
    assert "18th of 63 in 2023 (derived from the scores)" in english
    vietnamese = text_of((root / "province/bac-ninh.vi.html").read_text(encoding="utf-8"))
    assert "xếp thứ 21/63" in vietnamese and "thứ 7/63 năm 2022 (bảng chính thức)" in vietnamese
    assert "0,7364" in vietnamese


def test_built_pages_state_every_summary_sentence_as_the_data_holds_it(built, processed):
    from .test_sentences import check_page  # the sentence-truth checks, on pages papermill built

    root, _ = built
    for page, code in (("province/bac-ninh", "27"), ("unit/bac-ninh", "U27"),
                       ("province/lao-cai", "10")):
        for lang in ("en", "vi"):
            html = (root / f"{page}.{lang}.html").read_text(encoding="utf-8")
            found = check_page(html, code, lang, str(processed))
            assert not [w for _, wrong in found.values() for w in wrong], (page, lang, found)
            assert sum(n for n, _ in found.values()) > 0


def test_unit_report_shows_the_34_basis_result_and_both_predecessors(built):
    root, _ = built
    text = text_of((root / "unit/bac-ninh.en.html").read_text(encoding="utf-8"))
    assert "ranked 11th of 34" in text
    assert "Bắc Giang (joint 13th of 63 in 2024)" in text  # shares its rank with another
    assert "Bắc Ninh (21st of 63 in 2024)" in text


def test_a_failing_report_is_kept_listed_and_the_others_go_on(built):
    root, manifest = built
    failed = manifest[manifest["status"] != "ok"]
    assert failed["slug"].tolist() == ["nowhere"]
    assert (root / failed["notebook"].iloc[0]).exists()
    assert not (root / "province/nowhere.en.html").exists()
    assert (manifest["status"] == "ok").sum() == 6
    index = (root / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'(?s)<tr class="(fail)?"[^>]*>(.*?)</tr>', index)
    failed_rows = [text_of(row) for fail, row in rows if fail]
    assert len(failed_rows) == 1 and "Nowhere" in failed_rows[0], failed_rows
    assert failed_rows[0].strip().endswith("en: failed"), "the status column says which page failed"
    assert sum(not fail and 'href="province/bac-ninh.vi.html"' in row for fail, row in rows) == 1


def test_index_lists_reports_with_both_links_and_a_tile_map(built):
    root, _ = built
    html = (root / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "<svg" in html
    assert html.count("<rect") == 63 + 34, "a tile per province and one per 2025 unit"
    assert 'href="province/bac-ninh.en.html"' in html and 'href="province/bac-ninh.vi.html"' in html
    assert (root / "index.vi.html").exists()
    assert (root / "data" / "dti_rankings.csv").exists(), "the full table as a download"
    title = re.search(r"<title>(.*?)</title>", (root / "unit/bac-ninh.en.html")
                      .read_text(encoding="utf-8")).group(1)
    assert "unit" in title and title != re.search(r"<title>(.*?)</title>", (
        root / "province/bac-ninh.en.html").read_text(encoding="utf-8")).group(1)
    manifest = pd.read_csv(root / "manifest.csv")
    assert {"geography", "code", "lang", "rank", "score", "change", "status"} <= set(manifest)


def test_downloads_written_beside_the_reports_are_those_of_the_final_manifest(
        built, processed, tmp_path):
    """The downloads are written while the reports render, from the manifest predicted before
    them: they must be the ones the finished manifest gives, one per place, failed ones too."""
    from helpers import processed as tables
    from helpers.build import publish

    root, _ = built
    listed = pd.read_csv(root / "manifest.csv", dtype={"code": str})
    again = publish.write_downloads(tables.rankings(str(processed)), listed, tmp_path)
    assert len(again) == 2 + 4, "the full table, its schema and one per place (nowhere too)"
    for path in again:
        beside = root / path.relative_to(tmp_path)
        assert beside.read_bytes() == path.read_bytes(), beside


def test_index_pages_drawn_beside_are_written_only_for_the_manifest_they_show(
        built, processed, tmp_path):
    """Index pages drawn while the reports run, from the manifest predicted (every page ok),
    must not be written when a report failed: the index then shows the failure."""
    from helpers.build import cache
    from helpers.build import manifest as site

    def text(html: str) -> str:
        return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "", html)

    root, _ = built
    listed = pd.read_csv(root / "manifest.csv", dtype={"code": str})
    listed["error"] = listed["error"].fillna("")
    predicted = site.draw_index(tmp_path, listed.assign(status="ok", error=""), 2024, processed)
    records = cache.BuildCache(tmp_path / ".build-cache.json")
    assert site.write_index(tmp_path, listed, 2024, records, processed, drawn=predicted)
    index = tmp_path / "index.html"
    assert text(index.read_text(encoding="utf-8")) != text(predicted[1][index])
    assert text(index.read_text(encoding="utf-8")) == text(
        site.draw_index(tmp_path, listed, 2024, processed)[1][index])
    drawn = site.draw_index(tmp_path, listed, 2024, processed)
    drawn[1][index] += "<!-- drawn beside -->"
    assert site.write_index(tmp_path, listed, 2024, cache.BuildCache(
        tmp_path / "another-cache.json"), processed, drawn=drawn)
    assert index.read_text(encoding="utf-8").endswith("<!-- drawn beside -->"), "used as drawn"


def test_an_unknown_province_fails_at_once_with_candidates():
    with pytest.raises(provinces.UnknownProvinceError, match="Bắc Ninh"):
        pipeline.report_jobs(2024, ("en",), ["Bắc Nihn"])


def site_files(root: Path) -> dict[str, str]:
    """Return the text of every file of a built site but its notebooks and build records,
    with build times and the manifest's timings left out."""
    files = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if not path.is_file() or name.startswith(("executed/", ".build-cache")):
            continue
        text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "TIME", path.read_text(encoding="utf-8"))
        if name == "manifest.csv":
            text = pd.read_csv(path).drop(columns="seconds").to_csv(index=False)
        files[name] = text
    return files


def test_two_shards_and_the_index_make_the_site_of_one_build(processed, tmp_path):
    jobs = pipeline.report_jobs(2024, ("en", "vi"), ["Lào Cai", "unit:Huế"],
                                processed_dir=str(processed))
    whole = tmp_path / "whole"
    pipeline.build_reports(jobs, workers=2, out_root=whole, progress=False)
    gathered = tmp_path / "gathered"  # as CI gathers the pages of shards built apart
    for which in ("1/2", "2/2"):
        part = tmp_path / f"shard{which[0]}"
        shard = pipeline.shard(jobs, which)
        assert len(shard) == 2
        pipeline.build_reports(shard, workers=1, out_root=part, progress=False, site=False)
        assert not (part / "index.html").exists() and not (part / "manifest.csv").exists()
        for page in part.glob("*/*.html"):
            (gathered / page.parent.name).mkdir(parents=True, exist_ok=True)
            page.replace(gathered / page.parent.name / page.name)
    pipeline.write_site(2024, gathered, str(processed))
    expected, got = site_files(whole), site_files(gathered)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


@pytest.mark.parametrize("which", ["0/2", "3/2", "1", "a/b", "1/0"])
def test_a_shard_that_names_no_part_is_refused(which):
    with pytest.raises(ValueError, match="1 <= i <= n"):
        pipeline.shard([], which)
