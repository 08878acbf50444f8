"""Page design rules that need no data: history lines, tile colours, tile positions."""


from helpers import provinces
from helpers.build import publish
from helpers.report import figures


def test_history_lines_break_at_the_method_change_and_at_missing_years():
    rows = [{"year": year, "rank": rank}
            for year, rank in ((2022, 7), (2020, 5), (2021, 6), (2023, None), (2024, 8))]
    runs = [[r["year"] for r in run] for run in figures.segments(rows, "rank")]
    assert runs == [[2020], [2021, 2022], [2024]]


def test_every_tile_colour_has_text_at_4_5_to_1_or_better():
    for fill in [*publish.PALETTE, "#eeeeee"]:
        assert publish.contrast(publish.ink_for(fill), fill) >= 4.5, fill
    muted, soft = "#5b6472", "#f3f6fa"
    assert publish.contrast(muted, "#ffffff") >= 4.5 and publish.contrast(muted, soft) >= 4.5


def test_unit_tiles_sit_where_their_name_holding_province_sits():
    provinces_grid = publish.tile_grid("province").set_index("code")
    units_grid = publish.tile_grid("unit").set_index("code")
    assert sorted(units_grid.index) == sorted(provinces.units().index)
    assert not units_grid.duplicated(["row", "col"]).any()
    holders = provinces_grid.loc[[c[1:] for c in units_grid.index]]
    assert list(units_grid["col"]) == list(holders["col"])
    order = units_grid.assign(old=holders["row"].to_numpy()).sort_values("old")
    assert order["row"].is_monotonic_increasing, "north-south order kept"
