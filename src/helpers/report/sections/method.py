"""Data and method: the About box, the sources behind the page's figures, version and citation."""

from __future__ import annotations

import pandas as pd

from ... import vocab
from .. import provenance
from ..tables import ReportContext, Tables, rows_of

NAME = "method"
TEMPLATE = "method.html.j2"
FIGURE = None


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the sources of the rows the page shows (and of its targets), version, citation."""
    rows = rows_of(t, ctx.code, ctx.basis)
    if ctx.standing:  # a 34-only year: the unit's row of that year is shown, and its source
        unit_rows = rows_of(t, ctx.standing["code"], vocab.BASIS_UNITS)
        rows = pd.concat([rows, unit_rows[unit_rows["year"] == ctx.year]])
    return {"method": provenance.method(
        t.register, rows, is_unit=ctx.is_unit, has_model=not t.predictions.empty,
        has_press=bool(ctx.targets or ctx.claims), lang=ctx.lang, slug=ctx.slug,
        name=ctx.name, year=ctx.year, extra=ctx.goals["source_ids"])}
