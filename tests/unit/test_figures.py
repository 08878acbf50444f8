"""The report's charts as a reader sees them: sharp, in the page's decimal mark, every point
inside the frame, and official, derived and press-reported ranks told apart (issue 22)."""

from __future__ import annotations

import base64
import functools
import io
import weakref

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PIL import Image

from helpers import vocab
from helpers.report import figures, narrative
from helpers.report.tables import ReportContext

#: An invented province's overall rank and score over five years, the best (rank 3) first, at
#: the top of the chart, with each kind of origin (a 2021 score unknown).
HISTORY = [
    {"code": "27", "name": "Bắc Ninh", "year": year, "rank": rank, "score": score,
     "origin": origin, "basis": 63}
    for year, rank, score, origin in ((2020, 3, 0.41, "reported"), (2021, 4, None, "reported"),
                                      (2022, 7, 0.67, "official"), (2023, 18, 0.71, "derived"),
                                      (2024, 21, 0.74, "derived"))]
INDICES = [
    {"measure": "overall", "score": 0.6, "median": 0.45, "best": 0.72, "regional_mean": 0.5},
    {"measure": "chinh_quyen_so", "score": 0.55, "median": 0.4, "best": 0.81,
     "regional_mean": 0.47},
]


def context(lang: str, indices: list[dict] = INDICES) -> ReportContext:
    """Return an invented report context with a history and the indices."""
    return ReportContext(
        lang=lang, t=narrative.page_text(lang, "27"), code="27", basis=63, year=2024,
        is_unit=False, name="Bắc Ninh", slug="bac-ninh", region="", full_name="Bắc Ninh",
        overall={}, pillars=[], indices=indices, peers=[], history=HISTORY, predecessors=[],
        unit=None, conflicts=[])


@functools.cache
def drawn(chart: str, lang: str, indices: tuple[tuple[str, str], ...] = ()
          ) -> tuple[Figure, figures.Rendered]:
    """Draw a chart once; return its figure (as drawn) and what the page embeds.

    indices: (measure, score_origin) pairs, to say where the indices' scores came from."""
    kept: list[Figure] = []
    original = figures.png
    figures.png = lambda fig: kept.append(fig) or original(fig)
    origin = dict(indices)
    rows = [{**r, "score_origin": origin[r["measure"]]} if r["measure"] in origin else r
            for r in INDICES]
    try:
        rendered = getattr(figures, chart)(context(lang, rows))
    finally:
        figures.png = original
    return kept[0], rendered


def tick_texts(fig: Figure) -> list[str]:
    """Return every tick label the chart shows."""
    return [label.get_text() for ax in fig.axes
            for label in (*ax.get_xticklabels(), *ax.get_yticklabels()) if label.get_text()]


@pytest.mark.parametrize("chart", ["indices_figure", "history_figure"])
def test_vietnamese_charts_write_decimals_with_a_comma_english_ones_with_a_point(chart):
    vi = [t for t in tick_texts(drawn(chart, "vi")[0]) if "," in t or "." in t]
    en = [t for t in tick_texts(drawn(chart, "en")[0]) if "," in t or "." in t]
    assert vi and all("," in t and "." not in t for t in vi), vi  # e.g. "0,4"
    assert en and all("." in t and "," not in t for t in en), en  # e.g. "0.4"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_history_chart_tells_official_derived_and_reported_ranks_apart_with_a_legend(lang):
    fig, _ = drawn("history_figure", lang)
    legend = [text.get_text() for legend in fig.legends for text in legend.get_texts()]
    for origin in ("official", "derived", "reported"):
        assert vocab.origin_name(origin, lang) in legend
    rank_axis = fig.axes[0]
    fills = {}
    for line in rank_axis.get_lines():
        if line.get_linestyle() == "None" and len(line.get_xdata()):
            for year in line.get_xdata():
                fills[int(year)] = line.get_fillstyle()
    assert fills[2022] == "full" and fills[2023] == "none" and fills[2020] == "bottom"
    assert len({fills[2022], fills[2023], fills[2020]}) == 3  # three looks, one per origin


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_indices_chart_marks_scores_that_are_not_official_with_a_legend(lang):
    fig, _ = drawn("indices_figure", lang, (("overall", "derived"),
                                            ("chinh_quyen_so", "reported")))
    legend = [text.get_text() for legend in fig.legends for text in legend.get_texts()]
    assert vocab.origin_name("derived", lang) in legend
    assert vocab.origin_name("reported", lang) in legend
    marks = {line.get_xdata()[0]: line.get_fillstyle() for line in fig.axes[0].get_lines()}
    assert marks == {0.6: "none", 0.55: "bottom"}  # at each bar's end: hollow, half-filled


def test_indices_chart_without_other_origins_shows_no_origin_marks(lang="en"):
    for indices in ((), (("overall", "official"), ("chinh_quyen_so", "official"))):
        fig, _ = drawn("indices_figure", lang, indices)
        legend = [text.get_text() for legend in fig.legends for text in legend.get_texts()]
        assert vocab.origin_name("official", lang) not in legend
        assert not fig.axes[0].get_lines()


def test_no_point_is_cut_by_the_frame_not_even_the_best_rank_at_the_top():
    fig, _ = drawn("history_figure", "en")
    for ax in fig.axes:
        frame = ax.get_window_extent()
        for line in ax.get_lines():
            if not isinstance(line, Line2D) or line.get_marker() in (None, "None", ""):
                continue
            radius = (line.get_markersize() + line.get_markeredgewidth()) / 2 * fig.dpi / 72
            for x, y in ax.transData.transform(line.get_xydata()):
                assert frame.x0 <= x - radius and x + radius <= frame.x1
                assert frame.y0 <= y - radius and y + radius <= frame.y1, (
                    f"a point at {y:.0f} px is cut by the frame {frame.y0:.0f}-{frame.y1:.0f}")


@pytest.mark.parametrize("chart", ["indices_figure", "history_figure"])
def test_charts_are_drawn_at_twice_their_displayed_size(chart):
    _, rendered = drawn(chart, "en")
    header, data = rendered.src.split(",", 1)
    assert header == "data:image/png;base64"
    image = Image.open(io.BytesIO(base64.b64decode(data)))
    assert abs(image.width - figures.SCALE * rendered.width) <= figures.SCALE
    assert rendered.font_px == pytest.approx(figures.FONT_PT * figures.DPI * figures.SCALE / 72)


def test_the_png_shows_what_savefig_draws_in_a_third_of_the_bytes():
    """The one-pass drawing in 256 colours looks as savefig's drawing does: same size, every
    pixel within a few levels of savefig's, and a file at most half the RGB PNG's size."""
    fig, rendered = drawn("indices_figure", "en")
    data = base64.b64decode(rendered.src.split(",", 1)[1])
    ours = Image.open(io.BytesIO(data))
    again, _ = drawn.__wrapped__("indices_figure", "en")  # a new figure, same chart
    buffer = io.BytesIO()
    again.savefig(buffer, format="png", dpi=figures.DPI * figures.SCALE)
    theirs = Image.open(buffer).convert("RGB")
    assert ours.mode == "P" and ours.size == theirs.size
    difference = np.abs(np.asarray(ours.convert("RGB"), dtype=int)
                        - np.asarray(theirs, dtype=int))
    assert difference.max() <= 24 and difference.mean() < 2, (difference.max(),
                                                               difference.mean())
    rgb = io.BytesIO()
    theirs.save(rgb, format="png")
    assert len(data) <= len(rgb.getvalue()) / 2


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_alt_texts_mark_a_shared_rank_joint_as_the_page_sentences_do(lang):
    history = [{**row, "tied": row["year"] == 2024} for row in HISTORY]  # 21st shared in 2024
    alt = figures.history_alt(figures.history_lines(history), "Bắc Ninh", lang)
    joint, alone = narrative.ranked(21, lang, True), narrative.ranked(3, lang)
    assert joint in alt and f"{alone}{'/63' if lang == 'vi' else ' of 63'} " in alt, alt
    assert narrative.ranked(3, lang, True) not in alt, "an unshared rank is not joint"
    moved = {"years": [2023, 2024], "rows": [
        {"measure": "ha_tang_so", "ranks": [10, 19], "tied": [False, True]},
        {"measure": "hd_kinh_te_so", "ranks": [19, 5], "tied": [True, False]}]}
    alt = figures.moved_alt(moved, "Bắc Ninh", lang)
    infrastructure, economy = (vocab.measure_name(m, lang) for m in ("ha_tang_so",
                                                                      "hd_kinh_te_so"))
    assert (f"{infrastructure} {narrative.ranked(10, lang)} → {narrative.ranked(19, lang, True)}"
            in alt), alt
    assert (f"{economy} {narrative.ranked(19, lang, True)} → {narrative.ranked(5, lang)}"
            in alt), alt
    assert {"en": "joint 19th", "vi": "đồng hạng 19"}[lang] in alt  # as the sentences word it


#: Rank targets that crowd the chart: two at the same rank, one just below, one at the best
#: rank shown (no room above its line) and a long one that ends early (no room left of it).
CROWDED = [{"code": "27", "value": 10.0, "due_year": 2025}, {"code": "27", "value": 10.0,
                                                            "due_year": 2030},
           {"code": "24", "value": 12.0, "due_year": None}, {"code": "24", "value": 3.0,
                                                             "due_year": 2030},
           {"code": "27", "value": 25.0, "due_year": 2021}]


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_rank_target_labels_are_legible_apart_and_inside_the_chart(lang):
    kept: list[Figure] = []
    original = figures.png
    figures.png = lambda fig: kept.append(fig) or original(fig)
    ctx = context(lang)
    ctx.goals = {"chart": CROWDED}
    try:
        figures.history_figure(ctx)  # drawn as the page embeds it
    finally:
        figures.png = original
    fig = kept[0]
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_color() == "#b2182b"]
    assert len(labels) == 4, "one label per line: the two targets at rank 10 share theirs"
    assert any("2025" in t.get_text() and "2030" in t.get_text() for t in labels)
    assert all(t.get_fontsize() >= figures.FONT_PT for t in labels)
    frame = ax.get_window_extent(renderer)
    boxes = [t.get_window_extent(renderer) for t in labels]
    for text, box in zip(labels, boxes, strict=True):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, text.get_text()
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1, text.get_text()
        assert not any(other is not box and other.overlaps(box) for other in boxes), text


@pytest.mark.parametrize("lang", narrative.LANGS)
def test_the_captions_above_the_history_chart_do_not_overlap(lang):
    fig, _ = drawn("history_figure", lang)  # 2020 to 2024: method changes in 2021 and 2024
    renderer = fig.canvas.get_renderer()
    captions = [t for t in fig.axes[0].texts if t.get_text() in (
        narrative.TEXT[lang]["method_break"], narrative.TEXT[lang]["merger"])]
    assert len(captions) == 3, [t.get_text() for t in captions]
    boxes = [t.get_window_extent(renderer) for t in captions]
    frame = fig.bbox
    for text, box in zip(captions, boxes, strict=True):
        assert not any(other is not box and other.overlaps(box) for other in boxes), text
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and box.y1 <= frame.y1, text


def test_a_drawn_figure_is_freed_as_soon_as_it_is_drawn():
    """A figure is a web of reference cycles: left to the collector's oldest generation, every
    page would pay for walking all the kernel's objects; it is freed when its chart returns."""
    alive: list[weakref.ref] = []
    original = figures.png
    figures.png = lambda fig: alive.append(weakref.ref(fig)) or original(fig)
    try:
        rendered = figures.history_figure(context("en"))
    finally:
        figures.png = original
    assert rendered is not None and len(alive) == 1
    assert alive[0]() is None, "the figure waits for a full collection"


def test_charts_drawn_one_after_another_on_the_kept_canvas_show_only_their_own_data():
    """Figures of a size share one kept canvas (and its renderer): what one leaves behind never
    shows in the next, and a figure keeps a canvas of its own for later measurements."""
    kept: list[Figure] = []
    original = figures.png
    figures.png = lambda fig: kept.append(fig) or original(fig)
    other = [{**row, "measure": "ha_tang_so", "score": row["score"] / 2} for row in INDICES]
    try:
        first = figures.indices_figure(context("en"))
        figures.indices_figure(context("vi", other))  # same size, other data and words
        again = figures.indices_figure(context("en"))
    finally:
        figures.png = original
    assert first.src == again.src
    assert kept[0].canvas is not kept[2].canvas and kept[0].canvas.figure is kept[0]
