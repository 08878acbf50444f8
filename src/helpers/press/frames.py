"""Target frames: is a figure a target, an achieved value, or neither?

Two sources decide it (LABELING.md 3.4, 3.7, 3.10):

- the words that govern the figure in its sentence: a target word before it ("chỉ tiêu",
  "mục tiêu", "phấn đấu", "yêu cầu đạt", "target", "aims to", "will") with no sign of an
  achieved result in between ("đã", "ước", "hiện nay", "reached"); a counted noun ("11/15 chỉ
  tiêu") counts targets and governs nothing, unless it introduces a list ("2 chỉ tiêu ... là");
- the plan passage it stands in: a paragraph that opens with a due year ("Đến năm 2030, ...",
  "Trong đó, đến năm 2025, ...", "By 2026, ...") or with a goal sentence that names a due
  year states targets until the paragraph ends, unless a sentence reports a result; a heading
  that ends in ":" carries the passage over the list items under it (``continues``), and a
  sentence that details goals the one before announced opens one (``announces``,
  ``specifies``: "... several goals. Specifically, 97% of ...");
- its neighbours: a level marked as today's beside a target is its achieved value
  (``current``: "up from 22% at present", "tỷ lệ này đạt 41,2%"), and a copula right after
  a target word reports no result ("the target was 50%").
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
               r"\bprojected to\b", r"\bforecasts?\b", r"\bseeks? to\b", r"\bdetermined to\b",
               r"\benvisag\w*", r"\benvision\w*", r"\bcommit\w* to\b"),
    # words that govern the figure after them, but do not make a whole sentence a goal
    "figure": (r"(?<!up )(?<!due )(?<!according )(?<!compared )(?<!equal )(?<!close )"
               r"(?<!rose )(?<!increased )(?<!grew )(?<!fell )(?<!dropped )\bto (?:account for|"
               r"make up|reach|hit|achieve|exceed|surpass)\b",  # "Digital economy to account for"
               r"mục tiêu", r"chỉ tiêu", r"yêu cầu(?: đạt)?", r"\bcần (?:đưa|đạt)", r"đề xuất",
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
COUNTED = re.compile(r"(?i)(?:(?<![\d.,])\d{1,3}\s*(?:/\s*\d+\s*)?|\bmột\s+|\bcác\s+)$")
MET_AFTER = re.compile(r"(?i)^\s*(?:đã\s+)?(?:đạt|hoàn thành|vượt)\b(?!\s*(?:tối thiểu|từ|trên|ít)"
                       r"?\s*\d)")
#: A target word that is the object of a verb of meeting: "đã hoàn thành các chỉ tiêu đề ra:",
#: "has basically achieved the set targets: 100% of ..." (the figures after it are results).
MET_BEFORE = re.compile(r"(?i)(?<!để )(?<!nhằm )(?<!\bto )\b(?:achieved|met|completed|fulfilled|"
                        r"exceeded|surpassed|reached|hoàn thành|đạt|vượt)\s+"
                        r"(?:(?:the|all|its|their|most|các|những|toàn bộ|set|đề ra|basic|main|"
                        r"cơ bản)\s+)*$")
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
#: A copula right after a target word ("the target was 50%", "chỉ tiêu là 50%").
COPULA = re.compile(r"(?i)^\s*(?:(?:set|đặt ra|đề ra)\b\s*)?"
                    r"(?:(?:for|of|in|cho)\b[^,;.\d%]{0,20}?)?(?:was|were|is|are|là)\b")
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
    listing: bool = False  # its opening line ends with ":": the list under it states targets


def governor(sentence: str, position: int, published: int | None = None
             ) -> re.Match[str] | None:
    """Return the target word governing a figure at position, if any."""
    last = None
    for m in GOVERNOR.finditer(sentence, 0, position):
        before, after = sentence[max(0, m.start() - 12):m.start()], sentence[m.end():position]
        counted = COUNTED.search(before) or MET_AFTER.match(after)
        if (counted and not LIST_AFTER.match(after)) or REFERENCE.search(before) or closed(after) \
                or MET_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]):
            continue
        last = m
    for m in DUE.finditer(sentence, 0, position):  # "theo đó đến năm 2025 tỷ lệ ... đạt 80%"
        if m.group(0)[:3].lower() != "vào" and (published is None or int(m.group(1)) >= published):
            last = m if last is None or m.start() > last.start() else last
    between = COPULA.sub("", sentence[last.end():position], count=1) if last else ""
    if last is None or ACHIEVED.search(between):
        return None  # "the target was 50%": the copula of the target word is no result
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
    if heading(sentence) and GOVERNOR.search(sentence) and not ACHIEVED.search(sentence):
        return True  # "Các chỉ tiêu cụ thể:", "The main targets are as follows:"
    return False


#: A line that announces the list under it: it ends with ":" (rule 5.7, "a heading or label
#: ending in ':' that the figure is listed under").
HEADING_END = re.compile(r":\s*$")
#: A line that is an item of a list: a bullet, a letter or number label ("a)", "1.", "2/").
LIST_ITEM = re.compile(r"^\s*(?:[-–—•+*▪●○◦]|[a-zđ]\)|\d{1,2}\s*[.)/]\s|(?:first|second|third|"
                       r"fourth|fifth)(?:ly)?\b|finally\b|lastly\b|thứ (?:nhất|hai|ba|tư|năm)\b|"
                       r"(?:một|hai|ba|bốn|năm) là\b)", re.I)
#: A line that ends as a list item does when more items follow (";", ",", "và", "and").
ITEM_END = re.compile(r"(?:[;,]|\b(?:và|and))\s*$", re.I)


#: A sentence that ends by announcing goals: "The plan sets out several goals.", "Kế hoạch đề
#: ra nhiều mục tiêu cụ thể."
ANNOUNCES = re.compile(r"(?i)\b(?:goals|targets|objectives|mục tiêu|chỉ tiêu)"
                       r"(?:\s+(?:cụ thể|chủ yếu|quan trọng|as follows|below|for \w+))?"
                       r"\s*[.:]?\s*$")
#: The opening of a sentence that details what the sentence before announced.
SPECIFIER = re.compile(r"(?i)^\W*(?:specifically|in particular|in detail|namely|accordingly|"
                       r"cụ thể|theo đó)\b")


def announces(sentence: str) -> bool:
    """Tell whether a sentence ends by announcing goals that the next one details."""
    return bool(ANNOUNCES.search(sentence)) and not ACHIEVED.search(sentence)


def specifies(sentence: str, announced: bool) -> bool:
    """Tell whether a sentence details the goals the sentence before it announced."""
    return announced and bool(SPECIFIER.match(sentence)) and not ACHIEVED.search(sentence)


def heading(sentence: str) -> bool:
    """Tell whether a sentence ends as a heading that introduces a list ("... will have:")."""
    return bool(HEADING_END.search(sentence))


def continues(frame: Frame | None, line: int, previous: str, following: str) -> bool:
    """Tell whether a plan passage open in the line that ended with previous goes on into the
    next line, which starts with following: the items listed under a heading that opened a plan
    ("Mục tiêu đến năm 2025:" / "By 2025, the province will have:" then "- 100% ...;")."""
    if frame is None or frame.line != line or not frame.listing:
        return False
    return bool(heading(previous) or LIST_ITEM.match(following)
                or previous.rstrip().endswith(";")
                or (ITEM_END.search(previous) and not following[:1].isupper()))


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


#: Words that mark a figure as today's level, before it ("currently", "hiện đạt", "up from")
#: or after it ("22% at present", "22% hiện nay").
CURRENT_BEFORE = re.compile(r"(?i)(?:\b(?:current(?:ly)?|now|so far|to date|at present|hiện nay|"
                            r"hiện tại|hiện đạt|hiện mới|đến nay)\b[^.;%\d]{0,30}|"
                            r"\b(?:up|rising|increas\w*|grow\w*|tăng)\s+from\s+(?:the\s+)?"
                            r"(?:current\s+|present\s+)?(?:level of\s+|rate of\s+)?|"
                            r",\s*from\s+(?:the\s+)?(?:level of\s+|rate of\s+)?|"
                            r"\btăng từ\s+(?:mức\s+)?|"
                            # "the target of 80% ..., the province has reached 76%"
                            r"\b(?:has|have|had)\s+(?:now\s+)?(?:reached|achieved|attained|hit|"
                            r"recorded)\s+(?:about\s+|over\s+|nearly\s+)?|\bđã đạt\s+(?:được\s+)?|"
                            r"\b(?:achieved|reached|met|exceeded),?\s+(?:at|with)\s+|"
                            # "...; đến hết tháng 5, tỷ lệ này đạt 41,2%", "this rate was 41.2%"
                            r"\b(?:tỷ lệ này|con số này|this (?:rate|figure|share)|the rate)\s+"
                            r"(?:(?:hiện|mới|chỉ|now|only)\s+)?(?:đạt|là|reached|was|is|stood at|"
                            r"hit)\s+(?:(?:khoảng|about|nearly|gần)\s+)?)$")
CURRENT_AFTER = re.compile(r"(?i)\s*(?:of [\w\s]{0,30}?)?\s*(?:at present|currently|now|today|"
                           r"hiện nay|hiện tại|at the moment)\b")


def current(sentence: str, start: int, end: int) -> bool:
    """Tell whether the figure at sentence[start:end] is marked as today's level (an achieved
    value beside a target: "target of 50% by 2025, up from 22% at present")."""
    return bool(CURRENT_BEFORE.search(sentence[max(0, start - 45):start])
                or CURRENT_AFTER.match(sentence, end))


def signed(sentence: str, position: int, value: float) -> float:
    """Return a target negative when a decrease verb governs it ("giảm 30% thời gian")."""
    return -value if DECREASE.search(sentence[max(0, position - 20):position]) else value
