"""Run the stage notebooks with papermill, from Python, into reports/executed/."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config, store

#: The stages in data-flow order; each names its notebooks (without .ipynb).
STAGES: dict[str, list[str]] = {
    "data": ["10-clean-rankings", "11-clean-targets"],
    "model": ["20-model-factors"],
}
KERNEL = "python3"
CELL_TIMEOUT_S = 600


@dataclass(frozen=True)
class NotebookRun:
    """The outcome of one notebook execution."""

    notebook: str
    output: Path
    seconds: float
    error: str | None = None

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


def run_stage(stage: str, parameters: Mapping[str, Mapping[str, object]] | None = None
              ) -> list[NotebookRun]:
    """Run every notebook of one stage, in order, stopping at the first failure."""
    runs = []
    for name in STAGES[stage]:
        run = run_notebook(name, (parameters or {}).get(name))
        runs.append(run)
        if not run.ok:
            break
    return runs


# -- reports -----------------------------------------------------------------------------------
REPORT_NOTEBOOK = "30-province-report"


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


def report_jobs(year: int, langs: tuple[str, ...] = ("en", "vi"), only: list[str] | None = None,
                processed_dir: str = "") -> list[ReportJob]:
    """List the reports to build: every province and unit (or the named ones) in each language."""
    from . import provinces

    wanted: set[str] | None = None
    if only:
        wanted = set()
        for name in only:
            text = name.strip()
            basis = 34 if text.lower().startswith(("unit:", "u:")) else 63
            text = text.split(":", 1)[1] if ":" in text else text
            known = set(provinces.provinces()["code"]) | set(provinces.units()["code"])
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


def run_report(job: ReportJob, out_root: Path | None = None, timeout: int = 300) -> dict:
    """Execute the report notebook for one job and export it to HTML; never raises."""
    import papermill

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
        papermill.execute_notebook(
            str(config.NOTEBOOKS_DIR / f"{REPORT_NOTEBOOK}.ipynb"), str(partial),
            parameters={"province": job.code, "year": job.year, "lang": job.lang,
                        "basis": job.basis, "processed_dir": job.processed_dir},
            kernel_name=KERNEL, execution_timeout=timeout, cwd=str(config.NOTEBOOKS_DIR),
            progress_bar=False)
        title = f"DTI {job.year}: {job.name}"
        html = publish.notebook_html(partial, job.lang, title, job.slug)
        os.replace(partial, notebook)
        from .store import write_text_atomic

        write_text_atomic(html_path, html)
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


def _headline(jobs: list[ReportJob]) -> pd.DataFrame:
    """Return rank, score and change for each job's province or unit (for the manifest)."""
    from . import provinces, report

    ranked = report.tables(jobs[0].processed_dir if jobs else "").rankings
    rows = []
    for job in jobs:
        part = ranked[(ranked["province_code"] == job.code) & (ranked["basis"] == job.basis)
                      & (ranked["measure"] == "overall")]
        now = part[part["year"] == job.year]
        before = part[part["year"] == job.year - 1]
        rank = now["rank"].iloc[0] if not now.empty else pd.NA
        prev = before["rank"].iloc[0] if not before.empty else pd.NA
        table = provinces.units() if job.basis == 34 else provinces.provinces()
        known = job.code in table.index
        rows.append({"key": job.key, "rank": rank,
                     "score": now["score"].iloc[0] if not now.empty else pd.NA,
                     "change": (prev - rank) if pd.notna(rank) and pd.notna(prev) else pd.NA,
                     "n": job.basis, "region_vi": table.loc[job.code, "region"] if known else "",
                     "region_en": table.loc[job.code, "region_en_nso"] if known else ""})
    return pd.DataFrame(rows)


def build_reports(jobs: list[ReportJob], workers: int | None = None,
                  out_root: Path | None = None, progress: bool = True) -> pd.DataFrame:
    """Build every report in parallel worker processes; write the manifest and the index."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from tqdm import tqdm

    from . import publish, report

    root = Path(out_root or config.REPORTS_DIR)
    workers = workers or max(1, os.cpu_count() or 1)
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_report, job, root) for job in jobs]
        for future in tqdm(as_completed(futures), total=len(futures), disable=not progress,
                           desc="reports", unit="report"):
            results.append(future.result())
    keys = {job.key: job for job in jobs}
    manifest = pd.DataFrame(results)
    manifest["key"] = manifest["geography"] + "/" + manifest["slug"] + "." + manifest["lang"]
    manifest = manifest.merge(_headline(list(keys.values())), on="key", how="left")
    order = {job.key: i for i, job in enumerate(jobs)}
    manifest = manifest.sort_values("key", key=lambda s: s.map(order)).drop(columns="key")
    store.write_csv_atomic(root / "manifest.csv", manifest)
    ranked = report.tables(jobs[0].processed_dir if jobs else "").rankings
    year = jobs[0].year if jobs else report.latest_complete_year(ranked)
    publish.write_index(manifest, year, report.commit(), ranked, root)
    return manifest
