"""A vehicle that carries the gift, a load counted in vehicles, the donor's own
job and money they lack, "things" named in passing, and numbers that say which
one (a floor, a school, a year of study, a phone's model) rather than how many,
are not offered; a grade says the pupils' ages; what a need already has is taken
off its count."""

from __future__ import annotations

import pytest

from matcher.normalize.answers import parse_urgency
from tests.normalize.rows import categories_of, counts_of, need_counts, needs_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a bus that runs the route, or comes on a day
        ("Відправимо з Праги 6 ковдр. Бус буде в Харкові 20 грудня", "Постельное бельё",
         {"bedding"}),
        ("шампунь 3, мило 10 кусків. Автобус Неаполь-Луганськ приходить у Старобільськ по "
         "суботах", "Средства гигиены", {"hygiene"}),
        # the driver's vehicle: "с водителем автобуса"
        ("Вещи от соседей, 5 пакетов. Передам с водителем автобуса до Харькова", "Одежда",
         {"clothing"}),
        # vehicles counted before what they were loaded with
        ("Собрали 2 машины: продукты, 150 кг", "Продукты (долгого хранения)", {"food"}),
        # the receiver's vehicle, and one the donor has not got
        ("матрац 90х200 1 шт (важкий, тільки якщо є транспорт)", "Постельное бельё",
         {"bedding"}),
        ("картошки мешков 10. Приезжайте сами у нас машины нету", "Продукты (долгого хранения)",
         {"food"}),
        # the donor's job, and the work the husband found
        ("Працюю доглядальницею в Римі вже 9 років. Передаю памперси 5 пачок",
         "Средства гигиены", {"hygiene"}),
        ("чоловік влаштувався на роботу. Є дитячий манеж", "Детские вещи", {"children"}),
        # whom the text speaks to, and money the donor lacks
        ("Добрый день, милые девочки-волонтёры. Связала 4 пледа", "Постельное бельё",
         {"bedding"}),
        ("Денег у меня мало, пенсия 1400, но есть что отдать: одеяло ватное",
         "Постельное бельё", {"bedding"}),
        # "things" said in passing, with no clothes box ticked
        ("Хотим чтобы вещи пошли людям. Кровать двуспальная, 2 кресла", "Мебель",
         {"furniture"}),
        ("хотим помочь деньгами, вещи передать сложно через границу", "Деньги", {"other"}),
        ("але їм стільки речей не треба. Можемо віддати автокрісло", "Детские вещи",
         {"children"}),
        # carrying people's things is transport, not clothes
        ("Можу віддати дрова, і можу допомогти з перевезенням речей переселенців",
         "Дрова, перевезення", {"other"}),
    ],
)  # fmt: skip
def test_what_carries_or_surrounds_the_gift_is_not_offered(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a load sold by the truck is still its count
        ("2 машины дров, могу привезти", "Дрова", {"other"}),
        # a vehicle offered, and the work offered
        ("есть 2 машины, могу возить гуманитарку", "", {"other"}),
        ("могу работать водителем", "", {"other"}),
        # "things" listed, counted or given are clothes
        ("вещи и игрушки через волонтеров", "Детские вещи, Игрушки", {"clothing", "toys"}),
        ("вещи б/у и немного продуктов", "", {"clothing", "food"}),
        ("отдам вещи и посуду", "Посуда", {"clothing", "kitchenware"}),
    ],
)  # fmt: skip
def test_what_is_offered_beside_them_stays(details: str, boxes: str, expected: set[str]) -> None:
    assert categories_of(details, boxes) == expected


def test_an_offered_vehicle_keeps_its_count_and_a_loaded_one_counts_nothing() -> None:
    assert counts_of("2 машины дров, могу привезти", "Дрова") == {"other": 2}
    assert counts_of("Собрали 2 машины: продукты, 150 кг", "Продукты (долгого хранения)") == {
        "food": 150
    }
    assert counts_of("Зібрано 3 машини речей. Одяг дорослий 25 мішків", "Одежда") == {
        "clothing": 25
    }


def test_things_counted_or_in_a_need_are_still_clothes() -> None:
    assert counts_of("Кастрюли 2 шт. Вещи хотим отдать 3 пакета", "Посуда") == {
        "kitchenware": 2,
        "clothing": 3,
    }
    assert set(need_counts("Речі, взуття, продукти, засоби гігієни", "багато")) == {
        "clothing",
        "shoes",
        "food",
        "hygiene",
    }
    assert set(need_counts("Збираємо речі та взуття для переселенців", "багато")) == {
        "clothing",
        "shoes",
    }


def test_a_truckload_is_what_it_carries() -> None:
    offers, _ = offers_of("2 машины дров, могу привезти", "Дрова")
    assert [o.kind for o in offers] == ["fuel/firewood"]


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # a child's weight after its height
        ("Вещи на мальчика рост 104 вес 16 кг, куртка, штаны 3 шт, кофты 4 шт", "Одежда",
         {"clothing": 8}),
        # an address after the word
        ("крупы около 15 кг, масло 5 бутылок. Приходите, адрес Гагарина 47",
         "Продукты (долгого хранения)", {"food": 20}),
        # which school, which year of study
        ("куртки 2 шт, забрать в гараже возле 5 школы", "Одежда", {"clothing": 2}),
        ("студент 2 курс ХПИ, могу по выходным помочь загрузить", "помочь с переездом",
         {"other": 1}),
        # ordinals: a floor, a date
        ("отдаем диван и 2 стула, самовывоз 3й этаж без лифта", "Мебель", {"furniture": 3}),
        ("джинсы 3 пары. Забирать до 15го", "Одежда", {"clothing": 3}),
        ("2 стола, 5-й этаж", "Мебель", {"furniture": 2}),
        # a phone's model
        ("нокиа 3310 рабочая 1шт и зарядки 2", "телефон, зарядка", {"other": 3}),
    ],
)  # fmt: skip
def test_numbers_that_say_which_one_count_nothing(
    details: str, boxes: str, expected: dict[str, int | None]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("item", "size"),
    [
        ("шкільна форма для хлопчиків 1-4 клас", "6-10y"),
        ("форма школьная на 2 класс", "7-8y"),
        ("куртки для 9-10 класса", "14-16y"),
    ],
)
def test_a_school_grade_says_the_pupils_ages(item: str, size: str) -> None:
    needs, _ = needs_of(item, "5")
    assert [n.size for n in needs] == [size]


def test_a_suspension_abbreviated_is_a_syrup() -> None:
    offers, _ = offers_of("Нурофен д/детей сусп. 12 фл", "Медикаменты")
    assert "сироп" in offers[0].size


@pytest.mark.parametrize("details", ["вяжу носки из шерсти, 12 пар", "носки з вовни 5 пар"])
def test_wool_is_worn_in_winter(details: str) -> None:
    offers, _ = offers_of(details, "Одежда")
    assert offers[0].season == "winter"


def test_expiry_that_passed_is_spoiled_and_one_to_come_is_not() -> None:
    spoiled, _ = offers_of("смесь Бэбиси 2 пачки, срок годн. истек в ноябре", "Продукты")
    assert [o.category for o in spoiled] == ["other"]
    fresh, _ = offers_of("Нурофен 2 уп, срок годности истекает в 2016", "Медикаменты")
    assert [o.category for o in fresh] == ["medicine"]


@pytest.mark.parametrize("cell", ["у течії місяця", "можно на след. неделе"])
def test_a_month_or_next_week_can_wait(cell: str) -> None:
    assert parse_urgency(cell)[0] == "low"


def test_things_already_there_come_off_a_need() -> None:
    assert need_counts("одеяла, по 1 на человека", "34 чел, 10 одеял уже есть") == {"bedding": 24}


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        # the way the gift travels, typed in Latin letters too
        ("mogu peredat' cherez avtobus 3 zhenskie kurtki i 4 svitera", "Одежда", {"clothing"}),
        ("Бус виїжджає 20.02, куртки 5", "Одежда", {"clothing"}),
        ("все не влазить у машину, куртки 3", "Одежда", {"clothing"}),
        ("Відправляємо гуманітарну вантажівку: 40 коробок одягу", "Одежда", {"clothing"}),
        ("Машина з Києва 14 лютого: одяг 30 мішків", "Одежда", {"clothing"}),
        ("Відправляємо гуманітарну вантажівку, в ній 40 коробок одягу", "Одежда", {"clothing"}),
        ("Збираємо машину допомоги, одяг 10 мішків", "Одежда", {"clothing"}),
        ("15 ящиків одягу, Одяг йде контейнером", "Одежда", {"clothing"}),
        # thanks for the work, going abroad to work, clothes for someone's work
        ("Дякую за вашу роботу! Віддам теплу куртку 56 р", "Одежда", {"clothing"}),
        ("Їдемо до Польщі на роботу, куртки 3", "Одежда", {"clothing"}),
        ("Може комусь на роботу треба, куртка робоча", "Одежда", {"clothing"}),
        ("Здравствуйте! Я работаю в Риме сиделкой уже 8 лет. Куртка", "Одежда", {"clothing"}),
        # money that bought the gift, and money not given
        ("на вырученные деньги купили 30 сладких наборов", "Продукты (долгого хранения)",
         {"food"}),
        ("Наша церква зібрала кошти, купили 20 ковдр", "Постельное бельё", {"bedding"}),
        ("денег дать не могу, уж извините. Куртка", "Одежда", {"clothing"}),
        # volunteers the goods are left with or carried by
        ("оставлю у волонтёров на Сумской, куртки 2", "Одежда", {"clothing"}),
        ("Везе волонтер до Львова, куртки 2", "Одежда", {"clothing"}),
        # help loading the things given, and the television watched
        ("шкаф, могу помочь погрузить", "Мебель", {"furniture"}),
        ("диван, забирать самим с грузчиками", "Мебель", {"furniture"}),
        ("Телевизор смотрю, вижу сколько людей без крыши. одеяло пуховое", "Постельное бельё",
         {"bedding"}),
    ],
)  # fmt: skip
def test_how_the_gift_travels_and_what_bought_it_are_not_offered(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        ("Є бус, можу возити гуманітарку", "", {"other"}),
        ("Є бус: можу возити гуманітарку, також віддам 2 куртки", "Одежда", {"other", "clothing"}),
        ("Можем перевести деньги или купить продукты", "деньги", {"other", "food"}),
        ("Гроші: можемо переказати на карту 500 грн або купити ліки", "Медикаменты",
         {"other", "medicine"}),
        ("Собрали деньги, 5000 грн, можем перевести. Куртки 3", "Одежда", {"clothing", "other"}),
        ("Українська громада збирає кошти. Куртки 3", "Одежда, гроші", {"clothing", "other"}),
        ("студенты, можем помочь погрузить и разгрузить", "Другое", {"other"}),
        ("Можем бесплатно перевезти мебель и технику по Харькову, грузчики свои", "транспорт",
         {"appliances", "other"}),
        ("контейнеры пластиковые 5 шт", "Посуда", {"kitchenware"}),
    ],
)  # fmt: skip
def test_transport_money_and_work_offered_stay(
    details: str, boxes: str, expected: set[str]
) -> None:
    assert categories_of(details, boxes) == expected


def test_vehicles_of_a_load_count_nothing() -> None:
    assert counts_of("Парафія зібрала 3 бусики (мікроавтобуси) допомоги: одяг 20 мішків") == {
        "clothing": 20
    }
    assert counts_of("Всё в 3 машины не влезет. спецовки 30 комплектов", "Одежда") == {
        "clothing": 30
    }
    assert counts_of("Фура 20 т, раз в неделю едем пустыми", "Перевезення гуманітарки") == {
        "other": 1
    }


@pytest.mark.parametrize(
    ("details", "boxes", "category"),
    [
        ("Швейная машинка электрическая Чайка", "Бытовая техника", "appliances"),
        ("Швейная машинка электрическая Чайка", "", "other"),
        ("швейная машинка Подольск ручная, не электрическая", "Бытовая техника", "other"),
    ],
)
def test_a_sewing_machine_is_an_appliance_under_its_box(
    details: str, boxes: str, category: str
) -> None:
    assert categories_of(details, boxes) == {category}
