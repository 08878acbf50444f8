"""Atomic writes: a table appears whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd


def write_text_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # readable like any other output, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv_atomic(path: Path, frame: pd.DataFrame) -> None:
    """Write a DataFrame as UTF-8 CSV (no index), atomically."""
    write_text_atomic(path, frame.to_csv(index=False, lineterminator="\n"))


def write_tables(out_dir: Path, tables: Mapping[str, pd.DataFrame]) -> list[Path]:
    """Write several tables as <name>.csv in out_dir, each atomically; return the paths."""
    paths = []
    for name, frame in tables.items():
        path = Path(out_dir) / f"{name}.csv"
        write_csv_atomic(path, frame)
        paths.append(path)
    return paths
