"""A word for things that counts a list, the occasion things came from, the room
they go to, bought-to-give-out rows, urgency said as a day, pleas beside a gift,
and quantity cells that name each thing without commas or count with a year."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


def test_a_word_for_things_after_a_list_is_the_count_of_them_all() -> None:
    offers, _ = offers_of("шапки, шарфы, варежки и носки для взрослых, ~70 вещей", "Одежда")
    (line,) = offers
    assert (line.quantity, line.quantity_estimated) == (70, True)
    assert set(line.kind.split("+")) == {
        "accessories/gloves",
        "accessories/hats",
        "accessories/scarves",
        "underwear/socks",
    }


def test_a_total_after_counted_things_names_no_kind_of_its_own() -> None:
    offers, _ = offers_of("куртка, 2 кофты, всего 5 вещей", "Одежда")
    (line,) = offers
    assert line.quantity == 5
    assert line.kind == "knitwear+outerwear/jackets"


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a bag of things is one more thing, not the count of the list
        ("Со слов: одеяло 2 шт, пальто женское, пакет детских вещей", "Одежда", {"clothing": 2}),
        # a word of the category that names a thing of its own adds to the list
        ("Детское одеяло, постельное детское 2 комплекта", "Постельное бельё", {"bedding": 3}),
    ],
)
def test_a_bag_or_a_thing_after_a_list_adds_to_it(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    counts = counts_of(details, boxes)
    assert {code: counts.get(code) for code in expected} == expected


def test_bought_wholesale_to_give_out_is_an_offer_of_adult_diapers() -> None:
    offers, problems = offers_of(
        "Оптом закупили для раздачи: подгузники для взрослых Tena Slip размер L, "
        "10 упаковок по 30 шт; также влажные салфетки 20 пачек",
        "Средства гигиены, Медикаменты",
    )
    # the diapers are hygiene; the ticked «Медикаменты» box, which no thing answers, stays
    assert [o.category for o in offers] == ["hygiene", "medicine"]
    assert "diapers/adult" in offers[0].kind
    assert not any(p.code == "ad_row" for p in problems)


@pytest.mark.parametrize("urgency", ["на завтра", "треба вже", "сверхсрочно", "до завтра!"])
def test_a_day_or_now_in_the_urgency_cell_is_urgent(urgency: str) -> None:
    needs, _ = needs_of("курица", "30 кг", urgency)
    assert [n.urgency for n in needs] == ["high"]


def test_a_donor_who_gives_and_asks_for_our_car_still_offers() -> None:
    details = (
        "Виктор Петрович, живёт на Кальмиусском, угля мешков 30, отдаёт семьям "
        "с печным отоплением, машину просит нашу"
    )
    offers, problems = offers_of(details, "уголь")
    assert {o.category for o in offers} == {"other"}
    assert not any(p.code == "help_request" for p in problems)


def test_a_parish_that_asks_where_to_bring_its_collection_offers_it() -> None:
    details = (
        "Наша парафія зібрала: теплі речі 12 мішків, ковдри 20 шт, продуктові набори 35. "
        "Просимо повідомити куди везти."
    )
    assert categories_of(details, "Одежда, Постельное бельё") == {"bedding", "clothing", "food"}


@pytest.mark.parametrize(
    "details",
    [
        "Ищем жилье для семьи из Луганска, 2 взрослых 1 ребенок, можем помогать по хозяйству",
        "Ищем жилье для семьи из Луганска 3 человека, недорого или бесплатно",
    ],
)
def test_a_family_that_only_can_help_in_return_still_asks(details: str) -> None:
    offers, problems = offers_of(details)
    assert not offers
    assert [p.code for p in problems] == ["help_request"]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Бойлер Аристон 80 л, рабочий, снял при ремонте", "Бытовая техника", {"appliances"}),
        ("після ремонту лишилось: шафа, 2 тумби", "Мебель", {"furniture"}),
        ("телевизор и DVD-плеер в детскую комнату", "Бытовая техника", {"appliances"}),
        ("самовар электрический и чайный сервиз", "Посуда", {"appliances", "kitchenware"}),
        # "у приватному будинку" is where the stove is, so the stove is no offer
        (
            "газовий балон 50 л, порожній, може комусь у приватному будинку знадобиться для плити",
            "Другое",
            {"other"},
        ),
        # where the writer lives, what things are for, how they were made
        ("Пальто, куртка, 2 кофти. Я біля гуртожитку на Катеринича живу", "", {"clothing"}),
        ("Кровать двухъярусная металлическая 3 шт, подойдёт для общежития", "", {"furniture"}),
        ("Светр вовняний, шапка, шарф - все ручна робота бабусі", "", {"clothing"}),
        ("Відключили газ, а я в'яжу при ліхтарику. Є 8 пар шкарпеток", "", {"clothing"}),
        ("в шафі лежать іграшки, є ляльки 4, машинки штук 10", "", {"toys"}),
        ("ми з мамою розібрали шафу: куртки 2, пальто, кофти 6", "", {"clothing"}),
        ("разобранный шкаф, отдам", "", {"furniture"}),
        (
            "шифоньєр старий, і кровать одна. Медикаменти нажав случайно",
            "Мебель, Медикаменты",
            {"furniture"},
        ),
        # words of two senses, and words from abroad
        ("цефтриаксон 1г 40 флаконов, вода для инъекций 2 мл 100 ампул", "", {"medicine"}),
        ("каптоприл 25 мг 3 уп, кислородная подушка", "", {"medicine"}),
        ("Mamy dla dzieci: 3 wózki", "", {"children"}),
        ("Mamy 5 fotelików samochodowych", "", {"children"}),
        ("Чайник эл., термос 1 л", "", {"appliances", "kitchenware"}),
    ],
)
def test_what_is_only_mentioned_is_not_offered(details: str, boxes: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert categories_of(details, boxes) == expected


def test_what_was_left_after_a_repair_is_counted() -> None:
    details = "Остались после ремонта: шифер 15 листов, цемент 4 мешка."
    assert counts_of(details, "Стройматериалы") == {"other": 19}


def test_a_repair_offered_is_still_a_service() -> None:
    offers, _ = offers_of("могу сделать ремонт", "Другое")
    assert [o.kind for o in offers] == ["services"]


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        (
            "теплые куртки пенсионерам и валенки",
            "куртки 15 валенки 15",
            {"clothing": 15, "shoes": 15},
        ),
        (
            "одноразовые стаканчики, чай",
            "стаканы 2000, чай 10 уп",
            {"kitchenware": 2000, "food": 10},
        ),
        ("одноразовые стаканчики", "2000", {"kitchenware": 2000}),
        (
            "підгузки 4,5 розміру, дитяче харчування (суміші)",
            "підгузки — 25 пач., суміш — 40 банок",
            {"hygiene": 25, "food": 40},
        ),
    ],
)
def test_quantity_cells_that_name_each_thing(item: str, quantity: str, expected) -> None:  # type: ignore[no-untyped-def]
    needs, _ = needs_of(item, quantity)
    assert {n.category: n.quantity for n in needs} == expected


def test_a_year_in_the_quantity_cell_is_still_no_count() -> None:
    needs, _ = needs_of("бинты", "годен до 2016")
    assert [(n.quantity, n.quantity_estimated) for n in needs] == [(1, True)]


@pytest.mark.parametrize(
    ("item", "size"),
    [
        ("Обувь зимняя мужская 42-45 (ботинки, сапоги)", "42-45"),
        ("Обувь 36-40 (сапоги)", "36-40"),
    ],
)
def test_a_shoe_size_range_before_the_things_in_brackets_is_a_size(item: str, size: str) -> None:
    needs, _ = needs_of(item, "10 пар")
    assert [(n.quantity, n.size) for n in needs] == [(10, size)]


def test_grams_of_formula_are_no_age() -> None:
    offers, _ = offers_of("Нутрилон 1, 800 г, 2 банки", "Продукты (долгого хранения)")
    assert [(o.quantity, o.size) for o in offers] == [(2, "0-6m")]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Масляные обогреватели, 5 шт, купили на собранные средства", {"appliances": 5}),
        ("Смесь Малютка 1, 12 коробок, купили на деньги что собрали на работе", {"food": 12}),
        ("купили на рынке сапоги 2 пары", {"shoes": 2}),
    ],
)
def test_the_money_things_were_bought_with_is_not_offered(details: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert counts_of(details) == expected


@pytest.mark.parametrize(
    "details",
    [
        "Аптечки автомобильные 5 шт, бинты 40 шт, парацетамол 10 уп., всё не просрочено",
        "Просрочки нет, всё годное: парацетамол 40 уп, ибупрофен 20",
        "без просрочки: нурофен 3",
    ],
)
def test_medicine_said_to_be_in_date_is_offered(details: str) -> None:
    assert categories_of(details, "Медикаменты") == {"medicine"}


def test_medicine_out_of_date_still_is_not() -> None:
    assert categories_of("нурофен, просрочен в сентябре", "Медикаменты") == {"other"}


@pytest.mark.parametrize(
    ("item", "quantity", "expected"),
    [
        ("шприци 2 мл, 5 мл, 10 мл", "по 1000", 3000),
        ("катетеры Фолея №16, №18", "по 50", 100),
        ("Nan 1 / Nan 2", "по 5 банок", 10),
        ("калькулятори, лінійки, циркулі", "по 10", 30),
        ("эналаприл 10 мг", "по 5 уп", 5),
    ],
)
def test_so_many_of_each_sort_listed(item: str, quantity: str, expected: int) -> None:
    needs, _ = needs_of(item, quantity)
    assert [n.quantity for n in needs] == [expected]


def test_a_salon_with_a_discount_is_an_advert() -> None:
    offers, problems = offers_of(
        "Скидка переселенцам 20% на стрижки! Салон «Шарм», ул. Парковая 15"
    )
    assert not offers
    assert [p.code for p in problems] == ["ad_row"]


def test_table_football_is_a_game() -> None:
    needs, _ = needs_of("настільний футбол або аерохокей", "1")
    assert [n.category for n in needs] == ["toys"]
