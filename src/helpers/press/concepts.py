"""What an indicator or a target measures, named in English from the words around the figure.

A small vocabulary of the measures provincial digital-transformation texts report, so that a
fact can say what it is about without quoting the article ("digital economy share of GRDP").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: (pattern over the words around a figure, name of the measure); the first match nearest to
#: the figure wins.
CONCEPTS: tuple[tuple[str, str], ...] = (
    (r"kinh tế số[^.;]{0,40}(?:GRDP|GDP)|digital economy[^.;]{0,60}(?:GRDP|GDP|gross)",
     "digital economy share of GRDP"),
    (r"kinh tế số trong (?:mỗi|từng) ngành|digital economy in each sector",
     "digital economy share in each sector"),
    (r"thương mại điện tử|e-commerce", "e-commerce"),
    (r"năng suất lao động|labou?r productivity", "labour productivity growth"),
    (r"hồ sơ sức khỏe điện tử|electronic health record", "electronic health records"),
    (r"điện thoại thông minh|smartphone", "adults with a smartphone"),
    (r"chữ ký số|chữ ký điện tử|digital signature", "digital signatures"),
    (r"tài khoản (?:thanh toán|ngân hàng)|payment account", "payment accounts"),
    (r"định danh điện tử|VNeID", "electronic identification accounts"),
    (r"cáp quang|fiber|fibre|băng rộng|broadband", "fibre broadband"),
    (r"4G|5G|phủ sóng|di động", "mobile coverage"),
    (r"báo cáo|reports?\b", "reporting through the provincial system"),
    (r"hồ sơ|dossiers?|thủ tục hành chính|administrative procedures?",
     "dossiers and procedures handled online"),
    (r"dịch vụ công|public services?|DVC", "online public services"),
    (r"tổ công nghệ số|công nghệ số cộng đồng|community digital", "community digital teams"),
    (r"doanh nghiệp công nghệ số|digital technology enterprises", "digital technology firms"),
    (r"doanh nghiệp|enterprises|businesses", "enterprises"),
    (r"không dùng tiền mặt|cashless|thanh toán", "cashless payments"),
    (r"camera", "surveillance cameras"),
    (r"\bDTI\b|chuyển đổi số|digital transformation", "digital transformation"),
)
_ONE = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CONCEPTS)), re.I)


def concept(sentence: str, start: int, end: int) -> str:
    """Return the measure named nearest to the figure at start:end, or ""."""
    lo = max(max(sentence.rfind(ch, 0, start) for ch in ";:") + 1, start - 100)
    hi_marks = [i for i in (sentence.find(ch, end, end + 80) for ch in ";.") if i >= 0]
    hi = min(hi_marks) if hi_marks else min(len(sentence), end + 80)
    best: tuple[int, int] | None = None
    for m_start, m_end, index in _matches(sentence):
        if m_start < lo or m_end > hi:
            continue
        distance = max(m_start - end, start - m_end, 0)
        if best is None or (distance, index) < best:
            best = (distance, index)
    return CONCEPTS[best[1]][1] if best else ""


@lru_cache(maxsize=1024)
def _matches(sentence: str) -> tuple[tuple[int, int, int], ...]:
    """Return (start, end, concept index) of every measure named in a sentence."""
    return tuple((m.start(), m.end(), int((m.lastgroup or "c0")[1:]))
                 for m in _ONE.finditer(sentence))
