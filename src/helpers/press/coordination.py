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

from .gazetteer import Mention

#: The link between two coordinated names: ", ", " và ", " and ", ", and ", " cùng ".
LINK = re.compile(r"(?i)^\s*(?:,|và|and|, and|cùng|&)\s*$")
#: One position for every pillar: "ở cả ba trụ cột", "in all three pillars".
ALL_PILLARS = re.compile(r"(?i)^\s*(?:(?:ở|trong|tại|in|on|across)\s+)?(?:cả|tất cả|all|all of the|"
                         r"each of the)\s+(?:(?:03|3|ba|three)\s+)?(?:trụ cột|pillars)")
PILLAR_CODES = ("chinh_quyen_so", "kinh_te_so", "xa_hoi_so")


def run_before(sentence: str, position: int, found: tuple[Mention, ...]) -> list[Mention]:
    """Return the coordinated run of provinces that ends last before position."""
    names = [m for m in found if m.kind == "province" and m.end <= position]
    run: list[Mention] = names[-1:]
    for m in reversed(names[:-1]):
        if not LINK.match(sentence[m.end:run[0].start]):
            break
        run.insert(0, m)
    return run


def all_pillars(sentence: str, end: int) -> bool:
    """Tell whether a position at ``end`` is stated for every pillar ("ở cả 3 trụ cột")."""
    return bool(ALL_PILLARS.match(sentence[end:end + 40]))
