"""The targets-met sentence of a page: attainments judged one by one, tallies as tallies.

Stage 11 writes targets.csv with a `kind` per row: an ``attainment`` is one target with its
achieved figure (met or not), a ``tally`` is a count the source states ("23 of 34 targets
met"), and `document` says whether the source is a plan or a press report. This module counts
and words those rows; a tally is never counted as one missed target.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MET_TALLY = "targets met of the number set"


@dataclass(frozen=True)
class Attained:
    """The statements of a page's targets-met sentence, per kind of source document."""

    document: str
    judged: int
    met: int
    tallies: tuple[tuple[int, int, int | None], ...]  # (met, of, year)


def counts(targets: list[dict]) -> list[Attained]:
    """Count the attainments (met of judged) and list the met tallies, per source document."""
    out = []
    for document in ("press", "plan"):
        mine = [t for t in targets if t.get("document", "press") == document]
        judged = [t for t in mine if t["kind"] == "attainment"]
        tallies = tuple((int(t["achieved"]), int(t["target"]),
                         None if pd.isna(t["year"]) else int(t["year"]))
                        for t in mine if t["kind"] == "tally" and t["how_judged"] == MET_TALLY)
        if judged or tallies:
            out.append(Attained(document, len(judged),
                                sum(str(t["met"]).lower() == "true" for t in judged), tallies))
    return out


WORDS = {
    "en": {"press": "Its press reports", "plan": "Its plans",
           "judged": "{who} give {n} targets with the achieved figure beside the target, {m} "
                     "of them met.",
           "judged_one": "{who} give 1 target with the achieved figure beside the target, "
                         "and it was {met}.", "met": "met", "not_met": "not met", "none": "none",
           "tally": "{who} count {m} of {d} target{s} met{y}.", "year": " ({y})"},
    "vi": {"press": "Báo chí của {place}", "plan": "Kế hoạch của {place}",
           "judged": "{who} nêu {n} chỉ tiêu có số liệu thực hiện bên cạnh mục tiêu, trong đó "
                     "{m} chỉ tiêu đạt.",
           "judged_one": "{who} nêu 1 chỉ tiêu có số liệu thực hiện bên cạnh mục tiêu, chỉ tiêu "
                         "này {met}.", "met": "đạt", "not_met": "không đạt", "none": "không",
           "tally": "{who} ghi {m}/{d} mục tiêu đạt{y}.", "year": " (năm {y})"},
}


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
