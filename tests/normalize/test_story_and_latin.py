"""What a donor's story names in passing (the home they were given, the work the
husband found, the drivers who gathered the things) is not offered; Ukrainian
typed in Latin letters is read; a row that asks only where to send its gift,
says "є", is Belarusian, or ticked every box by mistake is an offer; a need's
"от 300", weekday deadlines and psychiatric drugs are read."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # help the writer got: "нам помогли", "нас приютили"
        ("Мы из Луганска, летом нам помогли волонтеры, теперь сами хотим помочь. "
         "Подгузники 5 пачек", "Средства гигиены", {"hygiene"}),
        ("В июле нас приютили в Святогорске, помогли всем. Сейчас есть набор посуды",
         "Посуда", {"kitchenware"}),
        # a thing named by a past verb, or its object
        ("Для семьи, которых поселили на Павловом Поле: стиральная машина",
         "Бытовая техника", {"appliances"}),
        ("чоловік знайшов роботу. Є: пальто жіноче, ковдра", "Одежда, Постельное бельё",
         {"clothing", "bedding"}),
        ("Сусіди допомогли з житлом, тепер віддаємо холодильник", "Бытовая техника",
         {"appliances"}),
        # at home, or someone's own home
        ("пальто драповое, 2 платка. Приходите, я дома всегда", "Одежда", {"clothing"}),
        ("Котел газовый, новый. Отдам для семьи у которой частный дом", "Бытовая техника",
         {"appliances"}),
        ("Тепер маємо своє житло і віддаємо старе: холодильник", "Бытовая техника",
         {"appliances"}),
        # people who gathered or carry the goods
        ("Водители нашего АТП собрали: 8 мешков одежды", "Одежда", {"clothing"}),
        ("Скинулись водіями: 20 продуктових наборів", "Продукты (долгого хранения)", {"food"}),
        ("Збираємо водіями нашого АТП: 8 мішків одягу", "Одежда", {"clothing"}),
        ("We collected 25 boxes of warm clothes. Our volunteer Oksana speaks Ukrainian",
         "Одежда", {"clothing"}),
        # the donor's own goods travelling, and paying for it
        ("Всё привезём сами на грузовом такси: стол кухонный", "Мебель", {"furniture"}),
        ("22 пакети одягу, оплатимо доставку", "Одежда", {"clothing"}),
        ("собирали по общежитиям две недели: одежда 18 пакетов", "Одежда", {"clothing"}),
        # the occasion in Latin letters, and cupboards sorted out at home
        ("U nas est veshchi posle remonta: 3 paketa odezhdy", "Одежда", {"clothing"}),
        ("Разобрали дома шкафы и балкон. Отдаём: стульчик для кормления", "Детские вещи",
         {"children"}),
    ],
)  # fmt: skip
def test_what_a_story_names_in_passing_is_not_offered(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes"),
    [
        ("Освободилась квартира, можем пустить семью до весны", ""),
        ("Могу отвезти гуманитарку на своей Газели в Волноваху", ""),
        ("Могу быть волонтером на складе по выходным", ""),
        ("Собрали деньги 5000 грн, хотим передать семье", ""),
        ("У нас частный дом, свободная комната, можем принять семью", ""),
        ("Можем пустить семью у нас дома до весны", ""),
    ],
)
def test_a_home_a_ride_or_work_offered_is_still_offered(details: str, boxes: str) -> None:
    offers, _ = offers_of(details, boxes)
    # read as the thing it is, not as an answer nothing in the vocabulary names
    assert [o.kind.split("/")[0] for o in offers if o.category == "other"] in (
        ["shelter"],
        ["transport"],
        ["services"],
    )


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("med 20 litriv, kartoplia 15 mishkiv", "Продукты (долгого хранения)", {"food": 35}),
        ("6 paketiv dytiachoho odiahu", "Одежда", {"clothing": 6}),
        ("pampersy 4 pachky, vologi servetky 6 pachok", "Средства гигиены", {"hygiene": 10}),
        ("dyvan rozkladnyi, i 2 stiltsi", "Мебель", {"furniture": 3}),
        ("holodylnyk robochyi, pralka", "Бытовая техника", {"appliances": 2}),
    ],
)
def test_ukrainian_typed_in_latin_letters_is_read(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # Russian in Latin letters: "horoshem" is "хорошем", no peas
        ("kurtka zimnyaya 2 sht, vse v horoshem sostoyanii", "Одежда", {"clothing"}),
        ("otdam detskuyu krovatku, sostoyanie horoshee", "Детские вещи", {"children"}),
        # a town in Latin letters is no thing
        (
            "60 boxes of first-aid kits to hospitals in Kramatorsk and Sloviansk",
            "Медикаменты",
            {"medicine"},
        ),
    ],
)
def test_russian_typed_in_latin_letters_is_not_read_as_ukrainian(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


def test_belarusian_with_nothing_known_is_no_mash() -> None:
    offers, problems = offers_of("Сабралі мяшкоў адзення, перадамо праз сяброў")
    assert offers
    assert "mash_row" not in {p.code for p in problems}


def test_a_microwave_typed_in_latin_letters_is_an_appliance() -> None:
    assert categories_of("posud: 2 kastruli; mikrohvylovka") == {"kitchenware", "appliances"}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Собрали в нашей общине медикаменты около 30 кг. Нужен адрес куда отправить",
         "Медикаменты", {"medicine"}),
        ("Можу оплатити 2 тонни вугілля для родини. Прошу дати контакт конкретної сім'ї",
         "вугілля", {"other"}),
        ("є", "Одежда", {"clothing"}),
        ("Сабралі 5 мяшкоў адзення, перадамо праз сяброў у Харкаў", "Одежда", {"clothing"}),
        ("Есть только детская одежда 2 пакета, остальное нажала случайно",
         "Одежда, Обувь, Медикаменты, Мебель, Посуда, Средства гигиены, Продукты (долгого "
         "хранения), Детские вещи, Игрушки, Постельное бельё, Бытовая техника", {"clothing"}),
    ],
)  # fmt: skip
def test_rows_that_look_like_junk_but_offer(details: str, boxes: str, expected: set[str]) -> None:
    offers, problems = offers_of(details, boxes)
    assert {o.category for o in offers} == expected
    assert not [p for p in problems if p.code in {"help_request", "mash_row", "test_row"}]


def test_a_plea_is_still_a_help_request() -> None:
    offers, problems = offers_of("Нам нужна помощь, нужен обогреватель, мы переселенцы")
    assert not offers
    assert [p.code for p in problems] == ["help_request"]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("вишиті рушники 3, сорочки вишиті 2", "Одежда, Постельное бельё",
         {"bedding": 3, "clothing": 2}),
        ("шкаф 1 шт; тумба ТВ; 1 шт", "Мебель", {"furniture": 2}),
        ("Wir schicken 12 Babybetten und 10 Kindersitze", "Детские вещи", {"children": 22}),
        ("3 Rollstühle, 2 Rollatoren", "Медикаменты", {"medicine": 5}),
        ("20 łóżeczek dziecięcych", "Детские вещи", {"children": 20}),
        ("Her oxygen concentrator, wheelchair and walking frame", "Медикаменты",
         {"medicine": 3}),
        ("ходунки, стул-туалет, судно", "Медикаменты", {"medicine": 3}),
        ("Детская кроватка, мобиль музыкальный", "Детские вещи, Игрушки",
         {"children": 1, "toys": 1}),
    ],
)  # fmt: skip
def test_words_for_things(details: str, boxes: str, expected: dict[str, int]) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize("details", ["рушник вишитий 2 шт", "вишиті рушники", "рушник весільний"])
def test_an_embroidered_towel_is_a_towel_of_its_own(details: str) -> None:
    offers, _ = offers_of(details, "Постельное бельё")
    assert [o.kind for o in offers] == ["towels/embroidered_towels"]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("продуктовые наборы для переселенцев", "от 300", (300, True)),
        ("Продуктові набори", "від 50", (50, True)),
        ("Анальгин 50% 2 мл амп. №10, Димедрол 1% 1 мл амп. №10", "по 20 уп.", (40, False)),
        ("шприцы 2 мл, 5 мл, 10 мл", "по 100", (300, False)),
        ("куртки детские", "от 3 лет", (1, True)),
    ],
)
def test_a_need_counts_at_least_and_each(
    item: str, quantity: str, expected: tuple[int, bool]
) -> None:
    needs, _ = needs_of(item, quantity)
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [expected]


@pytest.mark.parametrize(
    "item",
    ["Галоперидол 5 мг табл. №50", "1. Амитриптилин 25 мг №50 — 20 уп.",
     "Аминазин 100 мг драже №50", "Рисперидон 2 мг №20 (Рисполепт или аналог)"],
)  # fmt: skip
def test_psychiatric_drugs_are_medicine(item: str) -> None:
    needs, problems = needs_of(item, "20 уп")
    assert [n.category for n in needs] == ["medicine"]
    assert not problems


@pytest.mark.parametrize(
    ("urgency", "expected"),
    [("к понедельнику", "high"), ("на эту неделю", "high"), ("до субботы", "high"),
     ("до вівторка", "high"), ("можно позже", "low")],
)  # fmt: skip
def test_a_weekday_deadline_is_urgent(urgency: str, expected: str) -> None:
    needs, _ = needs_of("картошка", "500 кг", urgency)
    assert [n.urgency for n in needs] == [expected]
