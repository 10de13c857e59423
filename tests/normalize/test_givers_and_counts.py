"""Displaced families who give, places that are not things, counts typed per thing in a
need's quantity cell, what bags and packs hold, and whom sizes say a thing is for."""

from __future__ import annotations

import pytest

from tests.normalize.rows import needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # they received help once; "получили" is no request, "просят передать" no plea
        (
            "Семья переселенцев из Донецка, получили гуманитарку, просят передать другим"
            " то что не подошло: куртка 2, сапоги 40 р., одеяло",
            "Одежда, Обувь, Постельное бельё",
            {"clothing", "shoes", "bedding"},
        ),
        (
            "Ми переселенці з Луганська. Отримали багато допомоги, хочемо поділитись:"
            " светри 4, ковдра 1",
            "Одежда, Постельное бельё",
            {"clothing", "bedding"},
        ),
        (
            "Звонил мужчина (переселенец), получили квартиру, мебели нет, но вещей лишних"
            " много: куртки 3, ботинки 2 пары. Просит забрать до НГ",
            "Одежда, Обувь",
            {"clothing", "shoes"},
        ),
    ],
)
def test_displaced_families_giving_away_are_offers(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    offers, problems = offers_of(details, boxes)
    assert {o.category for o in offers} == expected
    assert not {p.code for p in problems} & {"help_request", "thanks_row"}


def test_thanks_for_what_was_brought_stays_a_thank_you() -> None:
    offers, problems = offers_of(
        "Хочу сказать спасибо девочкам из call-центра, нам привезли одеяла"
    )
    assert not offers
    assert [p.code for p in problems] == ["thanks_row"]


@pytest.mark.parametrize(
    "details",
    [
        "Переселенка с Антрацита, отдает: комбинезоны 2, сапожки 2 пары",  # a town, not coal
        "пожилая пара переезжает в дом престарелых, отдают: тарелки 8",  # where they go
        "получили квартиру, отдаем: тарелки 8",  # a home they got
        "квартира на продажу, отдаем: тарелки 8",  # a home for sale
    ],
)
def test_places_and_homes_in_passing_are_not_offered(details: str) -> None:
    offers, _ = offers_of(details)
    assert "other" not in {o.category for o in offers}


def test_coal_named_anthracite_is_still_coal() -> None:
    offers, _ = offers_of("уголь антрацит 2 тонны")
    assert [(o.category, o.quantity) for o in offers] == [("other", 2)]


def test_a_thing_none_is_left_of_is_not_offered() -> None:
    offers, _ = offers_of(
        "одежды уже нет, раздали. осталась посуда: тарелки 8, стаканы 6", "Одежда, Посуда"
    )
    assert [(o.category, o.quantity) for o in offers] == [("kitchenware", 14)]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("продуктовые и гигиенические наборы", "продукты - 100 наб., гигиена - 50 наб.",
         {"food": 100, "hygiene": 50}),
        ("мужская одежда б/у, обувь", "одежда - мешки 10, обувь 20 пар",
         {"clothing": 10, "shoes": 20}),
        ("памперсы взрослые L, XL", "L-40, XL-30 уп.", {"hygiene": 70}),
        ("ковдри та подушки", "ковдр 100, подушок 100", {"bedding": 200}),
        ("куртки зимние", "курток 40", {"clothing": 40}),
    ],
)  # fmt: skip
def test_a_quantity_cell_counts_each_thing_it_names(item: str, quantity: str, expected) -> None:  # type: ignore[no-untyped-def]
    needs, _ = needs_of(item, quantity)
    assert {n.category: n.quantity for n in needs} == expected
    assert not any(n.quantity_estimated for n in needs)


def test_a_count_after_bedding_in_the_counted_form_is_no_size() -> None:
    offers, _ = offers_of("ковдр 100 на склад", "Постельное бельё")
    assert [o.quantity for o in offers] == [100]
    # in a description "брюки 48" stays a size
    offers, _ = offers_of("брюки 48", "Одежда")
    assert offers[0].size == "48" and offers[0].quantity_estimated


@pytest.mark.parametrize(
    ("details", "quantity", "unit", "content", "content_unit"),
    [
        ("мешок пшена 25 кг", 1, "bags", 25, "kg"),
        ("рис 1 мешок 50 кг", 1, "bags", 50, "kg"),
        ("картошка 2 мешка 50 кг", 2, "bags", 0, ""),  # each or all: not said
        ("памперсы для взрослых L 1 пачка начатая (около 20 шт)", 1, "packs", 20, "pieces"),
        ("олія соняшникова, 10 бутлів по 1 л", 10, "jars", 10, "liters"),
    ],
)
def test_what_bags_packs_and_bottles_hold(
    details: str, quantity: int, unit: str, content: int, content_unit: str
) -> None:
    offers, _ = offers_of(details)
    assert len(offers) == 1
    offer = offers[0]
    assert (offer.quantity, offer.unit) == (quantity, unit)
    assert (offer.content_quantity, offer.content_unit) == (content, content_unit)


@pytest.mark.parametrize(
    ("details", "audience"),
    [
        ("берцы зимние 44 и 45 размер, 2 пары", "men"),  # no woman's or child's sizes
        ("сапоги 42", ""),  # a woman may wear 42
        ("комбезы зимние рост 68 и 74, 2 шт", "children"),  # a child's height in cm
        ("куртка 50-52", ""),  # an adult's size
    ],
)
def test_sizes_say_whom_a_thing_is_for(details: str, audience: str) -> None:
    offers, _ = offers_of(details)
    assert [o.audience for o in offers] == [audience]


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("Свитера/кофты тёплые на мальчиков", "knitwear+knitwear/sweaters"),  # any knitwear
        ("свитера теплые", "knitwear/sweaters"),
        ("таблетки от кашля", "drugs/cold"),  # the finer kind is what is meant
    ],
)
def test_a_kind_typed_with_a_slash_beside_a_finer_one_is_a_choice(item: str, kind: str) -> None:
    needs, _ = needs_of(item, "10")
    assert [n.kind for n in needs] == [kind]


def test_bed_linen_set_abbreviated() -> None:
    offers, _ = offers_of("КПБ 1,5 сп бязь 10 шт", "Постельное бельё")
    assert [(o.category, o.kind, o.quantity) for o in offers] == [("bedding", "linen/sets", 10)]


def test_tablets_per_pack_are_what_each_pack_holds() -> None:
    offers, _ = offers_of("Цитрамон 10 таблеток 5 пачок", "Медикаменты")
    assert [(o.quantity, o.unit, o.content_quantity) for o in offers] == [(5, "packs", 50)]


@pytest.mark.parametrize(
    ("details", "category"),
    [
        ("Праска і чайник", "appliances"),  # among appliances a kettle is electric
        ("чайник обычный на плиту, со свистком", "kitchenware"),  # unless it says otherwise
        ("чайник эмалированный", "kitchenware"),
    ],
)
def test_a_kettle_ticked_as_an_appliance(details: str, category: str) -> None:
    offers, _ = offers_of(details, "Бытовая техника")
    assert [o.category for o in offers] == [category]


def test_a_word_a_dictionary_knows_is_not_read_by_the_other_dictionarys_guess() -> None:
    # "мелкие" (shallow plates) is no form of "мелки" (crayons)
    offers, _ = offers_of("тарелки глубокие 6 шт, мелкие 6 шт", "Посуда")
    assert [(o.category, o.quantity) for o in offers] == [("kitchenware", 12)]


def test_a_leaking_appliance_is_broken() -> None:
    offers, _ = offers_of("электрочайник, протекает снизу", "Бытовая техника")
    assert [(o.category, o.kind) for o in offers] == [("appliances", "broken")]


@pytest.mark.parametrize(
    ("details", "boxes"),
    [
        ("Нужны 2 человека на склад грузчиками, оплата ежедневно, можно переселенцам", "работа"),
        ("Есть работа для переселенцев — нужен грузчик на склад, оплата каждый день", ""),
    ],
)
def test_an_employer_asking_for_workers_offers_work(details: str, boxes: str) -> None:
    offers, problems = offers_of(details, boxes)
    assert [o.category for o in offers] == ["other"]
    assert "help_request" not in {p.code for p in problems}


@pytest.mark.parametrize(
    "details",
    [
        "нужна работа мужу, мы переселенцы из Горловки, помогите",
        "ищу работу грузчика, оплата любая",
    ],
)
def test_someone_looking_for_work_still_asks_for_help(details: str) -> None:
    offers, problems = offers_of(details)
    assert not offers
    assert [p.code for p in problems] == ["help_request"]
