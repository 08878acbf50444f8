"""Publishing: executed report notebooks to self-contained HTML, and the index page."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from .. import config, gitinfo, provinces, vntext, vocab
from ..report import markup, narrative
from ..store import write_text_atomic

HIDE_TAG = "report-hide"
#: What a shared link to the index says (meta description, Open Graph).
DESCRIPTIONS = {
    "en": "Rank, score and history of each of Vietnam's provinces and 2025 units in the provincial "
          "Digital Transformation Index (DTI), with their targets, sources and data.",
    "vi": "Thứ hạng, điểm số và diễn biến của từng tỉnh, thành phố và đơn vị hành chính năm 2025 "
          "trong Chỉ số chuyển đổi số cấp tỉnh (DTI), kèm mục tiêu, nguồn và dữ liệu."}
#: Legend words of the region chart.
MEDIAN = {"en": "median of the region", "vi": "trung vị của vùng"}
PROVINCE = {"en": "a province", "vi": "một tỉnh"}
#: Colours from rank 1 (best) to the last rank, light to dark.
PALETTE = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef",
           "#deebf7"]


@cache
def _exporter() -> object:
    """Return an nbconvert HTML exporter that drops code, prompts and hidden cells."""
    from traitlets.config import Config

    from .exporter import PageBodyExporter as HTMLExporter  # nbconvert's, without a 2nd parse

    settings = Config()
    settings.TagRemovePreprocessor.remove_cell_tags = {HIDE_TAG, "injected-parameters"}
    settings.TagRemovePreprocessor.enabled = True
    settings.HTMLExporter.preprocessors = ["nbconvert.preprocessors.TagRemovePreprocessor"]
    settings.HTMLExporter.optimistic_validation = True  # validate once, not after each of 13 steps
    exporter = HTMLExporter(config=settings, template_name="basic")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.exclude_markdown = False
    return exporter


def report_path(geography: str, slug: str, lang: str, root: Path | None = None) -> Path:
    """Return where a report's HTML goes: reports/<geography>/<slug>.<lang>.html."""
    return Path(root or config.REPORTS_DIR) / geography / f"{slug}.{lang}.html"


def notebook_html(notebook: Path | Any, lang: str, title: str, slug: str, build_key: str = ""
                  ) -> str:
    """Export an executed report notebook (a file, or the notebook papermill returned) to one
    self-contained HTML page (no code)."""
    import nbformat

    if isinstance(notebook, (str, Path)):
        notebook = nbformat.read(notebook, as_version=4)
    body, _ = _exporter().from_notebook_node(notebook)
    other = "vi" if lang == "en" else "en"
    title = page_title(body) or title
    return markup.polish(narrative.render(
        "page.html.j2", lang=lang, other_lang=other, title=title, t=narrative.TEXT[lang],
        twin=f"{slug}.{other}.html", index=f"../{index_name(lang)}", body=body,
        build_key=build_key, description=page_description(body) or DESCRIPTIONS[lang]))


def page_description(body: str, limit: int = 240) -> str:
    """Return a report's description: the first paragraph of its summary, shortened."""
    import re

    match = re.search(r'(?s)id="narrative".*?<p>(.*?)</p>', body)
    if not match:
        return ""
    text = markup.text_of(match.group(1))
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def page_title(body: str) -> str:
    """Return the text of a page's first heading (the headline card's title), or ""."""
    import html
    import re

    match = re.search(r"<h1[^>]*>(.*?)</h1>", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>|\s+", " ", match.group(1))).strip() if match else ""


def page_build_key(path: Path) -> str | None:
    """Return the build key a page was made from (None if absent or unreadable)."""
    import re

    try:  # the head only: a page is ~200 kB and the manifest reads every one, twice a build
        with open(path, encoding="utf-8") as page:
            head = page.read(2000)
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


def _luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a "#rrggbb" colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(ink: str, fill: str) -> float:
    """Return the WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(ink), _luminance(fill)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_for(fill: str) -> str:
    """Return white or near-black, whichever reads better on a fill (>= 4.5:1)."""
    return max(("#ffffff", "#1d2430"), key=lambda ink: contrast(ink, fill))


#: Tile labels of the names too long for a tile, as two short lines.
_TILE_LABELS = {"Thừa Thiên Huế": ("TT", "Huế"), "Bà Rịa - Vũng Tàu": ("BR", "VT"),
                "TP Hồ Chí Minh": ("TP", "HCM"), "Hồ Chí Minh": ("TP", "HCM")}


def tile_label(name: str) -> tuple[str, str]:
    """Return a province's tile label as two short lines ("Lào", "Cai")."""
    if name in _TILE_LABELS:
        return _TILE_LABELS[name]
    first, _, rest = name.partition(" ")
    return first, rest


def tile_grid(geography: str = "province") -> pd.DataFrame:
    """Return the tile positions of the 63 provinces or the 34 units (code, row, col)."""
    name = "tile_grid.csv" if geography == "province" else "tile_grid_units.csv"
    return pd.read_csv(config.PACKAGE_DATA_DIR / name, dtype={"code": str})


def tile_svg(ranks: dict[str, int | None], lang: str, size: int = 46,
             geography: str = "province", label: str = "", n: int | None = None,
             built: set[str] | None = None) -> str:
    """Return an SVG tile map of the provinces (or units), each tile labelled and coloured.

    A tile links to its report when the report was built (``built``: the pages' hrefs; None:
    every tile linked).
    """
    from markupsafe import escape

    grid = tile_grid(geography)
    table = provinces.provinces() if geography == "province" else provinces.units()
    n = n or len(table)
    width, height = (grid["col"].max() + 1) * size, (grid["row"].max() + 1) * size
    parts = [f'<svg viewBox="0 0 {width} {height}" role="group" aria-label="{escape(label)}" '
             f'xmlns="http://www.w3.org/2000/svg" class="tilemap {geography}">']
    for row in grid.itertuples(index=False):
        name = table.loc[row.code, "name_vi"]
        rank = ranks.get(row.code)
        fill = _colour(rank, n)
        ink = ink_for(fill)
        href = f"{geography}/{table.loc[row.code, 'slug']}.{lang}.html"
        x, y = row.col * size, row.row * size
        shown = rank if rank is not None else "–"
        top, bottom = tile_label(name)
        linked = built is None or href in built
        parts.append(
            (f'<a href="{escape(href)}">' if linked else "<g>") +
            f'<title>{escape(vocab.place_name(name))}: {shown}/{n}'
            f'</title><rect x="{x + 1}" y="{y + 1}" width="{size - 2}" height="{size - 2}" '
            f'rx="4" fill="{fill}"/><text x="{x + size / 2}" y="{y + 13}" text-anchor="middle" '
            f'fill="{ink}"><tspan x="{x + size / 2}">{escape(top)}</tspan><tspan '
            f'x="{x + size / 2}" dy="10">{escape(bottom)}</tspan><tspan x="{x + size / 2}" '
            f'dy="13" class="r">{shown}</tspan></text>' + ("</a>" if linked else "</g>"))
    parts.append("</svg>")
    return "".join(parts)


def region_figure(rows: pd.DataFrame, lang: str) -> tuple[str, str] | None:
    """Return a PNG (data URI) of the provinces' ranks by region, with its finding as alt text."""
    from ..report import figures

    part = rows[(rows["geography"] == "province") & rows["rank"].notna()]
    if part.empty:
        return None
    medians = part.groupby("region")["rank"].median().sort_values()
    order = medians.index.tolist()
    with matplotlib_style():
        fig = figures.new_figure(0.55 * len(order) + 1.0)
        ax = fig.subplots()
        for i, region in enumerate(order):
            ranks = part.loc[part["region"] == region, "rank"]
            ax.scatter(ranks, [i] * len(ranks), alpha=0.75, s=20, color=figures.COLOURS[0],
                       label=PROVINCE[lang] if i == 0 else None)
            ax.plot([ranks.median()] * 2, [i - 0.3, i + 0.3], color="black", lw=1.5,
                    label=MEDIAN[lang] if i == 0 else None)
        ax.set_yticks(range(len(order)), [narrative.wrap(r, 18) for r in order])
        ax.invert_yaxis()
        ax.set_xlim(0, 64)
        ax.set_xlabel(narrative.TEXT[lang]["rank_axis"])
        fig.legend(frameon=False, loc="outside lower center", ncol=2)
        src = figures.png(fig)
    best, worst = order[0], order[-1]
    if lang == "vi":
        alt = (f"Thứ hạng các tỉnh theo vùng: trung vị cao nhất ở {best} (thứ "
               f"{medians[best]:g}), thấp nhất ở {worst} (thứ {medians[worst]:g}).")
    else:
        alt = (f"Provinces' ranks by region: the best median rank is in {best} "
               f"({medians[best]:g}), the worst in {worst} ({medians[worst]:g}).")
    return src, alt


def matplotlib_style() -> object:
    """Return a context in which figures use the report's font sizes."""
    import matplotlib

    from ..report import figures

    return matplotlib.rc_context(figures.STYLE)


def index_rows(manifest: pd.DataFrame, lang: str,
               origins: dict[tuple[str, int], str] | None = None) -> list[dict]:
    """Return one index row per province or unit, with its links in every language."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for record in manifest.to_dict("records"):  # plain rows: a pandas group per place was slow
        groups.setdefault((record["geography"], record["code"]), []).append(record)
    rows = []
    for (geography, code), group in groups.items():
        first = group[0]
        links = [{"lang": r["lang"], "href": f"{geography}/{r['slug']}.{r['lang']}.html"}
                 for r in sorted(group, key=lambda r: r["lang"]) if r["status"] in ("ok", "stale")]
        failed = any(r["status"] == "failed" for r in group)  # a stale page is linked
        status = "ok" if not failed else "; ".join(
            f"{r['lang']}: {narrative.TEXT[lang]['failed']}" for r in group
            if r["status"] == "failed")
        name = vocab.place_name(first["name"])
        region = first["region_vi"] if lang == "vi" else first["region_en"]
        n = int(first["n"])
        rows.append({"geography": geography, "code": code, "name": name, "region": region,
                     "key": vntext.fold(f"{name} {first['region_vi']} {first['region_en']}"),
                     "rank": None if pd.isna(first["rank"]) else int(first["rank"]),
                     "origin": (origins or {}).get((str(code), n), ""),
                     "score": None if pd.isna(first["score"]) else float(first["score"]),
                     "change": None if pd.isna(first["change"]) else int(first["change"]),
                     "n": n, "via_unit": "", "links": links, "failed": failed, "status": status,
                     "download": f"{geography}/{first['slug']}.csv"})
    return sorted(rows, key=lambda r: (r["geography"] != "province",
                                       r["rank"] if r["rank"] is not None else 999, r["name"]))


def unit_standings(rows: list[dict], ranks: dict[str, int | None],
                   scores: dict[str, float | None]) -> list[dict]:
    """Give each province row without a rank its unit's rank of 34 (a 34-only year), labelled."""
    units = provinces.units()
    out = []
    for row in rows:
        if row["geography"] == "province" and row["rank"] is None:
            unit = provinces.unit_of(str(row["code"]))
            if ranks.get(unit) is not None:
                row = {**row, "rank": ranks[unit], "score": scores.get(unit), "change": None,
                       "n": vocab.BASIS_UNITS, "origin": "",
                       "via_unit": vocab.place_name(units.loc[unit, "name_vi"])}
        out.append(row)
    return sorted(out, key=lambda r: (r["geography"] != "province",
                                      r["rank"] if r["rank"] is not None else 999, r["name"]))


def write_downloads(ranked: pd.DataFrame, manifest: pd.DataFrame, root: Path) -> list[Path]:
    """Write the full clean table and each report's rows as CSV beside the pages."""
    import json

    from .. import sources
    from ..report import provenance

    ranked = provenance.with_sources(ranked, sources.register())
    paths = [root / "data" / "dti_rankings.csv", root / "data" / "dti_rankings.schema.json"]
    write_changed(paths[0], csv_for_people(ranked))
    write_changed(paths[1], json.dumps(provenance.table_schema(), ensure_ascii=False,
                                       indent=1) + "\n")
    for row in manifest.drop_duplicates(["geography", "code"]).itertuples():
        path = root / row.geography / provenance.download_name(row.slug)
        write_changed(path, csv_for_people(provenance.download_rows(ranked, str(row.code))))
        paths.append(path)
    return paths


def csv_for_people(frame: pd.DataFrame) -> str:
    """Return a table as the CSV text of a download (no index, spreadsheet-safe cells)."""
    from ..store import safe_cells

    return safe_cells(frame).to_csv(index=False, lineterminator="\n")


def write_changed(path: Path, text: str) -> None:
    """Write text atomically, unless the file holds it already (then no rewrite, no fsync)."""
    try:
        if path.read_bytes() == text.encode("utf-8"):
            return
    except OSError:
        pass
    write_text_atomic(path, text)


def write_index(manifest: pd.DataFrame, year: int, commit: str, ranked: pd.DataFrame,
                root: Path | None = None, forecast_table: pd.DataFrame | None = None,
                downloads: list[Path] | None = None, pages: dict[Path, str] | None = None
                ) -> list[Path]:
    """Write index.html (English), index.vi.html and the data downloads from the manifest
    (with each unit's forecast range of forecast_table, model/forecast_<year>.csv, if given;
    downloads and pages: the manifest's downloads, written already, and index pages, drawn
    already by index_pages, both beside the reports)."""
    root = Path(root or config.REPORTS_DIR)
    paths = (list(downloads) if downloads is not None else
             write_downloads(ranked, manifest, root) if not manifest.empty else [])
    paths.append(write_licence_page(root))
    if pages is None:
        pages = index_pages(manifest, year, commit, ranked, root, forecast_table)
    for path, html in pages.items():
        write_text_atomic(path, html)
        paths.append(path)
    return paths


def index_pages(manifest: pd.DataFrame, year: int, commit: str, ranked: pd.DataFrame,
                root: Path | None = None, forecast_table: pd.DataFrame | None = None
                ) -> dict[Path, str]:
    """Return the text of index.html (English) and index.vi.html by path, drawn from the
    manifest (see write_index)."""
    from .. import gitinfo
    from ..report import figures, forecast

    root = Path(root or config.REPORTS_DIR)
    overall = ranked[(ranked["year"] == year) & (ranked["measure"] == "overall")]
    ranks = {b: {r.province_code: None if pd.isna(r.rank) else int(r.rank)
                 for r in overall[overall["basis"] == b].itertuples()} for b in vocab.BASES}
    origins = {(r.province_code, int(r.basis)): str(r.origin) for r in overall.itertuples()}
    unit_scores = {r.province_code: None if pd.isna(r.score) else float(r.score)
                   for r in overall[overall["basis"] == vocab.BASIS_UNITS].itertuples()}
    units_only = not any(v is not None for v in ranks[63].values()) and bool(ranks[34])
    province_tiles = ({code: ranks[34].get(provinces.unit_of(code)) for code in regions_codes()}
                      if units_only else ranks[63])
    regions = provinces.provinces()
    built = datetime.now(UTC)
    date = gitinfo.commit_date() or built.date().isoformat()
    pages = {}
    table = forecast_table if forecast_table is not None else pd.DataFrame()
    cells, forecast_year = forecast.index_cells(table, year), forecast.year_of(table)
    for lang in narrative.LANGS:
        t = narrative.TEXT[lang]
        rows = index_rows(manifest, lang, origins)
        if units_only:  # a year published for the 34 units only: each province shows its unit's
            rows = unit_standings(rows, ranks[34], unit_scores)
        national = pd.DataFrame({
            "geography": "province", "rank": pd.Series(ranks[63], dtype="float"),
            "region": regions["region" if lang == "vi" else "region_en_nso"]})
        by_region = region_figure(national, lang)
        other = "vi" if lang == "en" else "en"
        linked = {link["href"] for row in rows for link in row["links"] if link["lang"] == lang}
        html = narrative.render(
            "index.html.j2", lang=lang, t=t, year=year, commit=commit,
            built=built.strftime("%Y-%m-%d %H:%M UTC"), other_index=index_name(other),
            other_lang=other, legend=PALETTE,
            tiles=tile_svg(province_tiles, lang, label=t["tile_map"],
                           n=vocab.BASIS_UNITS if units_only else None, built=linked),
            units_only=units_only,
            unit_tiles=tile_svg(ranks[34], lang, geography="unit", label=t["units_map"],
                                built=linked)
            if ranks[34] else "",
            by_region=by_region[0] if by_region else None,
            by_region_alt=by_region[1] if by_region else "",
            figure_font_px=f"{figures.FONT_PT * figures.DPI * figures.SCALE / 72:.1f}",
            provinces=[r for r in rows if r["geography"] == "province"],
            units=[{**r, "forecast": cells.get(str(r["code"]))} for r in rows
                   if r["geography"] == "unit"],
            forecast_column=forecast.WORDS[lang]["column"].format(year=forecast_year)
            if cells else "",
            citation=index_citation(lang, commit, date), description=DESCRIPTIONS[lang],
            **vocab.page_terms(lang))
        pages[root / index_name(lang)] = markup.polish(html)
    return pages


def regions_codes() -> list[str]:
    """Return the 63 province codes."""
    return [str(code) for code in provinces.provinces().index]


def index_citation(lang: str, commit: str, date: str) -> str:
    """Return the suggested citation of the collection (APA-like): authors, date, version, and
    its address ($DTI_SITE_URL, else CITATION.cff's) with the access date."""
    from ..report.provenance import cited, retrieved

    who, version = cited()["authors"], cited()["version"]
    url = retrieved(gitinfo.site_url(index_name(lang)) or cited()["url"],
                    datetime.now(UTC).date().isoformat(), lang)
    if lang == "vi":
        return (f"{who} ({date[:4]}). Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: các báo cáo "
                f"(phiên bản {version}, mã {commit}, {date}).{url}")
    return (f"{who} ({date[:4]}). Vietnam provincial Digital Transformation Index reports "
            f"(version {version}, code {commit}, {date}).{url}")



def write_licence_page(root: Path) -> Path:
    """Write reports/licence.html: the code's licence and the data terms, inside the site."""
    import mistune

    data = mistune.create_markdown(plugins=["table"])(_read_or(
        config.ROOT / "DATA-LICENSE.md", "# Data terms\n\nThe terms of each source, as recorded "
        "in the sources register `data/raw/sources.csv`: see `DATA-LICENSE.md` in the "
        "repository."))
    body = narrative.environment().from_string(_LICENCE).render(
        code=_read_or(config.ROOT / "LICENSE", "MIT License: see the file LICENSE in the "
                      "repository."),
        data=data.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
        .replace("<table>", '<table class="data cards">'))
    html = narrative.render("plain.html.j2", lang="en", title="Licences", body=body,
                            description="The licence of the code (MIT) and the terms of the "
                            "data of the Vietnam provincial DTI reports.", up="", back="index.html",
                            back_text=narrative.TEXT["en"]["back"], build_key="", extra_css="")
    path = Path(root) / "licence.html"
    write_changed(path, markup.polish(html))
    return path


def _read_or(path: Path, fallback: str) -> str:
    """Return a file's text, or a fallback when the checkout lacks it (a partial copy)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return fallback


_LICENCE = """<h1>Licences</h1>
<section id="code"><h2>Code: the MIT licence</h2><pre>{{ code }}</pre></section>
<section id="data">{{ data | safe }}</section>
"""
