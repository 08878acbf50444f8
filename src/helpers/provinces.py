"""The canonical provinces (63, before 1 July 2025) and units (34, after), and name resolution.

Codes: a province keeps its two-digit GSO code as a string ("27" is Bắc Ninh). A 2025 unit
gets ``U`` + the GSO code of the predecessor whose name it carries ("U27" is the unit Bắc Ninh,
formed from Bắc Ninh and Bắc Giang). No official code list for the units is held in
``data/raw``, so none is invented; this rule derives one from the resolution's own table.

``resolve(name)`` accepts every spelling met in ``data/raw``: with or without diacritics,
either tone-mark placement, NFC or NFD, "TP."/"Thành phố"/"Tỉnh" prefixes, hyphen and
spacing variants, English names, short codes and PCI letter codes (the last listed in
``src/helpers/data/province_aliases.csv``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

import pandas as pd

from . import config
from .vntext import fold, nfc, normalize_dashes

Basis = Literal[63, 34]

#: Words around a name that do not change which province it is.
_LEADING = ("thanh pho", "tp", "tinh", "city of", "province of")
_TRAILING = ("city", "province")
_FORMER = ("former", "old", "cu")
_NEW = ("new", "moi")


class UnknownProvinceError(KeyError):
    """A name that resolves to no province, with the closest candidates."""

    def __init__(self, name: str, candidates: list[str], reason: str = "") -> None:
        self.name = name
        self.candidates = candidates
        hint = f"; did you mean {' or '.join(repr(c) for c in candidates)}?" if candidates else ""
        detail = f" ({reason})" if reason else ""
        super().__init__(f"unknown province {name!r}{detail}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class ParsedName:
    """A name reduced to its matching key, with the basis its wording implies."""

    key: str
    basis_hint: Basis | None


def _is_latin(text: str) -> bool:
    """Tell whether every letter in text is Latin (Vietnamese included)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def parse_name(name: str) -> ParsedName:
    """Reduce a province name to a matching key and the basis its wording implies."""
    text = normalize_dashes(nfc(str(name))).strip()
    basis: Basis | None = None
    paren = re.search(r"\(([^)]*)\)", text)
    if paren:
        inside = fold(paren.group(1))
        if "merged" in inside or "sap nhap" in inside:
            basis = 34
        elif inside.strip() in _FORMER:
            basis = 63
        text = (text[: paren.start()] + text[paren.end() :]).strip()
    if not _is_latin(text):
        return ParsedName(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)), basis)
    words = re.sub(r"[.\-_,/]", " ", fold(text)).split()
    if words and words[0] in _FORMER:
        basis, words = 63, words[1:]
    elif words and words[0] in _NEW:
        basis, words = 34, words[1:]
    joined = " ".join(words)
    for prefix in _LEADING:
        if joined.startswith(prefix + " "):
            joined = joined[len(prefix) + 1 :]
            break
    for suffix in _TRAILING:
        if joined.endswith(" " + suffix):
            joined = joined[: -len(suffix) - 1]
            break
    return ParsedName(joined.replace(" ", ""), basis)


def name_key(name: str) -> str:
    """Return the key two spellings of one province share."""
    return parse_name(name).key


def slugify(name: str) -> str:
    """Return an ASCII slug ("Bà Rịa - Vũng Tàu" becomes "ba-ria-vung-tau")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(nfc(name))).strip("-")


def _read_reference(path: object) -> pd.DataFrame:
    """Read a reference CSV as strings, names in NFC."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return frame.apply(lambda col: col.map(nfc))


@cache
def _reference() -> pd.DataFrame:
    """Return provinces.csv joined with the 2025 merger table, one row per province."""
    table = _read_reference(config.PROVINCES_CSV)
    merger = _read_reference(config.MERGER_CSV)[["old_gso_code", "new_unit", "merged"]]
    table = table.merge(merger, left_on="gso_code", right_on="old_gso_code", how="left")
    return table.rename(columns={"gso_code": "code", "new_unit": "unit_name"})


@cache
def provinces() -> pd.DataFrame:
    """Return the 63 provinces: code, names, slug, region, PCI/PAPI codes and 2025 unit."""
    table = _reference().copy()
    table["slug"] = table["name_vi"].map(slugify)
    table["merged"] = table["merged"].eq("yes")
    table["unit_code"] = "U" + table["unit_name"].map(lambda u: _lookup()[name_key(_unit_short(u))])
    columns = ["code", "name_vi", "name_ascii", "slug", "region", "region_en_nso",
               "pci_code", "papi_code", "unit_code", "unit_name", "merged", "name_en_variants"]
    return table[columns].set_index("code", drop=False).rename_axis(None)


def _unit_short(unit_name: str) -> str:
    """Return a unit's name without "Tỉnh"/"Thành phố" ("Tỉnh Bắc Ninh" becomes "Bắc Ninh")."""
    return re.sub(r"^(Tỉnh|Thành phố)\s+", "", nfc(unit_name))


@cache
def units() -> pd.DataFrame:
    """Return the 34 units of 2025: code, names, slug, predecessors, area and population."""
    table = _read_reference(config.NEW_UNITS_CSV)
    prov = provinces()
    by_key = _lookup()
    table["name_vi"] = table["new_unit"].map(_unit_short)
    table["code"] = "U" + table["name_vi"].map(lambda n: by_key[name_key(n)])
    table["predecessors"] = table["old_provinces"].map(
        lambda s: tuple(sorted(by_key[name_key(p)] for p in s.split("+")))
    )
    table["slug"] = table["name_vi"].map(slugify)
    holder = table["code"].str[1:]
    table["region"] = holder.map(prov["region"])
    table["region_en_nso"] = holder.map(prov["region_en_nso"])
    table = table.rename(columns={"new_unit": "full_name"})
    columns = ["code", "name_vi", "full_name", "slug", "predecessors", "region", "region_en_nso",
               "area_km2_per_NQ202", "population_persons_per_NQ202"]
    return table[columns].set_index("code", drop=False).rename_axis(None)


@cache
def _aliases() -> dict[str, str]:
    """Return extra spellings (PCI codes, short forms, Japanese names) keyed to a GSO code."""
    table = _read_reference(config.ALIASES_CSV)
    return {name_key(a): c for a, c in zip(table["alias"], table["code"], strict=True)}


@cache
def _lookup() -> dict[str, str]:
    """Return every known key (names, ASCII names, English variants, aliases) to GSO code."""
    index: dict[str, str] = {}
    for _, row in _reference().iterrows():
        spellings = [row["name_vi"], row["name_ascii"], *row["name_en_variants"].split("|")]
        for spelling in spellings:
            index[name_key(spelling)] = str(row["code"])
    for key, code in _aliases().items():
        if index.setdefault(key, code) != code:
            raise ValueError(f"alias key {key!r} maps to {code} and {index[key]}")
    return index


def _candidates(key: str, n: int = 3) -> list[str]:
    """Return the display names closest to a key."""
    table = provinces()
    lookup = _lookup()
    close = difflib.get_close_matches(key, list(lookup), n=n * 3, cutoff=0.6)
    names: list[str] = []
    for match in close:
        name = table.loc[lookup[match], "name_vi"]
        if name not in names:
            names.append(name)
    return names[:n]


def resolve(name: str, *, year: int | None = None, basis: Basis | None = None) -> str:
    """Return the GSO code (basis 63) or unit code (basis 34) a name stands for.

    Without a basis, the wording decides ("former Da Nang" is 63, "new Da Nang" 34), then the
    year (2025 onwards is the 34 basis), else the 63 basis. On the 34 basis the name must be a
    unit's own name: "Quảng Nam" is no unit, it merged into Đà Nẵng (U48).
    """
    parsed = parse_name(name)
    code = _lookup().get(parsed.key)
    if code is None:
        raise UnknownProvinceError(str(name), _candidates(parsed.key))
    chosen = basis or parsed.basis_hint or (34 if year is not None and year >= 2025 else 63)
    if chosen == 63:
        return code
    unit_code = "U" + code
    if unit_code not in units().index:
        merged_into = provinces().loc[code, "unit_code"]
        unit = units().loc[merged_into, "name_vi"]
        raise UnknownProvinceError(
            str(name), [unit], f"not a 2025 unit: it merged into {unit} ({merged_into})"
        )
    return unit_code


def basis_hint(name: str) -> Basis | None:
    """Return the basis a name's wording implies ("former X": 63, "new X": 34), if any."""
    return parse_name(name).basis_hint


def display_name(code: str) -> str:
    """Return the Vietnamese name of a province (GSO code) or unit (U code)."""
    table = units() if code.startswith("U") else provinces()
    return str(table.loc[code, "name_vi"])


def unit_of(code: str) -> str:
    """Return the 2025 unit code a province (GSO code) belongs to."""
    return str(provinces().loc[code, "unit_code"])


def predecessors(unit_code: str) -> tuple[str, ...]:
    """Return the GSO codes of the provinces a 2025 unit was formed from."""
    return tuple(units().loc[unit_code, "predecessors"])


def crosswalk() -> pd.DataFrame:
    """Return the province-to-unit crosswalk (one row per province, 63 rows)."""
    table = provinces()[["code", "name_vi", "unit_code", "merged"]].reset_index(drop=True)
    table["unit_name"] = table["unit_code"].map(units()["name_vi"])
    return table
