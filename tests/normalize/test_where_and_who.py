"""What an answer says around the things given: the flat they are in, the floor,
the pickup, the people who collected them, the renovation that freed them and what
money would buy are not offered; a roof offered in words stays. A stroller's rain
cover is part of the stroller. A breakdown in brackets after a count and a full
stop ("5 шт. (2 синие, 3 черные)") is no second count."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, need_counts, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # where the things are, and how to fetch them
        (
            "Переїжджаємо, віддам диван і шафу. Квартира на 5 поверсі без ліфта, забирати самим",
            "Мебель",
            {"furniture"},
        ),
        (
            "Мамина квартира в Рубежном, соседка откроет. Есть: 2 шкафа, диван",
            "Мебель",
            {"furniture"},
        ),
        ("Отдам сервант и стол раздвижной, и 6 стульев. Вывоз сами", "Мебель", {"furniture"}),
        # who gave them
        ("Зібрали всім будинком: одяг 6 пакетів, взуття 10 пар", "", {"clothing", "shoes"}),
        ("Гостиница отдает списанные одеяла около 40 шт", "Постельное бельё", {"bedding"}),
        ("Львівські волонтери: зимові куртки 20", "Одежда", {"clothing"}),
        ("куртка 2, передадим волонтерам", "Одежда", {"clothing"}),
        # why they are free
        ("Делаем ремонт в съемной квартире, отдам диван", "Мебель", {"furniture"}),
    ],
)
def test_where_and_who_beside_things_given_are_not_offered(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a roof offered in words, beside things
        ("Можу прийняти сім'ю, є кімната. Також одяг 3 пакети", "", {"clothing", "other"}),
        (
            "При храме есть 2 комнаты для переселенцев. Продуктов собрали 15 кг",
            "",
            {"food", "other"},
        ),
        (
            "речі жіночі пакет, будинок з опаленням",
            "Одежда, приймемо родину на зиму",
            {"clothing", "other"},
        ),
        (
            "у будинку облаштували 30 спальних місць для евакуйованих, є 50 продуктових наборів",
            "житло",
            {"food", "other"},
        ),
        (
            "Можемо взяти на квартиру сім'ю з дітьми. Також можемо дати дитяче ліжечко",
            "",
            {"children", "other"},
        ),
        # a home alone is what is offered
        ("будинок у селі, є пічне опалення", "", {"other"}),
        # help with the pickup is transport offered
        ("Могу помочь с вывозом вещей", "", {"other"}),
        # a volunteer's own help stays, and so do volunteers counted, and a repair offered
        ("можу допомагати як волонтер, куртка 1", "Одежда", {"clothing", "other"}),
        ("100 продуктовых наборов, есть 8 волонтёров для разгрузки машин", "", {"food", "other"}),
        ("Ремонт обуви для переселенцев бесплатно. И есть 12 пар ботинок", "", {"other", "shoes"}),
    ],
)
def test_a_roof_or_help_offered_stays(details: str, boxes: str, expected: set[str]) -> None:
    assert categories_of(details, boxes) == expected


def test_a_homes_room_number_counts_nothing() -> None:
    details = "макароны 30 пачек, гречка 12 кг. Общежитие №3, комната 412"
    assert counts_of(details, "Продукты (долгого хранения)") == {"food": 42}


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("простыни, пододеяльники, наволочки", "60 компл. (20 коек по 3)", {"bedding": 60}),
        ("Куртки", "5 шт. (2 синие, 3 черные)", {"clothing": 5}),
    ],
)
def test_a_breakdown_after_a_full_stop_is_no_second_count(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a stroller's rain cover is part of the stroller
        ("Коляска трансформер, дождевик к ней", "", {"children": 1}),
        ("Отдам коляску зима-лето. Есть дождевик к ней", "Детские вещи", {"children": 1}),
        ("Коляска 1 шт, дождевик к ней 1 шт", "", {"children": 1}),
        # named as a thing of its own, it counts
        ("Коляска прогулочная 1, дождевик на коляску 1", "", {"children": 2}),
        # beside diapers, "трусики" are diaper pants
        ("Подгузники Хаггис 5 (13-25 кг) пачки 4, трусики 3 пачки", "", {"hygiene": 7}),
    ],
)
def test_a_things_accessory_or_sort_beside_it_is_that_thing(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # a raincoat, and underwear, where nothing says otherwise
        ("дождевик детский 2 шт, трусики детские 5 шт", {"clothing"}),
        # what money buys is not offered
        ("Can send money for winter clothes for kids", {"other"}),
        ("Can send money to buy warm clothes, around 100 pounds", {"other"}),
        ("можу переслати гроші на теплі речі для дітей", {"other"}),
    ],
)
def test_alone_a_thing_keeps_its_sense_and_money_buys_nothing_offered(
    details: str, expected: set[str]
) -> None:
    assert categories_of(details) == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("стол письменный, стул и настольная лампа", {"appliances", "furniture"}),
        ("сковорода, электросковорода", {"appliances", "kitchenware"}),
        ("є чайник електрічеський, сковородки 2", {"appliances", "kitchenware"}),
    ],
)
def test_lamps_electric_pans_and_a_misspelt_electric_kettle_are_appliances(
    details: str, expected: set[str]
) -> None:
    assert categories_of(details) == expected


def test_a_sum_in_pounds_is_money_not_a_count() -> None:
    offers, _ = offers_of("Can send money to buy warm clothes, around 100 pounds", "деньги")
    assert [(o.category, o.quantity, o.quantity_estimated) for o in offers] == [("other", 1, True)]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("купили новую коляску зимнюю за 2300, не подошла нам, отдадим бесплатно", {"children": 1}),
        ("Учебники за 5 и 6 класс всего 9 шт, детские книжки сказки штук 15", {"toys": 24}),
    ],
)
def test_what_a_thing_was_bought_for_and_the_year_it_is_for_count_nothing(
    details: str, expected: dict[str, int]
) -> None:
    assert counts_of(details) == expected
