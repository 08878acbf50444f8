"""The warm-kernel runner as a papermill engine ("dti-warm", the ``papermill.engine`` entry point),
and the stage notebooks' engine ("dti-stage": papermill's nbclient engine that keeps the notebook
of a run stopped outside a cell, such as a timeout or a dead kernel).

``papermill.execute_notebook(..., engine_name="dti-warm")`` parameterizes and records the
notebook as papermill always does, and runs its cells on this process's warm kernel
(helpers.build.workers): the kernel stays up between reports, its namespace reset before each.
The interactive setup cell (tag ``setup``: autoreload, ~9 ms a cell) is left out. The worker
that owns the kernel dies with the build, and kills its kernel as it goes.
"""

from __future__ import annotations

import logging
from typing import Any

from papermill.engines import Engine, NBClientEngine, NotebookExecutionManager

from .. import config
from . import workers


class WarmEngine(Engine):
    """Run a papermill-managed notebook on this process's warm kernel."""

    @classmethod
    def execute_managed_notebook(cls, nb_man: NotebookExecutionManager, kernel_name: str,
                                 execution_timeout: int | None = None, **_: Any) -> Any:
        """Execute every cell but the setup cell; on a failure outside a cell, keep the notebook."""
        from papermill.clientwrap import PapermillNotebookClient

        workers.without_setup(nb_man.nb)
        kernel = workers.warm_kernel()
        kernel.prepare()
        client = PapermillNotebookClient(
            nb_man, km=kernel.km, timeout=execution_timeout, kernel_name=kernel_name,
            log=logging.getLogger("papermill"),
            resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}})
        client.kc = kernel.kc
        try:
            return client.execute()
        except Exception as error:  # a timeout or a dead kernel: the caller keeps what ran
            error.notebook = nb_man.nb  # type: ignore[attr-defined]
            raise


class StageEngine(NBClientEngine):
    """papermill's nbclient engine, keeping the notebook when a run stops outside a cell.

    The stages run with ``request_save_on_cell_execute=False``: papermill then writes the
    notebook once at the end (or with the failing cell), not twice a cell, which cost stage 20
    (80 cells, 1 MB of figures) about a second of the parent's time between its cells. What a
    timeout or a dead kernel interrupts is handed to the caller instead (``keep_notebook``).
    """

    @classmethod
    def execute_managed_notebook(cls, nb_man: NotebookExecutionManager, kernel_name: str,
                                 kc: Any = None, **kwargs: Any) -> Any:
        """Execute every cell with nbclient, on the kernel client kc if given (the client that
        started the kernel ahead, its channels long connected: a new client waits 0.2 s or more
        for its first message); on a failure outside a cell, keep the notebook."""
        try:
            if kc is None:
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            return cls._on_client(nb_man, kernel_name, kc, **kwargs)
        except Exception as error:
            error.notebook = nb_man.nb  # type: ignore[attr-defined]
            raise

    @staticmethod
    def _on_client(nb_man: NotebookExecutionManager, kernel_name: str, kc: Any,
                   start_timeout: int = 60, execution_timeout: int | None = None,
                   **_: Any) -> Any:
        """Execute every cell with papermill's nbclient on a kernel client already started."""
        from papermill.clientwrap import PapermillNotebookClient

        workers.subscribed(kc, start_timeout)
        kc.allow_stdin = False
        client = PapermillNotebookClient(nb_man, km=kc.parent, timeout=execution_timeout,
                                         kernel_name=kernel_name,
                                         log=logging.getLogger("papermill"))
        client.kc = kc
        return client.execute()


def keep_notebook(error: BaseException, path: Any) -> None:
    """Write the notebook an engine attached to its error, unless papermill wrote it (a cell's
    error) already."""
    ran = getattr(error, "notebook", None)
    if ran is not None and not path.exists():
        import nbformat

        nbformat.write(ran, path)
