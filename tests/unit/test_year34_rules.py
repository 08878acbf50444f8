"""Years published for the 34 units only: the index's rows and tiles, and the model's refusal.

Invented tables only; the drill year end to end (cleaned data, pages) is in
tests/build/test_year34.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.build import publish
from helpers.model import stage as model


def test_index_rows_of_a_34_only_year_show_the_units_rank_of_34():
    rows = [{"geography": "province", "code": "10", "name": "Lào Cai", "rank": None,
             "score": None, "change": None, "n": 63, "origin": "", "via_unit": ""},
            {"geography": "province", "code": "01", "name": "Hà Nội", "rank": None,
             "score": None, "change": None, "n": 63, "origin": "", "via_unit": ""}]
    shown = publish.unit_standings(rows, {"U10": 12, "U01": 2}, {"U10": 0.7, "U01": 0.9})
    assert [(r["code"], r["rank"], r["n"], r["via_unit"]) for r in shown] == [
        ("01", 2, 34, "Hà Nội"), ("10", 12, 34, "Lào Cai")]
    tiles = publish.tile_svg({"10": 12}, "en", n=34)
    assert "<title>Lào Cai: 12/34</title>" in tiles


def test_a_34_only_year_is_not_modelled_and_the_reason_is_given():
    units = [f"U{i:02d}" for i in range(1, 35)]
    ranked = pd.concat([
        pd.DataFrame({"province_code": [f"{i:02d}" for i in range(1, 64)], "basis": 63,
                      "year": 2024, "measure": "overall", "score": 0.5, "rank": 1}),
        pd.DataFrame({"province_code": units, "basis": 34, "year": 2025, "measure": "overall",
                      "score": 0.5, "rank": 1})])
    assert model.unit_only_years(ranked) == [2025]
    with pytest.raises(ValueError, match=r"2025: not modelled: .*34 units only \(n = 34 units\)"):
        model.run(ranked, None, [2025])  # type: ignore[arg-type]
