"""Numbers that share a measure ("125 и 250 мл"), a weight that is what each pack
holds, eggs counted in tens, a count after the size's word, a lone set, a
"maybe" after a count, what another thing is for ("до"), tea brands, and test strips that
are no test entry; a season written out wins over a material's hint."""

from __future__ import annotations

import pytest

from matcher.normalize.items import read_items
from tests.normalize.rows import counts_of, need_counts, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # every number of a list takes the measure after the last one
        ("бутылочки 125 и 250 мл, 4 шт", "Детские вещи", {"children": 4}),
        ("шприцы 2 и 10 мл 50 шт", "Медикаменты", {"medicine": 50}),
        # a weight, then the packs it comes in and their count
        ("стиральный порошок 3 кг пачки 4 шт, шампуни 5", "Средства гигиены", {"hygiene": 9}),
        ("порошок 3кг пачка 2 шт", "Средства гигиены", {"hygiene": 2}),
        # "яички", "курочка": eggs and a chicken in diminutives (eggs counted in tens)
        ("яички 3 десятка, курочка битая 2 шт", "Продукты (долгого хранения)", {"food": 5}),
        ("книги 3 десятка", "Игрушки", {"toys": 30}),
        # a multiplication sign: so many in each pack, times the packs
        ("Чай Липтон пакетики 100шт х 10 пачек, кофе 3 банки", "", {"food": 13}),
        # a count with its unit after the size's word counts
        ("ботинки зимние мужские 43 размер две пары", "Обувь", {"shoes": 2}),
        # a set named alone is one set; the word inside a thing's name counts nothing
        ("тарелки глубокие 6 шт, ложки вилки набор", "Посуда", {"kitchenware": 7}),
        ("спальный мешок", "", {"bedding": 1}),
        # "мб" after a count is "maybe", not megabytes
        ("худі 2 шт, ще футболки штук 5 мб", "Одежда", {"clothing": 7}),
        # the grade of flour and a helper's age count nothing
        ("мука 1 сорт 20 мешков по 50 кг", "Продукты (долгого хранения)", {"food": 20}),
        ("мне 17, могу сортировать вещи после уроков", "Волонтёрство", {"other": 1}),
        # a carrycot named beside a stroller is part of it
        (
            "коляска-трансформер зима-лето, люлька + прогулочный блок",
            "Детские вещи",
            {"children": 1},
        ),
        # a bed linen set typed short, with its size before it
        ("полуторки 2 компл + пододеяльники отдельно 4 шт", "Постельное бельё", {"bedding": 6}),
    ],
)
def test_numbers_that_are_measures_or_units_count_as_people_count(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_a_thing_another_is_for_after_do_is_no_thing_offered() -> None:
    counts = counts_of("шафи 2, тумбочки 6, матраци до ліжок 8 шт", "Мебель, Постельное бельё")
    assert counts == {"furniture": 8, "bedding": 8}


def test_test_strips_are_a_need_not_a_test_entry() -> None:
    needs, problems = needs_of("тонометр, глюкометр, тест полоски", "тонометр 2 глюкометр 1")
    assert {n.category for n in needs} == {"medicine"}
    assert not problems
    assert need_counts("тест полоски для глюкометра", "10 уп") == {"medicine": 10}
    needs, problems = needs_of("тест")
    assert not needs
    assert [p.code for p in problems] == ["test_row"]


@pytest.mark.parametrize(
    ("details", "season"),
    [
        ("детский комбинезон демисезонный на 2 года, флис", "demi"),
        ("свитер вязаный", "winter"),
        ("шапка вязаная, кофта летняя", "summer"),
        ("пуховик, футболки летние", "summer+winter"),
    ],
)
def test_a_season_written_out_wins_over_a_materials_hint(details: str, season: str) -> None:
    offers, _ = offers_of(details, "Одежда")
    assert [o.season for o in offers] == [season]


def test_a_brand_of_incontinence_pads_for_men_is_no_adult_diaper() -> None:
    offers, _ = offers_of("Урологические прокладки для мужчин Tena Men, 3 уп", "Другое")
    assert [(o.category, o.kind) for o in offers] == [("hygiene", "diapers/incontinence_pads")]


def test_how_long_a_thing_was_used_is_no_age() -> None:
    offers, _ = offers_of(
        "коляска-трансформер зима-лето Tako, б/у 1 год, все целое", "Детские вещи"
    )
    assert [(o.kind, o.size) for o in offers] == [("strollers/strollers", "")]


def test_bed_sizes_as_typed_in_surzhyk() -> None:
    needs, _ = needs_of("Постільна білизна півторачна", "20 комплектів")
    assert [(n.kind, n.size, n.quantity) for n in needs] == [("linen/sets", "полуторный", 20)]
    offers, _ = offers_of("двуспальне, 2 комплекти", "Постельное бельё")
    assert [(o.size, o.quantity) for o in offers] == [("двуспальный", 2)]


def test_one_of_the_things_missing_a_part_offers_and_counts_nothing() -> None:
    lines = read_items(
        "Мебель, Детские вещи",
        "2 кроватки детские, матрасы есть, у одной нет одного бортика",
        labels_decide=False,
    ).lines
    assert [
        (line.category, line.kind, line.quantity and line.quantity.value) for line in lines
    ] == [
        ("children", "cribs/cribs", 2),
        ("bedding", "mattresses/mattresses", None),
    ]
