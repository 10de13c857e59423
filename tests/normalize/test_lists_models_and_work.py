"""Lists split on a spaced slash; a unit's own thing after it in the genitive; a
model's code is no count; "кілька" before an adjective; "роботи" as work; an
employer's offer of work is no plea; an item's "нет" says nothing of urgency;
stoves by fuel, and their burners no count."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("гречка 5кг / рис 5кг / цукор 10кг / олія 3л / тушонка 12 банок", {"food": 35}),
        # the same thing in two languages stays one
        (
            "Putem trimite haine de iarna, 2 saci / Можем отправить зимнюю одежду, 2 мешка",
            {"clothing": 2},
        ),
        ("3 куртки 2 пары сапог", {"clothing": 3, "shoes": 2}),
        ("кофты 5 шт юбки 2 шт", {"clothing": 7}),
        ("коляска зима-лето Geoby C706", {"children": 1}),
        ("тонометр Omron M2", {"medicine": 1}),
        ("носки x2", {"clothing": 2}),
        ("газовая плита Грета 4 конф.", {"appliances": 1}),
        ("Мило ручної роботи 200 шматків", {"hygiene": 200}),
    ],
)
def test_counts_in_lists_and_beside_models(details: str, expected: dict[str, int]) -> None:
    assert counts_of(details) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("кілька теплих светрів", "Одежда", {"clothing"}),
        ("сантехнічні роботи безкоштовно", "", {"other"}),
        ("Ми з дівчатами з роботи зібрали одяг 3 пакети", "Одежда", {"clothing"}),
        ("Наш офис собрал: toys 2 коробки, also 1 laptop для школьника", "Игрушки",
         {"toys", "other"}),
        ("шампуни 15 шт, можем бесплатно стричь переселенцев", "Средства гигиены",
         {"hygiene", "other"}),
    ],
)  # fmt: skip
def test_what_a_word_names(details: str, boxes: str, expected: set[str]) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes"),
    [
        ("Нужны автослесари, берём переселенцев, помогаем с жильём", "работа"),
        ("Потрібен пекар і продавець, можна переселенців, графік 2/2", "Робота"),
        ("Потрібні швачки, житло в гуртожитку даємо", "робота для жінок"),
    ],
)
def test_an_employer_offering_work_is_no_plea(details: str, boxes: str) -> None:
    offers, problems = offers_of(details, boxes)
    assert [o.category for o in offers] == ["other"]
    assert "help_request" not in {p.code for p in problems}


def test_a_formula_in_the_quantity_cell_is_no_model_code() -> None:
    needs, _ = needs_of("Каши безмолочные", "=B12*3")
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [(1, True)]


@pytest.mark.parametrize(
    ("item", "urgency", "expected"),
    [
        ("Плита электрическая для семьи (газа нет)", "", "normal"),
        ("памперсы 4", "нет", "low"),
        ("СРОЧНО: памперсы 4", "", "high"),
    ],
)
def test_an_items_no_is_no_urgency(item: str, urgency: str, expected: str) -> None:
    needs, _ = needs_of(item, "10", urgency)
    assert [n.urgency for n in needs] == [expected]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("мультивітаміни для хворих", ["medicine"]),
        ("матрасы к раскладушкам", ["bedding"]),
    ],
)
def test_need_categories(item: str, expected: list[str]) -> None:
    needs, _ = needs_of(item, "15")
    assert [n.category for n in needs] == expected


@pytest.mark.parametrize(
    ("details", "kind"),
    [
        ("газовая плита Грета", "large/stoves/gas_stoves"),
        ("электроплита 2 конфорки", "large/stoves/electric_stoves"),
        ("плита кухонная", "large/stoves"),
    ],
)
def test_stoves_by_fuel(details: str, kind: str) -> None:
    offers, _ = offers_of(details, "Бытовая техника")
    assert [o.kind for o in offers] == [kind]


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("Детское питание: каши безмолочные с 4 мес", "baby_food/porridge"),
        ("Каши безмолочные", "baby_food/porridge"),
        ("пена для бритья", "personal_care/shaving_foam"),
        ("Бритвенные станки одноразовые", "personal_care/razors"),
        ("прокладки послеродовые", "personal_care/postpartum_pads"),
    ],
)
def test_things_of_their_own(item: str, kind: str) -> None:
    needs, _ = needs_of(item, "10")
    assert [n.kind for n in needs] == [kind]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # one a floor, a room, a house: times how many there are
        ("электрочайники", "по 1 на этаж, этажей 5", 5),
        ("постельное бельё", "по 2 комплекта на комнату, 35 комнат", 70),
        ("микроволновки на кухни этажей", "по одной на этаж (4 этажа)", 4),
        ("уголь для 12 домов", "по 1 т на дом", 12),
        # what a need partly met still asks for
        ("одеяла ватные", "нужно 120, получили 45, ещё нужно 75", 75),
        ("куртки детские 4-12 лет", "остаток 35 (из 100)", 35),
        ("мука", "нужно было 2 т, закрыто частично — осталось 800 кг", 800),
        ("куртки", "ще потрібно 12 шт", 12),
        # "по 15" for no one in particular stays fifteen
        ("куртки", "по 15", 15),
    ],
)
def test_a_need_counted_per_place_or_still_missing(item: str, quantity: str, expected: int) -> None:
    needs, _ = needs_of(item, quantity)
    assert [n.quantity for n in needs] == [expected]


@pytest.mark.parametrize(
    ("item", "quantity", "urgency"),
    [
        ("Нурофен сироп", "получили, больше не нужно", ""),
        ("стиральная машина", "ЗАКРЫТО", ""),
        ("дитячі ліжечка", "отримали 6, дякуємо! закрито", ""),
        ("детские коляски", "все получили, спасибо", ""),
        ("Актрапид", "", "вже закрили, дякуємо!"),
    ],
)
def test_a_need_closed_in_its_quantity_or_urgency_cell_is_no_need(
    item: str, quantity: str, urgency: str
) -> None:
    needs, problems = needs_of(item, quantity, urgency)
    assert not needs
    assert [p.code for p in problems] == ["need_closed"]


@pytest.mark.parametrize(
    ("item", "quantity"),
    [
        ("мука", "нужно было 2 т, закрыто частично — осталось 800 кг"),
        ("перевязочные пакеты ИПП, жгуты", "ИПП - ещё 150, жгуты - закрыто"),
        ("детские смеси 0-6 мес / 6-12 мес", "0-6 — остаток 20; 6-12 — закрыто"),
    ],
)
def test_a_need_closed_in_part_is_still_open(item: str, quantity: str) -> None:
    needs, _ = needs_of(item, quantity)
    assert needs
