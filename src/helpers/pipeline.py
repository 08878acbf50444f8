"""Run the stage notebooks with papermill, from Python, into reports/executed/."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import config

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
