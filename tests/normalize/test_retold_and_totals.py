"""Answers pasted twice, counts the writer takes back or says are gone, totals
over several categories, homes named as the story of the things, tools, Latin
drug names, sterile wipes and urgency typed in the quantity cell."""

from __future__ import annotations

import pytest

from matcher.normalize.retold import as_meant, said_once
from tests.normalize.rows import categories_of, counts_of, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        (
            "Пальто жіноче р.46, чоботи зимові 37 р. Пальто жіноче р.46, чоботи зимові 37 р.",
            "Одежда, Обувь",
            {"clothing": 1, "shoes": 1},
        ),
        ("Одеяло 2 шт, подушки 2 шт Одеяло 2 шт, подушки 2 шт", "Постельное бельё", {"bedding": 4}),
    ],
)
def test_an_answer_pasted_twice_is_counted_once(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_words_said_twice_inside_an_answer_are_left_alone() -> None:
    text = "куртка куртка, 2 шт"
    assert said_once(text) == text


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Куртки дитячі 4 шт, ой ні, 3, одну вже віддала сусідці", "Одежда", {"clothing": 3}),
        ("Сапоги 3 пары, нет, 2 пары 38 р.", "Обувь", {"shoes": 2}),
        ("Машинки 10, нет посчитала — 12, и кукол 4", "Игрушки", {"toys": 16}),
        ("мягкие игрушки 5 шт, ой не 5 а 3", "Игрушки", {"toys": 3}),
        ("вещей пакетов 6. Перезвонила — вещей не 6 а 4 пакета", "Одежда", {"clothing": 4}),
        ("2 обогревателя, вернее один обогреватель и один тепловентилятор", "Бытовая техника",
         {"appliances": 2}),
    ],
)  # fmt: skip
def test_a_count_taken_back_is_replaced_by_the_one_meant(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_a_correction_that_names_its_thing_corrects_that_thing() -> None:
    details = "Картошка 10 мішків, буряк 4 мішки, морква 6 мішків. Ой, буряка 3 мішки"
    assert "буряк 3 мішки" in as_meant(details)
    assert counts_of(details, "Продукты (долгого хранения)") == {"food": 19}


def test_the_line_keeps_the_text_as_typed() -> None:
    details = "Куртки дитячі 4 шт, ой ні, 3"
    offers, _ = offers_of(details, "Одежда")
    assert [(o.item, o.quantity) for o in offers] == [(details, 3)]


def test_an_exclamation_inside_a_clause_takes_no_count_back() -> None:
    details = "Куртки 3 шт ой какие красивые, 2 свитера"
    assert counts_of(details, "Одежда") == {"clothing": 5}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Обуви нет, 3 куртки", "Одежда", {"clothing": 3}),
        ("Одеяла 3, посуд — ні, 2 ковдри", "Постельное бельё", {"bedding": 5}),
        ("Ой, у нас 5 пакетов вещей", "Одежда", {"clothing": 5}),
    ],
)
def test_a_plain_no_or_an_exclamation_takes_no_count_back(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Картопля 20 мішків, 10 вже забрали в школу", "Продукты (долгого хранения)", {"food": 20}),
        ("мягкие игрушки 3 шт, две дочка не отдала, и манеж", "Игрушки, Детские вещи",
         {"toys": 3, "children": 1}),
        ("тарілки 10 шт, чашки 5, одна побита", "Посуда", {"kitchenware": 15}),
    ],
)  # fmt: skip
def test_what_is_gone_kept_or_broken_adds_no_count(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


def test_one_packet_out_of_date_does_not_spoil_the_rest() -> None:
    details = "Ліки від тиску 3 уп, жарознижуючі 4 уп, сорбенти 2 уп, одна прострочена"
    assert counts_of(details, "Медикаменты") == {"medicine": 9}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Всего 20 пакетов: одежда 12, обувь 5, игрушки 3", "Одежда, Обувь, Игрушки",
         {"clothing": 12, "shoes": 5, "toys": 3}),
        ("Разом зібрали 19 пакетів: одяг 11, іграшки 5, гігієна 3",
         "Одежда, Игрушки, Средства гигиены", {"clothing": 11, "toys": 5, "hygiene": 3}),
        ("наборы гигиены 25 шт, одеяла 10. В сумме 35 позиций",
         "Средства гигиены, Постельное бельё", {"hygiene": 25, "bedding": 10}),
        ("шпроты 5, сгущенка 10, всего 30", "Продукты (долгого хранения)", {"food": 30}),
        ("Іграшки теж є. Всього 19 пакетів. Одяг 11, взуття 5, гігієна 3",
         "Одежда, Обувь, Игрушки, Средства гигиены",
         {"toys": 1, "clothing": 11, "shoes": 5, "hygiene": 3}),
        ("санки 2 шт, мягкие игрушки 10, одежда на 2 года 8 вещей. В сумме 22 предмета.",
         "Детские вещи, Игрушки, Одежда", {"children": 2, "toys": 10, "clothing": 8}),
        ("теплі речі 12 пакетів, взуття 25 пар, а також гігієна — мило, пасти, шампуні — "
         "всього 60 штук", "Одежда, Обувь, Средства гигиены",
         {"clothing": 12, "shoes": 25, "hygiene": 60}),
    ],
)  # fmt: skip
def test_a_total_over_several_categories_belongs_to_none(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    "details",
    [
        "Переїжджаємо в іншу квартиру, віддамо холодильник і газову плиту",
        "Продали дачу, віддаємо меблі: шафа двостулкова, диван",
        "Дача продана, новые хозяева просят вывезти старое: кровать 2 шт",
    ],
)
def test_a_home_moved_out_of_or_sold_is_no_shelter(details: str) -> None:
    assert "other" not in categories_of(details, "Мебель, Бытовая техника")


def test_a_home_offered_to_live_in_is_shelter() -> None:
    offers, _ = offers_of("Можем поселить семью в квартиру, бесплатно", "житло")
    assert [(o.category, o.kind) for o in offers] == [("other", "shelter")]


def test_garden_tools_are_other_things_not_food() -> None:
    counts = counts_of("консервація 20 банок, сапки 2", "Продукты (долгого хранения), инструменты")
    assert counts == {"food": 20, "other": 2}


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("2. Sol. Natrii chloridi 0,9% - 400 ml", "drugs/solutions"),
        ("4. Системы д/в/в инфузий", "devices/catheters"),
        ("інфузійні системи", "devices/catheters"),
        ("салфетки стерильные 10х10", "first_aid/bandages"),
    ],
)
def test_hospital_supplies_are_medicine(item: str, kind: str) -> None:
    needs, _ = needs_of(item, "100")
    assert [(n.category, n.kind) for n in needs] == [("medicine", kind)]


@pytest.mark.parametrize(
    ("quantity", "urgency", "level"),
    [
        ("пар 30", "нє горить", "low"),
        ("не горит", "", "low"),
        ("по возможности", "", "normal"),
        ("срочно 20 кг", "", "high"),
        ("3", "", "normal"),
    ],
)
def test_urgency_typed_in_the_quantity_cell_or_with_a_typo(
    quantity: str, urgency: str, level: str
) -> None:
    needs, _ = needs_of("гумові чоботи", quantity, urgency)
    assert [n.urgency for n in needs] == [level]


def test_a_pensioner_who_needs_a_bed_asks_for_help() -> None:
    offers, problems = offers_of(
        "я пенсіонерка з Золотого, живу у родичів. потрібне ліжко і ковдра. може хтось віддасть"
    )
    assert offers == []
    assert [p.code for p in problems] == ["help_request"]


def test_things_named_then_counted_are_not_one_more_each() -> None:
    details = "Вяжу носки и варежки. Сейчас готово: носки 15 пар, варежки 10 пар."
    assert counts_of(details, "Одежда") == {"clothing": 25}


def test_a_thing_named_beside_others_counted_is_still_one() -> None:
    assert counts_of("куртка, куртки детские 2 шт", "Одежда") == {"clothing": 3}


def test_a_dimension_in_metres_with_decimals_is_no_count() -> None:
    details = "матрас 1,9х0,8, подушки перьевые 2, одеяло ватное"
    assert counts_of(details, "Постельное бельё") == {"bedding": 4}


def test_a_kimono_is_clothing_counted_as_written() -> None:
    offers, _ = offers_of("кімоно дитячі 12 шт (зріст 120-160), пояси не рахую", "Одежда")
    assert [(o.category, o.quantity) for o in offers] == [("clothing", 12)]
    assert "dresses/suits" in offers[0].kind.split("+")


@pytest.mark.parametrize(
    ("item", "quantity"),
    [
        ("зимняя одежда для мужчин (в приюте при храме 9 мужчин)", ""),
        ("теплые вещи для класса, 18 учеников", ""),
        ("транспорт: отвезти 3 ветеранов в госпиталь", ""),
    ],
)
def test_a_number_of_people_is_no_count(item: str, quantity: str) -> None:
    needs, _ = needs_of(item, quantity)
    assert [n.quantity for n in needs] == [1]
    assert all(n.quantity_estimated for n in needs)


def test_a_childs_chair_among_childrens_things_is_a_high_chair() -> None:
    offers, _ = offers_of("Автокрісло група 1 (9-18 кг), дитячий стілець", "Детские вещи")
    assert [(o.category, o.quantity) for o in offers] == [("children", 2)]
    assert "feeding/high_chairs" in offers[0].kind.split("+")
    school = counts_of("Парты школьные 2 шт, стулья детские 4", "Мебель")
    assert school == {"furniture": 6}


def test_a_chair_for_feeding_is_a_childs_thing() -> None:
    feeding, _ = needs_of("детский стул для кормления", "2")
    assert [(n.category, n.kind) for n in feeding] == [("children", "feeding/high_chairs")]


def test_a_total_next_to_counts_of_several_categories_and_a_later_purchase() -> None:
    details = "Разом зібрали 19 пакетів: одяг 11, іграшки 5, гігієна 3. Ще купили 2 обігрівачі"
    counts = counts_of(details, "Одежда, Игрушки, Средства гигиены, Бытовая техника")
    assert counts == {"clothing": 11, "toys": 5, "hygiene": 3, "appliances": 2}


def test_a_total_of_one_list_beside_other_counts_stays() -> None:
    details = (
        "пальто 3, куртки 4, чоботи 5 пар, ковдри 2, а також ліки — валідол, корвалол, "
        "разом 15 упаковок"
    )
    assert counts_of(details, "Одежда, Обувь, Медикаменты, Постельное бельё")["medicine"] == 15


def test_a_sutures_gauge_is_no_count() -> None:
    details = "Шовный материал 3/0 - 20 уп, стерильные салфетки 10х10 - 200 шт"
    assert counts_of(details, "Медикаменты") == {"medicine": 220}


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("дрель і болгарка", 2),
        ("генератор бензиновий і бензопила", 2),
        ("маю 4 старих мобільних телефони з зарядками", 4),
        ("ще є інструмент - дрель і болгарка", 2),
        ("з дачі: сапки 2, лопата, тяпка", 4),
    ],
)
def test_tools_and_machines_outside_the_taxonomy_are_counted_one_by_one(
    details: str, expected: int
) -> None:
    assert counts_of(details, "інше") == {"other": expected}


def test_a_computer_named_with_its_parts_is_not_counted_by_its_parts() -> None:
    offers, _ = offers_of("компьютер в сборе (системник, монитор, клава)", "компьютер")
    assert [o.quantity_estimated for o in offers] == [True]
    assert [o.quantity for o in offers] == [1]


def test_coal_and_a_ride_named_have_no_count() -> None:
    offers, _ = offers_of("уголь и дрова, могу привезти машиной", "уголь")
    assert [(o.quantity, o.quantity_estimated) for o in offers] == [(1, True)]


def test_a_need_row_that_thanks_the_givers_is_closed() -> None:
    needs, problems = needs_of("Спаси Господи всех благодетелей! Дрова привезли")
    assert needs == []
    assert [p.code for p in problems] == ["need_closed"]


def test_a_named_form_holds_for_every_dose_of_the_line() -> None:
    offers, _ = offers_of("Цефекон Д 50 мг и 100 мг, всего 30 уп", "Медикаменты")
    (offer,) = offers
    assert "свечи" in offer.size.split(", ")
    assert "таблетки" not in offer.size.split(", ")


def test_syrup_and_tablets_both_named_stay_both() -> None:
    offers, _ = offers_of("нурофен сироп и таблетки 200 мг", "Медикаменты")
    assert {"сироп", "таблетки"} <= set(offers[0].size.split(", "))


def test_a_home_in_brackets_says_where_the_thing_goes() -> None:
    needs, _ = needs_of("Электроплиты настольные (общежитие переселенцев)", "5 шт")
    assert [n.category for n in needs] == ["appliances"]
    shelter, _ = needs_of("жильё для семьи (квартира или комната)")
    assert [(n.category, n.kind) for n in shelter] == [("other", "shelter")]


def test_a_total_after_counts_that_name_no_category_is_the_count() -> None:
    details = "гр. Сонечко — 12 пакетів\nгр. Веселка — 9 пакетів\nВсього 21 пакет дитячого одягу"
    assert counts_of(details, "Одежда")["clothing"] == 21


def test_which_parcel_a_thing_is_in_is_no_count() -> None:
    details = "2 посилки: в одній крупи, цукор, консерви (разом кг 20), в іншій светри 10 шт"
    counts = counts_of(details, "Продукты (долгого хранения), Одежда")
    assert counts == {"food": 20, "clothing": 10}


@pytest.mark.parametrize(
    ("details", "item"),
    [
        ("Энап 10 мг 10 уп", "enalapril"),
        ("эналаприл 10мг 3 уп", "enalapril"),
        ("корвалол, валидол", "heart_drops"),
        ("амлодипин 5 мг 50 уп", "amlodipine"),
    ],
)
def test_a_heart_drug_is_named_by_its_substance(details: str, item: str) -> None:
    offers, _ = offers_of(details, "Медикаменты")
    assert [o.kind for o in offers] == [f"drugs/heart/{item}"]
