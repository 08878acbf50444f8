"""Run the model stage's independent pieces on two cores: some in a forked worker, the rest here.

Each piece is a zero-argument function that makes its own random generator from the seed, so
where it runs does not change its result (``tests/unit/test_model_parallel.py``). The worker
is forked once the data are loaded, so it shares the kernel's pages copy-on-write instead of
re-importing; without ``fork`` (Windows, macOS) or with ``DTI_MODEL_WORKERS=1`` (or
``workers=1``) every piece runs here, in order. A piece that fails in the worker raises here,
with the worker's traceback attached (``concurrent.futures``); a worker that dies raises
``BrokenProcessPool``: the pool is shut down either way, never left hanging.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

#: Environment variable giving the number of processes (1: everything in this process).
WORKERS_ENV = "DTI_MODEL_WORKERS"

#: The pieces a forked worker finds by name (set before the fork, cleared after).
_PIECES: dict[str, Callable[[], Any]] = {}


def workers(requested: int | None = None) -> int:
    """Return how many processes to use: the argument, else DTI_MODEL_WORKERS, else the cores."""
    if requested is None:
        text = os.environ.get(WORKERS_ENV, "").strip()
        if text and not text.isdigit():
            raise ValueError(f"{WORKERS_ENV}={text!r}: give a whole number of processes, "
                             "e.g. 1 to run the model stage in one process")
        requested = int(text) if text else _cores()
    return max(1, min(int(requested), 2))


def _cores() -> int:
    """Return the number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Return whether a worker can be forked here (Linux: shares the loaded data)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _call(name: str) -> Any:
    """Run one named piece (in the forked worker)."""
    return _PIECES[name]()


def run_pieces(pieces: dict[str, Callable[[], Any]], aside: Iterable[str],
               n_workers: int | None = None) -> dict[str, Any]:
    """Return each piece's result; with two processes, the ``aside`` pieces run in a worker."""
    away = [name for name in aside if name in pieces]
    if workers(n_workers) < 2 or not away or not can_fork():
        return {name: piece() for name, piece in pieces.items()}
    _PIECES.clear()
    _PIECES.update(pieces)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {name: pool.submit(_call, name) for name in away}
            try:
                here = {name: piece() for name, piece in pieces.items() if name not in futures}
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)  # the worker's queue is dropped
                raise
            done = {name: future.result() for name, future in futures.items()}
    finally:
        _PIECES.clear()
    return {name: done[name] if name in done else here[name] for name in pieces}
