"""Words for the reports, in English and Vietnamese: labels, number formats and templates."""

from __future__ import annotations

from functools import cache

import jinja2

from .. import config, provinces, vocab

LANGS = ("en", "vi")

#: Interface words by language. Province and index names stay in Vietnamese in both.
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Digital Transformation Index: {name}",
        "unit_title": "Digital Transformation Index: {name} (unit formed in 2025)",
        "region": "Region", "rank": "Rank", "score": "Score", "change": "Change since {year}",
        "of": "of", "provinces": "provinces", "units": "units",
        "pillar_ranks": "Pillar ranks", "main_indices": "Main indices",
        "no_pillars": "No pillar ranks were published for {year} in the sources held.",
        "narrative": "Summary", "history": "Rank and score over the years",
        "indices": "Main indices against the country and the region", "peers": "Regional peers",
        "fundamentals": "What provinces like it usually reach",
        "targets": "Targets and the province's own claims",
        "method": "Data and method", "index_name": "Index", "value": "Score",
        "national_median": "National median", "best": "Best", "regional_mean": "Regional mean",
        "province": "Province", "unit": "Unit", "up": "up", "down": "down", "same": "unchanged",
        "first_time": "first year on this basis", "joint": "joint", "predicted": "Predicted rank",
        "observed": "Observed rank", "factor": "Factor", "contribution": "Contribution (points)",
        "target_kind": "Target", "achieved": "Achieved", "target": "Target", "met": "Met",
        "claimed": "Claimed rank", "official": "Official rank", "status": "Check",
        "why": "Why", "yes": "yes", "no": "no", "unknown": "not yet known",
        "sources": "Sources", "retrieved": "retrieved",
        "links": "Web pages behind this province's figures", "commit": "Code version",
        "built": "Built", "other_language": "Tiếng Việt",
        "back": "All reports", "method_break": "method change", "merger": "2025 merger",
        "no_history": "Only one year of results is held for {name}; there is no history to draw.",
        "no_model": "The factor model covers the 63 provinces only; see each predecessor's report.",
        "no_press": "No press facts about {name} are held yet.",
        "no_fundamentals": "The factor model has no prediction for {name} this year (one of its "
                           "factors is not published for the province).",
        "predecessors": "Formed from", "origin": "Origin", "year": "Year",
        "consistent": "consistent", "inconsistent": "inconsistent",
        "not verifiable": "not verifiable",
        "index_page": "Vietnam provincial Digital Transformation Index: reports",
        "national": "The national picture", "ranks_by_region": "Ranks by region",
        "tile_map": "Provinces coloured by DTI rank", "filter": "Filter by name or region",
        "report": "Report", "failed": "failed", "status_col": "Status",
        "rank_axis": "rank (1 = best)", "score_axis": "score (0-1)",
    },
    "vi": {
        "title": "Chỉ số chuyển đổi số: {name}",
        "unit_title": "Chỉ số chuyển đổi số: {name} (đơn vị hành chính từ năm 2025)",
        "region": "Vùng", "rank": "Xếp hạng", "score": "Điểm", "change": "Thay đổi so với {year}",
        "of": "/", "provinces": "tỉnh, thành phố", "units": "tỉnh, thành phố (sau sáp nhập)",
        "pillar_ranks": "Xếp hạng trụ cột", "main_indices": "Chỉ số chính",
        "no_pillars": "Các nguồn hiện có không công bố xếp hạng trụ cột năm {year}.",
        "narrative": "Tóm tắt", "history": "Thứ hạng và điểm số qua các năm",
        "indices": "Các chỉ số chính so với cả nước và trong vùng",
        "peers": "Các tỉnh cùng vùng",
        "fundamentals": "Mức mà các tỉnh tương tự thường đạt",
        "targets": "Mục tiêu và các tuyên bố của tỉnh",
        "method": "Dữ liệu và phương pháp", "index_name": "Chỉ số", "value": "Điểm",
        "national_median": "Trung vị cả nước", "best": "Cao nhất",
        "regional_mean": "Trung bình vùng", "province": "Tỉnh, thành phố",
        "unit": "Đơn vị", "up": "tăng", "down": "giảm", "same": "giữ nguyên",
        "first_time": "năm đầu tiên trên cơ sở này",
        "joint": "đồng hạng", "predicted": "Thứ hạng dự báo",
        "observed": "Thứ hạng thực tế", "factor": "Yếu tố", "contribution": "Đóng góp (điểm)",
        "target_kind": "Mục tiêu", "achieved": "Đạt được", "target": "Kế hoạch", "met": "Đạt",
        "claimed": "Thứ hạng tỉnh công bố", "official": "Thứ hạng chính thức",
        "status": "Đối chiếu", "why": "Lý do", "yes": "có", "no": "không",
        "unknown": "chưa có số liệu", "sources": "Nguồn", "retrieved": "truy cập",
        "links": "Các trang web là nguồn số liệu của tỉnh",
        "commit": "Phiên bản mã", "built": "Thời điểm tạo",
        "other_language": "English", "back": "Tất cả báo cáo", "method_break": "đổi phương pháp",
        "merger": "sáp nhập 2025",
        "no_history": "Chỉ có kết quả của một năm cho {name}; chưa thể vẽ diễn biến.",
        "no_model": "Mô hình yếu tố nền tảng chỉ áp dụng cho 63 tỉnh, thành phố; xem báo cáo "
                    "của từng tỉnh trước sáp nhập.",
        "no_press": "Chưa có dữ liệu báo chí về {name}.",
        "no_fundamentals": "Mô hình chưa có dự báo cho {name} năm nay (thiếu số liệu một yếu tố).",
        "predecessors": "Hợp thành từ", "origin": "Nguồn số liệu", "year": "Năm",
        "consistent": "khớp", "inconsistent": "không khớp",
        "not verifiable": "chưa kiểm chứng được",
        "index_page": "Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: các báo cáo",
        "national": "Bức tranh cả nước", "ranks_by_region": "Thứ hạng theo vùng",
        "tile_map": "Các tỉnh theo thứ hạng DTI", "filter": "Lọc theo tên hoặc vùng",
        "report": "Báo cáo", "failed": "lỗi", "status_col": "Trạng thái",
        "rank_axis": "thứ hạng (1 = cao nhất)", "score_axis": "điểm (0-1)",
    },
}

#: Words of the merger, conflicts, method box, downloads and index (added to TEXT).
_MORE: dict[str, dict[str, str]] = {
    "en": {
        "unit_2025": "2025 unit", "unit_rank": "{rank} of 34 in {year}",
        "province_rank": "{rank} of 63 in {year}",
        "unit_series": "{name} (unit, of 34)",
        "via_unit": "{unit}'s rank of 34",
        "units_only_index": "DTI {year} was published for the 34 units formed in 2025 only: "
                            "each province shows its unit's rank of 34.",
        "unit_standing": "{unit}'s rank {year} (of 34 units)",
        "unit_only_year": "DTI {year} was published for the 34 units formed on {date} only: "
                          "{name} is part of the unit {unit}, which ranked {rank} of 34 with a "
                          "score of {score}. This is the unit's result, not the province's.",
        "province_in_unit": "Since {date}, {name} is part of the unit {unit}, formed with "
                            "{others}.",
        "province_unchanged": "{name} was not merged on {date}: it continues as a unit of its own.",
        "unit_unchanged": "{name} was not merged on {date}: the unit has the territory of the "
                          "province of the same name.",
        "province_page": "Province page (ranks of 63)", "unit_page": "Unit page (ranks of 34)",
        "conflict": "Sources disagree: {host} gives, for {year}, {items}.",
        "conflict_item": "{measure} {field} {other}",
        "conflict_kept": " (kept here: {kept}, from the {kept_source}{why})",
        "conflict_withheld": " (withheld here{why})",
        "why_matches_other_year": "; probably the {year} figure under the wrong year",
        "why_matches_other_basis": "; probably the {basis}-basis figure",
        "why_sources_disagree": ": no official figure is held and the sources disagree",
        "why_source_year_doubtful": ": the same source's other figures match another year",
        "field_rank": "rank", "field_score": "score",
        "derived_note": "Ranks marked “derived” are not published as ranks: they are obtained "
                        "by sorting the scores the ministry published.",
        "reported_note": "Ranks marked “press” come from provincial portals and newspapers, "
                         "all sources agreeing.",
        "mark_derived": "derived", "mark_reported": "press",
        "agrees_published": "The unit's derived rank agrees with the rank published for it.",
        "download": "Download data (CSV)", "download_all": "Download the full table (CSV)",
        "citation": "Suggested citation", "licence": "Licence", "licence_code": "code",
        "licence_data": "data", "about": "About the index", "kind": "kind",
        "terms": "terms of reuse",
        "ties": "{count} {what} at {score}", "also_index": "Tiếng Việt",
        "units_map": "The 34 units formed in 2025, coloured by their DTI rank among the 34",
        "provinces_table": "The 63 provinces", "units_table": "The 34 units formed in 2025",
        "no_match": "No province or unit matches.", "commit_date": "commit date",
        "method_2024": "DTI 2024 was computed with a changed method (47 indicators instead of "
                       "98), so a change from 2023 to 2024 mixes the province's own movement "
                       "with the change of method",
        "method_2021": "the method changed between the 2020 and 2021 assessments",
        "method_changed_in": "method changed in {year}",
        "method_alt": "The DTI method changed for the {years} assessments.", "and": " and ",
        "moved": "What moved", "moved_change": "Change {y0}→{y1} (places)",
        "moved_sentence": "The largest move from {y0} to {y1}: {measure} {verb} from {r0} to "
                          "{r1} ({n} place{s}).",
        "moved_none": "No main index changed rank from {y0} to {y1}.",
        "rose": "rose", "fell": "fell",
        "typical": "For comparison, {p} % of the {what} moved {n} place{s} or fewer in that "
                   "index.",
        "moved_no_split": "The overall score combines eight main indices and only four are "
                          "published for every province, so the change of the overall score "
                          "cannot be split exactly into the indices' contributions; their ranks "
                          "are shown instead.",
        "moved_none_held": "Fewer than two years of main-index ranks are held for {name} on "
                           "this basis.",
        "moved_alt": "Ranks of the four main indices of {name}, {y0} to {y1}: {items}.",
    },
    "vi": {
        "unit_2025": "Đơn vị từ năm 2025", "unit_rank": "thứ {rank}/34 năm {year}",
        "province_rank": "{rank}/63 năm {year}",
        "unit_series": "{name} (đơn vị, trên 34)",
        "via_unit": "thứ hạng của {unit}/34",
        "units_only_index": "DTI {year} chỉ được công bố cho 34 đơn vị thành lập năm 2025: "
                            "mỗi tỉnh hiển thị thứ hạng/34 của đơn vị mình thuộc về.",
        "unit_standing": "Thứ hạng {year} của {unit} (trên 34 đơn vị)",
        "unit_only_year": "DTI {year} chỉ được công bố cho 34 đơn vị hành chính thành lập ngày "
                          "{date}: {name} thuộc {unit}, xếp thứ {rank}/34 với {score} điểm. "
                          "Đây là kết quả của đơn vị, không phải của tỉnh.",
        "province_in_unit": "Từ ngày {date}, {name} thuộc đơn vị {unit}, hợp nhất cùng {others}.",
        "province_unchanged": "{name} không sáp nhập ngày {date}: tỉnh tiếp tục là một đơn vị "
                              "hành chính.",
        "unit_unchanged": "{name} không sáp nhập ngày {date}: đơn vị giữ nguyên địa giới của tỉnh "
                          "cùng tên.",
        "province_page": "Trang của tỉnh (xếp hạng trên 63)",
        "unit_page": "Trang của đơn vị (xếp hạng trên 34)",
        "conflict": "Các nguồn không thống nhất: {host} ghi năm {year} {items}.",
        "conflict_item": "{field} {measure} là {other}",
        "conflict_kept": " (báo cáo này giữ {kept}, theo nguồn “{kept_source}”{why})",
        "conflict_withheld": " (báo cáo này không ghi giá trị{why})",
        "why_matches_other_year": "; có lẽ là số liệu năm {year} ghi nhầm năm",
        "why_matches_other_basis": "; có lẽ là số liệu trên cơ sở {basis} đơn vị",
        "why_sources_disagree": ": không có số liệu chính thức và các nguồn không thống nhất",
        "why_source_year_doubtful": ": các số liệu khác của cùng nguồn trùng với năm khác",
        "field_rank": "thứ hạng", "field_score": "điểm",
        "derived_note": "Thứ hạng có ghi chú “tính từ điểm” không được công bố dưới dạng thứ "
                        "hạng: chúng có được bằng cách sắp xếp điểm số do Bộ công bố.",
        "reported_note": "Thứ hạng có ghi chú “báo chí” lấy từ cổng thông tin của tỉnh và báo "
                         "chí, các nguồn đều thống nhất.",
        "mark_derived": "tính từ điểm", "mark_reported": "báo chí",
        "agrees_published": "Thứ hạng tính từ điểm của đơn vị khớp với thứ hạng đã được công bố.",
        "download": "Tải dữ liệu (CSV)", "download_all": "Tải toàn bộ bảng số liệu (CSV)",
        "citation": "Trích dẫn đề xuất", "licence": "Giấy phép", "licence_code": "mã nguồn",
        "licence_data": "dữ liệu", "about": "Về chỉ số", "kind": "loại nguồn",
        "terms": "điều kiện sử dụng",
        "ties": "{count} {what} đạt {score}", "also_index": "English",
        "units_map": "34 đơn vị hành chính từ năm 2025 theo thứ hạng DTI",
        "provinces_table": "63 tỉnh, thành phố", "units_table": "34 tỉnh, thành phố từ năm 2025",
        "no_match": "Không tìm thấy tỉnh, thành phố phù hợp.", "commit_date": "ngày cập nhật mã",
        "method_2024": "DTI 2024 được tính theo phương pháp mới (47 chỉ tiêu thay cho 98), nên "
                       "thay đổi từ 2023 sang 2024 gồm cả chuyển biến của tỉnh lẫn tác động của "
                       "việc đổi phương pháp",
        "method_2021": "phương pháp đánh giá đã thay đổi giữa kỳ 2020 và kỳ 2021",
        "method_changed_in": "đổi phương pháp năm {year}",
        "method_alt": "Phương pháp DTI thay đổi ở các kỳ đánh giá {years}.", "and": " và ",
        "moved": "Chỉ số nào thay đổi", "moved_change": "Thay đổi {y0}→{y1} (bậc)",
        "moved_sentence": "Thay đổi lớn nhất từ {y0} đến {y1}: {measure} {verb} từ thứ {r0} "
                          "xuống thứ {r1} ({n} bậc).",
        "moved_none": "Không chỉ số chính nào thay đổi thứ hạng từ {y0} đến {y1}.",
        "rose": "tăng", "fell": "giảm",
        "typical": "Để so sánh, {p} % số {what} thay đổi không quá {n} bậc ở chỉ số này.",
        "moved_no_split": "Điểm tổng hợp gộp tám chỉ số chính nhưng chỉ bốn chỉ số được công bố "
                          "cho mọi tỉnh, nên không thể tách chính xác thay đổi điểm tổng hợp "
                          "thành phần đóng góp của từng chỉ số; báo cáo chỉ nêu thứ hạng các "
                          "chỉ số.",
        "moved_none_held": "Chưa có đủ hai năm thứ hạng chỉ số chính của {name} trên cơ sở này.",
        "moved_alt": "Thứ hạng bốn chỉ số chính của {name} từ {y0} đến {y1}: {items}.",
    },
}
for _lang, _words in _MORE.items():
    TEXT[_lang].update(_words)

MEASURE_NAMES = vocab.MEASURE_NAMES

#: Words of TEXT that name the page's own place as a province ("tỉnh"), said of a city otherwise.
_OWN_PLACE = ("province_unchanged", "unit_unchanged", "province_page", "targets", "claimed",
              "links", "method_2024")


def is_city(code: str) -> bool:
    """Tell whether a province or unit is a centrally-run city (Hà Nội, Đà Nẵng, ...)."""
    units = provinces.units()
    if code.startswith("U"):
        return str(units.loc[code, "full_name"]).startswith("Thành phố")
    info = provinces.provinces().loc[code]
    unit = units.loc[info["unit_code"]]
    return str(unit["full_name"]).startswith("Thành phố") and \
        vocab.place_name(unit["name_vi"]) == vocab.place_name(info["name_vi"])


def place_word(code: str, lang: str) -> str:
    """Return what the page's place is called: "tỉnh" or "thành phố" (Vietnamese only)."""
    return "thành phố" if lang == "vi" and is_city(code) else "tỉnh"


def page_text(lang: str, code: str) -> dict[str, str]:
    """Return TEXT for one page: a centrally-run city is "thành phố", not "tỉnh", in Vietnamese."""
    return own_place(TEXT[lang], _OWN_PLACE, code, lang)


def own_place(words: dict[str, str], keys: tuple[str, ...], code: str, lang: str
              ) -> dict[str, str]:
    """Return words with "tỉnh" said as "thành phố" in the given keys, on a city's page."""
    if lang != "vi" or not is_city(code):
        return words
    return {**words, **{k: words[k].replace(" tỉnh", " thành phố").replace("tỉnh ", "thành phố ")
                        for k in keys}}


def measure_name(measure: str, lang: str) -> str:
    """Return a measure's display name in a language."""
    return vocab.measure_name(measure, lang)


def wrap(text: str, width: int) -> str:
    """Break a label into lines of at most about `width` characters (for chart axes)."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def number(value: float | None, lang: str, digits: int = 4) -> str:
    """Format a number with the language's decimal mark ("0.7364" / "0,7364")."""
    if value is None or value != value:
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def ordinal(rank: int | None, lang: str) -> str:
    """Return "21st" in English or "thứ 21" in Vietnamese."""
    if rank is None or rank != rank:
        return "–"
    rank = int(rank)
    if lang == "vi":
        return f"thứ {rank}"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def ranked(rank: int | None, lang: str, tied: bool = False) -> str:
    """Return a rank in a sentence, a shared one marked: "joint 13th" / "đồng hạng 13"."""
    if not tied or rank is None or rank != rank:
        return ordinal(rank, lang)
    return f"đồng hạng {int(rank)}" if lang == "vi" else f"joint {ordinal(rank, lang)}"


def conflict_item(item: dict, t: dict, lang: str, kept_source: str = "") -> str:
    """Word one disagreement: the source's figure, and the one kept here or that none is."""
    def shown(value: str) -> str:
        return number(float(value), lang) if item["field"] == "score" else str(value)

    text = t["conflict_item"].format(measure=measure_name(item["measure"], lang),
                                     field=t["field_" + item["field"]], other=shown(item["other"]))
    why = t.get("why_" + str(item.get("reason", "")), "").format(**item.get("params", {}))
    if item.get("withheld"):
        return text + t["conflict_withheld"].format(why=why)
    return text + t["conflict_kept"].format(kept=shown(item["kept"]), kept_source=kept_source,
                                            why=why)


def moved_sentence(moved: dict, t: dict, lang: str) -> str:
    """Word the largest move of a main index from the year before to the page's year."""
    largest, y1 = moved["largest"], moved["years"][-1]
    y0 = moved["from_year"]
    if not largest["places"]:
        text = t["moved_none"].format(y0=y0, y1=y1)
    else:
        r0, r1 = largest["ranks"][-2], largest["ranks"][-1]
        text = t["moved_sentence"].format(
            y0=y0, y1=y1, measure=measure_name(largest["measure"], lang),
            verb=t["rose" if largest["places"] > 0 else "fell"], n=abs(largest["places"]),
            s="" if abs(largest["places"]) == 1 else "s",
            r0=ordinal(r0, lang) if lang == "en" else r0, r1=ordinal(r1, lang) if lang == "en"
            else r1)
        if lang == "vi" and largest["places"] > 0:
            text = text.replace(" xuống thứ ", " lên thứ ")
    typical = moved.get("typical")
    if typical:
        text += " " + t["typical"].format(p=round(100 * typical["share"]), n=typical["places"],
                                          s="" if typical["places"] == 1 else "s",
                                          what=t["provinces"], y0=y0, y1=y1)
    if moved.get("method_changed"):
        text += " " + t[f"method_{moved['method_changed']}"][0].upper() + \
            t[f"method_{moved['method_changed']}"][1:] + "."
    return text


@cache
def environment() -> jinja2.Environment:
    """Return the Jinja2 environment of src/helpers/templates (HTML autoescaped)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = number
    env.filters["ordinal"] = ordinal
    env.filters["ranked"] = ranked
    env.filters["measure"] = measure_name
    env.filters["origin"] = vocab.origin_name
    env.filters["mark"] = vocab.origin_mark
    env.filters["factor"] = vocab.factor_name
    env.filters["place"] = vocab.place_name
    env.filters["basis"] = vocab.basis_name
    env.filters["kind"] = vocab.source_kind_name
    env.filters["conflict_item"] = conflict_item
    return env


def render(template: str, **context: object) -> str:
    """Render one template with the given context."""
    return environment().get_template(template).render(**context)
