"""Hospital abbreviations ("мед.", "т.к."), strengths, durations and street numbers
that are no counts, machines named by their adjective, every box ticked beside an
offer, a family the writer has, help asked of the call-center, buying-up adverts,
and boxes a kitchen appliance or an adult's diaper does not answer."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of

ALL_BOXES = (
    "Одежда, Обувь, Медикаменты, Мебель, Посуда, Средства гигиены, Продукты (долгого "
    "хранения), Детские вещи, Игрушки, Постельное бельё, Бытовая техника"
)


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("Бинт мед. стерильный — 40 шт.", "first_aid/bandages"),
        ("рукавички мед. оглядові — 30 уп.", "first_aid/gloves"),
        ("маски мед. тришарові — 200 шт", "devices/masks"),
    ],
)
def test_med_with_a_dot_after_a_thing_is_medical_not_honey(item: str, kind: str) -> None:
    needs, _ = needs_of(item)
    assert [(n.category, n.kind) for n in needs] == [("medicine", kind)]


def test_honey_with_a_full_stop_is_still_honey() -> None:
    assert categories_of("варення 3 банки і мед.", "Продукты (долгого хранения)") == {"food"}


@pytest.mark.parametrize(
    ("item", "quantity"),
    [
        ("Хлоргексидин 0,05% — 60 фл.", 60),
        ("Мило господарське 65% — 80 шт", 80),
        ("Перекись водорода 3% 100 мл", None),
    ],
)
def test_a_strength_in_percent_is_no_count(item: str, quantity: int | None) -> None:
    needs, _ = needs_of(item)
    (need,) = needs
    assert need.quantity == (quantity if quantity is not None else need.quantity)
    assert need.quantity not in {65, 3, 103, 145}


@pytest.mark.parametrize(
    ("details", "boxes"),
    [
        ("Бесплатно стригу пенсионеров, 40 минут на человека", "стрижка"),
        ("Можу посидіти з дітьми 3 години, поки мама в черзі", "допомога"),
        ("Прийму сім'ю, 10 хв від вокзалу", "житло"),
    ],
)
def test_a_duration_is_no_count(details: str, boxes: str) -> None:
    assert counts_of(details, boxes).get("other") in {None, 1}


@pytest.mark.parametrize(
    "details",
    ["Компьютерные курсы бесплатно, адрес: проспект Ленина 44", "Стрижка для ВПЛ, пр-т Мира 17"],
)
def test_a_house_number_after_an_avenue_is_no_count(details: str) -> None:
    assert counts_of(details, "услуги").get("other") in {None, 1}


def test_tk_for_because_is_no_ton_and_each_named_appliance_counts_one() -> None:
    offers, _ = offers_of(
        "Плита газова, пральна машинка, холодильник, т.к. виїжджаємо", "Бытовая техника"
    )
    (line,) = offers
    assert (line.category, line.quantity, line.unit) == ("appliances", 3, "")


@pytest.mark.parametrize(
    "item", ["потрібна стіральна машинка в гуртожиток", "швейна машинка ножна, робоча"]
)
def test_a_machine_named_by_its_adjective_is_no_toy_car(item: str) -> None:
    needs, _ = needs_of(item, "1")
    assert "toys" not in {n.category for n in needs}
    assert needs


def test_a_numbered_diaper_size_is_a_size_and_each_size_takes_the_count() -> None:
    needs, _ = needs_of("памперси 3-ка і 4-ка", "по 6 пачок")
    (need,) = needs
    assert (need.size, need.quantity) == ("3, 4", 12)


def test_a_toy_car_is_still_a_toy() -> None:
    assert categories_of("машинки, конструктор, м'ячик", "Игрушки") == {"toys"}


def test_every_box_ticked_beside_an_offer_is_no_test() -> None:
    offers, problems = offers_of("віддамо все що є, телефонуйте", ALL_BOXES)
    assert not problems or all(p.code != "test_row" for p in problems)
    assert len({o.category for o in offers}) == 11


def test_every_box_ticked_and_no_offer_is_still_a_test() -> None:
    offers, problems = offers_of("проверка формы", ALL_BOXES)
    assert offers == []
    assert [p.code for p in problems] == ["test_row"]


@pytest.mark.parametrize(
    "details",
    [
        "Ми з Донецька, маю двох дітей, чоловік без роботи. Нам потрібен одяг і продукти",
        "У меня 3 детей, живём в общежитии, нужна обувь и одежда, помогите",
        "Можете ли вы передать нам одеяла? Нас пятеро, в комнате холодно",
        "Чи можете ви привезти мені ліки від тиску? Я пенсіонерка з Попасної",
    ],
)
def test_a_family_or_a_plea_for_things_brought_is_a_help_request(details: str) -> None:
    offers, problems = offers_of(details, "Одежда")
    assert offers == []
    assert [p.code for p in problems] == ["help_request"]


@pytest.mark.parametrize(
    "details",
    [
        "Віддам дитячі речі, сину вже малі: куртка, 2 светри",
        "Каждую субботу 30 булок хлеба в приют, пока нужно",
        "We collected and bought 40 food parcels, 20 first aid kits. Need an address for delivery",
    ],
)
def test_an_offer_that_names_family_or_need_stays_an_offer(details: str) -> None:
    offers, problems = offers_of(details, "Продукты (долгого хранения), Одежда")
    assert offers
    assert not any(p.code == "help_request" for p in problems)


def test_buying_up_gold_and_phones_is_an_advert() -> None:
    offers, problems = offers_of("Скупка телефонов и техники, выгодно! ул. Мира 5", "")
    assert offers == []
    assert [p.code for p in problems] == ["ad_row"]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("є мікрохвильовка", "Посуда, Бытовая техника", {"appliances", "kitchenware"}),
        (
            "подгузники для взрослых L 2 уп",
            "Средства гигиены, Медикаменты",
            {"hygiene", "medicine"},
        ),
    ],
)
def test_a_box_a_thing_does_not_answer_stays_ticked(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected
