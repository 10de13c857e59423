"""Which thing a word names: art supplies alone and among toys, musical
instruments, winter tyres, words donors abroad type in English, medicines that
share a word with washing powder, a baby carrier, and what a row says it does
not have, no longer needs, or will need later."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("фломастеры 10 наборов, краски 10, пластилин 10", "канцтовары", {"other"}),
        ("пластилин 5 коробок", "", {"other"}),
        ("зошити 200, ручки 100, альбоми для малювання 50", "канцтовари", {"other"}),
        ("раскраски, фломастеры, кубики", "Игрушки, Детские вещи", {"toys"}),
        ("Розмальовки 10 шт, олівці кольорові 5 наборів, пластилін", "Игрушки", {"toys"}),
        # school things beside them keep the art supplies school things
        ("раскраски 10 шт, фломастеры 5 наборов, тетради 20", "Игрушки", {"other", "toys"}),
    ],
)
def test_art_supplies_are_school_things_unless_among_toys(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("пианино «Украина» и шкаф книжный", "Мебель", {"furniture": 1, "other": 1}),
        ("4 шины зимние R15 б/у", "Шины зимние", {"other": 4}),
    ],
)
def test_instruments_and_tyres_are_other_things(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    "details",
    ["tourniquets 30 (for the front?)", "bandages 200", "painkillers 40 packs",
     "жарознижувальні 40", "обезбол 150 уп", "перевязочные 300 шт"],
)  # fmt: skip
def test_a_medical_word_alone_names_medicine(details: str) -> None:
    assert categories_of(details) == {"medicine"}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Hand knitted: 80 hats, 80 pairs of mittens, 30 blankets (afghans), 40 teddy bears",
         "Одежда, Игрушки, Постельное бельё", {"clothing": 160, "bedding": 30, "toys": 40}),
        ("We will ship 12 boxes: 7 medical supplies, 3 hygiene, 2 baby items (bottles)",
         "Медикаменты, Средства гигиены, Детские вещи",
         {"medicine": 7, "hygiene": 3, "children": 2}),
        ("- bandages 200\n- antiseptic 50 bottles\n- tourniquets 30", "Медикаменты",
         {"medicine": 280}),
    ],
)  # fmt: skip
def test_words_typed_in_english_name_their_things(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("засоби від застуди 50, жарознижувальні 40, вітамін С 30", "Медикаменты",
         {"medicine": 120}),
        ("автокрісло, 2 візочки, ходунки, переноска", "Детские вещи", {"children": 5}),
    ],
)  # fmt: skip
def test_a_word_of_two_senses_takes_the_one_of_the_things_beside_it(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_things_joined_and_denied_together_are_both_denied() -> None:
    details = "Меблів і техніки не маємо. Посуд: каструлі 2, тарілки 8"
    assert counts_of(details, "Мебель, Бытовая техника, Посуда") == {"kitchenware": 10}


def test_a_donor_who_holds_boxes_and_asks_whom_to_hand_them_is_no_plea() -> None:
    details = (
        "Ми маємо 25 коробок з ліками та перев'язувальними матеріалами і 10 коробок "
        "зимового одягу. Потрібен контакт для отримання у Харкові."
    )
    offers, problems = offers_of(details, "Медикаменты, Одежда", phone="+49 89 1234567")
    assert {o.category: o.quantity for o in offers} == {"medicine": 25, "clothing": 10}
    assert not [p for p in problems if p.code == "help_request"]


def test_a_family_that_has_a_disabled_child_and_asks_is_a_plea() -> None:
    offers, problems = offers_of(
        "Доброго дня, ми переселенці, маємо дитину-інваліда, потрібна інвалідна коляска та "
        "памперси для дорослих. Допоможіть будь ласка"
    )
    assert offers == []
    assert [p.code for p in problems] == ["help_request"]


@pytest.mark.parametrize(
    ("item", "category"),
    [
        ("новорічні подарунки вже не потрібні, дякуємо. Потрібні теплі чоботи 10 пар", "shoes"),
        ("Телевизор уже не нужен (подарили), нужен DVD плеер", "appliances"),
    ],
)
def test_a_need_closed_and_followed_by_another_keeps_the_other(item: str, category: str) -> None:
    needs, problems = needs_of(item, "1")
    assert [n.category for n in needs] == [category]
    assert not [p for p in problems if p.code == "need_closed"]


def test_a_need_closed_with_nothing_after_is_still_closed() -> None:
    needs, problems = needs_of("одеяла — больше не нужны")
    assert needs == []
    assert problems


@pytest.mark.parametrize(
    ("urgency", "expected"),
    [("после 1 марта", "low"), ("після 15.12", "low"), ("після зими", "low"),
     ("срочон", "high"), ("до 7.12", "high")],
)  # fmt: skip
def test_a_day_from_which_a_thing_is_wanted_can_wait(urgency: str, expected: str) -> None:
    needs, _ = needs_of("витамины детские", "", urgency)
    assert [n.urgency for n in needs] == [expected]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Guten Tag! У нас Kinderwagen 2, Autositz 1, Spielzeug ca. 5 Kisten, Kinderkleidung "
         "ungefähr 10 Säcke.", "Детские вещи, Игрушки, Одежда",
         {"children": 3, "toys": 5, "clothing": 10}),
        ("Dětské léky: Nurofen sirup 20 ks, Paralen pro děti 20 balení. Též 2 kočárky + 1 "
         "postýlka.", "Медикаменты, Детские вещи", {"medicine": 40, "children": 3}),
        ("Маємо від фірми Bosch 10 Heizlüfter (тепловентилятори), 5 Betten (ліжка) з IKEA.",
         "Бытовая техника, Мебель", {"appliances": 10, "furniture": 5}),
    ],
)  # fmt: skip
def test_childrens_goods_and_drugs_named_in_german_czech_or_polish(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Отметила мебель случайно, мебели нет. Есть зимние вещи женские 3 пакета",
         "Одежда, Мебель", {"clothing": 3}),
        ("Одежда детская 2 пакета. Технику отметила зря, её нет", "Одежда, Бытовая техника",
         {"clothing": 2}),
    ],
)  # fmt: skip
def test_a_box_ticked_by_mistake_with_the_verb_before_or_in_vain(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [("Autositz 1", {"children"}), ("Betten 5", {"furniture"}),
     ("Heizlüfter 10", {"appliances"}), ("obvazy 100 ks", {"medicine"})],
)  # fmt: skip
def test_a_foreign_word_alone_names_its_thing(details: str, expected: set[str]) -> None:
    assert categories_of(details) == expected
