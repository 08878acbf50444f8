"""Discourse state of an article: who a figure is about, sentence after sentence (rule 2.7).

The state is a small subject stack:

- a **fronted topic** ("Riêng X, ...", "Với X, ...", "As for X, ...") is the subject of every
  figure of its sentence that names no other entity, anaphora included;
- a **demonstrative anaphor** ("tỉnh này", "địa phương này", "Đây là địa phương ...", "the
  province") refers to the province named last before it in its sentence, else to the focus:
  the entity the previous statement was about; a plain "của tỉnh", "toàn tỉnh" is the home;
- a **sequence anchor** (the last position stated) survives a sentence boundary, so that "Kế
  đến là A và B", "Right behind it was A" continue it (tag ``sequence``).
"""

from __future__ import annotations

import re

from .gazetteer import DESCRIBED, NATIONAL, Mention, mentions

#: Anaphors that point at the entity just named, not at the article's province.
DEMONSTRATIVE = re.compile(r"(?i)(?:tỉnh|địa phương|thành phố) này|^\s*đây|the province|"
                           r"the locality|this province|the city|"
                           rf"the (?:{DESCRIBED}\s+){{1,2}}(?:province|city|locality)")
#: Words that front a topic at the start of a sentence or clause.
FRONTING = re.compile(r"(?i)(?:^|[;:]\s*)\W*(?:riêng|với|đối với|còn|về phía|as for|regarding|"
                      r"in the case of)\s+$")
#: Words that continue a sequence of positions from the last one stated.
SEQUENCE = re.compile(r"(?i)tiếp (?:đó|theo) là|theo sau là|followed by|"
                      r"(?:kế (?:đến|tiếp)|xếp sau)(?: lần lượt)?(?: là)?|"
                      r"right behind (?:it|them|\w+) (?:was|were|is|are|came)|"
                      r"next (?:came|was|were)")
#: Words after a name that place it right after the last position stated ("A came next").
SEQUENCE_AFTER = re.compile(r"(?i)\b(?:came|was|were|is|ranked|placed|finished)\s+"
                            r"(?:in\s+)?next\b|\b(?:đứng|xếp)\s+(?:kế tiếp|tiếp theo|ngay sau)\b")


def fronted(sentence: str, found: tuple[Mention, ...]) -> Mention | None:
    """Return the province fronted as the topic of a sentence ("Riêng X, ..."), if any."""
    for m in found:
        if m.kind == "province" and FRONTING.search(sentence[max(0, m.start - 25):m.start]) \
                and re.match(r"\s*,", sentence[m.end:]):
            return m
    return None


def referent(sentence: str, anaphor: Mention, found: tuple[Mention, ...],
             focus: str | None) -> str | None:
    """Return who a demonstrative anaphor refers to; None for a plain one (the home)."""
    if not DEMONSTRATIVE.search(sentence[anaphor.start:anaphor.end]):
        return None
    named = [m for m in found if m.kind == "province" and m.end <= anaphor.start]
    return named[-1].name if named else focus


#: A sentence scoped to the whole country or the ministries: a digression in a provincial
#: article ("Nationwide, Hanoi led ...", "Cả nước có ...", "Among ministries, ...").
SCOPE_OPENING = re.compile(r"(?i)^\W*(?:nationwide|nationally|across the country|at the national "
                           r"level|among (?:the )?ministries|in the ministerial|cả nước|trên cả "
                           r"nước|toàn quốc|ở cấp quốc gia|đối với (?:khối )?(?:các )?bộ)\b")


def sets_focus(sentence: str, how: str, home: str) -> bool:
    """Tell whether a figure's entity becomes the focus that a later anaphor refers to.

    Entities given by a list (respectively, sequences) and the entities of a digression into
    the national ranking in a provincial article do not: after "Nationwide, Hanoi led, followed
    by Hue", "the province" is still the article's own province."""
    if how == "given":
        return False
    if home == NATIONAL:
        return True
    found = mentions(sentence)
    return not (SCOPE_OPENING.match(sentence) or (found and found[0].kind == "national"
                                                  and found[0].start < 25))
