"""Reading glasses and their diopters, a rubber hot-water bottle, a tricycle, a
child's toilet seat and a hearing aid's batteries; dozens, heights, cuffs and a
heater's modes; thanks that close an offer; medicines whose expired part is
thrown away; "к зиме", a count to be told tomorrow and an area."""

from __future__ import annotations

import pytest

from matcher.normalize.items import read_items
from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # diopters are no counts; "+2 шапки" still adds two hats
        ("Оптика передаёт очки для чтения 50 шт, диоптрии от +1 до +4", "очки", {"medicine": 50}),
        ("окуляри +1.5, +2, +3 — 3 пари", "Медикаменты", {"medicine": 3}),
        ("куртка 2 шт +2 шапки", "Одежда", {"clothing": 4}),
        ("Небулайзер Омрон, грелка резиновая, бинт эластичный 3", "Медикаменты", {"medicine": 5}),
        ("Електрична ковдра 2 шт, обігрівач маленький", "Бытовая техника", {"appliances": 3}),
        ("Носки 2 дюжины, варежки 1 пара", "Одежда", {"clothing": 25}),
        ("костилі підлокітні пара, після перелому. ріст 175-190", "костилі", {"medicine": 1}),
        ("Тонометр Microlife, манжета 22-42", "Медикаменты", {"medicine": 1}),
        ("Обогреватель 1 шт, 2 режима 1000/2000 Вт", "Бытовая техника", {"appliances": 1}),
        (
            "Ich möchte 20 Packungen Babynahrung und 10 Packungen Windeln spenden",
            "",
            {"food": 20, "hygiene": 10},
        ),
        ("Wir haben gesammelt: 12 Dosen Babymilch", "Продукты (долгого хранения)", {"food": 12}),
    ],
)
def test_counts_and_categories(details: str, boxes: str, expected: dict[str, int]) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "kind"),
    [
        (
            "коляска, автокресло группа 1, велосипед трехколесный",
            "Детские вещи",
            "car_seats+strollers/strollers+winter_play/bikes_scooters",
        ),
        (
            "горщик, ванночка, сидіння на унітаз дитяче",
            "Детские вещи",
            "feeding/baths+feeding/potties",
        ),
        (
            "Слуховий апарат (завушний), батарейки до нього 4 уп",
            "Медикаменты",
            "devices/hearing_aids",
        ),
        ("зібрали на роботі памперсів полтора десятка пачок", "Средства гигиены", "diapers/baby"),
        ("пральний порошок дитячий Ушастий нянь 2 пачки", "Средства гигиены", "laundry/detergent"),
    ],
)
def test_one_line_of_the_right_thing(details: str, boxes: str, kind: str) -> None:
    (line,) = read_items(boxes, details, labels_decide=False).lines
    assert line.kind == kind


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        (
            "ДЕТСКИЕ ЗИМНИЕ КОМБИНЕЗОНЫ 2 ШТ И ПАЛЬТО НА 5 ЛЕТ СПАСИБО ВАМ ЗА РАБОТУ",
            "Одежда",
            {"clothing"},
        ),
        (
            "Вітаю з Канади! Відправили 15 коробок зимового одягу та 3 коробки медикаментів через "
            "Meest, очікуйте у Києві в грудні",
            "Одежда, Медикаменты",
            {"clothing", "medicine"},
        ),
        (
            "После бабушки много лекарств, примерно 30 упаковок, есть просроченные - их выбросим",
            "Медикаменты",
            {"medicine"},
        ),
    ],
)
def test_an_offer_that_thanks_or_throws_away_is_kept(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    "details",
    [
        "Получили куртки 2 шт, спасибо вам!",
        "Для нашей семьи куртки детские 2 шт и сапоги 1 пара, всё получили, спасибо огромное!",
    ],
)
def test_a_thanks_for_things_received_is_no_offer(details: str) -> None:
    offers, problems = offers_of(details, "Одежда")
    assert not offers
    assert [p.code for p in problems] == ["thanks_row"]


def test_winter_can_wait_and_a_count_told_tomorrow_is_no_hurry() -> None:
    needs, _ = needs_of("одеяла теплые", "40", "к зиме")
    assert needs[0].urgency == "low"
    needs, _ = needs_of("мыло жидкое, туалетная бумага для отделений", "уточню завтра")
    assert needs[0].urgency == "normal"


def test_premises_asked_for_is_a_need_and_an_area_no_count() -> None:
    needs, problems = needs_of("помещение под склад (бесплатно или недорого), 50-100 м2")
    assert [(n.category, n.quantity) for n in needs] == [("other", 1)]
    assert "ad_row" not in [p.code for p in problems]
    needs, _ = needs_of("Скло/плівка для вікон після обстрілу", "50 м2")
    assert [n.quantity for n in needs] == [50]
