"""Who a figure is about: provinces, national and bloc aggregates, agencies and anaphora.

One gazetteer built from ``helpers.provinces``: Vietnamese names with or without "TP."/"thành
phố"/"tỉnh", hyphenated and short forms ("Thừa Thiên-Huế", "Huế", "TP.HCM"), ASCII and English
names ("Hanoi", "Ho Chi Minh City"). Entities are named as in LABELING.md section 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import provinces
from . import english

NATIONAL = "Toàn quốc"
MINISTRY_BLOC = "Toàn quốc (khối bộ, ngành)"
PROVINCE_BLOC = "Toàn quốc (khối tỉnh, thành)"
#: Spellings the reference table does not list, by GSO code.
EXTRA_NAMES = {
    "79": ("TP.HCM", "TP. HCM", "TPHCM", "TP HCM", "HCM City", "HCMC", "Ho Chi Minh City",
           "Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    "46": ("Thừa Thiên-Huế", "Thừa Thiên - Huế", "Huế", "Hue", "Thua Thien-Hue",
           "Thua Thien Hue"),
    "01": ("Hanoi", "Ha Noi"),
    "31": ("Haiphong",),
    "77": ("Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Vũng Tàu"),
    "66": ("Dak Lak", "Daklak", "Đắc Lắc"),
    "67": ("Dak Nong", "Đắc Nông"),
    "38": ("Thanh Hoá",),
    "56": ("Khánh Hoà",),
    "17": ("Hoà Bình",),
}
#: Words before a name that make it part of an agency's or a company's name.
_INSIDE = re.compile(r"(?:Bộ|Sở|Đại học|Trường|Báo|Đài|Công ty|Bưu điện|Điện lực|Tuổi trẻ|"
                     r"Người dân|Thế hệ trẻ|Viện|Ngân hàng|Ủy ban Quản lý|Department of|"
                     r"University of|Trung tâm)\s+(?:[\w&.]+\s+){0,6}$")
_AGENCY = re.compile(
    r"(?<!của )(?<!Theo )(?<!theo )(?<!do )(?<!by )(?<!of )"
    r"\b(Bộ (?:[A-ZĐ][\w&.]*|Khoa học|Thông tin|Tài chính|Nội vụ|Công Thương|Giao thông)"
    r"(?:[ \w&.]{0,40}?)|Bảo hiểm xã hội Việt Nam|Viện Hàn lâm[\w &.]{0,40}|"
    r"Ngân hàng Nhà nước(?: Việt Nam)?|Đài Truyền hình Việt Nam|Thông tấn xã Việt Nam|"
    r"Ministry of [A-Z][\w ]{0,40}?|State Bank of Vietnam|Vietnam Social Security|"
    r"Voice of Vietnam|Vietnam Television|Government Office|"
    r"Department of [A-Z][\w,]*(?:\s+(?:[A-Z&][\w,]*|and)){0,6}|"
    r"Sở (?:[\w&]+ ){0,8}?[A-ZĐ][\w]*(?: [A-ZĐ][\w]*)*|"
    r"Sở [A-ZĐ]\w*(?: [\w&]+){0,5}?(?= (?:dẫn đầu|đứng đầu|xếp|đạt)\b[^.;]{0,40}?"
    r"(?:khối|các) (?:sở|cơ quan))|"  # "Sở Tư pháp dẫn đầu khối sở, ngành": among agencies
    r"Sở [A-ZĐ]\w*(?: (?!(?:xếp|đứng|dẫn|đạt|giữ|tăng|giảm)\b)[\w&]+){0,5}"
    r"(?= (?:xếp|đứng) (?:thứ|hạng|vị trí|đầu)))"  # "Sở Thông tin và Truyền thông xếp thứ nhất"
    r"(?=\s+(?:giữ|vươn|xếp|đứng|đạt|tăng|giảm|mỗi|và|ranked|dẫn đầu|climbed|rose|fell|was|"
    r"came|topped|led|placed|scored))")
#: A unit inside a province (rule 2.5): "huyện Mộc Châu", "thị xã Thuận Thành", "Phu Yen district".
_DISTRICT = re.compile(r"\b(?:[Hh]uyện|[Tt]hị xã|[Qq]uận)\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,2}|"
                       r"\b[A-Z]\w+(?:\s+[A-Z]\w+){0,2}\s+(?:district|town)\b")
_NATIONAL = re.compile(r"DTI quốc gia|(?:các )?bộ, tỉnh\b|bộ, ngành,? (?:và )?địa phương|"
                       r"Chỉ số chuyển đổi số quốc gia|"
                       r"(?<![\w.] )Việt Nam(?! [A-Z])|"
                       r"\bVietnam(?:'s)?\b(?! [A-Z])|\bnational level\b|\bnational DTI\b|"
                       r"giá trị trung bình DTI cấp tỉnh|DTI cấp tỉnh (?=năm \d{4} đạt)|"
                       r"DTI(?: \d{4})? cấp tỉnh trung bình|[Bb]ình quân cả nước|cả nước đạt|"
                       r"[Đđ]ối với cấp tỉnh|provincial average|average provincial|"
                       r"national average|"
                       r"\b(?:Nationwide|Nationally|Across the country|Across Vietnam)(?=,)|"
                       r"\bTrên (?:phạm vi )?cả nước(?=,)|^\W*Cả nước(?= (?:có|hiện có|đã có))|"
                       r"\baverage (?:DTI |score |value )*(?:of|for|among) (?:all |the )?"
                       r"(?:63 )?provinces\b|\bprovinces averaged\b|"
                       r"(?:[Tt]rung bình|[Bb]ình quân)(?: của)? (?:cấp tỉnh|cả nước|toàn quốc)|"
                       r"(?<=của )Việt Nam(?! [A-Z])")
_BLOC = re.compile(r"DTI cấp bộ|[Kk]hối bộ, ngành|[Kk]hối các bộ|ministerial level|"
                   r"\bministries averaged\b|\baverage (?:DTI |score |value )*(?:of|for|among) "
                   r"(?:all |the )?ministries\b|"
                   r"các bộ,? (?:cơ quan ngang bộ|ngành)(?!,? (?:địa phương|tỉnh))|"
                   r"các bộ (?:không )?cung cấp dịch vụ công|"
                   r"ministries and (?:branches|ministry-level agencies|agencies)")
#: A region's aggregate (out of scope, rule 8.9): "the regional average", "bình quân vùng".
_REGION_AGGREGATE = re.compile(r"(?i)\b(?:regional|the region's)\s+average\b|"
                               r"\b(?:trung bình|bình quân)(?: của)? (?:khu vực|vùng)\b")
#: The block of provinces: "khối tỉnh, thành", "khối địa phương".
_PROVINCE_BLOC = re.compile(r"[Kk]hối (?:tỉnh, thành(?: phố)?|địa phương)|provincial bloc")
#: Words that describe a province in an anaphor: "the northern province", "the coastal city".
DESCRIBED = (r"(?:northern|southern|central|eastern|western|northernmost|southernmost|coastal|"
             r"mountainous|border|highland|north-central|south-central|south-eastern|"
             r"north-western|Mekong Delta|Central Highlands|neighbouring|neighboring|merged|"
             r"newly merged|new|newly established)")
#: Words that refer back to the article's main province.
_ANAPHOR = re.compile(
    r"^\s*Đây(?: cũng)? là (?:địa phương|tỉnh)|"
    r"\b(?:(?:của )?(?:[Tt]ỉnh|[Đđ]ịa phương|[Tt]hành phố) này|"
    r"của tỉnh|toàn tỉnh|tỉnh ta|[Tt]he province(?:'s)?|[Tt]he locality|[Tt]his province|"
    r"\b[Tt]he city(?:'s)?(?! of\b)|[Tt]his city|[Tt]he locality's|"
    rf"[Tt]he (?:{DESCRIBED}\s+){{1,2}}(?:province|city|locality)(?:'s)?|"
    r"[Tt]ỉnh(?= (?:đã|đạt|xếp|đứng|có|hiện|tăng|vươn|phấn đấu|đặt|xác định|tiếp tục|sẽ)))")


@dataclass(frozen=True)
class Mention:
    """A named entity in a sentence: span, canonical name (or "" for an agency) and kind."""

    start: int
    end: int
    name: str
    kind: str  # province, national, bloc, agency, anaphor, district


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Return one pattern matching any known spelling, and spelling to canonical name."""
    table = provinces.provinces()
    spelling: dict[str, str] = {}
    for row in table.itertuples(index=False):
        canonical = re.sub(r"^TP\.? ", "", provinces.display_name(row.code))
        forms = {canonical, row.name_vi, row.name_ascii, *row.name_en_variants.split("|"),
                 *EXTRA_NAMES.get(row.code, ())}
        for form in forms:
            form = form.strip()
            if len(form) >= 3 and form[0].isupper() and form not in ("BRVT",):
                spelling[form] = canonical
    alternatives = "|".join(re.escape(s) for s in sorted(spelling, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:(?:TP\.?|Tỉnh|tỉnh|Thành phố|thành phố) ?)?"
                      rf"({alternatives})(?![\w])"), spelling


def canonical(name: str) -> str:
    """Return the canonical entity name of a spelling ("TP.HCM" is "Hồ Chí Minh")."""
    return _names()[1].get(name.strip(), name.strip())


@lru_cache(maxsize=4096)
def mentions(sentence: str) -> tuple[Mention, ...]:
    """Return every entity named in a sentence, in order."""
    pattern, spelling = _names()
    found = []
    districts = [(d.start(), d.end()) for d in _DISTRICT.finditer(sentence)]
    for m in pattern.finditer(sentence):
        if _INSIDE.search(sentence[max(0, m.start() - 60):m.start()]) or any(
                a <= m.start() < b for a, b in districts):
            continue
        found.append(Mention(m.start(), m.end(), spelling[m.group(1)], "province"))
    tail = re.search(r"([A-ZĐ][\w]*(?:[ -][\w]+){0,3})$", sentence)
    if tail and not any(f.end == len(sentence) for f in found) and len(tail.group(1)) >= 6:
        cut = next((n for n in sorted(spelling, key=len) if n.startswith(tail.group(1))
                    and n != tail.group(1)), None)
        for m in ([tail] if cut else []):
            found.append(Mention(m.start(1), m.end(1), spelling[cut], "province"))
    taken = [(f.start, f.end) for f in found]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    aggregates = {"national": (NATIONAL, "national"), "bloc": (MINISTRY_BLOC, "bloc"),
                  "province_bloc": (PROVINCE_BLOC, "bloc")}
    named_aggregates = []
    for a in english.aggregate(sentence):  # aggregates, any case and word order
        if free(a.start, a.end):
            found.append(Mention(a.start, a.end, *aggregates[a.key]))
            taken.append((a.start, a.end))
            named_aggregates.append((a.start, a.end))
    for pattern, name, kind in ((_DISTRICT, "", "district"), (_AGENCY, "", "agency"),
                                (_REGION_AGGREGATE, "", "region"),
                                (_NATIONAL, NATIONAL, "national"),
                                (_BLOC, MINISTRY_BLOC, "bloc"),
                                (_PROVINCE_BLOC, PROVINCE_BLOC, "bloc")):
        for m in pattern.finditer(sentence):
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), name, kind))
                taken.append((m.start(), m.end()))
    for m in _ANAPHOR.finditer(sentence):
        if not any(a <= m.start() < b for a, b in named_aggregates):  # "DTI bình quân cấp tỉnh"
            found.append(Mention(m.start(), m.end(), "", "anaphor"))
    return tuple(sorted(found, key=lambda f: f.start))


def home_name(manifest_province: str) -> str:
    """Return the canonical name of a manifest province, or the national entity when empty."""
    if not manifest_province.strip():
        return NATIONAL
    code = provinces.resolve(manifest_province)
    return re.sub(r"^TP\.? ", "", provinces.display_name(code))
