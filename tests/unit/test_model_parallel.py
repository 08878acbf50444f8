"""The model stage on two cores gives what it gives on one, and a worker's failure surfaces.

The panel is simulated (synthetic data, in tests only): 63 provinces over three years.
"""

import os

import pandas as pd
import pytest
from test_model_conditional import ar1_panel

from helpers.model import blocks, conditional, estimation, intervals, parallel

YEARS = [2022, 2023, 2024]
needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="no fork here: one process only")


def seeded_pieces(data: pd.DataFrame, seed: int) -> dict:
    """Three seeded simulations and a bootstrap of the model stage, on a planted panel."""
    return {
        "checks": lambda: conditional.out_of_sample(data, blocks.MAIN, YEARS, 2024, seed,
                                                    n_sim=200),
        "intervals": lambda: intervals.rank_intervals(data, blocks.MAIN, 2024, seed),
        "correlations": lambda: estimation.correlations(
            data[data["year"] == 2024].assign(rank=lambda d: d["score"].rank(ascending=False)),
            ["development", "pci"], n_boot=300, seed=seed),
        "checks_again": lambda: conditional.out_of_sample(data, blocks.MAIN, YEARS, 2024,
                                                          seed + 1, n_sim=200),
    }


@needs_fork
def test_pieces_run_aside_in_a_second_process_give_the_same_tables_as_one_process():
    data = ar1_panel(seed=5)
    one = parallel.run_pieces(seeded_pieces(data, 11), aside=[], n_workers=1)
    two = parallel.run_pieces(seeded_pieces(data, 11), aside=["checks", "correlations"],
                              n_workers=2)
    assert list(two) == list(one)  # the callers' order, wherever each piece ran
    for name, table in one.items():
        pd.testing.assert_frame_equal(two[name], table, check_exact=True)
    assert not one["checks"].equals(one["checks_again"])  # the seed matters: a real check


@needs_fork
def test_aside_pieces_run_in_another_process_unless_one_worker_is_asked(monkeypatch):
    pieces = {"here": os.getpid, "away": os.getpid}
    assert parallel.run_pieces(pieces, ["away"], n_workers=2)["away"] != os.getpid()
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert set(parallel.run_pieces(pieces, ["away"]).values()) == {os.getpid()}


def failing() -> None:
    """A piece that fails the way a bad input would."""
    raise ValueError("planted failure in a model piece")


@needs_fork
def test_a_failing_worker_raises_here_with_its_traceback_and_leaves_no_process():
    before = set(parallel.multiprocessing.active_children())
    with pytest.raises(ValueError, match="planted failure") as caught:
        parallel.run_pieces({"bad": failing, "fine": lambda: 1}, ["bad"], n_workers=2)
    assert "in failing" in str(caught.value.__cause__)  # the worker's traceback
    assert set(parallel.multiprocessing.active_children()) <= before


def test_a_bad_worker_count_names_the_variable_and_the_fix(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "two")
    with pytest.raises(ValueError, match="DTI_MODEL_WORKERS='two'.*e.g. 1"):
        parallel.workers()
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert parallel.workers() == 1 and parallel.workers(2) == 2


@needs_fork
def test_the_caller_goes_on_while_the_worker_computes_its_pieces():
    started = parallel.multiprocessing.get_context("fork").Event()
    pieces = {"away": lambda: started.wait(10), "here": lambda: 1}
    with parallel.running(pieces, ["away"], n_workers=2) as done:
        assert done["here"] == 1
        started.set()  # the worker's piece waits for this: had running waited, it timed out
        assert done["away"] is True
