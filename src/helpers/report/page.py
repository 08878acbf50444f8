"""One province's (or 2025 unit's) report: its sections computed, drawn and rendered as HTML.

The tables come from one loader (`report.tables`); each section of `report.sections` computes
its numbers, names its figure and its template; this module runs them for the report notebook.
"""

from __future__ import annotations

from .. import gitinfo, params, processed, provinces, vocab
from . import figures, narrative, sections
from .tables import ReportContext, Tables, identity, per_table, tables

SECTIONS = sections.SECTIONS
__all__ = ["SECTIONS", "ReportContext", "Tables", "build", "commit", "section", "section_html",
           "tables"]
commit = gitinfo.commit
#: Each section's chart (with its alt text), by section name.
FIGURES = {s.NAME: s.FIGURE for s in sections.ORDER if s.FIGURE is not None}


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
    year = int(year) if year else latest_year(t)
    ctx = identity(code, year, lang, narrative.page_text(lang, code))
    for part in sections.ORDER:  # in page order: `method` cites the targets' sources
        for name, value in part.numbers(t, ctx).items():
            setattr(ctx, name, value)
    return ctx


@per_table
def latest_year(t: Tables) -> int:
    """Return the latest year complete on either basis (once per loaded table)."""
    return processed.latest_year(t.rankings)


def section_html(ctx: ReportContext, name: str) -> str:
    """Return one section of the report as HTML (its figure embedded, if it has one)."""
    if name not in SECTIONS:
        raise ValueError(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
    part = sections.BY_NAME[name]
    drawn = part.FIGURE(ctx) if part.FIGURE is not None else None
    figure = {"figure": drawn, "figure_alt": "", "figure_width": "", "figure_font_px": ""}
    if isinstance(drawn, figures.Rendered):
        figure = {"figure": drawn.src, "figure_alt": drawn.alt, "figure_width": drawn.width,
                  "figure_font_px": f"{drawn.font_px:.1f}"}
    return narrative.render(part.TEMPLATE.format(lang=ctx.lang), **figure, **ctx.as_dict(),
                            **vocab.page_terms(ctx.lang))


def section(ctx: ReportContext, name: str) -> None:
    """Display one section in the notebook (as HTML only: the raw bundle skips IPython's
    formatters, which would add a text/plain "<HTML object>" no page or reader uses)."""
    from IPython.display import display

    display({"text/html": section_html(ctx, name)}, raw=True)
