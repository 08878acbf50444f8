"""A small grammar of the DTI press: topics, years, and rank, change and target constructions.

Each construction is one regular expression over a sentence, in Vietnamese and English, with
explicit negative rules beside it. Topics say what a figure measures: the DTI (the default), a
pillar, a main indicator (pillar blank), or a ranking other than the DTI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import english
from .numbers import EN_CARDINAL, EN_ORDINAL, VI_WORD

PILLARS = {"chinh_quyen_so": "chính quyền số", "kinh_te_so": "kinh tế số",
           "xa_hoi_so": "xã hội số"}

_PILLAR_WORDS = (
    (r"(?<!hoạt động )(?<!Hoạt động )(?:[Cc]hính quyền số|CQS)\b(?! cấp tỉnh)?", "chinh_quyen_so"),
    (r"(?<!hoạt động )(?<!Hoạt động )(?:[Kk]inh tế số|KTS)\b", "kinh_te_so"),
    (r"(?<!hoạt động )(?<!Hoạt động )(?:[Xx]ã hội số|XHS)\b", "xa_hoi_so"),
    (r"[Dd]igital [Gg]overnment(?! [Aa]ctivities)", "chinh_quyen_so"),
    (r"[Dd]igital [Ee]cono\w*(?! [Aa]ctivities)", "kinh_te_so"),
    (r"[Dd]igital [Ss]ociety(?! [Aa]ctivities)", "xa_hoi_so"),
)
_MAIN_INDICATORS = (
    r"[Hh]oạt động (?:[Cc]hính quyền|[Kk]inh tế|[Xx]ã hội) số", r"[Nn]hận thức số",
    r"[Tt]hể chế số", r"[Hh]ạ tầng số", r"[Nn]hân lực số", r"[Aa]n toàn thông tin mạng",
    r"[Đđ]ô thị thông minh", r"[Tt]hông tin và [Dd]ữ liệu số", r"[Cc]huyển đổi nhận thức",
    r"[Kk]iến tạo thể chế", r"[Pp]hát triển hạ tầng",
    r"[Dd]igital (?:[Gg]overnment|[Ee]conom(?:ic|y)|[Ss]ocial|[Ss]ociety) [Aa]ctivit(?:ies|y)",
    r"[Aa]ctivities of (?:the )?[Dd]igital (?:[Gg]overnment|[Ee]conomy|[Ss]ociety)",
    r"[Dd]igital (?:[Cc]ognition|[Aa]wareness|[Ii]nstitutions|[Ii]nfrastructure|"
    r"[Hh]uman [Rr]esources|[Ww]orkforce)(?: [Ii]ndex)?", r"[Nn]etwork [Ii]nformation [Ss]ecurity",
    r"[Ii]nformation (?:[Ss]afety|[Ss]ecurity) [Ii]ndex",
    r"(?:[Dd]igital )?[Ii]nstitution(?:al)? [Ii]ndex",
    r"[Hh]uman [Rr]esources? [Ii]ndex", r"[Aa]wareness [Ii]ndex",
    r"[Cc]yber ?[Ss]ecurity", r"[Dd]igital [Tt]ransformation [Aa]wareness",
)
#: Rankings other than the DTI, one entry per ranking: its Vietnamese and English names and
#: acronyms. A rank named after one of them is an `indicator` tagged non_dti_rank (rule 3.5).
OTHER_RANKINGS: dict[str, tuple[str, ...]] = {
    "grdp_share": (r"(?:tỷ trọng|tỷ lệ|[Ss]hare of(?: the)?|proportion of(?: the)?) "
                   r"(?:[Kk]inh tế số|[Dd]igital [Ee]conomy)", r"GRDP"),
    "own_assessment": (r"(?:DTI|[Cc]hỉ số chuyển đổi số|[Cc]hỉ số DTI) "
                       r"(?:cấp huyện|cấp xã|của các (?:sở|huyện|cơ quan))",
                       r"[Aa]ssessment [Ii]ndex for (?:state )?agencies"),
    "e_government": (r"[Tt]ham gia điện tử", r"[Ee]-?[Pp]articipation", r"[Cc]hính phủ điện tử",
                     r"(?i:e-?government)", r"Liên Hợp Quốc", r"United Nations", r"\bEGDI\b"),
    "public_services": (r"Cổng dịch vụ công", r"[Oo]nline public services",
                        r"[Pp]ublic [Ss]ervice [Pp]ortal"),
    "region": (r"[Ss]outheast region", r"khu vực"),
    "ict": (r"ICT Index", r"sẵn sàng"),
    "pci": (r"\bPCI\b", r"[Nn]ăng lực cạnh tranh", r"[Cc]ompetitiveness"),
    "papi": (r"\bPAPI\b", r"(?i:governance and public administration)",
             r"[Hh]iệu quả quản trị"),
    "par": (r"(?i:\bPAR[ -]?index\b)", r"[Cc]ải cách hành chính",
            r"(?i:(?:public )?administrative reform|public administration reform)"),
    "sipas": (r"\bSIPAS\b", r"[Hh]ài lòng", r"(?i:satisfaction (?:index|with|of))"),
    "pgi": (r"\bPGI\b", r"(?i:green index)", r"[Cc]hỉ số xanh"),
    "innovation": (r"\bGII\b", r"\bPII\b", r"(?i:innovation index)"),
}
_NON_DTI = "|".join(w for words in OTHER_RANKINGS.values() for w in words)
_DTI = (r"(?:tỷ trọng|tỷ lệ|[Ss]hare of(?: the)?|proportion of(?: the)?) (?:[Kk]inh tế số|"
            r"[Dd]igital [Ee]conomy)|(?:DTI|[Cc]hỉ số chuyển đổi số|[Cc]hỉ số DTI) "
            r"(?:cấp huyện|cấp xã|của các (?:sở|huyện|cơ quan))|"
            r"[Aa]ssessment [Ii]ndex for (?:state )?agencies|"
            r"[Tt]ham gia điện tử|[Ee]-?[Pp]articipation|"
            r"[Cc]hính phủ điện tử|[Ee]-?government|Liên Hợp Quốc|"
            r"United Nations|"
            r"Cổng dịch vụ công|[Oo]nline public services|(?i:e-?government)|"
            r"[Pp]ublic [Ss]ervice [Pp]ortal|"
            r"[Ss]outheast region|khu vực|GRDP|ICT Index|sẵn sàng|\bPCI\b|\bPAPI\b|\bPAR ?INDEX\b|"
            r"\bSIPAS\b|\bGII\b|\bEGDI\b|[Nn]ăng lực cạnh tranh|[Cc]ải cách hành chính|"
            r"[Hh]ài lòng|[Cc]ompetitiveness|[Aa]dministrative [Rr]eform|[Ii]nnovation [Ii]ndex")
_DTI = (r"\bDTI\b|[Cc]hỉ số [Cc]huyển đổi số|[Cc]huyển đổi số|[Dd]igital [Tt]ransformation|"
        r"\bDT\b|mức độ [Cc]huyển đổi")

TOPIC = re.compile("|".join(
    [f"(?P<m>{'|'.join(_MAIN_INDICATORS)})"]
    + [f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(_PILLAR_WORDS)]
    + [f"(?P<n>{_NON_DTI})", f"(?P<d>{_DTI})"]))
#: An index the grammar does not know, named after a rank ("về chỉ số Công nghiệp CNTT").
OTHER_INDEX_AFTER = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:về|trong|in)\s+(?:the\s+)?"
                               r"(?:chỉ số|bảng xếp hạng|index|ranking)\s+(?:of\s+)?"
                               r"(?!DTI|Chuyển đổi số|Digital Transformation)[A-ZĐ]")
#: A position within a region, not the national DTI ranking ("thứ 2 khu vực Tây Nguyên").
REGION_AFTER = re.compile(r"(?i)^\s*(?:/\s*\d+\s*)?(?:tỉnh\S*\s*)?"
                          r"(?:của |trong |its |the |among [\w ]{0,20}"
                          r"in the |in the )?(?:khu vực|vùng|miền|region)\b"
                          r"|^\s*(?:place\s+)?in the (?:[A-Z][\w-]*\s+){1,4}"
                          r"(?:region|Delta|Highlands)\b")
#: Lists of main indicators: pillar words after these name the activity indicators.
MAIN_LIST = re.compile(r"(?i)chỉ số chính(?! quyền)|core indicators|main indicators|"
                       r"chỉ số thành phần")


@dataclass(frozen=True)
class Topic:
    """What a figure measures: kind dti, pillar, main or other, with the pillar code."""

    start: int
    end: int
    kind: str
    pillar: str


@lru_cache(maxsize=4096)
def topics(sentence: str) -> tuple[Topic, ...]:
    """Return every topic named in a sentence, in order."""
    out = []
    for m in TOPIC.finditer(sentence):
        group = m.lastgroup or "d"
        if group.startswith("p"):
            out.append(Topic(m.start(), m.end(), "pillar", _PILLAR_WORDS[int(group[1:])][1]))
        elif group == "m":
            out.append(Topic(m.start(), m.end(), "main", ""))
        elif group == "n":
            out.append(Topic(m.start(), m.end(), "other", ""))
        else:
            out.append(Topic(m.start(), m.end(), "dti", "overall"))
    return tuple(out)


# -- years ----------------------------------------------------------------------------------
YEAR = re.compile(
    r"(?P<cmp>(?i:so với|so sánh với|compared (?:to|with)|(?<!far )(?<!away )from|than|"
    r"kế trước|versus|vs\.?|"
    r"(?<=places )on|(?<=place )on|(?<=spots )on|\bon(?=\s+the\s+20)|\bover(?=\s+the\s+20)|"
    r"increase from|up from)\s+(?:(?:cùng kỳ\s+)?năm\s+|the\s+|DTI\s+(?:năm\s+)?)?)?"
    r"(?P<due>(?i:đến|tới|vào|until|by)\s+(?:(?:the\s+)?end of\s+|cuối\s+)?(?:năm\s+)?)?"
    r"(?<![\d/.,\-–])(?P<year>20[1-3]\d)(?![\d/]|-\d|\s*[-–]\s*20\d\d)")
_DATE_BEFORE = re.compile(r"(?:\d{1,2}/\d{1,2}/|\d{1,2}\.\d{1,2}\.|"
                          r"ngày\s+\d+\s+tháng\s+\d+\s+năm\s+|"
                          r"[-–]\s*|giai đoạn\s+|period\s+|Resolution[^,.;]{0,30}|"
                          r"(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)(?:\s+\d{1,2},)?\s+|Ngày [^,.;]{0,40}|"
                          r"[A-Z][a-z]+fest [^,.;]{0,20}|"
                          r"(?:Week|Festival|Expo|Summit|Forum|"
                          r"(?:Tuần lễ|Ngày hội|Diễn đàn|Triển lãm) [^,.;]{0,30})\s+|"
                          r"(?:announced|published|released|công bố)(?: in| năm| vào năm)?\s+)$")
#: Words right before or after a year that make it an edition of the DTI ("DTI năm 2022").
EDITION = re.compile(r"(?i)(?:DTI\)?|chuyển đổi số|xếp hạng|rankings?|index)\s*(?:cấp tỉnh\s*)?"
                     r"(?:(?:năm|for|of)\s+)?$")
EDITION_AFTER = re.compile(r"^\s*(?:Provincial\s+)?(?:DTI|Digital Transformation)")
MONTH_YEAR = re.compile(r"(?i)(?:(?:đến|tính đến|as of|trong|vào)\s+(?:hết\s+)?|^\W*)"
                        r"tháng\s+\d{1,2}\s*/\s*(20[1-3]\d)\b"
                        r"|\b(?:as of|by|until|since|as at|in|from)\s+(?:the end of\s+)?"
                        r"(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)(?:\s+\d{1,2})?,?\s+(20[1-3]\d)\b"
                        # "Tính đến ngày 24/4/2023, ...": the status date of the figures after it
                        r"|(?:đến|tính đến|as of|as at)\s+(?:hết\s+)?(?:ngày\s+)?"
                        r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(20[1-3]\d)\b")
ANNUAL = re.compile(r"(?i)hàng năm|hằng năm|\bannual(?:ly)?\b|mỗi năm|\beach year\b")
LAST_YEAR = re.compile(r"(?i)\blast year\b|\bnăm ngoái\b")
#: "last year" as the reference of a comparison ("up 5% from last year"): not the figure's year.
COMPARED_LAST_YEAR = re.compile(r"(?i)(?:from|than|compared (?:to|with)|so với|over|on|vs\.?)"
                                r"\s+(?:the\s+)?(?:same (?:period|time)\s+(?:of\s+)?)?$")


def last_years(sentence: str) -> list[re.Match[str]]:
    """Return the mentions of "last year" that date a figure, not those it is compared with."""
    return [m for m in LAST_YEAR.finditer(sentence)
            if not COMPARED_LAST_YEAR.search(sentence[max(0, m.start() - 40):m.start()])]


#: A bare present in English ("so far", "currently"): a status figure with no year, unless its
#: sentence prints one (rule 5.5). Vietnamese "đến nay", "hiện" are left to the passage's
#: period (s001: "Trong 06 tháng đầu năm ..." dates the figures after it).
NOW = re.compile(r"(?i)\b(?:so far|currently|to date|at present|as of now)\b")
THIS_YEAR = re.compile(r"(?i)\bthis year\b|\bnăm nay\b")
#: A month or a recent period printed without its year: dated by the publication (rule 5.7).
BARE_MONTH = re.compile(r"(?i)\btháng\s+\d{1,2}\b(?!\s*[/.-]\s*\d)|\b\d+\s+tháng\s+(?:qua|đầu năm)|"
                        r"\bnăm nay\b|\bthis year\b|"
                        # "As of July 27, ...": a month printed without its year (rule 5.3)
                        r"\b(?:as of|as at|by|until|in)\s+(?:the end of\s+)?(?-i:January|February|"
                        r"March|April|May|June|July|August|September|October|November|December)"
                        r"(?:\s+\d{1,2})?\b(?!,?\s+\d{4})")


@dataclass(frozen=True)
class YearMention:
    """A year printed in a sentence: position, value, and whether a comparison or a due date."""

    start: int
    year: int
    comparison: bool
    due: bool
    edition: bool = False


#: A year that dates a forecast ("dự kiến sẽ đạt được trong năm 2025"): not the passage's year.
FORECAST = re.compile(r"(?i)(?:dự kiến|\bsẽ\b|\bwill\b|expected to|kỳ vọng|khả năng)[^,;.]{0,40}?"
                      r"\b(?:trong|vào|đến|tới|by|in)\s+(?:(?:mốc thời gian|thời điểm)\s+)?"
                      r"(?:năm\s+)?$")


def forecast(sentence: str, position: int) -> bool:
    """Tell whether the year at position dates a forecast in its own clause."""
    return bool(FORECAST.search(sentence[max(0, position - 80):position]))


#: The year of an earlier value a figure is compared with: "up from 0.5512 in 2022", "tăng so
#: với 0,55 điểm của năm 2022": a comparison year (rule 5.2), not the sentence's.
EARLIER_VALUE = re.compile(r"(?i)(?:from|so với|than)\s+[\d.,]+\s*(?:%|điểm|points)?\s*"
                           r"(?:in|của năm|năm|vào năm)\s+$")


@lru_cache(maxsize=4096)
def years(sentence: str) -> tuple[YearMention, ...]:
    """Return the years in a sentence, without dates, periods and document numbers."""
    out = []
    for m in YEAR.finditer(sentence):
        before = sentence[max(0, m.start("year") - 40):m.start("year")]
        if _DATE_BEFORE.search(before):
            continue
        typed = english.year_type(sentence, m.start("year"))
        if typed == "event":
            continue  # "Vietnam Digital Transformation Day 2024": the event's year only
        edition = bool(EDITION.search(sentence[max(0, m.start() - 30):m.start("year")])
                       or EDITION_AFTER.match(sentence[m.end():]))
        earlier = EARLIER_VALUE.search(sentence[max(0, m.start() - 40):m.start("year")])
        out.append(YearMention(m.start("year"), int(m.group("year")),
                               bool(m.group("cmp") or earlier or typed == "comparison"),
                               bool(m.group("due")), edition))
    for m in MONTH_YEAR.finditer(sentence):  # "tính đến tháng 9/2023", "as of June 30, 2024"
        group = next(i for i in (1, 2, 3) if m.group(i))
        out.append(YearMention(m.start(group), int(m.group(group)), False, False))
    return tuple(sorted(out, key=lambda y: y.start))


# -- ranks ----------------------------------------------------------------------------------
_N = r"(\d{1,3})"
_DEN = r"(?:\s*/\s*(\d{2,3})(?![\d/]))?"
RANK_VI = re.compile(
    rf"(?:(?:xếp hạng|xếp vị trí|xếp|đứng|giữ vị trí|vị trí|ở vị trí|hạng)\s+)?"
    rf"(?<![Nn]ăm )(?<![Ll]ần )(?<!ngày )(?<!họp )(?<!hội )thứ\s+(?:{_N}|({VI_WORD})\b){_DEN}"
    rf"|(?:[Xx]ếp hạng|[Xx]ếp vị trí|vị trí|xếp|đứng|đồng hạng|đồng xếp hạng|"
    rf"(?<!tăng )(?<!giảm )(?<!thăng )(?<!tụt )hạng)\s+(?:số\s+)?"
    rf"(?:{_N}|(chín|tám|bảy|sáu|năm|bốn|ba|hai|một|mười|nhất|nhì)\b){_DEN}"
    rf"(?!\s*(?:%|năm|tháng|bậc|hạng|điểm))")
#: A rank stated as the value of a ranking word: "thứ hạng DTI của tỉnh là 14", "its rank was 14".
RANK_IS = re.compile(r"(?i)(?:thứ hạng|xếp hạng|\brank(?:ing)?\b|\bposition\b)[^.;,:\d]{0,40}?"
                     r"\b(?:là|ở mức|was|is|stood at)\s+(?:thứ\s+)?(\d{1,2})"
                     r"(?:\s*/\s*(\d{2,3}))?(?![\d%]|[.,]\d|\s*(?:điểm|%|points?))")
#: A count of provinces meeting a criterion, not a rank: "Có 19/63 tỉnh, thành phố đã ...".
COUNT_OF_PROVINCES = re.compile(r"(?i)\b(?:có|there (?:are|were)|only|chỉ)\s*$")
PROVINCES_AFTER = re.compile(r"(?i)\s*(?:tỉnh|địa phương|provinces|localities)")
RANK_BARE = re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(63|34)(?![\d/])")
RANK_EN = re.compile(
    rf"(?i)(?:(?:rank(?:ed|ing|s)?|placed?|came|reach(?:ed)?|finished|stood|stands|was|is|and|,)"
    rf"\s+(?:in\s+|it\s+|them\s+)?(?:the\s+(?=(?:{EN_ORDINAL})\b))?|"
    rf"\b(?:to|from)\s+(?=(?:{EN_ORDINAL})\b))"
    rf"(?:(\d{{1,3}})(?:st|nd|rd|th)\b|({EN_ORDINAL})\b|(\d{{1,2}})\s*/\s*(\d{{2,3}})\b(?!/))"
    rf"|(?<!January )(?<!February )(?<!March )(?<!April )(?<!May )(?<!June )(?<!July )"
    rf"(?<!August )(?<!September )(?<!October )(?<!November )(?<!December )"
    rf"\b(\d{{1,3}})(?:st|nd|rd|th)\b(?!\s+(?:century|anniversary|Congress|session|meeting|"
    rf"time|edition|Party|National|of (?:January|February|March|April|May|June|July|August|"
    rf"September|October|November|December)))"
    rf"|\b(?:took|claimed|won|in|secured|held|earned|occupied|retained|kept)\s+(?:the\s+)?"
    rf"({EN_ORDINAL})\s+(?:place|position|spot)\b"
    rf"|\b({EN_ORDINAL})-(?:best|highest|ranked|place|placed)\b"
    rf"|(?<![\w.])(?<!Decision )(?<!Resolution )(?<!Directive )(?<!Decree )(?<!Circular )"
    rf"(?<!Plan )(?<!Document )(?<!Law )(?<!Dispatch )(?<!Official Letter )"
    rf"No\.\s*(\d{{1,2}})(?=\s+in\s)"
    rf"|\b(?:was|is|to|at|as|remain(?:s|ed)?|stood|stands|ranked|ranks|became|named|rated|placed|"
    rf"came|finished)\s+(?:the\s+)?"
    rf"(?:No\.|number|#)\s*(\d{{1,2}})(?![\d/])"
    # a bare number after a passive or locative rank verb: "is ranked 12 out of 63", "ranked at 12"
    rf"|\b(?:ranked|ranks|placed)\s+(?:at\s+)?(\d{{1,2}})(?![\d/%]|[.,]\d|\s*(?:%|percent|points?|"
    rf"places?|positions?|spots?|notch|steps?|bậc))"
    rf"(?=\s+(?:out of|among|of|in|nationwide)\b|\s*[,.;]|$)")
RANK_NEGATIVE_AFTER = re.compile(r"^\s*(?:từ trái|từ phải|from (?:the )?(?:left|right)|century|"
                                 r"(?:consecutive|straight|successive)\b|"
                                 r"[\w-]*\s*(?:lowest|from (?:the )?(?:bottom|last))\b|"
                                 r"(?:từ dưới lên|từ cuối lên|thấp nhất)|"

                                 r"anniversary|session|Congress|tháng|ngày|tuần|times?\b|"
                                 r"steps?\b|phase|quarter|half|stage|round|part(?:y|ies)\b|"
                                 r"tiers?\b|generation|batch|lần(?! lượt)|đợt|quý|"
                                 r"giai đoạn|,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2})", re.I)
#: A rank among the province's own agencies or departments (rules 2.6, 8.1): out of scope.
AMONG_AGENCIES = re.compile(r"(?i)\s*(?:/\s*\d+\s*)?(?:[\w-]+\s+)?"
                            r"(?:among|of|out of|trong(?: số)?)\s+"
                            r"(?:the\s+|các\s+|\d+\s+)?(?:province's\s+|provincial\s+)?"
                            r"(?:agencies|departments|sở|cơ quan|đơn vị)\b")
#: Rank 2 as a word: "runner-up".
RUNNER_UP = re.compile(r"(?i)\brunners?[- ]up\b|\bá quân\b")
#: A span of editions stated with a rank ("3 năm liên tiếp (2020-2022)").
SPAN = re.compile(r"(?i)(?:năm liên tiếp|consecutive years?|years in a row)\s*\(?\s*"
                  r"(?:từ\s+|from\s+)?(20[1-3]\d)\s*(?:-|–|đến|to)\s*(20[1-3]\d)")
#: More positions after a rank, one per entity named before ("A, B, C giữ vị trí thứ 5, 6, 7").
LIST_ITEM = re.compile(rf"\s*(?:,|và|and|, and)\s*(?:(?:vị trí\s+)?thứ\s+({VI_WORD})\b|"
                       rf"(?:(?:vị trí\s+)?thứ\s+)?(\d{{1,2}}(?:st|nd|rd|th)?(?![\d/.,]\d))|"
                       rf"({EN_ORDINAL})\b)")
RANK_LIST = re.compile(rf"^((?:{LIST_ITEM.pattern})+)")
#: Several entities sharing one rank ("A và B cùng xếp thứ 9", "tied for").
TIE = re.compile(r"(?i)\b(?:cùng|đồng|both|tied|jointly)\b")
IDIOM = re.compile(r"(?<![Nn]gười )(?:dẫn đầu|đứng đầu|ngôi đầu|quán quân|"
                   r"\b(?:came|come|comes|finished|ended up|was|is) (?:out )?on top\b|"
                   r"\b(?:headed|heads|tops|topped) the (?:20\d\d )?(?:[\w-]+ )?"
                   r"(?:rankings?|table|list|index)\b|"
                   r"\b(?:led|leads|topped|tops)\b(?!\s+by\b)|"
                   r"\bthe top (?:spot|position|place)\b|"
                   r"\bleading in\b|\branked first\b)")
MEMBERSHIP_BEFORE = re.compile(
    r"(?i)(?:nhóm|(?<!on )(?<!the )top|tốp|trong số|một trong|1 trong|\d+\s+trong|one of)"
    r"\s*(?:\d+|[a-z]+)?"
    r"[^.;:]{0,40}$"
    r"|\d+\s+(?:tỉnh|địa phương|localities|provinces)[^.;:]{0,25}$|vị trí\s*$")
DENOMINATOR_AFTER = re.compile(
    r"^\s*(?:tỉnh,? thành(?: phố)?\s*)?"
    r"(?:/|trên(?: tổng số)?|trong(?: tổng số)?|out of|among|of)\s+"
    r"(?:the\s+)?(?:bảng xếp hạng (?:gồm |của )?|ranking of\s+)?(\d{2,3})\b")
SENTENCE_DENOMINATOR = re.compile(
    r"(?i)(?:/\s*|trên\s+(?:tổng số\s+)?|trong (?:tổng số\s+|số\s+)?|out of\s+|among\s+|"
    r"compared to\s+|group of\s+|basis of\s+|"
    r"\bled\s+)(?:the\s+)?(63|34)\b")
FROM_TO = re.compile(rf"(?i)từ (?:vị trí|hạng|thứ) (?:thứ )?(\d{{1,2}}) (?:tiến |vươn |tăng )?lên "
                     rf"(?:vị trí |hạng )?(?:thứ )?(\d{{1,2}})"
                     rf"|from (\d{{1,2}}(?:st|nd|rd|th)?|{EN_ORDINAL}) (?:place )?to "
                     rf"(\d{{1,2}}(?:st|nd|rd|th)|{EN_ORDINAL})\b")
#: A rank of the previous edition, told after the current one ("down from 8th a year earlier").
PREVIOUS_AFTER = re.compile(r"(?i)\s*(?:place\s+)?(?:a year (?:earlier|before)|"
                            r"the (?:previous|prior) year|in the previous (?:edition|ranking)|"
                            r"của năm trước|năm trước)\b")
RESPECTIVELY = re.compile(r"(?i)lần lượt là|các thứ hạng này là|respectively|lần lượt thuộc về")
LEADING_PLACES = re.compile(r"(?i)(\d|hai|ba)\s+vị trí dẫn đầu(?:\s+vẫn)?\s+thuộc về")
THROUGH = re.compile(rf"(?i)ranked\s+({EN_ORDINAL})\s+through\s+({EN_ORDINAL})\s+respectively")

# -- rank changes -----------------------------------------------------------------------------
CHANGE = re.compile(
    rf"(?i)\b(tăng|giảm|tụt|tuột|thăng|lùi|up|down|climbed|rose|fell|dropped|jumped|slipped|"
    rf"climb|rise|improve|advance|gain|move up|jump|lên|xuống|tiến|leo|nhảy|cao hơn|thấp hơn|"
    rf"cải thiện|leapt|leaped|soared|surged|plunged|plummeted|tumbled|sank|slid|"
    rf"rơi|sụt|tuột|vượt|risen|fallen|rising|climbing|jumping|gaining|advancing|improving|"
    rf"moving up|"
    rf"falling|dropping|slipping|sliding|declining|losing|moving down|"
    rf"declined|improved|advanced|gained|lost|moved up|moved down|went up|went down|"
    rf"raise|raised|raising|lift|lifted|boost|boosted|nâng|nâng hạng)"
    rf"\s+(?:(?:its|their|the)\s+(?:(?:DTI|overall|provincial)\s+)?(?:ranking|rank|position)"
    rf"\s+)?"
    rf"(?:thêm\s+|by\s+|hạng\s+|được\s+|mạnh\s+|vọt\s+|sâu\s+|liền\s+|tới\s+)?"
    rf"(?P<bound>(?:ít nhất|tối thiểu|từ|at least|by at least)\s+)?"
    rf"(?P<n>\d{{1,2}}|{VI_WORD}|{EN_CARDINAL})"
    rf"(?P<upto>\s*[-–]\s*\d{{1,2}}|\s+(?:đến|to)\s+(?:\d{{1,2}}|{VI_WORD}|{EN_CARDINAL}))?"
    rf"\s+(bậc|hạng|places?|positions?|spots?|ranks?|notches?)"
    rf"\b")
#: One more change under the same verb: "tăng 20 bậc so với năm 2021 và 21 bậc so với năm 2020".
CHANGE_MORE = re.compile(r"(?i)\s*(?:so với[^,;.()]{0,20}?|compared (?:to|with)[^,;.()]{0,20}?)?"
                         r"\s*(?:,|và|and)\s*(\d{1,2})\s+(?:bậc|hạng|places?|positions?)\b")
#: A change told after its number or as a noun: "three places higher", "a gain of 3 places".
CHANGE_AFTER = re.compile(
    rf"(?i)\b(?P<n>\d{{1,2}}|{EN_CARDINAL})\s+(?:places?|positions?|spots?|ranks?|notches?)\s+"
    rf"(higher|lower|better|worse|up|down)\b"
    rf"|\b(?P<k>\d{{1,2}}|{EN_CARDINAL})-(?:places?|positions?|spots?|ranks?|notch(?:es)?)\s+"
    rf"(jump|rise|climb|gain|improvement|increase|drop|fall|decline|slide|loss)\b"
    rf"|\b(?:an?\s+)?(gain|rise|jump|improvement|increase|climb|drop|fall|decline|loss|slide)"
    rf"\s+of\s+(?P<m>\d{{1,2}}|{EN_CARDINAL})\s+(?:places?|positions?|spots?|ranks?|notches?)\b")
NEGATIVE_CHANGE = ("giảm", "tụt", "tuột", "lùi", "xuống", "thấp hơn", "lower", "worse", "drop",
                   "fall", "decline", "loss", "slide", "plunged", "plummeted", "tumbled", "sank",
                   "slid", "rơi", "sụt", "falling", "dropping", "slipping", "sliding", "declining",
                   "losing", "moving down", "down", "fell", "dropped", "slipped",
                   "declined", "lost", "moved down", "went down", "fallen")

# -- targets ----------------------------------------------------------------------------------
#: Future tense: every number of its sentence is a target.
FUTURE = re.compile(r"(?i)\bsẽ\b|\bwill\b|kỳ vọng|expected to")
#: An achieved figure against its target: "đạt 97%/95%", "đạt 68%/mục tiêu 50%", "đạt 82%
#: (kế hoạch 80%)", "đạt 100%, vượt chỉ tiêu đề ra (90%)", "chiếm 12,5% GRDP, chỉ tiêu là 15%",
#: "reached 68%, against a target of 50%", "12.5% of GRDP, short of the 15% target".
_PCT = r"(\d+(?:[.,]\d+)?)\s*%"
_TARGET_WORD = r"(?i:mục tiêu|kế hoạch|chỉ tiêu|\bKH\b|\btargets?\b|\bgoals?\b|\bplan\b)"
#: No number but a year ("the 2025 target"), no clause end between the value and the target word.
_GAP = r"(?:[^.;%\d()]|(?<!\d)20[1-4]\d(?!\d)){0,60}?"
ACHIEVED_VS_TARGET = re.compile(
    rf"(?<![\d.,/]){_PCT}\s*/\s*(?:{_TARGET_WORD}\s*)?{_PCT}"
    rf"|(?<![\d.,/]){_PCT}{_GAP}[(,]?\s*(?:(?i:vượt|so với|bằng|over|vs\.?)\s+)?{_TARGET_WORD}"
    rf"(?:\s+(?i:đề ra|đặt ra|được giao|giao|năm|là|of|set))*\s*[:(]?\s*{_PCT}"
    rf"|(?<![\d.,/]){_PCT}{_GAP}\b(?i:the|a|its)\s+{_PCT}\s+{_TARGET_WORD}")
#: An achieved share of the plan, no target stated: "bằng 85% kế hoạch", "85% of the plan".
PERCENT_OF_TARGET = re.compile(
    rf"(?i:bằng|đạt|đạt được|reached|reaching|achieved|equal to|equivalent to|"
    rf"representing|completed|fulfilled)\s+{_PCT}\s+"
    rf"(?i:so với\s+|of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?)?"
    rf"(?i:kế hoạch|KH\b|chỉ tiêu|mục tiêu|plan\b|target\b)(?!\s*(?:đề ra|là|:|of)?\s*\(?\d)")
#: A number of targets set, and counts of them by status ("24 mục tiêu, ... 7 mục tiêu hoàn thành").
TARGET_TOTAL = re.compile(r"(?i)(đưa ra|đề ra|đặt ra|gồm|sets?|setting|includes?|including|"
                          r"comprises?|có|còn|trong(?: tổng số| số)?|"
                          r"(?:out )?of(?: the| its| their)?)\s+(\d{1,3})\s+"
                          r"(?:(?:main|key|basic|specific|major)\s+)?(mục tiêu|chỉ tiêu|targets)")
#: Words before a total that name it only as the base of a count ("trong 24 chỉ tiêu, có 20").
TOTAL_AS_BASE = ("trong", "of", "out of")
#: One count of a tally after its total, up to the next count ("10 chỉ tiêu đã đạt, 4 đang
#: thực hiện và 2 khó đạt"; "10 have been met, 4 are on track and 2 are unlikely to be met"):
#: the counted noun may be left out before a verb of status.
TARGET_STATUS = re.compile(rf"(?<![\d/])(\d{{1,3}}|(?i:{EN_CARDINAL}))\s+"
                           r"(mục tiêu|chỉ tiêu|targets|"
                           r"(?=(?:were|are|is|was|have|has|had|remain\w*|đã|đang|chưa|còn|khó|"
                           r"dự kiến|sẽ)\s))\b"
                           rf"([^;.]*?)(?=(?:,|\s(?:và|and))\s*(?:(?:và|and)\s+)?"
                           rf"(?:\d{{1,3}}|(?i:{EN_CARDINAL}))\s|[;.]|$)")
#: The count met after a total named as its base, the noun left out: "Of the 24 targets, the
#: province has completed 17", "Trong 24 chỉ tiêu, tỉnh đã hoàn thành 17".
MET_OF_TOTAL = re.compile(rf"(?i)\b(?:completed|achieved|met|fulfilled|reached|hoàn thành|đạt)"
                          rf"\s+(?:được\s+)?(\d{{1,3}}|{EN_CARDINAL})\b(?!\s*(?:%|/|[.,]\d|\w))")
MET = re.compile(r"(?i)^\s*(?:were\s+|have been\s+|had been\s+)?(?:đã\s+)?"
                 r"(?:hoàn thành|đạt(?!\s*(?:trên|dưới|từ)?\s*\d)|vượt|completed|"
                 r"met|achieved)")
ACHIEVED_BEFORE_GOAL = re.compile(r"(?i)(ước đạt|đã đạt|hiện đạt|đạt được)\s*$")
_GROUP_N = rf"(\d{{1,2}}|{EN_CARDINAL}|{VI_WORD})"
RANK_TARGET = re.compile(
    rf"(?i)(?:top|tốp)\s+{_GROUP_N}\s+(?:tỉnh|địa phương|provinces|localities|leading|cities)"
    rf"|nhóm\s+{_GROUP_N}\s+(?:tỉnh|địa phương)[^.;()]{{0,60}}?(?:dẫn đầu|đứng đầu|cao nhất)"
    rf"|one of (?:the )?{_GROUP_N}\b[^.;]{{0,60}}?\b(?:lead\w*|top)"
    rf"|\btop\s+{_GROUP_N}\b[^.;,]{{0,40}}?\bby\s+20\d\d"
    rf"|\btop[-\s]{_GROUP_N}\b(?=\s+(?:in|by|for|vào|đến)\s+(?:năm\s+)?20\d\d)"
    rf"|\b(?:a|the)\s+top[-\s]{_GROUP_N}\s+(?:place|position|spot|finish|ranking)"
    rf"|\b(?:among|in|into|within|vào|trong)\s+(?:the\s+)?(?:top|tốp)\s+{_GROUP_N}\b"
    rf"|\b(?:in|into|among|join)\s+the\s+group\s+of\s+(?:the\s+)?{_GROUP_N}\s+"
    rf"(?:leading|top|best)\s+(?:provinces|localities)")
TARGET_COUNT = re.compile(
    r"(?i)(?:hoàn thành|completed|achieved|met|reached|fulfilled|hit|accomplished|đạt)\s+"
    r"(?:được\s+)?(\d{1,3})\s*(?:/|out of|of|trên)"
    r"\s*(?:its\s+|the\s+|their\s+)?"
    r"(\d{1,3})\s+(?:[\w-]+\s+){0,3}?(mục tiêu|chỉ tiêu|targets?)")
#: A tally of tasks or projects after their total (rule 3.8: every count is an indicator, with
#: the total as its denominator): "Of the 18 tasks assigned, 12 have been completed and 6 are
#: under way", "Trong 40 nhiệm vụ được giao, 25 nhiệm vụ đã hoàn thành".
TASK_TOTAL = re.compile(rf"(?i)\b(?:of|out of|trong(?: tổng số| số)?)\s+(?:the\s+|its\s+)?"
                        rf"(\d{{1,3}}|{EN_CARDINAL})\s+(tasks|projects|nhiệm vụ|dự án)\b"
                        rf"[^,;.\d]{{0,40}},")
TASK_STATUS = re.compile(rf"(?i)(?<![\d/.,])(\d{{1,3}}|{EN_CARDINAL})\s+(?:(?:tasks|projects|"
                         rf"nhiệm vụ|dự án)\s+)?(?=(?:have|has|had|were|was|are|is|remain\w*|đã|"
                         rf"đang|chưa|còn)\b)")
#: A count of targets met with no total: "hoàn thành và vượt 12 chỉ tiêu", "completed and
#: exceeded 12 targets", "met 9 targets" (rule 3.4: value N, no denominator).
TARGETS_MET = re.compile(rf"(?i)\b(?:hoàn thành(?: và vượt)?|vượt|đạt(?: và vượt)?|"
                         rf"(?:completed|achieved|met|fulfilled|reached)(?: and (?:exceeded|"
                         rf"surpassed))?|exceeded|surpassed)\s+(?:được\s+)?"
                         rf"(\d{{1,3}}|{EN_CARDINAL})\s+(?:(?:main|key|basic|specific|cơ bản|"
                         rf"chủ yếu)\s+)?(mục tiêu|chỉ tiêu|targets?|goals?)\b"
                         rf"(?!\s*(?:/|trên|out of|of)\s*\d)")
#: A count of targets in a status other than met, as a clause of its own: "3 targets are
#: expected to be completed by 2025", "2 chỉ tiêu khó đạt" (rule 3.7: an ambiguous indicator).
TARGETS_IN_STATUS = re.compile(rf"(?i)(?<![\d/.,])(\d{{1,3}}|{EN_CARDINAL})\s+"
                               rf"(?:remaining\s+|other\s+|còn lại\s+)?(mục tiêu|chỉ tiêu|targets)"
                               rf"(?:\s+còn lại)?\s+"
                               rf"(?=(?:are|is|remain\w*|have not|has not|had not|were not|"
                               rf"đang|chưa|khó|dự kiến|có khả năng|khả năng)\b)")
STATUS_COUNT = re.compile(rf"(?<![\d/])(\d{{1,3}}|(?i:{EN_CARDINAL}))\s*(?:/|(?i:out of|of))\s*"
                          r"(?:(?i:the|its)\s+)?"
                          r"(\d{1,3})\s+"
                          r"(?:[\w-]+\s+){0,3}?(mục tiêu|chỉ tiêu|targets?)")
#: The counted targets are met: "45/50 chỉ tiêu ... đã hoàn thành", "45 of 50 targets were met".
STATUS_MET = re.compile(r"(?i)(?!(?:[^,;.\d]|20\d\d){0,40}?(?:chưa|không|\bnot\b))"
                        r"(?:[^,;.\d]|20\d\d){0,40}?(?:đã\s+)?(?:hoàn thành|vượt|"
                        r"đạt(?!\s*(?:trên|dưới|từ|khoảng)?\s*\d)|(?:were|was|have been|has been|"
                        r"had been)\s+(?:met|achieved|completed|reached|fulfilled|exceeded))")
