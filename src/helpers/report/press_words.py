"""The press facts' descriptions (helpers.press writes them in English) worded for a page.

A reviewed fact says what it measures in a small closed vocabulary ("target: digital economy
share of GRDP (%)", "DTI pillar rank (kinh_te_so)") and never quotes its article. English pages
show it as it is; Vietnamese pages get the same description in Vietnamese. Older rows written in
Vietnamese are shown as they are on both, marked as Vietnamese on English pages.
"""

from __future__ import annotations

import re

from .. import vocab
from .words import vi

#: The measures helpers.press.concepts names, in Vietnamese.
CONCEPTS_VI = vi.PRESS_CONCEPTS
#: Fixed descriptions and the heads of described ones ("target: X (unit)"), in Vietnamese.
PHRASES_VI = vi.PRESS_PHRASES
#: English names of the DTI main indicators met in the press, beside vocab's own.
MAIN_INDICATORS_EN = {
    "digital cognition": "nhan_thuc_so", "network information security": "an_toan_thong_tin_mang",
    "digital government activities": "hd_chinh_quyen_so",
    "digital economic activities": "hd_kinh_te_so", "digital social activities": "hd_xa_hoi_so",
    "digital economy": "kinh_te_so", "digital society": "xa_hoi_so",
    **{v["en"].lower(): k for k, v in vocab.MEASURE_NAMES.items()},
}
_HEAD = re.compile(r"^(?P<head>[A-Za-z][A-Za-z -]*?)(?:: (?P<what>[^()]+?))?"
                   r"(?: \((?P<detail>[^()]*)\))?$")


def is_vietnamese(text: str) -> bool:
    """Tell whether a text is written in Vietnamese (carries its letters)."""
    return any(ord(ch) > 127 for ch in str(text))


def describe(text: str, lang: str) -> str:
    """Return a press fact's description in a page's language (as it is when unknown)."""
    text = str(text or "").strip()
    if lang != "vi":
        return text
    match = _HEAD.match(text)
    if not match or match["head"] not in PHRASES_VI:
        return text
    out = PHRASES_VI[match["head"]]
    if match["what"]:
        what = match["what"].strip()
        measure = MAIN_INDICATORS_EN.get(what.lower(), what)
        out += ": " + (CONCEPTS_VI.get(what) or vocab.measure_name(measure, "vi"))
    if match["detail"] is not None:
        detail = match["detail"]
        worded = PHRASES_VI.get(detail) or CONCEPTS_VI.get(detail)
        if worded is None and detail != vocab.measure_name(detail, "vi"):
            worded = vocab.measure_name(detail, "vi")
        out += f" ({worded if worded is not None else detail})"
    return out


def lang_of(text: str, lang: str) -> str:
    """Return the language a description is shown in on a page of `lang`."""
    return "vi" if lang == "vi" or is_vietnamese(text) else "en"
