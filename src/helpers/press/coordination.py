"""One coordination routine: how one statement spreads over several entities or pillars.

- N ↔ N ("respectively", "lần lượt"): names and figures matched in order; the names are the
  coordinated run right before the figures ("còn A và B lần lượt xếp thứ 30 và 41"), so an
  entity named earlier in the clause keeps its own figure;
- 1 → N (broadcast): one position for all pillars ("ở cả ba trụ cột", "in all three pillars",
  tag ``tie``) or one value for coordinated entities;
- spans of editions ("2 năm liên tiếp (2021-2022)") are read by ``grammar.SPAN``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Mention

#: The link between two coordinated names: ", ", " và ", " and ", ", and ", " cùng ".
LINK = re.compile(r"(?i)^\s*(?:,|và|and|, and|cùng|&)\s*$")
#: One position for every pillar: "ở cả ba trụ cột", "in all three pillars".
ALL_PILLARS = re.compile(r"(?i)^\s*(?:(?:ở|trong|tại|in|on|across)\s+)?(?:cả|tất cả|all|all of the|"
                         r"each of the)\s+(?:(?:03|3|ba|three)\s+)?(?:trụ cột|pillars)")
PILLAR_CODES = ("chinh_quyen_so", "kinh_te_so", "xa_hoi_so")


def run_before(sentence: str, position: int, found: tuple[Mention, ...]) -> list[Mention]:
    """Return the coordinated run of provinces that ends last before position."""
    return run_of([m for m in found if m.kind == "province" and m.end <= position], sentence)


def all_pillars(sentence: str, end: int) -> bool:
    """Tell whether a position at ``end`` is stated for every pillar ("ở cả 3 trụ cột")."""
    return bool(ALL_PILLARS.match(sentence[end:end + 40]))


#: Markers of an ordered distribution: "lần lượt", "respectively".
RESPECTIVE = re.compile(r"(?i)lần lượt|respectively")
#: A list of two or more numbers: "0,55 và 0,39", "7 and 12", "30, 41 và 52" (not opened by a
#: year: "Năm 2023, 12 và 15 lần lượt ...").
NUMBER_LIST = re.compile(r"(?<![\d.,/])(?!20[1-3]\d\b)\d+(?:[.,]\d+)?"
                         r"(?:(?:\s*,\s*|\s+(?:và|and)\s+|,\s+and\s+)\d+(?:[.,]\d+)?(?![\d/]))+")
_ITEM = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class NumberList:
    """Numbers stated as one coordinated list, with the list's span."""

    start: int
    end: int
    items: tuple[tuple[int, int, str], ...]  # (start, end, raw) of each number


def number_lists(sentence: str) -> list[NumberList]:
    """Return the coordinated lists of numbers of a sentence in a distribution statement."""
    if not RESPECTIVE.search(sentence):
        return []
    return [NumberList(m.start(), m.end(), tuple((m.start() + i.start(), m.start() + i.end(),
                                                  i.group()) for i in _ITEM.finditer(m.group())))
            for m in NUMBER_LIST.finditer(sentence)]


def run_of(items: list, sentence: str) -> list:
    """Return the last coordinated run of spans (``start``, ``end``) in a list, in order."""
    run = items[-1:]
    for item in reversed(items[:-1]):
        if not LINK.match(sentence[item.end:run[0].start]):
            break
        run.insert(0, item)
    return run


def run_after(sentence: str, position: int, found: tuple[Mention, ...]) -> list[Mention]:
    """Return the coordinated run of provinces that starts first after position."""
    names = [m for m in found if m.kind == "province" and m.start >= position]
    run: list[Mention] = names[:1]
    for m in names[1:]:
        if not LINK.match(sentence[run[-1].end:m.start]):
            break
        run.append(m)
    return run


#: A predicate between coordinated subjects and their one value ("đều đạt", "both scored").
SHARED_GAP = re.compile(r"(?i)^[^,;:.()\d]{0,60}$")
RANK_WORDS = re.compile(r"(?i)dẫn đầu|đứng|xếp|ranked|led|topped|thứ|hạng")


def sharing(sentence: str, position: int, found: tuple[Mention, ...]) -> list[str]:
    """Return the coordinated subjects that share one value at position (1 → N broadcast)."""
    run = run_before(sentence, position, found)
    if len(run) < 2:
        return []
    gap = sentence[run[-1].end:position]
    if not SHARED_GAP.match(gap) or RANK_WORDS.search(gap):
        return []
    return [m.name for m in run]
