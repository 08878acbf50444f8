"""Article text: cleaning, lines with roles (headline, lead, body) and sentences.

A newline-first splitter: every line is a paragraph; a line is cut into sentences at ".", "!",
"?" or "…" followed by a space and a capital letter or digit. ";" and ":" do not end a sentence
(LABELING.md section 5).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..vntext import nfc

#: A sentence end: . ! ? … before a capital or a digit, not after an abbreviation ("No. 36").
SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bTP)(?<!\bMr)(?<!\bSt)(?<!\bDr)[.!?…]+"
                          r"(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])")
#: Longest span read as one sentence; longer runs (a page on one line) are cut at spaces.
MAX_SENTENCE = 1500


class ArticleError(ValueError):
    """An article that cannot be read; the message names the article and the fix."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its span, its line (paragraph) and the line's role."""

    start: int
    end: int
    line: int
    role: str  # "url", "headline", "lead", "body"


#: A percentage written as a word after its number ("95 percent", "5 phần trăm").
PERCENT_WORD = re.compile(r"(?i)(?<=\d) ?(?:percent|per cent|phần trăm)\b")


def clean_text(data: bytes | str, name: str = "article") -> str:
    """Decode (UTF-8 only), unescape HTML, drop tags, normalize Unicode and spacing."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ArticleError(
                f"{name}: not UTF-8 (byte {error.start}); re-save it as UTF-8") from error
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", data)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n", text)
    text = re.sub(r"<[^>\n]{0,500}>", " ", text)
    text = nfc(html.unescape(text)).replace("\u00a0", " ").replace("\u200b", "")
    text = text.replace("Ð", "Đ").replace("\u2019", "'")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = PERCENT_WORD.sub("%", text)  # "95 percent", "70 per cent": one unit for every rule
    text = re.sub(r"\b(VND|US\$|USD)(?=\d)", r"\1 ", text)  # "VND1.2 trillion"
    return re.sub(r" ?\n ?", "\n", text).strip()


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every non-empty line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def line_roles(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Give each line a role: url, headline (first short line), lead (first long one), body."""
    roles, headline, lead = [], False, False
    for start, end in spans:
        line = text[start:end].strip()
        if re.match(r"https?://\S+$", line):
            roles.append("url")
        elif not headline and not lead and len(line) < 200 and not line.endswith((".", ":")):
            roles.append("headline")
            headline = True
        elif not lead and len(line) >= 120:
            roles.append("lead")
            lead = True
        else:
            roles.append("body")
    return roles


def sentences(text: str) -> list[Sentence]:
    """Return the sentences of a text with their line and the line's role."""
    spans = line_spans(text)
    out: list[Sentence] = []
    for index, ((start, end), role) in enumerate(zip(spans, line_roles(text, spans),
                                                     strict=True)):
        cursor = start
        for match in SENTENCE_END.finditer(text[start:end]):
            cut = start + match.end()
            out.extend(Sentence(s, e, index, role) for s, e in _cut(text, cursor, cut))
            cursor = cut
        out.extend(Sentence(s, e, index, role) for s, e in _cut(text, cursor, end))
    return out


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long span at spaces into pieces of at most MAX_SENTENCE characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def clause_bounds(sentence: str, position: int, marks: str = ";") -> tuple[int, int]:
    """Return the clause around position, cut at the given marks."""
    start = max(sentence.rfind(ch, 0, position) for ch in marks) + 1
    ends = [i for i in (sentence.find(ch, position) for ch in marks) if i >= 0]
    return start, min(ends) if ends else len(sentence)
