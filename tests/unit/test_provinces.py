"""Province names: spellings in use resolve; unknown names fail with candidates."""

import unicodedata

import pytest

from helpers import provinces


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Thừa Thiên - Huế", "46"), ("Thừa Thiên Huế", "46"), ("TT-Huế", "46"), ("Huế", "46"),
        ("Hue", "46"), ("Thua Thien-Hue", "46"), ("TP. Huế", "46"),
        ("Thanh Hóa", "38"), ("Thanh Hoá", "38"), ("THANH HOA", "38"),
        ("Hòa Bình", "17"), ("Hoà Bình", "17"),
        ("TP. Hồ Chí Minh", "79"), ("Thành phố Hồ Chí Minh", "79"), ("TP.HCM", "79"),
        ("Ho Chi Minh City", "79"), ("TPHCM", "79"),
        ("Hanoi", "01"), ("Tỉnh Bắc Ninh", "27"), ("BRVT", "77"), ("Bà Rịa – Vũng Tàu", "77"),
        ("QNINH", "22"), ("HGIANG", "02"), ("HAUGIANG", "93"), ("Đăk Lăk", "66"),
        ("Bắc Cạn", "06"), ("former Quang Nam Province", "49"),
    ],
)
def test_resolve_accepts_the_spellings_in_use(name, code):
    assert provinces.resolve(name) == code


def test_resolve_ignores_unicode_normal_form():
    name = "Bình Định"
    assert provinces.resolve(unicodedata.normalize("NFD", name)) == "52"
    assert provinces.resolve(unicodedata.normalize("NFC", name)) == "52"


def test_unknown_name_names_the_closest_candidates():
    with pytest.raises(provinces.UnknownProvinceError, match="did you mean 'Bắc Ninh'"):
        provinces.resolve("Bắc Nihn")


def test_names_shared_by_a_province_and_a_unit_resolve_by_basis():
    assert provinces.resolve("Đà Nẵng") == "48"
    assert provinces.resolve("Đà Nẵng", basis=34) == "U48"
    assert provinces.resolve("new Da Nang") == "U48"
    assert provinces.resolve("Huế", year=2025) == "U46"
    assert provinces.resolve("Huế", year=2024) == "46"
    with pytest.raises(provinces.UnknownProvinceError, match="merged into Đà Nẵng"):
        provinces.resolve("Quảng Nam", basis=34)
