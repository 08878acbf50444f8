"""The fact record, the article record, and how a figure's subject, year and topic are resolved.

Precedence (issue 9, item 2):

- subject: the entity a figure sits in parentheses after > the nearest entity named before it
  in its sentence (an agency makes the figure out of scope; "the province", "của tỉnh" refer to
  the article's province) > the subject carried from earlier in the paragraph > the manifest
  province (``Toàn quốc`` for an article without one).
- year: the figure's own clause > its sentence > the paragraph, lead and headline before it
  (``year_ctx``) > blank. Comparison years ("so với năm 2021", "compared to 2020"), dates and
  periods are never the fact's year; "last year" is resolved against the printed date only.
- topic: see ``topics`` (the nearest ranking name decides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import discourse, gazetteer, grammar
from .text import clause_bounds


@dataclass
class Article:
    """A cleaned article with its manifest row (province may be empty: a national text)."""

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
    """One fact in the schema of LABELING.md, with its provenance."""

    file: str
    province: str
    year: int | None
    fact_type: str
    pillar: str
    value: float | None
    target: float | None
    unit: str
    denominator: float | None
    indicator_text: str
    tag: str = ""
    measure: str = ""  # what an indicator or target measures, in English ("e-commerce")
    year_basis: str = ""
    subject_basis: str = ""
    start: int = 0
    end: int = 0
    sentence: str = field(default="", repr=False)
    measured: str = field(default="", repr=False)  # the words right after the figure (dedup)
    lead: str = field(default="", repr=False)  # the words right before the figure (dedup)
    role: str = field(default="", repr=False)  # the role of its line: headline, lead, body


FACT_TYPES = ("dti_rank", "pillar_rank", "rank_change", "target_attainment", "indicator")
COLUMNS = [name for name in Fact.__dataclass_fields__ if name not in ("measured", "lead")]


#: An inverted subject after a figure: "... là X", "... thuộc về X", "... went to X".
INVERTED = re.compile(r"[^;.]{0,60}?\b(?:là|thuộc về|goes to|went to|belongs to)\s+")


#: Words before an entity named as the reference of a comparison, not the subject.
COMPARED = re.compile(r"(?i)(?:hơn|so với|than|compared (?:to|with)|above|below)\s*(?:mức\s+)?$")


#: The value of an entity compared with, printed with it: "above the national average of 0.56",
#: "cao hơn bình quân cả nước (0,55)".
VALUE_OF = re.compile(r"(?i)\s*(?:\(|(?:of|at)\s+(?:about\s+|around\s+)?$|"
                      r",?\s*which\s+(?:was|stood at)\s+$)")


#: A figure fronted before its subject: "Với 0,61 điểm, X ...", "With 0.61 points, X ...".
FRONTED = re.compile(r"(?i)\s*(?:với|with|scoring|đạt)\s+(?:\S+\s+){0,2}$")


def subject(sentence: str, position: int, home: str, carried: str | None,
            focus: str | None = None) -> tuple[str | None, str]:
    """Return (entity, how it was found) for a figure at position; None when out of scope."""
    found = gazetteer.mentions(sentence)
    for m in found:  # "100% các bộ, tỉnh": a share of a collective entity
        if m.kind in ("national", "bloc") and 0 <= m.start - position <= 20 and re.match(
                r"(?i)[\d.,/]*\s*%?\s*(?:các\s*|of\s+(?:the\s+|all\s+)*)?$",
                sentence[position:m.start]):  # "100% of (the) ministries and branches"
            return m.name, "quantified entity"
    paren = sentence.rfind("(", 0, position)
    if paren >= 0 and ")" not in sentence[paren:position]:
        for m in found:
            if m.kind in ("province", "national", "bloc") and 0 <= paren - m.end <= 2:
                return m.name, "parenthesis"  # "the average of 63 provinces (0.5016)"
    before = [m for m in found if m.end <= position and not (
        COMPARED.search(sentence[max(0, m.start - 20):m.start])
        and not VALUE_OF.match(sentence[m.end:position]))]  # "thấp hơn bình quân cả nước X"
    lo = max(sentence.rfind(ch, 0, position) for ch in ";:,") + 1
    inverted = INVERTED.match(sentence, position)
    if inverted and not [m for m in before if m.start >= lo]:
        after = [m for m in found if 0 <= m.start - inverted.end() <= 3 and m.kind == "province"]
        if after:  # "Vị trí thứ hai thuộc về Huế", "Địa phương dẫn đầu là Hà Nội"
            return after[0].name, "inverted subject"
    in_clause = [m for m in before if m.start >= max(sentence.rfind(ch, 0, position)
                                                      for ch in ";:") + 1]
    if in_clause and in_clause[0].kind == "agency" and not any(
            m.kind in ("province", "anaphor", "district") for m in in_clause):
        return None, "agency"  # "Bộ Tài chính dẫn đầu khối bộ, ngành với 0,63": the ministry's
    if before:
        m = before[-1]
        if m.kind in ("agency", "region"):
            return None, m.kind  # a ministry's figure, a region's average: out of scope
        if m.kind == "anaphor":
            return _anaphor(sentence, m, found, home, focus)
        if m.kind == "district":
            return home, "district"  # a unit inside the province (rule 2.5)
        return m.name, "clause subject"
    fronted = FRONTED.match(sentence[:position])
    after = [m for m in found if m.start >= position and m.kind == "province"]
    if fronted and after and re.fullmatch(r"\S+[^,;]*,\s*", sentence[position:after[0].start]):
        return after[0].name, "fronted figure"  # "Với 0,61 điểm, Quảng Ninh xếp thứ 3"
    if carried:
        return carried, "continuation"
    return home, "manifest" if home != gazetteer.NATIONAL else "national article"


def _anaphor(sentence: str, anaphor: gazetteer.Mention, found: tuple[gazetteer.Mention, ...],
             home: str, focus: str | None) -> tuple[str, str]:
    """Return (entity, how) for an anaphor: its referent, the fronted topic, or the home."""
    who = discourse.referent(sentence, anaphor, found, focus)
    if who:
        return who, "anaphor (the entity just named)"
    topic = discourse.fronted(sentence, found)
    if topic:
        return topic.name, "anaphor (fronted topic)"
    return home, "anaphor"


#: "next year" printed right after a figure: the year after the publication date (rule 5.3).
NEXT_YEAR_AFTER = re.compile(r"(?i)[\d.,]+\s*%?\s*(?:[^\s;,.]+\s+){0,2}?(?:next year|năm tới|"
                             r"năm sau|in the coming year)\b")


def year_of(sentence: str, position: int, context: int | None, *, published: int | None,
            target: bool = False, dti: bool = False, later_due: bool = True
            ) -> tuple[int | None, str]:
    """Return (year, basis) for a figure at position, by the precedence above; later_due=False
    for an achieved figure, which never takes the due year of a later clause's target.

    For a DTI figure (rank, change, score) a year printed as an edition ("DTI năm 2022",
    "the 2024 DTI") wins over other years of the sentence."""
    found = [y for y in grammar.years(sentence) if not y.comparison]
    lo, hi = clause_bounds(sentence, position, ",;")
    if not (target or later_due):  # "reached 58,000, while ... 20% by 2025": the due year
        found = [y for y in found if not (y.due and y.start >= hi)]  # of a later target
    if target and grammar.ANNUAL.search(sentence[lo:hi]):
        return None, "annual"  # "tăng ít nhất 2 bậc mỗi năm": an annual target has no year
    lo, hi = clause_bounds(sentence, position, ";:(")
    own = [y for y in found if lo <= y.start < hi]
    printed = re.match(r"[\d.,]+\s*%?\s*\(\s*(20[1-3]\d)\s*\)", sentence[position:position + 24])
    if printed:  # "28,1% (2021)": the year printed with the figure
        return int(printed.group(1)), "clause"
    right_after = re.match(r"(?:[^\s;]+\s+){1,2}?(?:in|năm|vào năm|vào tháng \d{1,2}\s*/)\s*"
                           r"(?:(?:the\s+)?(?:DTI|PCI|PAPI|SIPAS|PGI)\s+(?:năm\s+)?)?"
                           r"(20[1-3]\d)\b(?!\s*[-–/])",
                           sentence[position:position + 30])
    if right_after and not target:  # "up from 25th in 2021": the year printed with the figure
        return int(right_after.group(1)), "clause"
    if published and NEXT_YEAR_AFTER.match(sentence, position):  # "and 12% next year"
        return published + 1, "next year (printed date)"
    editions = [y for y in found if y.edition] if dti else []
    if editions:
        pick = [y for y in editions if lo <= y.start < hi] or editions
        before = [y for y in pick if y.start < position]
        return (before[-1] if before else pick[0]).year, "clause" if pick[0] in own else "sentence"
    before = [y for y in own if y.start < position]
    if before:
        return before[-1].year, "clause"
    if target:
        due = [y for y in found if y.due and y.start < position]
        if due:
            return due[0].year, "sentence"
    elif own:
        return own[0].year, "clause"
    prior = [y for y in found if y.start < position]
    if prior:
        return prior[-1].year, "sentence"
    if found:
        return found[0].year, "sentence"
    relative = [(abs(m.start() - position), published - 1, "last year (printed date)")
                for m in grammar.last_years(sentence)] if published else []
    relative += [(abs(m.start() - position), published, "this year (printed date)")
                 for m in grammar.THIS_YEAR.finditer(sentence)] if relative else []
    if relative:  # "ranked 12th last year, aims to ... this year": the nearer relative year
        return min(relative)[1:]
    if published and grammar.BARE_MONTH.search(sentence):  # "tháng 7", "6 tháng qua"
        return published, "context (publication date)"
    if context and grammar.NOW.search(sentence[:position]) and not target:
        return None, "now (no year printed, rule 5.5)"  # "Currently, ...", "Đến nay, ..."
    if context:
        return context, "context"
    return None, ""
