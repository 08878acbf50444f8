"""The report's static figures: narrow PNGs legible on a phone, colour-blind-safe, with alt text."""

from __future__ import annotations

import base64
import contextlib
import functools
import gc
import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import matplotlib
import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator, ScalarFormatter
from matplotlib.transforms import IdentityTransform
from PIL import Image

from .. import vocab
from . import goal_pages, narrative, tables
from .tables import ReportContext

#: Width of every report figure in inches; at 96 dpi 442 px, shown at most at that width.
WIDTH_IN = 4.6
DPI = 96
#: Image pixels per displayed pixel: the PNGs are drawn at twice the size they are shown at, so
#: that they stay sharp on high-density screens.
SCALE = 2
#: Smallest font in the figures, in points (9 pt = 12 px at full width, >= 9 px at 375 px).
FONT_PT = 9
#: Okabe-Ito colours (distinguishable with the common colour-vision deficiencies).
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
MARKERS = ["o", "s", "D", "^", "v", "P"]
STYLE = {"font.size": 10, "axes.labelsize": 10, "xtick.labelsize": 9.5, "ytick.labelsize": 9.5,
         "legend.fontsize": FONT_PT}


@dataclass(frozen=True)
class Rendered:
    """A figure as a data URI with its displayed width and the finding it shows."""

    src: str
    width: int
    alt: str
    font_px: float = FONT_PT * DPI * SCALE / 72  # in image pixels


def new_figure(height: float) -> Figure:
    """Return an empty figure of the report width."""
    return Figure(figsize=(WIDTH_IN, height), layout="constrained", dpi=DPI)


def styled(draw: Callable[[ReportContext], Rendered | None]
           ) -> Callable[[ReportContext], Rendered | None]:
    """Draw a figure with the report's font sizes (without changing the global settings)."""

    @functools.wraps(draw)
    def wrapper(ctx: ReportContext) -> Rendered | None:
        with matplotlib.rc_context(STYLE), young():
            return draw(ctx)

    return wrapper


@contextlib.contextmanager
def young() -> Iterator[None]:
    """Hold the cyclic garbage collector while a figure is drawn, then collect the youngest
    generation: the figure (a web of cycles, unreachable once drawn) is freed at once instead
    of being promoted to the oldest generation, whose collections walk every live object of a
    warm kernel (about 20 CPU-ms a page)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


def png(fig: Figure) -> str:
    """Return a figure as an inline PNG data URI, narrowed to the report width if wider."""
    width, height = fig.get_size_inches()
    if width > WIDTH_IN:
        fig.set_size_inches(WIDTH_IN, height)
    buffer = io.BytesIO()
    palette(raster(fig)).save(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def palette(image: Image.Image) -> Image.Image:
    """Return an opaque image in 256 colours (a transparent one as it is).

    The charts are a few flat colours and their anti-aliased edges: in a palette the PNG is a
    third of the RGB one's size and encodes in half the time; no pixel moves by more than a few
    levels of 255 (up to 15 at an edge, about 1 on average), which at twice the displayed size
    no reader can see.
    """
    return image.quantize(256, method=Image.Quantize.FASTOCTREE) if image.mode == "RGB" else image


#: Each thread's Agg canvases, one per image size, kept for the process: the figures of a size
#: are drawn by the same renderer, so matplotlib's cache of text extents (kept per renderer)
#: serves them all (tick labels, axis labels and legends repeat from page to page), and the
#: image buffer is not allocated again. Per thread: two threads never share a buffer.
_DRAWN_BY = threading.local()


def raster(fig: Figure) -> Image.Image:
    """Draw a figure at SCALE times its displayed size, in one pass; RGB when it is opaque.

    The same pixels as ``fig.savefig(dpi=DPI * SCALE)``, at two thirds of its cost: savefig
    walks every artist twice (a layout pass of its own, then the drawing), and encodes the alpha
    channel of an opaque figure (a quarter of the bytes to compress and store). It is drawn on
    the kept canvas of its size, and keeps a canvas of its own afterwards.
    """
    fig.set_dpi(DPI * SCALE)
    own = FigureCanvasAgg(fig)
    size = own.get_width_height(physical=True)
    canvases = _DRAWN_BY.__dict__.setdefault("canvases", {})
    canvas = canvases.get(size) or canvases.setdefault(size, FigureCanvasAgg(Figure()))
    canvas.figure = fig
    fig.set_canvas(canvas)
    try:
        canvas.draw()  # the constrained layout runs within this one draw
        pixels = canvas.buffer_rgba()
        if np.asarray(pixels)[..., 3].min() == 255:  # opaque: alpha bytes dropped as read
            return Image.frombytes("RGB", size, pixels, "raw", "RGBX")
        return Image.frombytes("RGBA", size, pixels, "raw", "RGBA")  # a copy: buffer reused
    finally:
        fig.set_canvas(own)
        canvas.figure = None  # the kept canvas holds no figure: a drawn one is freed at once


class _LabelsApart(Artist):
    """Places line labels when the figure is drawn, once the layout has fixed where the axes
    are: each just above its line (below it when the axes or the label above leave no room),
    none over another, none outside the axes (a wide one starts at the axes' left edge)."""

    zorder = 0  # drawn before the labels it places

    def __init__(self, labels: list[tuple[Text, float, float]]) -> None:
        """labels: each label with the data point (x, y) its line ends at."""
        super().__init__()
        self.labels = labels
        self.set_in_layout(False)

    def draw(self, renderer: RendererBase) -> None:
        """Move the labels into place (the axes draw them afterwards)."""
        ax = self.axes
        box = ax.get_window_extent(renderer)
        pad = renderer.points_to_pixels(1.5)
        ends = [(text, *ax.transData.transform((x, y))) for text, x, y in self.labels]
        ceiling = box.y1 - pad  # the lowest bottom of the labels placed so far
        for text, x, y in sorted(ends, key=lambda end: -end[2]):  # from the top down
            text.set_transform(IdentityTransform())
            extent = text.get_window_extent(renderer)
            top = y + pad + extent.height  # above its line
            if top > ceiling:
                top = min(y - pad, ceiling)  # below its line, or below the label above
            top = max(top, box.y0 + pad + extent.height)
            wide = x - pad - extent.width < box.x0 + pad
            text.set(position=(box.x0 + pad if wide else x - pad, top), va="top",
                     ha="left" if wide else "right")
            ceiling = top - extent.height - pad


def keep_apart(ax: Axes, labels: list[tuple[Text, float, float]]) -> None:
    """Place line labels (each with the point its line ends at) apart when the figure is drawn,
    at the figures' smallest font (FONT_PT), haloed, outside the layout."""
    for text, _, _ in labels:  # haloed over the lines it crosses, under the points (zorder 3)
        text.set(fontsize=FONT_PT, in_layout=False, zorder=2.5,
                 path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])
    ax.add_artist(_LabelsApart(labels))


class _DecimalComma(ScalarFormatter):
    """Tick labels with a decimal comma (Vietnamese: 0,75)."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        """Return the tick label with a comma for the point."""
        return super().__call__(x, pos).replace(".", ",")


def decimals(axis: matplotlib.axis.Axis, lang: str) -> None:
    """Give an axis the decimal mark of the page's language (a comma in Vietnamese)."""
    if lang == "vi":
        axis.set_major_formatter(_DecimalComma())


#: How a history point shows where its figure comes from (the same shape, filled differently).
ORIGIN_FILL = {"official": "full", "derived": "none", "reported": "bottom"}


def origin_handles(origins: set[str], lang: str) -> list[Line2D]:
    """Return legend entries for the kinds of point drawn (official, derived, reported)."""
    return [Line2D([], [], ls="none", marker="o", color="0.3", fillstyle=ORIGIN_FILL[o], ms=5,
                   label=vocab.origin_name(o, lang)) for o in ORIGIN_FILL if o in origins]


def known(row: dict, column: str) -> bool:
    """Tell whether a history row holds a value in a column (not None, not NaN)."""
    found = row.get(column)
    return found is not None and found == found


def segments(part: list[dict], column: str) -> list[list[dict]]:
    """Split a series into runs of consecutive years, broken at the 2020/2021 method change."""
    runs: list[list[dict]] = []
    previous = None
    for row in sorted((r for r in part if known(r, column)), key=lambda r: r["year"]):
        year = row["year"]
        if (previous is None or year != previous + 1
                or previous <= vocab.METHOD_CHANGE_AFTER < year):
            runs.append([])
        runs[-1].append(row)
        previous = year
    return runs


def history_lines(history: list[dict]) -> dict[str, list[dict]]:
    """Return the history rows by line (code), in the order the lines first appear, each row
    with its basis (63 unless said) and origin (official unless said)."""
    lines: dict[str, list[dict]] = {}
    for row in history:
        lines.setdefault(row["code"], []).append(
            {"basis": vocab.BASIS_PROVINCES, "origin": "official", **row})
    return lines


@styled
def history_figure(ctx: ReportContext) -> Rendered | None:
    """Draw rank and score by year, lines broken at the method change and at missing years."""
    lines = history_lines(ctx.history)
    if len({row["year"] for part in lines.values() for row in part}) < 2:
        return None
    t, lang = ctx.t, ctx.lang
    fig = new_figure(4.6)
    ax_rank, ax_score = fig.subplots(2, 1, sharex=True)
    for k, part in enumerate(lines.values()):
        style = {"color": COLOURS[k % len(COLOURS)], "marker": MARKERS[k % len(MARKERS)],
                 "ms": 5}
        if is_unit_line(part):  # the 2025 unit's line: ranks out of 34, drawn dashed
            style["ls"] = "--"
        for ax, column in ((ax_rank, "rank"), (ax_score, "score")):
            for i, run in enumerate(segments(part, column)):
                label = series_label(part, t) if i == 0 and ax is ax_rank else None
                ax.plot([r["year"] for r in run], [r[column] for r in run], label=label,
                        markevery=[] if ax is ax_rank else None, **style)
        by_origin: dict[str, list[dict]] = {}
        for row in part:  # rank: filled, hollow or half
            if known(row, "rank") and known(row, "origin"):
                by_origin.setdefault(str(row["origin"]), []).append(row)
        for origin, group in sorted(by_origin.items()):
            ax_rank.plot([r["year"] for r in group], [r["rank"] for r in group], ls="none",
                         marker=style["marker"], color=style["color"], ms=5,
                         fillstyle=ORIGIN_FILL.get(origin, "full"), zorder=3)
    rows = [row for part in lines.values() for row in part]
    ranks = [float(row["rank"]) for row in rows if known(row, "rank")]
    years = range(min(row["year"] for row in rows), max(row["year"] for row in rows) + 1)
    captioned: list[float] = []  # a caption within two years of another goes a line higher
    for ax in (ax_rank, ax_score):
        ax.set_xticks(list(years))
        ax.set_xlim(min(years) - 0.4, max(years) + 0.6)
        for x, name in ((vocab.METHOD_CHANGE_AFTER + 0.5, t["method_break"]),
                        (tables.METHOD_CHANGE_YEAR - 0.5, t["method_break"]),
                        (vocab.MERGER_DATE.year - 0.5, t["merger"])):
            if min(years) < x < max(years) + 1:
                ax.axvline(x, color="0.45", ls="--", lw=0.8)
                if ax is ax_rank:
                    row = sum(abs(x - other) < 2 for other in captioned)
                    ax.annotate(name, (x, 1.0), xycoords=ax.get_xaxis_transform(),
                                xytext=(0, 1.25 * FONT_PT * row), textcoords="offset points",
                                fontsize=FONT_PT, color="0.3", va="bottom", ha="center")
                    captioned.append(x)
    goal_pages.draw_rank_targets(ax_rank, ctx)
    ax_rank.invert_yaxis()
    ax_rank.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom, top = ax_rank.get_ylim()  # room above the best rank, so no point is cut at the top
    ax_rank.set_ylim(bottom, min(top, (min(ranks) if ranks else float("nan")) - 0.8))
    ax_rank.set_ylabel(t["rank_axis"])
    ax_score.set_ylabel(t["score_axis"])
    decimals(ax_score.yaxis, lang)
    handles = ax_rank.get_legend_handles_labels()[0] if len(lines) > 1 else []
    handles += origin_handles({str(row["origin"]) for row in rows if known(row, "rank")}, lang)
    fig.legend(handles=handles, frameon=False, loc="outside lower center", ncol=2)
    return Rendered(png(fig), int(WIDTH_IN * DPI), history_alt(lines, ctx.name, lang))


def is_unit_line(part: list[dict]) -> bool:
    """Return whether a history line is a 2025 unit's (34 basis)."""
    return int(part[0].get("basis", vocab.BASIS_PROVINCES)) == vocab.BASIS_UNITS


def series_label(part: list[dict], t: dict) -> str:
    """Return a history line's legend label (a unit's says its ranks are out of 34)."""
    name = part[0]["name"]
    return t["unit_series"].format(name=name) if is_unit_line(part) else name


def history_alt(lines: dict[str, list[dict]], name: str, lang: str) -> str:
    """Return the history figure's finding (lines as `history_lines` gives them): each line's
    first and last known rank (a shared rank marked joint, as the page's sentences mark it)."""
    parts = []
    for line in lines.values():
        part = [row for row in line if known(row, "rank")]
        if not part:
            continue
        first, last = part[0], part[-1]
        label = series_label(part, narrative.TEXT[lang])
        n = int(part[0].get("basis", vocab.BASIS_PROVINCES))
        if lang == "vi":
            text = f"{label}: {_ranked_row(first, lang)}/{n} năm {int(first['year'])}"
            if len(part) > 1:
                text += f", {_ranked_row(last, lang)}/{n} năm {int(last['year'])}"
        else:
            text = f"{label}: {_ranked_row(first, lang)} of {n} in {int(first['year'])}"
            if len(part) > 1:
                text += f", {_ranked_row(last, lang)} in {int(last['year'])}"
        parts.append(text)
    lead = ("Thứ hạng và điểm số qua các năm của " if lang == "vi"
            else "Rank and score over the years of ") + name
    years = sorted({row["year"] for line in lines.values() for row in line})
    changes = [str(y) for y in (vocab.METHOD_CHANGE_AFTER + 1, tables.METHOD_CHANGE_YEAR)
               if years and years[0] < y <= years[-1]]
    method = (" " + narrative.TEXT[lang]["method_alt"].format(
        years=narrative.TEXT[lang]["and"].join(changes)) if changes else "")
    return f"{lead}. " + "; ".join(parts) + "." + method


def _ranked_row(row: dict, lang: str) -> str:
    """Return a history row's rank as the sentences word it ("joint 7th" when shared)."""
    return narrative.ranked(row["rank"], lang, bool(row.get("tied")) if known(row, "tied")
                            else False)


@styled
def indices_figure(ctx: ReportContext) -> Rendered | None:
    """Draw the province's scores with the national median, the best and the regional mean."""
    rows = ctx.indices
    if not rows:
        return None
    t, lang = ctx.t, ctx.lang
    labels = [narrative.wrap(vocab.measure_name(r["measure"], lang), 16) for r in rows]
    fig = new_figure(0.62 * len(rows) + 1.5)
    ax = fig.subplots()
    y = list(range(len(rows)))
    ax.barh(y, [r["score"] for r in rows], color="#9ecae1", edgecolor="#0072B2", height=0.55,
            label=ctx.name)
    ax.scatter([r["median"] for r in rows], y, marker="|", s=260, color="black",
               label=t["national_median"], zorder=3)
    ax.scatter([r["best"] for r in rows], y, marker="^", color=COLOURS[1], label=t["best"],
               zorder=3)
    ax.scatter([r["regional_mean"] for r in rows], y, marker="o", facecolor="white",
               edgecolor=COLOURS[2], linewidth=1.5, label=t["regional_mean"], zorder=3)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.03)
    decimals(ax.xaxis, lang)
    ax.set_xlabel(t["score_axis"])
    origins = score_origins(ax, rows)
    if origins:
        handles = ax.get_legend_handles_labels()[0] + origin_handles(origins, lang)
        fig.legend(handles=handles, frameon=False, loc="outside lower center", ncol=2)
    else:
        fig.legend(frameon=False, loc="outside lower center", ncol=2)
    return Rendered(png(fig), int(WIDTH_IN * DPI), indices_alt(rows, ctx.name, lang))


def score_origins(ax: Axes, rows: list[dict]) -> set[str]:
    """Mark each score at its bar's end as official, derived or reported (rows that say where
    their score came from, ``score_origin``), when not all are official; return those drawn."""
    origins = {str(r.get("score_origin") or "") for r in rows} & set(ORIGIN_FILL)
    if not origins - {"official"}:
        return set()
    for i, row in enumerate(rows):
        origin = str(row.get("score_origin") or "")
        if origin in ORIGIN_FILL:
            ax.plot([row["score"]], [i], ls="none", marker="o", ms=5, color=COLOURS[0],
                    fillstyle=ORIGIN_FILL[origin], markerfacecoloralt="white", zorder=4)
    return origins


def indices_alt(rows: list[dict], name: str, lang: str) -> str:
    """Return the indices figure's finding: where the overall score sits, strongest index."""
    overall = next((r for r in rows if r["measure"] == "overall"), rows[0])
    above = overall["score"] >= overall["median"]
    num = narrative.number
    if lang == "vi":
        text = (f"Điểm {vocab.measure_name(overall['measure'], lang)} của {name} là "
                f"{num(overall['score'], lang)}, {'cao hơn' if above else 'thấp hơn'} trung vị "
                f"cả nước ({num(overall['median'], lang)}); cao nhất là "
                f"{num(overall['best'], lang)}.")
    else:
        text = (f"{name}'s {vocab.measure_name(overall['measure'], lang)} score is "
                f"{num(overall['score'], lang)}, {'above' if above else 'below'} the national "
                f"median ({num(overall['median'], lang)}); the best is "
                f"{num(overall['best'], lang)}.")
    return text


@styled
def moved_figure(ctx: ReportContext) -> Rendered | None:
    """Draw the four main indices' ranks over the years shown, one line each (1 = best)."""
    moved = ctx.moved
    if not moved:
        return None
    fig = new_figure(3.2)
    ax = fig.subplots()
    for k, row in enumerate(moved["rows"]):
        points = [(y, r) for y, r in zip(moved["years"], row["ranks"], strict=True) if r]
        if points:
            ax.plot(*zip(*points, strict=True), color=COLOURS[k % len(COLOURS)],
                    marker=MARKERS[k % len(MARKERS)], ms=5,
                    label=narrative.wrap(vocab.measure_name(row["measure"], ctx.lang), 22))
    ax.set_xticks(moved["years"])
    ax.invert_yaxis()
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ctx.t["rank_axis"])
    if moved.get("method_changed") in moved["years"]:
        ax.axvline(moved["method_changed"] - 0.5, color="0.45", ls="--", lw=0.8)
        ax.text(moved["method_changed"] - 0.5, 1.0, ctx.t["method_break"], fontsize=FONT_PT,
                transform=ax.get_xaxis_transform(), color="0.3", va="bottom", ha="center")
    fig.legend(frameon=False, loc="outside lower center", ncol=2)
    return Rendered(png(fig), int(WIDTH_IN * DPI), moved_alt(moved, ctx.name, ctx.lang))


def moved_alt(moved: dict, name: str, lang: str) -> str:
    """Return the moved figure's finding: each index's rank in the first and last year (a shared
    rank marked joint, as the page's sentences mark it)."""
    items = []
    for row in moved["rows"]:
        tied = row.get("tied") or [False] * len(row["ranks"])  # a shared rank is marked joint
        first = narrative.ranked(row["ranks"][0], lang, tied[0])
        last = narrative.ranked(row["ranks"][-1], lang, tied[-1])
        items.append(f"{vocab.measure_name(row['measure'], lang)} {first} → {last}")
    return narrative.TEXT[lang]["moved_alt"].format(name=name, y0=moved["years"][0],
                                                     y1=moved["years"][-1],
                                                     items="; ".join(items))


FIGURES = {"history": history_figure, "indices": indices_figure, "moved": moved_figure}
