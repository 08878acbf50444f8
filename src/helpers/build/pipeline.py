"""The runner: stage notebooks with papermill, then every report in parallel, all cached.

Stages run with papermill from Python (explicit kernel, parameters as a dict, per-cell
timeout) into reports/executed/. Reports run in worker processes, one per core; each worker
keeps a warm kernel and runs the papermill-parameterized report notebook on it with nbclient
(``engine="warm"``), or starts a fresh kernel per report with papermill (``engine="papermill"``);
both give the same pages. A content-hash cache (helpers.cache) skips any notebook whose
notebook, parameters, input files and imported helper code are unchanged.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import config, gitinfo, store
from . import cache, manifest, quiet
from . import workers as worker_pool
from .stages import (  # noqa: F401  (the stage runner, re-exported for the CLI and tests)
    _REFERENCE,
    CELL_TIMEOUT_S,
    KERNEL,
    NotebookRun,
    Stage,
    _paths,
    build_cache,
    error_summary,
    error_text,
    join_aside,
    run_notebook,
    run_stage,
    stage_key,
    start_ahead_of,
)
from .workers import SETUP_TAG, without_setup  # noqa: F401  (what the warm engine leaves out)


def __getattr__(name: str) -> object:
    """Return STAGES (the stages by group of pipeline.yml), read when asked for."""
    if name == "STAGES":
        from . import plan

        return plan.load().stages
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

REPORT_TIMEOUT_S = 300
#: The build cache's record of the targets pages (reports/targets*.html and their CSV).
TARGETS_RECORD = "targets-pages"
REPORT_NOTEBOOK = "30-province-report"
#: The warm-kernel runner's papermill engine (the ``papermill.engine`` entry point).
WARM_ENGINE = "dti-warm"


# -- reports -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportJob:
    """One report to build: a province (basis 63) or 2025 unit (basis 34) in one language."""

    geography: str
    code: str
    slug: str
    name: str
    lang: str
    year: int
    processed_dir: str = ""

    @property
    def basis(self) -> int:
        """Return 63 for a province, 34 for a unit."""
        return 34 if self.geography == "unit" else 63

    @property
    def key(self) -> str:
        """Return "<geography>/<slug>.<lang>"."""
        return f"{self.geography}/{self.slug}.{self.lang}"

    @property
    def parameters(self) -> dict:
        """Return the notebook parameters of this report."""
        return {"province": self.code, "year": self.year, "lang": self.lang,
                "basis": self.basis, "processed_dir": self.processed_dir}


def report_jobs(year: int, langs: tuple[str, ...] = ("en", "vi"), only: list[str] | None = None,
                processed_dir: str = "") -> list[ReportJob]:
    """List the reports to build: every province and unit (or the named ones) in each language."""
    from .. import params, provinces

    wanted: set[str] | None = None
    if only:
        wanted = set()
        for name in only:
            text = name.strip()
            basis = 34 if text.lower().startswith(("unit:", "u:")) else 63
            text = text.split(":", 1)[1] if ":" in text else text
            wanted.add(params.resolve(text, basis=basis))
    jobs = []
    for geography, table in (("province", provinces.provinces()), ("unit", provinces.units())):
        for code, row in table.iterrows():
            if wanted is not None and code not in wanted:
                continue
            for lang in langs:
                jobs.append(ReportJob(geography, str(code), row["slug"], row["name_vi"], lang,
                                      year, processed_dir))
    return jobs


def preload_exporter() -> None:
    """Import nbconvert in a background thread while the kernel works."""
    import threading

    from . import publish

    threading.Thread(target=publish._exporter, daemon=True).start()


def prestart_kernel() -> None:
    """Start this process's warm kernel now, so it boots while other work goes on."""
    worker_pool.warm_kernel()


def _execute(job: ReportJob, partial: Path, engine: str) -> object:
    """Execute the report notebook for a job into partial (kept, with outputs, on failure).

    Both engines go through papermill's front door: ``warm`` is the engine registered as
    "dti-warm" (helpers.build.engine, this process's warm kernel), ``papermill`` papermill's
    own (a kernel per report). The notebook is written once, at the end or on a failure, and
    returned.
    """
    import papermill

    source = config.NOTEBOOKS_DIR / f"{REPORT_NOTEBOOK}.ipynb"
    if engine == "warm":
        preload_exporter()  # imported while the kernel works, not while it boots
    own = {} if engine == "warm" else {"km": worker_pool.kernel_manager(KERNEL)}  # IPC
    try:
        return papermill.execute_notebook(
            str(source), str(partial), parameters=job.parameters, kernel_name=KERNEL,
            engine_name=WARM_ENGINE if engine == "warm" else None,
            execution_timeout=REPORT_TIMEOUT_S, cwd=str(config.NOTEBOOKS_DIR),
            progress_bar=False, request_save_on_cell_execute=False,
            extra_arguments=quiet.KERNEL_ARGUMENTS, **own)
    except Exception as error:  # a timeout or a dead kernel: keep what ran (cell errors are)
        from .engine import keep_notebook

        keep_notebook(error, partial)
        raise
    finally:
        if own:
            worker_pool.stop_kernel(own["km"])


def run_report(job: ReportJob, out_root: Path | None = None, engine: str = "warm",
               keys: dict[str, str] | None = None) -> dict:
    """Execute and export one report; never raises (a failure is a manifest row).

    keys: the build keys the caller computed, by job key (else computed here)."""
    from . import publish

    root = Path(out_root or config.REPORTS_DIR)
    executed = root / "executed" / job.geography
    executed.mkdir(parents=True, exist_ok=True)
    notebook = executed / f"{job.slug}.{job.lang}.ipynb"
    partial = executed / f".{job.slug}.{job.lang}.{os.getpid()}.running.ipynb"
    failed = executed / f"{job.slug}.{job.lang}.failed.ipynb"
    html_path = publish.report_path(job.geography, job.slug, job.lang, root)
    started = time.perf_counter()
    row = _row(job, root)
    try:
        ran = _execute(job, partial, engine)  # as written to partial: not read back
        html = publish.notebook_html(ran, job.lang, f"DTI {job.year}: {job.name}", job.slug,
                                     build_key=(keys or {}).get(job.key) or report_key(job))
        os.replace(partial, notebook)
        store.write_text_atomic(html_path, html)
        failed.unlink(missing_ok=True)
    except Exception as error:  # one report failing never stops the others
        if store.is_disk_error(error):  # a full or read-only disk stops the whole build
            partial.unlink(missing_ok=True)
            raise
        if partial.exists():
            os.replace(partial, failed)
        html_path.unlink(missing_ok=True)  # no stale page that looks fresh
        notebook.unlink(missing_ok=True)
        row.update(status="failed", error=error_summary(error),
                   notebook=failed.relative_to(root).as_posix())
    row["seconds"] = round(time.perf_counter() - started, 2)
    return row


def _row(job: ReportJob, root: Path) -> dict:
    """Return the manifest row of a report that built well (before its timing)."""
    return {"geography": job.geography, "code": job.code, "slug": job.slug, "name": job.name,
            "lang": job.lang, "year": job.year, "html": f"{job.key}.html",
            "notebook": f"executed/{job.key}.ipynb", "status": "ok", "error": ""}


def report_inputs(processed_dir: str = "") -> list[Path]:
    """Return the files every report reads besides notebook and code: the processed tables of
    the report loader's list (helpers.report.tables.TABLE_FILES), the raw files pages cite
    rows of, the reference tables and the sources register."""
    from ..report.tables import RAW_FILES, TABLE_FILES

    root = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    return [root / name for name in TABLE_FILES] + _paths(
        (*(f"data/raw/{name}" for name in RAW_FILES), *_REFERENCE, "data/raw/sources.csv"))


def required_inputs() -> tuple[str, ...]:
    """Return the processed tables the reports need, as repository paths (checked first)."""
    from ..report.tables import OPTIONAL_FILES, TABLE_FILES

    return tuple(f"data/processed/{name}" for name in TABLE_FILES if name not in OPTIONAL_FILES)


def report_parts(processed_dir: str = "") -> dict:
    """Return the parts of a report's key that every report shares (hashed once per build)."""
    notebook = config.NOTEBOOKS_DIR / f"{REPORT_NOTEBOOK}.ipynb"
    inputs = report_inputs(processed_dir)
    modules = cache.notebook_modules(notebook) | {"build.publish"}
    # the page's address in its citation ($DTI_SITE_URL) and CITATION.cff's authors and version
    return cache.parts(notebook=notebook, inputs=[*inputs, config.ROOT / "CITATION.cff"],
                       modules=modules) | {"site_url": gitinfo.site_url()}


def report_key(job: ReportJob, shared: dict | None = None) -> str:
    """Return the cache key of one report."""
    return cache.key_with(shared or report_parts(job.processed_dir), job.parameters)


#: Space a report needs on disk when it has no earlier page to go by (page and notebook).
REPORT_BYTES = 2 << 20


def _needed_bytes(todo: list[ReportJob], root: Path, workers: int = 1) -> int:
    """Estimate the extra disk space the reports to build take: 2 MB for a new report; a
    rebuild in place frees its old page first and replaces its notebook, so it needs room only
    for a notebook and page written beside the old ones, by at most `workers` at a time."""
    from . import publish

    new, in_place = 0, 0
    for job in todo:
        page = publish.report_path(job.geography, job.slug, job.lang, root)
        notebook = root / "executed" / job.geography / f"{job.slug}.{job.lang}.ipynb"
        sizes = [p.stat().st_size for p in (page, notebook) if p.exists()]
        if len(sizes) == 2:
            in_place = max(in_place, sum(sizes))
        else:
            new += REPORT_BYTES
    return new + in_place * min(workers, len(todo))


def _universe(jobs: list[ReportJob]) -> dict[str, ReportJob]:
    """Return every report there can be (each province and unit in each language) by key."""
    year = jobs[0].year if jobs else 0
    processed_dir = jobs[0].processed_dir if jobs else ""
    every = {job.key: job for job in report_jobs(year, ("en", "vi"), None, processed_dir)}
    return {**every, **{job.key: job for job in jobs}}


def build_reports(jobs: list[ReportJob], workers: int | None = None,
                  out_root: Path | None = None, progress: bool = True, engine: str = "warm",
                  use_cache: bool = True, site: bool = True) -> pd.DataFrame:
    """Build the reports that are not fresh, in parallel; return this run's manifest rows.

    The manifest and index written beside the pages describe every page on disk (see
    helpers.manifest), however few reports this run built. With ``site=False`` (a shard) only
    the pages are built; `write_site` (``dti index``) derives manifest and index afterwards.
    """
    from . import publish

    root = Path(out_root or config.REPORTS_DIR)
    records = cache.BuildCache(root / ".build-cache.json")
    dirty = bool(records.discarded)
    shared = report_parts(jobs[0].processed_dir if jobs else "")
    keys = {job.key: report_key(job, shared) for job in jobs}
    results: dict[str, dict] = {}
    todo = []
    for job in jobs:
        output = publish.report_path(job.geography, job.slug, job.lang, root)
        record = records.records.get(job.key, {})
        if use_cache and page_is_fresh(records, job.key, keys[job.key], output):
            if records.fresh(job.key, keys[job.key], [output]) and "row" in record:
                results[job.key] = record["row"]
        else:
            todo.append(job)
    universe = _universe(jobs)
    orphaned = manifest.orphans(root, set(universe)) if site else []
    manifest.note_strays(root)
    if todo or orphaned:  # stop before touching anything when the output cannot take it
        records.check_writable()
        store.check_writable([root, root / "executed"],
                             _needed_bytes(todo, root, workers_count(workers)))
        worker_pool.clear_stale_partials(root / "executed")
    for path in orphaned:
        print(f"removed {path.relative_to(root).as_posix()}: no province or unit has this slug")
        path.unlink(missing_ok=True)
        records.forget(manifest.row_key(path.parent.name, *path.name.split(".")[:2]))
    for job in todo:  # an interrupted build must not leave old pages that look current
        records.forget(job.key)
        publish.report_path(job.geography, job.slug, job.lang, root).unlink(missing_ok=True)
    site_keys = _SiteKeys(root, universe, keys, shared, jobs[0].processed_dir if jobs else "",
                          jobs[0].year if jobs else 0)
    aside = _SiteAside(site_keys, records=records)
    if todo and site:
        predicted = site_keys.table({**results, **{job.key: _row(job, root) for job in todo}},
                                    records)
        if not records.fresh(manifest.INDEX_RECORD, site_keys.index_key(predicted),
                             manifest.index_paths(root)):
            records.forget(manifest.INDEX_RECORD)
            for path in manifest.index_paths(root):  # the index will change: none stale meanwhile
                path.unlink(missing_ok=True)
            aside.downloads_of = predicted  # and its downloads are written beside the reports

    def done(job: ReportJob, row: dict) -> None:
        results[job.key] = row
        if row["status"] == "ok":
            output = publish.report_path(job.geography, job.slug, job.lang, root)
            records.record(job.key, keys[job.key], [output], row=row)  # one journal line

    join_aside()  # methods pages written beside the stages: done before the workers fork
    worker_pool.run_all(run_report, todo, (root, engine, keys), workers_count(workers), progress,
                        done, beside=aside.run if site else None)
    if not site:
        if todo or dirty:
            records.save()
        table = site_keys.table(results, records)
    else:
        table = _write_site(site_keys, results, records, force=bool(todo or dirty or orphaned),
                            aside=aside)
    mine = {job.key for job in jobs}
    keyed = table.assign(_key=[manifest.row_key(g, s, la) for g, s, la in zip(
        table["geography"], table["slug"], table["lang"], strict=True)])
    return keyed[keyed["_key"].isin(mine)].drop(columns="_key").reset_index(drop=True)


def page_is_fresh(records: cache.BuildCache, name: str, build_key: str, page: Path) -> bool:
    """Tell whether a page is current: it carries the key its inputs give now, and no record
    of that key says the page changed since (a page without a record is trusted: a shard's)."""
    from . import publish

    return publish.page_build_key(page) == build_key and not records.contradicts(
        name, build_key, [page])


@dataclass
class _SiteKeys:
    """What the manifest and index of a reports folder are derived from."""

    root: Path
    universe: dict[str, ReportJob]
    keys: dict[str, str]
    shared: dict
    processed_dir: str
    year: int
    before: pd.DataFrame | None = None  # the manifest on disk, read once

    def expected(self, job: ReportJob, year: int) -> str:
        """Return the key a page of this report and year is built from now."""
        if year == job.year and job.key in self.keys:
            return self.keys[job.key]
        return report_key(_with_year(job, year), self.shared)

    def table(self, done: dict[str, dict], records: cache.BuildCache) -> pd.DataFrame:
        """Return the manifest: this run's rows, and every other page on disk as it is."""
        if self.before is None:
            self.before = manifest.read(self.root)
        rows = manifest.derive(self.root, self.universe, done, records, self.before,
                               self.expected)
        return manifest.frame(rows, manifest.headline(rows, self.processed_dir))

    def index_key(self, table: pd.DataFrame) -> str:
        """Return the key of the index pages that show this manifest (as manifest.write_index
        computes it: the same key, or a one-report build removes and rewrites the index)."""
        return manifest.site_index_key(table, self.year, self.rankings_file.parent)

    def targets_key(self) -> str:
        """Return the key of the targets pages (helpers.report.goal_pages): what every report
        reads (they read the same tables), the code that draws them and the date they cite."""
        from .. import gitinfo

        date = gitinfo.commit_date() or pd.Timestamp.now("UTC").date().isoformat()
        return cache.sha(json.dumps({**self.shared, "date": date,
                                     "code": cache.code_hash({"report.goal_pages"})},
                                    sort_keys=True).encode())

    def targets_paths(self) -> list[Path]:
        """Return the files the targets pages are: a page per language and their rows."""
        from ..report import goal_pages, narrative

        return [*(self.root / goal_pages.page_name(lang) for lang in narrative.LANGS),
                self.root / goal_pages.CSV_NAME]

    def targets_due(self, records: cache.BuildCache) -> bool:
        """Tell whether the targets pages are to be drawn: no record of their key holds."""
        return not records.fresh(TARGETS_RECORD, self.targets_key(), self.targets_paths())

    @property
    def rankings_file(self) -> Path:
        """Return the rankings table the index reads."""
        return Path(self.processed_dir or config.PROCESSED_DIR) / "dti_rankings.csv"


@dataclass
class _SiteAside:
    """The site files that depend on no report, written while the reports run (run_all's
    beside): the methods and targets pages, and when the index will change its downloads,
    and its pages drawn from the predicted manifest (written at the end if it holds).

    What fails here is left undone: _write_site writes it again, in the build's own order,
    and says or raises what goes wrong as a build without this would."""

    site: _SiteKeys
    downloads_of: pd.DataFrame | None = None  # the manifest the index will show, predicted
    downloads: list[Path] | None = None
    pages_done: bool = False
    records: cache.BuildCache | None = None
    targets_due: bool | None = None  # the targets pages: False when their record holds
    index: tuple[str, dict[Path, str]] | None = None  # the index pages drawn, with their key

    def run(self) -> None:
        """Write the methods and targets pages, then the downloads (if asked)."""
        with contextlib.suppress(Exception):
            if self.records is not None:  # here, not before: it imports the pages' module
                self.targets_due = self.site.targets_due(self.records)
            _write_site_pages(self.site, self.targets_due is not False)
            self.pages_done = True
        if self.downloads_of is None or self.downloads_of.empty:
            return
        with contextlib.suppress(Exception):
            from .. import processed
            from . import publish

            self.downloads = publish.write_downloads(
                processed.rankings(self.site.rankings_file.parent), self.downloads_of,
                self.site.root)
        with contextlib.suppress(Exception):
            self.index = manifest.draw_index(self.site.root, self.downloads_of, self.site.year,
                                             self.site.rankings_file.parent)

    def downloads_for(self, table: pd.DataFrame) -> list[Path] | None:
        """Return the downloads written aside if they are those of this manifest, else None."""
        def places(frame: pd.DataFrame) -> list[tuple]:
            return list(frame.drop_duplicates(["geography", "code"])[
                ["geography", "code", "slug"]].itertuples(index=False, name=None))

        if self.downloads is None or self.downloads_of is None:
            return None
        return self.downloads if places(self.downloads_of) == places(table) else None


def _write_site_pages(site: _SiteKeys, targets: bool = True) -> None:
    """Write the methods pages and, if asked, the targets pages (only those that changed)."""
    from ..report import goal_pages
    from . import methods  # reports/methods/ and reports/targets*.html

    methods.write_methods_pages(root=site.root)
    if targets:
        goal_pages.write_pages(site.root, site.processed_dir)


def _write_site(site: _SiteKeys, results: dict[str, dict], records: cache.BuildCache,
                force: bool = False, aside: _SiteAside | None = None) -> pd.DataFrame:
    """Write manifest, index, methods and targets pages from the pages on disk (what the
    reports' run wrote aside is not written again); compact the cache journal; return the
    manifest."""
    join_aside()
    aside = aside or _SiteAside(site)
    table = site.table(results, records)
    manifest.write(site.root, table)
    if manifest.write_index(site.root, table, site.year, records, site.rankings_file.parent,
                            downloads=aside.downloads_for(table), drawn=aside.index) or force:
        records.save()
    if aside.targets_due is None:
        aside.targets_due = site.targets_due(records)
    if not aside.pages_done:
        _write_site_pages(site, aside.targets_due)
    if aside.targets_due:  # written now: their record lets the next build skip them
        records.record(TARGETS_RECORD, site.targets_key(), site.targets_paths())
    return table


def write_site(year: int, out_root: Path | None = None, processed_dir: str = "") -> pd.DataFrame:
    """Derive manifest and index from the report pages on disk, building none (``dti index``).

    A page whose embedded key is what its inputs give now is listed "ok", another "stale";
    pages built by several shards (``dti reports --shard i/n``) become one site this way.
    """
    root = Path(out_root or config.REPORTS_DIR)
    jobs = report_jobs(year, ("en", "vi"), None, processed_dir)
    shared = report_parts(processed_dir)
    records = cache.BuildCache(root / ".build-cache.json")
    site = _SiteKeys(root, _universe(jobs), {job.key: report_key(job, shared) for job in jobs},
                     shared, processed_dir, year)
    return _write_site(site, {}, records, force=bool(records.discarded))


def shard(jobs: list[ReportJob], which: str) -> list[ReportJob]:
    """Return shard "i/n" of the jobs (1 <= i <= n): every n-th job from the i-th."""
    index, _, count = which.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise ValueError(f"--shard {which!r}: give i/n with 1 <= i <= n, such as 1/4")
    return jobs[int(index) - 1::int(count)]


def workers_count(requested: int | None) -> int:
    """Return the number of worker processes: as requested, else one per core."""
    return requested or max(1, os.cpu_count() or 1)


def _with_year(job: ReportJob, year: int) -> ReportJob:
    """Return the same report for another year."""
    from dataclasses import replace

    return replace(job, year=year)
