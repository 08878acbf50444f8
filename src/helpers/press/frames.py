"""Target frames: is a figure a target, an achieved value, or neither?

Two sources decide it (LABELING.md 3.4, 3.7, 3.10):

- the words that govern the figure in its sentence: a target word before it ("chỉ tiêu",
  "mục tiêu", "phấn đấu", "yêu cầu đạt", "target", "aims to", "will") with no sign of an
  achieved result in between ("đã", "ước", "hiện nay", "reached"); a counted noun ("11/15 chỉ
  tiêu") counts targets and governs nothing, unless it introduces a list ("2 chỉ tiêu ... là");
- the plan passage it stands in: a paragraph that opens with a due year ("Đến năm 2030, ...",
  "Trong đó, đến năm 2025, ...", "By 2026, ...") or with a goal sentence that names a due
  year states targets until the paragraph ends, unless a sentence reports a result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The target words, one table per role (LABELING.md 3.4, 3.10). ``GOVERNOR`` (a word that makes
#: the figures after it targets) and ``GOAL`` (a sentence that states a goal) are read from it.
TARGET_WORDS: dict[str, tuple[str, ...]] = {
    # verbs and nouns of intent and expectation: both roles
    "intent": (r"phấn đấu", r"hướng tới", r"kỳ vọng", r"\bsẽ\b", r"\bmuốn\b",
               r"\bgoals?\b", r"\baims?\b", r"\bstriv\w*", r"\bwill\b", r"expected to",
               r"\bobjectives?\b", r"\bplans? to\b", r"\bwants?\b", r"\bhopes? to\b",
               r"\bintends? to\b", r"\btarget(?:s|ed)?\b(?! set)", r"\bexpects?\b",
               r"\bprojected to\b", r"\bforecasts?\b"),
    # words that govern the figure after them, but do not make a whole sentence a goal
    "figure": (r"mục tiêu", r"chỉ tiêu", r"yêu cầu(?: đạt)?", r"\bcần (?:đưa|đạt)", r"đề xuất",
               r"\btarget set\b", r"theo kế hoạch", r"\b(?:according to|under) the plan\b"),
    # a plan's target nouns with their predicate: a goal sentence
    "sentence": (r"(?:đặt|đề ra|hướng tới|(?<!so )với)(?: các| ra)? (?:mục tiêu|chỉ tiêu)",
                 r"mục tiêu(?: cụ thể| cơ bản| chung)?(?: của (?:tỉnh|thành phố|địa phương))?"
                 r"(?: (?:năm|đến năm) \d{4})?"
                 r"(?: đến| là| đạt| chiếm|:| như)",
                 r"chỉ tiêu(?: cụ thể| cơ bản)?(?: (?:năm|đến năm) \d{4})?(?: đến năm| là|:)"),
}


def _words(*roles: str) -> re.Pattern[str]:
    """Compile the target words of the given roles into one pattern."""
    return re.compile("(?i)" + "|".join(w for role in roles for w in TARGET_WORDS[role]))


#: Words that make the figures after them targets.
GOVERNOR = _words("intent", "figure")
#: Words that make a sentence a goal sentence (rank goals, plan targets, due years).
GOAL = _words("sentence", "intent")
#: A target word that counts targets ("11/15 chỉ tiêu", "15 targets") or names them as met.
COUNTED = re.compile(r"(?i)(?:\d+\s*(?:/\s*\d+\s*)?|\bmột\s+|\bcác\s+)$")
MET_AFTER = re.compile(r"(?i)^\s*(?:đã\s+)?(?:đạt|hoàn thành|vượt)\b(?!\s*(?:tối thiểu|từ|trên|ít)"
                       r"?\s*\d)")
#: A target word named as the reference of a comparison ("vượt so với chỉ tiêu ...").
REFERENCE = re.compile(r"(?i)(?:vượt|so với|bằng|over|against|of)\s*$")
LIST_AFTER = re.compile(r"(?i)^[^.;]{0,90}?(?:\blà\b|:)")
#: Signs of an achieved result between a target word and a figure.
ACHIEVED = re.compile(r"(?i)\bđã (?:đạt|có|hoàn thành|vượt)|\bước\b|(?<!thực )hiện (?:nay|đạt|có)|"
                      r"đạt được|"
                      r"kết quả|\breached\b|\bachieved\b|so far|tính đến|\bas of\b|\bwas\b|"
                      r"\bcurrent(?:ly)?\b|\bat present\b|\bto date\b|"
                      r"\bwere\b|"
                      r"\b(?:đạt|vượt|hoàn thành)\s+(?:mục tiêu|chỉ tiêu)")
#: A paragraph that opens with a due year: "Đến năm 2030, ...", "Trong đó, đến năm 2025, ...".
FRONT_DUE = re.compile(r"(?i)^\W*(?:(?:trong đó|cụ thể|theo đó|ngoài ra|mục tiêu)[,:]?\s*)?"
                       r"(?:phấn đấu\s+)?(?<!tính )(?:đến|tới|by)\s+(?:hết\s+|cuối\s+)?"
                       r"(?:the end of\s+)?(?:năm\s+)?(20[1-4]\d)\b")
DUE = re.compile(r"(?i)(?<!tính )(?:đến|tới|by|vào)\s+(?:hết\s+|cuối\s+)?(?:the end of\s+)?"
                 r"(?:năm\s+)?(20[1-4]\d)\b")
#: An unmet level: "chưa đạt (mức) 10%" names a target not reached (rule 3.7).
UNMET = re.compile(r"(?i)(?:chưa đạt(?:\s+(?:mức|trên|tới))?|(?:not|never)\s+(?:yet\s+)?"
                   r"(?:reached|achieved|met|hit)\s+(?:the\s+|its\s+)?(?:level of\s+|mark of\s+)?|"
                   r"(?:fell|falls|fall|remains?|remained)\s+short of\s+(?:the\s+)?)\s*$")
DECREASE = re.compile(r"(?i)(?:giảm|cắt giảm|reduce|cut)\s+(?:được\s+|by\s+)?$")


@dataclass
class Frame:
    """A plan passage: the paragraph it opened in and its due year."""

    line: int
    year: int | None
    offset: int = -1  # the sentence that opened it, and where in it the plan begins
    at: int = 0


def governor(sentence: str, position: int, published: int | None = None
             ) -> re.Match[str] | None:
    """Return the target word governing a figure at position, if any."""
    last = None
    for m in GOVERNOR.finditer(sentence, 0, position):
        before, after = sentence[max(0, m.start() - 12):m.start()], sentence[m.end():position]
        counted = COUNTED.search(before) or MET_AFTER.match(after)
        if (counted and not LIST_AFTER.match(after)) or REFERENCE.search(before) or closed(after):
            continue
        last = m
    for m in DUE.finditer(sentence, 0, position):  # "theo đó đến năm 2025 tỷ lệ ... đạt 80%"
        if m.group(0)[:3].lower() != "vào" and (published is None or int(m.group(1)) >= published):
            last = m if last is None or m.start() > last.start() else last
    if last is None or ACHIEVED.search(sentence[last.end():position]):
        return None
    return last


def closed(after: str) -> bool:
    """Tell whether a parenthesis opened before a target word closes before the figure."""
    return after.count(")") > after.count("(")


def opens(sentence: str, published: int | None) -> int | None | bool:
    """Return the due year of a plan passage a sentence opens (True: no year), else False."""
    front = FRONT_DUE.match(sentence)
    if front:
        year = int(front.group(1))
        if published is None or year >= published:
            return year
    due = DUE.search(sentence)
    if due and GOVERNOR.search(sentence[:due.start()]) and not ACHIEVED.search(sentence):
        return int(due.group(1))
    return False


def opening(sentence: str) -> int:
    """Return where a sentence that opens a plan passage starts stating targets."""
    if FRONT_DUE.match(sentence):
        return 0
    due = DUE.search(sentence)
    word = GOVERNOR.search(sentence, 0, due.start()) if due else None
    return word.start() if word else 0


def in_frame(sentence: str, position: int, frame: Frame | None, line: int,
             offset: int = -1) -> bool:
    """Tell whether a figure stands in the plan passage of frame and reports no result; in
    the sentence that opens it, a figure before the target word is the achieved value
    ("Hiện đạt 95%; tỉnh phấn đấu đạt 100% vào năm 2025", "Currently 95% ...; aims to ...")."""
    return (frame is not None and frame.line == line
            and not (offset == frame.offset and position < frame.at)
            and not ACHIEVED.search(sentence[:position]))


def unmet(sentence: str, position: int) -> bool:
    """Tell whether a figure is a level named as not yet reached ("chưa đạt mức 10%")."""
    return bool(UNMET.search(sentence[max(0, position - 20):position]))


def signed(sentence: str, position: int, value: float) -> float:
    """Return a target negative when a decrease verb governs it ("giảm 30% thời gian")."""
    return -value if DECREASE.search(sentence[max(0, position - 20):position]) else value
