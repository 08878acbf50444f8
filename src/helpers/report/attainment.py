"""The targets-met sentence of a page: attainments judged one by one, tallies as tallies.

Stage 11 writes targets.csv with a `kind` per row: an ``attainment`` is one target with its
achieved figure (met or not), a ``tally`` is a count the source states ("23 of 34 targets
met"), and `document` says whether the source is a plan or a press report. This module counts
and words those rows; a tally is never counted as one missed target.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .words import table

MET_TALLY = "targets met of the number set"


@dataclass(frozen=True)
class Attained:
    """The statements of a page's targets-met sentence, per kind of source document."""

    document: str
    judged: int
    met: int
    tallies: tuple[tuple[int, int, int | None], ...]  # (met, of, year)


def counts(targets: list[dict]) -> list[Attained]:
    """Count the attainments (met of judged) and list the distinct met tallies, per source
    document."""
    out = []
    for document in ("press", "plan"):
        mine = [t for t in targets if t.get("document", "press") == document]
        judged = [t for t in mine if t["kind"] == "attainment"]
        tallies = tuple(dict.fromkeys(  # the same count in two reports is one statement
            (int(t["achieved"]), int(t["target"]), None if pd.isna(t["year"]) else int(t["year"]))
            for t in mine if t["kind"] == "tally" and t["how_judged"] == MET_TALLY))
        if judged or tallies:
            out.append(Attained(document, len(judged),
                                sum(str(t["met"]).lower() == "true" for t in judged), tallies))
    return out


WORDS = table("ATTAINMENT")


def sentence(groups: list[Attained], lang: str, place: str = "tỉnh") -> str:
    """Word a page's targets-met sentence ("" when no target has an achieved figure)."""
    w, parts = WORDS[lang], []
    for g in groups:
        who = w[g.document].format(place=place)
        if g.judged == 1:
            parts.append(w["judged_one"].format(who=who, met=w["met" if g.met else "not_met"]))
        elif g.judged:
            judged = w["judged"].format(who=who, n=g.judged, m=g.met or w["none"])
            parts.append(judged.replace("không chỉ tiêu đạt", "không chỉ tiêu nào đạt"))
        for met, of, year in g.tallies:
            parts.append(w["tally"].format(who=who, m=met, d=of, s="" if of == 1 else "s",
                                           y="" if year is None else w["year"].format(y=year)))
    return " ".join(parts)
