"""The province's own claims on a page: rows as stage 11 judged them, and the summary sentence.

Stage 11 (`helpers.targets.press_targets.check_claims`) writes, per claim, the basis it was
judged on, what it was checked against and whether that check is independent of the claiming
source. This module only counts and words those columns; it never looks a rank up again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import vocab
from . import press_words
from .goal_words import WORDS


@dataclass(frozen=True)
class ClaimCounts:
    """The statements of a page's claims sentence, counted from claims.csv."""

    claims: int
    articles: int
    official: int
    derived: int
    reported: int
    dependent: int
    independent_match: int
    independent_differ: int

    @property
    def checked(self) -> int:
        """Return how many claims could be checked at all."""
        return self.official + self.derived + self.reported + self.dependent

    @property
    def independent(self) -> int:
        """Return how many claims were checked against a source independent of the claim."""
        return self.official + self.derived + self.reported


def counts(rows: list[dict]) -> ClaimCounts:
    """Count a page's claims by what each was checked against (stage 11's columns)."""
    against = [r["checked_against"] for r in rows]
    independent = [r for r in rows if _independent(r)]
    return ClaimCounts(
        claims=len(rows), articles=len({r["article_id"] for r in rows}),
        official=against.count("official"), derived=against.count("derived"),
        reported=against.count("reported"),
        dependent=against.count("same_publisher") + against.count("own_press"),
        independent_match=sum(r["status"] == "consistent" for r in independent),
        independent_differ=sum(r["status"] == "inconsistent" for r in independent))


def _independent(row: dict) -> bool:
    """Tell whether a claims.csv row was checked independently (read as written, any dtype)."""
    return str(row["independent"]).lower() == "true"


#: The sentence's parts by language; empty counts are left out.
PARTS = {
    "en": {"lead": "Of the {n} rank{s} it claims, ", "none": "none could be checked against "
           "the rankings held.", "checked": "{k} could be checked: ",
           "official": "{v} against the ministry's table", "derived": "{v} against ranks "
           "derived from the published scores", "reported": "{v} against other press reports",
           "dependent": "{v} only against the province's own media or the same publisher (not "
           "independent)", "result": " Of the {v} checked independently, {m} and {d}.",
           "all_match": " All {v} checked independently match.",
           "all_differ": " All {v} checked independently differ.",
           "one_match": " The one checked independently matches.",
           "one_differ": " The one checked independently differs.",
           "match": "{n} match", "differ": "{n} differ", "no_independent": " None was checked "
           "independently."},
    "vi": {"lead": "Trong {n} thứ hạng tỉnh công bố, ", "none": "không thứ hạng nào đối chiếu "
           "được với bảng xếp hạng hiện có.", "checked": "{k} thứ hạng đối chiếu được: ",
           "official": "{v} với bảng xếp hạng chính thức của Bộ", "derived": "{v} với thứ hạng "
           "tính từ điểm số đã công bố", "reported": "{v} với báo chí khác",
           "dependent": "{v} chỉ với báo chí của chính tỉnh hoặc cùng nguồn đăng (không độc "
           "lập)", "result": " Trong {v} thứ hạng đối chiếu độc lập, {m} và {d}.",
           "all_match": " Cả {v} thứ hạng đối chiếu độc lập đều khớp.",
           "all_differ": " Cả {v} thứ hạng đối chiếu độc lập đều không khớp.",
           "one_match": " Thứ hạng duy nhất được đối chiếu độc lập khớp.",
           "one_differ": " Thứ hạng duy nhất được đối chiếu độc lập không khớp.",
           "match": "{n} khớp", "differ": "{n} không khớp",
           "no_independent": " Không thứ hạng nào được đối chiếu độc lập."},
}


def sentence(c: ClaimCounts, lang: str, place: str = "tỉnh") -> str:
    """Word a page's claims sentence from its counts ("" when the page has no claim)."""
    if not c.claims:
        return ""
    p = {k: v.replace("tỉnh", place) if k in ("lead", "dependent") else v
         for k, v in PARTS[lang].items()}
    if not c.checked:
        return p["lead"].format(n=c.claims, s=_s(c.claims)) + p["none"]
    independent = [p[k].format(v=getattr(c, k)) for k in ("official", "derived", "reported")
                   if getattr(c, k)]
    text = p["lead"].format(n=c.claims, s=_s(c.claims)) + p["checked"].format(k=c.checked)
    text += ", ".join(independent)
    if c.dependent:
        text += ("; " if independent else "") + p["dependent"].format(v=c.dependent)
    text += "."
    if c.independent:
        return text + result(c.independent, c.independent_match, c.independent_differ, lang)
    return text + p["no_independent"]


def result(checked: int, match: int, differ: int, lang: str) -> str:
    """Word how many independently checked claims match and differ, with plurals and "none"."""
    p = PARTS[lang]
    for count, key in ((match, "match"), (differ, "differ")):
        if count == checked:
            return p[("one_" if checked == 1 else "all_") + key].format(v=checked)
    return p["result"].format(v=checked, m=_agree(match, p["match"], lang),
                              d=_agree(differ, p["differ"], lang))


def _agree(n: int, phrase: str, lang: str) -> str:
    """Word "{n} match" with its count: "none match", "1 matches" / "không thứ hạng nào khớp"."""
    if n == 0:
        return "none " + phrase.format(n="").strip() if lang == "en" else \
            "không thứ hạng nào " + phrase.format(n="").strip()
    if n == 1 and lang == "en":
        return phrase.format(n=1) + ("es" if phrase.endswith("match") else "s")
    return phrase.format(n=n)


def _s(n: int) -> str:
    """Return the English plural ending for a count ("" for one)."""
    return "" if n == 1 else "s"


def rows(claims: list[dict], publisher: dict[str, str], basis: int, lang: str) -> list[dict]:
    """Return a page's claims, worded: each with what it was checked against, as written."""
    w = WORDS[lang]
    out = []
    for claim in claims:
        other_basis = pd.notna(claim["basis"]) and int(claim["basis"]) != basis
        shown = (vocab.measure_name(claim["measure"], lang)
                 if claim["measure"] in vocab.MEASURE_NAMES
                 else press_words.describe(claim["measure"], lang))
        status = claim["status"]
        if status == "consistent" and not _independent(claim):
            status = "consistent_dependent"
        out.append({**claim, "against": claim["checked_against"], "measure_text": shown,
                    "measure_lang": press_words.lang_of(shown, lang),
                    "against_text": w[f"against_{claim['checked_against']}"],
                    "status_text": w[f"claim_{status.replace(' ', '_')}"],
                    "of_basis": int(claim["basis"]) if other_basis else None,
                    "publisher": publisher.get(claim["article_id"], "")})
    return out
