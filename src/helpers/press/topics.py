"""A topic model of rankings: what a figure measures, decided by the nearest ranking name.

Rankings are the DTI (the default), its three pillars, its main indicators (pillar blank), and
every other ranking (administrative reform, PAPI, PCI, the UN e-government and e-participation
indices, the digital-economy share of GRDP, a province's own ranking of its districts and
departments). The ranking a figure belongs to is the one named right after it ("xếp thứ 5 về
chính quyền số", "ranked 2nd in the Digital Institution Index") within its clause, else the
nearest one named before it; a ranking named after a comma or another clause ("..., in which,
digital society ...", "helped by progress in the digital economy") does not re-type it.
Coordinated names ("A và B", "A, B and C") share the figure.
"""

from __future__ import annotations

import re

from . import grammar

#: A rank stated of the percentage or count just before it, with no ranking named after it:
#: "tỷ lệ thanh toán trực tuyến đạt 45,6%, xếp thứ 4 cả nước", "reached 45.6%, ranking 4th".
RANK_OF_FIGURE = re.compile(r"(?i)\d\s*%\s*(?:\([^()]*\)\s*)?,\s*(?:(?:and|và)\s+)?"
                            r"(?:ranking|ranked|placing|which ranks?|đứng|xếp)\b[^,;.()]*$")


#: A rate or share as the subject of a position, no ranking named: "Hung Yen's online payment
#: rate ranked 5th nationwide", "tỷ lệ hồ sơ trực tuyến của tỉnh xếp thứ 5" (rule 3.5).
RATE_SUBJECT = re.compile(r"(?i)\b(?:rate|proportion|share|percentage|tỷ lệ|tỷ trọng)\b"
                          r"[^,;.()\d]{0,50}?(?:\b(?:ranked|ranks|ranking|placed|came|xếp|đứng)"
                          r"(?:\s+(?:thứ|hạng|the))?)?\s*$")
#: A verb of position whose object is the ranking it names ("led digital society").
POSITION_VERB = re.compile(r"(?i)\b(?:led|leads|leading|topped|tops|dẫn đầu|đứng đầu)\s*$")
#: A rank placed in the whole country, after a regional one: "thứ 15 cả nước", "15th nationwide".
NATIONWIDE_AFTER = re.compile(r"(?i)\s*(?:/\s*\d+\s*)?(?:cả nước|toàn quốc|nationwide|nationally|"
                              r"in the (?:whole )?country)\b")
#: A rank in a measure named after it that is no ranking of the DTI (no DTI, pillar or main
#: indicator named there, which the loop above would have found first).
OTHER_MEASURE_AFTER = re.compile(r"(?i)\s*(?:/\s*\d+\s*)?(?:[\w,]+\s+){0,3}?"
                                 r"(?:in terms of|về (?:tỷ lệ|số lượng|tốc độ)|"
                                 r"(?:for|in) (?:the )?(?:rate|ratio|share|number|proportion|"
                                 r"percentage) of)\s")
REGION_NAME = re.compile(r"(?i)khu vực|vùng|region")
#: A sentence scoped to a region's provinces: its ranks are the region's, not the DTI's.
REGION_FRONT = re.compile(r"\W*(?:(?i:among|in|within)\s+(?:the\s+)?(?:\d+\s+|(?i:five|six|"
                          r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+)?"
                          r"(?:[A-Z][\w-]*\s+){1,4}(?:provinces|region)\b|"
                          r"(?i:trong|trong số|giữa)\s+(?:\d+\s+)?(?:các\s+)?(?:tỉnh|địa phương)"
                          r"(?:\s+thuộc)?\s+(?:khu vực|vùng)\b)")


def topic_of(sentence: str, start: int, end: int, look_after: bool = True
             ) -> list[grammar.Topic]:
    """Return the topic(s) a figure at start:end measures (coordinated topics give several)."""
    found = grammar.topics(sentence)
    if look_after and grammar.REGION_AFTER.match(sentence[end:]):
        return [grammar.Topic(end, end, "other", "")]  # "thứ 2 khu vực ...": not the DTI
    if look_after:
        for t in found:
            if t.start >= end and t.start - end <= 80:
                between = sentence[end:t.start]
                if re.search(r"[;.(),]|\b(?:và|and)\b", between):
                    break  # another clause ("đứng đầu ... và giữ vị trí số một ở ...")
                if re.search(r"(?i)(?:^|\s)(?:về|ở|trong|in|on|for|in terms of|leading in)\s",
                             between) or re.search(r"(?i)\b(?:về|ở|in)\s*$", sentence[:end]) \
                        or (POSITION_VERB.search(sentence[:end])
                            and re.fullmatch(r"[\s“”\"']*(?:the\s+)?", between)):
                    # "led digital society", "dẫn đầu chính quyền số": the ranking is the object
                    return _coordinated(sentence, found, found.index(t), forward=True)
    if look_after and OTHER_MEASURE_AFTER.match(sentence, end):
        return [grammar.Topic(end, end, "other", "")]  # "thứ 3 về tỷ lệ ...", "in terms of"
    if look_after and grammar.OTHER_INDEX_AFTER.match(sentence[end:]):
        return [grammar.Topic(end, end, "other", "")]
    if look_after and REGION_FRONT.match(sentence):  # "Among the North Central provinces, X
        # led ...": positions are the region's (a score keeps its index: look_after=False)
        return [grammar.Topic(0, 0, "other", "")]
    if RANK_OF_FIGURE.search(sentence[max(0, start - 40):end]):
        return [grammar.Topic(start, start, "other", "")]  # "đạt 45,6%, xếp thứ 4 cả nước"
    before = [i for i, t in enumerate(found) if t.end <= start]
    if before and NATIONWIDE_AFTER.match(sentence, end) and REGION_NAME.search(
            sentence[found[before[-1]].start:found[before[-1]].end]):
        return []  # "thứ 2 khu vực ..., thứ 15 cả nước": the national ranking, not the region's
    if before:
        return _coordinated(sentence, found, before[-1], forward=False)
    if RATE_SUBJECT.search(sentence[max(0, start - 70):start]):
        return [grammar.Topic(start, start, "other", "")]  # "its online payment rate ranked 5th"
    return []


def _coordinated(sentence: str, found: list[grammar.Topic], index: int, forward: bool
                 ) -> list[grammar.Topic]:
    """Return the topic at index with the specific topics coordinated with it ("A và B")."""
    chosen = [found[index]]
    link = re.compile(r"(?i)^[\s“”\"']*(?:,|và|and|, and|;)?[\s“”\"']*"
                      r"(?:chỉ số\s*|hai chỉ số\s*)?$")
    step = 1 if forward else -1
    i = index
    while 0 <= i + step < len(found):
        a, b = (found[i], found[i + step]) if forward else (found[i + step], found[i])
        if a.kind == "dti" or b.kind == "dti" or not link.match(sentence[a.end:b.start]):
            break
        if not forward and not re.search(r"(?i)\b(?:và|and)\b", sentence[b.end:found[index].end]
                                         + sentence[a.end:b.start]):
            break
        chosen.append(found[i + step])
        i += step
    if any(grammar.MAIN_LIST.search(sentence[:t.start])
           and not re.search(r"(?i)trụ cột\s*$", sentence[max(0, t.start - 12):t.start])
           for t in chosen):
        chosen = [grammar.Topic(t.start, t.end, "main" if t.kind == "pillar" else t.kind,
                                "" if t.kind == "pillar" else t.pillar) for t in chosen]
    return sorted(chosen, key=lambda t: t.start)


def rank_type(topic: grammar.Topic | None) -> tuple[str, str, str]:
    """Return (fact_type, pillar, tag) for a rank with this topic (None: the DTI)."""
    if topic is None or topic.kind == "dti":
        return "dti_rank", "overall", ""
    if topic.kind == "pillar":
        return "pillar_rank", topic.pillar, ""
    if topic.kind == "main":
        return "dti_rank", "", ""
    return "indicator", "", "non_dti_rank"
