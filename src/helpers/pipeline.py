"""The runner: stage notebooks with papermill, then every report in parallel, all cached.

Stages run with papermill from Python (explicit kernel, parameters as a dict, per-cell
timeout) into reports/executed/. Reports run in worker processes, one per core; each worker
keeps a warm kernel and runs the papermill-parameterized report notebook on it with nbclient
(``engine="warm"``), or starts a fresh kernel per report with papermill (``engine="papermill"``);
both give the same pages. A content-hash cache (helpers.cache) skips any notebook whose
notebook, parameters, input files and imported helper code are unchanged.
"""

from __future__ import annotations

import atexit
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import cache, config, quiet, store

KERNEL = "python3"
CELL_TIMEOUT_S = 600
REPORT_TIMEOUT_S = 300
REPORT_NOTEBOOK = "30-province-report"


@dataclass(frozen=True)
class Stage:
    """A stage notebook with the files it reads and writes (paths relative to the repo)."""

    notebook: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


_REFERENCE = ("data/raw/reference/*.csv", "data/raw/sources.csv")
#: The stages in data-flow order.
STAGES: dict[str, list[Stage]] = {
    "data": [
        Stage("10-clean-rankings", ("data/raw/dti/*.csv", *_REFERENCE),
              tuple(f"data/processed/{n}.csv" for n in (
                  "dti_rankings", "conflicts", "dropped", "unit_checks", "change_checks"))),
        Stage("11-clean-targets",
              ("data/raw/press/*.csv", "data/raw/targets/*.csv", "data/processed/dti_rankings.csv",
               *_REFERENCE),
              tuple(f"data/processed/{n}.csv" for n in ("press_facts", "targets", "claims",
                                                        "goals"))),
    ],
    "model": [
        Stage("20-model-factors", ("data/raw/covariates/*.csv", "data/raw/governance/*.csv",
                                   "data/processed/dti_rankings.csv", *_REFERENCE),
              tuple(f"data/processed/model/{n}.csv" for n in (
                  "coverage", "correlations", "coefficients", "fits", "predictions",
                  "contributions", "anatomy", "dropped", "validation", "specifications",
                  "stability", "loadings", "status", "point_errors"))),
    ],
}
#: What every report reads (besides the notebook and the helper code).
REPORT_INPUTS = ("data/processed/dti_rankings.csv", "data/processed/targets.csv",
                 "data/processed/claims.csv", "data/processed/goals.csv",
                 "data/processed/press_facts.csv", "data/processed/model/predictions.csv",
                 "data/processed/model/contributions.csv", *_REFERENCE)


def _paths(patterns: tuple[str, ...]) -> list[Path]:
    """Expand repo-relative globs (a literal path that does not exist is kept, as missing)."""
    out: list[Path] = []
    for pattern in patterns:
        hits = sorted(config.ROOT.glob(pattern))
        out.extend(hits if hits or "*" in pattern else [config.ROOT / pattern])
    return out


def build_cache() -> cache.BuildCache:
    """Return the build cache kept beside the reports."""
    return cache.BuildCache(config.REPORTS_DIR / ".build-cache.json")


# -- stage notebooks -----------------------------------------------------------------------------
@dataclass(frozen=True)
class NotebookRun:
    """The outcome of one notebook execution."""

    notebook: str
    output: Path
    seconds: float
    error: str | None = None
    cached: bool = False

    @property
    def ok(self) -> bool:
        """Tell whether the notebook ran to the end."""
        return self.error is None


def run_notebook(
    name: str,
    parameters: Mapping[str, object] | None = None,
    out_dir: Path | None = None,
    kernel: str = KERNEL,
    timeout: int = CELL_TIMEOUT_S,
) -> NotebookRun:
    """Execute notebooks/<name>.ipynb with papermill; keep a failed run as <name>.failed.ipynb."""
    import papermill  # imported here: it is slow to import and only the runner needs it

    source = config.NOTEBOOKS_DIR / f"{name}.ipynb"
    out_dir = Path(out_dir or config.EXECUTED_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / f"{name}.ipynb"
    partial = out_dir / f".{name}.running.ipynb"
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(source), str(partial), parameters=dict(parameters or {}), kernel_name=kernel,
            execution_timeout=timeout, cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
            extra_arguments=quiet.KERNEL_ARGUMENTS,
        )
    except Exception as error:  # papermill re-raises the cell's error; keep the notebook
        failed = out_dir / f"{name}.failed.ipynb"
        if partial.exists():
            os.replace(partial, failed)
        output.unlink(missing_ok=True)
        return NotebookRun(name, failed, time.perf_counter() - started, _summary(error))
    os.replace(partial, output)
    (out_dir / f"{name}.failed.ipynb").unlink(missing_ok=True)
    return NotebookRun(name, output, time.perf_counter() - started)


def _summary(error: BaseException) -> str:
    """Return the useful last lines of a notebook error."""
    text = str(error).strip().splitlines()
    return "\n".join(text[-12:]) if text else type(error).__name__


def stage_key(stage: Stage) -> str:
    """Return the cache key of a stage with its default parameters."""
    notebook = config.NOTEBOOKS_DIR / f"{stage.notebook}.ipynb"
    return cache.key(notebook=notebook, parameters={}, inputs=_paths(stage.inputs),
                     modules=cache.notebook_modules(notebook))


def run_stage(stage_name: str, use_cache: bool = True) -> list[NotebookRun]:
    """Run every notebook of one stage in order (skipping fresh ones); stop at a failure."""
    runs = []
    records = build_cache()
    for stage in STAGES[stage_name]:
        outputs = _paths(stage.outputs)
        key = stage_key(stage)
        executed = config.EXECUTED_DIR / f"{stage.notebook}.ipynb"
        if use_cache and records.fresh(stage.notebook, key, outputs):
            runs.append(NotebookRun(stage.notebook, executed, 0.0, cached=True))
            continue
        records.forget(stage.notebook)
        records.save()
        run = run_notebook(stage.notebook)
        runs.append(run)
        if not run.ok:
            break
        records.record(stage.notebook, stage_key(stage), outputs)
        records.save()
    return runs


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
    from . import provinces

    wanted: set[str] | None = None
    if only:
        known = set(provinces.provinces()["code"]) | set(provinces.units()["code"])
        wanted = set()
        for name in only:
            text = name.strip()
            basis = 34 if text.lower().startswith(("unit:", "u:")) else 63
            text = text.split(":", 1)[1] if ":" in text else text
            wanted.add(text if text in known else provinces.resolve(text, basis=basis))
    jobs = []
    for geography, table in (("province", provinces.provinces()), ("unit", provinces.units())):
        for code, row in table.iterrows():
            if wanted is not None and code not in wanted:
                continue
            for lang in langs:
                jobs.append(ReportJob(geography, str(code), row["slug"], row["name_vi"], lang,
                                      year, processed_dir))
    return jobs


class WarmKernel:
    """A kernel that stays up between reports; its namespace is reset before each one."""

    #: Imported as the kernel starts, so the first report does not wait for them.
    PRELOAD = "import helpers.report"

    def __init__(self, kernel: str = KERNEL) -> None:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_client.utils import run_sync

        self._run_sync = run_sync
        self.km = AsyncKernelManager(kernel_name=kernel)
        run_sync(self.km.start_kernel)(cwd=str(config.NOTEBOOKS_DIR),
                                       extra_arguments=["--HistoryManager.enabled=False",
                                                        *quiet.KERNEL_ARGUMENTS])
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.execute(self.PRELOAD, silent=True, store_history=False)  # queued, not awaited
        self.ready = False
        self.used = False

    def wait_ready(self) -> None:
        """Wait until the kernel answers (once)."""
        if not self.ready:
            self._run_sync(self.kc.wait_for_ready)(timeout=60)
            self.ready = True

    def alive(self) -> bool:
        """Tell whether the kernel is still running."""
        return bool(self._run_sync(self.km.is_alive)())

    def run(self, notebook: object, timeout: int) -> object:
        """Execute a notebook on this kernel (in place), after clearing the namespace."""
        from nbclient import NotebookClient

        self.wait_ready()
        if self.used:  # a kernel that ran a report before starts from an empty namespace
            self._run_sync(self.kc.execute_interactive)("%reset -f", store_history=False,
                                                        timeout=30)
        self.used = True
        client = NotebookClient(notebook, km=self.km, timeout=timeout, kernel_name=KERNEL,
                                resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}})
        client.kc = self.kc
        client.execute()
        return notebook

    def close(self) -> None:
        """Stop the kernel."""
        try:
            self.kc.stop_channels()
            self._run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # the process is ending; nothing left to clean
            pass


_KERNEL: WarmKernel | None = None


def preload_exporter() -> None:
    """Import nbconvert in a background thread while the kernel works."""
    import threading

    from . import publish

    threading.Thread(target=publish._exporter, daemon=True).start()


def prestart_kernel() -> None:
    """Start this process's warm kernel now, so it boots while other work goes on."""
    _warm_kernel()


def _warm_kernel() -> WarmKernel:
    """Return this process's warm kernel, starting (or restarting) it when needed."""
    global _KERNEL
    if _KERNEL is None or not _KERNEL.alive():
        _KERNEL = WarmKernel()
        atexit.register(_KERNEL.close)
    return _KERNEL


def _execute(job: ReportJob, partial: Path, engine: str) -> None:
    """Execute the report notebook for a job into partial (kept, with outputs, on failure)."""
    import nbformat

    source = config.NOTEBOOKS_DIR / f"{REPORT_NOTEBOOK}.ipynb"
    if engine == "papermill":
        import papermill

        papermill.execute_notebook(str(source), str(partial), parameters=job.parameters,
                                   kernel_name=KERNEL, execution_timeout=REPORT_TIMEOUT_S,
                                   cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
                                   extra_arguments=quiet.KERNEL_ARGUMENTS)
        return
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    notebook = parameterize_notebook(load_notebook_node(str(source)), job.parameters,
                                     kernel_name=KERNEL, language="python")
    kernel = _warm_kernel()
    kernel.wait_ready()
    preload_exporter()  # imported here while the kernel works, not while it boots
    try:
        kernel.run(notebook, REPORT_TIMEOUT_S)
    finally:
        nbformat.write(notebook, partial)


def run_report(job: ReportJob, out_root: Path | None = None, engine: str = "warm") -> dict:
    """Execute and export one report; never raises (a failure is a manifest row)."""
    from . import publish

    root = Path(out_root or config.REPORTS_DIR)
    executed = root / "executed" / job.geography
    executed.mkdir(parents=True, exist_ok=True)
    notebook = executed / f"{job.slug}.{job.lang}.ipynb"
    partial = executed / f".{job.slug}.{job.lang}.running.ipynb"
    failed = executed / f"{job.slug}.{job.lang}.failed.ipynb"
    html_path = publish.report_path(job.geography, job.slug, job.lang, root)
    started = time.perf_counter()
    row = {"geography": job.geography, "code": job.code, "slug": job.slug, "name": job.name,
           "lang": job.lang, "year": job.year, "html": html_path.relative_to(root).as_posix(),
           "notebook": notebook.relative_to(root).as_posix(), "status": "ok", "error": ""}
    try:
        _execute(job, partial, engine)
        html = publish.notebook_html(partial, job.lang, f"DTI {job.year}: {job.name}", job.slug,
                                     build_key=report_key(job))
        os.replace(partial, notebook)
        store.write_text_atomic(html_path, html)
        failed.unlink(missing_ok=True)
    except Exception as error:  # one report failing never stops the others
        if partial.exists():
            os.replace(partial, failed)
        html_path.unlink(missing_ok=True)  # no stale page that looks fresh
        notebook.unlink(missing_ok=True)
        row.update(status="failed", error=_summary(error),
                   notebook=failed.relative_to(root).as_posix())
    row["seconds"] = round(time.perf_counter() - started, 2)
    return row


def report_key(job: ReportJob) -> str:
    """Return the cache key of one report."""
    notebook = config.NOTEBOOKS_DIR / f"{REPORT_NOTEBOOK}.ipynb"
    inputs = _paths(REPORT_INPUTS)
    if job.processed_dir:
        inputs = [Path(job.processed_dir) / p.relative_to(config.PROCESSED_DIR)
                  if p.is_relative_to(config.PROCESSED_DIR) else p for p in inputs]
    modules = cache.notebook_modules(notebook) | {"publish"}
    return cache.key(notebook=notebook, parameters=job.parameters, inputs=inputs,
                     modules=modules)


def _headline(jobs: list[ReportJob]) -> pd.DataFrame:
    """Return rank, score and change for each job's province or unit (for the manifest)."""
    from . import processed, provinces

    ranked = processed.rankings(jobs[0].processed_dir or None if jobs else None)
    overall = ranked[ranked["measure"] == "overall"].set_index(
        ["province_code", "basis", "year"])[["rank", "score"]]
    regions = pd.concat([provinces.provinces()[["region", "region_en_nso"]],
                         provinces.units()[["region", "region_en_nso"]]])
    rows = []
    for job in jobs:
        now = overall.loc[(job.code, job.basis, job.year)] if (
            job.code, job.basis, job.year) in overall.index else None
        before = overall.loc[(job.code, job.basis, job.year - 1)] if (
            job.code, job.basis, job.year - 1) in overall.index else None
        rank = now["rank"] if now is not None else pd.NA
        prev = before["rank"] if before is not None else pd.NA
        known = job.code in regions.index
        rows.append({"key": job.key, "rank": rank,
                     "score": now["score"] if now is not None else pd.NA,
                     "change": (prev - rank) if pd.notna(rank) and pd.notna(prev) else pd.NA,
                     "n": job.basis,
                     "region_vi": regions.loc[job.code, "region"] if known else "",
                     "region_en": regions.loc[job.code, "region_en_nso"] if known else ""})
    return pd.DataFrame(rows)


INDEX_COLUMNS = ["geography", "code", "lang", "status", "rank", "score", "change"]


def _index_view(manifest: pd.DataFrame) -> list[tuple]:
    """Return what the index page shows of a manifest (to tell whether it must change)."""
    if manifest.empty:
        return []
    view = manifest.reindex(columns=INDEX_COLUMNS)
    rows = []
    for row in view.itertuples(index=False):
        rows.append(tuple("" if pd.isna(v) else (f"{float(v):.6f}" if isinstance(v, float | int)
                                                  and not isinstance(v, bool) else str(v))
                          for v in row))
    return sorted(rows)


def _run_jobs(todo: list[ReportJob], root: Path, engine: str, workers: int, progress: bool,
              on_done: Callable[[ReportJob, dict], None]) -> None:
    """Run jobs in worker processes (in this process when there is one); report each result."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from tqdm import tqdm

    if len(todo) == 1:  # no worker to start, and the kernel may already be warm
        on_done(todo[0], run_report(todo[0], root, engine))
        return
    pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(todo))))
    try:
        futures = {pool.submit(run_report, job, root, engine): job for job in todo}
        for future in tqdm(as_completed(futures), total=len(futures), disable=not progress,
                           desc="reports", unit="report"):
            on_done(futures[future], future.result())
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def build_reports(jobs: list[ReportJob], workers: int | None = None,
                  out_root: Path | None = None, progress: bool = True, engine: str = "warm",
                  use_cache: bool = True) -> pd.DataFrame:
    """Build the reports that are not fresh, in parallel; write the manifest and the index."""
    from . import processed, publish

    root = Path(out_root or config.REPORTS_DIR)
    records = cache.BuildCache(root / ".build-cache.json")
    keys = {job.key: report_key(job) for job in jobs}
    results: dict[str, dict] = {}
    todo = []
    for job in jobs:
        output = publish.report_path(job.geography, job.slug, job.lang, root)
        record = records.records.get(job.key, {})
        if use_cache and records.fresh(job.key, keys[job.key], [output]) and "row" in record:
            results[job.key] = record["row"]
        else:
            todo.append(job)
    headline = _headline(jobs)
    try:
        before = pd.read_csv(root / "manifest.csv", dtype={"code": str})
    except (FileNotFoundError, pd.errors.EmptyDataError):
        before = pd.DataFrame()
    for job in todo:  # an interrupted build must not leave old pages that look current
        records.forget(job.key)
        publish.report_path(job.geography, job.slug, job.lang, root).unlink(missing_ok=True)
    records.save()

    def done(job: ReportJob, row: dict) -> None:
        results[job.key] = row
        if row["status"] == "ok":
            output = publish.report_path(job.geography, job.slug, job.lang, root)
            records.record(job.key, keys[job.key], [output], row=row)
            records.save()

    if todo:
        predicted = _manifest(jobs, {**{j.key: {"status": "ok"} for j in todo}, **results},
                              headline)
        if _index_view(predicted) != _index_view(before):
            for lang in ("en", "vi"):  # the index will change: no stale index meanwhile
                (root / publish.index_name(lang)).unlink(missing_ok=True)
        _run_jobs(todo, root, engine, workers or max(1, os.cpu_count() or 1), progress, done)
    manifest = _manifest(jobs, results, headline)
    index_missing = not all((root / publish.index_name(lang)).exists() for lang in ("en", "vi"))
    if index_missing or _index_view(manifest) != _index_view(before):
        store.write_csv_atomic(root / "manifest.csv", manifest)
        ranked = processed.rankings(jobs[0].processed_dir or None if jobs else None)
        year = jobs[0].year if jobs else processed.latest_complete_year(ranked)
        from . import gitinfo  # the commit shown on the index

        publish.write_index(manifest, year, gitinfo.commit(), ranked, root)
    elif todo:
        store.write_csv_atomic(root / "manifest.csv", manifest)
    from . import methods  # the stage notebooks as pages (reports/methods/), linked from the index

    methods.write_methods_pages(root=root)
    from . import goal_pages  # reports/targets.html and targets.vi.html, rewritten when changed

    goal_pages.write_pages(root, jobs[0].processed_dir if jobs else "")
    return manifest


def _manifest(jobs: list[ReportJob], results: dict[str, dict], headline: pd.DataFrame
              ) -> pd.DataFrame:
    """Return the manifest: one row per job with its outcome and headline numbers."""
    rows = []
    for job in jobs:
        row = {"geography": job.geography, "code": job.code, "slug": job.slug,
               "name": job.name, "lang": job.lang, "year": job.year, **results[job.key]}
        rows.append({**row, "key": job.key})
    frame = pd.DataFrame(rows)
    return frame.merge(headline, on="key", how="left").drop(columns="key")
