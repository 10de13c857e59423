"""Boxes ticked by mistake, money that is no count, surzhyk ages and abbreviated
units, a donor's own car, Latin-letter languages that are no mash, and the words
a need's quantity cell heads its counts with."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("мебель отметила случайно, только одежда: пуховик 46 р", "Одежда, Мебель", {"clothing"}),
        (
            "технику нажала по ошибке. Куртка и 2 свитера на мальчика 12 лет",
            "Одежда, Бытовая техника",
            {"clothing"},
        ),
        (
            "Мебель случайно отметила. Есть электроплита и утюг",
            "Мебель, Бытовая техника",
            {"appliances"},
        ),
        # two boxes joined by "и" before the words of the mistake
        (
            "только одежда, обувь и белье отметила случайно. 3 пакета",
            "Одежда, Обувь, Постельное бельё",
            {"clothing"},
        ),
    ],
)
def test_a_box_ticked_by_mistake_is_not_offered(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert categories_of(details, boxes) == expected


def test_by_chance_without_ticking_is_no_mistake() -> None:
    assert categories_of("куртка случайно порвалась, но целая", "Одежда") == {"clothing"}


@pytest.mark.parametrize(
    "details",
    [
        "картопля 20 мішків, цибуля 5 мішків. Можу привезти в Сєвєродонецьк на своїй машині",
        "гречка 10 кг, привезу на моей машине",
    ],
)
def test_the_donors_own_car_brings_the_goods(details: str) -> None:
    assert categories_of(details, "Продукты (долгого хранения)") == {"food"}


@pytest.mark.parametrize(
    "details",
    [
        "Могу перевести деньги на лекарства, 200 $ или купить по списку",
        "Can send money via Western Union, 300 USD, for heating or coal",
        "переведу 500 гривень на рахунок",
    ],
)
def test_an_amount_of_money_is_no_count(details: str) -> None:
    offers, _ = offers_of(details, "деньги")
    money = [o for o in offers if o.category == "other"]
    assert money and all(o.quantity in (None, 1) for o in money)


def test_a_price_beside_a_count_leaves_the_count() -> None:
    assert counts_of("куртки 3 шт по 20$", "Одежда") == {"clothing": 3}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # surzhyk ages are no counts
        ("отдам вещі на мальчіка 10 лєт, куртка і 2 штанів", "Одежда", {"clothing": 3}),
        ("вєщі на двойню 2 годіка, 2 пакєта", "Одежда", {"clothing": 2}),
        # "пач" is packs, "лотків" trays of eggs
        ("памперси доросл 2 пач, пелюшки 30 шт", "Средства гигиены", {"hygiene": 32}),
        ("яйця 30 лотків щотижня", "Продукты (долгого хранения), яйця", {"food": 30}),
        # a DVD player is an appliance beside the TV
        ("телевизор LG 32 дюйма, DVD", "Бытовая техника", {"appliances": 2}),
    ],
)
def test_counts_in_surzhyk_and_abbreviations(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert counts_of(details, boxes) == expected


def test_i_will_give_is_not_for_ladies() -> None:
    offers, _ = offers_of("дам 2 куртки", "Одежда")
    assert [o.audience for o in offers] == [""]
    offers, _ = offers_of("пальто для дам 2 шт", "Одежда")
    assert [o.audience for o in offers] == ["women"]


def test_polish_is_no_keyboard_mash() -> None:
    offers, problems = offers_of(
        "Możemy przekazać 20 kartonów odzieży i 5 kartonów butów", "Одежда, Обувь"
    )
    assert {o.category: o.quantity for o in offers} == {"clothing": 20, "shoes": 5}
    assert "mash_row" not in {p.code for p in problems}


def test_latin_letters_with_marks_are_words_not_mash() -> None:
    # every word has a mark, none is Cyrillic or known: Polish, read as the ticked box
    offers, problems = offers_of("Przekażę dużo ciepłych swetrów", "Детские вещи")
    assert offers
    assert "mash_row" not in {p.code for p in problems}


def test_linen_sets_named_by_their_bed_size() -> None:
    offers, _ = offers_of(
        "полуторные комплекты бязь 10 шт (наш швейный цех), + халаты 5 шт",
        "Постельное бельё, Одежда",
    )
    assert {o.category: o.quantity for o in offers} == {"bedding": 10, "clothing": 5}


def test_a_phone_by_its_brand_is_a_phone() -> None:
    offers, _ = offers_of("мобільний Nokia з зарядкою", "телефон")
    assert [(o.category, o.kind) for o in offers] == [("other", "household/phones")]
    # "с мобильного": how she called, nothing given
    assert categories_of("позвонила с мобильного, отдадут одеяло", "Постельное бельё") == {
        "bedding"
    }


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        # the cell's words head the counts of the item they name
        (
            "противопролежневые круги и памперсы взрослые",
            "круги 5, памперсы 30 уп.",
            {"medicine": 5, "hygiene": 30},
        ),
        (
            "продуктовые наборы одиноким пенсионерам + моющие средства",
            "наборы 80, моющие 80",
            {"food": 80, "hygiene": 80},
        ),
        (
            "чайники електричні, термоси",
            "чайників 3, термосів 5",
            {"appliances": 3, "kitchenware": 5},
        ),
        # a number right after its thing in a quantity cell counts: no size, no dose
        (
            "халаты хирургические одноразовые, перчатки",
            "перчатки 100 пар, халаты 50",
            {"medicine": 150},
        ),
        (
            "антибиотики (цефтриаксон), физраствор",
            "цефтриаксон 100 фл, физраствор 50",
            {"medicine": 150},
        ),
        # one item text for two lines: each count keeps its own category
        (
            "ліжечка дитячі (для садка) з матрацами",
            "6 ліжечок і 6 матраців",
            {"children": 6, "bedding": 6},
        ),
    ],
)
def test_a_quantity_cell_heads_counts_with_the_items_words(
    item: str, quantity: str, expected
) -> None:  # type: ignore[no-untyped-def]
    needs, _ = needs_of(item, quantity)
    assert {n.category: n.quantity for n in needs} == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("противопролежневые круги", {"medicine"}),
        ("рентгенплівка, проявник", {"medicine"}),
        ("халаты хирургические одноразовые", {"medicine"}),
        ("халаты медицинские", {"clothing"}),  # a doctor's coat is clothing
        ("ялинкові іграшки та гірлянди для шелтеру", {"other"}),
        ("іграшки для новорічних подарунків дітям", {"toys"}),
        ("спальные мешки для людей в неотапливаемых домах", {"bedding"}),  # a place, no home
    ],
)
def test_need_things_and_places(item: str, expected: set[str]) -> None:
    needs, _ = needs_of(item, "10")
    assert {n.category for n in needs} == expected


def test_after_new_year_abbreviated_can_wait() -> None:
    needs, _ = needs_of("Продукты: крупы", "100", "после НГ")
    assert [n.urgency for n in needs] == ["low"]
