"""Methods pages: the executed stage notebooks (10, 11, 20) as HTML beside the reports.

``write_methods_pages`` exports each executed stage notebook in ``reports/executed/`` to
``reports/methods/<name>.html``, code and outputs included, with an index page linked from the
reports' index ("How these numbers were made"), so readers can see the cleaning and the model
without Jupyter. A page is rewritten only when its notebook changed (its build key), and
nbconvert is imported only then: a rebuild with nothing changed stays fast.
``jupyter nbconvert --to dti-methods NOTEBOOK`` (helpers.exporter) makes the same page.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from .. import config, store
from ..report import narrative
from . import cache, publish

#: The executed stage notebooks shown as methods pages, in data-flow order.
NOTEBOOKS = ("10-clean-rankings", "11-clean-targets", "20-model-factors")
DIR_NAME = "methods"

_PAGE = """<!DOCTYPE html>
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

_INDEX = """<h1>How these numbers were made</h1>
<p>The stage notebooks as they ran for this build, with their code and outputs: how the raw
tables were cleaned and reconciled, how press facts and targets were read, and how the model
was fitted. The code they call is in the package <code>helpers</code> of the repository.</p>
<ul>
{% for page in pages %}<li><a href="{{ page.href }}">{{ page.title }}</a></li>
{% endfor %}</ul>
"""


def _converter() -> object:
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

    body, _ = _converter().from_notebook_node(nbformat.from_dict(notebook))
    page = narrative.environment().from_string(_PAGE)
    return page.render(title=title, body=body, build_key=build_key, code_css=_code_css(),
                       back=back, back_text=back_text)


def _page_key(source: Path) -> str:
    """Return what a methods page is made from: the executed notebook and this module."""
    return cache.sha(f"{cache.file_hash(source)}:{cache.file_hash(Path(__file__))}".encode())


def _page_title(path: Path) -> str | None:
    """Return the <title> of a page written before (None if absent)."""
    try:
        match = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8")[:3000])
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return html.unescape(match.group(1)) if match else None


def _write_page(source: Path, target: Path, key: str) -> str:
    """Write one methods page from an executed notebook; return its title."""
    import nbformat  # slow to import: only when a page is due

    notebook = nbformat.read(source, as_version=4)
    title = notebook_title(notebook, source.stem)
    store.write_text_atomic(target, methods_html(notebook, title, key))
    return title


def write_methods_pages(executed_dir: Path | None = None, root: Path | None = None
                        ) -> list[Path]:
    """Export the executed stage notebooks to reports/methods/ (only those that changed)."""
    executed_dir = Path(executed_dir or config.EXECUTED_DIR)
    out = Path(root or config.REPORTS_DIR) / DIR_NAME
    pages, changed = [], False
    for name in NOTEBOOKS:
        source, target = executed_dir / f"{name}.ipynb", out / f"{name}.html"
        if not source.exists():  # the stage has not run (or failed): no page claims it did
            changed |= target.exists()
            target.unlink(missing_ok=True)
            continue
        key = _page_key(source)
        title = _page_title(target) if publish.page_build_key(target) == key else None
        if title is None:
            try:
                title = _write_page(source, target, key)
            except Exception as error:  # a methods page never stops the build
                print(f"methods page {name}: not written ({error})", file=sys.stderr)
                continue
            changed = True
        pages.append({"href": target.name, "title": title, "path": target})
    if pages and (changed or not (out / "index.html").exists()):
        body = narrative.environment().from_string(_INDEX).render(pages=pages)
        page = narrative.environment().from_string(_PAGE).render(
            title="How these numbers were made", body=body, build_key="", code_css="",
            back="../index.html", back_text="All reports")
        store.write_text_atomic(out / "index.html", page)
    return [p["path"] for p in pages]
