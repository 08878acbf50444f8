"""Worker processes for the reports: warm kernels, and workers that die with their parent.

Each worker keeps one kernel warm between reports. A worker ignores Ctrl-C (the parent stops
the build in one line), and stops, with its kernel, as soon as its parent is gone: the kernel
of a dead build must not go on writing pages.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import config
from . import quiet

KERNEL = "python3"
_PR_SET_PDEATHSIG = 1
#: Tag of the interactive setup cell (autoreload), left out of the report build.
SETUP_TAG = "setup"


def without_setup(notebook: Any) -> Any:
    """Drop the interactive setup cell (autoreload: ~9 ms a cell) from a notebook to build."""
    notebook.cells = [c for c in notebook.cells
                      if SETUP_TAG not in c.get("metadata", {}).get("tags", [])]
    return notebook


_KERNEL_DIR_PREFIX = "dti-kernels-"
#: This build's kernel folder and the process that made it (forked workers inherit both; a
#: command started apart, even by this one, makes its own).
_KERNEL_DIR: tuple[Path, int] | None = None


def kernel_folder() -> Path:
    """Return this build's folder of kernel connection files and IPC sockets, made on first use
    (before any worker forks) and removed when the process that made it ends."""
    global _KERNEL_DIR
    if _KERNEL_DIR is not None and _KERNEL_DIR[0].is_dir():
        return _KERNEL_DIR[0]
    base = Path(tempfile.gettempdir())
    if len(os.fsencode(base)) > 50:  # a socket path (base + 55 bytes) has at most 107
        base = Path("/tmp")
    clear_stale_kernel_folders(base)
    folder = Path(tempfile.mkdtemp(prefix=f"{_KERNEL_DIR_PREFIX}{os.getpid()}-", dir=base))
    _KERNEL_DIR = (folder, os.getpid())
    atexit.register(remove_kernel_folder)
    return folder


def remove_kernel_folder() -> None:
    """Remove the kernel folder this process made (its kernels are stopped or killed)."""
    if _KERNEL_DIR is not None and _KERNEL_DIR[1] == os.getpid():
        shutil.rmtree(_KERNEL_DIR[0], ignore_errors=True)


def clear_stale_kernel_folders(base: Path) -> None:
    """Remove the kernel folders of builds that no longer run (killed before they could)."""
    for folder in base.glob(f"{_KERNEL_DIR_PREFIX}*-*"):
        pid = folder.name[len(_KERNEL_DIR_PREFIX):].split("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    """Tell whether a process with this id runs (or cannot be signalled by us)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def kernel_manager(kernel: str = KERNEL) -> Any:
    """Return a kernel manager (not started) whose kernel talks over IPC sockets in this
    build's kernel folder: a TCP port is picked free, then bound by the kernel a moment later,
    so kernels starting at once could take the same one ("Address already in use")."""
    from uuid import uuid4

    connection = kernel_folder() / f"k-{uuid4().hex[:12]}.json"
    return _manager_class()(kernel_name=kernel, transport="ipc", connection_file=str(connection))


@functools.cache
def _manager_class() -> type:
    """Return the kernel manager class that keeps the clients it made (to close them)."""
    from jupyter_client.manager import AsyncKernelManager

    class Manager(AsyncKernelManager):
        """A kernel manager that remembers its clients: nbclient leaves open the client of a
        kernel it was given, and stop_kernel closes it."""

        def client(self, **kwargs: Any) -> Any:
            """Return a new client of this kernel, remembered."""
            made = super().client(**kwargs)
            self.__dict__.setdefault("_made_clients", []).append(made)
            return made

    return Manager


def stop_kernel(km: Any) -> None:
    """Stop a kernel this process started for one notebook: its clients, its process, its
    connection file and sockets."""
    from jupyter_client.utils import run_sync

    for client in km.__dict__.get("_made_clients", []):
        with contextlib.suppress(Exception):
            client.stop_channels()
    with contextlib.suppress(Exception):  # already gone: only its files are left to remove
        if run_sync(km.is_alive)():
            run_sync(km.shutdown_kernel)(now=True)
    with contextlib.suppress(Exception):
        run_sync(km.cleanup_resources)()


#: What nbclient adds when it starts a notebook's kernel itself (no history file written).
HISTORY = "--HistoryManager.hist_file=:memory:"


def preload_code(modules: list[str]) -> str:
    """Return code that imports modules into a kernel without binding a name a notebook sees."""
    return ("import importlib as _dti_importlib\n"
            f"for _dti_name in {modules!r}:\n"
            "    try:\n"
            "        _dti_importlib.import_module(_dti_name)\n"
            "    except Exception:\n"
            "        pass\n"
            "del _dti_importlib, _dti_name\n")


#: Makes autoreload's check before each cell a no-op in a stage kernel: the notebook's setup
#: cell (``%autoreload 2``: reload edited helpers) runs as written, but nothing is edited while
#: the build runs a stage, and the check stats every loaded module (2,200 in stage 20): 9 ms a
#: cell, 0.5 s of stage 20. (The report build leaves the setup cell out instead.)
AUTORELOAD_IDLE = ("from IPython.extensions import autoreload as _dti_autoreload\n"
                   "_dti_autoreload.ModuleReloader.check = lambda *args, **kwargs: None\n"
                   "del _dti_autoreload\n")


def start_stage_kernel(modules: list[str], kernel: str = KERNEL) -> tuple[Any, Any]:
    """Start a kernel for a stage notebook, importing modules (autoreload's check made idle:
    AUTORELOAD_IDLE); return its manager and the client the notebook will run on (closed with
    the kernel: stop_kernel)."""
    from jupyter_client.utils import run_sync

    km = kernel_manager(kernel)
    run_sync(km.start_kernel)(cwd=str(config.NOTEBOOKS_DIR),
                              extra_arguments=[*quiet.KERNEL_ARGUMENTS, HISTORY])
    client = km.client()
    client.start_channels()
    client.execute(AUTORELOAD_IDLE + preload_code(modules), silent=True, store_history=False)
    return km, client


#: A stage kernel started before the command knows which stage runs first (helpers.build.entry),
#: taken by the first stage started ahead (helpers.build.stages.start_ahead).
_SPARE: list[tuple[Any, Any]] = []
#: What every stage notebook imports, preloaded in the spare kernel.
SPARE_PRELOAD = ["pandas"]


def start_spare() -> None:
    """Start a stage kernel now, as the command begins: it boots while the command imports and
    checks (about a second), and is stopped at exit if no stage takes it."""
    if not _SPARE:
        atexit.register(stop_spare)
    _SPARE.append(start_stage_kernel(SPARE_PRELOAD))


def take_spare() -> tuple[Any, Any] | None:
    """Return the spare stage kernel (manager, client), if one was started; it is the caller's."""
    return _SPARE.pop() if _SPARE else None


def stop_spare() -> None:
    """Stop the spare stage kernel that no stage took."""
    while _SPARE:
        stop_kernel(_SPARE.pop()[0])


#: Kernels killed but not yet cleaned up (helpers.build.workers.retire_kernel).
_RETIRED: list[Any] = []


def retire_kernel(km: Any) -> None:
    """Kill a kernel whose notebook is done at once (SIGKILL: its memory is freed now) and
    leave the rest of stop_kernel to stop_retired, which then finds it dead and does not wait:
    stop_kernel's own kill polls every 0.1 s until the process is gone, between two stages."""
    pid = getattr(getattr(km, "provisioner", None), "pid", None)
    if pid:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    _RETIRED.append(km)


def stop_retired() -> None:
    """Finish stopping the kernels retire_kernel killed (clients, process, files)."""
    while _RETIRED:
        stop_kernel(_RETIRED.pop())


def subscribed(kc: Any, timeout: float) -> None:
    """Wait for the first message on a kernel client's iopub channel (the kernel's welcome to a
    new subscriber, or the status of the code that preloaded it): from then on no output is
    missed. Not kc.wait_for_ready: its kernel_info round waits 0.2 s for an iopub message that
    ipykernel 7 does not send."""
    import queue

    from jupyter_client.utils import run_sync

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run_sync(kc.is_alive)():
        try:
            run_sync(kc.iopub_channel.get_msg)(timeout=1)
            return
        except queue.Empty:
            continue


class WarmKernel:
    """A kernel that stays up between reports; its namespace is reset before each one."""

    #: Imported as the kernel starts, so the first report does not wait for them.
    PRELOAD = "import helpers.report.page"

    def __init__(self, kernel: str = KERNEL) -> None:
        from jupyter_client.utils import run_sync

        self._run_sync = run_sync
        self.km = kernel_manager(kernel)
        run_sync(self.km.start_kernel)(cwd=str(config.NOTEBOOKS_DIR),
                                       extra_arguments=["--HistoryManager.enabled=False",
                                                        *quiet.KERNEL_ARGUMENTS])
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.execute(self.PRELOAD, silent=True, store_history=False)  # queued, not awaited
        self.ready = False
        self.used = False
        self.frozen = False

    def wait_ready(self) -> None:
        """Wait until the kernel's output reaches this client (once); raise if it died.

        Not kc.wait_for_ready: after the kernel's answer it waits 0.2 s for messages that do
        not come (a third of one report's wait for its kernel). The report's requests queue
        behind the preload; the messages the preload left are not the report's and are skipped.
        """
        if not self.ready:
            subscribed(self.kc, 60)
            if not self.alive():
                raise RuntimeError("the report kernel died as it started; run the command "
                                   "again, or `make setup` to reinstall the kernel")
            self.ready = True

    def alive(self) -> bool:
        """Tell whether the kernel is still running."""
        return bool(self._run_sync(self.km.is_alive)())

    def pid(self) -> int | None:
        """Return the kernel's process id (None when unknown)."""
        provisioner = getattr(self.km, "provisioner", None)
        return getattr(provisioner, "pid", None)

    #: Deletes the names a report defined (IPython's own stay). Not ``%reset -f``: its full
    #: garbage collection cost 0.14 CPU-s a report, a third of the kernel's work.
    CLEAR = ("for _name in [n for n in get_ipython().user_ns if not n.startswith('_')\n"
             "              and n not in get_ipython().user_ns_hidden]:\n"
             "    del get_ipython().user_ns[_name]\n")

    #: Run once, after the first report: what is still alive then (modules, and the tables,
    #: templates and fonts a kernel reads once) is moved out of the garbage collector's sight,
    #: so the full collections of later reports stop walking it: 24 -> 7 ms of collection a
    #: report (measured with gc.callbacks in the kernel).
    FREEZE = "import gc as _gc\n_gc.collect()\n_gc.freeze()\n"

    def prepare(self) -> None:
        """Wait until the kernel answers; clear the namespace a report before this one left."""
        self.wait_ready()
        if self.used:  # a kernel that ran a report before starts from an empty namespace
            code = self.CLEAR + ("" if self.frozen else self.FREEZE)
            self._run_sync(self.kc.execute_interactive)(code, silent=True,
                                                        store_history=False, timeout=30)
            self.frozen = True
        self.used = True

    def close(self) -> None:
        """Stop the kernel."""
        try:
            self.kc.stop_channels()
            self._run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # the process is ending; nothing left to clean
            pass


_KERNEL: WarmKernel | None = None


def warm_kernel() -> WarmKernel:
    """Return this process's warm kernel, starting (or restarting) it when needed."""
    global _KERNEL
    if _KERNEL is None or not _KERNEL.alive():
        _KERNEL = WarmKernel()
        atexit.register(_KERNEL.close)
    return _KERNEL


def _die(*_: object) -> None:
    """Kill this worker's kernel and end the worker at once (the parent is gone)."""
    pid = _KERNEL.pid() if _KERNEL is not None else None
    if pid:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    os._exit(1)


def _watch_parent(parent: int) -> None:
    """End this worker when its parent process is gone (polled twice a second)."""
    while True:
        if os.getppid() != parent:
            _die()
        time.sleep(0.5)


def init_worker(parent: int) -> None:
    """Set up a worker: Ctrl-C is the parent's to handle, and the worker dies with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _die)
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)  # Linux: a signal when the parent dies
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        _die()


def clear_stale_partials(folder: Path) -> None:
    """Remove temporary notebooks left by processes that no longer run."""
    for path in Path(folder).rglob(".*.running.ipynb"):
        match = re.search(r"\.(\d+)\.running\.ipynb$", path.name)
        pid = int(match.group(1)) if match else 0
        try:
            if pid:
                os.kill(pid, 0)
                continue  # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        path.unlink(missing_ok=True)


def descendants(pid: int) -> list[int]:
    """Return the processes below pid, deepest first (Linux /proc; empty elsewhere)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        current = todo.pop()
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError, ValueError):
                for child in map(int, children.read_text().split()):
                    if child not in found:
                        found.append(child)
                        todo.append(child)
    return found[::-1]


def kill_descendants() -> None:
    """Kill every process below this one (workers and their kernels) at once."""
    for pid in descendants(os.getpid()):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


#: Whether a progress bar is on the terminal (its line has no end until the bar closes).
_PROGRESS_SHOWN = False


def progress_shown() -> bool:
    """Tell whether the progress bar is on the terminal (its line not ended yet)."""
    return _PROGRESS_SHOWN


@contextlib.contextmanager
def stop_on_interrupt() -> Iterator[None]:
    """While a command runs, Ctrl-C ends it at once: workers and kernels killed, one line, 130.

    The dti entry point does the same from a thread of its own (helpers.build.entry), which
    nbclient cannot displace; this handler covers a command run in-process (tests, notebooks).

    The build does not unwind: killed first, workers and kernels have no time to print the
    tracebacks of a half-closed connection, and the process ends before asyncio, the kernel
    client or the worker pool can print theirs. Every write is atomic, so nothing is half
    written; the build lock goes with the process; the next build clears the temporary files.
    Left alone when Ctrl-C is ignored (a build started in the background with nohup).
    """
    from .entry import INTERRUPTED, leave

    owner = os.getpid()

    def interrupted(*_: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C cannot cut this short
        if os.getpid() != owner:  # a worker just forked, before init_worker: the parent acts
            return
        kill_descendants()
        remove_kernel_folder()
        leave(130, ("\n" if _PROGRESS_SHOWN else "") + INTERRUPTED)  # not after the bar


    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_all(task: Callable[..., dict], jobs: Iterable[Any], args: tuple, workers: int,
            progress: bool, on_done: Callable[[Any, dict], None],
            beside: Callable[[], None] | None = None) -> None:
    """Run task(job, *args) for each job in worker processes; report each result in order done.

    beside, if given, runs in a thread of this process while the jobs run, started once no
    worker is left to fork (a fork copies no thread's half-held lock), and is joined before
    this returns. On any exception or Ctrl-C in the parent the pending jobs are cancelled and
    the workers (with their kernels) are stopped before the exception goes on.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from tqdm import tqdm

    todo = list(jobs)
    if not todo:
        return
    kernel_folder()  # made before the workers fork, so that they share it
    aside = threading.Thread(target=beside or (lambda: None), name="dti-beside", daemon=True)
    if len(todo) == 1:  # no worker to start, and the kernel may already be warm
        aside.start()
        try:
            on_done(todo[0], task(todo[0], *args))
        finally:
            aside.join()
        return
    pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(todo))),
                               initializer=init_worker, initargs=(os.getpid(),))
    global _PROGRESS_SHOWN
    try:
        futures = {pool.submit(task, job, *args): job for job in todo}
        aside.start()  # every worker has forked at the first submit (and none is replaced)
        _PROGRESS_SHOWN = progress
        for future in tqdm(as_completed(futures), total=len(futures), disable=not progress,
                           desc="reports", unit="report"):
            on_done(futures[future], future.result())
        _PROGRESS_SHOWN = False
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # SIGTERM: each worker kills its kernel, then exits
            with contextlib.suppress(OSError, ValueError):
                process.terminate()
        if aside.ident is not None:  # started: its writes finish (each is atomic)
            aside.join()
        raise
    pool.shutdown()
    aside.join()
