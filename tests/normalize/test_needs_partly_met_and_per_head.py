"""A need partly met asks for what is still missing; a need counted per person,
room, floor or bed asks for so much for each of them; a quantity cell that only
sums up or repeats the item's own counts leaves them standing."""

from __future__ import annotations

import pytest

from tests.normalize.rows import need_counts, needs_of


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("зимние куртки мужские р. 48-56", "нужно 40, уже привезли 15", {"clothing": 25}),
        ("обогреватели в классы", "нужно 10, 4 уже есть", {"appliances": 6}),
        ("электроплитки двухкомфорочные", "ещё 3 (5 уже получили)", {"appliances": 3}),
        ("продуктовые наборы для пенсионеров", "нужно 120, выдали 80", {"food": 40}),
        ("шприцы 5 мл", "нужно было 500, получили 300", {"medicine": 200}),
        ("обогреватели конвекторы 2 кВт", "нужно ещё 7 (13 уже стоят)", {"appliances": 7}),
        ("шапки зимние взрослые", "20 (10 уже принесли)", {"clothing": 10}),
        ("підгузки для новонароджених 2-5 кг", "30 пачок, 10 вже приніс хтось", {"hygiene": 20}),
        ("одеяла", "остаток 35 (из 100)", {"bedding": 35}),
    ],
)
def test_a_need_partly_met_asks_for_what_is_missing(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


def test_a_count_given_without_a_total_is_read_as_typed() -> None:
    # "получили 9" alone: nothing to take it from, and no total to guess
    assert need_counts("обогреватели", "15") == {"appliances": 15}
    assert need_counts("обогреватели", "получили 9") == {"appliances": 9}


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("обогреватели масляные, в каждую комнату", "22 комнаты", {"appliances": 22}),
        ("стиральный порошок", "по пачке на комнату, 40 комнат", {"hygiene": 40}),
        ("одеяло", "1 на человека, живут 33", {"bedding": 33}),
        ("одеяла теплые", "по 1 на каждого, живёт 64 чел.", {"bedding": 64}),
        ("шафи для одягу в номери", "по 1 на номер, номерів 14", {"furniture": 14}),
        ("електрочайник і праска на кожен поверх", "поверхів 4", {"appliances": 8}),
        ("комплекти постільної білизни, по 2 на кімнату", "кімнат 20", {"bedding": 40}),
        ("настільна гра по 1 на групу", "груп 4", {"toys": 4}),
        ("постельное белье на 25 коек, по 2 комплекта", "", {"bedding": 50}),
        ("на спільні кухні: по 2 каструлі і 2 сковорідки на кухню, кухонь 5", "",
         {"kitchenware": 20}),
        ("куртки зимние детские, 2-3 на семью", "семей 9", {"clothing": 18}),
    ],
)  # fmt: skip
def test_so_much_for_each_room_or_person(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # one of each thing named, for each of them
        ("одеяла и подушки", "по 1 на человека, заехало ещё 40 чел.", {"bedding": 80}),
        ("туалетная бумага, мыло, порошок — по пачке каждого на комнату", "36 комнат",
         {"hygiene": 108}),
        ("носки, трусы, майки — приехали 60 человек из Дебальцево", "по 1 каждому",
         {"clothing": 180}),
        ("м'які іграшки по 1, книжки по 2 на кожну дитину", "27 дітей", {"toys": 81}),
        # a kit or a set a family is one, whatever it holds
        ("Каструлі, сковорідки, тарілки - для 12 сімей", "по комплекту на сім'ю",
         {"kitchenware": 12}),
        ("шапки, шарфы, варежки на 35 детей", "по комплекту на ребенка", {"clothing": 35}),
        # one thing named twice, or a thing with its part, is one thing
        ("постельное белье 1,5-спальное, комплекты", "по 1 на койку, коек 48", {"bedding": 48}),
        ("аптечки индивидуальные (с жгутом)", "по 2 на человека, 25 чел", {"medicine": 50}),
        # "по 20" of each of three things; the beds are who they are for, not a multiplier
        ("постільна білизна, рушники, ковдри на 20 ліжок", "по 20", {"bedding": 60}),
    ],
)  # fmt: skip
def test_one_for_each_counts_every_thing_named(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


def test_what_is_already_there_comes_off_a_count_per_room() -> None:
    assert need_counts("тумбочки в номери", "по 1 на номер, 40 номерів, 15 вже є") == {
        "furniture": 25
    }
    assert need_counts(
        "тёплые кофты на детей 7-12 лет, по 1 на ребёнка", "детей 52 (24 уже одели)"
    ) == {"clothing": 28}


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("зимние куртки для детей 3-14 лет", "на 27 детей", 27),
        ("матрасы 190х80", "на 14 кроватей", 14),
        ("одеяла теплые", "на 40 человек", 40),
    ],
)
def test_one_thing_for_each_person_or_bed(item: str, quantity: str, expected: int) -> None:
    needs, _ = needs_of(item, quantity)
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [(expected, False)]


@pytest.mark.parametrize(
    ("item", "quantity"),
    [
        ("Зимовий одяг для дітей-переселенців 7-10 років", "для 14 дітей"),
        ("тарелки, чашки, ложки", "на 40 человек"),
        ("продукты долгого хранения", "на 60 человек"),
    ],
)
def test_people_counted_for_many_things_or_a_whole_category_state_no_count(
    item: str, quantity: str
) -> None:
    needs, _ = needs_of(item, quantity)
    assert all(n.quantity_estimated for n in needs)


def test_people_counted_beside_several_lines_count_no_things() -> None:
    needs, _ = needs_of("привезли людей! нужны: одеяла, вода питьевая, еда готовая", "человек 40")
    assert {n.category: (n.quantity, n.quantity_estimated) for n in needs} == {
        "bedding": (1, True),
        "food": (1, True),
    }


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("Весенняя одежда для детей: куртки 20, ботинки 20 пар", "40",
         {"clothing": 20, "shoes": 20}),
        ("Зубные щетки 100, паста 100", "100", {"hygiene": 200}),
        # a number that neither sums nor repeats the item's counts is the count
        ("куртки 20, шапки 10", "5", {"clothing": 5}),
    ],
)  # fmt: skip
def test_a_total_of_the_items_own_counts_leaves_them(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Підгузки для дорослих розмір M (лежачі), будинок-інтернат для людей похилого віку",
         {"hygiene"}),
        ("підгузки для дорослих, будинок престарілих", {"hygiene"}),
        ("житло для 3 сімей", {"other"}),
    ],
)  # fmt: skip
def test_the_institution_that_asks_is_no_home_asked_for(item: str, expected: set[str]) -> None:
    needs, _ = needs_of(item, "200 шт")
    assert {n.category for n in needs} == expected


def test_a_gas_bottle_size_is_no_count() -> None:
    assert need_counts("газові балони 50 л — 8 шт, плитки газові 4") == {
        "appliances": 4,
        "other": 8,
    }


@pytest.mark.parametrize("urgency", ["на цю суботу", "на субботу", "на эту пятницу"])
def test_a_day_this_week_is_urgent(urgency: str) -> None:
    needs, _ = needs_of("одеяла", "5", urgency)
    assert [n.urgency for n in needs] == ["high"]


@pytest.mark.parametrize(
    "urgency",
    [
        "вже морози, діти в кросівках",
        "люди спят на полу",
        "в спортзале +8",
        "після обстрілу 19.01",
        "світла немає 3 тижні",
        "приехали ещё 2 семьи",
        "закінчуються",
    ],
)
def test_a_hardship_told_in_the_urgency_cell_is_urgent(urgency: str) -> None:
    needs, _ = needs_of("одеяла", "5", urgency)
    assert [n.urgency for n in needs] == ["high"]


@pytest.mark.parametrize(
    "urgency", ["в течение 2-х недель", "постоянно", "к Новому году", "к 25-28 января"]
)
def test_a_time_told_in_the_urgency_cell_is_no_hardship(urgency: str) -> None:
    needs, _ = needs_of("одеяла", "5", urgency)
    assert [n.urgency for n in needs] != ["high"]
