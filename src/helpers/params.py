"""Report parameters, checked before anything is built or replaced: one line per bad value."""

from __future__ import annotations

import pandas as pd

from . import provinces

LANGS = ("en", "vi")
BASES = (63, 34)


class ParameterError(ValueError):
    """A report parameter that names no report; the message says which values are accepted."""


def code_of(value: object) -> str | None:
    """Return the province or unit code a code-like value names ("01", 1, "u27"), else None."""
    text = str(value).strip().upper()
    if text.isdigit():
        text = text.zfill(2)
    elif text.startswith("U") and text[1:].isdigit():
        text = "U" + text[1:].zfill(2)
    known = set(provinces.provinces()["code"]) | set(provinces.units()["code"])
    return text if text in known else None


def resolve(value: object, basis: int | None = None, year: int | None = None) -> str:
    """Return the code a name or code names (codes kept as strings: "01" is Hà Nội)."""
    code = code_of(value)
    if code is not None:
        return code
    return provinces.resolve(str(value), basis=basis, year=year)  # raises with candidates


def basis_of(value: object) -> int:
    """Return 63 or 34 from a basis parameter; anything else is a ParameterError."""
    try:
        basis = int(str(value).strip())
    except ValueError:
        basis = 0
    if basis not in BASES:
        raise ParameterError(f"basis {value!r} is not valid: use 63 (the provinces before "
                             "1 July 2025) or 34 (the units formed then)")
    return basis


def lang_of(value: object) -> str:
    """Return "en" or "vi"; anything else is a ParameterError."""
    if value not in LANGS:
        raise ParameterError(f"lang {value!r} is not valid: use one of {', '.join(LANGS)}")
    return str(value)


def published_years(ranked: pd.DataFrame) -> list[int]:
    """Return the assessment years the clean table holds (any basis)."""
    return sorted(int(y) for y in ranked["year"].dropna().unique())


def year_of(value: object, ranked: pd.DataFrame) -> int | None:
    """Return a published year (None for 0/empty: the latest); anything else is an error."""
    if value in (None, "", 0, "0"):
        return None
    years = published_years(ranked)
    try:
        year = int(str(value).strip())
    except ValueError:
        year = None
    if year not in years:
        span = f"{years[0]}-{years[-1]}" if years else "none yet (run `dti run data`)"
        raise ParameterError(f"year {value!r} is not a published assessment year ({span}); "
                             "use one of them, or 0 for the latest")
    return year


def check_report(province: object, year: object, lang: object, basis: object,
                 ranked: pd.DataFrame) -> tuple[str, int | None]:
    """Check a report's parameters; return its code and year (None: the latest)."""
    lang_of(lang)
    chosen = basis_of(basis)
    return resolve(province, basis=chosen), year_of(year, ranked)



def _list_item(value: object, item: type) -> object:
    """Return one list element as the type asked for (2023.0 is 2023); raise ValueError."""
    if isinstance(value, list | dict | tuple):
        raise ValueError("nested")
    if item is int:
        number = float(value)  # type: ignore[arg-type]
        if not number.is_integer():
            raise ValueError("not whole")
        return int(number)
    return item(value)


def list_of(value: object, name: str, item: type = int) -> list | None:
    """Return a list parameter as a list (None when empty); parse "[2022, 2023]" or "2022,2023"
    as papermill's -p passes it; anything else is a ParameterError naming the parameter."""
    if value is None or value == "" or value == []:
        return None
    items = value
    if isinstance(value, str):
        import yaml  # only for a list passed as text

        text = value.strip()
        try:
            items = yaml.safe_load(text if text.startswith("[") else f"[{text}]")
        except yaml.YAMLError:
            items = None
    what, example = ("whole numbers", "[2022, 2023]") if item is int else ("names", "[a, b]")
    fix = f"pass a list of {what}, such as -y \"{name}: {example}\" or -p {name} \"{example}\""
    if not isinstance(items, list | tuple):
        raise ParameterError(f"{name} {value!r} is not a list; {fix}")
    try:
        return [_list_item(v, item) for v in items] or None
    except (TypeError, ValueError):
        raise ParameterError(f"{name} {value!r} is not a list of {what}; {fix}") from None
