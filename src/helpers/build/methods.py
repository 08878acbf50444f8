"""Methods pages: the executed stage notebooks (10, 11, 20) as pages for readers.

``write_methods_pages`` exports each stage notebook that pipeline.yml publishes (``methods:
true``), as executed in ``reports/executed/``, to
``reports/methods/<name>.html``: the narration and the outputs, no code and no setup cells, no
path of the machine that built it. ``reports/methods/index.html`` and ``index.vi.html`` give a
plain-language summary of how the numbers were made, in each language, and link those pages;
every report and the index link the summary. A notebook page is rewritten only when its
notebook changed (its build key), a page of a stage the plan no longer lists is removed, and
nbconvert is imported only then: a rebuild with nothing
changed stays fast. ``jupyter nbconvert --to dti-methods NOTEBOOK`` (helpers.exporter) makes the
same page.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from .. import config, store
from ..report import markup, narrative
from . import cache, plan, publish

DIR_NAME = "methods"
#: Cells never shown to readers: setup, and papermill's injected parameters.
HIDDEN_TAGS = {"setup", "injected-parameters", publish.HIDE_TAG}
_CSS = """.jp-OutputArea-output pre { background: #fff; border: 1px solid var(--line); }
a.anchor-link { display: none; }
table.dataframe { border-collapse: collapse; font-size: 12px; width: 100%; }
table.dataframe th, table.dataframe td { border-bottom: 1px solid var(--line); padding: 3px 4px;
  overflow-wrap: anywhere; }
.jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: anywhere; }
"""
DESCRIPTION = {"en": "How the figures of the Vietnam provincial DTI reports were made: sources, "
                     "reconciliation, targets and the model, in plain language.",
               "vi": "Cách tính các con số trong báo cáo Chỉ số chuyển đổi số cấp tỉnh: nguồn, "
                     "đối chiếu, mục tiêu và mô hình, bằng lời dễ hiểu."}


def _converter() -> object:
    """Return an nbconvert HTML exporter without code, prompts, setup cells or CDN."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    settings = Config()
    settings.TagRemovePreprocessor.remove_cell_tags = HIDDEN_TAGS
    settings.TagRemovePreprocessor.enabled = True
    settings.HTMLExporter.preprocessors = ["nbconvert.preprocessors.TagRemovePreprocessor"]
    exporter = HTMLExporter(config=settings, template_name="basic")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def without_paths(text: str, root: Path | None = None) -> str:
    """Return a page with the checkout's absolute path removed (paths shown from the root)."""
    root_text = str(Path(root or config.ROOT).resolve())
    return text.replace(root_text + "/", "").replace(root_text, ".")


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
    """Return one self-contained methods page of an executed stage notebook (no code)."""
    import nbformat

    body, _ = _converter().from_notebook_node(nbformat.from_dict(notebook))
    page = narrative.render("plain.html.j2", lang="en", title=title, body=without_paths(body),
                            build_key=build_key, extra_css=_CSS, back=back, back_text=back_text,
                            up="../", description=DESCRIPTION["en"])
    return markup.polish(page)


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


def _page_html(source: Path, key: str) -> tuple[str, str]:
    """Return the title and HTML of the methods page of an executed notebook."""
    import nbformat  # slow to import: only when a page is due

    notebook = nbformat.read(source, as_version=4)
    title = notebook_title(notebook, source.stem)
    return title, methods_html(notebook, title, key)


def _write_page(source: Path, target: Path, key: str) -> str:
    """Write one methods page from an executed notebook; return its title."""
    title, text = _page_html(source, key)
    store.write_text_atomic(target, text)
    return title


def notebooks() -> tuple[str, ...]:
    """Return the stage notebooks shown as methods pages (pipeline.yml, in data-flow order)."""
    return plan.load().methods


def remove_orphans(out: Path, names: tuple[str, ...]) -> bool:
    """Delete the methods pages of notebooks the plan no longer publishes; tell if any went."""
    keep = {f"{n}.html" for n in names}
    gone = [p for p in out.glob("*.html") if not p.name.startswith("index")
            and p.name not in keep]
    for page in gone:
        print(f"removed {DIR_NAME}/{page.name}: pipeline.yml publishes no such stage")
        page.unlink(missing_ok=True)
    return bool(gone)


def render_page(name: str, executed_dir: Path | None = None, root: Path | None = None
                ) -> tuple[Path, str] | None:
    """Return one stage's methods page (where it goes, its HTML) when due, without writing it."""
    source = Path(executed_dir or config.EXECUTED_DIR) / f"{name}.ipynb"
    target = Path(root or config.REPORTS_DIR) / DIR_NAME / f"{name}.html"
    if not source.exists():
        return None
    key = _page_key(source)
    if publish.page_build_key(target) == key:
        return None
    return target, _page_html(source, key)[1]


def write_methods_pages(executed_dir: Path | None = None, root: Path | None = None
                        ) -> list[Path]:
    """Export the executed stage notebooks to reports/methods/ (only those that changed)."""
    executed_dir = Path(executed_dir or config.EXECUTED_DIR)
    out = Path(root or config.REPORTS_DIR) / DIR_NAME
    pages, changed = [], not (out / "index.vi.html").exists()
    names = notebooks()
    changed |= remove_orphans(out, names)
    for name in names:
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
    for lang in narrative.LANGS:
        write_summary(out, lang, pages, changed)
    return [p["path"] for p in pages]


def write_summary(out: Path, lang: str, pages: list[dict], changed: bool = True) -> Path:
    """Write the plain-language methods page of a language (methods/index.html, index.vi.html)."""
    name = "index.html" if lang == "en" else f"index.{lang}.html"
    path = out / name
    if path.exists() and not changed:
        return path
    other = "vi" if lang == "en" else "en"
    body = narrative.render(f"methods.{lang}.html.j2", pages=pages)
    page = narrative.render(
        "plain.html.j2", lang=lang, title=markup.text_of(body.split("</h1>")[0]), body=body,
        build_key="", extra_css="", back=f"../{publish.index_name(lang)}",
        back_text=narrative.TEXT[lang]["back"], up="../", description=DESCRIPTION[lang],
        twin="index.html" if other == "en" else f"index.{other}.html", other_lang=other,
        other_name=narrative.TEXT[lang]["other_language"])
    store.write_text_atomic(path, markup.polish(page))
    return path
