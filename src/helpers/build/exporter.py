"""The project's pages whichever way a notebook is run: its nbconvert exporters.

``jupyter nbconvert --to dti-report OUT.ipynb`` (registered under the ``nbconvert.exporters``
entry point) turns a papermill output of ``notebooks/30-province-report.ipynb`` into the same
self-contained page as ``dti build``: the report's language and title, the project's styles,
no code, nothing loaded from elsewhere. ``--to dti-methods`` turns an executed stage notebook
(10, 11, 20) into the methods page the build writes (helpers.methods).
"""

from __future__ import annotations

import ast
import re
from typing import Any

from nbconvert.exporters import Exporter, HTMLExporter, TemplateExporter
from nbformat import NotebookNode
from traitlets import default

from . import methods, publish

# -- the body of a page: nbconvert's HTML without its BeautifulSoup pass ---------------------------
#: An <img> tag without alt text.
_NO_ALT = re.compile(r"<img(?![^>]*\salt=)")
NO_ALT_TEXT = "No description has been provided for this image"  # nbconvert's placeholder


class PageBodyExporter(HTMLExporter):
    """nbconvert's HTML exporter without its closing BeautifulSoup pass (used by dti build).

    HTMLExporter re-parses its whole output with BeautifulSoup's pure-Python parser, to give
    images without alt text a placeholder and the lab template's output areas a tabindex, then
    prints the tree again: 85 % of a report's export (19 -> 3 ms a page). This exporter renders
    the same template and gives an image without alt text the same placeholder, by pattern; the
    pages use the basic template (no lab output areas). The markup is the same tree (tested
    against nbconvert's), written as the template wrote it.
    """

    def from_notebook_node(self, nb: NotebookNode, resources: dict[str, Any] | None = None,
                           **kw: Any) -> tuple[str, dict[str, Any]]:
        """Return the notebook as HTML (and nbconvert's resources), with no second parse."""
        from nbconvert.filters.highlight import Highlight2HTML
        from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        resources = self._init_resources(resources)
        self.register_filter("highlight_code", self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources))
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return _NO_ALT.sub(f'<img alt="{NO_ALT_TEXT}"', html), resources


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
    from .. import processed, provinces
    from ..report.page import resolve_target

    if "province" not in parameters:
        raise ValueError("not a province report: the notebook has no `province` parameter (run "
                         "notebooks/30-province-report.ipynb with papermill first; for a stage "
                         "notebook use --to dti-methods)")
    lang = str(parameters.get("lang", "en"))
    code = resolve_target(str(parameters.get("province", "")), int(parameters.get("basis", 63)))
    basis = 34 if code.startswith("U") else 63
    year = int(parameters.get("year") or 0) or processed.latest_year(
        processed.rankings(parameters.get("processed_dir") or None))
    info = (provinces.units() if basis == 34 else provinces.provinces()).loc[code]
    return {"lang": lang, "title": f"DTI {year}: {info['name_vi']}", "slug": str(info["slug"])}


def report_html(notebook: dict) -> str:
    """Return the self-contained report page of an executed report notebook."""
    import nbformat

    facts = report_page_facts(notebook_parameters(notebook))
    return publish.notebook_html(nbformat.from_dict(notebook), facts["lang"], facts["title"],
                                 facts["slug"])


class _PageExporter(Exporter):
    """An nbconvert exporter that writes one of the project's HTML pages."""

    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        """Write .html files."""
        return ".html"

    def page(self, nb: NotebookNode, resources: dict) -> str:
        """Return the page of a notebook."""
        raise NotImplementedError

    def from_notebook_node(self, nb: NotebookNode, resources: dict | None = None,
                           **kw: object) -> tuple[str, dict]:
        """Return the page and nbconvert's resources."""
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        return self.page(nb_copy, resources or {}), resources


class ReportExporter(_PageExporter):
    """``--to dti-report``: a report notebook to the page ``dti build`` makes of it."""

    export_from_notebook = "DTI report"

    def page(self, nb: NotebookNode, resources: dict) -> str:
        """Return the report page."""
        return report_html(nb)


class MethodsExporter(_PageExporter):
    """``--to dti-methods``: an executed stage notebook to a methods page (no code)."""

    export_from_notebook = "DTI methods page"

    def page(self, nb: NotebookNode, resources: dict) -> str:
        """Return the methods page."""
        name = resources.get("metadata", {}).get("name", "notebook")
        return methods.methods_html(nb, methods.notebook_title(nb, name))
