"""What provinces like it usually reach (the factor model), or a unit's DTI forecast range.

The numbers, words and drawing of the model's ranges are in `report.fundamentals`; the forecast
of a 2025 unit in `report.forecast`.
"""

from __future__ import annotations

from .. import figures, forecast
from .. import fundamentals as model_ranges
from ..tables import ReportContext, Tables

NAME = "fundamentals"
TEMPLATE = "fundamentals.html.j2"


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the rank ranges from the fundamentals (provinces) or the forecast range (units)."""
    if ctx.is_unit:
        return {"fundamentals": None,
                "forecast": forecast.unit_range(t.forecast, ctx.code, ctx.year)}
    return {"fundamentals": model_ranges.context(t.predictions, t.contributions, ctx.code,
                                                 ctx.year, t.conditional, t.pillar_ranges),
            "forecast": None}


@figures.styled
def figure(ctx: ReportContext) -> figures.Rendered | None:
    """Draw the province's rank ranges from its fundamentals and its observed rank."""
    fig = model_ranges.figure(ctx, figures.new_figure(2.2))
    if fig is None:
        return None
    return figures.Rendered(figures.png(fig), int(figures.WIDTH_IN * figures.DPI),
                            model_ranges.alt(ctx))


FIGURE = figure
