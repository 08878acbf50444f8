"""Vietnamese text: numbers as written in the press, and name folding for matching.

Conventions are explicit. Vietnamese writes a decimal comma and groups thousands with a dot
("1.380" is 1380, "56,83" is 56.83); the ministry's portal and English sources write a
decimal point. Every parser takes ``decimal=","`` or ``decimal="."`` and refuses a number
that does not follow it, rather than guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Decimal = Literal[",", "."]

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@dataclass(frozen=True)
class RankOf:
    """A rank with the size of the field it was ranked in ("07/63" is 7 of 63)."""

    rank: int
    of: int | None = None


def nfc(text: str) -> str:
    """Return text in Unicode NFC with tone marks on the conventional vowel."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Return lower-case text without Vietnamese diacritics (đ becomes d)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def normalize_dashes(text: str) -> str:
    """Replace typographic dashes and minus signs with a plain hyphen."""
    return re.sub(f"[{_DASHES}]", "-", text)


def _number_pattern(decimal: Decimal) -> re.Pattern[str]:
    """Return the regex of one number written in the given convention."""
    group = "." if decimal == "," else ","
    g, d = re.escape(group), re.escape(decimal)
    return re.compile(rf"^[+-]?(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}\d+)?$")


def parse_number(text: str, decimal: Decimal = ",") -> float:
    """Parse one number written with the given decimal separator; raise ValueError otherwise."""
    if decimal not in (",", "."):
        raise ValueError(f"decimal must be ',' or '.', not {decimal!r}")
    cleaned = normalize_dashes(str(text)).strip().replace("\u00a0", "").replace(" ", "")
    if not _number_pattern(decimal).match(cleaned):
        convention = "decimal comma, thousands dot" if decimal == "," else "decimal point"
        raise ValueError(f"{text!r} is not a number in the {convention} convention")
    group = "." if decimal == "," else ","
    return float(cleaned.replace(group, "").replace(decimal, "."))


def parse_score(text: str) -> float:
    """Parse a DTI-style score ("0,6077" or "0.6077"): one separator, always decimal."""
    cleaned = str(text).strip()
    if not re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", cleaned):
        raise ValueError(f"{text!r} is not a score: expected digits with one decimal separator")
    return float(cleaned.replace(",", "."))


def decimals_of(text: str) -> int:
    """Return how many decimal places a published number shows ("0,24" shows 2)."""
    match = re.search(r"[.,](\d+)\s*$", str(text).strip())
    return len(match.group(1)) if match else 0


_RANK = re.compile(r"^(?:thứ|hạng|vị trí)?\s*0*(?P<rank>\d+)\s*(?:/\s*0*(?P<of>\d+))?$", re.I)


def parse_rank(text: str | int) -> RankOf:
    """Parse a rank such as "7", "07/63" or "thứ 7/63"; raise ValueError if out of range."""
    cleaned = nfc(str(text)).strip()
    match = _RANK.match(cleaned)
    if not match:
        raise ValueError(f"{text!r} is not a rank: expected a whole number such as 7 or 07/63")
    rank = int(match.group("rank"))
    of = int(match.group("of")) if match.group("of") else None
    if rank < 1 or (of is not None and rank > of):
        limit = f"1..{of}" if of else "1 or more"
        raise ValueError(f"rank {rank} is outside {limit}")
    return RankOf(rank, of)
