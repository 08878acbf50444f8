"""Indicators: every other number stated as a fact about an entity (LABELING.md section 3).

DTI scores (0-1 scale) and points, percentages, counts of a named thing, money, and "x/N"
counts. Junk numbers are refused by explicit rules: years, dates, times, document numbers,
methodology counts (pillars, indicators, criteria), group sizes, ages and durations.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import gazetteer, grammar
from .numbers import EN_CARDINAL, en_cardinal, parse
from .topics import topic_of

if TYPE_CHECKING:
    from .extract import Reader

NUMBER = re.compile(r"(?<![\w/.:-])(?<!\d,)(\d+(?:[.,]\d+)*)(?:\s*/\s*(\d+(?:[.,]\d{3})*))?"
                    r"(?=m2|m²|km2|km\b|ha\b|kg\b|GB\b|MW\b|-\d+(?:[.,]\d+)?\s*%|"
                    r"(?![\w/-]|[.,]\d))")
DECREASE = re.compile(r"(?i)(?:giảm|sụt|fell|dropped|declined|down|decrease[sd]?|"
                      r"(?:thấp hơn|kém|lower than|below)(?:\s+(?:mức\s+)?(?:bình quân|trung bình|"
                      r"the (?:national )?average)[^\d,;]{0,20})?)\s*(?:by|of|nhẹ|còn)?\s*$")
#: A comparative after a difference that makes it negative: "0.0512 lower than", "2 điểm thấp hơn".
LOWER_AFTER = re.compile(r"(?i)\s*(?:points?|điểm(?: phần trăm)?|percentage points?)?\s+"
                         r"(?:lower|less|below|thấp hơn|kém hơn|worse)\b")
#: The same sum in a second currency, in parentheses after the first (rule 8.4).
SECOND_CURRENCY = re.compile(r"(?i)(?:VND|USD|đồng|dong|trillion|billion|million|tỷ|triệu)\s*"
                             r"\(\s*(?:khoảng|about|approximately|~|tương đương|equivalent to)?\s*"
                             r"(?:US\$|USD|VND|\$)?\s*$")
BOUND = re.compile(r"(?i)(?:hơn|trên|tối thiểu|ít nhất|over|more than|at least|≥|vượt)\s*$")
APPROX = re.compile(r"(?i)(?:gần|khoảng|nearly|about|approximately|around|ước|xấp xỉ)\s*$")
#: Nouns after a number that make it no indicator (time, groups, methodology, ages).
JUNK_AFTER = re.compile(
    r"(?i)^\s*(?:năm|tháng|ngày|giờ|phút|quý|tuần|lần|tuổi|years?|months?|days?|hours?|"
    r"trụ cột|pillars?|chỉ số|indicators?|main|core|component|indexes|indices|sub-indicators|"
    r"tiêu chí|criteria|"
    r"tiers?|cấp|nhóm|groups?|nguồn (?:thông tin|dữ liệu|số liệu)|(?:data )?sources\b|"
    r"(?:tỉnh|địa phương|provinces|localities|cơ quan|đơn vị|agencies|ministries)[\w ,]{0,15}?\s"
    r"(?:dẫn đầu|đứng đầu|đứng cuối|đầu tiên|leading|top|bottom)|"
    r"bộ(?!, tỉnh|, ngành,? (?:và )?địa phương)|ngành|cơ quan(?= lần đầu| tham gia| mới)|"
    r"quốc gia|countries|ministries|agencies|"
    r"goals?\b|bậc|hạng|places?|"
    r"positions?|mục tiêu|chỉ tiêu|"
    r"targets?|đột phá|giải pháp|điểm cầu|lượt xem|lượt thích|bình luận|views\b|"
    r"likes\b|comments\b|[Gg]\b|/|:|h\b|người đứng|"
    r"era\b|revolution|industrial revolution)")  # "the 4.0 era"
JUNK_BEFORE = re.compile(
    r"(?i)(?:(?<!tổng )(?<!hội )(?<!tế )(?<!quyền )(?<!liệu )(?<!tầng )(?<!lực )(?<!đổi )"
    r"(?<!thức )(?<!chế )số|No\.?|mức|Resolution|Nghị quyết|Quyết định|Kế hoạch|Công văn|"
    r"Chỉ thị|Đề án|"
    r"khóa|level|mức độ|nhóm|top|tốp|Top|lần thứ|năm thứ|thứ|ngày|tháng|Ảnh|Photo|"
    r"Update|Chiều|Sáng|trong|of the|Decree|Directive|Article|[Tt]ổng đài|[Hh]otline|"
    r"đường dây nóng|SEA Games|phiên bản|version|thang|scale of|one of(?: the)?|"
    r"Program(?:me)?|Chương trình|ISO|IPv|"
    r"(?:level|mức độ|mức)\s+\d\s*(?:,|and|và|&|-|–)\s*(?:level\s+)?)\s*[-:]?\s*$")
#: The upper end of a range written without "từ": "72-75%", "40 – 45 điểm".
RANGE = re.compile(r"\s*[-–]\s*(\d+(?:[.,]\d+)?)(?=\s*(?:%|điểm|points?)\b|\s*%)")
#: A sentence about one event (its connection points are a ceremony detail, rule 8.6).
EVENT = re.compile(r"(?i)\b(?:(?<!truyền hình )hội nghị|hội thảo|buổi lễ|lễ công bố|sự kiện|"
                   r"conference|ceremony|event)\b")
#: The total of a count written with a word: "8 trên 11 nhiệm vụ", "8 out of 11 tasks".
RATIO = re.compile(r"(?i)\s+(?:trên|out of|of(?:\s+(?:the|its|their))?)\s+"
                   r"(\d{1,3}[.,]\d{3}|\d{1,4})(?=\s+[^\W\d])")
#: Words that put a percentage beside a count: "(đạt 75%", "chiếm", "tương ứng", "(tỷ lệ".
RESTATED = re.compile(r"(?i)(?:\(\s*(?:đạt|tỷ lệ|bằng|chiếm)?|chiếm|tương ứng|tương đương|"
                      r",\s*bằng|\bequal to|"
                      r"equivalent to|or|reaching|representing|accounting for|i\.e\.|"
                      r",\s*đạt(?: tỷ lệ)?)[^\d()]{0,15}$")
#: A share printed in brackets right after a count, before the count's noun: "537 (36,09%) hồ sơ".
PERCENT_ASIDE = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*%\s*\)(?=\s*[^\W\d])")
#: Words before a per-capita base: "trên 1.000 dân", "per 100 inhabitants".
PER_CAPITA = re.compile(r"(?i)(?:trên|per|/|mỗi)\s*$")
#: A count of units meeting a threshold, up to the threshold: "4/13 sở, ngành đạt tỷ lệ ... trên".
#: The units a count of units meeting a threshold counts (rule 8.5).
COUNTED_UNITS = (r"tỉnh", r"địa phương", r"sở", r"bộ", r"huyện", r"xã", r"đơn vị", r"cơ quan",
                 r"provinces", r"localities", r"ministries", r"districts", r"communes",
                 r"agencies", r"departments", r"units")
THRESHOLD_OF_COUNT = re.compile(r"(?i)(?<![\d.,])(?:\d+\s*/\s*\d+\s+[^\d;]{0,100}?|"
                                r"(?:\d+|" + EN_CARDINAL + r")\s+(?:" + "|".join(COUNTED_UNITS)
                                + r")\b[^\d;]{0,60}?)"
                                r"(?:đạt|có|with|reached|scored|scoring|achieved)[^\d;]{0,80}?"
                                r"(?:trên|từ|over|above|at least|tối thiểu|more than|higher than|"
                                r"cao hơn|dưới|thấp hơn|below|under|less than|lower than)\s*$")
#: A count of units meeting a criterion, up to the criterion: "19/63 tỉnh đã số hóa 100% ...".
CRITERION_OF_COUNT = re.compile(r"(?i)\b(?:có|there (?:are|were)|only)\s+\d+\s*(?:/|of|out of)"
                                r"\s*\d+\s+"
                                r"(?:tỉnh|địa phương|sở|bộ|provinces|localities)[^\d;]{0,80}?$")
#: A sentence about a ceremony: its counts (awards, delegates) are not facts (LABELING.md 8).
#: Words before a short decimal that make it a DTI score ("average of 0.5").
SCORE_BEFORE = re.compile(r"(?i)(?:score|điểm|DTI|average|trung bình|bình quân)\D{0,25}$")
CEREMONY = re.compile(r"(?i)\btrao\b|\btặng\b|bằng khen|giấy khen|thẻ nhà báo|tôn vinh|"
                      r"\bawards?\b|đại biểu|delegates")
TIME_AFTER = re.compile(r"^\s*(?:[Nn]ăm|[Tt]háng|[Nn]gày|[Gg]iờ|/|:|[A-Z]{2,}\b)")
UNIT_AFTER = re.compile(
    r"^\s*(%|điểm|points?|(?:tỷ|tỉ|triệu|nghìn|ngàn) đồng|(?:billion|million) (?:VND|USD)|"
    r"(?:m2|m²|km2|km|ha|kg|GB|MW)\b|"
    r"(?:triệu|tỷ|tỉ|nghìn|ngàn)\b|[^\W\d][\w]*(?:\s+[^\W\d][\w]*)?)")
SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
NOT_UNIT = ("trên", "dưới", "của", "và", "với", "cho", "tại", "từ", "đến", "trong", "là",
            "thuộc", "theo", "về", "ở", "so", "được", "đã", "có", "in", "of", "and", "to",
            "the", "from", "by", "on", "at", "for", "with", "compared", "than", "tăng",
            "giảm", "ranking", "ranked", "up", "down", "đứng", "xếp", "thứ", "a", "an",
            "points", "was", "is", "đạt", "gồm", "vị", "tốp")


def number(text: str, lang: str) -> float:
    """Parse a number read from a text in its language's convention."""
    return parse(text, lang)


def qualifier_tag(before: str) -> str:
    """Return "bound" or "approx" for the words right before a number, else ""."""
    if BOUND.search(before):
        return "bound"
    if APPROX.search(before):
        return "approx"
    return ""


def read(reader: Reader, s: str) -> None:
    """Record every unclaimed number of a sentence that states an indicator."""
    ceremony = bool(CEREMONY.search(s))
    for m in NUMBER.finditer(s):
        if not reader.free(m.start(), m.end()):
            continue
        raw, den_raw = m.group(1), m.group(2)
        after, before = s[m.end():m.end() + 40], s[max(0, m.start() - 40):m.start()]
        if re.fullmatch(r"[1-6][.,]0", raw) and re.search(r"[^\W\d]\s*$", before):
            continue  # a version or an era, not a figure: "Industry 4.0", "công nghiệp 4.0"
        level = re.search(r"(?i)\bmức\s*$", before) and re.match(r"\s*%", after)  # "từ mức 32%"
        if re.fullmatch(r"(19|20)\d\d", raw) or (JUNK_BEFORE.search(before) and not level) or \
                SECOND_CURRENCY.search(before):
            continue  # "VND 1.2 trillion (US$48 million)": one sum in two units (rule 8.4)
        if raw in ("63", "34") and re.match(r"\s*(?:tỉnh|provinces|localities|địa phương)",
                                           after):
            continue  # the size of the ranking, not a fact
        if PER_CAPITA.search(before) and re.match(r"(?i)\s*(?:người\s+)?(?:dân|inhabitants|people|"
                                                  r"residents)\b", after) or \
                (re.match(r"(?i)\s*(?:điểm cầu|connection points)", after) and EVENT.search(s)):
            continue  # "trên 1.000 dân", "per 100 inhabitants", one event's 46 điểm cầu (8.6)
        span = RANGE.match(after)  # "72-75%", "40 – 45%": the lower end (rule 4.2)
        if re.match(r"\s*[-–]\s*\d", after) and not re.search(r"(?i)từ\s*$", before) and not span:
            continue
        try:
            value = number(raw, reader.lang)
        except ValueError:
            continue
        den = None
        if den_raw:
            try:
                den = number(den_raw, reader.lang)
            except ValueError:
                continue
            if value > den or re.search(r"(?i)(?:ngày|tháng|hôm|sáng|chiều)\s*$", before):
                continue
        ratio = None if den_raw else RATIO.match(after)  # "8 trên 11 nhiệm vụ", "8 out of 11"
        if ratio:  # "612.5 out of 1,000 points": the scale is the denominator
            den = float(re.sub(r"[.,]", "", ratio.group(1)))
            reader.claim(m.end(), m.end() + ratio.end())
        rest = s[m.end() + (span.end(1) if span else ratio.end() if ratio else 0):]
        aside = PERCENT_ASIDE.match(rest)  # "537 (36,09%) hồ sơ": the count's noun after it
        unit_match = UNIT_AFTER.match(rest[aside.end():] if aside else rest)
        unit = unit_match.group(1).rstrip(",.;:") if unit_match else ""
        if den is None and unit and not unit.startswith("%"):
            den = _stated_total(s, m.start(), unit, value)
        decimal = (bool(re.search(r"[.,]\d{2,}$", raw)) and value < 1.5) or (
            raw.startswith(("0,", "0.")) and (SCORE_BEFORE.search(before)
                                               or re.match(r"(?:điểm|points?)\b", unit)))
        if decimal and not unit.startswith("%"):
            unit = "score"
        elif unit.startswith("%"):
            unit = "%"
        elif re.match(r"(?:điểm|points?)(?:\s+(?:DTI|chuyển|số|in))?$", unit):
            unit = "points"
        elif unit.split(" ")[0] in SCALE and reader.lang == "vi":
            money = re.match(r"\s*(\S+)(?:\s+đến\s+[\d.,]+\s+\S+)?\s+(đồng\S*|USD|VND)",
                             s[m.end():])
            if money:
                unit = f"{money.group(1)} {money.group(2)}"
            else:
                value *= SCALE[unit.split(" ")[0]]
        elif re.match(r"(?i)(million|billion|thousand)\b(?! (?:VND|USD|dong))", unit) and not \
                re.search(r"(?:VND|USD|US\$|\$)\s*$", before):  # "VND 50 billion": as printed
            value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9}[unit.split()[0].lower()]
        elif not unit and re.search(r"\w\s*:\s*$", before) and "(" in s[:m.start()]:
            unit = "count"  # a breakdown "(cấp tỉnh: 1.118, cấp huyện: 183)"
        elif den and not TIME_AFTER.match(s[m.end():]):
            unit = unit or "count"
        elif not unit and counted_noun(s, m.start()):
            unit = counted_noun(s, m.start())  # "the number of ... reached 58,000"
        elif not unit or JUNK_AFTER.match(s[m.end():]) or unit.split(" ")[0].lower() in NOT_UNIT:
            continue
        elif ceremony:
            continue
        window = s[max(0, m.start() - 250):m.start()]
        if unit in ("%", "score", "points") and (THRESHOLD_OF_COUNT.search(window)
                                                 or CRITERION_OF_COUNT.search(window)):
            continue  # "8/12 sở đạt tỷ lệ trên 70%": the count's threshold (rule 8.5)
        if unit == "%" and restates(reader, value, raw, s, m.start()):
            continue  # "8/11 chỉ tiêu (đạt 72,7%)": the count restated (rule 8.4)
        if unit in ("score", "points", "%", "điểm phần trăm", "percentage points") and \
                DECREASE.search(before) or (
                unit in ("score", "points", "điểm phần trăm", "percentage points")
                and LOWER_AFTER.match(s, m.end())):
            value = -value  # rule 4.3: a decrease, or a difference "0,05 lower than", is negative
        tags = [t for t in (qualifier_tag(before),) if t]
        if span:
            tags.append("range")
            reader.claim(m.end(), m.end() + span.end())
        upper = re.match(r"(?i)\s*(?:%|\S+)?\s*(?:đến|-|–|to)\s*(?:khoảng\s*|gần\s*|about\s+|"
                         r"around\s+|nearly\s+|almost\s+)?[\d.,]+", after)
        if re.search(r"(?i)(?:(?<!tăng )(?<!giảm )từ|(?<!rose )(?<!risen )(?<!increased )"
                     r"(?<!grew )(?<!grown )(?<!fell )(?<!dropped )(?<!declined )(?<!climbed )"
                     r"(?<!jumped )(?<!up )(?<!down )\bfrom)\s*(?:khoảng\s*|about\s+|around\s+|"
                     r"nearly\s+)?$", before) and upper:  # a range, not a change "rose from"
            reader.claim(m.end(), m.end() + upper.end())
            if group_range(s, m.start()):
                continue  # "A, B and C, with scores from about 0.28 to 0.31" (rule 8.3)
            tags.append("range")
        pillar = _pillar(s, m.start(), m.end(), unit)
        compared = re.search(r"(?:năm|in|from|to)\s+(20\d\d)\s*\((?:\s*(?:khi đó|lúc đó|then)"
                             r"[^()\d]{0,12})?\s*$", before)  # "so với năm 2022 (khi đó là 43,5%)"
        year = int(compared.group(1)) if compared else None
        national = PROVINCES_COUNTED.match(s, m.end()) and COUNT_SUBJECT.search(s[:m.start()])
        reader.add(s, m.start(), m.end(), "indicator", value, pillar=pillar, unit=unit,
                   denominator=den, tags=tuple(tags), year=year,
                   year_basis="clause" if year else "",
                   entity=gazetteer.NATIONAL if national else None)  # R8: "Có 29 địa phương"


#: The noun a count with no unit after it counts, named before it: "the number of digital
#: technology enterprises reached 58,000", "số doanh nghiệp công nghệ số đạt 1.250".
COUNTED_NOUN = re.compile(
    r"(?i)\b(?:the\s+)?(?:total\s+)?number\s+of\s+([a-z][\w-]*(?:\s+(?!(?:nationwide|in|of|at|"
    r"across|on|reached|was|is|were|are|rose|increased|grew|totall?ed|stood|hit|amounted|for)"
    r"\b)[a-z][\w-]*){0,4})\b"
    r"[^.;%\d]{0,60}?\b(?:reached|was|is|were|are|rose to|increased to|grew to|totall?ed|"
    r"stood at|hit|amounted to)\s+(?:about|over|more than|nearly|approximately|some|around|"
    r"almost)?\s*$"
    r"|\bsố(?: lượng)? ((?:doanh nghiệp|hộ|người|tài khoản|thuê bao|hồ sơ|cơ sở|trạm|điểm|"
    r"hợp tác xã)[^\d.;%]{0,50}?)\s+(?:đạt|là|lên|tăng lên)\s+(?:hơn|trên|gần|khoảng|xấp xỉ)?\s*$")
def group_range(s: str, start: int) -> bool:
    """Tell whether a range at start is spread over a group of entities listed before it in its
    sentence ("Dien Bien, Lai Chau and Cao Bang, with scores from about 0.28 to nearly 0.31";
    rule 8.3: it gives no entity a value)."""
    named = [m for m in gazetteer.mentions(s[:start]) if m.kind == "province"]
    return len(named) >= 2 and bool(re.search(r"(?i)\b(?:and|và)\b|,", s[named[0].end:
                                                                          named[-1].start]))


def counted_noun(s: str, start: int) -> str:
    """Return the noun that a count at start with no unit after it counts, named before it
    ("the number of digital technology enterprises reached 58,000"), or ""."""
    counted = COUNTED_NOUN.search(s[max(0, start - 120):start])
    return (counted.group(1) or counted.group(2)) if counted else ""


#: A count of the country's provinces, stated as the subject of a criterion (rule 2.3, R8):
#: "Có 29 địa phương đạt ...", "Only 8 provinces scored ...", "Cả nước có 12 tỉnh ...".
PROVINCES_COUNTED = re.compile(r"(?i)\s*(?:(?:/|of|out of|trên)\s*\d+\s+)?"
                               r"(?:tỉnh, thành(?: phố)?|tỉnh|địa phương|"
                               r"provinces(?: and cities)?|localities)\b")
COUNT_SUBJECT = re.compile(r"(?i)(?:^\W*|\b(?:có|chỉ có|only|there (?:are|were)|cả nước có)\s+)"
                           r"(?:hơn|trên|gần|khoảng|over|more than|nearly|about|some)?\s*$")


#: A count written as an English number word before a plural noun ("nine data centres").
WORD_COUNT = re.compile(rf"(?i)\b({EN_CARDINAL})\s+((?:[a-z-]+\s+)?[a-z-]+s)\b")
#: Nouns after a number word that make it no count (time, structure, positions, groups).
WORD_COUNT_JUNK = re.compile(r"(?i)(?:consecutive\s+)?(?:years|months|days|weeks|times|pillars|"
                             r"(?:main |core )?indicators|places|positions|spots|ranks|notches|"
                             r"levels|groups|tiers|phases|stages|provinces|localities|cities|"
                             r"ministries|agencies|members|parts)\b|[a-z-]+\s+(?:years|months|"
                             r"times|pillars|indicators|places|provinces|localities|cities)\b")
#: A multiplier (rule 3.12): "tăng hơn 3 lần", "tăng gấp đôi", "three times", "twice as much".
MULTIPLIER = re.compile(
    r"(?i)(?:tăng|gấp|increased?|grew|rose|up)\s+(?:(?P<q>hơn|khoảng|gần|trên|over|about|nearly|"
    r"more than)\s+)?(?:gấp\s+)?(?P<n>\d+(?:[.,]\d+)?|đôi|hai|ba|bốn|năm|two|three|four|five)"
    r"\s*(?:lần|times|-fold)\b"
    r"|(?:tăng\s+)?gấp\s+(?P<w>đôi|ba|bốn)\b|\b(?P<e>twice|double|doubled|tripled|triple)\b")
#: The end point of a change over a span, after it: "..., từ X năm 2019 lên Y vào tháng 12/2020".
END_POINT = re.compile(r"(?i)[^.;]{0,60}?(?<!compared )(?<!so )\b(?:lên|đến|to)\b[^.;]{0,40}?"
                       r"(20[1-3]\d)\b")
_TIMES = {"đôi": 2, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "two": 2, "three": 3, "four": 4,
          "five": 5, "twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3}


def word_counts(reader: Reader, s: str) -> None:
    """Record counts written as English number words: "seven data centres" (rule 4.2)."""
    if reader.lang != "en":
        return
    for m in WORD_COUNT.finditer(s):
        if reader.free(m.start(), m.end()) and not WORD_COUNT_JUNK.match(m.group(2)) and not \
                re.search(r"(?i)\b(?:top|the|of|one of|first|last|past|next)\s*$",
                          s[max(0, m.start() - 12):m.start()]):
            reader.add(s, m.start(), m.end(), "indicator", float(en_cardinal(m.group(1))),
                       unit=m.group(2))


def multipliers(reader: Reader, s: str) -> None:
    """Record multipliers as indicators, unit lần/times, value the factor (rule 3.12)."""
    for m in MULTIPLIER.finditer(s):
        token = m.group("n") or m.group("w") or m.group("e")
        around = s[max(0, m.start() - 8):m.start()] + s[m.end():m.end() + 12]
        if not reader.free(m.start(), m.end()) or (
                m.group("e") and not re.search(r"(?i)\b(?:as|the|its|in)\b", around)):
            continue  # "twice" as a count of times ("runner-up twice") is no multiplier
        factor = _TIMES.get(token.lower()) or number(token, reader.lang)
        tags = [t for t in (qualifier_tag((m.group("q") or "") + " "),) if t]
        end = END_POINT.match(s, m.end())  # "tăng 3 lần, từ X năm 2019 lên Y vào tháng 12/2020"
        reader.add(s, m.start(), m.end(), "indicator", float(factor),
                   unit="times" if reader.lang == "en" else "lần", tags=tuple(tags),
                   year=int(end.group(1)) if end else None,
                   year_basis="clause (end point)" if end else "")


def restates(reader: Reader, value: float, raw: str, s: str, start: int) -> bool:
    """Tell whether a percentage beside a count x/N restates it (equal to x/N as printed)."""
    if not RESTATED.search(s[max(0, start - 25):start]):
        return False
    decimals = len(re.split(r"[.,]", raw)[1]) if re.search(r"[.,]", raw) else 0
    return any(f.denominator and f.value is not None and 0 <= reader.offset + start - f.end <= 90
               and abs(100 * f.value / f.denominator - value) <= 0.5 * 10 ** -decimals + 1e-9
               for f in reader.facts)


def _stated_total(s: str, start: int, unit: str, value: float) -> float | None:
    """Return N of "Xét theo / trong tổng số N <unit>, có M <unit> ..." stated before M."""
    noun = re.escape(unit.split(" ")[0])
    total = None
    for t in re.finditer(rf"(?i)(?:xét theo|trong tổng số|trong số|trên tổng số|out of the|of the)"
                         rf"\s+(\d{{1,4}})\s+{noun}", s[max(0, start - 300):start]):
        total = float(t.group(1))
    return total if total and total > value else None


def _pillar(s: str, start: int, end: int, unit: str) -> str:
    """Return the pillar of an indicator: the DTI or pillar a score (or its growth) measures."""
    if unit not in ("score", "points", "%"):
        return ""
    if unit == "%":
        head = s[max(0, start - 25):start]
        growth = r"(?i)(tăng|giảm|increase|growth|rise|up|down)\s*(?:tới|of|by)?\s*$"
        if not re.search(growth, head) \
                and not re.match(r"(?i)\s*%?\s*(?:increase|growth|rise)", s[end:end + 12]):
            return ""
        if not re.search(r"\b0[.,]\d+", s[:start]):
            return ""
    named_after = [t for t in grammar.topics(s) if 0 <= t.start - end <= 30 and re.fullmatch(
        r"(?i)\s*(?:points?|điểm)?\s*(?:for|in|về|ở|cho)\s+(?:the\s+)?(?:trụ cột\s+|pillar\s+)?",
        s[end:t.start])]  # "0.65 for digital government", "0,65 điểm về chính quyền số"
    found = named_after[:1] or topic_of(s, start, end, look_after=False) or [
        t for t in grammar.topics(s) if 0 <= t.start - end <= 12
        and not re.search(r"[,;(]", s[end:t.start])]  # "551,2/1.000 điểm DTI"
    if not found:
        return "overall" if unit in ("score", "%") else ""
    topic = found[-1]
    if topic.kind == "pillar":
        return topic.pillar
    if topic.kind == "dti":
        return "overall"
    return ""
