"""Report and index pages as a reader meets them: language, merger, conflicts, ties, downloads."""

from __future__ import annotations

import json
import re
from functools import cache

import pandas as pd
import pytest

from helpers import processed as processed_tables
from helpers import provinces, report, vocab
from helpers.build import publish
from helpers.report import narrative, sections, tables

#: Sections written by other areas (targets and claims); their wording is checked there.
OTHER_AREAS: tuple[str, ...] = ()
#: Words both languages use (acronyms, the index's name, file formats).
SHARED_WORDS = {"dti", "csv", "papi", "grdp", "utc", "http", "https"}


def page(code: str, lang: str, processed_dir: str) -> str:
    """Render one report page in-process (every section, in the page frame)."""
    ctx = report.build(code, 2024, lang, 34 if code.startswith("U") else 63, processed_dir)
    body = "".join(report.section_html(ctx, s) for s in report.SECTIONS if s not in OTHER_AREAS)
    other = "vi" if lang == "en" else "en"
    return narrative.render("page.html.j2", lang=lang, other_lang=other, title=ctx.name,
                            t=narrative.TEXT[lang], twin=f"{ctx.slug}.{other}.html",
                            index="../index.html", body=body, build_key="")


def reader_text(html: str, lang: str) -> str:
    """Return what a reader of a language reads: text and alt text, minus marked foreign spans."""
    other = "vi" if lang == "en" else "en"
    html = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    html = re.sub(rf'(?s)<(\w+)[^>]*\blang="{other}"[^>]*>.*?</\1>', " ", html)
    alts = " ".join(re.findall(r'alt="([^"]*)"', html))
    text = re.sub(r"<[^>]+>", " ", html) + " " + alts
    return re.sub(r"https?://\S+|\S+\.(vn|com|org)\S*", " ", text)


def words(text: str) -> set[str]:
    """Return the lower-case words of a text (letters only, 3 or more)."""
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}


@cache
def vocabulary() -> dict[str, set[str]]:
    """Return the words only English pages and only Vietnamese pages may contain."""
    en = {v for v in narrative.TEXT["en"].values()}
    vi = {v for v in narrative.TEXT["vi"].values()}
    for table in (vocab.MEASURE_NAMES, vocab.ORIGINS, vocab.SOURCE_KINDS, vocab.FACT_TYPES):
        en |= {v["en"] for v in table.values()}
        vi |= {v["vi"] for v in table.values()}
    vi |= set(vocab.FACTOR_NAMES_VI.values())
    en |= set(vocab.FACTOR_NAMES_VI)
    places = " ".join([*provinces.provinces()["name_vi"], *provinces.provinces()["region"],
                       *provinces.units()["name_vi"], *provinces.units()["full_name"]])
    en_words, vi_words = words(" ".join(en)), words(" ".join(vi))
    english = en_words - vi_words - SHARED_WORDS
    vietnamese = {w for w in vi_words - en_words - words(places) - SHARED_WORDS
                  if not w.isascii()}
    return {"en": english, "vi": vietnamese}


SAMPLE = ["27", "U27", "01", "U01", "11", "79", "U79", "10"]


@pytest.mark.parametrize("code", SAMPLE)
def test_a_vietnamese_page_has_no_english_template_word_and_vice_versa(processed, code):
    for lang, foreign in (("vi", "en"), ("en", "vi")):
        text = reader_text(page(code, lang, str(processed)), lang)
        leaked = words(text) & vocabulary()[foreign]
        assert not leaked, f"{code}.{lang} shows {foreign} words: {sorted(leaked)[:12]}"


def test_the_vocabulary_check_catches_an_english_sentence_on_a_vietnamese_page():
    text = reader_text("<p>Năm 2024 no rank for 2022 in the official table</p>", "vi")
    assert words(text) & vocabulary()["en"] >= {"official", "table"}
    assert not words(reader_text('<p lang="en">official table</p>', "vi")) & vocabulary()["en"]


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_only_merged_units_say_formed_from_and_pages_link_both_ways(processed, lang):
    formed = {"en": "The unit was formed on", "vi": "Đơn vị được thành lập ngày"}[lang]
    t = narrative.TEXT[lang]
    for code in ("U01", "U27", "U79"):
        html = page(code, lang, str(processed))
        merged = len(provinces.predecessors(code)) > 1
        assert (formed in html) == merged, code
        assert (t["predecessors"] in html) == merged, code
        for member in provinces.predecessors(code):
            slug = provinces.provinces().loc[member, "slug"]
            assert f'href="../province/{slug}.{lang}.html"' in html
    hanoi = page("01", lang, str(processed))
    assert 'href="../unit/ha-noi.' + lang + '.html"' in hanoi
    unchanged = narrative.page_text(lang, "01")["province_unchanged"].format(
        name="Hà Nội", date=vocab.merger_date(lang))
    assert unchanged in hanoi and formed not in hanoi
    assert t["unit_rank"].format(rank=1, year=2024) in hanoi, "Hà Nội: 1st of 34 shown"


def test_every_province_headline_links_to_its_unit(processed):
    t = tables.tables(str(processed))
    for code, row in provinces.provinces().iterrows():
        ctx = tables.identity(code, 2024, "en", narrative.TEXT["en"])  # the headline alone
        for name, value in sections.headline.numbers(t, ctx).items():
            setattr(ctx, name, value)
        ctx.method = {"download": "x.csv"}
        html = narrative.render("headline.html.j2", **ctx.as_dict(), **vocab.page_terms("en"))
        unit_slug = provinces.units().loc[row["unit_code"], "slug"]
        assert f'href="../unit/{unit_slug}.en.html"' in html, code
        assert ("formed with" in html) == bool(row["merged"]), code


def test_a_province_whose_sources_disagree_says_so_with_both_figures(processed):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page("11", "en", str(processed))))
    conflicts = pd.read_csv(processed / "conflicts.csv", dtype=str)
    row = conflicts[(conflicts["province_code"] == "11") & (conflicts["field"] == "rank")].iloc[0]
    host = re.search(r"https?://([^/]+)/", row["other_source"]).group(1)
    sentence = next(s for s in text.split(". ") if "Sources disagree" in s)
    kept = f"rank {row['other_value']} (kept here: {row['kept_value']},"
    assert host in sentence and kept in sentence
    vi = page("11", "vi", str(processed))
    assert host in vi and "Các nguồn không thống nhất" in vi


def test_ties_for_the_best_score_are_named_with_their_count(processed):
    ranked = processed_tables.rankings(processed)
    part = ranked[(ranked["basis"] == 63) & (ranked["year"] == 2024)
                  & (ranked["measure"] == "ha_tang_so")]
    tied = int((part["score"] == part["score"].max()).sum())
    assert tied > 3, "the shipped data has a tie at the top of digital infrastructure"
    html = page("27", "en", str(processed))
    assert f"{tied} provinces at {narrative.number(part['score'].max(), 'en')}" in html


def test_derived_ranks_are_marked_on_the_headline_card(processed):
    html = page("27", "vi", str(processed))
    card = html[html.index('id="headline"'):html.index("</section>")]
    assert '<span class="tag">tính từ điểm</span>' in card
    assert narrative.TEXT["vi"]["derived_note"] in card


def test_method_box_explains_the_index_cites_and_offers_the_data(processed):
    for lang in narrative.LANGS:
        html = page("10", lang, str(processed))
        method = html[html.index('id="method"'):]
        assert "DTI 2024" in method and str(vocab.release_year(2024)) in method
        assert 'href="lao-cai.csv"' in method and narrative.TEXT[lang]["citation"] in method
        assert "../licence.html#code" in method and "../licence.html#data" in method
        assert 'href="https://dti.gov.vn/xep-hang-2024-63-tinh"' in method, "the ministry's page"
        assert "@misc{dti-lao-cai-2024," in method and re.search(
            r"<cite><span lang=\"en\">The DTI research notebooks contributors</span> \(\d{4}\)\. ",
            method), "an APA-like citation with its authors and a BibTeX entry"
        assert "../../" not in html, "every link stays inside reports/"
        assert "[dti_" not in html and "province=10" not in html, "no internal ids"


def test_index_downloads_hold_the_full_table_and_each_report_its_rows(processed, tmp_path):
    ranked = processed_tables.rankings(processed)
    manifest = pd.DataFrame([
        {"geography": "province", "code": "27", "slug": "bac-ninh", "name": "Bắc Ninh",
         "lang": "en", "status": "ok", "rank": 21, "score": 0.7, "change": -3, "n": 63,
         "region_vi": "Đồng bằng sông Hồng", "region_en": "Red River Delta"},
        {"geography": "unit", "code": "U27", "slug": "bac-ninh", "name": "Bắc Ninh",
         "lang": "vi", "status": "ok", "rank": 11, "score": 0.7, "change": None, "n": 34,
         "region_vi": "Đồng bằng sông Hồng", "region_en": "Red River Delta"}])
    publish.write_index(manifest, 2024, "abc1234", ranked, tmp_path)
    english = (tmp_path / "index.html").read_text(encoding="utf-8")
    vietnamese = (tmp_path / "index.vi.html").read_text(encoding="utf-8")
    assert 'href="methods/index.html"' in english and 'href="methods/index.vi.html"' in vietnamese
    full = pd.read_csv(tmp_path / "data" / "dti_rankings.csv", dtype={"province_code": str},
                       keep_default_na=False)
    assert len(full) == len(ranked)
    schema = json.loads((tmp_path / "data" / "dti_rankings.schema.json").read_text("utf-8"))
    assert [f["name"] for f in schema["fields"]] == list(full.columns), "a data dictionary"
    assert all(f["description"] for f in schema["fields"])
    assert full["source_url"].str.match(r"https?://").all() and full["source_title"].all()
    assert (full.loc[(full["year"] == 2024) & (full["basis"] == 63), "source_url"]
            .eq("https://dti.gov.vn/xep-hang-2024-63-tinh").mean() > 0.9)
    mine = pd.read_csv(tmp_path / "province" / "bac-ninh.csv", dtype={"province_code": str})
    assert set(mine["province_code"]) == {"27"} and len(mine) == (ranked["province_code"]
                                                                   == "27").sum()
    unit = pd.read_csv(tmp_path / "unit" / "bac-ninh.csv", dtype={"province_code": str})
    assert set(unit["province_code"]) == {"U27", "24", "27"}
    assert 'href="index.vi.html"' in english and 'href="index.html"' in vietnamese
    assert 'href="data/dti_rankings.csv"' in english and "abc1234" in english
    assert 'data-key="bac ninh' in english, "search key without diacritics"
    assert "Digital Transformation Index" in english and "Chỉ số chuyển đổi số" in vietnamese
    assert '<span class="tag">derived</span>' in english
    assert "@media print" in english


def test_chart_alt_text_states_the_finding_not_the_title(processed):
    for lang, expected in (("en", "21st in 2024"), ("vi", "thứ 21/63 năm 2024")):
        html = page("27", lang, str(processed))
        alts = re.findall(r'<img [^>]*alt="([^"]*)"', html)
        history = next(a for a in alts if "2020" in a)
        assert expected in history, history
        assert narrative.TEXT[lang]["history"] != history
        assert any(narrative.number(0.7364, lang) in a for a in alts), "the score in the alt"


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_only_merged_units_are_titled_formed_in_2025(processed, lang):
    t = narrative.TEXT[lang]
    for code, name in (("U01", "Hà Nội"), ("U27", "Bắc Ninh")):
        html = page(code, lang, str(processed))
        h1 = re.search(r"<h1>(.*?)</h1>", html).group(1)
        merged = len(provinces.predecessors(code)) > 1
        assert h1 == (t["unit_title"] if merged else t["title"]).format(name=name), code
        assert not re.search(r"\(\d+/63 \d{4}", html), "a province's rank worded, not 4/63 2024"


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_a_rank_shared_with_another_province_is_said_to_be_joint(processed, lang):
    ranked = processed_tables.rankings(processed)
    part = ranked[(ranked["basis"] == 63) & (ranked["year"] == 2024)
                  & (ranked["measure"] == "overall")].dropna(subset=["rank"])
    shared = part[part["rank"].duplicated(keep=False)].sort_values("rank")
    alone = part[~part["rank"].duplicated(keep=False)].sort_values("rank")
    assert not shared.empty, "no tie in the 2024 overall ranks to test with"
    tie, single = shared.iloc[0], alone.iloc[0]
    said = {"en": "ranked <b>joint {}", "vi": "xếp <b>đồng hạng {}/63"}[lang]
    expected = narrative.ordinal(tie["rank"], "en") if lang == "en" else int(tie["rank"])
    html = page(tie["province_code"], lang, str(processed))
    assert said.format(expected) in html, tie["province_code"]
    assert 'data-sentence="tie"' in html
    for section in ("indices", "peers", "fundamentals"):  # every table and sentence giving it
        shown = html.split(f'id="{section}"')[1].split("</section>")[0]
        assert 'data-sentence="tie"' in shown or narrative.ranked(tie["rank"], lang, True) \
            in shown, (tie["province_code"], section)
    html = page(single["province_code"], lang, str(processed))
    assert said.split(" {")[0].split("<b>")[1] not in html.split('id="narrative"')[1][:400]
    moved = page("27", lang, str(processed)).split('<table class="data moved')[1]
    economy = moved.split(vocab.measure_name("hd_kinh_te_so", lang))[1].split("</tr>")[0]
    assert 'data-sentence="tie"' in economy, "Bắc Ninh's 2023 rank 19, shared with Bắc Kạn"
    card = html.split('id="headline"')[1].split("<h2")[0]  # the overall rank's card
    assert 'data-sentence="tie"' not in card
    overall_row = html.split('id="indices"')[1].split("<tbody>")[1].split("</tr>")[0]
    assert 'data-sentence="tie"' not in overall_row, "an unshared overall rank is not joint"


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_chart_alt_texts_mark_a_shared_rank_joint_as_the_sentences_do(processed, lang):
    ranked = processed_tables.rankings(processed)
    latest = ranked[(ranked["basis"] == 63) & (ranked["year"] == 2024)].dropna(subset=["rank"])
    shared = latest[latest.duplicated(["measure", "rank"], keep=False)]
    overall = shared[shared["measure"] == "overall"].iloc[0]  # Yên Bái and Bắc Giang, 13th
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', page(overall["province_code"], lang,
                                                       str(processed)))
    history = next(a for a in alts if "2020" in a)
    assert narrative.ranked(overall["rank"], lang, True) in history, history
    own = shared[(shared["province_code"] == "27")
                 & shared["measure"].isin(vocab.PUBLISHED_INDICES)]
    assert not own.empty, "Bắc Ninh's 2024 digital infrastructure rank 19 is shared"
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', page("27", lang, str(processed)))
    moved = next(a for a in alts if vocab.measure_name("hd_xa_hoi_so", lang) in a)
    for row in own.itertuples():
        said = f"{vocab.measure_name(row.measure, lang)} "
        item = moved.split(said)[1].split(";")[0].rstrip(".")
        assert item.endswith(f"→ {narrative.ranked(row.rank, lang, True)}"), moved


def test_every_vietnamese_publisher_an_english_page_names_is_glossed(processed):
    facts = pd.read_csv(processed / "press_facts.csv", dtype=str, keep_default_na=False)
    named = {h for h in facts["source_hint"] if h and "://" not in h and not h.isascii()}
    assert named, "the shipped press facts name Vietnamese publishers"
    assert named <= set(vocab.PUBLISHERS_EN), sorted(named - set(vocab.PUBLISHERS_EN))
    english, vietnamese = page("27", "en", str(processed)), page("27", "vi", str(processed))
    glossed = ('<span lang="vi">Sở TT&amp;TT Bắc Ninh</span> '
               "(Bắc Ninh Department of Information and Communications)")
    assert glossed in english and "Department of" not in vietnamese
    assert english.count("Sở TT&amp;TT Bắc Ninh") == english.count(glossed)


def test_the_index_marks_a_rank_two_provinces_share_as_joint(processed, tmp_path):
    ranked = processed_tables.rankings(processed)

    def row(code: str, slug: str, name: str, rank: int) -> dict:
        return {"geography": "province", "code": code, "slug": slug, "name": name, "lang": "en",
                "status": "ok", "rank": rank, "score": 0.7583, "change": 0, "n": 63,
                "region_vi": "Trung du và miền núi phía Bắc",
                "region_en": "Northern midlands and mountain areas"}
    manifest = pd.DataFrame([row("24", "bac-giang", "Bắc Giang", 13),
                             row("15", "yen-bai", "Yên Bái", 13),
                             row("20", "lang-son", "Lạng Sơn", 18)])
    publish.write_index(manifest, 2024, "abc1234", ranked, tmp_path)
    for name, joint in (("index.html", "joint"), ("index.vi.html", "đồng hạng")):
        html = (tmp_path / name).read_text(encoding="utf-8")
        cells = re.findall(r'data-label="[^"]*/63">(.*?)</td>', html)
        marked = [f'<span class="tag" data-sentence="tie">{joint}</span>' in c for c in cells]
        assert sorted(marked) == [False, True, True], (name, cells)
