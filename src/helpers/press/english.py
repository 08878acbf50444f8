"""English DTI press (and the Vietnamese forms of its aggregates): who a figure is about,
which printed years are not its year, and positions given by gapping ("A ranked second, B third
and C fourth").

The mechanisms, each a function the extractor calls and the ablation switches off:

- ``aggregate``: the national and bloc aggregates named in English, whatever their case or
  word order ("Ministries and ministerial-level agencies averaged ...", "the provincial
  average", "across the 63 provinces"), so that their figures are not given to the article's
  province (rule 2.3, 2.4);
- ``not_a_rank``: a position placed in a scope other than the national DTI ranking (among the
  provinces of a region, among districts, departments or ministries): not a DTI rank;
- ``positions``: the positions that one rank verb gives to several names in turn, by gapping
  ("Hanoi ranked second, Quang Ninh third and Hai Phong fourth"; "Da Nang remained No. 1, with
  Hue second") — each name gets the position printed right after it;

and one resolver of English year types (``year_type``): a year after "since", "than (in) the",
"compared with ... in", or inside an event's name ("Vietnam Digital Transformation Day 2024")
is not the year of the figures around it (rules 5.2, 5.7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import EN_CARDINAL, EN_ORDINAL, ordinal_value

#: National and bloc aggregates in English, case-insensitive: (pattern, entity key).
AGGREGATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:(?:the\s+)?(?:63\s+)?)?ministries(?:,)?\s+(?:and|&)\s+(?:ministerial[- ]level\s+|"
     r"ministry[- ]level\s+|central\s+|government\s+|state\s+)?(?:agencies|branches|sectors|"
     r"bodies)\b|\bministerial[- ]level\s+(?:agencies|bloc|group|average|DTI|index|score)\b|"
     r"\bministry[- ]level\s+(?:DTI|index|average)\b|\bDTI of (?:the\s+)?ministries\b|"
     r"\b(?:the\s+)?(?:group|bloc|block)\s+of\s+ministries\b|\bministerial\s+(?:bloc|group)\b|"
     r"\bministries\s+averaged\b|\bthe\s+ministries'\s+average\b|"
     r"\bministries\s+(?:(?:not\s+)?providing|that\s+(?:do\s+not\s+)?provide|with(?:out)?)\s+"
     r"public\s+services\b", "bloc"),
    (r"\b(?:the\s+)?provincial\s+(?:bloc|block|group)\b|"
     # "in the group of provinces with ...": membership, not the bloc (rule 8.2)
     r"(?<!\bin )(?<!\binto )(?<!\bin the )(?<!\binto the )(?<!\bamong the )(?<!\bto the )"
     r"\b(?:the\s+)?(?:group|bloc|block)\s+of\s+(?:provinces|localities)\b", "province_bloc"),
    (r"(?:^|[;:]\s*)\W*(?:nationwide|nationally|across\s+(?:the\s+)?(?:country|Vietnam|nation))"
     r"(?=,)|\b(?:the\s+)?national\s+(?:average|DTI|level|score|index|rate|share|proportion|"
     r"figure|total|target|goal|number)\b|"
     r"\b(?:the\s+)?(?:whole|entire)\s+country\b|\bthe\s+country\s+as\s+a\s+whole\b|"
     r"\bacross\s+(?:all\s+)?(?:the\s+)?(?:63\s+|34\s+)?(?:provinces|localities)"
     r"(?:\s+and\s+(?:centrally[- ]run\s+)?cities)?(?=,)|"
     r"\b(?:the\s+)?average\b[^,.;\d]{0,60}?\bnationwide\b|"
     r"\b(?:the\s+)?(?:provincial|average provincial)\s+average\b|"
     r"\b(?:the\s+)?average\s+(?:DTI\s+|score\s+|value\s+)*(?:of|for|among|across)\s+"
     r"(?:all\s+|the\s+)?(?:63\s+|34\s+)?(?:provinces and cities|provinces|localities)\b|"
     r"\b(?:provinces|localities)\s+averaged\b|\b(?:the\s+)?provinces'\s+average\b|"
     r"\b(?:the\s+)?(?:country's|nation's)(?=\s+(?:DTI|average|digital|score|index|overall))|"
     r"\b(?:the\s+)?national\s+(?=digital\s+(?:economy|transformation|government|society))|"
     r"\bprovincial[- ]level\s+(?:DTI|index)\s+(?=averaged|average)|"
     # the same aggregates in Vietnamese, whatever the word order
     r"(?:điểm |giá trị |chỉ số )?(?:bình quân|trung bình)(?: chung)?(?: DTI)?(?: của)? "
     r"(?:các|63|34) (?:địa phương|tỉnh(?:, thành(?: phố)?)?)|"
     r"DTI (?:bình quân|trung bình) (?:cấp tỉnh|của các (?:tỉnh|địa phương))", "national"),
)
_AGGREGATE = re.compile("|".join(f"(?P<{key}{i}>{p})" for i, (p, key) in enumerate(AGGREGATES)),
                        re.I)


@dataclass(frozen=True)
class Aggregate:
    """An aggregate named in a sentence: span and which one (national, bloc, province_bloc)."""

    start: int
    end: int
    key: str


def aggregate(sentence: str) -> list[Aggregate]:
    """Return the English national and bloc aggregates named in a sentence, in order."""
    return [Aggregate(m.start(), m.end(), re.sub(r"\d+$", "", m.lastgroup or ""))
            for m in _AGGREGATE.finditer(sentence)]


#: Regions of Vietnam, in English and Vietnamese: a position among their provinces is the
#: region's ranking, not the national DTI.
REGIONS = (r"Mekong Delta|Central Highlands|Red River Delta|North Central(?: Coast)?|"
           r"South Central(?: Coast)?|Southeast(?:ern)?|South East|Northwest(?:ern)?|"
           r"Northeast(?:ern)?|Northern [Mm]idlands(?: and [Mm]ountain(?:ous)? areas?)?|"
           r"Bắc Trung Bộ|Nam Trung Bộ|Duyên hải [\w ]{0,20}?Trung Bộ|Tây Nguyên|Đông Nam Bộ|"
           r"Tây Nam Bộ|Tây Bắc|Đông Bắc|Đồng bằng sông (?:Cửu Long|Hồng)|ĐBSCL|ĐBSH|"
           r"Trung du (?:và )?miền núi(?: phía Bắc)?|miền Trung|miền Bắc|miền Nam")
_COUNT = (r"(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
          r"fourteen)\s+)?")
#: A scope after a position that is not the national DTI ranking (matched at the position's
#: end, so no "^": with a start position, "^" would tie the match to the string's start).
OTHER_SCOPE = re.compile(
    rf"(?i)(?:-(?:highest|best|ranked|placed))?\s*(?:place\s+|position\s+|spot\s+)?"
    rf"(?:overall\s+)?(?:among|of|in|within|out of)\s+(?:the\s+|its\s+|all\s+)?{_COUNT}"
    rf"(?:(?!Vietnam|Viet Nam|Vietnamese|Provinces\b)(?:(?-i:[A-Z][\w-]*)\s+){{1,4}}"
    rf"(?:provinces|localities|region|cities)\b|"
    rf"(?:{REGIONS})\b)"
    rf"|\s*(?:/\s*\d+\s*)?(?:trong(?: số)?|của|giữa)\s+{_COUNT}(?:các\s+)?"
    rf"(?:tỉnh|địa phương)(?:,? thành(?: phố)?)?\s+(?:(?:thuộc\s+)?(?:khu vực|vùng)\s+)?"
    rf"(?:{REGIONS})"
    rf"|\s*(?:place\s+)?(?:among|of|in)\s+(?:the\s+|its\s+|all\s+)?(?:\d{{1,2}}\s+)?"
    rf"(?:province's\s+|provincial\s+)?(?:districts|towns|communes|departments|agencies|"
    rf"sectors|ministries|ministerial[- ]level agencies|ministries and agencies|universities|"
    rf"hospitals|schools|colleges|businesses|enterprises|companies|firms|banks|"
    rf"(?:telecom\w*\s+)?(?:carriers|operators))\b"
    rf"|\s*(?:place\s+)?in\s+(?:the\s+|its\s+)?(?:region|{REGIONS})\b")


#: An ordinal that counts occurrences, not a position: "the 3rd year in a row", "the fifth
#: time", "its second consecutive year", "the 5th meeting" (junk, rule 8.6).
OCCURRENCE = re.compile(
    r"(?i)(?:-(?:highest|best|ranked|placed))?\s+(?:consecutive\s+|straight\s+|successive\s+)?"
    r"(?:years?|times?|editions?|meetings?|sessions?|terms?|rounds?|consecutive|straight|"
    r"successive|in a row|quarter|half|phase|anniversary|congress|conference|forum|plenum|"
    r"plenary|industrial revolution|national\s+(?:congress|assembly))\b"
    # an ordinal naming an event or an era ("the 4th Industrial Revolution", "the 3rd Digital
    # Transformation Forum"): a rank is followed by "in", "place", "nationwide", a comma or a
    # clause end, not by a capitalised name
    r"|\s+(?-i:(?!(?:In|On|Of|Among|Out|For|At|Place|Position|Nationwide|Overall|With|And|"
    r"After|Behind|Ahead|Up|Down|From|To)\b)[A-Z][a-z]+\s+[A-Z][a-z]+)"
    r"|\s+(?-i:Industrial|Revolution|Plenum|Congress|Forum|Conference|Summit|Festival|"
    r"Session|Meeting|Party|Central)\b")
#: The subject of a position is a count of provinces ("Five provinces climbed ..., led by"):
#: a statement about a group, not one entity's rank.
COUNTED_SUBJECT = re.compile(rf"(?i)(?:^|[,;:]\s*)\W*(?:(?:only|some|about|nearly|over|more than)"
                             rf"\s+)?(?:\d{{1,2}}|{EN_CARDINAL})\s+(?:of\s+the\s+\d+\s+)?"
                             rf"(?:provinces|localities|cities|provinces and cities)\b"
                             rf"(?:(?!\b(?:and|while|but|whereas)\b)[^,;.])*$")


#: An ordinal of size or growth, or of being first to do something: "the second fastest-growing
#: in Southeast Asia", "the fourth largest city", "the first province in the country to launch
#: 5G" — no position in a ranking of the DTI.
NOT_A_POSITION_AFTER = re.compile(
    r"(?i)[\s-]+(?:largest|biggest|fastest|most populous|busiest|oldest|youngest|smallest|"
    r"poorest|richest|longest|lớn nhất|nhanh nhất)\b"
    r"|(?:\s+(?!(?:in|among|out|of|with|place|position)\b)[\w-]+){1,2}(?:\s+[\w-]+){0,4}?"
    r"\s+to\s+(?!the\b|\d)[a-z]{3,}\b")
PRIZE_BEFORE = re.compile(r"(?i)\b(?:won|wins|win|winning|took|claimed|secured|bagged|"
                          r"received|earned)\s+(?:the\s+|a\s+)?[\w-]+(?:\s+(?:place|prize))?\s*$")
CONTEST = re.compile(r"(?i)\b(?:contests?|competitions?|awards?|prizes?|cups?|hackathons?|"
                     r"tournaments?|cuộc thi|giải thưởng)\b")
THE_BEFORE = re.compile(r"(?i)\bthe\s+(?:very\s+)?[\w-]+\s*$")


def not_a_rank(sentence: str, end: int, start: int | None = None) -> str:
    """Return the scope other than the DTI's a position ending at end is placed in, or "".

    "region": a region's provinces, "districts": the province's districts in its own assessment
    (both ranks in another ranking, rules 3.5, 2.6); "units": departments, agencies or
    ministries (out of scope, rules 2.6, 8.1); "occurrence": the ordinal counts
    years or times (junk, rule 8.6); "group": the subject is a count of provinces (rule 8.7)."""
    if OCCURRENCE.match(sentence, end) or (THE_BEFORE.search(sentence[:end])
                                            and NOT_A_POSITION_AFTER.match(sentence, end)) \
            or (PRIZE_BEFORE.search(sentence[max(0, end - 40):end]) and CONTEST.search(sentence)):
        return "occurrence"  # ... or a prize won: "won first place in the contest"
    if start is not None and COUNTED_SUBJECT.search(sentence[:start]):
        return "group"
    m = OTHER_SCOPE.match(sentence, end)
    if not m:
        return ""
    if re.search(r"(?i)departments|agencies|sectors|ministr|universit|hospital|school|college|"
                 r"business|enterprise|compan|firms|banks|carriers|operators", m.group(0)):
        return "units"
    return "districts" if re.search(r"(?i)districts|towns|communes", m.group(0)) else "region"


#: Words between two positions that place the second in a scope of its own: the country, the
#: DTI or another ranking named again.
OWN_SCOPE = re.compile(r"(?i)nationwide|nationally|in the country|cả nước|toàn quốc|\bDTI\b|"
                       r"\bindex\b|\bchỉ số\b|\bPCI\b|\bPAPI\b|ranking")


def gapped_scope(sentence: str, after: int, start: int, end: int, scope: str) -> str:
    """Return the scope a position inherits from an earlier position of its sentence placed in
    another scope, by gapping ("Son La city ranked first among districts, while Moc Chau ranked
    second"; "Sở A xếp thứ nhất trong khối sở, Sở B xếp thứ hai"), or "" when the words between
    them or after it name a scope of their own ("first in the Mekong Delta and 9th nationwide")."""
    between = sentence[after:start]
    if OWN_SCOPE.search(between) or OWN_SCOPE.match(sentence[end:end + 25].lstrip(" ,")) or \
            not re.search(r"(?i)\b(?:while|and|whereas|và|còn)\b|[,;]", between):
        return ""
    return scope


_ORD = rf"(?:(\d{{1,2}})(?:st|nd|rd|th)|({EN_ORDINAL}))"
#: The verb of an English rank statement followed by its first position.
_LEAD = re.compile(rf"(?i)\b(?:ranked|ranks|ranking|came(?:\s+in)?|placed|finished|stood|was|"
                   rf"remained|remains|stayed)\s+(?:in\s+)?(?:the\s+)?"
                   rf"(?:{_ORD}|No\.\s*(\d{{1,2}})|number\s+(\d{{1,2}}))(?:\s+place)?\b")
#: One gapped item: ", Name ordinal" / "and Name ordinal" / "with Name ordinal" / "while Name
#: ordinal": the name is matched by the gazetteer, the ordinal right after it.
_GAP_ITEM = re.compile(rf"(?i)\s*(?:,\s*(?:and\s+|while\s+|with\s+)?|\s+and\s+|\s+with\s+|"
                       rf"\s+while\s+)(?P<name>[A-Z][^,;.()\d]{{1,40}}?)\s+(?:was\s+|came\s+|"
                       rf"in\s+)?(?:{_ORD})(?:\s+place)?\b")


@dataclass(frozen=True)
class Position:
    """A position given by gapping: the span of the ordinal, its value and the name's span."""

    start: int
    end: int
    value: int
    name_start: int
    name_end: int


#: A name followed by its position, with no verb: "saw Quang Ninh first, Da Nang second".
_NAME_ORD = re.compile(rf"(?P<name>(?-i:[A-Z])[^,;.()\d]{{1,40}}?)\s+(?:{_ORD})(?:\s+place)?\b"
                       rf"(?!\s*(?:[-/]|in\s+the\s+(?!20)|consecutive|year|time))", re.I)
_LINK = re.compile(r"(?i)\s*(?:,\s*(?:and\s+|while\s+|with\s+)?|\s+and\s+|\s+with\s+)")


def positions(sentence: str) -> list[Position]:
    """Return the positions given by gapping: after a rank verb, one per name followed by an
    ordinal; without a verb, a chain of two or more "Name ordinal" items."""
    out: list[Position] = []
    leads = list(_LEAD.finditer(sentence))
    for lead in leads:
        out += _chain(sentence, lead.end(), _GAP_ITEM)
    for first in _NAME_ORD.finditer(sentence):
        if any(p.name_start <= first.start("name") < p.end for p in out) or any(
                lead.start() < first.end() and first.start() < lead.end() for lead in leads):
            continue
        head = _position(first)
        rest = _chain(sentence, first.end(), _GAP_ITEM)
        if head and rest and not re.search(r"(?i)\b(?:ranked|ranks|placed|came|finished|was)\s*$",
                                           sentence[:first.start("name")]):
            out += [head, *rest]
    return out


def _chain(sentence: str, at: int, item_pattern: re.Pattern[str]) -> list[Position]:
    """Return the positions of the gapped items that follow one another from at."""
    out = []
    while (item := item_pattern.match(sentence, at)) and (position := _position(item)):
        out.append(position)
        at = item.end()
    return out


def _position(item: re.Match[str]) -> Position | None:
    """Return the position an item ("Name ordinal") gives, or None."""
    token = item.group(2) or item.group(3)
    value = ordinal_value(token) if token else None
    if not value:
        return None
    return Position(item.start(2) if item.group(2) else item.start(3), item.end(), value,
                    item.start("name"), item.end("name"))


#: Two or more coordinated ordinals: "the first, second and third places", "4th and 9th".
_ORDINAL_RUN = re.compile(rf"(?i)\b{_ORD}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ORD})+\b")
_ONE_ORD = re.compile(rf"(?i)\b{_ORD}\b")


def ordinal_runs(sentence: str) -> list[list[Position]]:
    """Return each run of coordinated ordinals with the value of each (name spans empty)."""
    runs = []
    for run in _ORDINAL_RUN.finditer(sentence):
        items = [Position(m.start(), m.end(), ordinal_value(m.group(0)) or 0, 0, 0)
                 for m in _ONE_ORD.finditer(sentence, run.start(), run.end())]
        if all(p.value for p in items):
            runs.append(items)
    return runs


#: The names of indices other than the DTI that a paragraph may keep talking about.
INDEX_NAME = re.compile(r"(?i)\bPCI\b|\bPAPI\b|\bPAR[ -]?Index\b|\bSIPAS\b|\bPGI\b|\bEGDI\b|"
                        r"\bGII\b|\bPII\b|green index|ICT Index|e-?government development|"
                        r"innovation index|competitiveness|governance and public administration|"
                        r"administrative reform|năng lực cạnh tranh|cải cách hành chính|"
                        r"hài lòng|chỉ số xanh|hiệu quả quản trị|sẵn sàng")


#: Words before a year that make it the reference of a comparison or the start of a period.
COMPARED_BEFORE = re.compile(
    r"(?i)(?:\bsince|\bthan(?:\s+in)?|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bover|"
    r"\bas(?:\s+(?:much|many|high|large|great|fast))?\s+as(?:\s+in)?|"  # "twice as much as in"
    r"\bsame\s+period\s+(?:of|in)|"
    r"(?<!far )(?<!away )\bfrom|\bbest\s+(?:result|position|ranking)\s+since)\s+(?:the\s+)?"
    r"(?:DTI\s+)?$")  # "far from the 2022 target": the target's own year
#: "compared with 0.48 and 41st place in 2022", "up from 45th in 2023": the year closes a
#: comparison segment (it dates the figure compared with, read by the rank's own clause).
COMPARED_SEGMENT = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|against|than|"
                              r"(?:up|down|rising|falling|climbing|dropping|rose|fell|climbed|"
                              r"dropped|jumped|improved|improving|increas\w*|decreas\w*)\s+from)\b"
                              r"(?:(?!\bto\b)[^;:.!?,]|\.(?=\d)){0,80}?\b(?:in|of)\s+(?:the\s+)?$")
#: A year printed right after one figure ("3rd in 2022", "45% in 2023"): that figure's year, not
#: the period of the passage after it (rule 5.7).
OWN_YEAR_BEFORE = re.compile(r"(?i)(?:\d(?:st|nd|rd|th)|\d\s*%|\b(?:first|second|third|fourth|"
                             r"fifth|sixth|seventh|eighth|ninth|tenth))\s+(?:place\s+)?in\s+"
                             r"(?:the\s+)?$")


def own_year(sentence: str, position: int) -> bool:
    """Tell whether the year at position is printed for the one figure before it ("3rd in
    2022." but not "9th in the 2023 provincial index", which names the edition)."""
    return bool(OWN_YEAR_BEFORE.search(sentence[max(0, position - 30):position])
                and re.match(r"\d{4}\s*(?:[,.;:)]|and\b|while\b|$)", sentence[position:]))


#: A comparison with another entity at the same time ("than that of X", "than the average").
SAME_TIME = re.compile(r"(?i)\b(?:that|those) of\b|\bthe (?:national |provincial )?average\b|"
                       r"\bother (?:provinces|localities)\b")
#: A relative clause telling an earlier state: "Lai Chau, which was at the bottom of the 2021
#: rankings, rose ..." (the year dates the earlier state, not the figures of the main clause).
PAST_STATE = re.compile(r"(?i),\s*(?:which|who)\s+(?:was|were|had been|ranked|placed|came|"
                        r"finished|stood)\b[^,;.]{0,60}$")
#: A capitalised event name ending right before the year ("... Transformation Day 2024").
EVENT_BEFORE = re.compile(r"(?:[A-Z][\w-]*\s+){1,6}(?:Day|Week|Awards?|Conference|Summit|"
                          r"Forum|Festival|Expo|Fair|Show|Congress|Contest|Competition|"
                          r"Exhibition|Ceremony)\s+$")


#: A fronted period that runs from a printed start to the present: "Since 2021, ...", "From
#: March 1, 2023 to date, ..." (rule 5.5: the figures counted over it take the start year).
PERIOD_START = re.compile(r"(?i)^\W*(?:since|from)\s+(?:(?:January|February|March|April|May|June|"
                          r"July|August|September|October|November|December)(?:\s+\d{1,2})?,?\s+"
                          r"|the (?:beginning|start) of\s+)?$")


def year_type(sentence: str, position: int) -> str:
    """Return how an English year at position is typed: comparison, event or "" (the figure's)."""
    before = sentence[max(0, position - 90):position]
    if EVENT_BEFORE.search(before):
        return "event"
    if PERIOD_START.match(sentence[:position]):
        return ""  # "Since 2021, 1,200 procedures have been simplified": the start (rule 5.5)
    segment = COMPARED_SEGMENT.search(before)
    if segment and SAME_TIME.search(segment.group(0)):
        segment = None  # "higher than that of Ninh Binh (15th) in 2023": another entity, same year
    if COMPARED_BEFORE.search(before[-30:]) or segment or PAST_STATE.search(before):
        return "comparison"
    return ""
