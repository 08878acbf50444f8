"""Domain terms in English and Vietnamese: bases, measures, origins, sources, factors, places.

The data layer hands the pages codes ("derived", "chinh_quyen_so", 34, a source id);
the words a reader sees come from here, in the page's language.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pandas as pd

from . import config

LANGS = ("en", "vi")

#: The two geographies: the 63 provinces before 1 July 2025 and the 34 units after.
BASIS_PROVINCES = 63
BASIS_UNITS = 34
BASES = (BASIS_PROVINCES, BASIS_UNITS)
MERGER_DATE = date(2025, 7, 1)
#: The DTI method changed between the 2020 and the 2021 assessments.
METHOD_CHANGE_AFTER = 2020

PILLARS = ("chinh_quyen_so", "kinh_te_so", "xa_hoi_so")
#: The main indices whose scores are published for every province and unit.
PUBLISHED_INDICES = ("ha_tang_so", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so")
MAIN_INDICES = ("nhan_thuc_so", "the_che_so", "ha_tang_so", "nhan_luc_so",
                "an_toan_thong_tin_mang", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so")

MEASURE_NAMES: dict[str, dict[str, str]] = {
    "overall": {"en": "DTI overall", "vi": "DTI tổng hợp"},
    "chinh_quyen_so": {"en": "Digital government", "vi": "Chính quyền số"},
    "kinh_te_so": {"en": "Digital economy", "vi": "Kinh tế số"},
    "xa_hoi_so": {"en": "Digital society", "vi": "Xã hội số"},
    "ha_tang_so": {"en": "Digital infrastructure", "vi": "Hạ tầng số"},
    "hd_chinh_quyen_so": {"en": "Digital government activity",
                          "vi": "Hoạt động chính quyền số"},
    "hd_kinh_te_so": {"en": "Digital economy activity", "vi": "Hoạt động kinh tế số"},
    "hd_xa_hoi_so": {"en": "Digital society activity", "vi": "Hoạt động xã hội số"},
    "nhan_thuc_so": {"en": "Digital awareness", "vi": "Nhận thức số"},
    "the_che_so": {"en": "Digital institutions", "vi": "Thể chế số"},
    "nhan_luc_so": {"en": "Digital human resources", "vi": "Nhân lực số"},
    "an_toan_thong_tin_mang": {"en": "Cyber security", "vi": "An toàn thông tin mạng"},
}

#: Where a rank or score came from.
ORIGINS: dict[str, dict[str, str]] = {
    "official": {"en": "official table", "vi": "bảng chính thức"},
    "derived": {"en": "derived from the scores", "vi": "tính từ điểm số"},
    "reported": {"en": "reported in the press", "vi": "theo báo chí"},
}
#: The short mark shown beside a rank that is not published as such.
ORIGIN_MARKS: dict[str, dict[str, str]] = {
    "official": {"en": "", "vi": ""},
    "derived": {"en": "derived", "vi": "tính từ điểm"},
    "reported": {"en": "press", "vi": "báo chí"},
}

#: The five fact types of the press schema (../shared/press/LABELING.md).
FACT_TYPES: dict[str, dict[str, str]] = {
    "dti_rank": {"en": "DTI rank", "vi": "Thứ hạng DTI"},
    "pillar_rank": {"en": "pillar rank", "vi": "thứ hạng trụ cột"},
    "rank_change": {"en": "rank change", "vi": "thay đổi thứ hạng"},
    "target_attainment": {"en": "target attainment", "vi": "kết quả thực hiện chỉ tiêu"},
    "indicator": {"en": "indicator", "vi": "chỉ số"},
}

#: Kinds of source, described in each language (the titles themselves stay as registered).
SOURCE_KINDS: dict[str, dict[str, str]] = {
    "official": {"en": "official ministry publication",
                 "vi": "công bố chính thức của Bộ"},
    "compilation": {"en": "compilation of the ministry's published scores",
                    "vi": "tổng hợp điểm số do Bộ công bố"},
    "press": {"en": "provincial portals and newspapers",
              "vi": "cổng thông tin của tỉnh và báo chí"},
    "reference": {"en": "reference table (codes, names, 2025 merger)",
                  "vi": "bảng tham chiếu (mã, tên, sáp nhập 2025)"},
    "statistics": {"en": "statistical office indicators", "vi": "số liệu của cơ quan thống kê"},
    "governance": {"en": "governance indices (PCI, PAPI)", "vi": "chỉ số quản trị (PCI, PAPI)"},
    "press_facts": {"en": "facts reviewed from press articles",
                    "vi": "thông tin rà soát từ bài báo"},
    "other": {"en": "other source", "vi": "nguồn khác"},
}
_SOURCE_KIND_BY_PREFIX = (("dti_official", "official"), ("dti_scores", "compilation"),
                          ("dti_reported", "press"), ("ref_", "reference"),
                          ("nso_", "statistics"), ("governance", "governance"),
                          ("press_", "press_facts"))

#: The model's factors: the English label the model writes, and its Vietnamese name.
FACTOR_NAMES_VI: dict[str, str] = {
    "GRDP per capita (log)": "GRDP bình quân đầu người (log)",
    "Population density (log)": "Mật độ dân số (log)",
    "Population (log)": "Dân số (log)",
    "Urban population share": "Tỷ lệ dân số thành thị",
    "Human Development Index": "Chỉ số phát triển con người (HDI)",
    "Literacy rate, age 15+": "Tỷ lệ biết chữ, từ 15 tuổi",
    "Trained labour share, age 15+": "Tỷ lệ lao động qua đào tạo, từ 15 tuổi",
    "Social insurance coverage": "Tỷ lệ tham gia bảo hiểm xã hội",
    "Provincial Competitiveness Index (PCI)": "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
    "PAPI e-governance dimension": "PAPI: quản trị điện tử",
}

#: English glosses of the Vietnamese publishers the pages name as written (press articles held
#: without an address): an English page shows the gloss after the name.
PUBLISHERS_EN: dict[str, str] = {
    "Sở TT&TT Bắc Ninh": "Bắc Ninh Department of Information and Communications",
    "LCĐT (Lào Cai điện tử)": "Lào Cai online newspaper",
}

#: Names shown differently from the reference table ("TP Hồ Chí Minh", unit "Hồ Chí Minh").
_DISPLAY_NAMES = {"TP Hồ Chí Minh": "TP. Hồ Chí Minh", "Hồ Chí Minh": "TP. Hồ Chí Minh"}


def measure_name(measure: str, lang: str) -> str:
    """Return a measure's name in a language (the code itself when unknown)."""
    return MEASURE_NAMES.get(measure, {}).get(lang, measure)


def origin_name(origin: str, lang: str) -> str:
    """Return where a value came from, in words."""
    return ORIGINS.get(str(origin), {}).get(lang, "")


def origin_mark(origin: str, lang: str) -> str:
    """Return the short mark of a rank that is not an official one ("" when official)."""
    return ORIGIN_MARKS.get(str(origin), {}).get(lang, "")


def source_kind(source_id: str) -> str:
    """Return the kind of a registered source from its id."""
    for prefix, kind in _SOURCE_KIND_BY_PREFIX:
        if str(source_id).startswith(prefix):
            return kind
    return "other"


def source_kind_name(source_id: str, lang: str) -> str:
    """Return the description of a source's kind in a language."""
    return SOURCE_KINDS[source_kind(source_id)][lang]


@cache
def _source_words_vi() -> dict[str, dict[str, str]]:
    """Read the Vietnamese titles and terms of the registered sources (package data)."""
    table = pd.read_csv(config.PACKAGE_DATA_DIR / "source_titles_vi.csv", dtype=str,
                        keep_default_na=False)
    return table.set_index("source_id").to_dict("index")


def source_words(source_id: str, title: str, licence: str, lang: str) -> tuple[str, str, str]:
    """Return a source's title, terms of reuse and the language they are in, for a page."""
    words = _source_words_vi().get(source_id) if lang == "vi" else None
    if words:
        return words["title_vi"], words["licence_vi"], "vi"
    return title, licence, "en"


def factor_name(label: str, lang: str) -> str:
    """Return a model factor's name in a language (English labels come from the model)."""
    return FACTOR_NAMES_VI.get(label, label) if lang == "vi" else label


def publisher_gloss(text: str) -> tuple[str, str, str]:
    """Split a source as printed ("Sở TT&TT Bắc Ninh, 2023-05-04") into the Vietnamese publisher
    it starts with, that publisher's English gloss and the rest; ("", "", text) when none."""
    for name in sorted(PUBLISHERS_EN, key=len, reverse=True):
        if text.startswith(name):
            return name, PUBLISHERS_EN[name], text[len(name):]
    return "", "", text


def place_name(name: str) -> str:
    """Return a province's or unit's name as shown to readers ("TP. Hồ Chí Minh")."""
    return _DISPLAY_NAMES.get(str(name), str(name))


def basis_name(basis: int, lang: str) -> str:
    """Return "63 provinces" / "34 units" in a language."""
    words = {"en": {63: "63 provinces", 34: "34 units"},
             "vi": {63: "63 tỉnh, thành phố", 34: "34 tỉnh, thành phố sau sáp nhập"}}
    return words[lang][int(basis)]


def merger_date(lang: str) -> str:
    """Return the date of the 2025 merger in a language."""
    d = MERGER_DATE
    return f"{d.day} July {d.year}" if lang == "en" else f"{d.day}/{d.month}/{d.year}"


def release_year(assessment_year: int) -> int:
    """Return the year an assessment's results were published (DTI 2024 came out in 2025)."""
    return int(assessment_year) + 1


def page_terms(lang: str) -> dict:
    """Return the domain terms the templates word (merger date, measures, a release year)."""
    return {"merger_date": merger_date(lang), "pillars_all": PILLARS,
            "indices_all": MAIN_INDICES, "release_example": release_year(2024),
            "n_provinces": BASIS_PROVINCES, "n_units": BASIS_UNITS}
