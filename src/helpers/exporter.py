"""The project's pages whichever way a notebook is run: nbconvert exporters and the methods pages.

``jupyter nbconvert --to dti-report OUT.ipynb`` (registered under the ``nbconvert.exporters``
entry point) turns a papermill output of ``notebooks/30-province-report.ipynb`` into the same
self-contained page as ``dti build``: the report's language and title, the project's styles,
no code, nothing loaded from elsewhere. ``--to dti-methods`` turns an executed stage notebook
(10, 11, 20) into a methods page, code included; ``write_methods_pages`` does that for the
build, into ``reports/methods/``, linked from the index ("How these numbers were made").
"""

from __future__ import annotations

import ast
import html
import re
import sys
import tempfile
from pathlib import Path

from nbconvert.exporters import Exporter
from nbformat import NotebookNode
from traitlets import default

from . import cache, config, narrative, publish, store

#: The executed stage notebooks shown as methods pages, in data-flow order.
METHODS_NOTEBOOKS = ("10-clean-rankings", "11-clean-targets", "20-model-factors")
METHODS_DIR_NAME = "methods"

_METHODS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="dti-build-key" content="{{ build_key }}">
<title>{{ title }}</title>
<style>
{% include "style.css.j2" %}
main { max-width: 1000px; }
pre { overflow-x: auto; font-size: 13px; background: var(--soft); padding: 8px 10px;
      border-radius: 6px; }
.jp-OutputArea-output pre { background: #fff; border: 1px solid var(--line); }
a.anchor-link { display: none; }
table.dataframe { border-collapse: collapse; font-size: 13px; display: block; overflow-x: auto; }
table.dataframe th, table.dataframe td { border-bottom: 1px solid var(--line); padding: 3px 6px; }
{{ code_css }}
</style>
</head>
<body>
<main>
<nav class="top"><a href="{{ back }}">← {{ back_text }}</a></nav>
{{ body | safe }}
</main>
</body>
</html>
"""

_METHODS_INDEX = """<h1>How these numbers were made</h1>
<p>The stage notebooks as they ran for this build, with their code and outputs: how the raw
tables were cleaned and reconciled, how press facts and targets were read, and how the model
was fitted. The code they call is in the package <code>helpers</code> of the repository.</p>
<ul>
{% for page in pages %}<li><a href="{{ page.href }}">{{ page.title }}</a></li>
{% endfor %}</ul>
"""


# -- a report notebook run by papermill, exported as dti build exports it ------------------------
def notebook_parameters(notebook: dict) -> dict[str, object]:
    """Return a notebook's parameters: the defaults cell, overridden by papermill's injected one."""
    values: dict[str, object] = {}
    for tag in ("parameters", "injected-parameters"):
        for cell in notebook.get("cells", []):
            if cell.get("cell_type") == "code" and tag in cell.get("metadata", {}).get("tags", []):
                values.update(_literal_assignments("".join(cell.get("source", ""))))
    return values


def _literal_assignments(source: str) -> dict[str, object]:
    """Return the ``name = literal`` assignments of a cell's source."""
    found: dict[str, object] = {}
    for node in ast.parse(source).body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        if len(targets) == 1 and isinstance(targets[0], ast.Name) and node.value is not None:
            try:
                found[targets[0].id] = ast.literal_eval(node.value)
            except ValueError:  # not a literal: papermill never writes those
                continue
    return found


def report_page_facts(parameters: dict[str, object]) -> dict[str, str]:
    """Return the language, title and slug ``dti build`` gives the report these parameters make."""
    from . import processed, provinces
    from .report import resolve_target

    if "province" not in parameters:
        raise ValueError("not a province report: the notebook has no `province` parameter (run "
                         "notebooks/30-province-report.ipynb with papermill first; for a stage "
                         "notebook use --to dti-methods)")
    lang = str(parameters.get("lang", "en"))
    code = resolve_target(str(parameters.get("province", "")), int(parameters.get("basis", 63)))
    basis = 34 if code.startswith("U") else 63
    year = int(parameters.get("year") or 0) or processed.latest_complete_year(
        processed.rankings(parameters.get("processed_dir") or None), basis)
    info = (provinces.units() if basis == 34 else provinces.provinces()).loc[code]
    return {"lang": lang, "title": f"DTI {year}: {info['name_vi']}", "slug": str(info["slug"])}


def report_html(notebook: dict) -> str:
    """Return the self-contained report page of an executed report notebook."""
    import nbformat

    facts = report_page_facts(notebook_parameters(notebook))
    with tempfile.TemporaryDirectory() as folder:  # publish.notebook_html reads a file
        path = Path(folder) / "report.ipynb"
        nbformat.write(nbformat.from_dict(notebook), path)
        return publish.notebook_html(path, facts["lang"], facts["title"], facts["slug"])


class ReportExporter(Exporter):
    """``--to dti-report``: a report notebook to the page ``dti build`` makes of it."""

    export_from_notebook = "DTI report"
    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        """Write .html files."""
        return ".html"

    def from_notebook_node(self, nb: NotebookNode, resources: dict | None = None,
                           **kw: object) -> tuple[str, dict]:
        """Return the report page and nbconvert's resources."""
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        return report_html(nb_copy), resources


# -- methods pages: the executed stage notebooks, code included ---------------------------------
def _methods_converter() -> object:
    """Return an nbconvert HTML exporter that keeps code and outputs, without prompts or CDN."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def _code_css() -> str:
    """Return the stylesheet of highlighted code."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style="default").get_style_defs(".highlight")


def notebook_title(notebook: dict, fallback: str) -> str:
    """Return a notebook's first level-one heading (the fallback when it has none)."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            match = re.search(r"^#\s+(.+)$", "".join(cell.get("source", "")), re.M)
            if match:
                return match.group(1).strip()
    return fallback


def methods_html(notebook: dict, title: str, build_key: str = "",
                 back: str = "index.html", back_text: str = "How these numbers were made") -> str:
    """Return one self-contained methods page of an executed stage notebook."""
    import nbformat

    body, _ = _methods_converter().from_notebook_node(nbformat.from_dict(notebook))
    page = narrative.environment().from_string(_METHODS_PAGE)
    return page.render(title=title, body=body, build_key=build_key, code_css=_code_css(),
                       back=back, back_text=back_text)


class MethodsExporter(Exporter):
    """``--to dti-methods``: an executed stage notebook to a methods page (code shown)."""

    export_from_notebook = "DTI methods page"
    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        """Write .html files."""
        return ".html"

    def from_notebook_node(self, nb: NotebookNode, resources: dict | None = None,
                           **kw: object) -> tuple[str, dict]:
        """Return the methods page and nbconvert's resources."""
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        name = (resources or {}).get("metadata", {}).get("name", "notebook")
        return methods_html(nb_copy, notebook_title(nb_copy, name)), resources


def _methods_key(source: Path) -> str:
    """Return what a methods page is made from: the executed notebook and this module."""
    return cache.sha(f"{cache.file_hash(source)}:{cache.file_hash(Path(__file__))}".encode())


def _page_title(path: Path) -> str | None:
    """Return the <title> of a page written before (None if absent)."""
    try:
        match = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8")[:3000])
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return html.unescape(match.group(1)) if match else None


def write_methods_pages(executed_dir: Path | None = None, root: Path | None = None
                        ) -> list[Path]:
    """Export the executed stage notebooks to reports/methods/ (only those that changed)."""
    import nbformat

    executed_dir = Path(executed_dir or config.EXECUTED_DIR)
    out = Path(root or config.REPORTS_DIR) / METHODS_DIR_NAME
    pages, changed = [], False
    for name in METHODS_NOTEBOOKS:
        source, target = executed_dir / f"{name}.ipynb", out / f"{name}.html"
        if not source.exists():  # the stage has not run (or failed): no page claims it did
            changed |= target.exists()
            target.unlink(missing_ok=True)
            continue
        key = _methods_key(source)
        title = _page_title(target) if publish.page_build_key(target) == key else None
        if title is None:
            notebook = nbformat.read(source, as_version=4)
            title = notebook_title(notebook, name)
            try:
                store.write_text_atomic(target, methods_html(notebook, title, key))
            except Exception as error:  # a methods page never stops the build
                print(f"methods page {name}: not written ({error})", file=sys.stderr)
                continue
            changed = True
        pages.append({"href": target.name, "title": title, "path": target})
    if pages and (changed or not (out / "index.html").exists()):
        body = narrative.environment().from_string(_METHODS_INDEX).render(pages=pages)
        page = narrative.environment().from_string(_METHODS_PAGE).render(
            title="How these numbers were made", body=body, build_key="", code_css="",
            back="../index.html", back_text="All reports")
        store.write_text_atomic(out / "index.html", page)
    return [p["path"] for p in pages]
