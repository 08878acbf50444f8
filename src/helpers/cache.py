"""A content-hash build cache: an output is rebuilt only when something it depends on changed.

A key hashes the notebook, its parameters, its input files and the source of every helper
module it imports (followed through the package's own imports, with the templates and package
data those modules read). The record also keeps each output's own hash, so an output that was
deleted, truncated or edited by hand is rebuilt too.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from . import config
from .store import write_text_atomic

#: Files a helper module reads besides its own source.
MODULE_FILES: dict[str, list[str]] = {
    "provinces": ["data/province_aliases.csv"],
    "rankings": ["data/review_decisions.csv"],
    "narrative": ["templates/*"],
    "publish": ["data/tile_grid.csv", "templates/*"],
}


def sha(data: bytes) -> str:
    """Return the SHA-256 hex digest of bytes."""
    return hashlib.sha256(data).hexdigest()


@cache
def _file_hash(path: str, mtime_ns: int, size: int) -> str:
    """Hash a file's bytes (memoized on its path, mtime and size)."""
    return sha(Path(path).read_bytes())


def file_hash(path: Path) -> str:
    """Return the hash of a file's content ("missing" if it does not exist)."""
    try:
        stat = Path(path).stat()
    except FileNotFoundError:
        return "missing"
    return _file_hash(str(path), stat.st_mtime_ns, stat.st_size)


def sources(module: str) -> list[Path]:
    """Return a helper module's source files: module.py, or every file of a package."""
    single = config.PACKAGE_DIR / f"{module}.py"
    if single.exists():
        return [single]
    package = config.PACKAGE_DIR / module
    return sorted(package.glob("*.py")) if (package / "__init__.py").exists() else []


def _imports(module: str) -> set[str]:
    """Return the helper modules a helper module imports directly."""
    stamp = "".join(file_hash(path) for path in sources(module))
    return set(_imports_of(module, stamp))


@cache
def _imports_of(module: str, content_hash: str) -> frozenset[str]:
    """Parse one module's imports (memoized on its content)."""
    files = sources(module)
    level = 1 if files and files[0].name == f"{module}.py" else 2  # a package's parent is ..
    found = set()
    for node in (n for path in files for n in ast.walk(ast.parse(path.read_text("utf-8")))):
        if isinstance(node, ast.ImportFrom) and node.level == level:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
            parts = node.module.split(".")
            found.update([parts[1]] if len(parts) > 1 else [a.name for a in node.names])
    return frozenset(m for m in found if sources(m))


def closure(modules: Iterable[str]) -> set[str]:
    """Return the modules given and every helper module they import, transitively."""
    seen: set[str] = set()
    todo = [m for m in modules if sources(m)]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(_imports(module) - seen)
    return seen


def notebook_modules(notebook: Path) -> set[str]:
    """Return the helper modules a notebook's code imports."""
    text = Path(notebook).read_text(encoding="utf-8")
    found = set(re.findall(r"from helpers import ([\w, ]+)", text.replace("\\n", "\n")))
    modules = {name.strip() for group in found for name in group.split(",") if name.strip()}
    modules |= set(re.findall(r"helpers\.(\w+)", text))
    return modules


def code_hash(modules: Iterable[str]) -> str:
    """Hash the source of the modules' import closure and the files those modules read."""
    names = sorted(set(modules))
    stamps = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(config.PACKAGE_DIR.rglob("*"))
                   if p.is_file() and "__pycache__" not in p.parts)
    return _code_hash(tuple(names), stamps, str(config.PACKAGE_DIR))


@cache
def _code_hash(modules: tuple[str, ...], stamps: tuple, package_dir: str) -> str:
    """Hash the closure's sources (memoized while no package file changes)."""
    digest = hashlib.sha256()
    for module in sorted(closure(modules)):
        for path in sources(module):
            digest.update(f"{module}/{path.name}:{file_hash(path)}".encode())
        for pattern in MODULE_FILES.get(module, []):
            for path in sorted(config.PACKAGE_DIR.glob(pattern)):
                digest.update(f"{path.name}:{file_hash(path)}".encode())
    return digest.hexdigest()


def key(*, notebook: Path, parameters: dict, inputs: Iterable[Path], modules: Iterable[str]
        ) -> str:
    """Return the cache key of one output."""
    payload = {
        "notebook": file_hash(notebook),
        "parameters": json.dumps(parameters, sort_keys=True, default=str),
        "inputs": {str(p): file_hash(p) for p in sorted(inputs)},
        "code": code_hash(modules),
    }
    return sha(json.dumps(payload, sort_keys=True).encode())


class BuildCache:
    """Records which key produced which outputs; answers whether an output is still fresh."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.records: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            self.records = {}

    def fresh(self, name: str, build_key: str, outputs: Iterable[Path]) -> bool:
        """Tell whether a record exists for this key and every output still matches it."""
        record = self.records.get(name)
        if not record or record.get("key") != build_key:
            return False
        hashes = record.get("outputs", {})
        return all(hashes.get(str(p)) == file_hash(p) for p in outputs) and bool(hashes)

    def record(self, name: str, build_key: str, outputs: Iterable[Path], **extra: object) -> None:
        """Remember that this key produced these outputs (call after they are written)."""
        self.records[name] = {"key": build_key,
                              "outputs": {str(p): file_hash(p) for p in outputs}, **extra}

    def forget(self, name: str) -> None:
        """Drop a record (its outputs will be rebuilt)."""
        self.records.pop(name, None)

    def save(self) -> None:
        """Write the records atomically."""
        write_text_atomic(self.path, json.dumps(self.records, indent=1, sort_keys=True))
