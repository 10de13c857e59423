"""What a donor takes back, keeps or has already given is not offered; letter sizes
with their counts add up; a thing's own parts and a container's size are no count;
money for medicine offers money; a Latin word that is a word of its own is no typo."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("шкаф, 2 стула... хотя нет, стулья уже забрали соседи. Только шкаф", "Мебель",
         {"furniture": 1}),
        ("диван и 2 кресла. Кресла не отдаем, передумали, только диван", "Мебель",
         {"furniture": 1}),
        ("шафа, ні, шафу вже забрали. Є тільки 2 стільці і табуретка", "Мебель",
         {"furniture": 3}),
        ("курточки дитячі 3 шт., ой ні, 2, одна порвана", "Одежда", {"clothing": 2}),
        ("Стулья 6 шт... вернее 5, один сломан. Стол кухонный", "Мебель", {"furniture": 6}),
        ("тарелки 10, нет 8 (две разбились при переезде 😂), чашки 6", "Посуда",
         {"kitchenware": 14}),
    ],
)  # fmt: skip
def test_what_the_donor_takes_back_is_not_counted(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("шкаф, 2 кровати деревянные, кресло. Холодильник тоже есть но он сломан, не предлагаю",
         "Мебель", {"furniture"}),
        ("На мальчика 3-5 лет: куртка рост 104, свитер 2 шт; велосипед трехколесный не отдаю, "
         "только одежда", "Детские вещи, Одежда", {"clothing"}),
        ("Картоплі 2 мішки. Дитячі речі на 3-5 років мішок. Дитяче ліжечко продала, пробачте",
         "Продукты (долгого хранения), Одежда", {"clothing", "food"}),
        ("Дубленка женская 48 размер, новая. Еще есть норковая шапка но ее оставлю себе",
         "Одежда", {"clothing"}),
    ],
)  # fmt: skip
def test_a_sentence_keeping_a_thing_back_offers_nothing(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


def test_only_the_clause_keeping_a_thing_back_goes() -> None:
    details = (
        "В квартирі залишається: стенка, диван, два крісла, шафа, кухонний гарнітур не "
        "віддаю бо вбудований. Холодильник Атлант"
    )
    assert counts_of(details, "Мебель, Бытовая техника") == {"furniture": 5, "appliances": 1}


def test_a_sentence_that_keeps_one_thing_and_offers_another_stays() -> None:
    assert counts_of("Вещи уже отдали, осталась посуда 5 шт. Звоните", "Посуда") == {
        "kitchenware": 5
    }
    # one sentence only: nothing else would be left of the answer
    assert categories_of("холодильник продала", "Бытовая техника") == {"appliances"}


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("ФУТБОЛКИ S-3ШТ M-4ШТ L-2ШТ", 9),
        ("футболки S 2, M 3, L 1, XL 2", 8),
        ("Футболки р. S-2, L-3; джинсы 2", 7),
        ("футболки M 3", 3),
    ],
)
def test_letter_sizes_with_their_counts_add_up(details: str, expected: int) -> None:
    assert counts_of(details, "Одежда") == {"clothing": expected}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Шкаф 3-дверный 150х60х220, кровать двуспальная 160х200 без матраса, комод 4 ящика",
         "Мебель", {"furniture": 3}),
        ("Морозильна камера Атлант 3 шухляди", "Бытовая техника", {"appliances": 1}),
        ("шкаф-купе 3 двери, разборный", "Мебель", {"furniture": 1}),
        ("яблоки 5 ящиков", "Продукты (долгого хранения)", {"food": 5}),
        ("мед липовий 3 л банки 4 шт, варення 6 банок", "Продукты (долгого хранения)",
         {"food": 10}),
        ("Плита газовая 2-конфорочная и баллон газовый 50 л", "Бытовая техника",
         {"appliances": 1, "other": 1}),
        ("сало 3 кг, смалець 2 банки, часник 2 кілограми", "Продукты (долгого хранения)",
         {"food": 7}),
        ("Соняшникова олія домашня 10 л, борошно 1 мішок", "Продукты (долгого хранения)",
         {"food": 11}),
    ],
)  # fmt: skip
def test_parts_and_sizes_of_a_thing_are_no_count(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes"),
    [
        ("Могу перевести деньги 5000 руб. на лекарства для пожилых", ""),
        ("Могу перевести 1000 грн на карту организации, которая покупает лекарства", "деньги"),
        ("I can send money for medicines, 200 USD monthly", ""),
    ],
)
def test_money_for_medicine_offers_money(details: str, boxes: str) -> None:
    assert categories_of(details, boxes) == {"other"}


def test_where_medicine_was_kept_is_no_appliance() -> None:
    details = "Инсулин Актрапид 5 флаконов, хранился в холодильнике. Тест-полоски 2 упаковки"
    assert categories_of(details, "Медикаменты") == {"medicine"}
    assert categories_of("холодильник Норд, стиральная машина", "Бытовая техника") == {"appliances"}


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Ya iz Lisichanska, mogu otpravit 3 posylki s zimnimi veshchami", {"clothing"}),
        ("Moge peredaty z Polshchi: bynty, shpryci, liky vid prostudy", {"medicine"}),
    ],
)
def test_a_latin_word_that_is_a_word_of_its_own_is_no_typo(
    details: str, expected: set[str]
) -> None:
    assert categories_of(details) == expected


def test_a_counted_list_before_thanks_is_an_offer() -> None:
    offers, problems = offers_of(
        "Парафіяни зібрали: теплий одяг 7 мішків, продуктові набори 20 шт, ковдри 10. "
        "Минулого тижня вже передали 15 наборів у Щастя, дякуємо всім хто долучився",
        "Одежда, Продукты (долгого хранения), Постельное бельё",
    )
    assert {o.category for o in offers} == {"clothing", "food", "bedding"}
    assert not problems
    offers, problems = offers_of(
        "Лекарства: от простуды 5 упаковок, обезболивающие 3. Мне самой дали больше чем "
        "нужно, поэтому делюсь",
        "Медикаменты",
    )
    assert [o.category for o in offers] == ["medicine"]


def test_a_box_whose_things_were_given_away_goes() -> None:
    assert categories_of(
        "Постельное 2 комплекта. Одежду уже отдали в церковь", "Постельное бельё, Одежда"
    ) == {"bedding"}
    # a box the text still offers stays, whatever else went
    assert counts_of(
        "только одежда, обувь и лекарства уже отдали соседям. Куртки 3 шт",
        "Одежда, Обувь, Медикаменты",
    ) == {"clothing": 3}


def test_counts_of_one_of_them_gone_stay_in_the_sentence() -> None:
    details = "шкаф 2 шт, ой не 2 а 1 шкаф, второй уже отдали. стол кухонный"
    assert counts_of(details, "Мебель") == {"furniture": 2}
    details = "Шафу віддам, а стару пральну машину не віддам — вона не працює. Куди везти?"
    assert categories_of(details, "Мебель, Бытовая техника") == {"furniture"}
    details = (
        "есть микроволновка и утюг, диван не отдам т.к. еще нужен, а стиральную машинку отдам."
    )
    assert counts_of(details, "Бытовая техника, Мебель") == {"appliances": 3}


def test_urological_pads_are_not_adult_diapers() -> None:
    offers, _ = offers_of("урологические прокладки Tena Lady 10 уп", "Средства гигиены")
    assert [o.kind for o in offers] == ["diapers/incontinence_pads"]
    offers, _ = offers_of("Tena Slip M, 2 пачки по 30 шт", "Средства гигиены")
    assert [o.kind for o in offers] == ["diapers/adult"]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Маю пасіку. Мед 3-літрові банки 4 штуки. Торік давав 10 банок у лікарню, цього року "
         "менше вродило", "Продукты (долгого хранения)", {"food": 4}),
        ("консервація 20 банок різна, картопля 2 мішки. Я вже давала в жовтні 5 мішків, зараз ще "
         "трохи залишилось", "Продукты (долгого хранения)", {"food": 22}),
        ("На прошлой неделе приносила 2 сумки одежды, вам спасибо. Сейчас собрала ещё: постельное "
         "3 комплекта, одеяло 1 и куртку мужскую.", "Одежда, Постельное бельё",
         {"clothing": 1, "bedding": 4}),
    ],
)  # fmt: skip
def test_what_was_given_before_is_not_offered_now(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected
