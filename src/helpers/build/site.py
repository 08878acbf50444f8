"""The deployable site: what the build wrote under reports/, less its working files.

``dti site DIR`` copies reports/ to DIR without ``executed/`` (notebooks, failed partials,
problem lists) and the build's records (``manifest.csv``, dot-files such as the build cache),
and without an older year's pages (``reports/<year>/``, made by ``dti reports --year``) unless
the ``site`` report set of pipeline.yml lists that year (then they are deployed, deliberately,
under ``<year>/``),
adds ``sitemap.xml`` and canonical addresses when a base URL is given (``--base-url`` or
``DTI_SITE_URL``), and checks that every link and image of every page resolves inside DIR.
A build that lacks pages of pipeline.yml's ``site`` set (a partial run on a cold cache) is
refused, so a partial site never replaces the full one. The workflow deploys exactly that folder.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import config, store

#: What the build writes under reports/ that readers never open.
EXCLUDED_DIRS = {"executed"}
EXCLUDED_FILES = {"manifest.csv"}
_LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


def deployed_years() -> set[str]:
    """Return the older years whose pages (reports/<year>/) the site holds: those the `site`
    report set of pipeline.yml lists by number (`latest` is reports/ itself)."""
    from . import plan

    chosen = plan.load().report_set(plan.DEFAULT_SET)
    return {str(year) for year in chosen.years if year}


def _kept(relative: Path, years: set[str]) -> bool:
    """Return whether a file under reports/ belongs to the site."""
    parts = relative.parts
    older = len(parts) > 1 and re.fullmatch(r"\d{4}", parts[0]) is not None
    return not (parts[0] in EXCLUDED_DIRS or relative.name in EXCLUDED_FILES
                or any(p.startswith(".") for p in parts) or relative.suffix == ".ipynb"
                or "executed" in parts or (older and parts[0] not in years))


def site_files(root: Path, years: set[str] | None = None) -> list[Path]:
    """Return the files of reports/ the site holds (relative paths, sorted); an older year's
    folder only when years names it (default: the years pipeline.yml's `site` set lists)."""
    years = deployed_years() if years is None else years
    return sorted(p.relative_to(root) for p in Path(root).rglob("*")
                  if p.is_file() and _kept(p.relative_to(root), years))


def local_links(page: str) -> list[str]:
    """Return a page's links and sources that point inside the site (no scheme, no data:)."""
    found = []
    for target in _LINK.findall(page):
        target = html.unescape(target)
        parts = urlsplit(target)
        if parts.scheme or target.startswith(("#", "//")) or not parts.path:
            continue
        found.append(unquote(parts.path))
    return found


def broken_links(folder: Path) -> list[str]:
    """Return "page -> target" for every link of every page that resolves to no file."""
    folder = Path(folder).resolve()
    broken = []
    for page in sorted(folder.rglob("*.html")):
        for target in local_links(page.read_text(encoding="utf-8")):
            path = (page.parent / target).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.is_relative_to(folder) or not path.is_file():
                broken.append(f"{page.relative_to(folder).as_posix()} -> {target}")
    return broken


def _with_address(page: str, url: str) -> str:
    """Return a page with its canonical address and og:url."""
    tags = f'<link rel="canonical" href="{url}">\n<meta property="og:url" content="{url}">\n'
    return page.replace("</title>\n", "</title>\n" + tags, 1)


def write_site(target: Path, root: Path | None = None, base_url: str = "") -> list[Path]:
    """Copy the site's files from reports/ to target (replacing it); return the files written."""
    root = Path(root or config.REPORTS_DIR)
    if not (root / "index.html").exists():
        raise FileNotFoundError(f"{root / 'index.html'} is missing: run `dti build` (or "
                                "`dti reports`) first, then `dti site DIR`")
    target = Path(target)
    if target.resolve() == root.resolve() or root.resolve() in target.resolve().parents:
        raise ValueError(f"the site folder {target} must lie outside {root}")
    shutil.rmtree(target, ignore_errors=True)
    base_url = (base_url or os.environ.get("DTI_SITE_URL", "")).rstrip("/")
    written, years = [], deployed_years()
    for relative in site_files(root, years):
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        if base_url and relative.suffix == ".html":
            page = (root / relative).read_text(encoding="utf-8")
            out.write_text(_with_address(page, f"{base_url}/{relative.as_posix()}"),
                           encoding="utf-8")
        else:
            shutil.copy2(root / relative, out)
        written.append(out)
    if base_url:
        pages = [p for p in site_files(target, years) if p.suffix == ".html"]
        urls = "".join(f"<url><loc>{html.escape(base_url)}/{p.as_posix()}</loc></url>\n"
                       for p in pages)
        sitemap = target / "sitemap.xml"
        store.write_text_atomic(sitemap, '<?xml version="1.0" encoding="UTF-8"?>\n<urlset '
                                'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                                f"{urls}</urlset>\n")
        written.append(sitemap)
    return written


def missing_pages(root: Path | None = None) -> list[str]:
    """Return the pages of pipeline.yml's `site` set neither built under root nor listed as
    failed in its manifest ("province/lao-cai.en", "2023/province/lao-cai.en")."""
    from . import manifest, pipeline, plan, publish

    root = Path(root or config.REPORTS_DIR)
    chosen = plan.load().report_set(plan.DEFAULT_SET)
    jobs = pipeline.report_jobs(0, chosen.languages, list(chosen.pages) if chosen.pages else None)
    missing = []
    for year in chosen.years:
        folder, prefix = (root / str(year), f"{year}/") if year else (root, "")
        table = manifest.read(folder)
        failed = set() if table.empty else {manifest.row_key(r.geography, r.slug, r.lang)
                                            for r in table.itertuples() if r.status != "ok"}
        missing += [prefix + job.key for job in jobs if job.key not in failed
                    and not publish.report_path(job.geography, job.slug, job.lang,
                                                folder).exists()]
    return missing


def _say_missing(missing: list[str]) -> None:
    """Print how many pages of the site set are missing, and the first few."""
    print(f"site: {len(missing)} page(s) of pipeline.yml's `site` set were never built here ("
          f"{', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}); run `dti reports` "
          "(it builds only what is missing or stale)", file=sys.stderr)


def run(target: str, base_url: str = "", partial: bool = False) -> int:
    """`dti site DIR`: write the site, report its size and any broken link; 1 if any.

    A site that lacks pages of the `site` set (a partial build on a cold cache) is refused,
    nothing written, unless partial: it would replace the full site deployed before. With no
    DIR, only list the missing pages (exit 1 if any)."""
    missing = missing_pages()
    if missing and not partial:
        _say_missing(missing)
        if target:
            print(f"site: nothing written to {target} (--partial to write it anyway)",
                  file=sys.stderr)
        return 1
    if not target:
        print("site: every page of pipeline.yml's `site` set is built (or listed as failed)")
        return 0
    written = write_site(Path(target), base_url=base_url)
    pages = sum(1 for p in written if p.suffix == ".html")
    broken = broken_links(Path(target))
    print(f"site: {len(written)} files ({pages} pages) in {target}; "
          f"{len(broken)} broken links")
    for line in broken[:20]:
        print(f"  broken: {line}")
    if partial and broken:
        print("site: a partial site (--partial): links to pages not built are expected")
    return 1 if broken and not partial else 0
