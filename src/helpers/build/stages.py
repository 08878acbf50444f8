"""The stage notebooks (10, 11, 20): what each reads and writes, run with papermill, cached.

Each stage runs with papermill from Python (explicit kernel, parameters as a dict, per-cell
timeout) into reports/executed/; a stage whose notebook, inputs and imported helper code are
unchanged is skipped (helpers.cache). helpers.pipeline runs them before the reports.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import config, store
from . import cache, manifest, quiet

KERNEL = "python3"
CELL_TIMEOUT_S = 600


@dataclass(frozen=True)
class Stage:
    """A stage notebook with the files it reads and writes (paths relative to the repo)."""

    notebook: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


_REFERENCE = ("data/raw/reference/*.csv",)
#: Only stage 10 reads the register (which DTI files, and how): a press-only change (reviewed
#: facts and their register row) re-runs stage 11, never the model.
_REGISTER = ("data/raw/sources.csv",)
#: The stages in data-flow order.
STAGES: dict[str, list[Stage]] = {
    "data": [
        Stage("10-clean-rankings", ("data/raw/dti/*.csv", *_REFERENCE, *_REGISTER),
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
                                   "data/processed/dti_rankings.csv",
                                   "data/processed/goals.csv", "data/forecasts/*.csv",
                                   *_REFERENCE),
              tuple(f"data/processed/model/{n}.csv" for n in (
                  "coverage", "correlations", "coefficients", "fits", "predictions",
                  "contributions", "anatomy", "dropped", "validation", "specifications",
                  "stability", "loadings", "status", "point_errors", "conditional",
                  "conditional_validation", "residual_correlations", "rank_changes",
                  "pillar_fits", "pillar_slopes", "pillar_tests", "pillar_validation",
                  "unit_check", "forecast_2025", "target_odds", "target_brier",
                  "pillar_ranges"))),
    ],
}
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
    detail: str = ""

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
    partial = out_dir / f".{name}.{os.getpid()}.running.ipynb"  # unique per process
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(source), str(partial), parameters=dict(parameters or {}), kernel_name=kernel,
            execution_timeout=timeout, cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
            extra_arguments=quiet.KERNEL_ARGUMENTS,
        )
    except Exception as error:  # papermill re-raises the cell's error; keep the notebook
        if store.is_disk_error(error):
            partial.unlink(missing_ok=True)
            raise
        failed = out_dir / f"{name}.failed.ipynb"
        if partial.exists():
            os.replace(partial, failed)
        output.unlink(missing_ok=True)
        return NotebookRun(name, failed, time.perf_counter() - started, error_summary(error),
                           detail=error_text(error))
    os.replace(partial, output)
    (out_dir / f"{name}.failed.ipynb").unlink(missing_ok=True)
    return NotebookRun(name, output, time.perf_counter() - started)


def error_text(error: BaseException) -> str:
    """Return a notebook error's message, without terminal colour codes."""
    ename, evalue = getattr(error, "ename", None), getattr(error, "evalue", None)
    text = f"{ename}: {evalue}" if ename and evalue else str(error)
    return manifest.strip_ansi(text).strip() or type(error).__name__


def error_summary(error: BaseException) -> str:
    """Return the useful lines of a notebook error (its message, not the whole traceback)."""
    text = error_text(error).splitlines()
    return "\n".join(text[:12] + ([f"... {len(text) - 12} more lines"] if len(text) > 12
                                   else []))


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
        store.check_writable([config.EXECUTED_DIR, *{p.parent for p in outputs}])
        records.forget(stage.notebook)
        records.save()
        run = run_notebook(stage.notebook)
        runs.append(run)
        if not run.ok:
            break
        records.record(stage.notebook, stage_key(stage), outputs)
        records.save()
    return runs


def maker(path: Path) -> str:
    """Return the command that writes a processed file (`dti run data`, `dti run model`)."""
    for name, stages in STAGES.items():
        if any(path in _paths(stage.outputs) for stage in stages):
            return f"dti run {name}"
    return "dti build"


def stage_inputs(name: str) -> tuple[str, ...]:
    """Return what a stage reads from outside itself (not what its own notebooks write)."""
    own = {o for stage in STAGES[name] for o in stage.outputs}
    return tuple(dict.fromkeys(i for stage in STAGES[name] for i in stage.inputs if i not in own))


def missing_inputs(what: str, patterns: tuple[str, ...]) -> str | None:
    """Return one line naming the missing input files and the commands that make them."""
    missing = [p for p in _paths(patterns) if not p.exists()]
    if not missing:
        return None
    names = ", ".join(cache.relative(p) for p in missing[:4]) + (
        f" and {len(missing) - 4} more" if len(missing) > 4 else "")
    commands = ", then ".join(f"`{c}`" for c in dict.fromkeys(maker(p) for p in missing))
    return (f"{what} cannot run: {names} missing; run {commands} first (or `dti build`); "
            "nothing was built")
