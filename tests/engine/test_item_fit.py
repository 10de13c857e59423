"""Item fit through the reader, as a coordinator states it: the offer's words
against the need's words. Each row is one rule of matcher/fit.py or one split
of the lexicon that keeps different things apart."""

from __future__ import annotations

from datetime import datetime

import pytest

from matcher.contents import in_content_units
from matcher.engine import propose
from matcher.fit import Fit, item_fit, kind_point, profile_of
from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import MatchParams
from matcher.reasons import render_reason
from tests.engine.pairs import form_row, need_row


def _offer_row(k: int, checkbox: str, details: str) -> SourceRow:
    offer = {"city": "Лисичанск", "categories": checkbox, "details": details, "can_deliver": "Да"}
    return form_row(k, offer)


def _need_row(item: str, quantity: str) -> SourceRow:
    return need_row({"city": "Лисичанск", "item": item, "quantity": quantity, "urgency": ""})


def fit_of(offer_text: str, need_text: str) -> Fit | None:
    offers, _ = normalize_offers([_offer_row(0, "", offer_text)])
    needs, _ = normalize_needs([_need_row(need_text, "")])
    assert len(offers) == 1 and len(needs) == 1, (offers, needs)
    assert offers[0].category == needs[0].category
    return item_fit(profile_of(offers[0]), profile_of(needs[0]))


NO_FIT = [
    # the pupils of grades 9-10 are no pupils of grades 1-4
    ("форма школьная на мальчика 9-10 класс", "шкільна форма для хлопчиків 1-4 клас"),
    # a dose the need names is no other dose
    ("эналаприл 5 мг 3 уп", "Эналаприл 10 мг"),
    # heart drugs are told apart by their substance: drops are no enalapril
    ("корвалол, валидол", "Эналаприл 10 мг таблетки"),
    ("Лизиноприл 10 мг 3 уп", "Эналаприл 10 мг (таблетки)"),
    # antibiotics too: azithromycin is no amoxicillin
    ("Сумамед суспензия детская 1 фл", "Антибиотик детский в суспензии (амоксициллин / Аугментин)"),
    # embroidered wedding towels are a keepsake, no bath towels
    ("рушники вишиті весільні 2 шт", "полотенца банные"),
    ("рушник вишитий святковий", "полотенца банные"),
    # a stove by its fuel: no gas stove where there is no gas
    ("газовая плита Грета 4 конф.", "Плита электрическая для семьи (газа в доме нет)"),
    # foam is no razor, purée no porridge, postpartum pads no ordinary ones
    ("пена для бритья 10 балл.", "Бритвенные станки одноразовые мужские"),
    ("пюре фруктовое баночки 20 шт", "Детское питание: каши безмолочные с 4 мес"),
    ("прокладки послеродовые 5 уп", "Прокладки женские гигиенические (нормал)"),
    ("каптоприл 25мг 20 уп", "Эналаприл 10 мг"),
    # groats, stew, oil, drugs and purees are told apart by what they are made of
    ("рис 2 мешка по 25кг", "Крупа гречневая"),
    ("крупы: гречка, пшено, перловка по 2 кг", "Рис"),
    ("тушенка свиная 10 банок", "Тушенка говяжья"),
    ("масло оливковое 2 бут", "Масло подсолнечное"),
    ("маргарин Щедрое лето 20 пачек", "олія соняшникова"),
    ("мука кукурузная 3 кг", "Мука пшеничная"),
    # an infrared heater is no oil-filled radiator
    ("инфракрасный обогреватель потолочный", "Обогреватель масляный"),
    ("анальгин 5 уп, цитрамон 3", "Парацетамол таблетки"),
    ("пюре фруктове Хiпп 10 шт", "Детское пюре мясное (баночки)"),
    # rattles are a baby's; paper napkins are no wet wipes; "5-7 р." is years
    ("погремушки 3 шт", "игрушки для детей 3-7 лет"),
    ("салфетки бумажные 10 уп", "влажные салфетки"),
    ("колготки дитячі 5-7 р. 4 пари", "колготки детские теплые 1-3 года"),
    # "от 5 литров": five or more; a bed's size is its size
    ("кастрюля 3 л", "кастрюли большие от 5 литров"),
    ("кровать двуспальная 160х200", "кровати односпальные"),
    # a medicine's form: tablets are no syrup, suppositories no tablets
    ("ибупрофен таблетки 200 мг 2 уп", "детский жаропонижающий сироп"),
    ("цефекон свечи 3 уп", "жаропонижающее в таблетках"),
    ("анальгин 500 мг 10 уп", "жаропонижающие сиропы детские"),  # a dose in mg alone: tablets
    # an age in months against one in years
    ("комбинезон зимний на 0-12 мес", "комбинезоны зимние детские 1-3 года"),
    # a juice is no purée, instant mash no baby food, a heating radiator no heater
    ("сок детский яблочный 10 пачек", "детское пюре фруктовое"),
    ("пюре картофельное быстрого приготовления 5 пачек", "пюре детское овощное"),
    # whitening toothpaste is a grown-up's
    ("паста зубная отбеливающая 3 тюбика", "зубная паста детская"),
    ("трусики женские XXL 6 шт", "трусы женские M-L"),
    ("куртка мужская зимняя 3XL", "куртки мужские зимние S-M"),
    ("подушки 70х70 2 шт", "подушки 50х70"),
    ("одежда на малыша 6-9 мес", "бодики на новорожденных 56-62"),
    ("постельное 2-спальное 2 комплекта", "постельное бельё полуторное"),
    ("наволочки 4 шт", "постельное бельё"),
    ("зубные щетки 10 шт", "зубная паста"),
    ("тампоны 2 уп", "прокладки гигиенические"),
    ("урологические прокладки 2 уп", "подгузники для взрослых"),
    ("морозильная камера", "холодильник"),
    ("фонендоскоп", "тонометр"),
    ("полотенца кухонные вафельные 10 шт", "полотенца банные"),
    ("газовый обогреватель", "обогреватели масляные"),
    ("чоботи зимові чоловічі 44", "бурки мужские 42-45"),
    ("рукавицы рабочие брезентовые 10 пар", "рукавички дитячі"),
    # a kind says the season when the text does not: trainers are no winter shoes
    ("кроссовки мужские 43", "зимняя обувь мужская 42-45"),
    # an adjective that names a finer thing is kept beside its heading
    ("консервы рыбные 10 банок", "консервы мясные (тушенка)"),
    # a toy's age is its size
    ("машинки и куклы для детей 5+ лет", "игрушки для малышей до 1 года"),
    # galoshes are not rubber boots
    ("калоши 2 пары", "сапоги резиновые"),
    # a letter size typed in Cyrillic
    ("подгузники для взрослых М 2 уп", "подгузники для взрослых размер L"),
    # a bed size in words against dimensions
    ("матрасик 60х120", "матрасы односпальные"),
    ("постельное в кроватку 2 комплекта", "постельное бельё полуторное"),
    # ages in words
    ("настольные игры для подростков", "игрушки для детей 3-6 лет"),
    ("одеяльце детское в кроватку", "одеяла 1,5-спальные"),
    ("матрасик в коляску", "матрасики в детскую кроватку"),
    ("кастрюлька 1,5 литра", "кастрюли 3-5 л"),  # a pot's capacity is its size
    ("куртка мужская демисезонка р.50", "куртки зимние мужские"),
    ("носки хлопковые 10 пар", "носки тёплые шерстяные"),
    ("заварник фарфоровый", "чайники для плиты"),
    ("носки тонкие х/б 5 пар", "носки теплые шерстяные"),
    # a man's underwear is clothing, and not for women
    ("женское белье 46", "мужское белье р. 50-54"),
    # finer kinds a coordinator keeps apart
    ("тонометр механический, ручной", "тонометр автоматический"),
    ("тонометр автомат на запястье", "тонометры автоматические на плечо"),
    ("костыли локтевые 1 пара", "костыли подмышечные"),
    ("порошок для ручной стирки 3 пачки", "стиральный порошок автомат"),
    ("тепловентилятор 2 шт", "масляные обогреватели"),
    ("конвектор", "масляный обогреватель"),
    ("тарелки одноразовые 50 шт", "тарелки глубокие"),
    ("тарелки мелкие 6 шт", "тарелки глубокие"),
    ("пластиковые стаканчики 200 шт", "чашки для столовой"),
    ("ползунки 62 р 3 шт", "боди для новорожденных"),
    ("пральна машина напівавтомат", "пральна машина автомат"),
    ("сумка-холодильник", "холодильник"),
    ("кипятильник", "электрочайник"),
    ("мыло туалетное 10 шт", "туалетная бумага"),
    ("постельное белье евро", "постільна білизна півторна"),
    # car-seat groups overlap without being one seat
    ("автокресло 9-18 кг", "автокресло 0-13 кг"),
    # an infant carrier is a group 0+ seat; furniture for a need naming no one is
    # for grown-ups; thin is not warm
    ("автолюлька Maxi-Cosi", "автокресла 9-18 кг"),
    ("детский столик", "столы обеденные"),
    ("одеяло тоненькое байковое", "одеяла теплые"),
    # a thing its donor says does not work
    ("холодильник не работает, на запчасти", "холодильник"),
    ("стиральная машина, не отжимает", "бытовая техника"),
    # what the fault is about is nothing offered: the machine is broken, no water given
    ("пральна машина автомат LG, не зливає воду, потрібен ремонт", "стиральная машина автомат"),
    # an elastic bandage is no dressing, enalapril with a diuretic no plain
    # enalapril, an air bed no bed's mattress
    ("бинт эластичный 1,5 м, 10 шт", "Бинты стерильные 7х14, марля медицинская"),
    ("Эналаприл-Н 10/25 таблетки 8 пачек", "Эналаприл 10 мг таблетки"),
    ("надувной матрас Intex двуспальный с насосом", "Матрасы на двуспальную кровать 160х200"),
    # a need for new things only takes nothing used, worn, or "almost new"
    ("детское одеяло б/у 2 шт, постирано", "Одеяла детские теплые в кроватку, только новые"),
    ("трусы женские б/у р.48", "Трусы женские новые, р. 48-52"),
    ("мягкие игрушки почти новые, 15 шт", "Игрушки НОВЫЕ в упаковке для больницы"),
    # nylon tights are not warm ones; a kitchen wall cabinet is no wardrobe;
    # breast pads are not sanitary pads; a booster is no infant seat; fruit
    # purée under a "baby food" heading is no formula
    ("колготки капронові дитячі 5 років", "колготки теплые для девочек 3-6 лет"),
    ("кухонный навесной шкафчик 2 шт", "шкаф для одежды (платяной)"),
    ("прокладки для лактації (для груді) 2 уп", "прокладки женские гигиенические"),
    ("бустер від 4 років", "автокресло группа 0+ (0-13 кг)"),
    ("детское питание, баночки пюре фруктовые Агуша 12 шт", "детская смесь 0-6 мес"),
    # one word, another use: tooth powder, a shoe cabinet, a clothes brush,
    # a child's blanket for grown-ups' beds
    ("зубной порошок 10 коробочек", "стиральный порошок"),
    ("шкафчик для обуви", "шкаф для одежды (платяной)"),
    ("щетки для одежды 3 шт", "зубные щетки"),
    ("ковдра дитяча 110х140 для ліжечка", "одеяла теплые (ватные, шерстяные) на взрослые кровати"),
    # a thing that needs repair, a season written out over the one a word implies,
    # an adjective shared by two things, a group 0+ seat "до 13 кг", a twin-tub brand
    ("холодильник, потрібен ремонт компресора", "холодильник рабочий"),
    ("стиралка автомат Индезит, не крутит барабан, может кто починит", "стиральная машина автомат"),
    ("женский пуховик, размер 48, весна-осень", "пуховики женские зимние р. 44-50"),
    ("одноразовые тарелки и стаканы 200 шт", "тарелки, чашки"),
    ("автокресло 0+ (до 13 кг), люлька", "автокресло детское группа 1 (9-18 кг)"),
    ("машинка стиральная Малютка, рабочая", "стиральная машина автомат"),
    # a child's age against a seat's or a diaper's weights; a cot blanket for a need
    # that names no one
    ("автолюлька для новорожденных до 10 кг", "Автокрісло для дитини 2 роки"),
    ("бустер 22-36 кг", "автокресло для ребенка 2 года"),
    ("автокресло 15-25 кг", "автокресло на 3 года"),  # shares weights, holds no 3-year-old
    ("памперсы 5 (11-25 кг) 2 пачки", "подгузники на 6 месяцев"),
    ("одеяло детское в кроватку 110х140 синтепон", "Одеяла теплые (ватные, шерстяные)"),
]

FULL_FIT = [
    # an appliance said to work, or new, fits a need for a working one
    ("холодильник Nord двухкамерный, рабочий, лет 10", "Холодильник (рабочий)"),
    ("стиральная машина автомат новая", "Стиральная машина автомат, рабочая"),
    # ("рабочий" of clothes is workwear, not a condition)
    ("куртка рабочая 52 р", "Куртки мужские рабочие"),
    # a grade is the pupils' ages; a suspension abbreviated is a syrup; wool is warm
    ("3 комплекта формы на хлопчиків 7-9 років", "шкільна форма для хлопчиків 1-4 клас"),
    ("Нурофен д/детей сусп. 12 фл", "Нурофен детский (сироп)"),
    ("вяжу носки из шерсти, есть 12 пар", "Теплые носки для пожилых"),
    # a child's age in the seat's or the diaper's weights; a wheelchair is no
    # stroller, so no child's; fleece is warm; "полуторные комплекты" are linen
    ("автокресло 9-18 кг, группа 1", "Автокрісло для дитини 2 роки"),
    ("автокресло 0-18 кг (0+/1)", "автокресло для ребенка 2 года"),
    ("подгузники Памперс 4 (9-14 кг) 2 пачки", "подгузники на 1 год"),
    ("инвалидная коляска складная, б/у", "Инвалидная коляска взрослая"),
    ("кофты женские флис, р.48-52, 6 шт", "Кофты теплые женские р. 48-52"),
    ("полуторные комплекты бязь 10 шт", "Постельное белье полуторное"),
    # shoe sizes only a child wears say the shoes are a child's
    ("валенки с галошами 29, 31, 32 - 3 пары", "Валенки детские р. 28-33"),
    # a need that names no sort takes any; one that names two takes either
    ("гречка 10 кг", "крупы"),
    ("тушенка куриная 5 банок", "тушенка"),
    (
        "Панадол Бэби суспензия 2 шт",
        "жаропонижающие для детей (сироп парацетамол, нурофен детский)",
    ),
    ("парацетамол 500мг 10 уп", "жаропонижающие в таблетках (парацетамол, ибупрофен)"),
    ("трусики женские L 6 шт", "трусы женские M-L"),
    ("подушки 50х70 2 шт", "подушки 70х50"),
    ("матрас 150х200", "матрасы 160х200"),
    ("боди на новорожденного рост 62", "бодики на новорожденных 56-62"),
    ("бодик для новорожденного на 0-3 месяца", "бодики на новорожденных 56-62"),
    ("комплект постельного белья полуторка", "постельное бельё полуторное"),
    ("паста колгейт 5 шт", "зубная паста"),
    ("валенки мужские 43 р", "бурки мужские 42-45"),
    ("валенки мужские 43 р", "зимняя обувь мужская 42-45"),
    # a need that states no count takes offers counted in any unit
    ("крупы разные 30 кг", "продукты питания для переселенцев"),
    # an adjective with a gap names which sort of boot
    ("сапоги рыбацкие резиновые мужские 44", "сапоги резиновые мужские 42-45"),
    ("матрас 90х200", "матрасы односпальные"),
    # the kind says who it is for when the text does not
    ("смесь Нутрилон 2 банки", "детское питание, смесь"),
    ("бодики 56р 5 шт", "бодики на новорожденных 56-62"),
    ("мягкие игрушки для дошкольников", "игрушки для детей 3-6 лет"),
    ("куртка мальчиковая зимняя 134", "куртки зимние для мальчиков рост 128-140"),
    ("коляска 2в1 зима-літо", "коляска зимова"),
    # a need for grown-ups takes things that name no one; a formula's stage is its age
    ("одеяло шерстяное 2 шт", "одеяла для взрослых"),
    ("смесь Малютка 1, 4 пачки", "смесь для новорожденных 0-6 мес"),
    ("дитячі книжки для першокласників", "детские книжки 6-8 лет"),
    ("кастрюля эмалированная 4 л", "кастрюли 3-5 л"),
    ("памперсы Хаггис 9-14 кг", "подгузники детские 9-14 кг"),
    ("комбінезон зимовий на 1,5 роки", "комбинезоны зимние для малышей 1-2 года"),
    # a crib's mattress is a child's, and «1,5-спальное» is a bed size
    ("матрасики в кроватку 2 шт", "матрасы детские в кроватку"),
    ("одеяло полуторное ватное", "одеяла 1,5-спальные"),
    ("тонометр Омрон автоматический на плечо", "тонометр автоматический"),
    ("костыли подмышечные регулируемые", "костыли подмышечные"),
    ("пральний порошок автомат 5 пачок", "стиральный порошок (автомат)"),
    ("мыло туалетное 10 шт", "мыло"),
    ("тарелки глубокие суповые 6 шт", "тарілки глибокі"),
    ("стиралка автомат Индезит", "стиральная машина-автомат"),
    ("автокресло 0-18 кг", "автокресло 0-13 кг"),
    ("автокресло Chicco 9-18 кг", "автокресла детские 9-18 кг"),  # a car seat is a child's
    ("стулья деревянные 6 шт", "стулья"),
    ("нурофен детский сироп 2 фл", "жаропонижающие сиропы для детей"),
    ("Кастрюли алюминиевые 20л и 40л, всего 4 шт", "кастрюли большие от 5 литров"),
    # "(автоматические или механические)": both kinds share the head
    ("тонометр механический с фонендоскопом, 2 шт", "тонометры (автоматические или механические)"),
    ("Панадол беби суспензия 3 шт", "детский жаропонижающий сироп"),  # a suspension is a syrup
    ("парацетамол таблетки 500 мг", "парацетамол в таблетках"),
    ("комбинезон зимний на 18 мес", "комбинезоны зимние детские 1-3 года"),
    # "рабочий" says a fridge works, not whom it is for: a kindergarten takes it
    ("холодильник рабочий", "холодильник для детского сада"),
    # sizes only men wear, heights only children have; "свитера/кофты" takes either
    ("берцы зимние 44 и 45 размер, 2 пары", "Ботинки мужские зимние 41-45 р."),
    ("комбезы зимние рост 68 и 74, 2 шт", "Комбинезоны зимние для малышей 0-12 мес"),
    (
        "кофты флисовые теплые на мальчиков 10-12 лет 6 штук",
        "Свитера/кофты тёплые на мальчиков 7-12 лет",
    ),
    ("КПБ 1,5 сп бязь 10 шт", "Постельное бельё полуторное (комплекты)"),
    ("эналаприл 10 мг 3 уп", "Эналаприл 10 мг"),
    # new for new; "новые или чистые" and "на Новый год" take used things too
    ("трусы женские новые р.48, 5 шт", "Трусы женские НОВЫЕ р.48-52"),
    ("подушки 50х70 б/у, чистые, 4 шт", "Подушки 50х70, нові або чисті"),
    ("мягкие игрушки детские б/у, 5 шт", "Игрушки на Новый год детям"),
]


def test_an_offer_silent_on_new_or_used_is_a_candidate_for_a_new_only_need() -> None:
    found = fit_of("трусы женские р.50, 3 шт", "Трусы женские новые, р. 48-52")
    assert found is not None and found.unknown == ("condition",)


@pytest.mark.parametrize(("offer_text", "need_text"), NO_FIT)
def test_what_a_coordinator_would_never_pair_is_no_candidate(offer_text, need_text) -> None:
    assert fit_of(offer_text, need_text) is None


@pytest.mark.parametrize(
    ("offer_text", "need_text"),
    [
        # one word, another thing: a building part, a sledge for firewood
        ("радиатор отопления чугунный 10 секций", "обогреватели масляные (радиаторы)"),
        ("сани большие для дров", "санки детские"),
        ("зерно для кур 2 мешка", "крупы (гречка, рис, пшено)"),
        ("масло для тела детское Джонсонс 2 шт", "Масло подсолнечное"),  # a cream
        ("палки для скандинавской ходьбы", "Тростини для ходьби"),  # sports poles
    ],
)
def test_the_same_word_for_another_thing_is_read_under_another_category(
    offer_text: str, need_text: str
) -> None:
    offers, _ = normalize_offers([_offer_row(0, "", offer_text)])
    needs, _ = normalize_needs([_need_row(need_text, "")])
    assert offers and needs
    assert {o.category for o in offers}.isdisjoint({n.category for n in needs})


@pytest.mark.parametrize(("offer_text", "need_text"), FULL_FIT)
def test_the_same_thing_written_otherwise_fits_fully(offer_text, need_text) -> None:
    found = fit_of(offer_text, need_text)
    assert found is not None and found.level == 0, found


def test_a_need_counted_in_kilograms_takes_offers_in_kilograms() -> None:
    needs, _ = normalize_needs([_need_row("крупы (гречка, рис)", "100 кг")])
    assert (needs[0].quantity, needs[0].unit) == (100, "kg")
    row = _offer_row(0, "Продукты (долгого хранения)", "рис 2 кг, гречка 3 кг")
    offers, _ = normalize_offers([row])
    proposals = propose(offers, needs, [], MatchParams(now=datetime(2014, 12, 20)))
    assert [(p.quantity, p.fit_level) for p in proposals] == [(5, 0)]


@pytest.mark.parametrize(
    "offer_text", ["крупи мішок пшона 25кг", "мешок пшена 25 кг со своего хозяйства"]
)
def test_a_bag_that_says_what_it_holds_fills_a_need_in_kilograms(offer_text: str) -> None:
    needs, _ = normalize_needs([_need_row("Крупы (гречка, рис, пшено)", "100 кг")])
    offers, _ = normalize_offers([_offer_row(0, "Продукты (долгого хранения)", offer_text)])
    proposals = propose(
        in_content_units(offers), needs, [], MatchParams(now=datetime(2014, 12, 20))
    )
    assert [(p.quantity, p.fit_level) for p in proposals] == [(25, 0)]


def test_of_two_offers_as_old_and_as_fitting_the_larger_goes_first() -> None:
    rows = [
        _offer_row(0, "Одежда", "куртка мужская зимняя р.50"),
        _offer_row(1, "Одежда", "куртки мужские зимние 4 шт, 48-54"),
    ]
    offers, _ = normalize_offers(rows)
    needs, _ = normalize_needs([_need_row("куртки мужские", "много")])
    proposals = propose(offers, needs, [], MatchParams(now=datetime(2014, 12, 20)))
    larger = next(o.offer_id for o in offers if o.quantity == 4)
    assert [p.offer_id for p in proposals] == [larger]


def test_a_segment_naming_no_thing_describes_the_thing_before_it() -> None:
    row = _offer_row(0, "Одежда, Обувь", "куртки мужские 4 шт, размеры 48-52; ботинки 42")
    offers, _ = normalize_offers([row])
    sizes = {o.category: o.size for o in offers}
    assert sizes == {"clothing": "48-52", "shoes": "42"}


def test_an_age_range_from_a_decimal_is_an_age() -> None:
    offers, _ = normalize_offers([_offer_row(0, "Детские вещи", "на дівчинку 1,5-2 роки: сукня")])
    assert [(o.category, o.size, o.quantity) for o in offers] == [("clothing", "1-2y", 1)]


def _proposed(checkbox: str, details: str, item: str, quantity: str) -> list[tuple[int, int]]:
    needs, _ = normalize_needs([_need_row(item, quantity)])
    offers, _ = normalize_offers([_offer_row(0, checkbox, details)])
    proposals = propose(offers, needs, [], MatchParams(now=datetime(2014, 12, 20)))
    return [(p.quantity, p.fit_level) for p in proposals]


def test_a_bag_of_clothes_is_no_count_of_the_jackets_a_need_names() -> None:
    assert _proposed("Одежда", "вещи женские зимние, пакет", "куртки зимние женские", "10") == []
    # a need for any clothes takes the bags, its units differing (level 1)
    found = _proposed("Одежда", "вещи женские зимние, 2 пакета", "одежда женская", "10")
    assert [level for _, level in found] == [1]


def test_a_box_of_formula_counts_like_a_jar() -> None:
    found = _proposed("", "смесь NAN 1, 3 коробки", "смесь 0-6 мес", "20 банок")
    assert found == [(3, 0)]


def test_what_a_thing_comes_with_is_no_need_of_its_own() -> None:
    """ "ліжечка з матрацом": the need asks for cribs; a crib mattress alone is no
    candidate, and the mattress line waits for a coordinator."""
    needs, _ = normalize_needs([_need_row("дитячі ліжечка з матрацом", "8")])
    by_category = {n.category: n for n in needs}
    assert set(by_category) == {"children", "bedding"}
    mattress, _ = normalize_offers([_offer_row(0, "", "матрасик в детскую кроватку 120х60, 2 шт")])
    crib, _ = normalize_offers([_offer_row(1, "", "кроватка детская деревянная, 1 шт")])
    assert item_fit(profile_of(mattress[0]), profile_of(by_category["bedding"])) is None
    assert kind_point(by_category["bedding"].kind, "") is None  # not even bedding at large
    assert item_fit(profile_of(crib[0]), profile_of(by_category["children"])) == Fit()
    proposals = propose([*mattress, *crib], needs, [], MatchParams(now=datetime(2014, 12, 20)))
    assert {p.offer_id for p in proposals} == {crib[0].offer_id}


@pytest.mark.parametrize(
    ("checkbox", "details", "item", "unknown"),
    [
        ("Медикаменты", "нурофен 2 уп", "жаропонижающие сиропы", "форма или доза не указана"),
        ("Одежда", "куртки мужские зимние 2 шт", "куртки мужские зимние 48-52", "размер не указан"),
        (
            "Одежда",
            "носки мужские 10 пар",
            "Носки мужские НОВЫЕ",
            "новое ли, рабочее ли — не указано",
        ),
        (
            "Бытовая техника",
            "холодильник, микроволновка",
            "Холодильник (рабочий)",
            "новое ли, рабочее ли — не указано",
        ),
    ],
)
def test_a_partial_fit_names_what_is_unknown_in_the_coordinators_words(
    checkbox: str, details: str, item: str, unknown: str
) -> None:
    needs, _ = normalize_needs([_need_row(item, "10")])
    offers, _ = normalize_offers([_offer_row(0, checkbox, details)])
    [proposal] = propose(offers, needs, [], MatchParams(now=datetime(2014, 12, 20)))
    reason = render_reason(proposal.facts, "ru")
    assert reason.endswith(unknown), reason


@pytest.mark.parametrize(
    ("details", "categories"),
    [
        ("нурофен детский 1 фл, просрочен в сентябре", ["other"]),
        ("куртка 46, аспирин 2 уп (прострочений)", ["clothing", "other"]),
        ("тушенка 5 банок, срок годности до 2016", ["food"]),
    ],
)
def test_medicine_or_food_out_of_date_is_never_proposed(
    details: str, categories: list[str]
) -> None:
    offers, _ = normalize_offers([_offer_row(0, "Медикаменты", details)])
    assert sorted(o.category for o in offers) == categories
    spoiled = [o for o in offers if o.category == "other"]
    assert all("просроч" in o.item or "простроч" in o.item for o in spoiled)


def test_what_a_need_would_like_its_thing_to_come_with_takes_no_offer_alone() -> None:
    need = "детская кроватка для новорожденного, желательно с матрасиком"
    assert _proposed("Постельное бельё", "матрасик детский 120х60", need, "5") == []
    assert _proposed("Детские вещи", "кроватка детская деревянная", need, "5") != []


@pytest.mark.parametrize(
    ("offer_text", "need_text", "level"),
    [
        # a syringe's volume is its size: 2 ml are no 5 or 10 ml syringes
        ("шприцы 2 мл 1000 шт", "шприцы 5 мл, 10 мл", None),
        ("шприци 5мл - 200шт, 10мл - 100шт", "шприцы 5 мл, 10 мл", 0),
        # sleds are a child's when the offer does not say
        ("санки 5 шт разные + 2 снегоката", "Санки детские", 0),
        # an electric blanket is sized as a bed is; a rubber hot-water bottle is none
        ("электроодеяло двуспальное 160х200, 1 шт", "Электропростыни односпальные", None),
        ("електропростирадло односпальне, нове", "Электропростыни односпальные", 0),
        # bought in a pharmacy: the pharmacy names no other medicine
        (
            "Парацетамол сироп для дітей 120мл, 30 фл., термін до 03.2016, закупили в аптеці",
            "Парацетамол детский сироп",
            0,
        ),
    ],
)
def test_volumes_sleds_and_the_pharmacy(offer_text: str, need_text: str, level: int | None) -> None:
    fit = fit_of(offer_text, need_text)
    assert (None if fit is None else fit.level) == level


@pytest.mark.parametrize(
    ("offer_text", "need_text", "level"),
    [
        # a child's age on hygiene: brushes for toddlers are not the schoolchildren's
        ("щітки зубні дитячі 0-3 роки, 15 шт", "Зубні щітки дитячі 7-12 років", None),
        ("щітки зубні дитячі 6-10 років, 15 шт", "Зубні щітки дитячі 7-12 років", 0),
        # the dose alike, the form not: dispersible tablets are no suspension
        ("Флемоксин Солютаб 500 мг 3 уп", "Флемоксин суспензия 500 мг", None),
        ("Флемоксин Солютаб, 3 уп", "Флемоксин суспензия", None),
        ("Амоксиклав порошок для суспензии 250 мг, 4 фл", "Амоксиклав суспензия 250 мг", 0),
        # pull-up diapers are diapers, their size read
        ("трусики Huggies Pants 4 (9-14 кг) 3 уп", "Памперсы 4", 0),
        ("трусики Huggies Pants 3 (6-11 кг) 3 уп", "Памперсы 5 (11-25 кг)", None),
    ],
)
def test_ages_on_hygiene_drug_forms_and_pull_ups(
    offer_text: str, need_text: str, level: int | None
) -> None:
    fit = fit_of(offer_text, need_text)
    assert (None if fit is None else fit.level) == level


@pytest.mark.parametrize(
    ("offer_text", "need_text", "level"),
    [
        # a crib's blanket is wider than the crib's mattress
        ("одеяло детское холофайбер 110х140, 5 шт новые", "Одеяла детские тёплые для кроваток", 1),
        ("плед флисовый детский 100х150 3 шт", "Одеяла детские тёплые для кроваток", None),
        # ...while a crib's sheet is not
        ("простынь детская 150х200, 2 шт", "Простыни для кроваток", None),
        # a 1.5 blanket covers a single bed; a double one is another size
        ("одеяла ватные 1,5 сп 5 шт", "Ковдри теплі (ватні) на односпальні ліжка", 0),
        ("одеяло двуспальное 200х220", "Ковдри теплі (ватні) на односпальні ліжка", None),
        # a single one is no 1.5 one
        ("одеяло ватное односпальное 2 шт", "Одеяла теплые 1,5-спальные", None),
        # nose drops are no eye or ear drops
        ("Отипакс ушные капли 3 шт", "Краплі в ніс судинозвужувальні ДИТЯЧІ", None),
        ("альбуцид глазные капли", "Краплі в ніс судинозвужувальні ДИТЯЧІ", None),
        ("капли в нос детские Назол Беби 15 фл", "Краплі в ніс судинозвужувальні ДИТЯЧІ", 0),
        ("альбуцид глазные капли", "Краплі в ніс дитячі", None),
        # a bedside table is no chest of drawers
        ("комод 4 ящика", "Тумбочки прикроватные в палаты", None),
        ("тумбочка прикроватная 2 шт", "Тумбочки прикроватные в палаты", 0),
        # a list summed up after a dash keeps its kinds: tinned meat is no groats
        ("тушенка 20 банок", "Крупи (гречка, рис), макарони — сухі продукти для кухні", None),
        ("гречка 10 кг, рис 5 кг", "Крупи (гречка, рис), макарони — сухі продукти для кухні", 0),
        # urological pads are no diapers for the bedridden
        (
            "урологические прокладки Tena Lady 10 уп",
            "Підгузки для дорослих розмір M (лежачі)",
            None,
        ),
    ],
)
def test_blanket_widths_nose_drops_and_pads(
    offer_text: str, need_text: str, level: int | None
) -> None:
    fit = fit_of(offer_text, need_text)
    assert (None if fit is None else fit.level) == level


@pytest.mark.parametrize(
    ("offer_text", "need_text", "fit"),
    [
        # a baby's food "до 1 року" takes no food from a year and a half
        (
            "детское питание от 1,5 лет: печенье, соки",
            "Дитяче харчування до 1 року: каші, пюре",
            None,
        ),
        (
            "пюре Хипп овощное с 4 мес, 24 баночки",
            "Дитяче харчування до 1 року: каші, пюре",
            (0, False),
        ),
        # wadded work trousers are warm ones
        ("штаны ватные рабочие мужские, р.52, 10 шт", "Брюки мужские теплые, р.48-52", (0, False)),
        # a letter size written out
        (
            "памперсы для взрослых Seni Super Large, 2 уп",
            "Памперсы для взрослых, размер L",
            (0, False),
        ),
        ("подгузники для взрослых Medium, 2 уп", "Памперсы для взрослых, размер L", None),
    ],
)
def test_ages_up_to_warm_wadding_and_written_sizes(
    offer_text: str, need_text: str, fit: tuple[int, bool] | None
) -> None:
    found = fit_of(offer_text, need_text)
    assert (None if found is None else (found.level, found.unit_mismatch)) == fit


def test_working_is_a_condition_of_appliances_only() -> None:
    needs, _ = normalize_needs(
        [_need_row("Куртки мужские рабочие", "5"), _need_row("Холодильник рабочий", "1")]
    )
    assert [profile_of(n).condition for n in needs] == ["", "working"]
