"""The manifest and the index, derived from the pages on disk and their build keys.

Every build, whatever it ran (all reports or a few with ``--only``), lists every page on
disk: a page whose build key matches what its inputs give now is "ok", one built from older
inputs is "stale", a report whose last run failed is "failed". Pages of slugs no province or
unit has (an old spelling) are removed. The manifest is written only when its text changes and
the index only when what it shows changes, so a build with nothing to do writes nothing.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .. import store
from . import cache, publish

#: The manifest's columns, in this order whatever was cached or rebuilt.
COLUMNS = ["geography", "code", "slug", "name", "lang", "year", "status", "html", "notebook",
           "error", "seconds", "rank", "score", "change", "n", "region_vi", "region_en"]
GEOGRAPHIES = ("province", "unit")
INDEX_RECORD = "index"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def strip_ansi(text: str) -> str:
    """Remove terminal colour codes (tracebacks from the kernel carry them)."""
    return ANSI.sub("", text)


def read(root: Path) -> pd.DataFrame:
    """Read the previous manifest; a missing or malformed one is empty (with one warning)."""
    path = Path(root) / "manifest.csv"
    try:
        frame = pd.read_csv(path, dtype={"code": str}, keep_default_na=False)
    except FileNotFoundError:
        return pd.DataFrame(columns=COLUMNS)
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        print(f"warning: {cache.relative(path)}: unreadable ({type(error).__name__}); it is "
              "rebuilt from the pages on disk", file=sys.stderr)
        return pd.DataFrame(columns=COLUMNS)
    if not {"geography", "slug", "lang", "status"} <= set(frame.columns):
        print(f"warning: {cache.relative(path)}: not a manifest (columns "
              f"{', '.join(map(str, frame.columns))}); it is rebuilt from the pages on disk",
              file=sys.stderr)
        return pd.DataFrame(columns=COLUMNS)
    return frame


def row_key(geography: object, slug: object, lang: object) -> str:
    """Return "<geography>/<slug>.<lang>", the key of a page."""
    return f"{geography}/{slug}.{lang}"


#: The name of a page or executed notebook the build makes: <slug>.<lang>[.failed].html|ipynb.
PAGE_NAME = re.compile(
    r"^(?P<slug>[a-z0-9][a-z0-9-]*)\.(?P<lang>en|vi)(?:\.failed)?\.(?:html|ipynb)$")


#: The name of a page's download: <slug>.csv.
DOWNLOAD_NAME = re.compile(r"^(?P<slug>[a-z0-9][a-z0-9-]*)\.csv$")


def _built_files(root: Path, geography: str) -> list[Path]:
    """Return the pages and executed notebooks of a geography (hidden temporary files aside)."""
    return [*sorted((Path(root) / geography).glob("*.html")),
            *sorted(p for p in (Path(root) / "executed" / geography).glob("*.ipynb")
                    if not p.name.startswith("."))]


def orphans(root: Path, known: set[str]) -> list[Path]:
    """Return the pages (and their notebooks) under root whose slug names no known report."""
    found = []
    slugs = {key.rsplit(".", 1)[0] for key in known}  # "<geography>/<slug>"
    for geography in GEOGRAPHIES:
        for path in _built_files(root, geography):
            match = PAGE_NAME.match(path.name)
            if match and row_key(geography, match["slug"], match["lang"]) not in known:
                found.append(path)
        for path in sorted((Path(root) / geography).glob("*.csv")):  # a page's download
            match = DOWNLOAD_NAME.match(path.name)
            if match and f"{geography}/{match['slug']}" not in slugs:
                found.append(path)
    return found


def strays(root: Path) -> list[Path]:
    """Return the files beside the pages that the build does not make (left alone, listed)."""
    return [path for geography in GEOGRAPHIES for path in _built_files(root, geography)
            if not PAGE_NAME.match(path.name)]


def note_strays(root: Path) -> None:
    """Print one line per file beside the pages that is not a page the build makes."""
    for path in strays(root):
        print(f"note: {cache.relative(path)} is not a page the build makes; it is left as it "
              "is and not listed in the manifest or index", file=sys.stderr)


def derive(root: Path, universe: dict[str, object], results: dict[str, dict],
           records: cache.BuildCache, before: pd.DataFrame,
           expected_key: Callable[[object, int], str]) -> list[dict]:
    """Return one row per report on disk: this run's results, else what its page says."""
    previous = {row_key(r["geography"], r["slug"], r["lang"]): r
                for r in before.to_dict("records")}
    rows = []
    for key, job in universe.items():
        if key in results:
            rows.append(results[key])
            continue
        page = publish.report_path(job.geography, job.slug, job.lang, root)
        record = records.records.get(key, {})
        prior = previous.get(key, {})
        if page.exists():
            row = dict(record.get("row") or prior or {})
            year = int(row.get("year") or job.year)
            on_page = publish.page_build_key(page)
            row.update({"geography": job.geography, "code": job.code, "slug": job.slug,
                        "name": job.name, "lang": job.lang, "year": year,
                        "html": page.relative_to(root).as_posix(),
                        "notebook": f"executed/{key}.ipynb"})
            if on_page and on_page == expected_key(job, year):
                row.update(status="ok", error="")
            else:
                row.update(status="stale", error="built from older inputs or code; "
                           "run `dti build` (or `dti reports`) to rebuild it")
            rows.append(row)
        elif prior.get("status") == "failed" and (Path(root) / str(prior.get("notebook"))
                                                  ).exists():
            rows.append(dict(prior))
    return rows


def headline(rows: list[dict], processed_dir: str = "") -> pd.DataFrame:
    """Return rank, score and change of each row's province or unit in its year."""
    from .. import processed, provinces

    ranked = processed.rankings(processed_dir or None)
    overall = ranked[ranked["measure"] == "overall"].set_index(
        ["province_code", "basis", "year"])[["rank", "score"]]
    found = dict(zip(overall.index, overall.to_numpy(), strict=True))  # dicts: a .loc a row
    regions = pd.concat([provinces.provinces()[["region", "region_en_nso"]],  # took 0.1 s
                         provinces.units()[["region", "region_en_nso"]]])
    region_of = dict(zip(regions.index, zip(regions["region"], regions["region_en_nso"],
                                            strict=True), strict=True))
    out = []
    for row in rows:
        code, year = str(row["code"]), int(row["year"])
        basis = 34 if row["geography"] == "unit" else 63
        now, before = found.get((code, basis, year)), found.get((code, basis, year - 1))
        rank = now[0] if now is not None else pd.NA
        prev = before[0] if before is not None else pd.NA
        region_vi, region_en = region_of.get(code, ("", ""))
        out.append({"key": row_key(row["geography"], row["slug"], row["lang"]),
                    "rank": rank, "score": now[1] if now is not None else pd.NA,
                    "change": (prev - rank) if pd.notna(rank) and pd.notna(prev) else pd.NA,
                    "n": basis,
                    "region_vi": region_vi, "region_en": region_en})
    return pd.DataFrame(out, columns=["key", "rank", "score", "change", "n", "region_vi",
                                      "region_en"])


def frame(rows: list[dict], headline: pd.DataFrame) -> pd.DataFrame:
    """Return the manifest table: rows with their headline numbers, stable columns."""
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame(columns=COLUMNS)
    table["key"] = [row_key(g, s, la) for g, s, la in
                    zip(table["geography"], table["slug"], table["lang"], strict=True)]
    table = table.drop(columns=[c for c in headline.columns if c != "key" and c in table])
    table = table.merge(headline, on="key", how="left").reindex(columns=COLUMNS)
    table["error"] = table["error"].fillna("").astype(str).map(strip_ansi)
    for column in ("rank", "change", "n"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    order = {g: i for i, g in enumerate(GEOGRAPHIES)}
    table = table.sort_values(["geography", "slug", "lang"],
                              key=lambda s: s.map(order) if s.name == "geography" else s)
    return table.reindex(columns=COLUMNS).reset_index(drop=True)


def write(root: Path, manifest: pd.DataFrame) -> bool:
    """Write manifest.csv when its text differs from the file's; tell whether it was written."""
    path = Path(root) / "manifest.csv"
    text = manifest.to_csv(index=False, lineterminator="\n")
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    store.write_text_atomic(path, text)
    return True


def index_key(manifest: pd.DataFrame, year: int, rankings_file: Path,
              forecast_file: Path | None = None) -> str:
    """Return the key of the index pages: what they show and the code that draws them."""
    shown = manifest.drop(columns=["seconds"]).to_csv(index=False)
    return cache.sha("\n".join([shown, str(year), cache.code_hash({"build.publish"}),
                                cache.file_hash(rankings_file), str(cache.EPOCH)]
                               + ([cache.file_hash(forecast_file)] if forecast_file else [])
                               ).encode())


def site_index_key(manifest: pd.DataFrame, year: int, processed_dir: Path) -> str:
    """Return the key of the index pages that show this manifest, from the tables they read
    (the rankings and the units' forecast) in processed_dir."""
    from ..report import forecast

    return index_key(manifest, year, Path(processed_dir) / "dti_rankings.csv",
                     Path(processed_dir) / forecast.FILE)


def draw_index(root: Path, manifest: pd.DataFrame, year: int, processed_dir: Path
               ) -> tuple[str, dict[Path, str]]:
    """Return the key and the text of the index pages of a manifest, written by none."""
    from .. import gitinfo, processed
    from ..report import forecast

    return site_index_key(manifest, year, processed_dir), publish.index_pages(
        manifest, year, gitinfo.commit(), processed.rankings(processed_dir), root,
        forecast.read(processed_dir))


def index_paths(root: Path) -> list[Path]:
    """Return the index pages (one per language)."""
    return [Path(root) / publish.index_name(lang) for lang in ("en", "vi")]


def write_index(root: Path, manifest: pd.DataFrame, year: int, records: cache.BuildCache,
                processed_dir: Path, downloads: list[Path] | None = None,
                drawn: tuple[str, dict[Path, str]] | None = None) -> bool:
    """Write the index pages when what they show changed or they are missing (downloads: those
    of this manifest, already written; drawn: index pages drawn already, with their key: used
    if it is this manifest's)."""
    from .. import processed
    from ..report import forecast

    key = site_index_key(manifest, year, processed_dir)
    if records.fresh(INDEX_RECORD, key, index_paths(root)):
        return False
    from .. import gitinfo  # the commit shown on the index

    publish.write_index(manifest, year, gitinfo.commit(), processed.rankings(processed_dir), root,
                        forecast.read(processed_dir), downloads=downloads,
                        pages=drawn[1] if drawn and drawn[0] == key else None)
    records.record(INDEX_RECORD, key, index_paths(root))
    return True
