"""Can a notebook be parameterized? Checked before anything is built, one line per problem.

papermill injects the parameters after the cell tagged ``parameters``; a notebook without that
cell runs its defaults (every report would be the default province), one that is not valid
JSON fails deep inside nbformat, and a parameter the cell does not declare is silently unused.
Each of these is refused here, naming the notebook and what to do. Plain ``json`` and ``ast``
only: this runs on every build, also on one with nothing to do.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable
from pathlib import Path

from .. import config

TAG = "parameters"


def _name(path: Path) -> str:
    """Return a notebook's path relative to the checkout when it lies inside it."""
    try:
        return Path(path).resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        return str(path)


def _cells(path: Path) -> tuple[list[dict] | None, str]:
    """Return a notebook's cells, or None and what is wrong with the file."""
    restore = f"restore it (git checkout -- {_name(path)}) or re-save it from JupyterLab"
    try:
        notebook = json.loads(Path(path).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None, "the notebook file is missing; " + restore
    except OSError as error:
        return None, f"cannot be read ({error.strerror}); {restore}"
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte {error.start}); {restore}"
    except json.JSONDecodeError as error:
        return None, (f"not a valid notebook file ({error.msg}: line {error.lineno}, column "
                      f"{error.colno}); {restore}")
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list) or not all(isinstance(c, dict) for c in cells):
        return None, f"not a notebook (no list of cells); {restore}"
    return cells, ""


def _source(cell: dict) -> str:
    """Return a cell's source as one string (nbformat stores a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def declared(source: str) -> set[str] | None:
    """Return the names a parameters cell assigns (None when it is not plain Python)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        for target in targets:
            for leaf in ast.walk(target):
                if isinstance(leaf, ast.Name):
                    names.add(leaf.id)
    return names


def problems(path: Path, parameters: Iterable[str] = ()) -> list[str]:
    """Return what stops a notebook from being run with these parameters (empty: it can)."""
    name = _name(path)
    cells, wrong = _cells(path)
    if cells is None:
        return [f"{name}: {wrong}"]
    tagged = [c for c in cells if c.get("cell_type") == "code"
              and TAG in ((c.get("metadata") or {}).get("tags") or [])]
    if not tagged:
        return [f"{name}: no code cell is tagged '{TAG}', so papermill would run the defaults "
                f"for every build; tag the parameters cell again (JupyterLab: property "
                f"inspector, Cell Tags, '{TAG}')"]
    names = declared(_source(tagged[0]))
    if names is None:
        return [f"{name}: the cell tagged '{TAG}' is not plain Python assignments; fix its "
                "syntax"]
    missing = sorted(set(parameters) - names)
    if missing:
        return [f"{name}: the cell tagged '{TAG}' does not declare {', '.join(map(repr, missing))}"
                f" (it declares {', '.join(sorted(names)) or 'nothing'}); restore the "
                "declaration"]
    return []


def check(notebooks: dict[str, Iterable[str]]) -> list[str]:
    """Return the problems of several notebooks (name under notebooks/ -> parameters given)."""
    found: list[str] = []
    for notebook, parameters in notebooks.items():
        found += problems(config.NOTEBOOKS_DIR / f"{notebook}.ipynb", parameters)
    return found
