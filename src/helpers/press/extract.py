"""Read the five fact types of LABELING.md from one article.

Sentences are read in order; in each, the constructions run from the most specific (targets,
ordered lists, ranks, rank changes) to the most general (numbers with a unit), and a figure
claimed by one is not read again. Subject, year and topic follow the precedence stated in
``facts``; duplicates (headline, lead, caption, body) are merged on (entity, type, pillar,
year, value, target).
"""

from __future__ import annotations

import re

from ..vntext import fold
from . import coordination, discourse, english, frames, gazetteer, goals, grammar, indicators
from .concepts import concept
from .facts import Article, Fact, subject, year_of
from .goals import GoalReaders
from .lists import ListReaders
from .numbers import language, ordinal_value, small_number
from .text import sentences
from .topics import rank_type, topic_of


class Reader(GoalReaders, ListReaders):
    """Runs the constructions over one article, keeping the context between sentences."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.lang = language(article.text)
        self.home = gazetteer.home_name(article.province)
        self.facts: list[Fact] = []
        self.context_year: int | None = None
        self.edition_year: int | None = None
        self.rank_facts: list[Fact] = []
        self.scoped: tuple[int, int, str] = (-1, 0, "")  # the last rank placed in another scope
        self.goal_year: int | None = None
        self.frame: frames.Frame | None = None
        self.announced: int | None = None  # the line whose last sentence announced goals
        self.plan_year: int | None = None  # the due year of the plan the article reports on
        self.carried: str | None = None
        self.ranking = "dti"  # the ranking the paragraph last named: "dti" or "other"
        self.focus: str | None = None  # the entity the last statement was about (discourse)
        self.line = -1
        self.claimed: list[tuple[int, int]] = []
        self.role = ""
        self.year_source: dict[str, str] = {}  # which line (headline, lead, body) set a context

    # -- bookkeeping -------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        """Tell whether a span of the current sentence is not yet read."""
        return not any(s < end and start < e for s, e in self.claimed)

    def claim(self, start: int, end: int) -> None:
        """Mark a span of the current sentence as read."""
        self.claimed.append((start, end))

    def add(self, s: str, start: int, end: int, fact_type: str, value: float | None, *,
            pillar: str = "", target: float | None = None, unit: str = "",
            denominator: float | None = None, tags: tuple[str, ...] = (),
            entity: str | None = None, year: int | None = None, year_basis: str = "",
            is_target: bool = False, text: str = "") -> Fact | None:
        """Resolve subject and year of a figure at s[start:end] and record it."""
        how = "given"
        if entity is None:
            entity, how = subject(s, start, self.home, self.carried, self.focus)
            if entity is None:
                self.claim(start, end)
                return None
            shared = coordination.sharing(s, start, gazetteer.mentions(s)) if (
                how == "clause subject" and fact_type == "indicator") else []
            if shared:  # "A, B và C có điểm DTI vượt 0,45": one row per entity (rule 8.3)
                return [self.add(s, start, end, fact_type, value, pillar=pillar, target=target,
                                 unit=unit, denominator=denominator, tags=tags, entity=name,
                                 year=year, year_basis=year_basis, is_target=is_target,
                                 text=text) for name in shared][0]
        dti = fact_type in ("dti_rank", "pillar_rank", "rank_change") or unit in ("score",
                                                                                  "points")
        if year is None and not year_basis:
            context = (self.goal_year or self.context_year) if is_target else (
                (self.edition_year or self.context_year) if dti else self.context_year)
            year, year_basis = year_of(s, start, context, published=self.article.year,
                                       target=is_target, dti=dti,
                                       later_due=fact_type == "target_attainment")
        if entity == gazetteer.MINISTRY_BLOC and fact_type == "indicator":
            pillar = ""
        if how == "district":  # a district's rank or score is not the DTI (rule 2.6)
            if fact_type in ("dti_rank", "pillar_rank", "rank_change"):
                tags = (*tags, "non_dti_rank")
            fact_type, pillar = "indicator", ""
        all_tags = list(tags)
        if year_basis == "context":
            source = "goal" if is_target and self.goal_year else (
                "edition" if dti and self.edition_year else "year")
            year_basis = f"context ({self.year_source.get(source, 'body')})"
        if year_basis.startswith("context"):
            all_tags.append("year_ctx")
        measured = "" if unit in ("rank", "score", "points") else concept(s, start, end)
        fact = Fact(self.article.article_id, entity, year, fact_type, pillar, value, target,
                    unit, denominator, text or _snippet(s, start, end),
                    ";".join(dict.fromkeys(all_tags)), measured,
                    year_basis, how, self.offset + start, self.offset + end, s.strip(),
                    " ".join(s[end:end + 80].lstrip(" %").split()[:4]),
                    " ".join(s[max(0, start - 80):start].split()[-5:]))
        fact.role = self.role
        self.facts.append(fact)
        self.claim(start, end)
        if entity not in (gazetteer.NATIONAL, gazetteer.MINISTRY_BLOC, gazetteer.PROVINCE_BLOC) \
                and discourse.sets_focus(s, how, self.home):
            self.focus = entity
        return fact

    # -- driver ------------------------------------------------------------------------------
    def run(self) -> list[Fact]:
        """Read every sentence in order and return the deduplicated facts."""
        previous = ""
        for sent in sentences(self.text):
            if sent.role == "url":
                continue
            s = self.text[sent.start:sent.end]
            if sent.line != self.line:
                if frames.continues(self.frame, self.line, previous, s):
                    self.frame.line = sent.line  # the next item of a listed plan
                self.line, self.carried, self.ranking = sent.line, None, "dti"
            self.role = sent.role
            self.offset = sent.start
            self.claimed = []
            self.goal = bool(frames.GOAL.search(s))
            self._open_frame(s)
            plan = goals.PLAN_DUE.search(s)
            self.plan_year = int(plan.group(1)) if plan and not self.plan_year else self.plan_year
            for rule in (self.attainments, self.rank_targets, self.plan_targets,
                         self.target_counts, self.tallies, self.task_tallies, self.shares_met,
                         self.leading_places, self.distribute, self.ordinal_lists,
                         self.respectively, self.ranks, self.gapped_positions, self.idioms,
                         self.runner_up,
                         self.sequences,
                         self.changes, self.goals):
                rule(s)
            indicators.multipliers(self, s)
            indicators.word_counts(self, s)
            indicators.read(self, s)
            self._remember(s)
            if self.frame and self.frame.line == self.line and frames.heading(s):
                self.frame.listing = True
            previous = s
        return dedupe(sorted(self.facts, key=lambda f: f.start))

    def _open_frame(self, s: str) -> None:
        """Open a plan passage (target frame) where a sentence opens one with its due year."""
        due = frames.opens(s, self.article.year)
        if due is False and frames.specifies(s, self.announced == self.line):
            due = True  # "The plan sets out several goals. Specifically, 100% of ..."
        self.announced = self.line if frames.announces(s) else None
        if due is False:
            return
        self.frame = frames.Frame(self.line, None if due is True else due, self.offset,
                                  frames.opening(s))
        if self.frame.year:
            self.goal_year, self.year_source["goal"] = self.frame.year, self.role

    def _remember(self, s: str) -> None:
        """Carry the sentence's year, due year and subject to the sentences after it."""
        for y in grammar.years(s):
            if y.comparison or re.search(r"[\d%]\s*\(\s*$", s[:y.start]) or \
                    english.own_year(s, y.start):
                continue  # a comparison year, or "28,1% (2021)", "3rd in 2022": one figure's
            if y.due and self.goal:
                self.goal_year, self.year_source["goal"] = y.year, self.role
            elif not y.due and not grammar.forecast(s, y.start):
                self.context_year, self.year_source["year"] = y.year, self.role
            if y.edition:
                self.edition_year, self.year_source["edition"] = y.year, self.role
        if self.article.year and grammar.last_years(s):
            self.context_year = self.edition_year = self.article.year - 1
        named_rankings = [t for t in grammar.topics(s) if t.kind in ("dti", "other")]
        if named_rankings:  # an index other than the DTI, not a share of GRDP or a region
            last = named_rankings[-1]
            self.ranking = "other" if last.kind == "other" and english.INDEX_NAME.search(
                s[last.start:last.end + 30]) else "dti"
        named = [m for m in gazetteer.mentions(s) if m.kind in ("province", "national")]
        if named and named[0].start < 30:  # the subject opens the sentence: carry it
            self.carried = named[0].name

    # -- ranks -------------------------------------------------------------------------------
    def _rank(self, s: str, start: int, end: int, value: int, den: int | None,
              tags: tuple[str, ...] = (), entity: str | None = None,
              year: int | None = None, year_basis: str = "") -> list[Fact]:
        """Record a rank at s[start:end], one per coordinated topic."""
        scope = english.not_a_rank(s, end, start if entity is None else None)
        if scope in ("region", "districts", "units"):
            self.scoped = (self.offset, end, scope)
        elif not scope and self.scoped[0] == self.offset and self.scoped[1] <= start:
            scope = english.gapped_scope(s, self.scoped[1], start, end, self.scoped[2])
        if grammar.RANK_NEGATIVE_AFTER.search(s[end:end + 20]) or \
                grammar.AMONG_AGENCIES.match(s, end) or scope in ("units", "occurrence", "group"):
            self.claim(start, end)
            return []
        found = [grammar.Topic(end, end, "other", "")] if scope in ("region", "districts") else (
            topic_of(s, start, end) or self._carried_topic(s))
        if den is None:
            after = grammar.DENOMINATOR_AFTER.match(s[end:])
            den = int(after.group(1)) if after else None
            if after:
                self.claim(end, end + after.end())
        compared = re.search(r"(?i)(?:so với|compared (?:to|with)|from)\s+(?:năm\s+|DTI\s+)?"
                             r"(20[1-3]\d)"
                             r"\s*\(\s*$", s[:start])
        if compared and year is None:  # "tăng 16 bậc so với năm 2022 (thứ 35/63)"
            year, year_basis = int(compared.group(1)), "clause"
        span = grammar.SPAN.search(s, end) if year is None else None
        if span and span.start() - end <= 60 and int(span.group(2)) - int(span.group(1)) < 6:
            out = []  # "3 năm liên tiếp (2020-2022)": one fact per year (tag span)
            for y in range(int(span.group(1)), int(span.group(2)) + 1):
                out += self._rank(s, start, end, value, den, (*tags, "span"), entity, y)
            return out
        if coordination.all_pillars(s, end):  # "xếp hạng nhất ở cả 3 trụ cột": one per pillar
            return self._pillar_broadcast(s, start, end, value, den, tags, entity, year,
                                          year_basis)
        out = []
        for topic in found:
            fact_type, pillar, tag = rank_type(topic)
            d = den
            if d is None and fact_type != "indicator":
                dens = set(grammar.SENTENCE_DENOMINATOR.findall(s))
                d = int(dens.pop()) if len(dens) == 1 else None
            if fact_type != "indicator" and d and d not in (63, 34):
                fact_type, pillar, tag = "indicator", "", "non_dti_rank"
            all_tags = (*tags, tag) if tag else tags
            fact = self.add(s, start, end, fact_type, float(value), pillar=pillar, unit="rank",
                            denominator=float(d) if d else None, tags=all_tags, entity=entity,
                            year=year, year_basis=year_basis or ("clause" if year else ""),
                            text=s[topic.start:topic.end] if topic else "")
            if fact:
                out.append(fact)
        self.rank_facts.extend(f for f in out if f.fact_type != "indicator")
        return out

    def _carried_topic(self, s: str) -> list[grammar.Topic | None]:
        """Return the ranking of a position whose sentence names none: the one its paragraph
        named last ("The PCI 2023 results were announced. Can Tho ranked 5th"), else the DTI."""
        if self.ranking == "other" and not grammar.topics(s):
            return [grammar.Topic(0, 0, "other", "")]
        return [None]

    def _pillar_broadcast(self, s: str, start: int, end: int, value: int, den: int | None,
                          tags: tuple[str, ...], entity: str | None, year: int | None,
                          year_basis: str) -> list[Fact]:
        """Record one position for all three pillars (tag tie)."""
        out = []
        for pillar in coordination.PILLAR_CODES:
            fact = self.add(s, start, end, "pillar_rank", float(value), pillar=pillar,
                            unit="rank", denominator=float(den) if den else None,
                            tags=(*tags, "tie"), entity=entity, year=year,
                            year_basis=year_basis or ("clause" if year else ""),
                            text=grammar.PILLARS[pillar])
            if fact:
                out.append(fact)
        self.rank_facts.extend(out)
        return out

    def ranks(self, s: str) -> None:
        """Ranks: "xếp thứ 7/63", "xếp hạng chín", "đứng thứ tư", "ranked 19th", "23/63"."""
        for m in grammar.FROM_TO.finditer(s):
            old, new = (ordinal_value(g) or 0 for g in (m.group(1) or m.group(3),
                                                        m.group(2) or m.group(4)))
            current = self._rank(s, m.start(m.lastindex), m.end(), new, None)
            if current and current[0].year:
                self._rank(s, m.start(), m.start(m.lastindex), old, current[0].denominator and
                           int(current[0].denominator), ("year_ctx",), current[0].province,
                           current[0].year - 1, "previous edition")
        for pattern in (grammar.RANK_VI, grammar.RANK_EN, grammar.RANK_IS, grammar.RANK_BARE):
            for m in pattern.finditer(s):
                if not self.free(m.start(), m.end()):
                    continue
                groups = [g for g in m.groups()]
                if pattern is grammar.RANK_IS:  # the figure starts at the number
                    if int(m.group(1)) and not (m.group(2) and int(m.group(1)) > int(m.group(2))):
                        self._rank(s, m.start(1), m.end(), int(m.group(1)),
                                   int(m.group(2)) if m.group(2) else None)
                    continue
                if pattern is grammar.RANK_BARE:
                    value, den = int(groups[0]), int(groups[1])
                    if grammar.COUNT_OF_PROVINCES.search(s[max(0, m.start() - 20):m.start()]) \
                            and grammar.PROVINCES_AFTER.match(s, m.end()):
                        self.add(s, m.start(), m.end(), "indicator", float(value),
                                 denominator=float(den), unit="tỉnh, thành phố",
                                 entity=gazetteer.NATIONAL)  # "Có 19/63 tỉnh ...": a count (R8)
                        continue
                elif pattern is grammar.RANK_VI:
                    token = groups[0] or groups[1] or groups[3] or groups[4]
                    den_text = groups[2] or groups[5]
                    value, den = ordinal_value(token), int(den_text) if den_text else None
                else:
                    token = next((g for i, g in enumerate(groups) if g and i != 3), None)
                    value, den = ordinal_value(token), int(groups[3]) if groups[3] else None
                if not value or value > 200 or (den and value > den):
                    continue
                if self._rank_list(s, m, value, den) or self._tie(s, m, value, den):
                    continue
                if grammar.PREVIOUS_AFTER.match(s, m.end()) and self.rank_facts and \
                        self.rank_facts[-1].year and self.rank_facts[-1].sentence == s.strip():
                    latest = self.rank_facts[-1]  # "down from 8th a year earlier"
                    self._rank(s, m.start(), m.end(), value, den, ("year_ctx",),
                               latest.province, latest.year - 1, "previous edition")
                    continue
                self._rank(s, m.start(), m.end(), value, den)

    def gapped_positions(self, s: str) -> None:
        """Positions by gapping: "A ranked second, B third and C fourth" (english.positions)."""
        for p in english.positions(s):
            if not self.free(p.start, p.end):
                continue
            named = [x for x in gazetteer.mentions(s) if x.kind == "province"
                     and p.name_start <= x.start and x.end <= p.name_end]
            if len(named) == 1:
                self._rank(s, p.start, p.end, p.value, None, entity=named[0].name)

    def runner_up(self, s: str) -> None:
        """Rank 2 as a word: "was the runner-up in the 2023 DTI"."""
        for m in grammar.RUNNER_UP.finditer(s):
            if self.free(m.start(), m.end()):
                self._rank(s, m.start(), m.end(), 2, None, ("idiom",))

    def idioms(self, s: str) -> None:
        """Rank 1 as a word: "dẫn đầu", "đứng đầu", "led", "leading in" (not group membership)."""
        for m in grammar.IDIOM.finditer(s):
            if not self.free(m.start(), m.end()):
                continue
            if grammar.MEMBERSHIP_BEFORE.search(s[max(0, m.start() - 60):m.start()]) or \
                    re.search(r"(?i)chỉ số\s*$|(?<![\d.,])\d+\s+(?:cơ quan|đơn vị|tỉnh|địa phương|"
                              r"bộ|sở|huyện|agencies|ministries|provinces|localities)"
                              r"(?:,? [^\W\d]+)?\s+$", s[max(0, m.start() - 30):m.start()]):
                continue  # "chỉ số dẫn đầu", "5 cơ quan dẫn đầu": a group, not a position
            if re.match(r"\s*(?:về|in)?\s*(?:\d+|four|three|two|ba|bốn|hai)\s+(?:chỉ số|core|main)",
                        s[m.end():]) is None and re.match(r"\s*:", s[m.end():]):
                continue
            tags = () if m.group(0) == "ranked first" else ("idiom",)
            den = re.match(r"\s*(63|34)\b", s[m.end():])
            self._rank(s, m.start(), m.end(), 1, int(den.group(1)) if den else None, tags)

    # -- rank changes --------------------------------------------------------------------------
    def changes(self, s: str) -> None:
        """Signed rank changes: "tăng 4 hạng", "giảm 13 bậc", "tăng năm bậc", "down 8 places"."""
        found_changes = [(m, m.group("n"), m.group(1),
                          "range" if m.group("upto") else "bound" if m.group("bound") else "")
                         for m in grammar.CHANGE.finditer(s)]
        found_changes += [(m, m.group("n") or m.group("k") or m.group("m"),
                           m.group(2) or m.group(4) or m.group(5), "")
                          for m in grammar.CHANGE_AFTER.finditer(s)]
        found_changes += [(more, more.group(1), word, "") for m, _, word, _ in found_changes
                          for more in [grammar.CHANGE_MORE.match(s, m.end())] if more]
        for m, count, word, qualifier in found_changes:
            if not self.free(m.start(), m.end()):
                continue
            steps = small_number(count)
            if steps is None:
                continue
            sign = -1 if word.lower() in grammar.NEGATIVE_CHANGE else 1
            marker = frames.GOAL.search(s)
            if (marker and marker.start() < m.start()) or grammar.FUTURE.search(s):
                self.add(s, m.start(), m.end(), "target_attainment", None, pillar="overall",
                         target=float(sign * steps), unit="places", is_target=True,
                         tags=("target_only", *((qualifier,) if qualifier else ())))
                continue  # a rank-improvement target ("phấn đấu tăng ít nhất 3 bậc")
            for topic in topic_of(s, m.start(), m.end()) or self._carried_topic(s):
                fact_type, pillar, tag = rank_type(topic)
                if fact_type == "indicator":
                    self.add(s, m.start(), m.end(), "indicator", float(sign * steps),
                             unit="rank", tags=("non_dti_rank",))
                    continue
                self.add(s, m.start(), m.end(), "rank_change", float(sign * steps),
                         pillar=pillar, unit="rank")


def _snippet(s: str, start: int, end: int) -> str:
    """Return the words around a figure, as indicator_text."""
    left = " ".join(s[max(0, start - 100):start].split()[-6:])
    right = " ".join(s[end:end + 80].split()[:4])
    return re.sub(r"\s+", " ", f"{left} {s[start:end]} {right}").strip(" ,.;:")


def _same(a: Fact, b: Fact) -> bool:
    """Tell whether two facts state the same thing (LABELING.md section 9)."""
    if (a.province, a.fact_type, a.pillar, a.value, a.target, a.unit) != (
            b.province, b.fact_type, b.pillar, b.value, b.target, b.unit):
        return False
    if not (a.year is None or b.year is None or a.year == b.year):
        return False
    if not (a.denominator is None or b.denominator is None or a.denominator == b.denominator):
        return False
    if a.unit == "rank" and not a.pillar:
        return fold(a.indicator_text) == fold(b.indicator_text)
    if a.fact_type in ("indicator", "target_attainment") and a.unit != "rank":
        if a.sentence == b.sentence and abs(a.start - b.start) < len(a.sentence):
            return False  # two figures of one sentence are two facts
        if headline_pair(a, b):
            return True  # a headline sums up the body: its figure is the body's (rule 9.1)
        if a.denominator and a.denominator == b.denominator and a.fact_type == \
                "target_attainment":
            return True  # "11/15 chỉ tiêu đạt" stated again: one count of targets met
        if a.unit == "%" and a.value is not None and not float(a.value).is_integer():
            return True  # "Với tỷ lệ 71,3%, ..." and "... 71,3% được giải quyết": one fact
        measured = _overlap(a.measured, b.measured)
        measured = measured if measured is not None else _overlap(a.indicator_text,
                                                                   b.indicator_text) or 0.0
        lead = _overlap(a.lead, b.lead)
        return measured >= 0.5 and (lead is None or lead >= 0.3)
    return True


def headline_pair(a: Fact, b: Fact) -> bool:
    """Tell whether one of two like facts is the headline's and the other the body's."""
    return (a.role == "headline") != (b.role == "headline")


def _overlap(a: str, b: str) -> float | None:
    """Return the share of content words two phrases share (of the shorter one), if any."""
    ta, tb = ({re.sub(r"(?<=\w{3})s$", "", w) for w in re.findall(r"[a-z]{2,}", fold(x))} - _STOP
              for x in (a, b))  # "payments" and "payment" are one word
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else None


_STOP = {"cua", "va", "cac", "trong", "tren", "duoc", "da", "co", "la", "cho", "voi", "den",
         "the", "of", "and", "in", "to", "nam", "tinh", "dat", "so", "tai", "tu", "ty", "le"}


def dedupe(facts: list[Fact]) -> list[Fact]:
    """Merge a fact stated again (same entity, type, pillar, value, target; years compatible)."""
    kept: list[Fact] = []
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        key = (fact.province, fact.fact_type, fact.pillar, fact.value, fact.target, fact.unit)
        group = groups.setdefault(key, [])
        twin = next((k for k in group if _same(k, fact)), None)
        if twin is None:
            kept.append(fact)
            group.append(fact)
            continue
        if twin.year is None or ("year_ctx" in twin.tag and "year_ctx" not in fact.tag
                                 and fact.year is not None):
            twin.year, twin.year_basis = fact.year, fact.year_basis
            twin.tag = ";".join(t for t in twin.tag.split(";") if t and t != "year_ctx")
        if twin.denominator is None:
            twin.denominator = fact.denominator
        twin.tag = ";".join(dict.fromkeys([t for t in (twin.tag + ";dup").split(";") if t]))
    return kept


def extract(article: Article) -> list[Fact]:
    """Return every fact found in one article."""
    return Reader(article).run()
