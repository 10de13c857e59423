"""Need rows that say the need is met, a header typed again in other words, wishes
for later, and a thank-you that still asks for more."""

from __future__ import annotations

import pytest

from tests.normalize.rows import needs_of as read


@pytest.mark.parametrize(
    ("item", "quantity", "urgency"),
    [
        ("одеяла — ВЫПОЛНЕНО", "20", "выполнено"),
        ("вещи уже привезли, больше не надо", "", "неактуально"),
        ("обогреватели — уже не нужно, нашли", "", ""),
        ("Спасибо всем, кто откликнулся! Куртки больше не нужны", "", ""),
    ],
)
def test_a_need_met_or_no_longer_wanted_gives_no_need(
    item: str, quantity: str, urgency: str
) -> None:
    needs, problems = read(item, quantity, urgency)
    assert not needs
    assert [p.field for p in problems] == ["item"]
    assert {p.code for p in problems} <= {"need_closed", "thanks_row"}


def test_closed_shoes_are_shoes_not_a_closed_need() -> None:
    needs, problems = read("закрытая обувь для детей", "10")
    assert [(n.category, n.quantity) for n in needs] == [("shoes", 10)]
    assert not problems


def test_a_thank_you_that_asks_for_more_is_a_need() -> None:
    needs, _ = read("обогреватели — получили 3 из 5, нужно ещё 2", "2")
    assert [(n.category, n.quantity) for n in needs] == [("appliances", 2)]


def test_a_header_typed_again_in_other_words_is_no_need() -> None:
    needs, problems = read("Наименование", "Кол-во", "Срочность (да/нет)")
    assert not needs and problems


@pytest.mark.parametrize("urgency", ["после каникул", "можна в березні", "можно до весны"])
def test_a_wish_for_later_is_low_urgency(urgency: str) -> None:
    needs, _ = read("постільна білизна", "40 комплектів", urgency)
    assert [n.urgency for n in needs] == ["low"]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("Сапоги жен. зимние 36,37,38,39 р.", "по паре каждого размера", 4),
        ("сапоги зимние мужские 42-45 размер", "по 2 пары каждого размера", 8),
        ("обувь зимняя детская размеры 30-35", "по паре на размер", 6),
        ("памперсы детские всех размеров", "по 10 пачек каждого размера (2,3,4,5)", 40),
        ("брюки мужские 48-52", "по 2 шт на размер", 6),  # 48, 50, 52
        ("зимові чоловічі черевики 41,42,43", "по 4 пари", 12),
    ],
)
def test_so_many_of_each_size(item: str, quantity: str, expected: int) -> None:
    needs, _ = read(item, quantity)
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [(expected, False)]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("продуктовые наборы для семей ВПЛ", "на 80 семей", 80),
        ("аптечки: бинты, перекись, зеленка", "аптечки на 40 семей", 40),
        ("посуд: тарілки, чашки, ложки", "комплекти на 12 сімей", 12),
    ],
)
def test_kits_for_so_many_families_are_one_each(item: str, quantity: str, expected: int) -> None:
    needs, _ = read(item, quantity)
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [(expected, True)]


def test_things_for_so_many_children_are_no_count_of_things() -> None:
    needs, _ = read("одежда для детей", "на 40 детей")
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [(1, True)]
