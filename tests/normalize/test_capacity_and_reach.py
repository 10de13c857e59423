"""What a vehicle carries is its load, not goods given; a number right before a
thing counts it, even where a number after the thing would be its model; a
count reaches past "of" and a possessive; bags are counted in Polish too."""

from __future__ import annotations

import pytest

from tests.normalize.rows import counts_of, offers_of


@pytest.mark.parametrize(
    "details",
    [
        "Грузовик 20 т, рефрижератор. Могу раз в месяц бесплатно довезти гуманитарку",
        "Виділимо вантажівку 10 т для перевезення вугілля",
        "Вожу бус щотижня, можу безкоштовно брати гуманітарку до 300 кг",
    ],
)
def test_what_a_vehicle_carries_is_no_count(details: str) -> None:
    offers, _ = offers_of(details)
    assert [(o.category, o.quantity, o.quantity_estimated) for o in offers] == [("other", 1, True)]


@pytest.mark.parametrize(
    "details",
    [
        "уголь 2 тонны привезу машиной",
        "уголь семечка, машина 2 тонны",
        "уголь 2 тонны, грузовик свой",
        "уголь 2 тонны и грузовик дам",
        "грузовик угля 2 тонны",
    ],
)
def test_goods_carried_by_car_keep_their_weight(details: str) -> None:
    assert counts_of(details) == {"other": 2}


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Wir bringen im Februar 50 Elektroheizungen und 200 Wolldecken nach Charkiw",
         {"appliances": 50, "bedding": 200}),
        ("20 обогревателей масляных", {"appliances": 20}),
        # after the thing, a number is still its model or size
        ("телевизор Минск 15", {"appliances": 1}),
        ("Mamy 60 worków z ubraniami, 100 par butów zimowych", {"clothing": 60, "shoes": 100}),
        ("we can bring 100 sleeping bags, 150 blankets and 40 boxes of children's winter "
         "clothes", {"bedding": 250, "clothing": 40}),
    ],
)  # fmt: skip
def test_a_number_before_a_thing_counts_it(details: str, expected: dict[str, int]) -> None:
    assert counts_of(details) == expected
