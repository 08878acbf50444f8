"""Ordered lists of ranks: rank lists, ties, "lần lượt" / "respectively", sequences."""

from __future__ import annotations

import re

from . import coordination, discourse, english, gazetteer, grammar, indicators
from .numbers import ordinal_value, small_number
from .text import clause_bounds
from .topics import rank_type

#: Words before a list of numbers that make them positions ("xếp thứ 18 và 30").
RANK_BEFORE = re.compile(r"(?i)(?:thứ|hạng|xếp|ranked|rank|as high as|positions?|places?)\s*"
                         r"(?:lần lượt\s*)?(?:là\s*)?$")


#: A ranking word in the clause of a list of numbers ("thứ hạng của A và B lần lượt là 12 và
#: 15") or right after it ("12 và 15 lần lượt là thứ hạng của A và B").
RANK_IN_CLAUSE = re.compile(r"(?i)\b(?:thứ hạng|xếp hạng|vị trí|ranked|ranks|rankings?|"
                            r"positions)\b")
RANK_AFTER = re.compile(r"(?i)\s*(?:lần lượt\s+)?(?:là\s+|were\s+|are\s+)?(?:the\s+)?"
                        r"(?:thứ hạng|vị trí|xếp hạng|positions?|ranks?|rankings?|places?)\b")


class ListReaders:
    """The list constructions of ``extract.Reader``: one position per entity or topic."""

    def _entities_before(self, s: str, start: int) -> list[gazetteer.Mention]:
        """Return the provinces named in the clause before a position, in order."""
        lo = max(s.rfind(ch, 0, start) for ch in ";:(") + 1
        return [x for x in gazetteer.mentions(s) if lo <= x.start and x.end <= start
                and x.kind == "province"]

    def _rank_list(self, s: str, m: re.Match[str], value: int, den: int | None) -> bool:
        """"A, B, C giữ vị trí thứ 5, 6, 7": one rank per entity in order; tell if read."""
        tail = grammar.RANK_LIST.match(s[m.end():])
        if not tail:
            return False
        values = [value, *(ordinal_value(next(g for g in item if g))
                           for item in grammar.LIST_ITEM.findall(tail.group(1)))]
        if None in values:
            return False
        names = self._entities_before(s, m.start())
        if len(names) > len(values):  # "A giữ vị trí 9, còn B và C lần lượt xếp thứ 30 và 41"
            names = coordination.run_before(s, m.start(), gazetteer.mentions(s))
        if len(names) == len(values):
            for name, v in zip(names, values, strict=True):
                self._rank(s, m.start(), m.end() + tail.end(), v, den, ("respectively",),
                           name.name)
            return True
        lo, hi = clause_bounds(s, m.start(), ";(")
        specific = [t for t in grammar.topics(s) if t.kind in ("pillar", "main")]
        before = [t for t in specific if lo <= t.start and t.end <= m.start()][-len(values):]
        after = [t for t in specific if t.start >= m.end() + tail.end() and t.end <= hi]
        for found in (before, after[:len(values)]):
            if len(found) == len(values):
                for topic, v in zip(found, values, strict=True):
                    fact_type, pillar, _ = rank_type(topic)
                    self.add(s, m.start(), m.end() + tail.end(), fact_type, float(v),
                             pillar=pillar, unit="rank", denominator=float(den) if den else None,
                             tags=("respectively",), text=s[topic.start:topic.end])
                return True
        return False

    def _tie(self, s: str, m: re.Match[str], value: int, den: int | None) -> bool:
        """"A và B cùng xếp thứ 9": the rank for each entity; tell if read."""
        lo = max(0, m.start() - 25)
        names = self._entities_before(s, m.start())
        if len(names) < 2 or not grammar.TIE.search(s[lo:m.start() + 12]):
            return False
        if not re.fullmatch(r"\s*(?:,|và|and)\s*", s[names[-2].end:names[-1].start]):
            return False
        for name in names[-2:]:
            self._rank(s, m.start(), m.end(), value, den, ("tie",), name.name)
        return True

    def distribute(self, s: str) -> None:
        """N ↔ N: a list of figures matched in order to coordinated topics or entities."""
        found = gazetteer.mentions(s)
        for numbers in coordination.number_lists(s):
            if not self.free(numbers.start, numbers.end):
                continue
            pairs = self._distribution_targets(s, numbers, found)
            lo = max(s.rfind(ch, 0, numbers.start) for ch in ";:") + 1
            rank = bool(RANK_BEFORE.search(s[max(0, numbers.start - 30):numbers.start])
                        or RANK_IN_CLAUSE.search(s[lo:numbers.start])
                        or RANK_AFTER.match(s, numbers.end))
            scores = all(re.search(r"[.,]\d", raw) or s[end:end + 2].strip().startswith("%")
                         for _, end, raw in numbers.items)
            if not pairs or not (rank or scores):
                continue
            for (entity, topic), (start, end, raw) in zip(pairs, numbers.items, strict=True):
                self._distributed(s, start, end, raw, entity, topic, rank)
            self.claim(numbers.start, numbers.end)

    def _distribution_targets(self, s: str, numbers: coordination.NumberList,
                              found: tuple[gazetteer.Mention, ...]) -> list[tuple]:
        """Return (entity, topic) per number: a topic run, else an entity run, before or after."""
        n = len(numbers.items)
        lo = s.rfind(";", 0, numbers.start) + 1
        specific = [t for t in grammar.topics(s) if t.kind in ("pillar", "main")
                    and lo <= t.start and t.end <= numbers.start]
        topics = coordination.run_of(specific, s) if specific else []
        if len(topics) == n:
            return [(None, t) for t in topics]
        hi = min([i for i in (s.find(";", numbers.end),) if i >= 0] or [len(s)])
        after = [t for t in grammar.topics(s) if t.kind in ("pillar", "main")
                 and numbers.end <= t.start and t.end <= hi]
        if len(after) >= n and len(coordination.run_of(after[:n], s)) == n:
            return [(None, t) for t in after[:n]]  # "lần lượt đạt 0,61, 0,55 và 0,48 ở ..."
        for run in (coordination.run_before(s, numbers.start, found),
                    coordination.run_after(s, numbers.end, found)):
            if len(run) == n:
                return [(m.name, None) for m in run]
        return []

    def _distributed(self, s: str, start: int, end: int, raw: str, entity: str | None,
                     topic: grammar.Topic | None, rank: bool) -> None:
        """Record one figure of a distribution, as a rank or a value (tag respectively)."""
        value = indicators.number(raw, self.lang)
        if rank and topic is None:
            self._rank(s, start, end, int(value), None, ("respectively",), entity)
            return
        if rank:
            fact_type, pillar, tag = rank_type(topic)
            dens = set(grammar.SENTENCE_DENOMINATOR.findall(s))
            self.add(s, start, end, fact_type, value, pillar=pillar, unit="rank",
                     denominator=float(dens.pop()) if len(dens) == 1 else None,
                     tags=("respectively", *((tag,) if tag else ())), entity=entity,
                     text=s[topic.start:topic.end])
            return
        percent = s[end:end + 2].strip().startswith("%")
        pillar = "" if percent else (topic.pillar if topic and topic.kind == "pillar" else
                                     "" if topic else "overall")
        self.add(s, start, end, "indicator", value, pillar=pillar,
                 unit="%" if percent else "score", tags=("respectively",), entity=entity)

    def ordinal_lists(self, s: str) -> None:
        """N names, then N ordinals: "A, B and C took the first, second and third places"."""
        found = gazetteer.mentions(s)
        for run in english.ordinal_runs(s):
            if not all(self.free(p.start, p.end) for p in run):
                continue
            names = coordination.run_before(s, run[0].start, found)
            lo = max(s.rfind(ch, 0, run[0].start) for ch in ";:") + 1
            if len(names) != len(run) or names[0].start < lo:
                continue
            for name, p in zip(names, run, strict=True):
                self._rank(s, p.start, p.end, p.value, None, ("respectively",), name.name)
            self.claim(run[0].start, run[-1].end)

    def leading_places(self, s: str) -> None:
        """"2 vị trí dẫn đầu vẫn thuộc về A và B": positions 1..N in order."""
        for m in grammar.LEADING_PLACES.finditer(s):
            names = [x for x in gazetteer.mentions(s[m.end():]) if x.kind == "province"]
            for i, x in enumerate(names[:small_number(m.group(1)) or 0], start=1):
                self._rank(s, m.start(), m.end(), i, None, ("sequence", "ambiguous"), x.name)
            self.claim(m.start(), m.end())

    def respectively(self, s: str) -> None:
        """Ordered lists: "lần lượt là A, B, C", "lần lượt là 22, 9, 13", "first through fifth"."""
        through = grammar.THROUGH.search(s)
        if through:
            names = [x for x in gazetteer.mentions(s[:through.start()]) if x.kind == "province"]
            first = ordinal_value(through.group(1)) or 1
            for i, x in enumerate(names):
                self._rank(s, through.start(), through.end(), first + i, None,
                           ("respectively",), x.name)
            self.claim(through.start(), through.end())
            return
        m = grammar.RESPECTIVELY.search(s)
        if not m:
            return
        rest = s[m.end():]
        numbers = re.match(r"\s*((?:\d{1,2}\s*(?:,|và|and)\s*)+\d{1,2})\b", rest)
        if numbers:
            values = [int(v) for v in re.findall(r"\d+", numbers.group(1))]
            found = [t for t in grammar.topics(s[:m.start()]) if t.kind == "pillar"]
            year = None
            compare = re.search(r"(?i)so (?:sánh )?với năm (20\d\d)", s[:m.start()])
            if compare:
                year = int(compare.group(1))
            pillars = [t.pillar for t in found][-len(values):]
            if len(pillars) != len(values):
                pillars = [f.pillar for f in self.rank_facts if f.fact_type == "pillar_rank"]
                pillars = pillars[-len(values):]
            if len(pillars) == len(values):
                for pillar, value in zip(pillars, values, strict=True):
                    self.add(s, m.start(), m.end() + numbers.end(), "pillar_rank", float(value),
                             pillar=pillar, unit="rank", tags=("respectively",), year=year,
                             year_basis="clause" if year else "")
                self.claim(m.start(), m.end() + numbers.end())
            return
        if re.search(r"(?i)dẫn đầu|đứng đầu|top|tốp|leading", s[:m.start()]):
            names = [x for x in gazetteer.mentions(rest) if x.kind == "province"]
            for i, x in enumerate(names, start=1):
                self._rank(s, m.start(), m.end(), i, None, ("respectively",), x.name)

    def sequences(self, s: str) -> None:
        """"xếp thứ nhất, tiếp đó là A, B", "Tiếp theo là A (0,79), B", "followed by A, B"."""
        m = discourse.SEQUENCE.search(s)
        post = discourse.SEQUENCE_AFTER.search(s)  # "Da Nang came next, followed by ..."
        first = min((x for x in (m, post) if x), key=lambda x: x.start(), default=None)
        before = [f for f in self.rank_facts if f.start < self.offset + first.start()] \
            if first else []
        here = [f for f in self.facts if first and f.unit == "rank" and f.fact_type in (
            "dti_rank", "pillar_rank", "indicator") and f.sentence == s.strip()
            and f.start < self.offset + first.start()]
        if here:  # the position stated just before in the sentence anchors it, in its ranking
            before = here[-1:]
        if not before:
            return
        anchor = ([f for f in before if f.pillar == "overall"] or before)[-1]
        tags = ("sequence", *(("non_dti_rank",) if "non_dti_rank" in anchor.tag else ()))
        found = gazetteer.mentions(s)
        named = coordination.run_before(s, post.start(), found) if post else []
        if m:
            stop = re.search(r";|\.(?!\d)", s[m.end():])  # a decimal point is no stop
            named += [x for x in found if x.kind == "province" and x.start >= m.end()
                      and not (stop and x.start > m.end() + stop.start())]
        for i, x in enumerate(named, start=1):
            at = post if post and x.end <= post.start() else m
            self.add(s, at.start(), at.end(), anchor.fact_type, anchor.value + i,
                     pillar=anchor.pillar, unit="rank", denominator=anchor.denominator,
                     tags=tags, entity=x.name, year=anchor.year,
                     year_basis=anchor.year_basis or "context")
        for x in (m, post):
            if x:
                self.claim(x.start(), x.end())
