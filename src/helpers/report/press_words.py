"""The press facts' descriptions (helpers.press writes them in English) worded for a page.

A reviewed fact says what it measures in a small closed vocabulary ("target: digital economy
share of GRDP (%)", "DTI pillar rank (kinh_te_so)") and never quotes its article. English pages
show it as it is; Vietnamese pages get the same description in Vietnamese. Older rows written in
Vietnamese are shown as they are on both, marked as Vietnamese on English pages.
"""

from __future__ import annotations

import re

from .. import vocab

#: The measures helpers.press.concepts names, in Vietnamese.
CONCEPTS_VI = {
    "digital economy share of GRDP": "tỷ trọng kinh tế số trong GRDP",
    "digital economy share in each sector": "tỷ trọng kinh tế số trong từng ngành",
    "e-commerce": "thương mại điện tử",
    "labour productivity growth": "tăng năng suất lao động",
    "electronic health records": "hồ sơ sức khỏe điện tử",
    "adults with a smartphone": "người trưởng thành có điện thoại thông minh",
    "digital signatures": "chữ ký số",
    "payment accounts": "tài khoản thanh toán",
    "electronic identification accounts": "tài khoản định danh điện tử",
    "fibre broadband": "băng rộng cáp quang",
    "mobile coverage": "phủ sóng di động",
    "reporting through the provincial system": "báo cáo qua hệ thống của tỉnh",
    "dossiers and procedures handled online": "hồ sơ, thủ tục giải quyết trực tuyến",
    "online public services": "dịch vụ công trực tuyến",
    "community digital teams": "tổ công nghệ số cộng đồng",
    "digital technology firms": "doanh nghiệp công nghệ số",
    "enterprises": "doanh nghiệp",
    "cashless payments": "thanh toán không dùng tiền mặt",
    "surveillance cameras": "camera giám sát",
    "digital transformation": "chuyển đổi số",
}
#: Fixed descriptions and the heads of described ones ("target: X (unit)"), in Vietnamese.
PHRASES_VI = {
    "DTI rank": "Thứ hạng DTI",
    "DTI score": "Điểm DTI",
    "DTI points": "Điểm DTI (thang 1.000)",
    "DTI rank change": "Thay đổi thứ hạng DTI",
    "DTI pillar rank": "Thứ hạng trụ cột DTI",
    "DTI main-indicator rank": "Thứ hạng chỉ số chính DTI",
    "DTI rank target": "Mục tiêu thứ hạng DTI",
    "be among the top N": "nằm trong nhóm N tỉnh dẫn đầu",
    "main indicator": "chỉ số chính",
    "rank in another index than the DTI": "Thứ hạng trong một chỉ số khác DTI",
    "targets met of those set": "Số mục tiêu đạt trên tổng số mục tiêu",
    "target": "Mục tiêu",
    "indicator": "Chỉ tiêu",
    "achieved against target": "Kết quả so với mục tiêu",
    "count": "số lượng",
    "online transactions": "giao dịch trực tuyến",
    "online public": "dịch vụ công trực tuyến",
    "billion VND": "tỷ đồng",
    "million USD": "triệu USD",
}
#: English names of the DTI main indicators met in the press, beside vocab's own.
MAIN_INDICATORS_EN = {
    "digital cognition": "nhan_thuc_so", "network information security": "an_toan_thong_tin_mang",
    "digital government activities": "hd_chinh_quyen_so",
    "digital economic activities": "hd_kinh_te_so", "digital social activities": "hd_xa_hoi_so",
    "digital economy": "kinh_te_so", "digital society": "xa_hoi_so",
    **{v["en"].lower(): k for k, v in vocab.MEASURE_NAMES.items()},
}
_HEAD = re.compile(r"^(?P<head>[A-Za-z][A-Za-z -]*?)(?:: (?P<what>[^()]+?))?"
                   r"(?: \((?P<detail>[^()]*)\))?$")


def is_vietnamese(text: str) -> bool:
    """Tell whether a text is written in Vietnamese (carries its letters)."""
    return any(ord(ch) > 127 for ch in str(text))


def describe(text: str, lang: str) -> str:
    """Return a press fact's description in a page's language (as it is when unknown)."""
    text = str(text or "").strip()
    if lang != "vi":
        return text
    match = _HEAD.match(text)
    if not match or match["head"] not in PHRASES_VI:
        return text
    out = PHRASES_VI[match["head"]]
    if match["what"]:
        what = match["what"].strip()
        measure = MAIN_INDICATORS_EN.get(what.lower(), what)
        out += ": " + (CONCEPTS_VI.get(what) or vocab.measure_name(measure, "vi"))
    if match["detail"] is not None:
        detail = match["detail"]
        worded = PHRASES_VI.get(detail) or CONCEPTS_VI.get(detail)
        if worded is None and detail != vocab.measure_name(detail, "vi"):
            worded = vocab.measure_name(detail, "vi")
        out += f" ({worded if worded is not None else detail})"
    return out


def lang_of(text: str, lang: str) -> str:
    """Return the language a description is shown in on a page of `lang`."""
    return "vi" if lang == "vi" or is_vietnamese(text) else "en"
