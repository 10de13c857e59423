"""Seeds, seedlings and live hens are `other` (the vegetables named beside them are
what is planted); Orthodox Easter is a deadline counted per year; a need that
no longer wants one thing but asks for another stays; goods a vehicle's owner
offers to carry are not offered; school bags are not copybooks."""

from __future__ import annotations

import pytest

from matcher.normalize.items import read_items
from tests.normalize.rows import categories_of, counts_of, needs_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("семена помидоров огурцов перца свои с огорода, пакетиков 30 наберу", "", {"other": 30}),
        ("рассада помидор будет в апреле, штук 100, и капусты штук 50", "", {"other": 150}),
        (
            "у мене є насіння кабачків, гарбуза, квасолі пакетиків 20, і цибуля-сіянка 5 кг. "
            "Хто хоче садити, приїжджайте",
            "",
            {"other": 25},
        ),
        ("картошку мелкую на посадку 3 мешка, и лук-севок 2 кг", "", {"other": 5}),
        ("Курей живых могу отдать 8 голов несушки, и утки 3 шт", "живность", {"other": 11}),
        # beans named before the seeds are beans to eat; a typed box starts nothing
        (
            "квасоля 5 кг, насіння на весну огірки, помідори 20 пакетиків",
            "Продукты (долгого хранения), насіння",
            {"food": 5, "other": 20},
        ),
    ],
)
def test_what_is_planted_or_kept_is_other(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes"),
    [
        # potatoes no good for planting, sunflower seeds beside oil, goats kept, hens killed
        ("Есть картошка мелкая (на посадку не годится) ведер 6-7", ""),
        ("Олія соняшникова домашня 10 л, насіння 1 мішок", "Продукты (долгого хранения)"),
        ("ДЕРЖУ КОЗ МОЛОКО МОГУ ДАВАТЬ 2 ЛИТРА КАЖДЫЙ ДЕНЬ ДЕТЯМ", ""),
        ("Є кролі биті, 6 тушок, та курей 4 тушки", ""),
    ],
)
def test_what_is_eaten_stays_food(details: str, boxes: str) -> None:
    assert categories_of(details, boxes) == {"food"}


def test_a_need_for_seed_potatoes_and_onion_sets_is_other() -> None:
    needs, _ = needs_of(
        "насіннєва картопля, цибуля-сіянка для городів переселенців",
        "картопля 10 мішків, цибуля 5 кг",
    )
    assert {(n.category, n.kind) for n in needs} == {("other", "garden/seeds")}


def _urgency(urgency: str, submitted_at: str) -> str:
    needs, _ = needs_of("одеяла", "5", urgency, submitted_at=submitted_at)
    return str(needs[0].urgency)


@pytest.mark.parametrize(
    ("urgency", "submitted_at", "expected"),
    [
        ("к Пасхе!", "05.04.2015", "high"),  # Easter 2015 was on 12 April
        ("до Великодня", "08.04.2015", "high"),
        ("до Пасхи", "05.04.2014", "normal"),  # 2014: 20 April, 15 days
        ("до Пасхи", "01.04.2016", "normal"),  # 2016: 1 May, 30 days
        ("до Пасхи", "10.01.2015", "low"),
        ("после Пасхи", "23.03.2015", "low"),
        ("можна після Великодня", "08.04.2015", "low"),
        ("в ближайшие дни", "05.12.2014", "high"),
        ("можна в травні", "06.04.2015", "low"),
    ],
)
def test_easter_and_days_to_come(urgency: str, submitted_at: str, expected: str) -> None:
    assert _urgency(urgency, submitted_at) == expected


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        (
            "зимние сапоги уже не надо!! теперь резиновые сапожки детские р. 25-33",
            "20 пар",
            ("shoes", 20),
        ),
        ("ковдри (25 вже привезли, дякуємо)", "ещё нужно 15 из 40", ("bedding", 15)),
    ],
)
def test_a_need_that_asks_for_more_or_for_something_else_stays(
    item: str, quantity: str, expected: tuple[str, int]
) -> None:
    needs, problems = needs_of(item, quantity)
    assert [(n.category, n.quantity) for n in needs] == [expected]
    assert not problems


def test_a_need_no_longer_wanted_still_goes() -> None:
    needs, problems = needs_of("зимние сапоги уже не надо", "20 пар")
    assert not needs
    assert [p.code for p in problems] == ["need_closed"]


@pytest.mark.parametrize(
    "details",
    [
        "есть газель, могу перевезти уголь или вещи",
        "есть газель, могу развезти уголь по адресам",
        "Есть свободная машина и время по выходным, могу развозить продуктовые наборы старикам",
    ],
)
def test_goods_a_vehicle_carries_are_not_offered(details: str) -> None:
    assert categories_of(details, "Другое") == {"other"}
    (line,) = read_items("Другое", details, labels_decide=False).lines
    assert line.kind == "transport"


def test_coal_the_donor_brings_is_offered() -> None:
    (line,) = read_items(
        "", "уголь 2 тонны, могу перевезти своей машиной", labels_decide=False
    ).lines
    assert line.kind == "fuel/coal+transport"


@pytest.mark.parametrize(
    ("details", "kind"),
    [
        ("рюкзак школьный, тетради 10", "household/school+household/school_bags"),
        ("тетради, ручки, пеналы", "household/school"),
        ("ранец новый", "household/school_bags"),
        ("уголь древесный для мангала 3 мешка", "fuel/charcoal"),
    ],
)
def test_school_bags_and_charcoal_are_things_of_their_own(details: str, kind: str) -> None:
    (line,) = read_items("", details, labels_decide=False).lines
    assert line.kind == kind


@pytest.mark.parametrize(
    ("urgency", "submitted_at", "expected"),
    [
        ("к Прощёному воскресенью", "18.02.2015", "high"),  # 22 February 2015
        ("к Прощёному воскресенью", "10.01.2015", "low"),
    ],
)
def test_forgiveness_sunday_moves_with_easter(
    urgency: str, submitted_at: str, expected: str
) -> None:
    assert _urgency(urgency, submitted_at) == expected


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # "по 20" of each thing, two in one piece counted apart
        ("Тарелки,чашки ,ложки вилки", "по 20", 80),
        ("пенали, зошити в клітинку, олівці", "по 20", 60),
        ("Посуд: тарілки, чашки, ложки, виделки", "по 50 шт.", 200),
        ("телефоны, сим-карты, power bank для раненых", "по 10", 30),
        # what comes with the thing, in brackets, is not one more; nor is a choice
        ("аптечки (с жгутом)", "по 2", 2),
        ("кровати или раскладушки, матрасы", "по 6", 12),
    ],
)
def test_each_thing_listed_gets_its_count(item: str, quantity: str, expected: int) -> None:
    needs, _ = needs_of(item, quantity)
    assert sum(n.quantity for n in needs) == expected
