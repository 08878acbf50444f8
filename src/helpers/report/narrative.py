"""The pages' wording helpers: number formats, ordinals, cities, conflicts, moves and templates."""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup, escape

from .. import config, provinces, vocab
from . import words

LANGS = words.LANGS

#: Interface words by language (words/<lang>.py). Province and index names stay in Vietnamese.
TEXT: dict[str, dict[str, str]] = words.table("TEXT")

MEASURE_NAMES = vocab.MEASURE_NAMES

#: Words of TEXT that name the page's own place as a province ("tỉnh"), said of a city otherwise.
_OWN_PLACE = ("province_unchanged", "unit_unchanged", "province_page", "targets", "claimed",
              "links", "method_2024")


def is_city(code: str) -> bool:
    """Tell whether a province or unit is a centrally-run city (Hà Nội, Đà Nẵng, ...)."""
    units = provinces.units()
    if code.startswith("U"):
        return str(units.loc[code, "full_name"]).startswith("Thành phố")
    info = provinces.provinces().loc[code]
    unit = units.loc[info["unit_code"]]
    return str(unit["full_name"]).startswith("Thành phố") and \
        vocab.place_name(unit["name_vi"]) == vocab.place_name(info["name_vi"])


def place_word(code: str, lang: str) -> str:
    """Return what the page's place is called: "tỉnh" or "thành phố" (Vietnamese only)."""
    return "thành phố" if lang == "vi" and is_city(code) else "tỉnh"


def page_text(lang: str, code: str) -> dict[str, str]:
    """Return TEXT for one page: a centrally-run city is "thành phố", not "tỉnh", in Vietnamese."""
    return own_place(TEXT[lang], _OWN_PLACE, code, lang)


def own_place(words: dict[str, str], keys: tuple[str, ...], code: str, lang: str
              ) -> dict[str, str]:
    """Return words with "tỉnh" said as "thành phố" in the given keys, on a city's page."""
    if lang != "vi" or not is_city(code):
        return words
    return {**words, **{k: words[k].replace(" tỉnh", " thành phố").replace("tỉnh ", "thành phố ")
                        for k in keys}}


def measure_name(measure: str, lang: str) -> str:
    """Return a measure's display name in a language."""
    return vocab.measure_name(measure, lang)


def wrap(text: str, width: int) -> str:
    """Break a label into lines of at most about `width` characters (for chart axes)."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def number(value: float | None, lang: str, digits: int = 4) -> str:
    """Format a number with the language's decimal mark ("0.7364" / "0,7364")."""
    if value is None or value != value:
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def ordinal(rank: int | None, lang: str) -> str:
    """Return "21st" in English or "thứ 21" in Vietnamese."""
    if rank is None or rank != rank:
        return "–"
    rank = int(rank)
    if lang == "vi":
        return f"thứ {rank}"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def ranked(rank: int | None, lang: str, tied: bool = False) -> str:
    """Return a rank in a sentence, a shared one marked: "joint 13th" / "đồng hạng 13"."""
    if not tied or rank is None or rank != rank:
        return ordinal(rank, lang)
    return f"đồng hạng {int(rank)}" if lang == "vi" else f"joint {ordinal(rank, lang)}"


def conflict_item(item: dict, t: dict, lang: str, kept_source: str = "") -> str:
    """Word one disagreement: the source's figure, and the one kept here or that none is."""
    def shown(value: str) -> str:
        return number(float(value), lang) if item["field"] == "score" else str(value)

    text = t["conflict_item"].format(measure=measure_name(item["measure"], lang),
                                     field=t["field_" + item["field"]], other=shown(item["other"]))
    why = t.get("why_" + str(item.get("reason", "")), "").format(**item.get("params", {}))
    if item.get("withheld"):
        return text + t["conflict_withheld"].format(why=why)
    return text + t["conflict_kept"].format(kept=shown(item["kept"]), kept_source=kept_source,
                                            why=why)


def in_language(text: object, lang: str) -> Markup:
    """Return a text for a page of `lang`, marked lang="vi" when it is Vietnamese on a page in
    another language (a publisher or document name shown as written), a known publisher
    followed by its English gloss (vocab.PUBLISHERS_EN), escaped either way."""
    shown = "" if text is None else str(text)
    if lang == "vi" or not any(ord(ch) > 127 for ch in shown):
        return escape(shown)
    name, gloss, rest = vocab.publisher_gloss(shown)
    if gloss:
        return Markup('<span lang="vi">{}</span> ({}){}').format(name, gloss,
                                                               in_language(rest, lang))
    return Markup('<span lang="vi">{}</span>').format(shown)


@cache
def environment() -> jinja2.Environment:
    """Return the Jinja2 environment of src/helpers/templates (HTML autoescaped)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = number
    env.filters["ordinal"] = ordinal
    env.filters["ranked"] = ranked
    env.filters["measure"] = measure_name
    env.filters["origin"] = vocab.origin_name
    env.filters["mark"] = vocab.origin_mark
    env.filters["factor"] = vocab.factor_name
    env.filters["place"] = vocab.place_name
    env.filters["basis"] = vocab.basis_name
    env.filters["kind"] = vocab.source_kind_name
    env.filters["conflict_item"] = conflict_item
    env.filters["in_language"] = in_language
    return env


def render(template: str, **context: object) -> str:
    """Render one template with the given context."""
    return environment().get_template(template).render(**context)
