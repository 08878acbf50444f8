"""The stage notebooks (10, 11, 20): what each reads and writes, run with papermill, cached.

Each stage runs with papermill from Python (explicit kernel, parameters as a dict, per-cell
timeout) into reports/executed/; a stage whose notebook, inputs and imported helper code are
unchanged is skipped (helpers.cache). helpers.pipeline runs them before the reports. Which
stages there are, and what each reads and writes, is declared in pipeline.yml (helpers.build.plan).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import config, store
from . import cache, manifest, plan, quiet, workers
from .plan import Stage  # noqa: F401  (re-exported: the stage as the plan declares it)

KERNEL = "python3"
CELL_TIMEOUT_S = 600


#: What every report reads too (the reference tables); the stages declare their own reads.
_REFERENCE = ("data/raw/reference/*.csv",)


def __getattr__(name: str) -> object:
    """Return STAGES: the stages by group, as pipeline.yml declares them (helpers.build.plan)."""
    if name == "STAGES":
        return plan.load().stages
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    km = workers.kernel_manager(kernel)  # IPC sockets: no TCP port race with other kernels
    try:
        papermill.execute_notebook(
            str(source), str(partial), parameters=dict(parameters or {}), kernel_name=kernel,
            execution_timeout=timeout, cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
            extra_arguments=quiet.KERNEL_ARGUMENTS, km=km,
        )
    except Exception as error:  # papermill re-raises the cell's error; keep the notebook
        workers.stop_kernel(km)
        if store.is_disk_error(error):
            partial.unlink(missing_ok=True)
            raise
        failed = out_dir / f"{name}.failed.ipynb"
        if partial.exists():
            os.replace(partial, failed)
        output.unlink(missing_ok=True)
        return NotebookRun(name, failed, time.perf_counter() - started, error_summary(error),
                           detail=error_text(error))
    workers.stop_kernel(km)
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
    for stage in plan.load().stages[stage_name]:
        outputs = _paths(stage.outputs)
        key = stage_key(stage)
        executed = config.EXECUTED_DIR / f"{stage.notebook}.ipynb"
        if use_cache and records.fresh(stage.notebook, key, outputs):
            runs.append(NotebookRun(stage.notebook, executed, 0.0, cached=True))
            continue
        records.check_writable()
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
    for name, stages in plan.load().stages.items():
        if any(path in _paths(stage.outputs) for stage in stages):
            return f"dti run {name}"
    return "dti build"


def stage_inputs(name: str) -> tuple[str, ...]:
    """Return what a stage reads from outside itself (not what its own notebooks write)."""
    group = plan.load().stages[name]
    own = {o for stage in group for o in stage.outputs}
    return tuple(dict.fromkeys(i for stage in group for i in stage.inputs if i not in own))


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
