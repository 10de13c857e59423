"""Counts corrected as typed, needs counted per household, room or floor, notes to
the sheet's own people, urgency told as a hardship, and what a donor withdrew."""

from __future__ import annotations

import pytest

from tests.normalize.rows import counts_of, need_counts, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a correction after a full stop and a bare "не,"
        ("4 пары. не, 3", "Обувь", {"shoes": 3}),
        # "ой" with no comma before it, when the correction names the thing again
        ("картошка 6 мешков одеяла 3 ой одеял 2 а не 3", "", {"bedding": 2, "food": 6}),
        # a "нет" with no comma corrects when the new count has the old one's word
        ("книжки 10 штук нет 8 штук", "Игрушки", {"toys": 8}),
        # "а ні," before the count meant
        ("від кашлю 6 флаконів, а ні, 4 флакони", "Медикаменты", {"medicine": 4}),
        ("2 машини, вибачте 1 машина", "дрова", {"other": 1}),
        ("одеяла 3 шт. хотя нет, отдам только 2, одно оставлю. Полотенца 6", "", {"bedding": 8}),
        # one taken or lost, with no "уже" before the verb
        ("кофты 5 шт, нет, 4 кофты, одну дочка забрала", "Одежда", {"clothing": 4}),
        ("шапки 3, одну потеряли", "Одежда", {"clothing": 3}),
        # no correction: an exclamation, a "нет" inside a clause, a bag left somewhere
        ("Куртки 3 шт ой какие красивые, 2 свитера", "Одежда", {"clothing": 5}),
        ("зимние вещи 2 мешка оставлю у церкви", "Одежда", {"clothing": 2}),
    ],
)
def test_a_count_taken_back_as_typed_is_read_as_settled(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # what is withdrawn takes its ticked box with it
        (
            "Остались чайник и утюг. Шкаф тоже передумали отдавать, сын забирает",
            "Мебель, Бытовая техника",
            {"appliances"},
        ),
        ("Обуви уже нету, отдала. Есть куртки детские 2 шт", "Одежда, Обувь", {"clothing"}),
        (
            "Спочатку хотіла віддати диван, але передумала. Можу дати 2 подушки",
            "Мебель, Постельное бельё",
            {"bedding"},
        ),
        (
            "Одежду уже отдала, а обувь передумала, оставлю внукам. Могу дать кастрюли",
            "Одежда, Обувь, Посуда",
            {"kitchenware"},
        ),
        ("Речами допомогти не можу, можу перевести гроші", "Одежда, гроші", {"other"}),
    ],
)
def test_what_a_donor_withdrew_is_not_offered(details: str, boxes: str, expected: set[str]) -> None:
    offers, _ = offers_of(details, boxes)
    assert {o.category for o in offers} == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # the count after a thing and a word of its state is that thing's
        ("мультиварка 1 б/у кружки 6шт", {"appliances": 1, "kitchenware": 6}),
        ("комбинезоны детские 2 санки 1", {"clothing": 2, "children": 1}),
        ("шарф1 сапоги1пар полотенца5", {"clothing": 1, "shoes": 1, "bedding": 5}),
        # ...but not when the count opens the next thing, or a unit or "с" follows it
        ("cherez avtobus 3 zhenskie kurtki i 4 svitera", {"clothing": 7}),
        ("раскраски 5 с фломастерами, кукла", {"toys": 6}),
        ("бутылочки 3 шт Avent", {"children": 3}),
    ],
)
def test_a_run_on_list_gives_each_count_to_its_own_thing(
    details: str, expected: dict[str, int]
) -> None:
    counts = counts_of(details)
    assert {code: counts.get(code) for code in expected} == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # opening hours and a strength are no counts (a thing named with no count is
        # one, estimated)
        ("стрижемо безкоштовно евакуйованих, з 9 до 18", "стрижки", (1, True)),
        ("отвезём эвакуированных с вокзала, 24/7", "перевозка", (1, True)),
        ("инсулин Актрапид 100 ЕД/мл, 10 флаконов", "Медикаменты", (10, False)),
        # a jar's size
        ("огірки 3х літрові банки 6 шт", "Продукты (долгого хранения)", (6, False)),
        # people who give a service are not what is given
        ("допомога ВПО з документами, 2 юристи", "юридична допомога", (1, True)),
        ("стрижемо безкоштовно, 3 майстри", "стрижки", (1, True)),
        # a count of things stays: bicycles, a range of socks
        ("велосипеды 2 шт, взрослые", "велосипеды", (2, False)),
        ("носки от 10 до 15 шт", "Одежда", (10, True)),
    ],
)
def test_hours_strengths_and_helpers_are_no_counts(
    details: str, boxes: str, expected: tuple[int, bool]
) -> None:
    offers, _ = offers_of(details, boxes)
    assert [(o.quantity, o.quantity_estimated) for o in offers] == [expected]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("постельное бельё, по 2 комплекта в комнату", "15 комнат", {"bedding": 30}),
        (
            "зубные щетки и пасты детские",
            "по 1 щетке и пасте на ребенка, детей 45",
            {"hygiene": 90},
        ),
        ("дрова, по 2 куба на хату, хат щас жилих 23", "", {"other": 46}),
        ("вугілля в мішках по 50 кг, на кожну родину по 10 мішків", "родин 35", {"other": 350}),
        ("вугілля", "2–3 тонни на двір, дворів 9", {"other": 18}),
        ("гречка, рис", "по 2 кг на человека, людей 30, 20 кг уже дали", {"food": 40}),
        (
            "обогреватели масляные в комнаты, 1 на комнату",
            "22 комнаты, 9 уже есть",
            {"appliances": 13},
        ),
        ("холодильник на кухню этажа", "1 на этаж, этажей 4, один есть", {"appliances": 3}),
        ("зимние куртки мужские", "нужно было 25, собрали 17, осталось найти", {"clothing": 8}),
        # each "по" of its own counts once
        (
            "Рушники по 2 і постільна білизна по 1 комплекту на кожну дитину",
            "дітей 30",
            {"bedding": 90},
        ),
    ],
)
def test_a_need_counted_per_household_room_or_floor(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected


def test_so_much_each_in_the_item_counts_its_own_line_when_the_cell_is_empty() -> None:
    item = (
        "Новогнатовка просять по мішку муки і по мішку сахару на двір, дворів там десь 60, "
        "і ще свічки"
    )
    assert need_counts(item) == {"food": 120, "other": 1}


@pytest.mark.parametrize(
    "item",
    [
        "Оля, не ставь сюда больше памперсы, они уже есть на складе",
        "Ребята, кто едет в Лисичанск — заберите коробки у Наташи!!",
        "ВСЕМ: склад на Гагарина закрыт до 27го, не везите туда ничего",
        "НЕ ЗВОНИТЕ в интернат после 20:00, они ругаются",
        "Спаси Господи всех, кто помогает! Нужды пока закрыты",
    ],
)
def test_a_note_to_the_sheets_own_people_is_no_need(item: str) -> None:
    needs, problems = needs_of(item)
    assert needs == []
    assert [p.code for p in problems] in (["notice_row"], ["need_closed"])


@pytest.mark.parametrize(
    "item",
    [
        "семена, рассада для огородов переселенцев",
        "Ребята, нужны памперсы 4, 20 пачек",
        # a note to colleagues that names the things asked for
        "Девочки, кто будет в Метро: на каждую кровать по 2 простыни и 1 наволочке",
        "Юля, 18:22 — Оль, глянь: не хватает стирального порошка, мыла ящика 2",
    ],
)
def test_a_need_that_opens_like_a_note_is_still_a_need(item: str) -> None:
    needs, _ = needs_of(item)
    assert needs


@pytest.mark.parametrize(
    ("urgency", "expected"),
    [
        ("воду отключили", "high"),
        ("село відрізане, магазин не працює", "high"),
        ("ДОПОМОЖІТЬ БУДЬ ЛАСКА", "high"),
        # one urgent sentence of several
        ("срочно нужны! остальное подождет", "high"),
        ("важно, но не горит", "low"),
        ("светла нет", "high"),  # a bare "нет" answers only as the whole cell
        ("света нет после обстрела подстанции", "high"),
        # how often, by when or what for: no hardship
        ("постоянно нужно", "normal"),
        ("каждую неделю", "normal"),
        ("хоть что-нибудь", "normal"),
        ("повторно, всё ещё нужно", "normal"),
        ("щоб працював пункт обігріву", "normal"),
        ("нет", "low"),
    ],
)
def test_urgency_told_as_a_hardship(urgency: str, expected: str) -> None:
    needs, _ = needs_of("одеяла", "10", urgency)
    assert [n.urgency for n in needs] == [expected]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Цефтріаксон 1,0 г (флакони)", ("medicine", "")),
        ("Дитяче харчування до 1 року: каші безмолочні, пюре", ("food", "0-1y")),
        ("памперсы для взрослых Seni Super Large", ("hygiene", "L")),
        ("Подгузники для взрослых Сени, размер 3", ("hygiene", "3")),
    ],
)
def test_a_need_reads_its_drug_age_and_letter_size(item: str, expected: tuple[str, str]) -> None:
    needs, _ = needs_of(item, "10")
    assert [(n.category, n.size) for n in needs] == [expected]


def test_a_heading_for_whom_leaves_the_things_listed_after_it() -> None:
    needs, _ = needs_of("Гигиена для женщин-переселенок: прокладки, шампунь, мыло", "50 наборов")
    assert [(n.kind, n.unit) for n in needs] == [
        ("personal_care/pads+personal_care/shampoo+personal_care/soap", "sets")
    ]


def test_kits_counted_in_pieces_are_sets_and_a_word_typed_again_is_one_thing() -> None:
    offers, _ = offers_of("гигиенические наборы (мыло, шампунь, прокладки) 40 шт")
    assert [(o.quantity, o.unit) for o in offers] == [(40, "sets")]
    offers, _ = offers_of("диванные подушки декоративные 40х40, 6 шт", "Другое: подушки")
    assert [o.category for o in offers] == ["furniture"]


def test_a_brand_a_form_after_whom_and_helpers_beside_things() -> None:
    # "Сени" is adult diapers, not hay; "порошки" after a drug "для взрослых" is its form
    assert counts_of("Сени Классик L, 3 пачки") == {"hygiene": 3}
    assert counts_of("Фервекс для взрослых порошки, 40 уп", "Медикаменты") == {"medicine": 40}
    # helpers counted beside things given leave the things' count
    assert counts_of("дрова 2 машины, 3 волонтера помогут разгрузить", "дрова") == {"other": 2}


def test_a_bus_that_runs_carries_the_things() -> None:
    offers, _ = offers_of("куртки 3 шт. Бус йде 25.01 до Харкова", "Одежда")
    assert [o.category for o in offers] == ["clothing"]


@pytest.mark.parametrize(
    ("item", "quantity", "urgency", "expected"),
    [
        # "now" inside an item tells what is, not how soon
        ("тушенка по 2 банки на человека, у нас сейчас 25 человек", "", "", "normal"),
        # enough for a week can wait; the most urgent of a list is urgent
        ("одежда мужская зимняя", "сколько есть", "есть на неделю", "low"),
        ("Цефтріаксон 1г", "100 фл", "1 (найтерміновіше)", "high"),
        # marks in the quantity cell stress how many, not how soon
        ("одежда б/у любая", "много!!!", "", "normal"),
    ],
)
def test_urgency_beside_the_item_and_the_count(
    item: str, quantity: str, urgency: str, expected: str
) -> None:
    needs, _ = needs_of(item, quantity, urgency)
    assert [n.urgency for n in needs] == [expected]


def test_a_thanks_that_asks_for_more_is_a_need() -> None:
    needs, _ = needs_of("обогреватели — ещё 3, спасибо кто привез первые", "ещё 3")
    assert [(n.category, n.quantity) for n in needs] == [("appliances", 3)]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        (
            "спортивна форма і кеди для фізкультури",
            "20 комплектів і 20 пар",
            {"clothing": 20, "shoes": 20},
        ),
        (
            "зимняя одежда и обувь на всех детей",
            "5 комплектов + 5 пар обуви",
            {"clothing": 5, "shoes": 5},
        ),
        # pairs on both sides: each thing its own, in the row's order
        ("шкарпетки, чоботи", "шкарпетки 10 пар, чоботи 5 пар", {"clothing": 10, "shoes": 5}),
        ("носки теплые, валенки", "20 пар і 10 пар", {"clothing": 20, "shoes": 10}),
        # counts headed by their things go to them alone
        (
            "спортивные костюмы, тапочки, средства гигиены",
            "костюмы 50, тапочки 50 пар",
            {"clothing": 50, "shoes": 50, "hygiene": 1},
        ),
    ],
)
def test_pairs_in_the_quantity_cell_are_the_shoes(
    item: str, quantity: str, expected: dict[str, int]
) -> None:
    assert need_counts(item, quantity) == expected
