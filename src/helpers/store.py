"""Atomic writes: a table appears whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
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


#: A cell a spreadsheet program would run as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """Return a text cell a spreadsheet shows as text: a formula-like start gets a "'" prefix.

    Plain numbers written as text ("-3", "+0.5") are left as they are: no program runs them.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START) \
            and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a table whose text cells are safe to open in a spreadsheet."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    out.columns = [safe_cell(str(c)) for c in out.columns]
    return out


def write_csv_atomic(path: Path, frame: pd.DataFrame, for_people: bool = False) -> None:
    """Write a DataFrame as UTF-8 CSV (no index), atomically; for_people: spreadsheet-safe."""
    table = safe_cells(frame) if for_people else frame
    write_text_atomic(path, table.to_csv(index=False, lineterminator="\n"))


def write_tables(out_dir: Path, tables: Mapping[str, pd.DataFrame]) -> list[Path]:
    """Write several tables as <name>.csv in out_dir, each atomically; return the paths."""
    paths = []
    for name, frame in tables.items():
        path = Path(out_dir) / f"{name}.csv"
        write_csv_atomic(path, frame)
        paths.append(path)
    return paths


#: Errors that mean the output folder cannot take writes (full, read-only, not permitted).
DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


class BuildLocked(RuntimeError):
    """Another build holds this checkout's build lock."""


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the checkout's build lock (a flock on the folder) for the duration of a build."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"another build is running in this checkout (it holds the lock on {folder}); "
                "wait for it to finish, then run the command again") from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock, also when the process dies


def clear_temporaries(folders: Iterable[Path]) -> None:
    """Remove the temporary files of writes an interrupted build left (hold the build lock)."""
    for folder in folders:
        for pattern in (".*.tmp", ".write-probe.*"):
            for path in Path(folder).rglob(pattern):
                with contextlib.suppress(OSError):
                    path.unlink()


def is_disk_error(error: BaseException) -> bool:
    """Tell whether an error means the disk is full or the output is not writable."""
    return isinstance(error, OSError) and error.errno in DISK_ERRNOS


def check_writable(folders: Iterable[Path], needed_bytes: int = 0) -> None:
    """Raise OSError unless every folder takes a new file and the disk has the space needed."""
    for folder in folders:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".write-probe.", dir=folder)
        os.close(fd)
        os.unlink(tmp)
        free = shutil.disk_usage(folder).free
        if free < needed_bytes:
            raise OSError(errno.ENOSPC, f"{free // 1024} KB free, about {needed_bytes // 1024} KB "
                          "needed", str(folder))
