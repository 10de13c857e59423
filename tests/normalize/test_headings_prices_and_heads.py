"""Counts around the things: a count of boxes heading a list, English "N boxes of",
list numbers typed with spaced dashes, computers and their parts, prices struck
out or paid, a child's weight, dates written as a range or in English, and needs
counted per family or child."""

from __future__ import annotations

import pytest

from tests.normalize.rows import counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Посылка 20 коробок: одежда 12, обувь 5, игрушки 3", "",
         {"clothing": 12, "shoes": 5, "toys": 3}),
        ("Parcel of 20 boxes: clothes 12, shoes 5, toys 3", "Одежда, Обувь, Игрушки",
         {"clothing": 12, "shoes": 5, "toys": 3}),
        ("Посылка 3 коробки: куртки 2, шапка 1", "Одежда", {"clothing": 3}),
        # a count of sets heading a list, or of bags over things not counted, is the count
        ("зібрали 40 наборів: крупа, цукор, олія, консерви", "Продукты (долгого хранения)",
         {"food": 40}),
        ("3 мешка: куртки мужские 52-54, детские вещи на 5-8 лет, кофты женские, шапки",
         "Одежда", {"clothing": 3}),
    ],
)  # fmt: skip
def test_a_count_of_boxes_heading_a_list_is_no_things_own_count(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_boxes_shared_by_several_categories_count_none_of_them() -> None:
    offers, _ = offers_of(
        "Собрали с коллегами 6 коробок: одежда и продукты, как передать?",
        "Одежда, Продукты (долгого хранения)",
    )
    assert {o.category: (o.quantity, o.quantity_estimated) for o in offers} == {
        "clothing": (1, True),
        "food": (1, True),
    }


def test_english_boxes_of_a_thing_count_that_thing() -> None:
    details = "Our parish collected 40 boxes of winter clothing and 10 boxes of first aid kits."
    assert counts_of(details, "Медикаменты, Одежда") == {"clothing": 40, "medicine": 10}


def test_list_numbers_with_spaced_dashes_are_no_counts() -> None:
    details = "1 - курток 6\n2 - сапог 4 пари\n3 - іграшок мішок"
    assert counts_of(details, "Одежда, Обувь, Игрушки") == {"clothing": 6, "shoes": 4, "toys": 1}


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("ноутбук и принтер, рабочие", 2),
        ("старый ноутбук рабочий и 2 кнопочных телефона", 3),
        ("2 монитора 22'', обогреватель конвектор", 2),
        ("10 системних блоків + 10 моніторів 19''", 20),
        # a computer named whole: its parts in brackets are the same computer
        ("могу отдать компьютер старый (системник + монитор)", 1),
        ("Списали 8 компьютеров (системник + монитор), рабочие, с Windows", 8),
        ("Системный блок Пентиум 4, монитор 17 дюймов, клавиатура", 3),
    ],
)
def test_computers_count_one_each_and_their_parts_with_the_whole(
    details: str, expected: int
) -> None:
    assert counts_of(details, "компьютеры")["other"] == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("угловой диван ~~3000~~ даром, кресло-кровать ~~800~~ даром", "Мебель",
         {"furniture": 2}),
        ("Коляска зима-лето, брали за 4500, отдам бесплатно семье переселенцев", "Детские вещи",
         {"children": 1}),
        ("диван угловой, новый стоит 8000, отдам даром", "Мебель", {"furniture": 1}),
        ("Мужчина отдает диван (новый, брал за 5 тыс грн, не подошел по размеру 2х1.6)", "Мебель",
         {"furniture": 1}),
    ],
)  # fmt: skip
def test_a_price_struck_out_or_paid_is_no_count(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_a_childs_weight_is_no_count() -> None:
    details = "комбинезон на ребенка рост 86, вес 12 кг, 1 шт; шапка 1; варежки 2 пары"
    assert counts_of(details, "Одежда") == {"clothing": 4}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("могу привезти 27-28.12 лекарства (ибупрофен, нурофен детский ~20 упаковок)",
         "Медикаменты", {"medicine": 20}),
        ("Container leaving 5 Jan: thermal underwear 150 sets", "Одежда", {"clothing": 150}),
        ("40 first aid kits + 200 toothbrushes. Shipping to Kyiv ~Jan 10",
         "Медикаменты, Средства гигиены", {"medicine": 40, "hygiene": 200}),
    ],
)  # fmt: skip
def test_dates_written_as_a_range_or_in_english_are_no_counts(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("адеяла и матрасы, заехали еще 6 семей", "по 4 матраса и 4 одеяла на семью", 48),
        ("кастрюли по 1 на семью и сковородки по 1 на семью — всего 14 семей", "", 28),
        ("зубные щётки детские и паста, на 48 детей по 1 щетке и 1 тюбику", "", 96),
        ("обувь спортивная для физкультуры р. 30-38", "на 48 детей — по паре", 48),
        ("шапки, шарфы, варежки на 35 детей", "по комплекту на ребенка", 35),
        ("колготи дитячі 1-3 роки", "по 2 пари на дитину, дітей 25", 50),
        ("крупа", "по 2 кг на семью, 25 семей", 50),
    ],
)
def test_so_much_for_each_of_so_many_is_multiplied(item: str, quantity: str, expected: int) -> None:
    needs, _ = needs_of(item, quantity)
    assert [n.quantity for n in needs] == [expected]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # "по 15" of each thing, whoever the families are
        ("ковдри та подушки для нових сімей (приїхало 6 сімей)", "по 15", 30),
        # an age is no number of children
        ("трусики, маечки, носочки детские 2-4 года", "по 20 шт", 60),
        ("куртки для дітей 5-12 років", "по 1 на дитину, 4 дитини", 4),
    ],
)
def test_so_much_of_each_thing_is_not_multiplied_by_people_not_counted_for(
    item: str, quantity: str, expected: int
) -> None:
    needs, _ = needs_of(item, quantity)
    assert [n.quantity for n in needs] == [expected]
