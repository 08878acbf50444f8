"""Numbers as the press writes them, per language: digits, ordinals and number words.

Vietnamese groups thousands with a dot and writes a decimal comma ("3.252", "56,83"); English
the other way round ("26,500", "88.9"). A text may mix them ("801.91/1.000 điểm"), so each
number is read on its own: a separator followed by exactly three digits groups thousands in the
text's own convention, any other separator is a decimal mark.
"""

from __future__ import annotations

import re

#: A written number: digits with optional groups and decimals ("1.380", "56,83", "26,500").
NUMBER = r"\d+(?:[.,]\d+)*"

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                  "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                  "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "sixtieth": 60}

#: English ordinal words, "first" ... "sixty-second" (a regex alternative, longest first).
EN_ORDINAL = (r"(?:(?:twenty|thirty|forty|fifty|sixty)[- ](?:first|second|third|fourth|fifth|"
              r"sixth|seventh|eighth|ninth)|" + "|".join(sorted(
                  [*_ORDINAL_UNITS, *_ORDINAL_TENS], key=len, reverse=True)) + r")")
#: English cardinal words used for small counts ("two spots").
EN_CARDINAL = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|"
               r"four|five|six|seven|eight|nine)\b|"
               + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")")

#: Vietnamese number words; "năm" (five) is only read where a count is expected.
VI_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
            "tám": 8, "chín": 9, "mười": 10, "nhất": 1, "nhì": 2}
_VI_UNIT = r"(?:một|mốt|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín)"
#: Vietnamese number words up to 69, compounds first ("mười hai" 12, "hai mươi mốt" 21).
VI_WORD = (rf"(?:mười {_VI_UNIT}|(?:hai|ba|bốn|năm|sáu) mươi(?: {_VI_UNIT})?|"
           r"một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|nhất|nhì)")


def language(text: str) -> str:
    """Return "vi" when a text carries Vietnamese diacritics often enough, else "en"."""
    letters = re.findall(r"[^\W\d_]", text[:4000])
    marked = re.findall(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                        text[:4000].lower())
    return "vi" if letters and len(marked) / len(letters) > 0.04 else "en"


def parse(text: str, lang: str = "vi") -> float:
    """Parse one written number in a language's convention ("3.252" vi, "26,500" en)."""
    s = text.strip()
    group, decimal = (".", ",") if lang == "vi" else (",", ".")
    parts = re.split(r"([.,])", s)
    if len(parts) == 1:
        return float(s)
    seps = parts[1::2]
    digits = parts[0::2]
    out = digits[0]
    for sep, chunk in zip(seps, digits[1:], strict=True):
        is_group = len(chunk) == 3 and (sep == group or (sep == decimal and len(seps) > 1
                                                          and sep != seps[-1]))
        if (sep == group and len(chunk) != 3) or out == "0":
            is_group = False  # "801.91" in a Vietnamese text, "0.488": a decimal point
        out += chunk if is_group else "." + chunk
    if out.count(".") > 1:  # several decimal marks: keep the last as the decimal
        head, _, tail = out.rpartition(".")
        out = head.replace(".", "") + "." + tail
    return float(out)


def en_ordinal(word: str) -> int:
    """Return the value of an English ordinal word ("sixty-second" is 62)."""
    w = word.lower().replace(" ", "-")
    if "-" in w:
        tens, unit = w.split("-", 1)
        return _TENS[tens] + _ORDINAL_UNITS[unit]
    return _ORDINAL_UNITS.get(w) or _ORDINAL_TENS[w]


def en_cardinal(word: str) -> int:
    """Return the value of an English number word up to ninety."""
    w = word.lower()
    if "-" in w:  # "thirty-two"
        tens, unit = w.split("-", 1)
        return _TENS[tens] + _UNITS[unit]
    return _UNITS.get(w) if w in _UNITS else _TENS[w]


def vi_number(words: str) -> int | None:
    """Return the value of Vietnamese number words ("mười hai" 12, "ba mươi lăm" 35)."""
    units = {**VI_WORDS, "mốt": 1, "lăm": 5, "mười": 10}
    parts = words.split()
    if len(parts) == 1:
        return VI_WORDS.get(parts[0])
    if parts[0] == "mười" and len(parts) == 2:
        return 10 + units.get(parts[1], 0)
    if len(parts) in (2, 3) and parts[1] == "mươi" and parts[0] in units:
        return 10 * units[parts[0]] + (units.get(parts[2], 0) if len(parts) == 3 else 0)
    return None


def small_number(token: str, lang: str = "vi") -> int | None:
    """Read a small count written in digits ("05") or words ("năm", "two"); None otherwise."""
    t = token.strip().lower()
    if t.isdigit():
        return int(t)
    if vi_number(t):
        return vi_number(t)
    if t in _UNITS or t in _TENS:
        return en_cardinal(t)
    return None


def ordinal_value(token: str) -> int | None:
    """Read a rank written "7", "07", "7th", "thứ tư", "nhất" or "sixty-second"."""
    t = token.strip().lower()
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", t)
    if digits:
        return int(digits.group(1))
    if vi_number(t):
        return vi_number(t)
    try:
        return en_ordinal(t)
    except KeyError:
        return None
