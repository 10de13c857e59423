"""Donors abroad (country codes typed without "+", Polish and Czech words with their
marks), counts per family in a need's quantity cell, thousands of money, lists
cut by slashes, charity drives, and medical supplies by name."""

from __future__ import annotations

import pytest

from matcher.normalize.phones import parse_phone
from tests.normalize.rows import counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("typed", "e164"),
    [("48505223671", "+48505223671"), ("49 157 3360 8812", "+4915733608812")],
)
def test_a_country_code_typed_without_plus_is_a_foreign_number(typed: str, e164: str) -> None:
    result = parse_phone(typed)
    assert (result.e164, result.note) == (e164, "phone_foreign")


def test_ukrainian_numbers_are_read_before_any_country_code() -> None:
    assert parse_phone("501234567").e164 == "+380501234567"
    assert parse_phone("1234567890").code == "phone_invalid"  # no valid number anywhere
    # digits that could be a British number by their length, but are none
    assert parse_phone("44123456789").code == "phone_invalid"


@pytest.mark.parametrize(
    ("item", "quantity", "expected", "unit"),
    [
        ("Гречка", "по 2 кг на семью, 25 семей", 50, "kg"),
        ("Продуктові набори для самотніх пенсіонерів", "по 1 на людину, 70 осіб", 70, ""),
        ("Смесь молочная Малютка 2", "2 упаковки на каждого малыша, малышей 6", 12, "packs"),
        ("Уголь для многодетных семей (по 1 т на семью)", "12 семей", 12, "tons"),
    ],
)
def test_so_much_for_each_family_times_the_families(
    item: str, quantity: str, expected: int, unit: str
) -> None:
    needs, _ = needs_of(item, quantity)
    assert [(n.quantity, n.unit) for n in needs] == [(expected, unit)]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Możemy przekazać 200 koców", {"bedding": 200}),
        ("żywność 30 paczek", {"food": 30}),
        ("pościeli 5 kompletów", {"bedding": 5}),
    ],
)
def test_polish_words_with_marks_need_no_ticked_box(details: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert counts_of(details) == expected


def test_boxes_typed_with_marks_are_boxes() -> None:
    offers, _ = offers_of("zebraliśmy 6 kartonów ubrań")
    assert [(o.category, o.quantity, o.unit) for o in offers] == [("clothing", 6, "boxes")]


def test_thousands_of_money_are_no_count() -> None:
    counts = counts_of("зібрали 15 000 грн на дрова і передамо 10 ноутбуків для школи", "гроші")
    assert counts == {"other": 10}


def test_a_slash_after_a_count_cuts_the_list() -> None:
    counts = counts_of(
        "крупы 20кг/ макароны 15 уп/ сахар 10 кг/ мыло 30/ шампунь 15",
        "Продукты (долгого хранения), Средства гигиены",
    )
    assert counts == {"food": 45, "hygiene": 45}
    offers, _ = offers_of("джинсы 32 / 34", "Одежда")  # waist and length, spaced
    assert [(o.quantity, o.size) for o in offers] == [(1, "32/34")]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # Polish words with their marks, looked up in plain letters
        (
            "zebraliśmy na uczelni 6 kartonów ubrań i 2 kartony zabawek",
            "Одежда, Игрушки",
            {"clothing": 6, "toys": 2},
        ),
        ("Możemy przekazać 200 koców (одеяла)", "Постельное бельё", {"bedding": 200}),
        (
            "zabawki 2 worki + ubrania dziecięce 1 worek",
            "Игрушки, Одежда",
            {"toys": 2, "clothing": 1},
        ),
        # a Czech word is no Russian one typed in Latin letters: "balení" is no gas cylinder
        ("Mohu poslat léky — paracetamol 20 balení, obvazy 30 ks", "Медикаменты", {"medicine": 50}),
    ],
)
def test_words_from_abroad(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    "item",
    [
        "Перчатки хирургические стерильные р.7,5",
        "Окситоцин 5 МЕ/мл амп",
        "Шовний матеріал (кетгут, шовк) 3/0, 4/0",
        "Носилки мягкие",
        "Респираторы FFP2/FFP3",
        "бахилы одноразовые",
    ],
)
def test_medical_supplies_by_name(item: str) -> None:
    needs, _ = needs_of(item, "10")
    assert {n.category for n in needs} == {"medicine"}


def test_a_charity_drive_is_no_advert() -> None:
    offers, problems = offers_of(
        "итоги акции: игрушки 80 шт, шарфы и шапки 45, мыло и шампуни около 60",
        "Игрушки, Средства гигиены, Одежда",
    )
    assert {o.category for o in offers} == {"toys", "clothing", "hygiene"}
    _, problems = offers_of("продам куртки дешево, звоните", "Одежда")
    assert [p.code for p in problems] == ["ad_row"]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a place the things are for, named before them
        (
            "зібрали для гуртожитку переселенців: ковдри 6, подушки 6, рушники 12",
            "Постельное бельё",
            {"bedding"},
        ),
        # the driver and his van carry the things
        (
            "можу передати 3 куртки і 2 пари чобіт через знайомого водія бусу",
            "",
            {"clothing", "shoes"},
        ),
        # flannel swaddles are baby clothes, not disposable underpads
        ("пеленки фланелевые детские 10 шт", "Детские вещи", {"clothing"}),
    ],
)
def test_what_is_offered_and_what_only_passes_by(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    offers, _ = offers_of(details, boxes)
    assert {o.category for o in offers} == expected
