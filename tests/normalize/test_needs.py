"""NGO needs -> needs: category, quantity column, urgency, ids, problems."""

from __future__ import annotations

import pytest

from matcher.model import SourceRow
from matcher.normalize import normalize_needs


def need_row(n: int, **values: str) -> SourceRow:
    base = {
        "submitted_at": "10.12.2014",
        "organization": "Фонд «Допомога»",
        "contact_name": "Ирина",
        "phone": "(050) 123-45-67",
        "city": "Рубежное",
        "item": "Памперсы 4 размер",
        "quantity": "10 пачек",
        "urgency": "срочно",
    }
    base.update(values)
    return SourceRow(n, base)


def test_a_need_is_read() -> None:
    [need], problems = normalize_needs([need_row(2)])
    assert (need.category, need.quantity, need.urgency) == ("hygiene", 10, "high")
    assert need.item == "Памперсы 4 размер"
    assert need.phone == "+380501234567"
    assert need.city == "Рубежное"
    assert problems == []


@pytest.mark.parametrize(
    ("quantity", "expected", "estimated"),
    [
        pytest.param("", 1, True, id="empty"),
        pytest.param("много", 1, True, id="vague"),
        pytest.param("пять", 5, False, id="word"),
        pytest.param("20 шт", 20, False, id="digits"),
    ],
)
def test_quantity_column(quantity: str, expected: int, estimated: bool) -> None:
    [need], problems = normalize_needs([need_row(2, quantity=quantity)])
    assert (need.quantity, need.quantity_estimated) == (expected, estimated)
    assert "quantity_estimated" not in [p.code for p in problems]


@pytest.mark.parametrize(
    ("item", "quantity", "expected", "estimated"),
    [
        # things named one by one with no number: the need states no count
        pytest.param("детская кроватка и манеж", "", 1, True, id="no-number"),
        # the row's only line takes every count of the cell
        pytest.param("кастрюли, сковороды", "кастрюль 3, сковородок 5", 8, False, id="per-thing"),
        pytest.param("тонометр, тест-полоски", "1 тонометр + 10 уп полосок", 11, False, id="plus"),
        # litres in the quantity cell, not an age
        pytest.param("олія соняшникова", "30 л", 30, False, id="litres"),
        # "по N" of each thing, generic ones too, and of each size listed
        pytest.param("подушки, одеяла, постельное", "по 10", 30, False, id="each-thing"),
        pytest.param("сапоги зимние 40, 41, 42", "по 3 пары", 9, False, id="each-size"),
        # the item's own sizes typed again in the quantity cell are no count
        pytest.param("сапоги детские р. 25-29", "25-29", 1, True, id="sizes-again"),
        pytest.param("костыли", "пара", 1, False, id="pair-of-crutches"),
        pytest.param("електрочайники, праски", "5 чайників", 5, False, id="only-line"),
        # "по мешку" after a list: a bag of each
        pytest.param("мука, сахар", "по мешку", 2, False, id="a-bag-each"),
        # a lone adjective after a thing is one more sort of it
        pytest.param("мячи футбольные, волейбольные", "по 5", 10, False, id="each-sort"),
        # a bare count that happens to equal an age's lower bound is a count
        pytest.param("Зимові куртки для підлітків 12-16 років", "12", 12, False, id="not-an-age"),
        pytest.param("шапки, шарфи, рукавиці (дорослі)", "полсотні", 50, False, id="half-hundred"),
        # "мед." after gloves is medical, not honey: three things, ten packs each
        pytest.param("бахилы, маски, перчатки мед. одноразовые", "по 10 уп.", 30, False, id="med"),
        # a count for each size or range listed in the quantity cell: the counts add
        pytest.param("Комбинезоны зимние", "68-74: 4, 80-86: 4", 8, False, id="range-colon"),
        pytest.param("Кросівки", "36-40 — 10 пар, 41-45 — 10 пар", 20, False, id="range-dash"),
        pytest.param("Обувь мужская 41-45", "р.41-5, р.42-8, р.43-10", 23, False, id="size-count"),
        # "и т.п." is "and so on": its "т" is no tonne, the stage 2 no count
        pytest.param("смесь (Нутрилон 2, Малютка 2 и т.п.)", "", 1, True, id="etcetera"),
        pytest.param("уголь", "3 т.", 3, False, id="tonnes"),
    ],
)
def test_what_a_need_counts(item: str, quantity: str, expected: int, estimated: bool) -> None:
    [need], _ = normalize_needs([need_row(2, item=item, quantity=quantity)])
    assert (need.quantity, need.quantity_estimated) == (expected, estimated)


def test_id_survives_quantity_urgency_and_row_moves() -> None:
    [a], _ = normalize_needs([need_row(2)])
    [b], _ = normalize_needs([need_row(40, quantity="3", urgency="не срочно")])
    assert a.need_id == b.need_id
    [c], _ = normalize_needs([need_row(2, item="Подгузники 5 размер")])
    assert c.need_id != a.need_id


def test_identical_rows_are_counted_once_with_a_note() -> None:
    needs, problems = normalize_needs([need_row(3), need_row(2)])
    assert len(needs) == 1 and needs[0].source_row == 2
    assert [(p.code, p.source_row, p.params) for p in problems] == [
        ("duplicate_row", 3, {"kept_row": 2})
    ]


def test_category_column_decides() -> None:
    [need], _ = normalize_needs([need_row(2, category="Одежда", item="для мальчика 5 лет")])
    assert need.category == "clothing"


def test_several_categories_in_one_item() -> None:
    needs, _ = normalize_needs([need_row(2, item="одеяла и посуда", quantity="")])
    assert sorted(n.category for n in needs) == ["bedding", "kitchenware"]
    assert len({n.need_id for n in needs}) == 2


@pytest.mark.parametrize(
    ("values", "code"),
    [
        pytest.param({"item": "", "category": ""}, "item_missing", id="no-item"),
        pytest.param(
            {"organization": "", "contact_name": "", "phone": ""}, "no_contact", id="no-contact"
        ),
        pytest.param({"item": "тест"}, "test_row", id="test"),
        pytest.param({"item": "ИТОГО", "quantity": "345"}, "header_row", id="total-in-item"),
    ],
)
def test_unusable_rows(values: dict[str, str], code: str) -> None:
    needs, problems = normalize_needs([need_row(2, **values)])
    assert needs == []
    assert code in [p.code for p in problems]


def test_a_short_total_row_is_set_aside_and_a_fund_named_razom_is_not() -> None:
    blank = dict.fromkeys(need_row(3).values, "")
    total = need_row(3, **{**blank, "organization": "Разом", "quantity": "160"})
    needs, problems = normalize_needs([need_row(2, organization="Фонд «Разом»"), total])
    assert [n.source_row for n in needs] == [2]
    assert [(p.source_row, p.code) for p in problems if p.code == "header_row"] == [
        (3, "header_row")
    ]
    [kept], _ = normalize_needs([need_row(2, organization="Разом")])
    assert kept.organization == "Разом"
    # a total heading the item: "Всего | Всего по декабрю | 1 284"
    month = need_row(
        4,
        **{
            **blank,
            "submitted_at": "26.12.2014",
            "organization": "Всего",
            "item": "Всего за месяц",
            "quantity": "9",
        },
    )
    assert normalize_needs([month])[0] == []


def test_unknown_urgency_is_normal_with_a_note() -> None:
    [need], problems = normalize_needs([need_row(2, urgency="фиолетовая")])
    assert need.urgency == "normal"
    assert [p.code for p in problems] == ["urgency_unknown"]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        pytest.param("ботинки мужские 43-44", "пару", (1, False), id="a-pair-of-boots"),
        pytest.param("мячи, кубики, настольные игры", "пару десятков", (20, True), id="tens"),
        pytest.param("игрушки для песочницы", "десятка два", (20, True), id="tens-after"),
        # diaper sizes listed with commas are no decimal; "по N каждого" is N of each
        pytest.param("ПАМПЕРСЫ 2,3,4", "по 10 уп каждого размера", (30, False), id="each-size"),
        # "по N" after a thing and another sort named by its adjective and sizes
        pytest.param("Мужская обувь 43-45, женская 38-40", "по 10 пар", (20, False), id="sorts"),
        pytest.param("Одноразові шприци 2мл", "тисяча", (1000, False), id="thousand"),
        # sizes a segment each, then "по 3 шт каждого размера"
        pytest.param(
            "Мужские брюки р. 48, 50, 52, 54 — по 3 шт каждого размера",
            "",
            (12, False),
            id="each-listed-size",
        ),
        # "36р-2пары": a size glued to its count
        pytest.param(
            "Сапоги женские: 36р-2пары, 37р-3пары, 38р-4пары", "", (9, False), id="size-dash-count"
        ),
    ],
)
def test_quantity_words_in_the_column(item: str, quantity: str, expected: tuple) -> None:
    [need], _ = normalize_needs([need_row(2, item=item, quantity=quantity)])
    assert (need.quantity, need.quantity_estimated) == expected


@pytest.mark.parametrize(
    "item", ["Мобильные телефоны кнопочные", "ноутбук для школьника", "фонарики", "буржуйка"]
)
def test_phones_computers_torches_and_wood_stoves_are_no_household_appliances(item: str) -> None:
    [need], _ = normalize_needs([need_row(2, item=item, quantity="1")])
    assert need.category == "other"


def test_quantity_and_urgency_typed_into_each_other_are_read_as_meant() -> None:
    [need], _ = normalize_needs([need_row(2, item="пледы", quantity="не срочно", urgency="15 шт")])
    assert (need.quantity, need.urgency) == (15, "low")


def test_a_number_in_the_quantity_cell_is_not_taken_for_an_urgency() -> None:
    [need], _ = normalize_needs([need_row(2, item="пледы", quantity="2", urgency="до 15 декабря")])
    assert need.quantity == 2


@pytest.mark.parametrize(
    ("urgency", "expected"),
    [
        ("🔥🔥", "high"),
        ("❗️", "high"),
        ("🆘", "high"),
        ("можно после праздников", "low"),
        # typed with a slip
        ("срочо", "high"),
        ("не сочно", "low"),
        ("not urgent", "low"),
        # a deadline, counted from the row's date (10.12.2014)
        ("нужно к 14.12", "high"),
        ("до 25.12", "normal"),
        ("до 20.02", "low"),
        # graded words and abbreviations
        ("чем быстрее тем лучше", "high"),
        ("на цих вихідних", "high"),
        ("important", "high"),
        ("не термін.", "low"),
        ("можна в січні", "low"),
        # a yes or a no typed as the urgency
        ("да", "high"),
        ("нет", "low"),
        ("потом", "low"),
        ("когда-нибудь", "low"),
        ("летом", "low"),
        # letters stretched for stress, and a shortened "очень"
        ("срочнооо", "high"),
        ("не срочнооо", "low"),
        ("оч надо", "high"),
        ("сильно нужно", "high"),
        ("нагально", "high"),
        ("по мірі можливості", "low"),
    ],
)
def test_urgency_in_marks_and_words(urgency: str, expected: str) -> None:
    [need], _ = normalize_needs([need_row(2, urgency=urgency)])
    assert need.urgency == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("шприцы, бинты, перчатки", {"medicine"}),  # gloves beside syringes are medical
        ("жіночий одяг 46, білизна", {"clothing"}),  # "білизна" beside clothes
        ("постільна білизна, ковдри", {"bedding"}),
        ("свечи, фонарики", {"other"}),  # candles for a blackout
        ("інвалідне крісло, функціональне ліжко", {"medicine"}),
        ("пральна машина-автомат", {"appliances"}),
        ("робота для переселенців (вакансії)", {"other"}),  # work in Ukrainian, no robot
        ("игрушки для игровой комнаты", {"toys"}),  # the room is what the toys are for
        ("Книжки-розмальовки", {"toys"}),  # the part that names a category wins over "other"
        ("теплое белье (термо)", {"clothing"}),  # thermal underwear, no thermos
        ("школьные принадлежности (тетради, ручки, пеналы)", {"other"}),  # no cupboards
        ("Уважаемые волонтеры! нужны памперсы", {"hygiene"}),  # whom it speaks to is no need
        ("канцтовары: бумага А4", {"other"}),  # office paper, no toilet paper
        ("вещи на взрослых мужские и женские, куртки зимнии", {"clothing"}),  # a typo of "зимние"
        ("обігрівачі, електроковдра", {"appliances"}),  # an electric blanket stays one word
        ("Игрушки развивающие, книжки-раскладушки", {"toys"}),  # pop-up books, no folding beds
        # the place a thing is for, named by two nouns, asks for none of its goods
        ("Холодильник (рабочий) для пункта выдачи продуктов", {"appliances"}),
        ("Стол для пункта выдачи одежды", {"furniture"}),
        ("коляска для девочки, одежда", {"children", "clothing"}),
    ],
)
def test_what_a_need_row_asks_for(item: str, expected: set[str]) -> None:
    needs, _ = normalize_needs([need_row(2, item=item, quantity="")])
    assert {n.category for n in needs} == expected


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("кошти на закупівлю ліків", "services"),  # money; what it is for is not asked
        ("кошти на ліки для онкохворої переселенки", "services"),
        ("плівка для вікон", "building/materials"),
    ],
)
def test_what_an_other_need_asks_for(item: str, kind: str) -> None:
    needs, _ = normalize_needs([need_row(2, item=item, quantity="")])
    assert [(n.category, n.kind) for n in needs] == [("other", kind)]


@pytest.mark.parametrize(
    "item",
    [
        "ДЛЯ МНОГОДЕТНЫХ:",
        "ВАЖНО!!! Принимаем только чистые вещи",
        "Увага! Приймаємо лише чисте",
        "Уважаемые волонтеры! Склад не работает 7-8 февраля",
        "уточнить у Лены",  # a note to a colleague
    ],
)
def test_a_heading_or_notice_inside_the_list_is_no_need(item: str) -> None:
    needs, problems = normalize_needs([need_row(2, item=item, quantity="", urgency="")])
    assert needs == []
    assert [(p.source_row, p.code) for p in problems] == [(2, "notice_row")]


@pytest.mark.parametrize(
    ("item", "quantity"),
    [
        ("Внимание! Срочно нужны одеяла", ""),  # a request word makes it a need
        ("Памперсы 4:", ""),  # a colon after a thing: still the thing
        ("ДЛЯ МНОГОДЕТНЫХ: одеяла", "20"),
    ],
)
def test_a_need_that_looks_like_a_heading_stays_a_need(item: str, quantity: str) -> None:
    needs, problems = normalize_needs([need_row(2, item=item, quantity=quantity)])
    assert needs
    assert "notice_row" not in [p.code for p in problems]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("Одноразовые стаканы", "1 000 шт", 1000),  # a thousand, spaced
        ("Матраци, ковдри, подушки", "30/30/30", 90),  # a count per thing listed
        ("Лампочки, удлинители", "20/10", 30),
    ],
)
def test_spaced_thousands_and_slashed_counts_in_the_quantity_cell(
    item: str, quantity: str, expected: int
) -> None:
    [need], _ = normalize_needs([need_row(2, item=item, quantity=quantity)])
    assert need.quantity == expected


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [("срочно 20 фл.", "high"), ("по можливості", "normal"), ("20", "normal")],
)
def test_an_urgent_word_in_the_quantity_cell_counts_when_urgency_is_empty(
    quantity: str, expected: str
) -> None:
    [need], _ = normalize_needs([need_row(2, item="Инсулин", quantity=quantity, urgency="")])
    assert need.urgency == expected


@pytest.mark.parametrize(
    ("urgency", "expected"),
    [
        ("до конца февраля", "low"),  # from 10.12.2014: months away
        ("к 1 сентября", "low"),
        ("до 15 декабря", "high"),  # five days
        ("до конца декабря", "normal"),  # three weeks
    ],
)
def test_a_deadline_named_by_its_month_counts_from_the_row_date(
    urgency: str, expected: str
) -> None:
    [need], _ = normalize_needs([need_row(2, urgency=urgency)])
    assert need.urgency == expected


def test_a_range_in_words_is_its_lower_bound_estimated() -> None:
    [need], _ = normalize_needs(
        [need_row(2, item="Кофты, свитера на мужчин", quantity="пять-шесть")]
    )
    assert (need.quantity, need.quantity_estimated) == (5, True)


def test_a_greeting_is_no_need() -> None:
    needs, problems = normalize_needs(
        [need_row(2, item="С Новым Годом всех!!! 🎄🎄🎄", quantity="")]
    )
    assert needs == []
    assert [p.code for p in problems] == ["thanks_row"]
