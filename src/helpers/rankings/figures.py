"""The measures of the DTI, one published figure (Obs), one clean value (Entry), and how
two scores are compared."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..vntext import fold

PILLARS: dict[str, str] = {
    "chinh_quyen_so": "Chính quyền số",
    "kinh_te_so": "Kinh tế số",
    "xa_hoi_so": "Xã hội số",
}
MAIN_INDICES: dict[str, str] = {
    "nhan_thuc_so": "Nhận thức số",
    "the_che_so": "Thể chế số",
    "ha_tang_so": "Hạ tầng số",
    "nhan_luc_so": "Nhân lực số",
    "an_toan_thong_tin_mang": "An toàn thông tin mạng",
    "hd_chinh_quyen_so": "Hoạt động chính quyền số",
    "hd_kinh_te_so": "Hoạt động kinh tế số",
    "hd_xa_hoi_so": "Hoạt động xã hội số",
}
#: Score-table columns and the measure each holds (the three DTI_* are activity indices).
SCORE_COLUMNS: dict[str, str] = {
    "DTI_Tong": "overall",
    "HaTangSo": "ha_tang_so",
    "DTI_ChinhQuyenSo": "hd_chinh_quyen_so",
    "DTI_KinhTeSo": "hd_kinh_te_so",
    "DTI_XaHoiSo": "hd_xa_hoi_so",
}
ACTIVITY_OF_PILLAR = {p: f"hd_{p}" for p in PILLARS}
OFFICIAL_HOSTS = ("dti.gov.vn",)
#: The assessment year published on both bases (63 provinces and 34 units); later years are
#: published for the 34 units only.
MERGER_YEAR = 2024
#: The ``decimals`` of a score derived as a mean (not printed by anyone).
DERIVED = -1
#: A derived unit score is a mean of values published to 4 places: it carries their rounding.
INPUT_ROUNDING = 0.5e-4

Key = tuple[str, int, int, str]


def measure_type(measure: str) -> str:
    """Return overall, pillar or main_index for a measure id."""
    if measure == "overall":
        return "overall"
    return "pillar" if measure in PILLARS else "main_index"


def main_index_id(label: str) -> str | None:
    """Return the measure id of a main index as published, or None for a 2020 component."""
    if label.strip().startswith("["):
        return None
    bare = fold(re.sub(r"\(.*?\)", "", label)).strip()
    for measure, name in MAIN_INDICES.items():
        if fold(name) == bare:
            return measure
    names = ", ".join(MAIN_INDICES.values())
    raise ValueError(f"{label!r} is not one of the eight main indices ({names})")


def default_basis(year: int | None) -> int | None:
    """Return the basis a year's figures are on when the source does not say (None: either)."""
    if year is None:
        return None
    if year < MERGER_YEAR:
        return 63
    return 34 if year > MERGER_YEAR else None


@dataclass
class Obs:
    """One published figure: where it was read, what it says."""

    file: str
    row: int
    source_id: str
    url: str
    note: str
    name: str
    code: str
    basis: int | None
    year: int
    measure: str
    rank: int | None
    score: float | None
    decimals: int
    origin: str

    @property
    def ref(self) -> str:
        """Return "file:row" of the raw row."""
        return f"{self.file}:{self.row}"

    @property
    def cite(self) -> str:
        """Return the raw row and its URL."""
        return f"{self.ref} {self.url}".strip()


@dataclass
class Entry:
    """One reconciled value in the clean table, with every source that agrees with it."""

    rank: int | None = None
    score: float | None = None
    decimals: int = 4
    rank_origin: str | None = None
    score_origin: str | None = None
    source_id: str = ""
    refs: list[str] = field(default_factory=list)
    n_sources: int = 0


def score_agrees(a: float, a_decimals: int, b: float, b_decimals: int) -> bool:
    """Tell whether two scores agree at the precision they were published (or derived) at.

    ``decimals`` is the number of places printed; ``DERIVED`` marks a mean of rounded values,
    which may differ from the publisher's mean of unrounded values by up to INPUT_ROUNDING.
    """
    places = min(a_decimals if a_decimals != DERIVED else 4, b_decimals if b_decimals != DERIVED
                 else 4) or 4
    slack = INPUT_ROUNDING if DERIVED in (a_decimals, b_decimals) else 0.0
    return abs(a - b) <= 0.5 * 10.0 ** (-places) + slack + 1e-7


def disagreement(entry: Entry, obs: Obs) -> list[str]:
    """Return the fields (rank, score) on which a published figure disagrees with an entry."""
    fields = []
    if obs.rank is not None and entry.rank is not None and obs.rank != entry.rank:
        fields.append("rank")
    if obs.score is not None and entry.score is not None and not score_agrees(
            obs.score, obs.decimals, entry.score, entry.decimals):
        fields.append("score")
    return fields


def as_text(value: object) -> str | None:
    """Format a rank or score for the conflicts table ("9", "0.7089"); None stays None."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | np.integer) or float(value).is_integer():
        return str(int(value))
    return f"{float(value):.6g}"


def origin_of(carriers: list[Obs], value: object) -> str | None:
    """Return the origin of a value: official when any source carrying it is official."""
    if value is None:
        return None
    return "official" if any(o.origin == "official" for o in carriers) else "reported"


def derive_ranks(scores: dict[str, float], places: int = 4) -> dict[str, int]:
    """Rank by score, highest first; equal scores (at the given places) share the best rank."""
    series = pd.Series(scores, dtype=float).round(places)
    return series.rank(method="min", ascending=False).astype(int).to_dict()
