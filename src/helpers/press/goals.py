"""Target constructions: achieved against target, targets met of N, goals and rank goals."""

from __future__ import annotations

import re

from . import frames, grammar, indicators
from .facts import year_of
from .numbers import EN_CARDINAL, small_number
from .topics import topic_of


class GoalReaders:
    """The target constructions of ``extract.Reader`` (LABELING.md: target_attainment)."""

    def rank_targets(self, s: str) -> None:
        """Rank goals: "phấn đấu ... nhóm 10 tỉnh dẫn đầu", "one of 20 ... leading by 2025"."""
        if not self.goal:
            return
        for m in grammar.RANK_TARGET.finditer(s):
            n = small_number(next(g for g in m.groups() if g))
            if not n:
                continue
            if COUNT_BEFORE_TOP_K.search(s[max(0, m.start() - 60):m.start()]):
                self.claim(m.start(), m.end())  # "5/9 chỉ số chính thuộc nhóm 20": K is a
                continue  # threshold of the count (rule 8.5), the count is the target
            due = DUE_IN.search(m.group(0)) or DUE_AFTER.match(s, m.end())
            year, basis = (int(due.group(1)), "clause") if due else (None, "")
            self.add(s, m.start(), m.end(), "target_attainment", None, pillar=target_pillar(
                         s, m.start(), m.end()),
                     target=float(n), unit="rank", tags=("target_only",), year=year,
                     year_basis=basis, is_target=True)

    def plan_targets(self, s: str) -> None:
        """Plan targets other than top-N: a DTI score of 1,000 points, M of N main indicators."""
        if not (self.goal or frames.in_frame(s, 0, self.frame, self.line)):
            return
        for m in SCORE_TARGET.finditer(s):
            self.add(s, m.start(2), m.end(), "target_attainment", None, pillar="overall",
                     target=indicators.number(m.group(2), self.lang), denominator=1000.0,
                     unit="points", is_target=True,
                     tags=("target_only", *(("bound",) if m.group(1) else ())))
        for m in DTI_SCORE_TARGET.finditer(s):  # "targets a DTI score of over 0.65 by 2025"
            if self.free(m.start(2), m.end()) and frames.governor(s, m.start(2), self.article.year):
                self.add(s, m.start(2), m.end(), "target_attainment", None, pillar="overall",
                         target=indicators.number(m.group(2), self.lang), unit="score",
                         is_target=True, tags=("target_only", *(("bound",) if m.group(1) else ())))
        for m in MAIN_COUNT_TARGET.finditer(s):
            count, total = small_number(m.group(1)), small_number(m.group(2))
            if count and total:
                self.add(s, m.start(), m.end(), "target_attainment", None, target=float(count),
                         denominator=float(total), unit="main indicators", is_target=True,
                         tags=("target_only",))
                top = TOP_K_AFTER.match(s, m.end())
                if top:  # the K of "in the top K" is a threshold (rule 8.5)
                    self.claim(m.end(), m.end() + len(top.group(0)))

    def attainments(self, s: str) -> None:
        """Achieved against target: "đạt 97%/95%", "đạt 82% (kế hoạch 80%)"."""
        for m in grammar.ACHIEVED_VS_TARGET.finditer(s):
            value, target = (g for g in m.groups() if g)
            printed = re.findall(r"(?<![\d/])(20[1-3]\d)(?![\d/])", m.group(0))
            after = DUE_AFTER_TARGET.match(s, m.end())  # "..., against a target of 20% by 2025"
            due = int(after.group(1)) if after else int(printed[-1]) if printed else None
            self.add(s, m.start(), m.end(), "target_attainment",
                     indicators.number(value, self.lang), target=indicators.number(target,
                                                                                   self.lang),
                     unit="%", year=due, year_basis="clause" if due else "")
        for m in grammar.PERCENT_OF_TARGET.finditer(s):
            if self.free(m.start(1), m.end()):
                self.add(s, m.start(1), m.end(), "target_attainment",
                         indicators.number(m.group(1), self.lang), unit="% of target")

    def target_counts(self, s: str) -> None:
        """Targets met of N ("hoàn thành 23/34 mục tiêu", "22 out of 33 targets")."""
        total = None
        for found in grammar.TARGET_TOTAL.finditer(s):
            if found.group(1).lower().startswith(grammar.TOTAL_AS_BASE) and re.search(
                    rf"(?i)(?:\d|\b(?:{EN_CARDINAL}))\s*$", s[:found.start()]):
                continue  # "20 of the 25 targets were met": the total of a count (STATUS_COUNT)
            if not STATUS_AFTER.match(s, found.end()):
                total = found
                break
            if self.free(found.start(2), found.end()):  # "có 3 chỉ tiêu dự kiến sẽ đạt"
                self.add(s, found.start(2), found.end(), "indicator", float(found.group(2)),
                         unit=found.group(3), tags=("ambiguous",))  # a status count (rule 3.7)
        if total:
            n = float(total.group(2))
            if total.group(1).lower().startswith(grammar.TOTAL_AS_BASE):
                self.claim(total.start(2), total.end())
            else:
                self.add(s, total.start(2), total.end(), "indicator", n, unit=total.group(3))
            for m in grammar.TARGET_STATUS.finditer(s, total.end()):
                met = grammar.MET.match(m.group(3)) or MET_VERB_BEFORE.search(
                    s[max(0, m.start() - 30):m.start()])  # "đã hoàn thành 18 chỉ tiêu"
                self.add(s, m.start(), m.end(2), "target_attainment" if met else "indicator",
                         float(small_number(m.group(1)) or 0), unit=m.group(2) or total.group(3),
                         denominator=n, tags=() if met else ("ambiguous",))
                listed = re.search(r"\blà\b|:", m.group(3))  # "2 chỉ tiêu khó đạt là: ..."
                self.claim(m.start(), m.start(3) + listed.start() if listed else m.end())
            if total.group(1).lower().startswith(grammar.TOTAL_AS_BASE):
                for m in grammar.MET_OF_TOTAL.finditer(s, total.end()):  # "..., completed 17"
                    if self.free(m.start(1), m.end()):
                        self.add(s, m.start(1), m.end(), "target_attainment",
                                 float(small_number(m.group(1)) or 0), unit=total.group(3),
                                 denominator=n)
        for m in grammar.TARGET_COUNT.finditer(s):
            due = re.match(r"[^.;]{0,80}?\bfor\s+(20\d\d)", s[m.end():])
            year, basis = (int(due.group(1)), "clause") if due else self._plan_due(s)
            self.add(s, m.start(), m.end(), "target_attainment", float(m.group(1)),
                     denominator=float(m.group(2)), unit=m.group(3), year=year, year_basis=basis)
        for m in grammar.STATUS_COUNT.finditer(s):
            if not self.free(m.start(), m.end()):
                continue
            if grammar.STATUS_MET.match(s, m.end()):  # "45/50 chỉ tiêu đã hoàn thành"
                due = TARGETS_DUE_AFTER.match(s, m.end())  # "3 of 6 targets set for 2025 had"
                year, basis = (int(due.group(1)), "clause (the targets' due year)") if due \
                    else self._plan_due(s)
                self.add(s, m.start(), m.end(), "target_attainment",
                         float(small_number(m.group(1)) or 0),
                         denominator=float(m.group(2)), unit=m.group(3), year=year,
                         year_basis=basis)
            elif "/" in m.group(0):
                self.add(s, m.start(), m.end(), "indicator", float(small_number(m.group(1)) or 0),
                         denominator=float(m.group(2)), unit=m.group(3), tags=("ambiguous",))

    def tallies(self, s: str) -> None:
        """Counts of targets with no total beside them: met ("completed and exceeded 12
        targets", rule 3.4) or in another status ("3 targets are expected to be met", rule 3.7)."""
        for m in grammar.TARGETS_IN_STATUS.finditer(s):  # "3 targets are expected to be met"
            if self.free(m.start(), m.end()):
                self.add(s, m.start(), m.end(), "indicator", float(small_number(m.group(1)) or 0),
                         unit=m.group(2), tags=("ambiguous",))
        for m in grammar.TARGETS_MET.finditer(s):  # "completed and exceeded 12 targets"
            if self.free(m.start(1), m.end()):
                year, basis = self._plan_due(s)
                self.add(s, m.start(1), m.end(), "target_attainment",
                         float(small_number(m.group(1)) or 0), unit=m.group(2), year=year,
                         year_basis=basis)

    def task_tallies(self, s: str) -> None:
        """A tally of tasks or projects after their total: the total and each count by status
        are indicators, the counts with the total as denominator (rule 3.8)."""
        total = grammar.TASK_TOTAL.search(s)
        if not total or not self.free(total.start(1), total.end(2)):
            return
        n = float(small_number(total.group(1)) or 0)
        self.add(s, total.start(1), total.end(2), "indicator", n, unit=total.group(2))
        for m in grammar.TASK_STATUS.finditer(s, total.end()):
            if self.free(m.start(), m.end()):
                self.add(s, m.start(), m.end(), "indicator", float(small_number(m.group(1)) or 0),
                         unit=total.group(2), denominator=n)

    def _plan_due(self, s: str) -> tuple[int | None, str]:
        """Return the due year of the plan whose targets a count of targets met counts (5.9)."""
        own = PLAN_DUE.search(s)
        if own:
            return int(own.group(1)), "clause (the plan's due year)"
        return (self.plan_year, "context (the plan's due year)") if self.plan_year else (None, "")

    def shares_met(self, s: str) -> None:
        """Shares of targets met: "hoàn thành 100% chỉ tiêu giai đoạn 2019 – 2020" (rule 3.9)."""
        for m in SHARE_MET.finditer(s):
            if self.free(m.start(1), m.end(1)) and not indicators.restates(
                    self, indicators.number(m.group(1), self.lang), m.group(1), s, m.start(1)):
                year = int(m.group(2)) if m.group(2) else None
                self.add(s, m.start(1), m.end(), "target_attainment",
                         indicators.number(m.group(1), self.lang), unit="% of target",
                         tags=("ambiguous",), year=year, year_basis="clause" if year else "")

    def goals(self, s: str) -> None:
        """Targets in a sentence (target frame): each governed % is a target, paired with the
        achieved value stated before its target word."""
        will = grammar.FUTURE.search(s)
        future_from = (s.rfind(";", 0, will.start()) + 1 if will and not frames.ACHIEVED.search(s)
                       else len(s))  # the clause of "sẽ"/"will" and what follows it
        achieved: tuple[int, int, float] | None = None
        pending = None  # the last target without a value, for a current value stated after it
        for m in PERCENT.finditer(s):
            if not self.free(m.start(), m.end()) or AGE.match(s, m.end()):
                continue
            value = indicators.number(m.group(1), self.lang)
            if indicators.restates(self, value, m.group(1), s, m.start()):
                self.claim(m.start(), m.end())  # "11/15 chỉ tiêu đạt (tỷ lệ 73,3%)" (rule 8.4)
                continue
            before = s[max(0, m.start() - 30):m.start()]
            upper = RANGE_UPPER.match(s, m.end())
            if upper and CHANGE_FROM.search(before):
                upper = None  # "rose from 35% to 48%": a change, two figures
            tags = [t for t in (indicators.qualifier_tag(before),) if t]
            if upper:  # "45% - 50%": the lower end (rule 4.2)
                tags.append("range")
                self.claim(upper.start(), upper.end())
            if frames.unmet(s, m.start()):
                self.add(s, m.start(), m.end(), "target_attainment", None, target=value,
                         unit="%", tags=("target_only", "ambiguous"), is_target=True)
                continue
            governed = frames.governor(s, m.start(), self.article.year)
            future = m.start() >= future_from or _due_later(s, m.start(), m.end(),
                                                              self.article.year)
            if pending and frames.current(s, m.start(), m.end()):
                governed = future = False  # "... 50% by 2025, up from 22% at present"
            if not (future or governed or frames.in_frame(s, m.start(), self.frame, self.line,
                                                             self.offset)):
                achieved = (m.start(), m.end(), value)
                continue
            if achieved and not (governed and achieved[1] <= governed.start()) \
                    and not _marked_achieved(s, achieved[0]):
                achieved = None  # a value is paired only with the target word after it
            value = frames.signed(s, m.start(), value)
            unit = "%" if m.group(2) == "%" else m.group(2).strip()
            if achieved:  # the year is the target's, when stated with it (LABELING d08, 5.8)
                due = DUE_AFTER_TARGET.match(s, m.end()) or re.search(
                    r"(?<![\d/])(20[1-3]\d)(?![\d/])", s[achieved[1]:m.start()])
                self.add(s, achieved[0], m.end(), "target_attainment", achieved[2],
                         target=value, unit=unit, tags=tuple(tags), is_target=True,
                         year=int(due.group(1)) if due else None,
                         year_basis="clause" if due else "")
                achieved = None
                continue
            if LINK_BACK.match(s) and self._pair_with_previous(s, m.start(), m.end(), value):
                continue  # "Con số này còn cách xa chỉ tiêu năm 2022 (55%)"
            due = _own_due(s, m.start(), m.end())  # "top 5 by 2026 and 100% ... by 2025"
            pending = self.add(s, m.start(), m.end(), "target_attainment", None, target=value,
                               unit=unit, tags=(*tags, "target_only"), is_target=True,
                               year=int(due.group(1)) if due else None,
                               year_basis="clause" if due else "")
        if pending and achieved and achieved[0] > pending.end - self.offset and \
                frames.current(s, achieved[0], achieved[1]):
            pending.value = achieved[2]  # "The target is 80% by 2025, while the current rate
            pending.tag = ";".join(t for t in pending.tag.split(";") if t != "target_only")
            self.claim(achieved[0], achieved[1])  # is 65%": the value after its target
            own = VALUE_YEAR_AFTER.match(s, achieved[1])
            if pending.year is None and own:  # "to 92%, from 61% in 2022": the value's year
                pending.year, pending.year_basis = int(own.group(1)), "clause (the value's)"
                pending.tag = ";".join(t for t in pending.tag.split(";") if t != "year_ctx")

    def _pair_with_previous(self, s: str, start: int, end: int, target: float) -> bool:
        """Pair a target with the value an anaphor links it to in the previous sentence."""
        previous = [f for f in self.facts if f.end <= self.offset and f.unit == "%"
                    and f.fact_type == "indicator"]
        if not previous:
            return False
        fact = previous[-1]
        year, basis = year_of(s, start, None, published=self.article.year, target=True)
        fact.fact_type, fact.target = "target_attainment", target
        if year:
            fact.year, fact.year_basis = year, f"target's {basis}"
            fact.tag = ";".join(t for t in fact.tag.split(";") if t and t != "year_ctx")
        self.claim(start, end)
        return True


def target_pillar(s: str, start: int, end: int) -> str:
    """Return the pillar of a rank target: the ranking it names, by the topic model ("top 15 in
    digital government" -> chinh_quyen_so; a main indicator or another index -> blank; the DTI
    or nothing named -> overall, rule 4.1)."""
    inside = [t for t in grammar.topics(s) if start <= t.start and t.end <= end]
    found = inside[:1] or topic_of(s, start, end)
    if not found or found[0] is None or found[0].kind == "dti":
        return "overall"
    return found[0].pillar if found[0].kind == "pillar" else ""


def _due_later(s: str, start: int, end: int, published: int | None) -> bool:
    """Tell whether a figure is followed, in its own phrase, by a due year later than the text's
    publication year ("bring the rate to 70% by 2025" in a 2023 text): a target, whatever verb
    governs it; not a value marked achieved ("ước 7,18% (chỉ tiêu đến năm 2025 ...)")."""
    due = OWN_DUE_AFTER.match(s, end)
    if not (published and due and int(due.group(1)) > published):
        return False
    between = s[end:due.start(1)]
    return bool(re.search(r"(?i)\b(?:by|đến)\s", due.group(0))) and not re.search(
        r"[()]", between) and not frames.GOVERNOR.search(between) and not \
        frames.ACHIEVED.search(s[max(0, start - 30):start])


def _own_due(s: str, start: int, end: int) -> re.Match[str] | None:
    """Return the due year printed right after a target coordinated after an earlier one with
    its own due year ("be among the top 5 by 2026 and have 100% of ... online by 2025")."""
    due = OWN_DUE_AFTER.match(s, end)
    earlier = [y for y in grammar.years(s) if y.due and y.start < start]
    if not due or not earlier or not re.search(r"(?i)\b(?:and|và)\b",
                                               s[earlier[-1].start:start]):
        return None
    return due


def _marked_achieved(s: str, start: int) -> bool:
    """Tell whether the figure at start is marked as achieved ("ước đạt", "đã đạt")."""
    before = re.sub(r"\s*(hơn|trên|khoảng|gần)\s*$", "", s[max(0, start - 30):start])
    return bool(grammar.ACHIEVED_BEFORE_GOAL.search(before))


#: The due year of a rank goal, in it or right after it, not past the next coordinated goal.
DUE_IN = re.compile(r"(?i)\b(?:by|đến năm|vào năm)\s+(20\d\d)")
DUE_AFTER = re.compile(r"(?i)(?:(?!\bvà\b|\band\b|\bwith\b)[^.;,]){0,40}?"
                       r"\b(?:by|đến năm|vào năm)\s+(20\d\d)")
_N_WORD = (r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"một|hai|ba|bốn|năm|sáu|bảy|tám|chín)")
#: A DTI score target on the 1,000-point scale: "vượt 750/1.000 điểm", "exceed 750 of 1,000 points".
SCORE_TARGET = re.compile(r"(?i)(vượt|trên|tối thiểu|ít nhất|exceed|over|above|at least)?\s*"
                          r"(\d{3}(?:[.,]\d+)?)\s*(?:/|of|trên)\s*1[.,]000\s*(?:điểm|points)")
#: A DTI score target on the 0–1 scale: "chỉ số DTI đạt trên 0,65", "a DTI score of over 0.65".
DTI_SCORE_TARGET = re.compile(r"(?i)(?:DTI|score|điểm|chỉ số chuyển đổi số)[^.;\d%]{0,30}?"
                              r"(over|above|at least|more than|trên|tối thiểu|ít nhất|vượt)?\s*"
                              r"(0[.,]\d{1,4})(?![\d%]|[.,]\d)")
#: A target count of main indicators: "five of its nine main indicators", "5/9 chỉ số chính".
MAIN_COUNT_TARGET = re.compile(rf"(?i){_N_WORD}\s*(?:/|of|trên|trong số|trong)\s*(?:its\s+|the\s+)?"
                               rf"{_N_WORD}\s+(?:main indicators|chỉ số chính)")
#: A count of units or indicators right before a top-K group: K is the count's threshold.
COUNT_BEFORE_TOP_K = re.compile(rf"(?i){_N_WORD}\s*(?:/|of|trên|trong số|trong)\s*"
                                rf"(?:its\s+|the\s+)?{_N_WORD}\s+(?:main indicators|indicators|"
                                rf"chỉ số(?: chính)?|huyện|sở|xã|districts|departments)"
                                rf"[^.;]{{0,30}}$")
TOP_K_AFTER = re.compile(r"(?i)[^.;]{0,50}?\b(?:top|tốp|nhóm)\s+\d{1,2}\b")
#: The due year of a plan named with its period: "Chương trình ... giai đoạn 2021-2025",
#: "Nghị quyết ... về chuyển đổi số đến năm 2025".
PLAN_DUE = re.compile(r"(?i)(?:chương trình|kế hoạch|nghị quyết|đề án|plan|programme|program)\b"
                      r"[^.;]{0,100}?(?:20[12]\d\s*[-–]\s*|đến năm\s+|by\s+|to\s+)(20[2-4]\d)\b")
#: A share of targets met, with the phase it counts: "hoàn thành 100% chỉ tiêu giai đoạn
#: 2019 – 2020 và 70% chỉ tiêu giai đoạn 2021 – 2025".
SHARE_MET = re.compile(r"(?i)(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%\s*(?:các\s+|số\s+|"
                       r"of\s+(?:the\s+|its\s+|their\s+)?)?"
                       r"(?:chỉ tiêu|mục tiêu|targets)\b(?:[^\d%;]{0,25}?(?:giai đoạn|period)"
                       r"(?:\s+đoạn)?\s*20\d\d\s*[-–]\s*(20\d\d))?")
#: The year printed right after an achieved value: "from 61% in 2022", "61% (2022)".
VALUE_YEAR_AFTER = re.compile(r"(?i)\s*(?:in\s+|năm\s+|\(\s*)(20[1-3]\d)\b")
#: The due year of counted targets, printed right after them: "targets set for 2025",
#: "chỉ tiêu đến năm 2025".
TARGETS_DUE_AFTER = re.compile(r"(?i)\s*(?:set\s+|đề ra\s+)?(?:for|by|to|đến năm|năm)\s+"
                               r"(20[2-4]\d)\b")
#: A verb of meeting right before a count of targets: "đã hoàn thành 18 chỉ tiêu", "met 18".
MET_VERB_BEFORE = re.compile(r"(?i)\b(?:đã\s+)?(?:hoàn thành|đạt|completed|achieved|met|fulfilled)"
                             r"(?:\s+(?:và vượt|and exceeded))?(?:\s+được)?\s*$")
#: An anaphor that links a sentence to the figure of the previous one ("Con số này ...").
LINK_BACK = re.compile(r"(?i)^\W*(?:con số này|tỷ lệ này|chỉ số này|this (?:figure|rate|share)|"
                       r"the figure)")
#: Words after a count of targets that give its status ("dự kiến sẽ đạt", "chưa đạt").
STATUS_AFTER = re.compile(r"(?i)\s*(?:đã|đang|dự kiến|chưa|còn|khó|khả năng|sẽ|were|have|had)\b")
#: A percentage or a count (of enterprises, people, households, accounts) a target may set.
PERCENT = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d\d\b)(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*"
                     r"(%|\s(?:[a-z-]+\s){0,2}?(?:enterprises|businesses|firms|people|households|"
                     r"accounts|users)\b|\s(?:doanh nghiệp|hộ gia đình|người dân|tài khoản)\b)")
#: A change from one level to another ("rose from 35% to 48%", "tăng từ 35% lên 48%").
CHANGE_FROM = re.compile(r"(?i)\b(?:rose|risen|increased|grew|grown|fell|dropped|declined|"
                         r"climbed|jumped|up|down|tăng|giảm)\s+(?:from|từ)\s+(?:mức\s+)?$")
#: The upper end of a range after a percentage: "45% - 50%", "65-70%".
RANGE_UPPER = re.compile(r"\s*(?:[-–]|đến|to)\s*\d+(?:[.,]\d+)?\s*%")
#: The due year printed right after a target: "20% by 2025", "80% vào năm 2025".
DUE_AFTER_TARGET = re.compile(r"(?i)[^.;,\d]{0,12}?\b(?:by|in|đến|vào|trong)\s+(?:the end of\s+|"
                              r"cuối\s+)?(?:năm\s+)?(20[1-4]\d)\b")
#: A due year after a target, not past the next coordinated target ("and", "và", a comma).
OWN_DUE_AFTER = re.compile(r"(?i)(?:(?!\b(?:và|and|with)\b)[^.;,\d]){0,60}?\b(?:by|đến|vào)\s+"
                           r"(?:the end of\s+|cuối\s+)?(?:năm\s+)?(20[1-4]\d)\b")
AGE = re.compile(r".{0,12}(?:tuổi|years old)")
