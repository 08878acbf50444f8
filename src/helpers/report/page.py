"""One province's (or 2025 unit's) report: its context, figures and sections as HTML.

The numbers are gathered in `context`, the figures drawn in `figures`, the sources and
citation in `provenance`; this module puts them together for the report notebook.
"""

from __future__ import annotations

import pandas as pd

from .. import gitinfo, params, processed, provinces, vocab
from . import attainment, context, figures, fundamentals, goal_pages, narrative, provenance
from .context import ReportContext, Tables, tables

SECTIONS = ("headline", "narrative", "history", "indices", "moved", "peers", "fundamentals",
            "targets",
            "method")
__all__ = ["SECTIONS", "ReportContext", "Tables", "build", "commit", "section", "section_html",
           "tables"]
commit = gitinfo.commit
_png = figures.png


def resolve_target(province: str, basis: int) -> str:
    """Return the code a report parameter names (a code such as "27"/"U27", or any spelling)."""
    text = str(province).strip()
    known = set(provinces.provinces()["code"]) | set(provinces.units()["code"])
    if text in known:
        return text
    return provinces.resolve(text, basis=basis)  # raises with the closest candidates


def build(province: str, year: int | None = None, lang: str = "en", basis: int = 63,
          processed_dir: str = "") -> ReportContext:
    """Assemble every number a report shows for one province (basis 63) or unit (basis 34)."""
    if lang not in narrative.LANGS:
        raise ValueError(f"lang must be one of {narrative.LANGS}, not {lang!r}")
    t = tables(processed_dir)
    code, year = params.check_report(province, year, lang, basis, t.rankings)  # one-line errors
    basis = 34 if code.startswith("U") else 63
    year = int(year) if year else processed.latest_year(t.rankings)
    ctx = context.assemble(t, code, year, lang, narrative.page_text(lang, code))
    ctx.fundamentals = None if ctx.is_unit else _fundamentals(t, code, year)
    ctx.goals = goal_pages.section(code, basis, lang, processed_dir)  # the targets section
    ctx.goals["targets_sentence"] = attainment.sentence(attainment.counts(ctx.targets), lang,
                                                        narrative.place_word(code, lang))
    if ctx.moved:
        ctx.moved["sentence"] = narrative.moved_sentence(ctx.moved, ctx.t, lang)
    rows = context.rows_of(t, code, basis)
    if ctx.standing:  # a 34-only year: the unit's row of that year is shown, and its source
        unit_rows = context.rows_of(t, ctx.standing["code"], vocab.BASIS_UNITS)
        rows = pd.concat([rows, unit_rows[unit_rows["year"] == year]])
    ctx.method = provenance.method(
        t.register, rows, is_unit=ctx.is_unit,
        has_model=not t.predictions.empty, has_press=bool(ctx.targets or ctx.claims),
        lang=lang, slug=ctx.slug, name=ctx.name, year=year, extra=ctx.goals["source_ids"])
    return ctx


def _fundamentals(t: Tables, code: str, year: int) -> dict | None:
    """Return the rank interval from the fundamentals and the sign-stable blocks."""
    return fundamentals.context(t.predictions, t.contributions, code, year, t.conditional,
                                t.pillar_ranges)


@figures.styled
def fundamentals_figure(ctx: ReportContext) -> figures.Rendered | None:
    """Draw the province's rank ranges from its fundamentals and its observed rank."""
    fig = fundamentals.figure(ctx, figures.new_figure(2.2))
    if fig is None:
        return None
    return figures.Rendered(figures.png(fig), int(figures.WIDTH_IN * figures.DPI),
                            fundamentals.alt(ctx))


FIGURES = {**figures.FIGURES, "fundamentals": fundamentals_figure}


def section_html(ctx: ReportContext, name: str) -> str:
    """Return one section of the report as HTML (its figure embedded, if it has one)."""
    if name not in SECTIONS:
        raise ValueError(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
    drawn = FIGURES[name](ctx) if name in FIGURES else None
    figure = {"figure": drawn, "figure_alt": "", "figure_width": "", "figure_font_px": ""}
    if isinstance(drawn, figures.Rendered):
        figure = {"figure": drawn.src, "figure_alt": drawn.alt, "figure_width": drawn.width,
                  "figure_font_px": f"{drawn.font_px:.1f}"}
    template = f"narrative.{ctx.lang}.html.j2" if name == "narrative" else f"{name}.html.j2"
    return narrative.render(template, **figure, **ctx.as_dict(), **vocab.page_terms(ctx.lang))


def section(ctx: ReportContext, name: str) -> None:
    """Display one section in the notebook."""
    from IPython.display import HTML, display

    display(HTML(section_html(ctx, name)))
