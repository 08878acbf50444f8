"""The province's own targets and claims, with the targets-met and claims sentences.

The rows and words are made by `report.goal_pages` (also the targets page), the claims by
`report.claims`, the targets-met sentence by `report.attainment`, all from the loader's tables.
"""

from __future__ import annotations

from ... import provinces
from .. import attainment, goal_pages
from ..narrative import place_word
from ..tables import ReportContext, Tables, records

NAME = "targets"
TEMPLATE = "targets.html.j2"
FIGURE = None  # the DTI rank targets are drawn on the history chart


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the targets section (rows, counts, claims, sentences) and the press rows held."""
    members = list(provinces.predecessors(ctx.code)) if ctx.is_unit else [ctx.code]
    targets = records(t.targets, "province_code", members)
    goals = goal_pages.section_of(t, ctx.code, ctx.basis, ctx.lang)
    goals["targets_sentence"] = attainment.sentence(attainment.counts(targets), ctx.lang,
                                                    place_word(ctx.code, ctx.lang))
    return {"targets": targets, "claims": records(t.claims, "province_code", members),
            "goals": goals}
