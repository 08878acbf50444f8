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

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
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


class _Done(Mapping):
    """The pieces' results: those run here at once, the worker's when first asked for."""

    def __init__(self, here: dict[str, Any], futures: dict[str, Future], order: list[str]
                 ) -> None:
        self._here, self._futures, self._order = here, futures, order

    def __getitem__(self, name: str) -> Any:
        """Return a piece's result (waiting for the worker's; its error raised here)."""
        if name in self._futures:
            self._here[name] = self._futures.pop(name).result()
        return self._here[name]

    def __iter__(self) -> Iterator[str]:
        """Iterate over the pieces' names, in the callers' order."""
        return iter(self._order)

    def __len__(self) -> int:
        """Return the number of pieces."""
        return len(self._order)


@contextlib.contextmanager
def running(pieces: dict[str, Callable[[], Any]], aside: Iterable[str],
            n_workers: int | None = None) -> Iterator[Mapping[str, Any]]:
    """Start the ``aside`` pieces in a forked worker, run the others here, and give their
    results by name: the caller goes on with what needs no result of the worker's while it
    works (with one process every piece has run, in order, before the caller goes on)."""
    away = [name for name in aside if name in pieces]
    if workers(n_workers) < 2 or not away or not can_fork():
        yield {name: piece() for name, piece in pieces.items()}
        return
    _PIECES.clear()
    _PIECES.update(pieces)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {name: pool.submit(_call, name) for name in away}
            try:
                here = {name: piece() for name, piece in pieces.items() if name not in futures}
                yield _Done(here, futures, list(pieces))
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)  # the worker's queue is dropped
                raise
    finally:
        _PIECES.clear()


def run_pieces(pieces: dict[str, Callable[[], Any]], aside: Iterable[str],
               n_workers: int | None = None) -> dict[str, Any]:
    """Return each piece's result; with two processes, the ``aside`` pieces run in a worker."""
    with running(pieces, aside, n_workers) as done:
        return {name: done[name] for name in pieces}
