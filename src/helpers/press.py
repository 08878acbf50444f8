"""Facts from provincial press articles: DTI ranks, targets, progress and indicators.

Each fact keeps its provenance: the article, the character span of the figure in the cleaned
text, and the sentence. The rules are patterns over Vietnamese (and some English) phrasing,
applied in order; a figure claimed by one rule (a rank's "/63", a target's "95%") is not read
again by a later one:

1. ``dti_rank``, ``pillar_rank``, ``other_index_rank``: "đứng/xếp (hạng) thứ 7/63", "dẫn đầu",
   "ranked 11th out of 63". What is ranked is the nearest index named before the rank in the
   same clause, or right after it ("xếp thứ 8 về chỉ số ..."): a pillar, the DTI, or another
   named index. A rank with no index named is not a fact.
2. ``rank_change``: "tăng 5 bậc", "giảm 2 hạng", "climbed two spots".
3. ``rank_target``: "phấn đấu ... nhóm 15 tỉnh ... dẫn đầu", "top 10 by 2025".
4. ``target_attainment``: "đạt 97%/95%", "đạt 82% (kế hoạch 80%)", "đạt X%, trong khi mục tiêu
   đề ra là Y%"; ``target_count``: "24 mục tiêu ... 7 mục tiêu hoàn thành", "13/17 chỉ tiêu".
5. ``fraction``: "1.380/1.961 DVC", "08/08 huyện" (not dates, document numbers or ranks).
6. ``indicator``: a number with a unit (% or a counted noun) in a sentence about digital
   transformation; not years, durations, dates, document numbers, counts of administrative
   units or of categories, area, parts of a breakdown already totalled, or "100%" coverage
   statements (kept only as an achievement: "đạt/hoàn thành 100%").

Year: the nearest "năm YYYY" before the figure in its sentence (else after it); for figures
that are not ranks, else the article's publication year (``year_basis`` says which). Province:
the manifest's, unless the sentence names another province before the figure.
"""

from __future__ import annotations

import bisect
import csv
import html
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from . import config, provinces
from .vntext import fold, nfc, parse_number

FACT_TYPES = (
    "dti_rank", "pillar_rank", "other_index_rank", "rank_change", "rank_target",
    "target_attainment", "target_count", "fraction", "indicator",
)
PILLAR_WORDS = {
    "chinh_quyen_so": ("chính quyền số", "cqs", "digital government"),
    "kinh_te_so": ("kinh tế số", "kts", "digital economy"),
    "xa_hoi_so": ("xã hội số", "xhs", "digital society"),
}
DTI_WORDS = ("dti", "chuyển đổi số", "digital transformation")
#: Words that make a sentence one about digital transformation (lower-case, with diacritics).
DIGITAL_WORDS = (
    "chuyển đổi số", "công nghệ", "điện tử", "trực tuyến", "internet", "thuê bao", "ký số",
    "chữ ký số", "chứng thư số", "phản ánh", "dịch vụ công", "dvc", "camera", "sàn", "tài khoản",
    "ứng dụng", "hồ sơ", "văn bản", "thanh toán", "smartphone", "điện thoại", "mạng",
    "số hóa", "dữ liệu", "phần mềm", "nền tảng", "kết nối", "điểm cầu", "cntt", "viễn thông",
    "kỹ năng số", "kinh tế số", "xã hội số", "chính quyền số", "công dân số", "digital",
    "online", "e-commerce",
)
#: Nouns after a number that make it no indicator: time, administrative units, categories, area.
NOT_INDICATOR_UNITS = (
    "năm", "tháng", "ngày", "giờ", "phút", "quý", "tuần", "lần", "giai đoạn", "huyện", "xã",
    "tỉnh", "thôn", "phường", "thị trấn", "thị xã", "thành phố", "cấp", "trụ cột", "lĩnh vực",
    "nhóm", "chỉ số", "bậc", "hạng", "mức độ", "m2", "m²", "ha", "km", "km2", "tiêu chí",
)
#: Words right before a number that make it a name or a document number, not a quantity.
NAME_WORDS = ("nghị quyết", "quyết định", "đề án", "kế hoạch", "chỉ thị", "thông tư", "tổng đài",
              "mức độ", "lần thứ", "covid", "giai đoạn", "khóa", "nghị định", "công văn")
#: Words that cannot start a unit ("4 trên Cổng" is no quantity of "trên").
NOT_UNIT_WORDS = ("trên", "dưới", "của", "và", "với", "cho", "tại", "từ", "đến", "trong", "là",
                  "thuộc", "theo", "về", "ở", "so", "được", "đã", "có")
ACHIEVED = ("đạt", "hoàn thành", "vượt")

_BARE = r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
#: A number standing alone (not inside a date, code or longer number) ...
_NUM = rf"(?<![\w/.,]){_BARE}(?![\w/]|[.,]\d)"
#: ... the number before a slash ...
_NUMER = rf"(?<![\w/.,]){_BARE}(?=\s*/)"
#: ... and the number after a slash ("1.380/1.961", "97%/95%").
_DEN = rf"{_BARE}(?![\w/]|[.,]\d)"
_QUAL = r"(?:(gần như|xấp xỉ|khoảng|gần|hơn|trên|dưới|chưa đến)\s+)?"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "nhất": 1, "nhì": 2, "hai": 2,
             "ba": 3, "tư": 4, "năm": 5}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "một": 1, "hai": 2, "ba": 3, "bốn": 4}


class ArticleError(ValueError):
    """An article that cannot be read; the message names the article and the fix."""


@dataclass
class Article:
    """A cleaned article with its manifest row."""

    article_id: str
    province: str
    published: str
    source: str
    text: str

    @property
    def year(self) -> int | None:
        """Return the publication year from the manifest, if known."""
        match = re.match(r"(20\d\d)", self.published or "")
        return int(match.group(1)) if match else None


@dataclass
class Fact:
    """One figure read from an article, with where it was read."""

    article_id: str
    province: str
    year: int | None
    year_basis: str
    fact_type: str
    pillar: str
    indicator_text: str
    value: float
    target: float | None
    unit: str
    denominator: float | None
    qualifier: str
    start: int
    end: int
    sentence: str = field(repr=False)


# -- text ------------------------------------------------------------------------------------
def clean_text(data: bytes | str, name: str = "article") -> str:
    """Decode (UTF-8 only), unescape HTML, drop tags, normalize Unicode and spacing."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ArticleError(
                f"{name}: not UTF-8 (byte {error.start}); re-save it as UTF-8") from error
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", data)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n", text)
    text = re.sub(r"<[^>\n]{0,500}>", " ", text)
    text = nfc(html.unescape(text)).replace("\u00a0", " ").replace("\u200b", "")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r" ?\n ?", "\n", text).strip()


#: Longest span read as one sentence; longer runs (a page on one line) are cut at spaces.
MAX_SENTENCE = 1500


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences of a text."""
    spans, start = [], 0
    for match in re.finditer(r"(?:[.!?…]+(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+)", text):
        spans.extend(_cut(text, start, match.end()))
        start = match.end()
    spans.extend(_cut(text, start, len(text)))
    return spans


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long span at spaces into pieces of at most MAX_SENTENCE characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _clause_start(sentence: str, position: int) -> int:
    """Return where the clause holding position starts (after ; : ( or the sentence start)."""
    cut = max(sentence.rfind(ch, 0, position) for ch in ";:(")
    return cut + 1 if cut >= 0 else 0


def _number(text: str) -> float:
    """Parse a Vietnamese number ("1.380", "56,83", "1119")."""
    return parse_number(text, ",")


# -- year and province -----------------------------------------------------------------------
def _year(sentence: str, position: int) -> int | None:
    """Return the year a sentence attaches to the figure at position."""
    before = list(re.finditer(r"(?i)\bnăm\s+(20\d\d)\b|\bin\s+(20\d\d)\b|\b(20\d\d)\b(?= DTI)",
                              sentence[:position]))
    if before:
        match = before[-1]
        return int(next(g for g in match.groups() if g))
    after = re.search(r"(?i)\bnăm\s+(20\d\d)\b", sentence[position:])
    return int(after.group(1)) if after else None


@cache
def _province_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Return one pattern matching any province's Vietnamese name, and name-to-code."""
    table = provinces.provinces()
    codes = dict(zip(table["name_vi"], table["code"], strict=True))
    names = sorted(codes, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return pattern, codes


def province_mentions(sentence: str) -> list[tuple[int, str]]:
    """Return (position, GSO code) for each province named in a sentence as a province."""
    pattern, codes = _province_pattern()
    return [(m.start(), codes[m.group(1)]) for m in pattern.finditer(sentence)
            if not _inside_place_name(sentence, m.start())]


def _inside_place_name(sentence: str, start: int) -> bool:
    """Tell whether a province name is part of a city, company or office name ("thành phố X")."""
    before = sentence[max(0, start - 25):start].lower()
    return bool(re.search(r"(thành phố|thị xã|công ty|điện lực|sở|bưu điện)[\w\s&]*$", before))


# -- the extractor ---------------------------------------------------------------------------
class _Extractor:
    """Runs the rules over one article, remembering which characters are already claimed."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.facts: list[Fact] = []
        self.claimed: list[tuple[int, int]] = []
        self.home = provinces.display_name(provinces.resolve(article.province))
        self._mentions: dict[int, list[tuple[int, str]]] = {}
        self.years = [(m.start(), int(m.group(1)))
                      for m in re.finditer(r"(?i)\bnăm\s+(20\d\d)\b", self.text)]

    def is_claimed(self, start: int, end: int) -> bool:
        """Tell whether a span overlaps a figure already read in the current sentence."""
        return any(s < end and start < e for s, e in self.claimed)

    def claim(self, start: int, end: int) -> None:
        """Mark a span as read."""
        self.claimed.append((start, end))

    def mentions(self, offset: int, sentence: str) -> list[tuple[int, str]]:
        """Return the provinces a sentence names (computed once per sentence)."""
        if offset not in self._mentions:
            self._mentions[offset] = province_mentions(sentence)
        return self._mentions[offset]

    def year_before(self, position: int) -> int | None:
        """Return the last "năm YYYY" named before a position in the article."""
        index = bisect.bisect_left(self.years, (position, 0))
        return self.years[index - 1][1] if index else None

    def add(self, offset: int, sentence: str, start: int, end: int, fact_type: str, value: float,
            *, pillar: str = "", text: str = "", target: float | None = None, unit: str = "",
            denominator: float | None = None, qualifier: str = "", year: int | None = None,
            province: str | None = None) -> None:
        """Record one fact found at sentence[start:end]."""
        rank_like = fact_type in ("dti_rank", "pillar_rank", "other_index_rank", "rank_change")
        found_year = year if year is not None else _year(sentence, start)
        basis = "stated" if found_year is not None else ""
        if found_year is None and not rank_like:
            found_year = self.year_before(offset)
            basis = "context" if found_year is not None else ""
        if found_year is None and not rank_like and self.article.year:
            found_year, basis = self.article.year, "published"
        if province is None:
            named = [code for at, code in self.mentions(offset, sentence) if at < start]
            province = provinces.display_name(named[-1]) if named else self.home
        self.facts.append(Fact(
            self.article.article_id, province, found_year, basis,
            fact_type, pillar, re.sub(r"\s+", " ", text).strip(" ,.;:"), value, target, unit,
            denominator, qualifier or "", offset + start, offset + end, sentence.strip()))
        self.claim(offset + start, offset + end)

    def run(self) -> list[Fact]:
        """Apply every rule to every sentence, in the documented order."""
        spans = sentences(self.text)
        rules = [self.ranks, self.rank_changes, self.rank_targets, self.attainments,
                 self.target_counts, self.fractions, self.indicators]
        for start, end in spans:
            self.claimed = []
            for rule in rules:
                rule(start, self.text[start:end])
        return _dedupe(sorted(self.facts, key=lambda f: f.start))

    # 1. ranks ---------------------------------------------------------------------------
    _RANK = re.compile(
        r"(?i)(?:(?:đứng|xếp|xếp hạng|giữ|giữ vị trí|vị trí|hạng|ở vị trí)\s+)?"
        r"(?<!lần )thứ\s+(\d{1,2})(?:\s*/\s*(\d{2}))?"
        r"|(?:đứng|xếp hạng|xếp)\s+(\d{1,2})\s*/\s*(\d{2})"
        r"|\b(dẫn đầu|đứng đầu)\b"
        r"|ranked\s+(?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|"
        r"eighth|ninth|tenth))(?:\s+(?:out\s+)?of\s+(\d{2}))?"
        r"|came\s+(?:in\s+)?(first|second|third|fourth|fifth)"
    )

    def ranks(self, offset: int, sentence: str) -> None:
        """Read ranks and decide what each ranks (DTI, a pillar or another index)."""
        found = []
        for match in self._RANK.finditer(sentence):
            if self.is_claimed(offset + match.start(), offset + match.end()):
                continue
            groups = match.groups()
            if groups[4]:  # dẫn đầu / đứng đầu: rank 1 only when an index is the subject
                rank, of = 1, None
            elif groups[0]:
                rank, of = int(groups[0]), groups[1]
            elif groups[2]:
                rank, of = int(groups[2]), groups[3]
            elif groups[5] or groups[6]:
                rank = int(groups[5]) if groups[5] else _ORDINALS[groups[6].lower()]
                of = groups[7]
            else:
                rank, of = _ORDINALS[groups[8].lower()], None
            if groups[4]:  # "dẫn đầu" is a rank only as "dẫn đầu (cả nước) về <index>"
                before = sentence[max(0, match.start() - 12):match.start()].lower()
                topic = self._topic_after(sentence, match.end())
                if topic is None or "nhóm" in before:
                    continue
            else:
                topic = self._rank_topic(sentence, match.start(), match.end())
            if topic is None:
                continue
            found.append((match, rank, int(of) if of else None, topic))
        denominators = {of for *_, of, _ in found if of}
        default_of = denominators.pop() if len(denominators) == 1 else None
        for match, rank, of, (fact_type, pillar, text) in found:
            if self._rank_list(offset, sentence, match, rank, of, fact_type, pillar, text):
                continue
            if of is None:
                after = re.match(r"\s*(?:trên|trong|/|out of|of)\s*(\d{2})\b",
                                 sentence[match.end():])
                of = int(after.group(1)) if after else default_of
                if fact_type == "other_index_rank" and after is None:
                    of = None
                if fact_type == "pillar_rank" and of is None:
                    tail = re.search(r"trên\s+(\d{2})\s+tỉnh", sentence[match.end():])
                    of = int(tail.group(1)) if tail else None
            self.add(offset, sentence, match.start(), match.end(), fact_type, float(rank),
                     pillar=pillar, text=text, unit="rank",
                     denominator=float(of) if of else None)

    def _rank_list(self, offset: int, sentence: str, match: re.Match[str], rank: int,
                   of: int | None, fact_type: str, pillar: str, text: str) -> bool:
        """Read "A, B, C giữ vị trí thứ 5, 6, 7" as one rank per province named; tell if done."""
        tail = re.match(r"((?:\s*(?:,|và)\s*\d{1,2})+)", sentence[match.end():])
        if not tail:
            return False
        ranks = [rank, *(int(n) for n in re.findall(r"\d{1,2}", tail.group(1)))]
        named = [code for at, code in self.mentions(offset, sentence) if at < match.start()]
        if len(named) != len(ranks):
            return False
        end = match.end() + tail.end()
        for code, value in zip(named, ranks, strict=True):
            self.add(offset, sentence, match.start(), end, fact_type, float(value), pillar=pillar,
                     text=text, unit="rank", denominator=float(of) if of else None,
                     province=provinces.display_name(code))
        return True

    def _topic_after(self, sentence: str, end: int) -> tuple[str, str, str] | None:
        """Return the index named right after a rank ("... về chỉ số X"), if any."""
        after = re.match(r"\s*(?:/\s*\d+\s*)?(?:tỉnh, thành phố\s*)?(?:cả nước\s*|toàn quốc\s*)?"
                         r"về\s+(.{3,90}?)(?=[.;,(]|$)", sentence[end:])
        return self._classify(after.group(1)) if after else None

    def _rank_topic(self, sentence: str, start: int, end: int) -> tuple[str, str, str] | None:
        """Return (fact type, pillar, index name) for the index a rank refers to, or None.

        The index named right after the rank wins; else the last one named before it in its
        clause; else, when the clause follows a colon, the last one in the clause before it.
        """
        topic = self._topic_after(sentence, end)
        if topic:
            return topic
        cut = _clause_start(sentence, start)
        topic = self._classify(sentence[cut:start], last=True)
        if topic is None and cut > 0 and sentence[cut - 1] == ":":
            topic = self._classify(sentence[_clause_start(sentence, cut - 1):cut - 1], last=True)
        return topic

    @staticmethod
    def _classify(text: str, last: bool = False) -> tuple[str, str, str] | None:
        """Classify the index named in a text: the last one named when last is True."""
        low = text.lower()
        hits: list[tuple[int, tuple[str, str, str]]] = []
        for pillar, words in PILLAR_WORDS.items():
            for word in words:
                for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", low):
                    if word == "chính quyền số" and low[max(0, m.start() - 8):m.start()].endswith(
                            "động "):
                        continue  # "hoạt động chính quyền số" is a main index, not the pillar
                    hits.append((m.start(), ("pillar_rank", pillar, text[m.start():m.end()])))
        for m in re.finditer(r"chỉ số\s+(?!xếp hạng|chuyển đổi số|đánh giá)([^,;()]{3,90})", low):
            name = text[m.start():m.start() + len(m.group(0))].strip()
            if not any(w in fold(name) for w in ("dti", "chuyen doi so")):
                hits.append((m.start(), ("other_index_rank", "", name)))
        for word in DTI_WORDS:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", low):
                hits.append((m.start() - 1, ("dti_rank", "overall", text[m.start():m.end()])))
        if not hits:
            return None
        hits.sort(key=lambda h: h[0])
        return hits[-1][1] if last else hits[0][1]

    # 2. rank changes ------------------------------------------------------------------------
    _CHANGE = re.compile(
        r"(?i)\b(tăng|giảm|tụt|vươn lên|climbed|rose|fell|dropped|up|down)\s+"
        r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|một|hai|ba|bốn)\s+"
        r"(bậc|hạng|spots?|places?|ranks?|positions?)")

    def rank_changes(self, offset: int, sentence: str) -> None:
        """Read "tăng/giảm N bậc" and English equivalents as signed rank changes."""
        for match in self._CHANGE.finditer(sentence):
            word, amount = match.group(1).lower(), match.group(2).lower()
            steps = int(amount) if amount.isdigit() else _WORD_NUMBERS[amount]
            sign = -1 if word in ("giảm", "tụt", "fell", "dropped", "down") else 1
            topic = self._classify(sentence[:match.start()], last=True) or ("", "overall", "")
            pillar = topic[1] if topic[0] == "pillar_rank" else "overall"
            self.add(offset, sentence, match.start(), match.end(), "rank_change",
                     float(sign * steps), pillar=pillar, text=match.group(0), unit="rank")

    # 3. rank targets ------------------------------------------------------------------------
    _TARGET_RANK = re.compile(
        r"(?i)(?:nhóm|top)\s+(\d{1,2})\s+(?:tỉnh|địa phương)[^.;()]{0,40}?(?:dẫn đầu|đứng đầu)"
        r"|top\s+(\d{1,2})\b[^.;]{0,40}?\bby\s+(20\d\d)")

    def rank_targets(self, offset: int, sentence: str) -> None:
        """Read goals such as "phấn đấu đến năm 2025 ... nhóm 15 tỉnh dẫn đầu"."""
        low = sentence.lower()
        for match in self._TARGET_RANK.finditer(sentence):
            goal = re.search(r"(phấn đấu|mục tiêu|đến năm|aim|target|goal|by 20\d\d)",
                             low[max(0, match.start() - 200):match.end()])
            if not goal:
                continue
            years = re.findall(r"đến năm\s+(20\d\d)", low[:match.end()]) or re.findall(
                r"by\s+(20\d\d)", low[match.start():])[:1]
            year = int(years[-1]) if years else None
            number = int(match.group(1) or match.group(2))
            clause = sentence[_clause_start(sentence, match.start()):match.end()]
            subject = re.split(r"(?i)tỉnh [\w ]+ có ", clause)[-1]
            self.add(offset, sentence, match.start(), match.end(), "rank_target", float(number),
                     pillar="overall", text=subject, unit="rank", denominator=63.0, year=year)

    # 4. targets -----------------------------------------------------------------------------
    _SLASH_PCT = re.compile(rf"{_NUM}\s*%\s*/\s*{_DEN}\s*%")
    _PLAN = re.compile(rf"(?i)đạt\s+{_NUM}\s*%\s*\((?:kế hoạch|kh|mục tiêu|chỉ tiêu)[^)%]*?"
                       rf"{_NUM}\s*%\)")
    _WHILE = re.compile(rf"(?i)đạt\s+{_NUM}\s*%,?\s+(?:trong khi|so với)\s+(?:mục tiêu|kế hoạch|"
                        rf"chỉ tiêu)(?:\s+đề ra)?(?:\s+là)?\s+{_NUM}\s*%")

    def attainments(self, offset: int, sentence: str) -> None:
        """Read achieved-against-target figures ("đạt 97%/95%", "đạt 82% (kế hoạch 80%)")."""
        for pattern in (self._SLASH_PCT, self._PLAN, self._WHILE):
            for match in pattern.finditer(sentence):
                if self.is_claimed(offset + match.start(), offset + match.end()):
                    continue
                subject = sentence[_subject_start(sentence, match.start()):match.start()]
                subject = re.sub(r"(?i)\s*(đạt|là)\s*$", "", subject)
                self.add(offset, sentence, match.start(), match.end(), "target_attainment",
                         _number(match.group(1)), target=_number(match.group(2)), unit="%",
                         text=subject)

    _COUNT = re.compile(rf"(?i)(?:{_NUMER}\s*/\s*{_DEN}|{_NUM})\s+(mục tiêu|chỉ tiêu)\b")

    def target_counts(self, offset: int, sentence: str) -> None:
        """Read counts of targets ("24 mục tiêu", "7 mục tiêu hoàn thành", "13/17 chỉ tiêu")."""
        total = None
        for match in self._COUNT.finditer(sentence):
            if self.is_claimed(offset + match.start(), offset + match.end()):
                continue
            fraction = match.group(1) is not None
            value = _number(match.group(1) if fraction else match.group(3))
            denominator = _number(match.group(2)) if fraction else total
            end = _clause_end_at_comma_or_semicolon(sentence, match.end())
            subject = match.group(4) + sentence[match.end():end]
            before = sentence[max(0, match.start() - 30):match.start()].lower()
            if total is None and denominator is None and re.search(r"(đưa ra|đề ra|có|gồm|với)"
                                                                    r"\s*$", before):
                total = value
            self.add(offset, sentence, match.start(), match.end(), "target_count", value,
                     text=subject, unit="count", denominator=denominator)
            self.claim(offset + match.start(), offset + end)

    # 5. fractions ---------------------------------------------------------------------------
    _FRACTION = re.compile(rf"{_NUMER}\s*/\s*{_DEN}\s+([^\W\d][\w]*)")

    def fractions(self, offset: int, sentence: str) -> None:
        """Read "N/M <noun>" counts (not dates, ranks or document numbers)."""
        for match in self._FRACTION.finditer(sentence):
            if self.is_claimed(offset + match.start(), offset + match.end()):
                continue
            before = sentence[max(0, match.start() - 12):match.start()].lower()
            if re.search(r"(ngày|chiều|sáng|tối|trưa|hôm|thứ|hạng|số)\s*$", before):
                continue
            value, denominator = _number(match.group(1)), _number(match.group(2))
            if value > denominator:
                continue
            end = _clause_end_at_comma_or_semicolon(sentence, match.end(), extra_words=12)
            subject = sentence[match.end() - len(match.group(3)):end]
            unit = "count"
            self.add(offset, sentence, match.start(), match.end(), "fraction", value,
                     text=subject, unit=unit, denominator=denominator)

    # 6. indicators --------------------------------------------------------------------------
    _QUANTITY = re.compile(
        rf"(?i){_QUAL}{_NUM}(?:\s*(?:-|–|đến)\s*{_NUM})?\s*(triệu|tỷ|nghìn|ngàn)?\s*"
        r"(%|[^\W\d][\w]*(?:\s+[^\W\d][\w]*)?)?")

    def indicators(self, offset: int, sentence: str) -> None:
        """Read numbers with a unit in sentences about digital transformation."""
        low = sentence.lower()
        if not any(word in low for word in DIGITAL_WORDS) or _is_metadata(sentence):
            return
        totals: set[str] = set()
        for match in self._QUANTITY.finditer(sentence):
            start, end = match.start(2) if match.group(1) else match.start(2), match.end()
            start = match.start()
            if self.is_claimed(offset + match.start(2), offset + match.end(2)):
                continue
            unit_words = (match.group(5) or "").strip()
            if not unit_words or _not_a_quantity(sentence, match, unit_words):
                continue
            value = _number(match.group(2)) * _scale(match.group(4))
            if match.group(3):  # a range: keep the lower bound and say so
                qualifier = f"{match.group(1) or ''} range {match.group(2)}-{match.group(3)}"
            else:
                qualifier = (match.group(1) or "").lower()
            is_pct = unit_words.startswith("%")
            unit_noun = unit_words.split()[0].lower()
            if is_pct and value == 100 and not re.search(
                    r"(đạt|hoàn thành|vượt)(\s+\S+){0,2}\s*$", low[:match.start(2)]):
                continue
            if not is_pct and _is_breakdown(sentence, match, unit_noun, totals):
                continue
            if not is_pct and re.search(r"tổng số\s*$", low[:match.start(2)]):
                totals.add(unit_noun)
            subject = _indicator_subject(sentence, match.start(), match.end(), is_pct)
            unit = "%" if is_pct else _unit_label(unit_words, match.group(4))
            self.add(offset, sentence, start, end, "indicator", value, text=subject, unit=unit,
                     qualifier=qualifier)


def _scale(word: str | None) -> float:
    """Return the multiplier of triệu/tỷ/nghìn."""
    return {"triệu": 1e6, "tỷ": 1e9, "nghìn": 1e3, "ngàn": 1e3}.get((word or "").lower(), 1.0)


def _unit_label(unit_words: str, multiplier: str | None) -> str:
    """Return a unit: count for counted nouns, or the measure word (tấn, đồng)."""
    first = unit_words.split()[0].lower()
    if first in ("tấn", "kg", "đồng", "usd", "gb", "mbps"):
        return f"{multiplier or ''} {first}".strip()
    return "count"


def _is_metadata(sentence: str) -> bool:
    """Tell whether a line is page furniture (visit counters, view counts)."""
    low = sentence.lower()
    return bool(re.search(r"(online|visited|lượt xem|truy cập|views)\s*:?", low)) and len(low) < 80


def _not_a_quantity(sentence: str, match: re.Match[str], unit_words: str) -> bool:
    """Tell whether a number is a year, date, name, document number or a non-indicator unit."""
    number = match.group(2)
    before = sentence[max(0, match.start(2) - 20):match.start(2)].lower()
    after = sentence[match.end(2):match.end(2) + 2]
    if re.fullmatch(r"(19|20)\d\d", number) or after.startswith((":", "/", "-")) or \
            before.endswith(("/", "-", ":")):
        return True
    names = "|".join(re.escape(w) for w in NAME_WORDS)
    if re.search(rf"({names})(\s+số)?\s*(\d+\s*[,-]\s*)*$", before.rstrip()) or \
            re.search(r"(?<!tổng )(?<!\w)số\s*$", before) or re.search(r"\bnhư\s*$", before):
        return True
    if unit_words.startswith("%"):
        return False
    if unit_words.split()[0].lower() in NOT_UNIT_WORDS:
        return True
    low_unit = unit_words.lower()
    if any(low_unit == w or low_unit.startswith(w + " ") for w in NOT_INDICATOR_UNITS):
        return not low_unit.startswith("điểm cầu")
    if low_unit.split()[0] in ("điểm",) and not low_unit.startswith("điểm cầu"):
        return True
    return not unit_words[0].isalpha()


def _is_breakdown(sentence: str, match: re.Match[str], unit_noun: str, totals: set[str]) -> bool:
    """Tell whether a count is a part of a total already given ("cấp huyện: 183")."""
    before = sentence[max(0, match.start() - 25):match.start()]
    if re.search(r"\w+\s*:\s*$", before) and "(" in sentence[:match.start()]:
        return True
    return unit_noun in totals


def _subject_start(sentence: str, position: int) -> int:
    """Return where an indicator's subject starts: after the last ; : ( or "như" before it."""
    cut = max(sentence.rfind(ch, 0, position) for ch in ";:(")
    return cut + 1 if cut >= 0 else 0


def _clause_end_at_comma_or_semicolon(sentence: str, position: int, extra_words: int = 10) -> int:
    """Return the end of the phrase after position: the next , ; ( ) . or n words."""
    rest = sentence[position:]
    stop = re.search(r"[,;()]|\.(?:\s|$)", rest)
    limit = stop.start() if stop else len(rest)
    words = list(re.finditer(r"\S+", rest[:limit]))
    if len(words) > extra_words:
        limit = words[extra_words - 1].end()
    return position + limit


def _indicator_subject(sentence: str, start: int, end: int, is_pct: bool) -> str:
    """Return the phrase an indicator measures: words before it and the noun phrase after."""
    cut = _subject_start(sentence, start)
    before = sentence[cut:start]
    if not before.strip() and cut > 0 and sentence[cut - 1] == "(":
        before = " ".join(sentence[:cut - 1].split()[-8:])
    before = re.split(r",\s*(?=[^,]*$)", before)[-1] if before.count(",") and not is_pct else before
    before = re.sub(r"(?i)\b(đạt|là|được|đã|có|với|cho|đến|hiện)\s*$", "", before.strip())
    after = sentence[end:_clause_end_at_comma_or_semicolon(sentence, end, extra_words=8)]
    words_before = " ".join(before.split()[-10:])
    noun = "" if is_pct else sentence[start:end].split(None, 1)[-1]
    text = f"{words_before} {noun} {after}".strip()
    return re.sub(r"\d[\d.,]*\s*(%|triệu|tỷ)?", "", text).strip(" ,.")


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """Drop a fact stated again in the same article (same type, figures and subject)."""
    kept: list[Fact] = []
    by_figures: dict[tuple, list[Fact]] = defaultdict(list)
    needed = {"indicator": 0.5, "fraction": 0.3}
    for fact in facts:
        key = (fact.fact_type, fact.value, fact.target, fact.denominator, fact.pillar)
        threshold = needed.get(fact.fact_type)
        same = by_figures[key]
        if any(threshold is None or _overlap(k.indicator_text, fact.indicator_text) >= threshold
               for k in same):
            continue
        same.append(fact)
        kept.append(fact)
    return kept


# -- reading a folder --------------------------------------------------------------------------
STOPWORDS = {"cua", "va", "cac", "nhung", "trong", "tren", "duoc", "da", "co", "la", "cho", "voi",
             "den", "nay", "the", "of", "and", "tai", "theo", "tu", "mot", "so"}


def _tokens(text: str) -> set[str]:
    """Return the folded content words of a phrase."""
    return {t for t in re.findall(r"[a-z0-9]+", fold(text or "")) if t not in STOPWORDS}


def _overlap(a: str, b: str) -> float:
    """Return the share of b's content words that a also has (0 when b has none)."""
    tb = _tokens(b)
    return len(_tokens(a) & tb) / len(tb) if tb else 0.0


def read_manifest(folder: Path) -> pd.DataFrame:
    """Read DIR/manifest.csv (file, province, published, source)."""
    path = Path(folder) / "manifest.csv"
    if not path.exists():
        raise ArticleError(f"{path}: no manifest.csv; list each article (file, province, date)")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"file", "province"} - set(frame.columns)
    if missing:
        raise ArticleError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    return frame


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """Read every article in a manifest; return the articles and one message per failure."""
    folder = Path(folder)
    articles, errors = [], []
    for row in read_manifest(folder).itertuples(index=False):
        name = row.file
        try:
            provinces.resolve(row.province)
            path = folder / name
            if not path.exists():
                raise ArticleError(f"{name}: listed in the manifest but not found in {folder}")
            text = clean_text(path.read_bytes(), name)
            if not text:
                raise ArticleError(f"{name}: empty after removing markup; nothing to read")
        except provinces.UnknownProvinceError as error:
            errors.append(f"{name}: manifest province: {error}")
            continue
        except ArticleError as error:
            errors.append(str(error))
            continue
        source = getattr(row, "source_hint", "") or getattr(row, "source", "") or ""
        articles.append(Article(name, nfc(row.province), getattr(row, "published", "") or "",
                                source, text))
    return articles, errors


def extract(article: Article) -> list[Fact]:
    """Return every fact found in one article."""
    return _Extractor(article).run()


def extract_folder(folder: Path) -> tuple[pd.DataFrame, list[str]]:
    """Extract facts from every article of a folder; return them and the per-article errors."""
    articles, errors = load_articles(folder)
    facts: list[Fact] = []
    for article in articles:
        try:
            facts.extend(extract(article))
        except Exception as error:  # one article failing never stops the others
            errors.append(f"{article.article_id}: extraction failed: {error}")
    return facts_frame(facts), errors


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    """Return facts as a table (one row per fact, with provenance)."""
    columns = list(Fact.__dataclass_fields__)
    frame = pd.DataFrame([asdict(f) for f in facts], columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame


# -- evaluation --------------------------------------------------------------------------------
#: The one scorer of the project (``../shared/press/score.py``); its matching rule is stated in
#: ``../shared/press/LABELING.md``. It is never reimplemented here.
SCORER: Path = config.ROOT.parent / "shared" / "press" / "score.py"


def evaluate(folder: Path, scorer: Path | None = None) -> dict:
    """Extract facts from DIR's articles and score them with the shared scorer (JSON dict)."""
    folder = Path(folder)
    scorer = Path(scorer or SCORER)
    if not scorer.exists():
        raise FileNotFoundError(f"{scorer}: the shared press scorer is not there; put ../shared "
                                "beside the checkout or pass its path")
    predicted, errors = extract_folder(folder)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predicted.csv"
        predicted.drop(columns="sentence").rename(columns={"article_id": "file"}).to_csv(
            pred, index=False)
        done = subprocess.run([sys.executable, str(scorer), str(pred),
                               str(folder / "expected_facts.csv"), "--json"],
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{scorer} failed: {done.stderr.strip()}")
    result = json.loads(done.stdout)
    if errors:
        result["errors"] = errors
    return result


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.press evaluate DIR`` prints the scores as one JSON object."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 2 and args[0] == "evaluate":
        print(json.dumps(evaluate(Path(args[1])), ensure_ascii=False))
        return 0
    if len(args) == 2 and args[0] == "extract":
        facts, errors = extract_folder(Path(args[1]))
        facts.drop(columns="sentence").to_csv(sys.stdout, index=False, quoting=csv.QUOTE_MINIMAL)
        for error in errors:
            print(error, file=sys.stderr)
        return 0
    print("usage: python -m helpers.press evaluate DIR | extract DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
