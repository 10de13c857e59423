"""Needs copied from a notice board, counts per line in the quantity cell, what a
thing is counted for, denied things, words and units typed abroad, a vehicle the
goods travel by, and pleas to bring things."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("з дошки оголошень: Коваль О., кв. 8 — ковдра і подушка", {"bedding"}),
        ("с доски: пенсионер с 3 этажа — обогреватель", {"appliances"}),
    ],
)
def test_a_need_read_off_the_notice_board_names_no_board(item: str, expected: set[str]) -> None:
    needs, _ = needs_of(item, "1")
    assert {n.category for n in needs} == expected


def test_a_board_given_away_is_still_a_thing() -> None:
    assert categories_of("дошка обробна дерев'яна, 2 шт", "Посуда") == {"kitchenware"}


@pytest.mark.parametrize(
    ("item", "cell", "expected"),
    [
        ("куртка чоловіча 50 р., черевики 42 р.", "1 + 1 пара", {"clothing": 1, "shoes": 1}),
        ("куртка чоловіча 50 р., черевики 42 р.", "2+3", {"clothing": 2, "shoes": 3}),
        # one text read under two categories has no order of its own
        ("посуда детская: тарелки, чашки", "20+20", {"kitchenware": 40}),
    ],
)
def test_counts_joined_by_plus_go_to_the_lines_in_order(item: str, cell: str, expected) -> None:  # type: ignore[no-untyped-def]
    needs, _ = needs_of(item, cell)
    counts = {n.category: n.quantity for n in needs}
    assert {code: counts.get(code) for code in expected} == expected


def test_what_a_need_is_counted_for_is_no_need_of_its_own() -> None:
    needs, _ = needs_of("матраци, подушки — на 15 ліжок", "15")
    assert {n.category for n in needs} == {"bedding"}


def test_a_size_after_on_stays_a_thing() -> None:
    assert counts_of("На 2 роки: кофти 2. На 3: комбінезон", "Одежда") == {"clothing": 3}


def test_a_thing_denied_after_its_adjective_is_not_asked_for() -> None:
    needs, _ = needs_of("бойлер на 50 л (нема гарячої води)", "1", "SOS")
    assert [(n.category, n.urgency) for n in needs] == [("appliances", "high")]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Our school collected 15 boxes of clothes and 25 pairs of boots", "Одежда, Обувь",
         {"clothing": (15, "boxes"), "shoes": (25, "pairs")}),
        ("zimní bundy 12 ks, deky 30 ks", "Одежда, Постельное бельё",
         {"clothing": (12, "pieces"), "bedding": (30, "pieces")}),
        ("60 Wolldecken, 4 Waschmaschinen", "Постельное бельё, Бытовая техника",
         {"bedding": (60, ""), "appliances": (4, "")}),
        ("3 big bags of winter clothes", "Одежда", {"clothing": (3, "bags")}),
        ("We have 4 electric heaters", "Бытовая техника", {"appliances": (4, "")}),
    ],
)  # fmt: skip
def test_things_and_units_typed_abroad_are_counted(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    offers, _ = offers_of(details, boxes)
    assert {o.category: (o.quantity, o.unit) for o in offers} == expected


def test_a_car_the_goods_travel_in_is_no_transport_offered() -> None:
    assert categories_of("Kühlschrank, Fernseher — привеземо на машині", "Бытовая техника") == {
        "appliances"
    }


def test_a_ride_offered_in_ones_own_car_is_still_transport() -> None:
    offers, _ = offers_of("Можу відвезти людей на машині до Харкова", "")
    assert [(o.category, o.kind) for o in offers] == [("other", "transport")]


def test_a_plea_to_bring_food_is_a_help_request() -> None:
    offers, problems = offers_of(
        "Нам нема чого їсти, пенсію не платять, привезіть продукти якщо можна",
        "Продукты (долгого хранения)",
    )
    assert offers == []
    assert [p.code for p in problems] == ["help_request"]


def test_a_donor_looking_for_a_carrier_still_offers() -> None:
    offers, problems = offers_of(
        "Зібрали 30 коробок одягу, шукаємо перевізника до Харкова", "Одежда"
    )
    assert [(o.category, o.quantity) for o in offers] == [("clothing", 30)]
    assert not problems or all(p.code != "help_request" for p in problems)
