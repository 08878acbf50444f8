"""Reason codes of the cleaning decisions and their wording in English and Vietnamese.

The cleaning branches on codes (``matches_other_year``), never on sentences; the tables carry
the code and its parameters (JSON), and the words come from here, in either language.
"""

from __future__ import annotations

import json

LANGS = ("en", "vi")

#: Origins of a value, as worded in each language.
_ORIGIN = {
    "en": {"official": "official", "derived": "derived", "reported": "reported"},
    "vi": {"official": "chính thức", "derived": "suy ra", "reported": "báo chí đưa tin"},
}

#: Every reason code with its wording; ``{name}`` is filled from the code's parameters.
WORDING: dict[str, dict[str, str]] = {
    # conflicts
    "official_rank_differs": {
        "en": "rank derived from the score table ({derived}) differs from the official rank "
              "({official}); the official rank is kept",
        "vi": "thứ hạng suy ra từ bảng điểm ({derived}) khác thứ hạng chính thức ({official}); "
              "giữ thứ hạng chính thức"},
    "official_score_differs": {
        "en": "the official table's score ({official}) differs from the score table's ({table})",
        "vi": "điểm trong bảng xếp hạng chính thức ({official}) khác điểm trong bảng điểm "
              "({table})"},
    "matches_other_year": {
        "en": "{origin} value kept; equals the {year} value: probably the {year} figure under "
              "the wrong year",
        "vi": "giữ giá trị {origin}; trùng với giá trị năm {year}: có lẽ là số liệu năm {year} "
              "ghi nhầm năm"},
    "matches_other_basis": {
        "en": "{origin} value kept; equals the {basis}-basis value: probably the other basis",
        "vi": "giữ giá trị {origin}; trùng với giá trị trên cơ sở {basis} đơn vị: có lẽ là cơ sở "
              "kia"},
    "matches_nothing": {
        "en": "{origin} value kept; no other official or derived figure matches it",
        "vi": "giữ giá trị {origin}; không khớp với số liệu chính thức hay suy ra nào khác"},
    "sources_disagree": {
        "en": "value withheld: no official figure and the sources disagree: {values}",
        "vi": "không ghi giá trị: không có số liệu chính thức và các nguồn không thống nhất: "
              "{values}"},
    "source_year_doubtful": {
        "en": "the same source's other figure for this province and year matches another "
              "year's official value; withheld",
        "vi": "số liệu khác của cùng nguồn cho tỉnh và năm này trùng với giá trị chính thức của "
              "năm khác; không ghi"},
    "activity_index_as_pillar": {
        "en": "equals the official {index} activity-index score ({score}): an activity index "
              "reported as the pillar; rank and score withheld",
        "vi": "trùng với điểm chỉ số hoạt động {index} chính thức ({score}): chỉ số hoạt động bị "
              "đưa tin như trụ cột; không ghi thứ hạng và điểm"},
    "activity_index_as_pillar_ranked": {
        "en": "equals the official {index} activity-index score ({score}): an activity index "
              "reported as the pillar; rank and score withheld; its rank {rank} against the "
              "derived index rank {index_rank}",
        "vi": "trùng với điểm chỉ số hoạt động {index} chính thức ({score}): chỉ số hoạt động bị "
              "đưa tin như trụ cột; không ghi thứ hạng và điểm; thứ hạng đưa tin {rank}, thứ hạng "
              "suy ra của chỉ số {index_rank}"},
    # reported rank changes
    "change_consistent": {
        "en": "{before_year}: {before} -> {year}: {after}",
        "vi": "{before_year}: hạng {before} -> {year}: hạng {after}"},
    "change_inconsistent": {
        "en": "reported change {change:+d}, but {before_year}: {before} -> {year}: {after} is "
              "{computed:+d}",
        "vi": "đưa tin thay đổi {change:+d} bậc, nhưng {before_year}: {before} -> {year}: "
              "{after} là {computed:+d}"},
    "change_across_bases": {
        "en": "reported change {change:+d} matches only the 34-basis {year} rank ({unit_after}) "
              "against the 63-basis {before_year} rank ({before}), a comparison across bases",
        "vi": "thay đổi {change:+d} bậc chỉ khớp khi so hạng {year} trên cơ sở 34 đơn vị "
              "({unit_after}) với hạng {before_year} trên cơ sở 63 tỉnh ({before}), so sánh khác "
              "cơ sở"},
    "change_rank_missing": {
        "en": "no {measure} rank for {missing} in the clean table",
        "vi": "bảng sạch không có thứ hạng {measure} năm {missing}"},
    # dropped raw rows
    "year_not_stated": {
        "en": "assessment year not stated by the source",
        "vi": "nguồn không nêu năm đánh giá"},
    "dropped_by_review": {
        "en": "dropped by a reviewed decision (src/helpers/data/review_decisions.csv)",
        "vi": "loại theo quyết định đã rà soát (src/helpers/data/review_decisions.csv)"},
    "component_2020": {
        "en": "2020-method component index (within a pillar), not one of the main indices",
        "vi": "chỉ số thành phần theo phương pháp 2020 (trong một trụ cột), không phải chỉ số "
              "chính"},
    "no_figure": {
        "en": "no rank or score stated (the figure is only implied)",
        "vi": "không nêu thứ hạng hay điểm (số liệu chỉ được ngụ ý)"},
    "basis_fits_both": {
        "en": "basis (63 or 34) not stated and the figure fits both bases",
        "vi": "không nêu cơ sở (63 hay 34) và số liệu khớp cả hai cơ sở"},
    "basis_fits_neither": {
        "en": "basis (63 or 34) not stated and the figure fits neither basis' official/derived "
              "figure",
        "vi": "không nêu cơ sở (63 hay 34) và số liệu không khớp số liệu chính thức/suy ra của "
              "cơ sở nào"},
    "basis_no_comparison": {
        "en": "basis (63 or 34) not stated and the figure has no official/derived figure to "
              "compare with on either basis",
        "vi": "không nêu cơ sở (63 hay 34) và không có số liệu chính thức/suy ra nào để so "
              "sánh trên cả hai cơ sở"},
    # published 34-basis figures against the derived unit values
    "unit_agrees": {
        "en": "published {published} agrees with the derived {derived}",
        "vi": "số công bố {published} khớp với giá trị suy ra {derived}"},
    "unit_disagrees": {
        "en": "published {published} differs from the derived {derived}",
        "vi": "số công bố {published} khác giá trị suy ra {derived}"},
    "unit_not_derived": {
        "en": "published {published}; no derived unit value to compare with",
        "vi": "số công bố {published}; không có giá trị suy ra của đơn vị để so sánh"},
}


def word(code: str, params: dict | str | None = None, lang: str = "en") -> str:
    """Return the wording of a reason code with its parameters, in English or Vietnamese."""
    if code not in WORDING:
        raise KeyError(f"unknown reason code {code!r}; add its wording to helpers.reasons")
    if lang not in LANGS:
        raise ValueError(f"lang is one of {', '.join(LANGS)}, not {lang!r}")
    values = json.loads(params) if isinstance(params, str) else dict(params or {})
    if "origin" in values:
        values["origin"] = _ORIGIN[lang].get(values["origin"], values["origin"])
    return WORDING[code][lang].format(**values)


def encode(params: dict) -> str:
    """Return parameters as the JSON text stored in a reason_params column."""
    return json.dumps(params, ensure_ascii=False, sort_keys=True)


def decode(text: str) -> dict:
    """Return the parameters stored in a reason_params cell."""
    return json.loads(text) if text else {}


def columns(code: str, **params: object) -> dict[str, str]:
    """Return the reason_code and reason_params cells of a table row."""
    word(code, params)  # fail here, at the decision, if the wording cannot be filled
    return {"reason_code": code, "reason_params": encode(params)}
