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
from .words import table

WORDS = table("TARGETS")


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
PARTS = table("CLAIMS")


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
