"""English DTI press: who a figure is about, which printed years are not its year, and positions
given by gapping ("A ranked second, B third and C fourth").

Three mechanisms, each one function the extractor calls and the ablation switches off:

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

from .numbers import EN_ORDINAL, ordinal_value

#: National and bloc aggregates in English, case-insensitive: (pattern, entity key).
AGGREGATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:(?:the\s+)?(?:63\s+)?)?ministries(?:,)?\s+(?:and|&)\s+(?:ministerial[- ]level\s+|"
     r"ministry[- ]level\s+|central\s+|government\s+|state\s+)?(?:agencies|branches|sectors|"
     r"bodies)\b|\bministerial[- ]level\s+(?:agencies|bloc|group|average)\b|"
     r"\b(?:the\s+)?(?:group|bloc|block)\s+of\s+ministries\b|\bministerial\s+(?:bloc|group)\b|"
     r"\bministries\s+averaged\b|\bthe\s+ministries'\s+average\b", "bloc"),
    (r"\b(?:the\s+)?provincial\s+(?:bloc|block|group)\b|\b(?:the\s+)?(?:group|bloc|block)\s+of\s+"
     r"(?:provinces|localities)\b", "province_bloc"),
    (r"(?:^|[;:]\s*)\W*(?:nationwide|nationally|across\s+(?:the\s+)?(?:country|Vietnam|nation))"
     r"(?=,)|\b(?:the\s+)?national\s+(?:average|DTI|level|score|index)\b|"
     r"\b(?:the\s+)?(?:provincial|average provincial)\s+average\b|"
     r"\b(?:the\s+)?average\s+(?:DTI\s+|score\s+|value\s+)*(?:of|for|among|across)\s+"
     r"(?:all\s+|the\s+)?(?:63\s+|34\s+)?(?:provinces|localities|provinces and cities)\b|"
     r"\b(?:provinces|localities)\s+averaged\b", "national"),
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


#: (Matched at the position's end: no "^" anchors, which would tie the match to the string start.)
#: A scope after a position that is not the national DTI ranking: a region's provinces,
#: districts, departments, ministries, or a count of units smaller than the ranking.
OTHER_SCOPE = re.compile(
    r"(?i)(?:-(?:highest|best|ranked|placed))?\s*(?:place\s+|position\s+|spot\s+)?(?:overall\s+)?"
    r"(?:among|of|in|within|out of)\s+(?:the\s+|its\s+|all\s+)?"
    r"(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen)\s+)?"
    r"(?:(?-i:[A-Z][\w-]*)\s+){1,4}(?:provinces|localities|region|cities)\b"
    r"|\s*(?:place\s+)?(?:among|of|in)\s+(?:the\s+|its\s+|all\s+)?(?:\d{1,2}\s+)?"
    r"(?:province's\s+|provincial\s+)?(?:districts|towns|communes|departments|agencies|sectors|"
    r"ministries|ministerial[- ]level agencies|ministries and agencies)\b"
    r"|\s*(?:place\s+)?in\s+(?:the\s+|its\s+)?(?:region|Mekong Delta|Central Highlands|"
    r"Red River Delta|North Central|South Central|Northern Midlands|Southeast)\b")


def not_a_rank(sentence: str, end: int) -> str:
    """Return the scope other than the DTI's a position ending at end is placed in, or "".

    "region": a region's provinces (a rank in another ranking, rule 3.5); "units": districts,
    departments or ministries (out of scope, rules 2.6, 8.1)."""
    m = OTHER_SCOPE.match(sentence, end)
    if not m:
        return ""
    return "units" if re.search(r"(?i)districts|towns|communes|departments|agencies|sectors|"
                                r"ministr", m.group(0)) else "region"


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


def positions(sentence: str) -> list[Position]:
    """Return the gapped positions after a rank verb: one per name followed by an ordinal."""
    out: list[Position] = []
    for lead in _LEAD.finditer(sentence):
        at = lead.end()
        while True:
            item = _GAP_ITEM.match(sentence, at)
            if not item:
                break
            token = item.group(2) or item.group(3)
            value = ordinal_value(token) if token else None
            if not value:
                break
            out.append(Position(item.start(2) if item.group(2) else item.start(3), item.end(),
                                value, item.start("name"), item.end("name")))
            at = item.end()
    return out


#: Words before a year that make it the reference of a comparison or the start of a period.
COMPARED_BEFORE = re.compile(
    r"(?i)(?:\bsince|\bthan(?:\s+in)?|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bover|"
    r"\bfrom|\bbest\s+(?:result|position|ranking)\s+since)\s+(?:the\s+)?(?:DTI\s+)?$")
#: "compared with 0.48 and 41st place in 2022": the year closes a comparison segment.
COMPARED_SEGMENT = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|against|than)\b"
                              r"(?:[^;:.!?,]|\.(?=\d)){0,80}?\b(?:in|of)\s+(?:the\s+)?$")
#: A capitalised event name ending right before the year ("... Transformation Day 2024").
EVENT_BEFORE = re.compile(r"(?:[A-Z][\w-]*\s+){1,6}(?:Day|Week|Awards?|Conference|Summit|"
                          r"Forum|Festival|Expo|Fair|Show|Congress|Contest|Competition|"
                          r"Exhibition|Ceremony)\s+$")


def year_type(sentence: str, position: int) -> str:
    """Return how an English year at position is typed: comparison, event or "" (the figure's)."""
    before = sentence[max(0, position - 90):position]
    if EVENT_BEFORE.search(before):
        return "event"
    if COMPARED_BEFORE.search(before[-30:]) or COMPARED_SEGMENT.search(before):
        return "comparison"
    return ""
