"""Form responses -> offers: lines per category, dedup, ids, problems."""

from __future__ import annotations

from datetime import datetime

import pytest

from matcher.model import SourceRow
from matcher.normalize import normalize_offers
from matcher.params import NormalizeParams


def form_row(n: int, **values: str) -> SourceRow:
    base = {
        "submitted_at": "10.12.2014 14:03:27",
        "donor_name": "Оля",
        "phone": "095 167 90 26",
        "city": "г. Северодонецк",
        "categories": "Одежда",
        "details": "",
        "can_deliver": "Да",
    }
    base.update(values)
    return SourceRow(n, base)


def codes(problems) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.code for p in problems]


def test_one_line_per_category_with_its_own_text_and_quantity() -> None:
    row = form_row(2, categories="Одежда, Посуда", details="детская одежда 2 пакета, кастрюли")
    offers, problems = normalize_offers([row])
    by_code = {o.category: o for o in offers}
    assert set(by_code) == {"clothing", "kitchenware"}
    assert by_code["clothing"].item == "детская одежда 2 пакета"
    assert by_code["clothing"].quantity == 2
    assert not by_code["clothing"].quantity_estimated
    assert by_code["kitchenware"].item == "кастрюли"
    assert by_code["kitchenware"].quantity == 1 and by_code["kitchenware"].quantity_estimated
    assert codes(problems) == []  # the estimate is on the record, not a Problems row


def test_the_record_is_clean() -> None:
    [offer], _ = normalize_offers([form_row(2, details="куртки 3 шт", can_deliver="нет машины")])
    assert offer.phone == "+380951679026"
    assert offer.city == "Северодонецк"
    assert offer.lat == pytest.approx(48.944, abs=0.01)
    assert offer.submitted_at == datetime(2014, 12, 10, 14, 3, 27)
    assert offer.can_deliver is False
    assert offer.quantity == 3


def test_ids_ignore_row_order_and_unrelated_edits() -> None:
    rows = [form_row(2, categories="Одежда, Посуда"), form_row(3, phone="050 123 45 67")]
    first, _ = normalize_offers(rows)
    moved = [form_row(9, categories="Одежда, Посуда"), form_row(4, phone="050 123 45 67")]
    second, _ = normalize_offers(list(reversed(moved)))
    assert {o.offer_id for o in first} == {o.offer_id for o in second}
    edited, _ = normalize_offers(
        [
            form_row(
                2, categories="Одежда, Посуда", details="всё чистое, 5 пакетов", city="Лисичанск"
            )
        ]
    )
    assert {o.offer_id for o in edited} <= {o.offer_id for o in first}


def test_repeat_submission_within_window_is_one_donor() -> None:
    rows = [
        form_row(2, details="куртки"),
        form_row(
            3,
            submitted_at="12.12.2014 10:00:00",
            donor_name="Ольга Петренко",
            city="Лисичанськ",
            details="куртки и штаны, 4 пакета",
        ),
    ]
    offers, problems = normalize_offers(rows)
    assert len(offers) == 1
    [offer] = offers
    assert offer.donor_name == "Ольга Петренко"
    assert offer.city == "Лисичанск"
    assert offer.source_row == 3
    dup = [p for p in problems if p.code == "duplicate_submission"]
    assert len(dup) == 1 and dup[0].source_row == 3 and dup[0].severity == "note"
    assert dup[0].params == {"first_row": 2, "kept_row": 3}


def test_repeat_after_the_window_is_a_new_offer() -> None:
    rows = [form_row(2), form_row(3, submitted_at="10.01.2015 10:00:00")]
    offers, problems = normalize_offers(rows, NormalizeParams(dedup_days=14))
    assert len({o.offer_id for o in offers}) == 2
    assert "duplicate_submission" not in codes(problems)


def test_repeat_adds_new_categories_and_keeps_old_ones() -> None:
    rows = [form_row(2, categories="Посуда"), form_row(3, categories="Одежда")]
    offers, _ = normalize_offers(rows)
    assert sorted(o.category for o in offers) == ["clothing", "kitchenware"]


def test_identical_rows_without_phone_are_counted_once() -> None:
    rows = [form_row(2, phone=""), form_row(3, phone="")]
    offers, problems = normalize_offers(rows)
    assert len(offers) == 1
    assert "duplicate_row" in codes(problems)


@pytest.mark.parametrize(
    ("values", "code"),
    [
        pytest.param({"donor_name": "тест"}, "test_row", id="test-name"),
        pytest.param({"details": "test"}, "test_row", id="test-details"),
        pytest.param({"details": "Заработок без вложений http://spam.xyz"}, "spam_row", id="spam"),
        pytest.param({"donor_name": "", "phone": "123"}, "no_contact", id="no-contact"),
        pytest.param({"donor_name": "", "phone": ""}, "no_contact", id="no-contact-empty"),
    ],
)
def test_junk_never_becomes_an_offer(values: dict[str, str], code: str) -> None:
    offers, problems = normalize_offers([form_row(2, **values)])
    assert offers == []
    assert code in codes(problems)
    assert all(p.severity == "error" for p in problems if p.code == code)


def test_komp_after_linen_counts_sets_not_computers() -> None:
    offers, _ = normalize_offers([form_row(2, categories="", details="постельное 2 комп.")])
    assert [(o.category, o.quantity, o.unit) for o in offers] == [("bedding", 2, "sets")]


def test_a_photo_link_is_not_spam() -> None:
    offers, _ = normalize_offers([form_row(2, details="куртки, фото https://photos.app.goo.gl/x")])
    assert len(offers) == 1


def test_all_empty_row_is_a_note() -> None:
    offers, problems = normalize_offers([SourceRow(5, {"donor_name": "", "phone": " "})])
    assert offers == []
    assert [(p.code, p.severity, p.source_row) for p in problems] == [("empty_row", "note", 5)]


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        pytest.param({"phone": "12345"}, "phone_invalid", "phone", id="phone-invalid"),
        pytest.param({"phone": ""}, "phone_missing", "phone", id="phone-missing"),
        pytest.param({"city": "Ньюландия"}, "city_unknown", "city", id="city-unknown"),
        pytest.param({"city": ""}, "city_missing", "city", id="city-missing"),
        pytest.param(
            {"categories": "", "details": "штуковина"},
            "category_unknown",
            "details",
            id="category-unknown",
        ),
        pytest.param(
            {"categories": "", "details": "велосипед"},
            "other_item",
            "details",
            id="outside-the-categories",
        ),
        pytest.param({"submitted_at": "вчера"}, "date_invalid", "submitted_at", id="date"),
        pytest.param(
            {"can_deliver": "звоните"}, "can_deliver_unknown", "can_deliver", id="can-deliver"
        ),
    ],
)
def test_usable_rows_keep_their_record_and_report_the_cell(
    values: dict[str, str], code: str, field: str
) -> None:
    offers, problems = normalize_offers([form_row(2, **values)])
    assert len(offers) == 1
    found = [p for p in problems if p.code == code]
    assert found and found[0].field == field and found[0].source_row == 2


def test_unknown_city_keeps_the_cleaned_text() -> None:
    [offer], _ = normalize_offers([form_row(2, city="  Ньюландия \n")])
    assert (offer.city, offer.lat, offer.lon) == ("Ньюландия", None, None)


def test_category_unknown_is_other() -> None:
    [offer], _ = normalize_offers([form_row(2, categories="", details="велосипед")])
    assert offer.category == "other"
    assert offer.item == "велосипед"


def test_hostile_text_is_kept_as_text() -> None:
    row = form_row(2, donor_name='=HYPERLINK("x")\x07', details="@куртки\x00 " + "а" * 60)
    [offer], problems = normalize_offers([row], NormalizeParams(max_cell_chars=40))
    assert offer.donor_name == '=HYPERLINK("x")'
    assert offer.item.startswith("@куртки")
    assert len(offer.item) <= 40
    assert {"control_chars_removed", "text_trimmed"} <= set(codes(problems))


@pytest.mark.parametrize(
    ("checkbox", "details", "expected"),
    [
        # substances named without a count: the text states none
        ("Медикаменты", "корвалол, валидол, цитрамон, йод", {"medicine": None}),
        ("Средства гигиены", "шампунь, мыло, зубная паста, все новое", {"hygiene": None}),
        ("Продукты (долгого хранения)", "мука, сахар, масло", {"food": None}),
        # things named once in the singular are one each, beside a count
        ("Посуда", "кастрюли 2 шт, сковорода", {"kitchenware": 3}),
        # one thing of another category's words
        ("Средства гигиены", "Средство для мытья посуды 6 бутылок", {"hygiene": 6}),
        ("Медикаменты", "бинты 5, вата 2 уп", {"medicine": 7}),
        ("Игрушки", "Кукла Барби, пупс", {"toys": 2}),
        ("", "маски 100 шт", {"medicine": 100}),
        # each item's own measure: kilograms of one thing, packs of another
        ("Продукты (долгого хранения)", "рис 2 кг, гречка 3 кг, макароны 4 пачки", {"food": 9}),
        ("Продукты (долгого хранения)", "мешок сахара 50 кг, чай 5 пачек", {"food": 6}),
        ("Продукты (долгого хранения)", "олія 3 л, цукор 2 кг", {"food": 5}),
        # boxes of one thing, single things beside them
        ("Игрушки", "конструктор 3 коробки, кукла, юла", {"toys": 5}),
        # a heading's size range is not a count of what follows
        ("Одежда", "мужские вещи 50-52: куртка, 2 свитера", {"clothing": 3}),
        # "по 5 упаковок" after a list: five of each
        ("Медикаменты", "цитрамон, но-шпа, по 5 упаковок", {"medicine": 10}),
        # a count with its unit right after a thing is that thing's, run-on text
        ("Одежда, Обувь", "ШТАНЫ 4 ШТ КРОССОВКИ 2 ПАРЫ", {"clothing": 4, "shoes": 2}),
        # "1,5-спальное": a kind of bed, not a count
        ("Постельное бельё", "одеяло 1,5-спальное 2 шт", {"bedding": 2}),
        # a word of two senses takes the one of what the response is about
        ("Детские вещи", "манеж, ходунки", {"children": 2}),
        ("Медикаменты", "костыли 1 пара, ходунки", {"medicine": 2}),
        ("", "костыли 1 пара, ходунки, манеж", {"medicine": 2, "children": None}),
        ("Бытовая техника", "кондиционер Samsung, 2 шт", {"appliances": 2}),
        ("Игрушки", "машинки 3 шт, книжки 5 шт", {"toys": 8}),
        ("Игрушки", "мяч, книги для взрослых 4 шт", {"toys": None, "other": 4}),
        # adult diapers ticked as medicine are hygiene only; a fridge "на запчасти" is no car part
        ("Медикаменты", "памперсы для взрослых L 2 уп", {"hygiene": 2}),
        ("Бытовая техника", "холодильник не работает, на запчасти", {"appliances": None}),
        # one box ticked, the details naming only something else: the details decide
        ("Одежда", "тапочки домашние 5 пар", {"shoes": 5}),
        ("Одежда, Обувь", "куртки 3 шт", {"clothing": 3, "shoes": None}),
        ("Одежда", "и ещё посуда: кастрюля", {"clothing": None, "kitchenware": None}),
        # candles beside medicines are suppositories; work, and carrying things, are other
        ("Медикаменты", "Нурофен детский 2 фл, Виферон свечи 2 уп", {"medicine": 4}),
        ("", "можу надати роботу на складі", {"other": None}),
        ("корм для собак", "консервы для собак 10 банок", {"other": 10}),
        ("", "есть машина, могу возить вещи по выходным", {"other": None}),
        # the «Детские вещи» box alone is children's goods; a sewing machine is other
        ("Детские вещи", "", {"children": None}),
        ("", "швейная машинка ножная", {"other": None}),
        # a house number, a date, a school year are not counts
        ("Мебель", "шкаф, забирать на ул. Шевченко 14", {"furniture": None}),
        ("Мебель", "диван, заберите до 20 декабря", {"furniture": None}),
        ("учебники", "учебники за 7 класс 5 шт", {"other": 5}),
        # "пара" after a thing worn in pairs is one pair
        ("Одежда", "шарф, варежки пара", {"clothing": 2}),
        ("Обувь", "сапожки р.30, 1 пара, носили 1 сезон", {"shoes": 1}),
        # clothes by weight; a TV's size; what one pack holds; rooms of a shelter
        ("Одежда", "теплые вещи 15 кг", {"clothing": 15}),
        ("Бытовая техника", "два телевизора 42 и 32 дюйма", {"appliances": 2}),
        ("Средства гигиены", "памперсы 5, 52 шт в упаковке, 3 уп", {"hygiene": 3}),
        ("жилье", "есть 2 комнаты для семьи", {"other": None}),
        # shoes in several sizes with no count: a pair of each
        ("Обувь", "сапожки детские 25, 27, 28 р.", {"shoes": 3}),
        # a vehicle's model number is not a count
        ("транспорт", "машина ВАЗ 2107, могу возить гуманитарку", {"other": None}),
        # a unit is never read as a thing it looks like ("компл", "комп")
        ("Постельное бельё", "постельное детское 3 компл", {"bedding": 3}),
        # a size marker before a number wins over the unit after it
        ("Обувь", "Ботиночки р.28 пару", {"shoes": 1}),
        ("Одежда", "шмотки женские р.44-46 штук 15-20", {"clothing": 15}),
        ("Обувь", "Обувь 37 размер 3 пары", {"shoes": 3}),
        ("Одежда, Обувь", "передам через Ростов 6 коробок вещей", {"clothing": 6, "shoes": None}),
        # a count that ends a sentence is no list number of the next one
        (
            "Продукты (долгого хранения)",
            "консерви рибні 10 банок, тушонка 5. Ще є сало",
            {"food": 15},
        ),
        # "семью" is a family, a date is no count, "2 в 1" and "1,5 сп." are kinds
        ("жилье", "можем пустить семью на 3 месяца", {"other": None}),
        ("Продукты (долгого хранения)", "12 банок огурцов, заберите до 25.12", {"food": 12}),
        ("Детские вещи", "Коляска 2 в 1, после одного ребенка", {"children": None}),
        ("Постельное бельё", "подушки 2 шт, одеяло 1,5 сп.", {"bedding": 3}),
        ("Медикаменты", "Сироп для детей от 3 лет 6 фл.", {"medicine": 6}),
        # feed for hens is no food; a baby carrier and a wheelchair by their other names
        ("", "комбикорм 3 мешка", {"other": 3}),
        ("Детские вещи", "переноска-кенгуру", {"children": None}),
        ("Медикаменты", "каталка инвалидная", {"medicine": None}),
        # a box the details deny with "ні" or "помилково"
        (
            "Одежда, Постельное бельё",
            "Постільна білизна — ні. Є тільки одяг: светри 4",
            {"clothing": 4},
        ),
        # sofa cushions are no bed pillows; a puzzle's pieces are no count
        ("Мебель", "диванные подушки декоративные 4 шт", {"furniture": 4}),
        ("Игрушки", "пазлы 1000 эл., 2 коробки", {"toys": 2}),
        # a nursing pillow is a child's feeding thing, no pillow to sleep on
        ("Постельное бельё", "подушка для кормления", {"children": None}),
        # "по паре" after sizes: a pair of each size
        ("Обувь", "ботинки мужские 42, 43 по паре", {"shoes": 2}),
        # land, a lorry's load, the families a gift is for are no counts
        ("Житло", "пустує хата, є город 15 соток", {"other": None}),
        ("Деньги", "готов оплатить уголь для одной семьи", {"other": None}),
        ("транспорт", "могу возить гуманитарку, грузоподъемность 2 тонны", {"other": None}),
        # a thing typed as the answer and named finer in the details is one thing
        ("обогреватель", "масляный обогреватель, рабочий", {"appliances": None}),
        # a box the details say is not there: "Обуви нет"
        ("Одежда, Обувь", "Обуви нет, только одежда: 2 свитера", {"clothing": 2}),
        ("Мебель, Бытовая техника", "Мебели нет, есть электрочайник", {"appliances": None}),
        (
            "Бытовая техника, Посуда",
            "чайник електр., кружки 6",
            {"appliances": None, "kitchenware": 6},
        ),
        # numbers that are no count: waist sizes after the count, a school's
        # number, what one jar holds, an age with "+", a wardrobe's doors
        ("Одежда", "Свитшоты 5 шт S-M, джинсы 3 шт 28-29", {"clothing": 8}),
        ("Одежда", "Наша школа №57 зібрала: теплі речі 12 пакетів", {"clothing": 12}),
        ("Медикаменты", "тест-полоски 50 шт в банке 2 упаковки", {"medicine": 2}),
        ("Игрушки", "пазлы 3 коробки 4+", {"toys": 3}),
        # a sack of a stated weight is one sack, as donors and coordinators count it
        # (the weight stays in the item text); a time to call; a floor; preserves in jars
        ("Продукты (долгого хранения)", "пшено мешок 25 кг", {"food": 1}),
        ("Продукты", "можу дать сахару мішок 50кг і гречки 2 мішка", {"food": 3}),
        ("Постельное бельё", "КОВДРИ 3ШТ ПЛЕД 1 ПОДУШКИ 2 ШТ ЗВОНІТЬ ПІСЛЯ 17", {"bedding": 6}),
        ("Посуда", "тарелки глубокие 6 шт. Забирать самим, этаж 5", {"kitchenware": 6}),
        ("Постельное бельё", "Плед, постельное 2 комп.", {"bedding": 3}),
        (
            "Продукты (долгого хранения), Посуда",
            "закрутки банок 15 (огурцы, лечо), пустые банки штук 10",
            {"food": 15, "kitchenware": 10},
        ),
        ("Средства гигиены", "подгузники Libero 4 (7-14кг), 1 упаковка 50 шт", {"hygiene": 1}),
        ("Мебель", "Шафа-купе 3 дверна 2,4 м", {"furniture": None}),
        ("транспорт", "Есть бус, могу 2 раза в неделю возить гуманитарку", {"other": None}),
        # a net of onions is one bag; empty jars are kitchenware, not preserves
        ("Продукты (долгого хранения)", "Картошка 3 мешка, морковь мешок, лук сетка", {"food": 5}),
        (
            "Продукты (долгого хранения), Посуда",
            "Банки с вареньем 5 шт, пустые банки 10",
            {"food": 5, "kitchenware": 10},
        ),
        # ages, sizes and measures listed in brackets are not counts
        ("Одежда", "платья 3 шт (на 5, 7 и 9 лет)", {"clothing": 3}),
        ("Одежда", "пальто 2 шт (одно 48, другое 50)", {"clothing": 2}),
        ("Бытовая техника", "обогреватели 2 шт (7 и 9 секций)", {"appliances": 2}),
        ("Одежда", "костюм 2 шт, рубашки 5, 54 размер", {"clothing": 7}),
        # an address and a car seat's group are not counts
        (
            "Постельное бельё",
            "одеяло, подушки 2. Забрать: мкр Щедрищево, кв-л 45, д. 7",
            {"bedding": 3},
        ),
        ("Детские вещи", "автокресло группа 2-3, 1 шт", {"children": 1}),
        # "по N" after sizes listed for one thing: N of each size
        ("Обувь", "сапоги женские 37, 38, 39 р. - по 1 паре", {"shoes": 3}),
        ("Обувь", "кроссовки 40, 41 по 2 пары", {"shoes": 4}),
        ("Средства гигиены", "Huggies 5 2 пачки", {"hygiene": 2}),
        # a hyphen between a thing and its count
        ("Одежда", "брюк-2шт,кофт-3шт,шапок 2", {"clothing": 7}),
        # a box in brackets holds the jars counted; a bucket of 9 kg is one bucket
        ("Продукты", "тушенка 24 банки (ящик), сгущенка 12 бан.", {"food": 36}),
        ("Средства гигиены", "порошок 9 кг (ведро)", {"hygiene": 1}),
        (
            "Продукты, Посуда",
            "ЗАКРУТКИ 15 БАНОК, ПОРОЖНІ БАНКИ 30 ШТ",
            {"food": 15, "kitchenware": 30},
        ),
        # "постельное" names bed linen beside its unit
        (
            "Игрушки, Постельное бельё",
            "игрушки коробка, постельное 3 комплекта",
            {"toys": 1, "bedding": 3},
        ),
        ("Медикаменты", "ацетилсалициловая кислота 10 уп, перекись 5 фл", {"medicine": 15}),
        # "(16+)": a diaper's weight class, its bracket closed after the plus
        ("Средства гигиены", "памперсы 5 (11-25 кг) и 6 (16+)", {"hygiene": None}),
        # a toy's "4+" is an age, a bracket or a count after it or not; "2+1" sums
        ("Игрушки", "пазлы 4+ (3 коробки)", {"toys": 3}),
        ("Игрушки", "настольная игра 8+ 2 шт", {"toys": 2}),
        ("Одежда", "куртки 2+1", {"clothing": 3}),
        # "Лего Техник" is a building set, no household appliance
        ("Игрушки", "конструктор Лего Техник 9-14 лет, 2 коробки", {"toys": 2}),
        # "42 пара": a size and one pair ("21 пара" is twenty-one pairs)
        ("Обувь", "берцы 44р. 1 пара, кроссовки 42 пара", {"shoes": 2}),
        ("Обувь", "сапоги 21 пара", {"shoes": 21}),
        # a diaper's size before its weights in brackets
        ("Средства гигиены", "Памперс 3 (4-9 кг) 1 уп, 4 (7-14кг) 2 уп", {"hygiene": 3}),
        ("Детские вещи", "автокресло 1 (9-18 кг) 2 шт", {"children": 2}),
        # "7 и 9 секций": both measures; a pension is money
        ("Бытовая техника", "Обогреватели масляные 3 шт, 7 и 9 секций", {"appliances": 3}),
        ("Медикаменты", "костыли и трость, ходунки. пенсия 1200", {"medicine": 3}),
        # three-litre jars counted; jars beside a blanket are no blanket's
        ("Продукты", "компотов 10 трехлитровых", {"food": 10}),
        (
            "Постельное бельё, Посуда",
            "плед, полотенца 4 шт, банки трехлитровые штук 30",
            {"bedding": 5, "kitchenware": 30},
        ),
        # a range in words, "по куртке" on each of three ages, a house and an entrance
        ("Одежда", "вещи детские, мешка три-четыре", {"clothing": 3}),
        ("Одежда", "по куртке на 3, 5 и 7 лет", {"clothing": 3}),
        ("Продукты", "консервы около 20 банок, живет в доме 5, 2 подъезд", {"food": 20}),
        # a unit that is also a thing ("комплект") counts the curtains; rugs and
        # hangers are other
        ("", "шторы 2 комплекта", {"other": 2}),
        ("Одежда", "куртки невостребованные 3 шт, тремпеля 30 шт", {"clothing": 3, "other": 30}),
        # "2х створчатый", "3х литровые": "двух-", "трех-" in figures
        ("Мебель", "шкаф 2х створчатый для одежды", {"furniture": None}),
        ("Посуда", "3х литровые банки 10 шт", {"kitchenware": 10}),
        # the writer's own total covers what came before it, not what follows
        ("Продукты", "Консервы рыбные 15 банок, шпроты 5, сгущенка 10, всего 30", {"food": 30}),
        ("Продукты", "Варенье вишневое, абрикосовое — всего 12 банок, соленья 5", {"food": 17}),
        # counts in a bracket after a count say what it is made of; a bucket is no part
        (
            "Постельное бельё",
            "Постельное бельё 3 комплекта (2 двуспальных и 1 евро), подушки 2",
            {"bedding": 5},
        ),
        ("Средства гигиены", "Порошок 9 кг (ведро)", {"hygiene": 1}),
        # "Пакет 2:" is the second bag of a list; empty jars are jars given
        ("Одежда", "Пакет 1: детские вещи. Пакет 2: женские. Пакет 3: мужские", {"clothing": 3}),
        ("Продукты, Посуда", "Орехи 5 кг, банки пустые 15", {"food": 5, "kitchenware": 15}),
        # how the things travel and where the writer heard of us is no offer
        ("Продукты", "Картофель 10 мешков, лук 2 мешка. Привезу сам, своя машина", {"food": 12}),
        ("Одежда", "теплі речі 6 мішків, можемо привезти своїм бусом у вівторок", {"clothing": 6}),
        ("Постельное бельё", "Увидела по телевизору, сколько людей. Одеяла 3", {"bedding": 3}),
        ("Бытовая техника", "Телевизор и видеомагнитофон, старые, но рабочие", {"appliances": 2}),
        ("Одежда", "шмотки мужские, 3 мєшка", {"clothing": 3}),
        ("бензопила", "Бензопила Дружба, для заготовки дров", {"other": None}),
        # an adjective between a count and its unit; a pair of gloves is one pair;
        # "несколько пакетов" says no count
        ("Одежда", "Детские вещи на мальчика 2-4 года, 2 больших пакета", {"clothing": 2}),
        ("Одежда", "Рукавиці робочі пару, шапка, светр", {"clothing": 3}),
        ("", "Одежда мужская и женская, несколько пакетов", {"clothing": None}),
        # things in brackets after a count are its examples; "полтора десятка" is 15
        ("Игрушки", "Пазлы 6 коробок, настольные игры 2 (Монополия, лото)", {"toys": 8}),
        ("Продукты", "тушёнка ящик, сгущенка полтора десятка банок", {"food": 16}),
        # kilograms in brackets after a bag are what it holds; a drug's dose is no count
        ("Продукты", "макароны 20 пачек, гречка мешок (25 кг)", {"food": 21}),
        ("Медикаменты", "Цитрамон 10 уп, Но-шпа 40 мг 3 уп, Аспирин 500 — 5 уп", {"medicine": 18}),
        ("Медикаменты", "шприцы 100", {"medicine": 100}),
        # a list typed a line each: a line break ends a thing and its count; a
        # total that sums things of several categories is no one's, one that sums
        # a list of one category is its
        (
            "Одежда, Средства гигиены, Игрушки",
            "Детская одежда — 3 мешка\nЗубная паста/щетки — 40/40\nИгрушки — 1 коробка",
            {"clothing": 3, "hygiene": 80, "toys": 1},
        ),
        (
            "Одежда, Обувь",
            "Собрали:\nодежда женская 17 ед.\nобувь 11 пар\nВсего 28 единиц.",
            {"clothing": 17, "shoes": 11},
        ),
        ("Продукты", "закатки: огірки, помідори, компоти, всього банок 25", {"food": 25}),
        # "по N" after a segment naming two things is N of each
        ("Посуда", "тарелки глубокие 6, чашки 6, ложки вилки по 6 шт", {"kitchenware": 24}),
        # "по N" reaches back over things with no count, never past one counted on
        # its own: the pan before the plates is one
        (
            "Посуда",
            "кастрюли 3 шт, сковорода, тарелки глубокие 6 шт, ложки, вилки по 6",
            {"kitchenware": 22},
        ),
        ("Продукты", "Крупи: пшоно, перловка, горох, все по 2 кг. Цукор 10 кг.", {"food": 16}),
        ("Продукты", "крупы гречка рис по 2 кг", {"food": 4}),  # "крупы" heads the two
        # years are no count, nor a price the writer struck out
        ("Медикаменты", "корвалол 3 фл., валидол 2 уп. Сроки до 2015-2016", {"medicine": 5}),
        ("Обувь", "сапоги 37 — 2 пары, 38 — 3 пары. Цена: б̶ы̶л̶о̶ ̶1̶2̶0̶0̶ бесплатно", {"shoes": 5}),
        # a range up to a decimal age is read, not a crash
        ("Детские вещи", "комбинезон на 0-1,5 года, кофточки 3 шт", {"clothing": 4}),
        # a time is no size and count
        ("Одежда", "звонить с 18:30, куртка 2", {"clothing": 2}),
        # a shop's list of sizes, each with its count
        ("Обувь", "Ботинки мужские зимние: 40-2пар 41-3пар 42-5пар", {"shoes": 10}),
        ("Одежда", "Платья женские, размеры 44, 46, 48, 50 — по 2 шт каждого", {"clothing": 8}),
        # a list typed with no commas: each thing with the numbers after it
        ("Одежда, Обувь", "kurtka46 1 sapogi38 kofty3", {"clothing": 4, "shoes": None}),
        ("", "holodilnik rab 1 televizor 2 stul 3", {"appliances": 3, "furniture": 3}),
        ("Одежда", "kurtka zhen 48r shtany 2", {"clothing": 3}),
        # ... but a number that counts what follows stays with it
        ("Одежда", "куртка 2 шт 3 свитера", {"clothing": 5}),
        # jackets named in the plural with a size list: one of each size
        ("Одежда", "куртки детские рост 140, 146, 152", {"clothing": 3}),
        # cubic metres, "м3" with its digit, are the unit
        ("дрова", "дрова дубові до 30 м3", {"other": 30}),
        ("дрова", "дрова 5м3", {"other": 5}),
        # the unit first: a count after it, never a clothing size
        ("Одежда", "вещі всякі, штук 40-50, розмір від 42 до 56", {"clothing": 40}),
        ("Одежда", "пальто мужское 2 шт 50-52", {"clothing": 2}),
        # a count restated in words inside a bracket adds nothing
        ("Продукты (долгого хранения)", "сгущенка 24 банки (одна коробка)", {"food": 24}),
        # "0,5" with no unit is a jar's volume, not half a thing
        ("Посуда", "банки пустые 0,5 и 1 литр — штук 40-50", {"kitchenware": 40}),
        # the unit before a number word; a number word after a sack counts the sacks
        ("Продукты (долгого хранения)", "картопля, мішків п'ять", {"food": 5}),
        # "СТО" in a lowercase text is a car-repair shop, never a hundred
        ("работа", "могу взять на работу 2 человек на СТО (слесарь, жестянщик)", {"other": None}),
        # translit jars after food are its unit; a brand of dish soap; felt overshoes
        ("Продукты (долгого хранения)", "tushonka 20 banok, sgushchenka 10", {"food": 30}),
        ("Средства гигиены", "порошок 6 кг, Фері 3 пляшки", {"hygiene": 9}),
        ("Обувь", "чуні 3 пари", {"shoes": 3}),
        ("Медикаменты", "бинт еластичний 3, мазь Фастум гель 2", {"medicine": 5}),
        # the hours to call are no count
        ("Посуда", "посуда 1 коробка. Звоните Евгении Павловне с 9 до 20", {"kitchenware": 1}),
        # weights in a bracket after a diaper size; the packs after it count
        ("Средства гигиены", "Libero 4 (7-14) пачка 2", {"hygiene": 2}),
        ("Средства гигиены", "Хаггис 5 (13-25) пачки 3", {"hygiene": 3}),
        # "одні", "одно" and a word that describes: one of the things counted before
        ("Обувь", "чоботи зимові жіночі 39р. 2 пари, одні майже нові", {"shoes": 2}),
        ("Одежда", "два зимних пальто (одно мужское, одно женское), три свитера", {"clothing": 5}),
        ("Игрушки", "Мягкие игрушки - полдюжины", {"toys": 6}),
        # what each sack holds is no count beside the sacks; one jar named is one
        ("Продукты (долгого хранения)", "Сахар и мука, 2 мешка по 50 кг", {"food": 2}),
        # eggs in tens, as the writer counts them: three tens and a jar
        ("Продукты (долгого хранения)", "яйца домашние 3 десятка, мед банка", {"food": 4}),
        # a waist and a length; the hours to come for the things
        ("Одежда", "джинсы мужские 32/34 - 3 шт", {"clothing": 3}),
        ("Одежда", "Колготки 40 пар. Заберите в рабочее время с 8 до 17", {"clothing": 40}),
        ("Бытовая техника", "Газовая колонка б/у, электросамовар", {"appliances": 2}),
        # a mistyped season is no pair of winter boots
        ("Одежда", "куртки зимнии 3 шт", {"clothing": 3}),
        # words typed without spaces, or in capitals run together
        ("Мебель", "диван-книжка,креслодва,столжурнальный", {"furniture": 4}),
        ("Бытовая техника", "ХОЛОДИЛЬНИКДНЕПР,ПЛИТАЭЛЕКТРИЧЕСКАЯ2КОНФОРКИ", {"appliances": 2}),
        # a long word that names no thing stays whole: no "трех" (three) in it
        ("Мебель", "Шкаф трехстворчатый, стол кухонный и 4 табуретки", {"furniture": 6}),
        # donors abroad: German, Polish
        (
            "Одежда, Обувь",
            "Wir haben gesammelt: Winterjacken 8 Stück, Schuhe 6 Paar",
            {"clothing": 8, "shoes": 6},
        ),
        ("Постельное бельё", "Mozemy wyslac paczke: koce 10 szt, poduszki 5 szt", {"bedding": 15}),
        # a numbered list typed "1- ... 2- ..."; sizes two apart before examples
        ("Одежда", "1- свитер 2- брюки 3- куртка р 48", {"clothing": 3}),
        ("Одежда", "большой пакет женских вещей 44-46 (кофты, юбки)", {"clothing": 1}),
        ("Одежда", "Одяг жіночий 44-46 (8 речей), чоловічий 50 (5 речей)", {"clothing": 13}),
        # a mark out of five; the age of the child the things were hers; "пар N"
        ("Детские вещи", "Коляска 3 в 1 Tutis, состояние 5 из 5", {"children": None}),
        ("Одежда", "Речі після доньки (зараз їй 12): куртки 2, джинси штук 5", {"clothing": 7}),
        (
            "Одежда, Обувь",
            "Собрали в общаге: 9 пакетов одежды, обувь пар 20",
            {"clothing": 9, "shoes": 20},
        ),
    ],
)
def test_what_a_response_offers_and_how_many(
    checkbox: str, details: str, expected: dict[str, int | None]
) -> None:
    offers, _ = normalize_offers([form_row(2, categories=checkbox, details=details)])
    read = {
        o.category: (None if o.quantity_estimated and o.quantity == 1 else o.quantity)
        for o in offers
    }
    assert read == expected


@pytest.mark.parametrize(
    ("details", "code"),
    [
        ("Ремонт холодильников и стиральных машин на дому, выезд мастера. Недорого!", "ad_row"),
        ("Юрист для переселенцев, консультация платная. http://vpl-help.com.ua", "ad_row"),
        ("Нужна помощь! Беременная, переехали с Горловки, ничего нет. Позвоните", "help_request"),
        ("а де можна отримати допомогу?", "help_request"),  # a question, nothing named
        ("nam nuzhna pomosh, pereselency iz Luganska, rebenok 1 god", "help_request"),
        ("Thank you so much for your help!!!", "thanks_row"),  # English is no translit
        ("Приглашаем на воскресное богослужение! Каждое воскресенье в 10:00", "ad_row"),
    ],
)
def test_rows_that_are_not_offers_say_why(details: str, code: str) -> None:
    offers, problems = normalize_offers([form_row(2, categories="", details=details)])
    assert offers == []
    assert code in codes(problems)


@pytest.mark.parametrize(
    ("details", "code"),
    [
        # a box ticked, then something that is not an offer where the details go
        ("=ВПР(A2;Лист1!A:B;2;0)", "formula_row"),
        ("=A1", "formula_row"),
        ("#REF!", "formula_row"),
        ("куртки куртки куртки куртки куртки", "mash_row"),
        ("0000000000000", "mash_row"),
        ("олдж 45 ывапр ъхз", "mash_row"),
        ("qwer 777 fgfgfg", "mash_row"),
        ("Шукаю зимову куртку для сина, 10 років", "help_request"),
        ("Ищу куртку 52 размера, могу забрать сам", "help_request"),
        ("звонила женщина, просит куртку для сына, сама помочь не может", "help_request"),
        ("Нужны ботинки 40 р., живем в общежитии", "help_request"),
        ("Продаются куртки зимние, 300 грн, торг", "ad_row"),
        ("Хотим сказать вам спасибо за помощь!", "thanks_row"),
        ("Спасибо за продукты которые нам передали, дети рады", "thanks_row"),
        ("Потрібна пральна машина, можу забрати сам, ми переселенці", "help_request"),
        ("Hello, we need help, my mother is sick, please contact", "help_request"),
        ("Окна со скидкой 20%! Замер бесплатно, звоните!", "ad_row"),
        ("Замер бесплатно, монтаж окон", "ad_row"),
        ("dfgdfgdfg ывавыа 123 ооо", "mash_row"),
        ("Выкуп авто дорого, звоните", "ad_row"),
        ("Куда обратиться за одеждой, пенсионеры из Попасной", "help_request"),
        ("Нужны сапоги зимние 38, можем забрать сами", "help_request"),
        ("Спасибо вам, сама помочь не могу, пенсия маленькая", "thanks_row"),
        # a row that opens with a request and offers nothing
        ("Срочно нужна детская кроватка, малышу 3 месяца", "help_request"),
        ("Потрібні теплі речі для двох дітей", "help_request"),
        ("nuzhny valenki dlya babushki, my pereselency", "help_request"),
        ("Дедушка живет один, нужны лекарства от сердца", "help_request"),
        ("Звонил мужчина поблагодарить за одеяла", "thanks_row"),
        ("Такси круглосуточно по области, недорого", "ad_row"),
        ("Продаю куртки, пишите в вайбер", "ad_row"),
        ("Хотите зарабатывать дома? Пишите в вайбер!!!", "ad_row"),
        ("Сдам квартиру посуточно переселенцам, недорого, центр, WiFi", "ad_row"),
        ("Лечение алкоголизма анонимно, выезд на дом, гарантия результата!", "ad_row"),
        ("тестим форму", "test_row"),
        ("Низкий поклон всем волонтёрам! Без вас бы не выжили этой зимой", "thanks_row"),
        ("Огромное спасибо команде «Можем – поможем!» за помощь с переездом", "thanks_row"),
        ("Получили комнату, нужна кровать. Кто может отдать?", "help_request"),
        ('="Одежда"&"Обувь"', "formula_row"),
        ("#ЗНАЧ!", "formula_row"),  # an error value of a Russian-language sheet
        ("3к4е5н6г7ш8щ", "mash_row"),  # a keyboard row typed between digits
        ("Займы под залог авто и золота. Круглосуточно. Лучшие условия!", "ad_row"),
        ("Дайте пожалуйста одеяла, в общежитии холодно, нас 12 человек", "help_request"),
        ("Перевозки Северодонецк - Харьков - Киев ежедневно, переселенцам скидка", "ad_row"),
        ("Отдайте пожалуйста коляску, у нас двойня, переехали из Горловки", "help_request"),
        ("ы", "mash_row"),
        (
            "Хотим сказать огромное спасибо всем, кто помогает! Когда мы приехали сюда в "
            "августе, у нас не было ничего, только документы. Ваши волонтеры дали нам одежду, "
            "обувь, посуду, одеяла, и детям игрушки. Сейчас все хорошо, муж работает",
            "thanks_row",
        ),
        # a long plea that names what the children lack and offers nothing
        (
            "Здравствуйте. Мы многодетная семья 5 детей, выехали из Луганска летом в чем были. "
            "Зима, а у детей нет ни курток ни сапог. Муж без работы. Помогите чем можете "
            "пожалуйста. Адрес: Северодонецк, пр. Химиков 40, кв 12",
            "help_request",
        ),
        # a question whether the call-center has or can give what the writer lacks
        ("Есть ли у вас зимние куртки на мальчика 10 лет? Очень нужно", "help_request"),
        ("Можете ли вы помочь с инсулином? Муж диабетик, мы из Стаханова", "help_request"),
        ("=A1+B1", "formula_row"),  # cell references added up, where the details go
    ],
)
def test_rows_with_a_box_ticked_that_are_not_offers_say_why(details: str, code: str) -> None:
    offers, problems = normalize_offers([form_row(2, categories="Одежда", details=details)])
    assert offers == []
    assert code in codes(problems)


@pytest.mark.parametrize(
    "details",
    [
        "колготки10шт носочки5пар",
        '=HYPERLINK("http://x.ua";"фото") куртка зимняя 50',  # a formula, then an offer
        "2 jackets, 1 coat, scarf",
        "нам уже не надо, отдаем куртку 46",
        "если кому надо, у нас осталась куртка мужская 52",
        "Просит забрать: шуба мутоновая, платки пуховые 2",
        "Автокресло",
        "Спасибо вам что помогаете! Хочу передать куртки — 2 пакета",
        "Спасибо вам за работу! Хочу тоже помочь — у меня есть 2 пакета детских вещей",
        "Спасибо что помогли нам в ноябре! Теперь сами хотим помочь: 2 пакета детских вещей",
        "Я бы отдала, но вещей мало: куртка 46",
        "Всего 3 пакета вещей: куртки и штаны",  # "всего" in an offer is "in all"
        "Нужно забрать диван и куртки, отдаю бесплатно",
        "Надо вывезти шкаф и вещи до пятницы",  # the donor's errand
        "Нужны ли вам детские вещи? куртка 110",  # the donor's question
        "Могу отдать вещи, пока родители ищут работу",
        "Куртка детская 2 шт, шапка. Пишите в вайбер 0997890123",  # how to reach the donor
        "Хочу отправить посылку, 2 коробки теплых вещей, подскажите адрес",
        "Можете ли вы помочь вывезти шкаф и куртки?",  # the donor's errand
    ],
)
def test_glued_foreign_or_negated_words_keep_a_real_offer(details: str) -> None:
    offers, problems = normalize_offers([form_row(2, categories="Одежда", details=details)])
    assert offers
    assert not {"mash_row", "help_request", "thanks_row"} & set(codes(problems))


def test_volunteers_the_things_come_from_are_not_offered() -> None:
    details = "гуманітарка від Харківських волонтерів: одяг 12 мішків, крупи 100 кг"
    offers, _ = normalize_offers([form_row(2, categories="Одежда, Продукты", details=details)])
    assert {o.category for o in offers} == {"clothing", "food"}


def test_a_number_that_counts_the_word_after_it_stays_with_it() -> None:
    """ "Шкаф-купе 2 двери": two doors, not two wardrobes (the noun's form after "2")."""
    details = "Шкаф-купе 2 двери, кровать односпальная 2 шт"
    offers, _ = normalize_offers([form_row(2, categories="Мебель", details=details)])
    assert [o.quantity for o in offers if o.category == "furniture"] == [3]


def test_a_diaper_size_with_a_plus_stays_a_size() -> None:
    """ "памперсы 4+" is the size Maxi Plus, no age like a toy's "4+"."""
    details = "памперсы 4+ 2 пачки"
    [offer], _ = normalize_offers([form_row(2, categories="Средства гигиены", details=details)])
    assert (offer.quantity, offer.size) == (2, "4")


def test_a_row_with_no_word_at_all_is_a_test() -> None:
    offers, problems = normalize_offers([form_row(2, categories="1", details="1")])
    assert offers == []
    assert "test_row" in codes(problems)


def test_a_word_behind_a_known_prefix_is_no_mash() -> None:
    """ "электроконвектор" is in no dictionary, but "электро" + "конвектор" is a word."""
    boxes = "Бытовая техника, уголь 2 тонны"
    offers, problems = normalize_offers([form_row(2, categories=boxes, details="электроконвектор")])
    assert {o.category for o in offers} == {"appliances", "other"}
    assert "mash_row" not in codes(problems)


def test_a_test_in_the_details_is_a_test_whatever_boxes_are_ticked() -> None:
    boxes = "Одежда, Обувь, Продукты (долгого хранения), Детские вещи, Игрушки"
    offers, problems = normalize_offers([form_row(2, categories=boxes, details="тестим форму")])
    assert offers == []
    assert "test_row" in codes(problems)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("сапоги две пары размер тридцать восьмой", 2),
        ("ботинки 2 пары сорок третьего размера", 2),
    ],
)
def test_a_size_in_words_is_not_a_count(details: str, expected: int) -> None:
    offers, _ = normalize_offers([form_row(2, categories="Обувь", details=details)])
    assert [o.quantity for o in offers] == [expected]


def test_a_pensioner_who_gives_through_an_operator_is_an_offer() -> None:
    details = "Пенсионерка, по телефону. Отдает холодильник двухкамерный, нужно забрать самим"
    offers, problems = normalize_offers([form_row(2, categories="", details=details)])
    assert [o.category for o in offers] == ["appliances"]
    assert "help_request" not in codes(problems)


@pytest.mark.parametrize(
    "details",
    [
        'Телевизор Samsung 21"',
        'Ноутбук Acer 15,6" рабочий',
        "пральна машина на 6 кг, 1200 об/хв",
        "Телевизор (диагональ 51 см)",
    ],
)
def test_a_screen_size_or_a_speed_is_not_a_count(details: str) -> None:
    offers, _ = normalize_offers([form_row(2, categories="", details=details)])
    assert [o.quantity for o in offers] == [1]


@pytest.mark.parametrize(
    ("checkbox", "details", "expected"),
    [
        # a phone, a link or a time of day in the text is never a count
        ("Одежда", "пальто и 2 куртки. звоните 066 555 43 21 после 18", 3),
        ("Одежда", "детские вещи, все что на фото https://vk.com/album123_456, около 40 вещей", 40),
        ("Обувь", "забрать с 10:00 до 18:00, сапоги 2 пары", 2),
        # a thing named in the plural with no count adds nothing; the rest count
        ("Одежда", "пальто, 3 платья, кофты, халат", 5),
        # "ходунки" is one thing though named in the plural
        ("Медикаменты", "костыли 1 пара, тонометр механический, ходунки для пожилых", 3),
        ("Игрушки", "настольные игры 3, пазлы 1000 деталей 2 шт", 5),
    ],
)
def test_counts_in_long_answers(checkbox: str, details: str, expected: int) -> None:
    offers, _ = normalize_offers([form_row(2, categories=checkbox, details=details)])
    assert [o.quantity for o in offers] == [expected]


@pytest.mark.parametrize(
    ("checkbox", "details", "expected"),
    [
        # the bus that carries a parcel is how it travels, not transport offered
        ("Одежда", "посилка з Італії: куртки 4, кофти 6, через автобус", ["clothing"]),
        ("Медикаменты", "передаст автобусом: аптечка, бинты", ["medicine"]),
        ("", "могу помочь машиной, перевезти вещи", ["other"]),
        ("", "могу отвезти вещи на своей машине раз в неделю", ["other"]),
        ("транспорт", "могу отвезти вещи в Харьков", ["other"]),
        ("", "могу ремонтировать холодильники бесплатно", ["other"]),
        ("Медикаменты", "через волонтеров передадим бинты 30 шт", ["medicine"]),
        ("Постельное бельё", "комплекты постельного двуспалка 2", ["bedding"]),
        # a ticked box's name typed again as a heading is no other thing
        (
            "Детские вещи, Игрушки",
            "Игрушки: мяч, кукла. Детские вещи - манеж",
            ["children", "toys"],
        ),
        ("Детские вещи, Одежда", "Детские вещи - 3 пакета на мальчика 4 лет", ["clothing"]),
        ("Медикаменты", "через польських волонтерів передамо бинти 20", ["medicine"]),
        ("", "Комбикорм для кур 5 мешков", ["other"]),
        ("Медикаменты", "каталка для лежачего, памперсы", ["hygiene", "medicine"]),
        # thanks for the work is no offer of work
        ("Одежда", "Спасибо за вашу работу! Отдам пальто женское 50р", ["clothing"]),
        ("", "стиральная машина Малютка", ["appliances"]),
        ("", "бензиновый генератор 2,5 кВт", ["other"]),
        ("", "тетради 50 шт, ручки 2 коробки", ["other"]),
    ],
)
def test_what_is_offered_not_how_it_travels(
    checkbox: str, details: str, expected: list[str]
) -> None:
    offers, _ = normalize_offers([form_row(2, categories=checkbox, details=details)])
    assert sorted({o.category for o in offers}) == expected


@pytest.mark.parametrize(
    ("checkbox", "details", "expected"),
    [
        ("Продукты (долгого хранения)", "Мешок сахара 50 кг", 1),  # the bag counts
        ("Одежда", "Пакет: куртки 2 шт", 2),  # a heading, not a bag
        ("Обувь", "есть пара валенок на ребенка лет 5", 1),  # "лет 5" is an age
    ],
)
def test_bags_headings_and_ages_written_first(checkbox: str, details: str, expected: int) -> None:
    offers, _ = normalize_offers([form_row(2, categories=checkbox, details=details)])
    assert [o.quantity for o in offers] == [expected]


@pytest.mark.parametrize("name", ['=IMPORTRANGE("1aBc";"A1:Z")', "=A1"])
def test_a_row_with_nothing_but_a_formula_for_a_name_is_a_formula_row(name: str) -> None:
    blank = form_row(2, categories="", details="")
    row = SourceRow(2, {**blank.values, "donor_name": name, "phone": "", "city": ""})
    offers, problems = normalize_offers([row])
    assert offers == []
    assert codes(problems) == ["formula_row"]


@pytest.mark.parametrize(
    ("checkbox", "details", "categories"),
    [
        # a room, a wardrobe or a house named as where things are, or an address
        ("Одежда", "вещи лежат в шкафу: куртка 50, свитер", ["clothing"]),
        ("Мебель", "Віддам все з квартири бабусі: диван, 2 крісла", ["furniture"]),
        ("Одежда", "куртка кожаная 50 размер, свитера. Забрать: дом 14 кв 52", ["clothing"]),
        # a vehicle that brings the goods, a donor who brings them
        (
            "Одежда, Обувь",
            "Отправляем машину: одежда 40 мешков, обувь 15 мешков",
            ["clothing", "shoes"],
        ),
        ("Продукты", "Цукор 2 мішки, можу підвезти якшо недалеко", ["food"]),
        ("", "могу подвезти людей до Харькова", ["other"]),  # transport itself
        # English words are not Russian typed in Latin letters
        ("Одежда", "winter jacket for woman size M, 2 sweaters, hat", ["clothing"]),
        ("", "kurtka zimnyaya, krossovki 2 pary", ["clothing", "shoes"]),
    ],
)
def test_what_is_offered_and_what_only_says_where_or_how(
    checkbox: str, details: str, categories: list[str]
) -> None:
    offers, _ = normalize_offers([form_row(2, categories=checkbox, details=details)])
    assert sorted(o.category for o in offers) == categories


def test_a_request_typed_where_the_boxes_go_is_a_request() -> None:
    row = form_row(2, categories="Нужна помощь", details="Дом разбит снарядом, нужен шифер")
    offers, problems = normalize_offers([row])
    assert offers == []
    assert "help_request" in codes(problems)


def test_a_job_offer_with_housing_is_no_request_for_help() -> None:
    """ "Нужны работники ... жилье предоставляем": the writer gives, not asks."""
    offers, problems = normalize_offers(
        [form_row(2, categories="работа", details="Нужны работники на ферму, жилье предоставляем")]
    )
    assert "help_request" not in codes(problems)
    assert "other" in {o.category for o in offers}


def test_transport_the_donor_needs_is_not_offered() -> None:
    offers, _ = normalize_offers(
        [form_row(2, categories="Мебель", details="шкаф, 2 кровати. Нужен транспорт.")]
    )
    assert {o.category for o in offers} == {"furniture"}


def test_mending_clothes_is_a_service_not_clothing() -> None:
    offers, _ = normalize_offers(
        [form_row(2, categories="швея", details="Могу шить и штопать вещи для переселенцев")]
    )
    assert {o.category for o in offers} == {"other"}


@pytest.mark.parametrize(
    ("checkbox", "details", "expected"),
    [
        # the box's own words beside a box are an offer of their own, not the details
        ("Одежда, могу консультировать как юрист", "", {"clothing", "other"}),
        ("Одежда, Обувь, помогу грузить", "", {"clothing", "shoes", "other"}),
        # a home let to others, or the house things are kept in, is no shelter offered
        ("Мебель", "Переезжаем, квартиру сдаем пустую, отдаем все: диван, 2 шкафа", {"furniture"}),
        ("Мебель", "Дом сдаем с мебелью, отдаем все: диван, 2 шкафа", {"furniture"}),  # home first
        ("Бытовая техника", "Телевизор, холодильник. Все находится в подвале дома", {"appliances"}),
        # thanks, then "хотим сами помочь" and things: an offer
        ("Детские вещи", "Спасибо за помощь! Теперь хотим сами помочь: детская одежда, 2 пакета",
         {"clothing"}),
        # boxes typed with no comma between them
        ("ОДЕЖДА ПОСУДА", "ОТДАМ ВСЕ ЗАБИРАЙТЕ САМИ", {"clothing", "kitchenware"}),
        # an e-mail address is no link to an ad
        ("Медикаменты, гроші", "можу надіслати гроші або посилку з ліками. Пишіть olha.k@gmail.com",
         {"medicine", "other"}),
        # an operator's note: the caller gives, and asks only that it be collected
        ("Бытовая техника", "звонила Тамара, хочет отдать холодильник. Просит чтобы забрали",
         {"appliances"}),
        # "шо вам треба": the need of whoever comes for the things, not the writer's
        ("Одежда, Обувь, Постельное бельё",
         "все шо є: ковдри, одяг, взуття, приїжджайте дивіться самі шо вам треба, я вдома",
         {"bedding", "clothing", "shoes"}),
        # an operator's note: the caller asks only to be told who needs it most
        ("уголь 1 тонна", "звонил мужчина, готов отдать уголь, просит сказать кому нужнее",
         {"other"}),
        # volunteers who collected the things are not offered themselves
        ("Одежда, Обувь", "Волонтери зібрали в школі №3: одяг 12 мішків, взуття 5 коробок",
         {"clothing", "shoes"}),
    ],
)  # fmt: skip
def test_what_a_response_offers(checkbox: str, details: str, expected: set[str]) -> None:
    offers, _ = normalize_offers([form_row(2, categories=checkbox, details=details)])
    assert {o.category for o in offers} == expected
