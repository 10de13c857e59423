"""A need's quantity cell that counts each thing after its name, about so many,
so much for each child or family with the thing named between, and so many of
each diaper size (the weights in brackets are no more sizes); an offer that
lists things counted and asks for a lift is an offer."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, need_counts, offers_of


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # each thing first, its count after it
        ("колготки детские и шапочки на 2-6 лет", "колготки 30 пар шапки 20", {"clothing": 50}),
        ("кровати односпальные, матрасы", "кроватей 12 матрасов 12",
         {"furniture": 12, "bedding": 12}),
        # "около 80" after its thing
        ("постельное белье детское (полуторка), полотенца", "комплектов 40, полотенец около 80",
         {"bedding": 120}),
        # so much each, the thing named between, for so many
        ("дитяче харчування: каші безмолочні", "по 2 уп. каші на дитину на тиждень, дітей 18",
         {"food": 36}),
        ("дрова или уголь для 14 семей с детьми (частный сектор)", "по 1 т угля на семью",
         {"other": 14}),
        # so many of each size: the weights say which sizes
        ("подгузники Pampers 3 (4-9 кг) и 4 (7-18 кг)", "по 10 пачек каждого размера",
         {"hygiene": 20}),
    ],
)  # fmt: skip
def test_a_quantity_cell_is_read_thing_by_thing(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Зібрали 20 коробок: 12 з одягом, 5 з продуктами, 3 з гігієною. Шукаємо машину до "
         "Краматорська", "Одежда, Продукты (долгого хранения), Средства гигиены",
         {"clothing", "food", "hygiene"}),
        ("Збір до Миколая: цукерки 12 кг, мандарини 20 кг, іграшки 35 шт. Потрібно щоб хтось "
         "забрав до 18.12", "Игрушки, Продукты (долгого хранения)", {"food", "toys"}),
    ],
)  # fmt: skip
def test_things_counted_with_a_word_on_the_lift_are_an_offer(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


def test_a_plea_that_counts_what_it_lacks_is_still_a_request() -> None:
    offers, problems = offers_of("Нам нужны куртки 2 шт, сапоги 3 пары и одеяла 4, помогите")
    assert not offers and [p.code for p in problems] == ["help_request"]


def test_in_an_answer_a_count_before_a_thing_is_its_own() -> None:
    # "шафа 2 матраци": two mattresses; "кроватей 2 матрасов 2": each thing first
    assert counts_of("шафа 2 матраци подушки 4", "Мебель, Постельное бельё") == {
        "furniture": 1,
        "bedding": 6,
    }
    assert counts_of("кроватей 2 матрасов 2", "Мебель, Постельное бельё") == {
        "furniture": 2,
        "bedding": 2,
    }
