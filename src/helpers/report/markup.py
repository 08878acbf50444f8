"""The last pass over a page's HTML: tables a screen reader and a phone can read, linked addresses.

Every table gets ``scope`` on its header cells and a ``<caption>`` (the heading it sits under,
for screen readers only); every body cell carries its column's label (``data-label``), which the
stylesheet shows when a table becomes stacked cards on a narrow screen, and the class ``key``
when its column header has it (shown first on a card); a table of five or more columns, or
with a key column, gets the class ``cards``. A bare web address in the text becomes a
link showing its host name ("baodautu.vn"), the full address in the link.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"(?s)<table\b([^>]*)>(.*?)</table>")
_HEADING = re.compile(r"(?s)<h[1-6]\b[^>]*>(.*?)</h[1-6]>")
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]")
#: Tables of this many columns or more (or with a key column) become cards on a narrow screen;
#: narrower ones (peers: rank, name, score) read well as they are.
CARD_COLUMNS = 5
#: Elements whose text is never rewritten (an address inside them stays as it is).
_VERBATIM = ("a", "script", "style", "code", "pre", "textarea", "title")


def text_of(fragment: str) -> str:
    """Return the plain text of an HTML fragment (tags dropped, spaces collapsed)."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def host(url: str) -> str:
    """Return the host name an address is shown by ("https://www.x.vn/a" -> "x.vn")."""
    name = url.split("/")[2] if url.count("/") >= 2 else url
    return name.removeprefix("www.")


def _add_attribute(attrs: str, name: str, value: str) -> str:
    """Return a tag's attributes with one more (unless it has it already)."""
    if re.search(rf"\b{name}=", attrs):
        return attrs
    return f'{attrs} {name}="{html.escape(value, quote=True)}"'


def _add_class(attrs: str, name: str) -> str:
    """Return a tag's attributes with a class added."""
    match = re.search(r'class="([^"]*)"', attrs)
    if match is None:
        return f'{attrs} class="{name}"'
    if name in match.group(1).split():
        return attrs
    return attrs[:match.start(1)] + f"{match.group(1)} {name}" + attrs[match.end(1):]


def _head_and_body(inner: str) -> tuple[str, str]:
    """Split a table's inner HTML at the end of its header (thead, else its first row)."""
    end = inner.find("</thead>")
    if end >= 0:
        end += len("</thead>")
    else:
        end = inner.find("</tr>") + len("</tr>") if "<th" in inner.split("</tr>")[0] else 0
    return inner[:end], inner[end:]


def _columns(head: str) -> list[tuple[str, bool]]:
    """Return each header column's label and whether it is a key column (class "key")."""
    columns = []
    for match in re.finditer(r"(?s)<th\b([^>]*)>(.*?)</th>", head):
        label = text_of(re.sub(r'(?s)<span class="tag">.*?</span>', "", match.group(2)))
        key = bool(re.search(r'class="[^"]*\bkey\b', match.group(1)))
        span = re.search(r'colspan="(\d+)"', match.group(1))
        columns += [(label, key)] * (int(span.group(1)) if span else 1)
    return columns


def _label_rows(body: str, columns: list[tuple[str, bool]]) -> str:
    """Give each body cell its column's label (and class key); a row header gets scope=row."""
    out, position = [], 0
    for row in re.split(r"(<tr\b[^>]*>)", body):
        if row.startswith("<tr"):
            position = 0
            out.append(row)
            continue

        def cell(match: re.Match) -> str:
            nonlocal position
            tag, attrs = match.group(1), match.group(2)
            if position < len(columns):
                label, key = columns[position]
                if label:
                    attrs = _add_attribute(attrs, "data-label", label)
                if key:
                    attrs = _add_class(attrs, "key")
            if tag == "th":
                attrs = _add_attribute(attrs, "scope", "row")
            span = re.search(r'colspan="(\d+)"', attrs)
            position += int(span.group(1)) if span else 1
            return f"<{tag}{attrs}>"

        out.append(_CELL.sub(cell, row))
    return "".join(out)


def _table(match: re.Match, document: str) -> str:
    """Return one table with header scopes, a caption and labelled body cells."""
    attrs, inner = match.group(1), match.group(2)
    head, body = _head_and_body(inner)
    columns = _columns(head)
    head = re.sub(r"<th\b([^>]*)>", lambda m: f"<th{_add_attribute(m.group(1), 'scope', 'col')}>",
                  head)
    if "<caption" not in inner:
        headings = _HEADING.findall(document, 0, match.start())
        title = text_of(headings[-1]) if headings else ""
        if title:
            head = f'<caption class="sr-only">{html.escape(title)}</caption>{head}'
    found = re.search(r'class="([^"]*)"', attrs)
    classes = found.group(1).split() if found else []
    wide = len(columns) >= CARD_COLUMNS or any(key for _, key in columns)
    if wide and ("data" in classes or "dataframe" in classes) and "index" not in classes:
        attrs = _add_class(attrs, "cards")  # the index's tables have a layout of their own
    return f"<table{attrs}>{head}{_label_rows(body, columns)}</table>"


def tables(document: str) -> str:
    """Return a page with every table given scopes, a caption and labelled cells."""
    return _TABLE.sub(lambda m: _table(m, document), document)


def link_addresses(document: str) -> str:
    """Return a page whose bare web addresses (outside links and code) are links to their host."""
    parts = re.split(r"(<[^>]+>)", document)
    inside: list[str] = []
    for i, part in enumerate(parts):
        if part.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in _VERBATIM:
                if part.startswith("</"):
                    if inside:
                        inside.pop()
                elif not part.endswith("/>"):
                    inside.append(name.group(1).lower())
            continue
        if not inside and "http" in part:
            parts[i] = _URL.sub(lambda m: (f'<a href="{m.group(0)}" rel="noopener">'
                                           f"{host(html.unescape(m.group(0)))}</a>"), part)
    return "".join(parts)


def polish(document: str) -> str:
    """Return a page with accessible, phone-ready tables and linked addresses."""
    return link_addresses(tables(document))
