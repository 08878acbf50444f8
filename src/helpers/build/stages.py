"""The stage notebooks (10, 11, 20): what each reads and writes, run with papermill, cached.

Each stage runs with papermill from Python (explicit kernel, parameters as a dict, per-cell
timeout) into reports/executed/; a stage whose notebook, inputs and imported helper code are
unchanged is skipped (helpers.cache). helpers.pipeline runs them before the reports. Which
stages there are, and what each reads and writes, is declared in pipeline.yml (helpers.build.plan).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import config, store
from . import cache, manifest, plan, quiet, workers
from .plan import Stage  # noqa: F401  (re-exported: the stage as the plan declares it)

KERNEL = "python3"
CELL_TIMEOUT_S = 600
#: The stages' papermill engine (helpers.build.engine.StageEngine): the notebook written once.
STAGE_ENGINE = "dti-stage"


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


#: Kernels started ahead for stage notebooks, by notebook name: each manager
#: (helpers.build.workers) with the client that preloaded it.
_AHEAD: dict[str, tuple[object, object]] = {}


def notebook_imports(path: Path) -> list[str]:
    """Return the modules a notebook's code cells import at top level (and the names imported
    from a package, which may be modules), leaving out its setup and parameters cells."""
    import ast
    import json

    names: list[str] = []
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell.get("cell_type") != "code" or tags & {workers.SETUP_TAG, "parameters"}:
            continue
        source = "".join(cell.get("source", ""))
        code = "\n".join(line for line in source.splitlines()
                         if not line.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names += [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
    return list(dict.fromkeys(names))


def start_ahead(names: list[str], kernel: str = KERNEL) -> None:
    """Start the kernels of stage notebooks about to run, each importing what its notebook
    imports, so that they boot on the idle core while the stages before them run (the first
    takes the spare kernel the command started as it began, if any)."""
    for name in names:
        if name in _AHEAD:
            continue
        if not _AHEAD:
            atexit.register(stop_ahead)
        modules = notebook_imports(config.NOTEBOOKS_DIR / f"{name}.ipynb")
        spare = workers.take_spare()
        if spare is not None:
            spare[1].execute(workers.preload_code(modules), silent=True, store_history=False)
            _AHEAD[name] = spare
        else:
            _AHEAD[name] = workers.start_stage_kernel(modules, kernel)


def stop_ahead() -> None:
    """Stop the kernels started ahead that no stage used (a stage failed, or was fresh)."""
    while _AHEAD:
        workers.stop_kernel(_AHEAD.popitem()[1][0])
    workers.stop_retired()


def _kernel_for(name: str, kernel: str) -> tuple[object, object]:
    """Return the kernel manager to run a notebook on and its client: the kernel started ahead
    with the client that preloaded it, else a new manager (nbclient makes the client)."""
    from jupyter_client.utils import run_sync

    km, client = _AHEAD.pop(name, (None, None))
    if km is not None and run_sync(km.is_alive)():  # type: ignore[attr-defined]
        return km, client
    if km is not None:
        workers.stop_kernel(km)
    return workers.kernel_manager(kernel), None  # IPC sockets: no TCP port race


def run_notebook(
    name: str,
    parameters: Mapping[str, object] | None = None,
    out_dir: Path | None = None,
    kernel: str = KERNEL,
    timeout: int = CELL_TIMEOUT_S,
) -> NotebookRun:
    """Execute notebooks/<name>.ipynb with papermill; keep a failed run as <name>.failed.ipynb."""
    import papermill  # imported here: it is slow to import and only the runner needs it
    from papermill.engines import papermill_engines

    from .engine import StageEngine, keep_notebook

    source = config.NOTEBOOKS_DIR / f"{name}.ipynb"
    out_dir = Path(out_dir or config.EXECUTED_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / f"{name}.ipynb"
    partial = out_dir / f".{name}.{os.getpid()}.running.ipynb"  # unique per process
    started = time.perf_counter()
    km, client = _kernel_for(name, kernel)
    papermill_engines.register(STAGE_ENGINE, StageEngine)
    try:
        papermill.execute_notebook(
            str(source), str(partial), parameters=dict(parameters or {}), kernel_name=kernel,
            engine_name=STAGE_ENGINE, execution_timeout=timeout, cwd=str(config.NOTEBOOKS_DIR),
            progress_bar=False, request_save_on_cell_execute=False,
            extra_arguments=quiet.KERNEL_ARGUMENTS, km=km, **({"kc": client} if client else {}),
        )
    except Exception as error:  # papermill re-raises the cell's error; keep the notebook
        workers.stop_kernel(km)
        if store.is_disk_error(error):
            partial.unlink(missing_ok=True)
            raise
        with contextlib.suppress(OSError):  # a timeout or a dead kernel: what ran
            keep_notebook(error, partial)
        failed = out_dir / f"{name}.failed.ipynb"
        if partial.exists():
            os.replace(partial, failed)
        output.unlink(missing_ok=True)
        return NotebookRun(name, failed, time.perf_counter() - started, error_summary(error),
                           detail=error_text(error))
    workers.retire_kernel(km)  # the next stage starts now; its clean-up waits for run_stage
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
            stop_ahead()  # no later stage runs
            break
        records.record(stage.notebook, stage_key(stage), outputs)
        records.save()
        if stage.methods:
            write_methods_page_aside(stage.notebook)
    workers.stop_retired()
    return runs


def start_ahead_of(groups: list[str], use_cache: bool = True) -> None:
    """Start ahead the kernels of the stages of these groups from the first one due to run
    (a later stage reads what it writes); none when every stage is fresh, or inputs lack."""
    if missing_inputs("", stage_inputs(groups[0])):
        return
    stages = [stage for name in groups for stage in plan.load().stages[name]]
    records = build_cache()
    due = [not use_cache or not records.fresh(s.notebook, stage_key(s), _paths(s.outputs))
           for s in stages]
    if any(due):
        start_ahead([s.notebook for s in stages[due.index(True):]])


#: The threads rendering methods pages beside the next stage (joined before workers fork),
#: and the pages they rendered, written only once the build reaches its site.
_ASIDE: list[threading.Thread] = []
_RENDERED: list[tuple[Path, str]] = []


def write_methods_page_aside(name: str) -> None:
    """Render a stage's methods page in a thread, on the core the next (one-core) stage leaves
    idle; a failure is left for the build's own pass (write_methods_pages), which says it."""
    from . import methods

    def render() -> None:
        with contextlib.suppress(Exception):
            page = methods.render_page(name)
            if page:
                _RENDERED.append(page)

    thread = threading.Thread(target=render, name=f"methods-{name}", daemon=True)
    if not _ASIDE:
        atexit.register(join_aside, publish=False)  # a build that stops publishes nothing
    thread.start()
    _ASIDE.append(thread)


def join_aside(publish: bool = True) -> None:
    """Wait for the methods pages rendered aside (before a fork: no thread holds a lock) and
    write them when publishing (the build reached its site; a failed stage leaves it as it was)."""
    while _ASIDE:
        _ASIDE.pop().join()
    while _RENDERED:
        target, text = _RENDERED.pop()
        if publish:
            store.write_text_atomic(target, text)


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
