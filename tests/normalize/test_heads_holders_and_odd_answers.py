"""Needs counted per patient, bed or family in the item or the quantity cell, what
one sack or box holds, bars of chocolate, things a donor cannot give, and an
answer the reader fails on going to Problems instead of stopping the pass."""

from __future__ import annotations

import pytest

import matcher.normalize.fields as fields
from matcher.model import SourceRow
from matcher.normalize import normalize_offers
from tests.normalize.rows import _FORM, categories_of, counts_of, need_counts, offers_of


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # so much each, then how many: patients, people, beds
        ("полотенца банные и вафельные, по 2 на больного, больных 65", "", {"bedding": 130}),
        ("рушники по 2 на людину, людей 26", "", {"bedding": 52}),
        ("рушники, по одному на ліжко", "24 ліжка", {"bedding": 24}),
        ("простыни", "по 2 на каждую кровать, кроватей 16", {"bedding": 32}),
        # how many, then so much each
        ("уголь для частного сектора", "45 семей по 2 тонны", {"other": 90}),
        # what each one gets, listed after "кожному"
        (
            "теплі халати та вовняні шкарпетки для лежачих",
            "26 осіб, кожному халат і 2 пари шкарпеток",
            {"clothing": 78},
        ),
        # a kit's contents in brackets are one kit, not four things a family
        (
            "продуктовые наборы (крупа, масло, сахар, тушенка) для многодетных семей",
            "по 1 на семью, семей 22",
            {"food": 22},
        ),
        ("теплі светри і штани для 8 дітей", "светр і штани кожній дитині", {"clothing": 16}),
        # no count of heads: so much each is all the cell says
        ("ковдри", "по 2", {"bedding": 2}),
        # heads before "по" inside a bracket are a breakdown, not so much each
        ("простыни, наволочки", "10 компл. (5 кімнат по 2)", {"bedding": 10}),
    ],
)
def test_a_need_counted_per_head_multiplies(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # the weight of one sack, then how many sacks
        ("корм для котів і собак, сухий, мішок 10 кг 3 шт.", "Корм для тварин", {"other": 3}),
        ("сахар мішок 10 кг 3 шт", "", {"food": 3}),
        # what one box holds, in brackets after the boxes counted
        ("2 ящика тушенки (в ящике 36 банок) и ящик сгущенки", "", {"food": 3}),
        # "в упаковке" with no pack counted before: the pieces are the count
        ("подушки 50х70 холлофайбер, новые в упаковке 12шт", "", {"bedding": 12}),
        # bars of chocolate are no hot plates
        ("консервы мясные 40 банок, шоколад 60 плиток", "", {"food": 100}),
        ("2 плитки шоколаду, плитка електрична 1", "", {"food": 2, "appliances": 1}),
        # the doses of a combination drug, and an antibiotic's usual dose
        ("Эналаприл-Н 10/25 таблетки 8 пачек", "Медикаменты", {"medicine": 8}),
        ("амоксиклав 625 - 12 уп, но-шпа 40мг №24 - 18 уп", "Медикаменты", {"medicine": 30}),
        # what is left after some were given is the count
        (
            "Було 7 пакетів речей (одяг 44-48), 3 пакети вже віддала в церкву, залишилось 4 пакети",
            "Одежда",
            {"clothing": 4},
        ),
        (
            "ліжечко дитяче 1, книжки дитячі 8 шт — 3 вже забрали, лишилось 5",
            "",
            {"children": 1, "toys": 5},
        ),
        # a ticked box and "so much each" with no thing named
        ("по 2 на каждого", "Одежда", {"clothing": 2}),
    ],
)
def test_holders_and_bars_count_as_written(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # each box's sum after its list, and the boxes' numbers
        (
            "Коробка 1 — посуда: тарелки 12, чашки 10, кастрюли 2 = 24\n"
            "Коробка 2 — постельное: пододеяльники 4, простыни 6, наволочки 8 = 18",
            {"kitchenware": 24, "bedding": 18},
        ),
        # a closing line of totals by category
        (
            "Собрали по этажам:\n2 этаж — куртки 3, свитера 5\n3 этаж — ботинки 2 пары,"
            " кроссовки 3 пары\nИтого: одежды 8, обуви 5 пар",
            {"clothing": 8, "shoes": 5},
        ),
        # rooms' numbers opening the lines
        ("к.214 — куртка, шапка, шарф\nк.218 — сапоги женские 37р", {"clothing": 3, "shoes": 1}),
        ("📦1 — зимние вещи (около 20)\n📦2 — обувь 8 пар", {"clothing": 20, "shoes": 8}),
        # a count after "=" with nothing listed before it is the count
        ("одеяла теплые = 5", {"bedding": 5}),
        # totals with nothing counted above them are the counts
        ("одежда, обувь\nИтого: одежды 5 пакетов, обуви 3 пары", {"clothing": 5, "shoes": 3}),
    ],
)
def test_a_collection_box_by_box_counts_its_things_once(
    details: str, expected: dict[str, int]
) -> None:
    assert counts_of(details) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # things the donor says they cannot give
        ("Вещи передать не могу, могу переводить деньги на карту", "деньги", {"other"}),
        # "після стірки" is after washing, no wall unit
        ("Отдам вещі, пакетов 5, ще одіяло 2 шт. Вещі після стірки", "", {"clothing", "bedding"}),
        # a box ticked for want of a better one
        (
            "Манеж и стульчик для кормления. Мебель отметил т.к. не нашел куда",
            "Детские вещи, Мебель",
            {"children"},
        ),
        # a messenger's user name is no novel
        ("ковдри 4, куртки 2. пишіть на skype roman_ostrava", "", {"bedding", "clothing"}),
    ],
)
def test_words_that_name_no_thing_given(details: str, boxes: str, expected: set[str]) -> None:
    assert categories_of(details, boxes) == expected


def test_the_place_people_are_settled_in_is_no_need_of_its_own() -> None:
    item = "шкафы, тумбочки, столы, стулья - заселяем общежитие"
    assert need_counts(item, "стульев 20, столов 5") == {"furniture": 25}
    assert categories_of("у нас 2 комнаты свободные, можем поселить семью") == {"other"}


def test_a_thanks_that_asks_for_the_rest_in_the_quantity_cell_is_a_need() -> None:
    item = "куртки чоловічі зимові (вже отримали 6 з 15)"
    assert need_counts(item, "ще 9") == {"clothing": 9}
    assert need_counts("Спасибо всем, куртки получили!", "") == {}


def test_a_need_saying_so_much_each_and_naming_nothing_is_read() -> None:
    assert need_counts("по 2 на больного, больных 65") == {"other": 130}


def test_an_answer_the_reader_fails_on_goes_to_problems_and_the_rest_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a fault in the reader cannot be typed on purpose once fixed: injected here
    real = fields.read_items

    def failing(labels: str, text: str, *, labels_decide: bool):  # type: ignore[no-untyped-def]
        if "сломай" in text:
            raise ValueError("max() arg is an empty sequence")
        return real(labels, text, labels_decide=labels_decide)

    monkeypatch.setattr(fields, "read_items", failing)
    rows = [
        SourceRow(2, {**_FORM, "categories": "Одежда", "details": "сломай меня 2 шт"}),
        SourceRow(3, {**_FORM, "categories": "Обувь", "details": "сапоги 2 пары", "phone": ""}),
    ]
    offers, problems = normalize_offers(rows)
    # kept as typed under "other", for a coordinator to read on the Problems tab
    read = [(o.source_row, o.category, o.item) for o in offers]
    assert read == [(2, "other", "сломай меня 2 шт"), (3, "shoes", "сапоги 2 пары")]
    assert (2, "category_unknown") in [(p.source_row, p.code) for p in problems]
    assert not [p for p in problems if p.source_row == 3 and p.code == "category_unknown"]


def test_an_answer_read_as_usual_keeps_its_reading() -> None:
    offers, problems = offers_of("сапоги 2 пары", "Обувь")
    assert [(o.category, o.quantity) for o in offers] == [("shoes", 2)] and not problems
