"""Publishing: executed report notebooks to self-contained HTML, and the index page."""

from __future__ import annotations

import base64
import io
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pandas as pd

from . import config, narrative, provinces
from .store import write_text_atomic

HIDE_TAG = "report-hide"
#: Colours from rank 1 (best) to the last rank, light to dark.
PALETTE = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef",
           "#deebf7"]


@cache
def _exporter() -> object:
    """Return an nbconvert HTML exporter that drops code, prompts and hidden cells."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    settings = Config()
    settings.TagRemovePreprocessor.remove_cell_tags = {HIDE_TAG, "injected-parameters"}
    settings.TagRemovePreprocessor.enabled = True
    settings.HTMLExporter.preprocessors = ["nbconvert.preprocessors.TagRemovePreprocessor"]
    exporter = HTMLExporter(config=settings, template_name="basic")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.exclude_markdown = False
    return exporter


def report_path(geography: str, slug: str, lang: str, root: Path | None = None) -> Path:
    """Return where a report's HTML goes: reports/<geography>/<slug>.<lang>.html."""
    return Path(root or config.REPORTS_DIR) / geography / f"{slug}.{lang}.html"


def notebook_html(notebook: Path, lang: str, title: str, slug: str, build_key: str = "") -> str:
    """Export an executed report notebook to one self-contained HTML page (no code)."""
    import nbformat

    body, _ = _exporter().from_notebook_node(nbformat.read(notebook, as_version=4))
    other = "vi" if lang == "en" else "en"
    return narrative.render("page.html.j2", lang=lang, other_lang=other, title=title,
                            t=narrative.TEXT[lang], twin=f"{slug}.{other}.html",
                            index=f"../{index_name(lang)}", body=body, build_key=build_key)


def page_build_key(path: Path) -> str | None:
    """Return the build key a page was made from (None if absent or unreadable)."""
    import re

    try:
        head = Path(path).read_text(encoding="utf-8")[:2000]
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    match = re.search(r'<meta name="dti-build-key" content="([0-9a-f]*)">', head)
    return match.group(1) if match else None


def index_name(lang: str) -> str:
    """Return the index page's file name for a language (index.html is English)."""
    return "index.html" if lang == "en" else f"index.{lang}.html"


def _colour(rank: float | None, n: int) -> str:
    """Return the tile colour of a rank (grey when unknown)."""
    if rank is None or rank != rank:
        return "#eeeeee"
    step = (len(PALETTE) - 1) * (float(rank) - 1) / max(n - 1, 1)
    return PALETTE[int(round(step))]


def tile_svg(ranks: dict[str, int | None], lang: str, size: int = 46) -> str:
    """Return an SVG tile map of the 63 provinces, each tile coloured by rank and linked."""
    from markupsafe import escape

    grid = pd.read_csv(config.PACKAGE_DATA_DIR / "tile_grid.csv", dtype={"code": str})
    table = provinces.provinces()
    width, height = (grid["col"].max() + 1) * size, (grid["row"].max() + 1) * size
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">']
    for row in grid.itertuples(index=False):
        name = table.loc[row.code, "name_vi"]
        rank = ranks.get(row.code)
        fill = _colour(rank, 63)
        ink = "#fff" if rank is not None and rank <= 40 else "#1d2430"
        href = f"province/{table.loc[row.code, 'slug']}.{lang}.html"
        x, y = row.col * size, row.row * size
        label = f"{name}: {rank if rank is not None else '–'}/63"
        parts.append(
            f'<a href="{escape(href)}"><title>{escape(label)}</title>'
            f'<rect x="{x + 1}" y="{y + 1}" width="{size - 2}" height="{size - 2}" rx="4" '
            f'fill="{fill}"/><text x="{x + size / 2}" y="{y + size / 2 + 4}" '
            f'text-anchor="middle" fill="{ink}">{rank if rank is not None else "–"}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def region_figure(rows: pd.DataFrame, lang: str) -> str | None:
    """Return a PNG (data URI) of the provinces' ranks by region."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    part = rows[(rows["geography"] == "province") & rows["rank"].notna()]
    if part.empty:
        return None
    order = part.groupby("region")["rank"].median().sort_values().index.tolist()
    fig, ax = plt.subplots(figsize=(7.2, 0.5 * len(order) + 1.0))
    for i, region in enumerate(order):
        ranks = part.loc[part["region"] == region, "rank"]
        ax.scatter(ranks, [i] * len(ranks), alpha=0.7, s=22)
        ax.plot([ranks.median()] * 2, [i - 0.3, i + 0.3], color="black", lw=1.5)
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()
    ax.set_xlim(0, 64)
    ax.set_xlabel(narrative.TEXT[lang]["rank_axis"])
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def index_rows(manifest: pd.DataFrame, lang: str) -> list[dict]:
    """Return one index row per province or unit, with its links in every language."""
    rows = []
    for (geography, code), group in manifest.groupby(["geography", "code"], sort=False):
        first = group.iloc[0]
        links = [{"lang": r.lang, "href": f"{geography}/{r.slug}.{r.lang}.html"}
                 for r in group.sort_values("lang").itertuples() if r.status in ("ok", "stale")]
        failed = group["status"].eq("failed").any()  # a stale page is linked (manifest says so)
        status = "ok" if not failed else "; ".join(
            f"{r.lang}: {narrative.TEXT[lang]['failed']}" for r in group.itertuples()
            if r.status == "failed")
        rows.append({"geography": geography, "code": code, "name": first["name"],
                     "region": first["region_vi"] if lang == "vi" else first["region_en"],
                     "rank": None if pd.isna(first["rank"]) else int(first["rank"]),
                     "score": None if pd.isna(first["score"]) else float(first["score"]),
                     "change": None if pd.isna(first["change"]) else int(first["change"]),
                     "n": int(first["n"]), "links": links, "failed": failed, "status": status})
    return sorted(rows, key=lambda r: (r["geography"] != "province",
                                       r["rank"] if r["rank"] is not None else 999, r["name"]))


def write_index(manifest: pd.DataFrame, year: int, commit: str, ranked: pd.DataFrame,
                root: Path | None = None) -> list[Path]:
    """Write index.html (English) and index.vi.html from the runner's manifest."""
    root = Path(root or config.REPORTS_DIR)
    overall = ranked[(ranked["basis"] == 63) & (ranked["year"] == year)
                     & (ranked["measure"] == "overall")]
    ranks = {r.province_code: None if pd.isna(r.rank) else int(r.rank)
             for r in overall.itertuples()}
    regions = provinces.provinces()
    paths = []
    for lang in narrative.LANGS:
        rows = index_rows(manifest, lang)
        national = pd.DataFrame({
            "geography": "province", "rank": pd.Series(ranks, dtype="float"),
            "region": regions["region" if lang == "vi" else "region_en_nso"]})
        html = narrative.render(
            "index.html.j2", lang=lang, t=narrative.TEXT[lang], year=year, commit=commit,
            built=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            tiles=tile_svg(ranks, lang), legend=PALETTE,
            by_region=region_figure(national, lang), rows=rows)
        path = root / index_name(lang)
        write_text_atomic(path, html)
        paths.append(path)
    return paths
