"""A content-hash build cache: an output is rebuilt only when something it depends on changed.

A key hashes the notebook, its parameters, its input files and the source of every helper
module it imports (followed through the package's own imports, with the templates and package
data those modules read). The record also keeps each output's own hash, so an output that was
deleted, truncated or edited by hand is rebuilt too.

Records are written incrementally: each change is one line appended to a journal beside the
records file (``.build-cache.journal``), and `BuildCache.save` compacts the journal into the
records file at the end of a build. A report's cost therefore does not grow with the number of
pages, and a build killed half-way loses nothing it recorded (the journal is replayed on load).
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from .. import config
from ..store import write_text_atomic

#: Raise by one to invalidate every cached output (e.g. after a change the key cannot see).
EPOCH = 1
#: Libraries whose version shapes the pages and tables: part of every key.
LIBRARIES = ("pandas", "numpy", "matplotlib", "seaborn", "statsmodels", "nbconvert", "jinja2")

#: Files a helper module reads besides its own source (module names as in `closure`).
MODULE_FILES: dict[str, list[str]] = {
    "provinces": ["data/province_aliases.csv"],
    "rankings.review": ["data/review_decisions.csv"],
    "model.covariates": ["data/covariate_exclusions.csv"],
    "vocab": ["data/source_titles_vi.csv"],
    "report.narrative": ["templates/*"],
    "build.publish": ["data/tile_grid*.csv", "templates/*"],
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
    """Return the source file of a helper module ("report.page"; a package is its __init__)."""
    base = config.PACKAGE_DIR.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if module and path.is_file():
            return [path]
    return []


def _module_of(path: Path) -> list[str]:
    """Return the dotted package a source file's relative imports start from, as parts."""
    parts = list(path.relative_to(config.PACKAGE_DIR).with_suffix("").parts)
    return parts[:-1]


def _imports(module: str) -> set[str]:
    """Return the helper modules a helper module imports directly."""
    return set().union(*(_imports_of(str(p), file_hash(p)) for p in sources(module)))


#: An import statement at the start of a line (a parenthesised name list may span lines).
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*)"
                     r"|import[ \t]+[^\n]*)", re.M)


def import_statements(text: str) -> list[ast.stmt]:
    """Return a module's import statements: the lines that start one, each parsed alone (a
    fifth of the time of parsing the whole file), else, if one does not parse, the file's."""
    found: list[ast.stmt] = []
    for match in _IMPORT.finditer(text):
        try:
            found.extend(ast.parse(match.group(0).strip()).body)
        except SyntaxError:  # e.g. a comment with a parenthesis inside a parenthesised list
            return [n for n in ast.walk(ast.parse(text))
                    if isinstance(n, (ast.Import, ast.ImportFrom))]
    return found


@cache
def _imports_of(path: str, content_hash: str) -> frozenset[str]:
    """Parse one source file's imports, relative or absolute, as helper module names."""
    package = _module_of(Path(path))
    found = set()
    for node in import_statements(Path(path).read_text(encoding="utf-8")):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1] + (node.module or "").split(".")
            found |= _named(".".join(p for p in base if p), [a.name for a in node.names])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
            found |= _named(node.module.partition(".")[2], [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            found |= {a.name.partition(".")[2] for a in node.names
                      if a.name.startswith("helpers.")}
    return frozenset(m for m in found if sources(m))


def _named(module: str, names: list[str]) -> set[str]:
    """Return the modules `from module import names` loads: submodules named, else the module."""
    prefix = f"{module}." if module else ""
    submodules = {f"{prefix}{n}" for n in names if sources(f"{prefix}{n}")}
    return submodules | ({module} if len(submodules) < len(names) and module else set())


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
    """Return the helper modules a notebook's code cells import or use (parsed with ast)."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    modules: set[str] = set()
    for cell in cells:
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            modules |= code_modules("".join(source) if isinstance(source, list) else source)
    return modules


def code_modules(source: str) -> set[str]:
    """Return the helper modules one cell of Python imports or names as helpers.<module>."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return set()
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "helpers" or node.module.startswith("helpers."):
                found |= _named(node.module.partition(".")[2], [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            found.update(a.name.partition(".")[2] for a in node.names
                         if a.name.startswith("helpers."))
        elif isinstance(node, ast.Attribute) and not isinstance(node.value, ast.Attribute):
            found |= _attribute_module(node, tree)
    return {m for m in found if sources(m)}


def _attribute_module(node: ast.Attribute, tree: ast.AST) -> set[str]:
    """Return the deepest helper module an attribute chain such as helpers.model.stage names."""
    if not (isinstance(node.value, ast.Name) and node.value.id == "helpers"):
        return set()
    parents = {id(child): parent for parent in ast.walk(tree)
               for child in ast.iter_child_nodes(parent)}
    parts, current = [node.attr], node
    while isinstance(parent := parents.get(id(current)), ast.Attribute):
        parts.append(parent.attr)
        current = parent
    modules = [".".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return {next((m for m in modules if sources(m)), parts[0])}


def code_hash(modules: Iterable[str]) -> str:
    """Hash the source of the modules' import closure and the files those modules read."""
    names = sorted(set(modules))
    stamps = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(config.PACKAGE_DIR.rglob("*"))
                   if p.is_file() and "__pycache__" not in p.parts)
    return _code_hash(tuple(names), stamps, str(config.PACKAGE_DIR))


@cache
def _code_hash(modules: tuple[str, ...], stamps: tuple, package_dir: str) -> str:
    """Hash the closure's sources (memoized while no package file changes)."""
    digest = hashlib.sha256()
    for module in sorted(closure(modules)):
        for path in sources(module):
            digest.update(f"{module}:{file_hash(path)}".encode())
        for pattern in MODULE_FILES.get(module, []):
            for path in sorted(config.PACKAGE_DIR.glob(pattern)):
                digest.update(f"{path.name}:{file_hash(path)}".encode())
    return digest.hexdigest()


@cache
def library_versions() -> dict[str, str]:
    """Return the installed version of each library that shapes the output."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def relative(path: Path) -> str:
    """Return a path relative to the checkout when inside it (keys survive a moved checkout)."""
    path = Path(path)
    try:
        return path.resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def parts(*, notebook: Path, inputs: Iterable[Path], modules: Iterable[str]) -> dict:
    """Return what a key hashes besides the parameters (shared by many reports)."""
    return {
        "epoch": EPOCH,
        "libraries": library_versions(),
        "notebook": file_hash(notebook),
        "inputs": {relative(p): file_hash(p) for p in sorted(inputs)},
        "code": code_hash(modules),
    }


def key_with(shared: dict, parameters: dict) -> str:
    """Return the cache key of one output from the shared parts and its parameters."""
    payload = {**shared, "parameters": json.dumps(parameters, sort_keys=True, default=str)}
    return sha(json.dumps(payload, sort_keys=True).encode())


def key(*, notebook: Path, parameters: dict, inputs: Iterable[Path], modules: Iterable[str]
        ) -> str:
    """Return the cache key of one output."""
    return key_with(parts(notebook=notebook, inputs=inputs, modules=modules), parameters)


def _valid_record(record: object) -> bool:
    """Tell whether a cache record has the shape this module writes."""
    if not isinstance(record, dict) or not isinstance(record.get("key"), str):
        return False
    outputs = record.get("outputs")
    if not isinstance(outputs, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in outputs.items()):
        return False
    return "row" not in record or isinstance(record["row"], dict)


class BuildCache:
    """Records which key produced which outputs; answers whether an output is still fresh."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.journal = self.path.with_suffix(".journal")
        self.records: dict[str, dict] = {}
        self.discarded = 0
        self._load()
        self._replay()

    def _load(self) -> None:
        """Read the compacted records (a missing file is an empty cache)."""
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError, ValueError) as error:
            self._warn(f"unreadable ({type(error).__name__}); it is discarded")
            return
        if not isinstance(loaded, dict):
            self._warn(f"holds a {type(loaded).__name__}, not records; it is discarded")
            return
        self.records = {k: v for k, v in loaded.items() if isinstance(k, str) and _valid_record(v)}
        self.discarded = len(loaded) - len(self.records)
        if self.discarded:
            self._warn(f"{self.discarded} record(s) of the wrong shape discarded")

    def _replay(self) -> None:
        """Apply the journal's changes, in order (a torn last line from a kill is skipped)."""
        try:
            lines = self.journal.read_bytes().decode("utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return
        except OSError as error:
            self._warn(f"journal unreadable ({type(error).__name__}); it is discarded")
            return
        bad = 0
        for number, line in enumerate(lines, start=1):
            try:
                name, record = json.loads(line)
            except (ValueError, TypeError):
                bad += number < len(lines)  # only the last line can be cut short by a kill
                continue
            if not isinstance(name, str) or not (record is None or _valid_record(record)):
                bad += 1
            elif record is None:
                self.records.pop(name, None)
            else:
                self.records[name] = record
        if bad:
            self._warn(f"{bad} journal line(s) of the wrong shape discarded")

    def _warn(self, what: str) -> None:
        """Print one warning about the cache file (the affected work is rebuilt)."""
        self.discarded = max(self.discarded, 1)
        print(f"warning: {relative(self.path)}: {what}; the affected outputs will be rebuilt",
              file=sys.stderr)

    def _append(self, name: str, record: dict | None) -> None:
        """Append one change to the journal (None: the record is dropped)."""
        self.journal.parent.mkdir(parents=True, exist_ok=True)
        with open(self.journal, "a", encoding="utf-8") as handle:
            handle.write(json.dumps([name, record], sort_keys=True) + "\n")

    def fresh(self, name: str, build_key: str, outputs: Iterable[Path]) -> bool:
        """Tell whether a record exists for this key and every output still matches it."""
        record = self.records.get(name)
        if not record or record.get("key") != build_key:
            return False
        hashes = record.get("outputs", {})
        return all(hashes.get(relative(p)) == file_hash(p) for p in outputs) and bool(hashes)

    def contradicts(self, name: str, build_key: str, outputs: Iterable[Path]) -> bool:
        """Tell whether a record of this very key says the outputs are not what it wrote."""
        record = self.records.get(name)
        return bool(record) and record.get("key") == build_key and not self.fresh(
            name, build_key, outputs)

    def record(self, name: str, build_key: str, outputs: Iterable[Path], **extra: object) -> None:
        """Remember that this key produced these outputs (call after they are written)."""
        self.records[name] = {"key": build_key,
                              "outputs": {relative(p): file_hash(p) for p in outputs}, **extra}
        self._append(name, self.records[name])

    def forget(self, name: str) -> None:
        """Drop a record (its outputs will be rebuilt)."""
        if self.records.pop(name, None) is not None:
            self._append(name, None)

    def check_writable(self) -> None:
        """Raise OSError naming the file unless the records and journal can be rewritten (an
        immutable or read-only file): checked before a build touches anything."""
        import errno

        for path in (self.path, self.journal):
            try:
                with open(path, "r+b"):
                    pass
            except FileNotFoundError:
                continue
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.EACCES, errno.EROFS):
                    raise
                raise OSError(error.errno, error.strerror, str(path)) from None

    def save(self) -> None:
        """Compact: write the records atomically, then drop the journal they include."""
        write_text_atomic(self.path, json.dumps(self.records, indent=1, sort_keys=True))
        self.journal.unlink(missing_ok=True)
