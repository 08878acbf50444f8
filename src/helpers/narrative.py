"""Words for the reports, in English and Vietnamese: labels, number formats and templates."""

from __future__ import annotations

from functools import cache

import jinja2

from . import config

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
        "first_time": "first year on this basis", "predicted": "Predicted rank",
        "observed": "Observed rank", "factor": "Factor", "contribution": "Contribution (points)",
        "target_kind": "Target", "achieved": "Achieved", "target": "Target", "met": "Met",
        "claimed": "Claimed rank", "official": "Official rank", "status": "Check",
        "why": "Why", "yes": "yes", "no": "no", "unknown": "not yet known",
        "sources": "Sources", "retrieved": "retrieved",
        "links": "Web pages behind this province's figures", "commit": "Code version",
        "built": "Built", "parameters": "Parameters", "other_language": "Tiếng Việt",
        "back": "All reports", "method_break": "method change", "merger": "2025 merger",
        "no_history": "Only one year of results is held for {name}; there is no history to draw.",
        "no_model": "The factor model covers the 63 provinces only; see each predecessor's report.",
        "no_press": "No press facts about {name} are held yet.",
        "no_fundamentals": "The factor model has no prediction for {name} this year (a factor "
                           "is missing; see the model notebook's list of what was dropped).",
        "predecessors": "Formed from", "origin": "Origin", "year": "Year",
        "origin_official": "official table", "origin_derived": "derived from the scores",
        "origin_reported": "reported in the press",
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
        "first_time": "năm đầu tiên trên cơ sở này", "predicted": "Thứ hạng dự báo",
        "observed": "Thứ hạng thực tế", "factor": "Yếu tố", "contribution": "Đóng góp (điểm)",
        "target_kind": "Mục tiêu", "achieved": "Đạt được", "target": "Kế hoạch", "met": "Đạt",
        "claimed": "Thứ hạng tỉnh công bố", "official": "Thứ hạng chính thức",
        "status": "Đối chiếu", "why": "Lý do", "yes": "có", "no": "không",
        "unknown": "chưa có số liệu", "sources": "Nguồn", "retrieved": "truy cập",
        "links": "Các trang web là nguồn số liệu của tỉnh",
        "commit": "Phiên bản mã", "built": "Thời điểm tạo", "parameters": "Tham số",
        "other_language": "English", "back": "Tất cả báo cáo", "method_break": "đổi phương pháp",
        "merger": "sáp nhập 2025",
        "no_history": "Chỉ có kết quả của một năm cho {name}; chưa thể vẽ diễn biến.",
        "no_model": "Mô hình yếu tố nền tảng chỉ áp dụng cho 63 tỉnh, thành phố; xem báo cáo "
                    "của từng tỉnh trước sáp nhập.",
        "no_press": "Chưa có dữ liệu báo chí về {name}.",
        "no_fundamentals": "Mô hình chưa có dự báo cho {name} năm nay (thiếu số liệu một yếu tố).",
        "predecessors": "Hợp thành từ", "origin": "Nguồn gốc", "year": "Năm",
        "origin_official": "bảng chính thức", "origin_derived": "tính từ điểm số",
        "origin_reported": "theo báo chí",
        "consistent": "khớp", "inconsistent": "không khớp",
        "not verifiable": "chưa kiểm chứng được",
        "index_page": "Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: các báo cáo",
        "national": "Bức tranh cả nước", "ranks_by_region": "Thứ hạng theo vùng",
        "tile_map": "Các tỉnh theo thứ hạng DTI", "filter": "Lọc theo tên hoặc vùng",
        "report": "Báo cáo", "failed": "lỗi", "status_col": "Trạng thái",
        "rank_axis": "thứ hạng (1 = cao nhất)", "score_axis": "điểm (0-1)",
    },
}

#: Names of the measures, in both languages.
MEASURE_NAMES: dict[str, dict[str, str]] = {
    "overall": {"en": "DTI overall", "vi": "DTI tổng hợp"},
    "chinh_quyen_so": {"en": "Digital government (Chính quyền số)", "vi": "Chính quyền số"},
    "kinh_te_so": {"en": "Digital economy (Kinh tế số)", "vi": "Kinh tế số"},
    "xa_hoi_so": {"en": "Digital society (Xã hội số)", "vi": "Xã hội số"},
    "ha_tang_so": {"en": "Digital infrastructure (Hạ tầng số)", "vi": "Hạ tầng số"},
    "hd_chinh_quyen_so": {"en": "Digital government activity (Hoạt động chính quyền số)",
                          "vi": "Hoạt động chính quyền số"},
    "hd_kinh_te_so": {"en": "Digital economy activity (Hoạt động kinh tế số)",
                      "vi": "Hoạt động kinh tế số"},
    "hd_xa_hoi_so": {"en": "Digital society activity (Hoạt động xã hội số)",
                     "vi": "Hoạt động xã hội số"},
    "nhan_thuc_so": {"en": "Digital awareness (Nhận thức số)", "vi": "Nhận thức số"},
    "the_che_so": {"en": "Digital institutions (Thể chế số)", "vi": "Thể chế số"},
    "nhan_luc_so": {"en": "Digital human resources (Nhân lực số)", "vi": "Nhân lực số"},
    "an_toan_thong_tin_mang": {"en": "Cyber security (An toàn thông tin mạng)",
                               "vi": "An toàn thông tin mạng"},
}


def measure_name(measure: str, lang: str) -> str:
    """Return a measure's display name in a language."""
    return MEASURE_NAMES.get(measure, {}).get(lang, measure)


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
    env.filters["measure"] = measure_name
    return env


def render(template: str, **context: object) -> str:
    """Render one template with the given context."""
    return environment().get_template(template).render(**context)
