"""Form rows and need rows as varied as real answers, for the speed benchmarks.

Each detail text is built from phrase lists the way people write (see the
blind sets in tests/normalize/blind/): one to three things, each with its own
count, size, age, condition and remarks, joined by commas, "и" or "і", in
Russian, Ukrainian or both, with typos in about one word in twelve. Phones come
in every style and are ~90% distinct (a few donors write twice); towns come
with prefixes, regions, streets and typos. The same seed gives the same rows.

    rows = form_rows(100_000, seed=1)   # dicts keyed by canonical field
    needs = need_rows(20_000, seed=2)
    distinct(rows, "details")           # how many different texts there are
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

# The phrase lists, kept compact on purpose.
# fmt: off
#: Category checkbox label -> things people name under it, ru and uk, in the
#: grammatical forms they use ("куртку", "кофтинки").
THINGS: dict[str, tuple[str, ...]] = {
    "Одежда": (
        "куртка", "куртки", "курточку", "пальто", "шуба", "пуховик", "кофта", "кофты",
        "свитер", "светр", "штаны", "брюки", "джинсы", "джинси", "футболки", "платье",
        "сукня", "юбка", "спідниця", "шапка", "шапки", "шарф", "рукавицы", "рукавички",
        "носки", "шкарпетки", "колготки", "пижама", "піжама", "халат", "костюм",
        "спортивный костюм", "комбинезон", "вещи", "речі", "одежда", "одяг", "куртка зимова",
        "жилетка", "рубашки", "сорочки", "білизна", "нижнее белье",
    ),
    "Обувь": (
        "ботинки", "черевики", "сапоги", "чоботи", "кроссовки", "кросівки", "туфли",
        "тапочки", "капці", "валенки", "кеды", "босоножки", "сандалі", "взуття", "обувь",
    ),
    "Медикаменты": (
        "парацетамол", "ибупрофен", "бинты", "бинти", "аптечка", "шприцы", "вата",
        "перекись", "зеленка", "лекарства от давления", "ліки від тиску", "термометр",
        "пластырь", "антисептик", "каплі в ніс", "мазь", "витамины", "вітаміни",
    ),
    "Мебель": (
        "диван", "шкаф", "шафа", "стол", "стіл", "стулья", "стільці", "кровать",
        "ліжко", "матрас", "матрац", "тумбочка", "комод", "кресло", "крісло",
        "табуретки", "полка", "сервант", "раскладушка", "розкладачка",
    ),
    "Посуда": (
        "кастрюли", "каструлі", "сковорода", "сковорідка", "тарелки", "тарілки", "чашки",
        "ложки", "вилки", "ножи", "чайник", "сервиз", "сервіз", "кружки", "миски",
        "стаканы", "склянки", "казан", "термос",
    ),
    "Средства гигиены": (
        "мыло", "мило", "шампунь", "зубная паста", "зубна паста", "зубные щетки",
        "прокладки", "порошок стиральный", "пральний порошок", "туалетная бумага",
        "влажные салфетки", "вологі серветки", "гель для душа", "подгузники для взрослых",
    ),
    "Продукты (долгого хранения)": (
        "гречка", "рис", "макароны", "макарони", "крупы", "крупа", "тушенка", "тушонка",
        "консервы", "консерви", "сахар", "цукор", "мука", "борошно", "масло подсолнечное",
        "олія", "чай", "кофе", "кава", "сгущенка", "детское питание", "дитяче харчування",
    ),
    "Детские вещи": (
        "коляска", "візочок", "кроватка", "ліжечко", "автокресло", "автокрісло",
        "стульчик для кормления", "манеж", "памперсы", "підгузки", "подгузники",
        "пелёнки", "пелюшки", "слюнявчики", "бутылочки", "пляшечки", "ходунки",
        "детская одежда", "дитячий одяг", "ползунки", "повзунки", "распашонки",
    ),
    "Игрушки": (
        "игрушки", "іграшки", "мягкие игрушки", "м'які іграшки", "конструктор",
        "куклы", "ляльки", "машинки", "мяч", "м'яч", "настольные игры", "пазлы",
        "пазли", "кубики", "велосипед", "самокат", "книжки детские", "розмальовки",
    ),
    "Постельное бельё": (
        "постельное белье", "постільна білизна", "одеяло", "ковдра", "ковдри",
        "подушки", "подушка", "плед", "пледи", "простыни", "простирадла",
        "наволочки", "пододеяльник", "підковдра", "полотенца", "рушники", "покрывало",
    ),
    "Бытовая техника": (
        "холодильник", "стиральная машина", "пральна машинка", "стиралка",
        "микроволновка", "мікрохвильовка", "пылесос", "пилосос", "утюг", "праска",
        "телевизор", "телевізор", "обогреватель", "обігрівач", "электроплита",
        "мультиварка", "фен", "бойлер", "чайник электрический",
    ),
}
ADJECTIVES = (
    "зимние", "зимові", "летние", "літні", "теплые", "теплі", "детские", "дитячі",
    "женские", "жіночі", "мужские", "чоловічі", "новые", "нові", "б/у", "вживані",
    "почти новый", "майже новий", "рабочий", "робочий", "большой", "великий", "маленькие",
    "на девочку", "на дівчинку", "на мальчика", "на хлопчика", "шерстяные", "вязаные",
)
#: Boxes whose things have sizes, ages and wearers; the rest get plain adjectives.
SIZED = frozenset({"Одежда", "Обувь", "Детские вещи"})
PLAIN_ADJECTIVES = ("новые", "нові", "б/у", "вживані", "рабочий", "робочий", "большой",
                    "великий", "маленькие", "почти новый", "майже новий")
COUNTS = (
    "{n} шт", "{n} штук", "{n} шт.", "{n} пары", "{n} пар", "{n} пакета", "{n} пакетів",
    "{n} мешка", "{n} коробки", "{n} кг", "{n} пачек", "{n} пачки", "{n} упаковки",
    "{n} банок", "{n} комплекта", "пакет", "мешок", "коробка", "два пакета", "три штуки",
    "п'ять пачок", "несколько", "кілька", "много", "пару", "{n}",
)
SIZES = (
    "р.{s}", "р. {s}", "{s} размер", "{s} розмір", "размер {s}", "розмір {s}", "{s}-{s2}",
    "{s}р", "на {a} лет", "на {a} роки", "на {a}-{a2} года", "{a}-{a2} років", "XL", "L-XL",
    "M", "S", "{c} см", "рост {c}", "зріст {c}",
)
CONDITIONS = (
    "в хорошем состоянии", "в гарному стані", "состояние хорошее", "стан добрий",
    "почти новое", "майже нове", "чистое", "чисте", "после стирки", "після прання",
    "ношеное но целое", "без дырок", "есть небольшие пятна", "с бирками", "з бірками",
)
REMARKS = (
    "забирать самим", "самовивіз", "звоните после 18", "дзвоніть після 17:00",
    "можно на вайбер", "пишіть у вайбер", "очень нужно отдать", "кому нужно", "кому треба",
    "отдам бесплатно", "віддам безкоштовно", "могу привезти", "можу привезти", "срочно",
    "до конца месяца", "до {d}.{m}", "3 этаж без лифта", "после переезда осталось",
    "от соседей", "від сусідів", "для переселенцев", "для ВПО",
)
OPENERS = (
    "", "", "", "", "Здравствуйте, ", "Добрый день! ", "Доброго дня, ", "Есть ", "Є ",
    "Могу отдать ", "Можу віддати ", "Отдам ", "Віддам ", "Хочу передать ", "У нас ",
)
JOINS = (", ", ", ", ", ", " и ", " і ", "; ", ". ", " + ", "\n", " а также ", " ще ")
EXTRA_BOXES = ("Другое", "Інше")
TOWNS = (
    "Северодонецк", "Сєвєродонецьк", "Лисичанск", "Лисичанськ", "Рубежное", "Рубіжне",
    "Кременная", "Кремінна", "Краматорск", "Краматорськ", "Славянск", "Слов'янськ",
    "Бахмут", "Дружковка", "Дружківка", "Харьков", "Харків", "Днепр", "Дніпро", "Киев",
    "Київ", "Полтава", "Запорожье", "Запоріжжя", "Одесса", "Одеса", "Львов", "Львів",
    "Старобельск", "Старобільськ", "Попасная", "Попасна", "Новоайдар", "Счастье",
    "Щастя", "Боровское", "Константиновка", "Костянтинівка", "Покровск", "Покровськ",
    "Ізюм", "Изюм", "Винница", "Вінниця", "Черкассы", "Черкаси", "Ужгород", "Павлоград",
)
TOWN_FORMS = (
    "{t}", "{t}", "{t}", "{t}", "г. {t}", "м. {t}", "г.{t}", "{t} луганской обл",
    "{t}, Луганська обл.", "{t}, Донецкая область", "{l}", "{T}", "{t}, ул. {street} {h}",
    "{t}, вул. {street}, {h}", "{t} (переселенцы)", "с. {t}", "{t} район {street}",
)
STREETS = (
    "Менделеева", "Гагарина", "Центральная", "Миру", "Шевченка", "Победы",
    "Садовая", "Лесная", "Донецька", "Науки", "Космонавтів", "Химиков",
)
FIRST = (
    "Ольга", "Оля", "Сергей", "Сергій", "Наталья", "Наталія", "Марина", "Ирина",
    "Ірина", "Андрей", "Андрій", "Елена", "Олена", "Татьяна", "Тетяна", "Дмитрий",
    "Дмитро", "Людмила", "Галина", "Николай", "Микола", "Светлана", "Світлана",
    "Виктор", "Віктор", "Юлия", "Юлія", "Анна", "Ганна", "Максим", "Оксана", "Игорь",
    "Ігор", "Валентина", "Владимир", "Володимир", "Алёна", "Катерина", "Денис", "Вера",
)
LAST = (
    "", "", "", "Петренко", "Коваленко", "Бондаренко", "Ткаченко", "Мельник",
    "Шевченко", "Иванова", "Кравченко", "Олійник", "Сидоренко", "Павленко", "Руденко",
    "Морозова", "Савченко", "Литвин", "Зайченко", "К.", "Петровна", "Іванівна",
)
YES_NO = ("Да", "Нет", "Так", "Ні", "да, могу", "нет машины", "можу привезти", "", "не знаю")
ORG_FORMS = (
    "БФ «{w} {n}»", "Фонд «{w}»", "ГО «{w}» {n}", "Волонтеры {t}", "Волонтери {t}",
    "Центр ВПО №{n}", "Церковь {w}", "Школа №{n} {t}", "Детский дом {n}", "Приют «{w}»",
)
ORG_WORDS = (
    "Надежда", "Надія", "Добро", "Рука помощи", "Світло", "Милосердие", "Вера",
    "Схід", "Восток-SOS", "Дорога", "Родина", "Ковчег", "Серце", "Турбота", "Рассвет",
)
QUANTITIES = ("{n}", "{n} шт", "много", "", "два", "{n} пачек", "{n} комплектов",
              "около {n}", "{n}-{n2}", "сколько есть", "{n} кг", "{n} пар")
URGENCY = ("срочно", "Очень срочно!!!", "терміново", "не срочно", "1", "2", "3", "",
           "високий", "средне", "ASAP")
# fmt: on
START = datetime(2024, 1, 1, 8, 0)
#: Keys of a form row and a need row, as the bundled config.yaml maps them.
FORM_FIELDS = ("submitted_at", "donor_name", "phone", "city", "categories", "details",
               "can_deliver")  # fmt: skip
NEED_FIELDS = ("submitted_at", "organization", "contact_name", "phone", "city", "item",
               "quantity", "urgency")  # fmt: skip


def _typo(word: str, rng: random.Random) -> str:
    """A slip of the finger: a letter dropped, doubled or swapped with its neighbour."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    slip = rng.randrange(3)
    if slip == 0:
        return word[:i] + word[i + 1 :]
    if slip == 1:
        return word[:i] + word[i] + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def _typos(text: str, rng: random.Random, rate: float = 1 / 12) -> str:
    return " ".join(_typo(w, rng) if rng.random() < rate else w for w in text.split(" "))


def _size(rng: random.Random) -> str:
    s = rng.choice((36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60))
    a = rng.randrange(1, 15)
    return rng.choice(SIZES).format(
        s=s, s2=s + 2, a=a, a2=a + 1, c=rng.choice((68, 74, 80, 86, 92, 98, 104, 110, 116, 128))
    )


def _count(rng: random.Random) -> str:
    return rng.choice(COUNTS).format(n=rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 20)))


def _thing(box: str, rng: random.Random) -> str:
    """One thing with what people add to it: "куртки зимние р.48 3 шт, в хорошем состоянии"."""
    parts = [rng.choice(THINGS[box])]
    worn = box in SIZED
    if rng.random() < (0.45 if worn else 0.15):
        adjective = rng.choice(ADJECTIVES if worn else PLAIN_ADJECTIVES)
        parts.insert(0, adjective) if rng.random() < 0.5 else parts.append(adjective)
    if worn and rng.random() < 0.35:  # sizes and ages go with what is worn
        parts.append(_size(rng))
    if rng.random() < 0.6:
        count = _count(rng)
        parts.insert(0, count) if rng.random() < 0.25 else parts.append(count)
    text = " ".join(parts)
    if rng.random() < 0.3:
        text += rng.choice((", ", " ", " - ")) + rng.choice(CONDITIONS)
    return text


def _details(boxes: Sequence[str], rng: random.Random) -> str:
    things = [_thing(rng.choice(boxes), rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
    text = rng.choice(OPENERS)
    text += things[0]
    for thing in things[1:]:
        text += rng.choice(JOINS) + thing
    if rng.random() < 0.3:
        remark = rng.choice(REMARKS).format(d=rng.randrange(1, 29), m=rng.randrange(1, 13))
        text += rng.choice((". ", ", ", " (", " — ")) + remark
    if rng.random() < 0.15:
        text = text.capitalize() if rng.random() < 0.5 else text.lower()
    return _typos(text, rng)


def _phone(rng: random.Random) -> str:
    code = rng.choice((50, 66, 95, 99, 63, 73, 93, 67, 68, 96, 97, 98))
    digits = f"0{code}{rng.randrange(10**7):07d}"
    style = rng.randrange(9)
    if style == 0:
        return f"{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    if style == 1:
        return f"+38({digits[:3]}){digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if style == 2:
        return f"+38 {digits[:3]} {digits[3:6]} {digits[6:]}"
    if style == 3:
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if style == 4:
        return "+38" + digits
    if style == 5:
        return f"8 {digits[:3]} {digits[3:]}"
    if style == 6 and rng.random() < 0.25:
        return rng.choice(("нет", "12345", "", digits[:7], "вайбер " + digits))
    return digits


def _town(rng: random.Random) -> str:
    town = rng.choice(TOWNS)
    if rng.random() < 0.08:
        town = _typo(town, rng)
    if rng.random() < 0.03:
        return ""
    return rng.choice(TOWN_FORMS).format(
        t=town, l=town.lower(), T=town.upper(), street=rng.choice(STREETS), h=rng.randrange(1, 120)
    )


def _name(rng: random.Random) -> str:
    if rng.random() < 0.04:
        return ""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}".strip()


def _moment(rng: random.Random, index: int, total: int) -> str:
    # Submissions spread over a year, in roughly the order they arrived.
    minutes = int(index / max(total, 1) * 365 * 24 * 60) + rng.randrange(120)
    return (START + timedelta(minutes=minutes)).strftime("%d.%m.%Y %H:%M:%S")


def form_rows(count: int, seed: int = 1, start: int = 0) -> list[dict[str, str]]:
    """`count` form responses; `start` numbers them on after an earlier batch."""
    rng = random.Random(f"{seed}:{start}")
    boxes = list(THINGS)
    phones: list[str] = []
    rows = []
    for i in range(start, start + count):
        ticked = rng.sample(boxes, rng.choice((1, 1, 1, 2, 2, 3)))
        if phones and rng.random() < 0.07:  # the same donor again, maybe typed differently
            phone = rng.choice(phones)
        else:
            phone = _phone(rng)
            phones.append(phone)
        shown = list(ticked)
        if rng.random() < 0.05:
            shown.append(rng.choice(EXTRA_BOXES))
        rows.append(
            {
                "submitted_at": _moment(rng, i, start + count),
                "donor_name": _name(rng),
                "phone": phone,
                "city": _town(rng),
                "categories": ", ".join(shown),
                "details": _details(ticked, rng) if rng.random() < 0.97 else "",
                "can_deliver": rng.choice(YES_NO),
            }
        )
    return rows


def need_rows(count: int, seed: int = 2, start: int = 0) -> list[dict[str, str]]:
    """`count` NGO needs; `start` numbers them on after an earlier batch."""
    rng = random.Random(f"{seed}:{start}")
    boxes = list(THINGS)
    rows = []
    for i in range(start, start + count):
        box = rng.choice(boxes)
        n = rng.choice((2, 5, 10, 10, 20, 30, 50, 100))
        rows.append(
            {
                "submitted_at": _moment(rng, i, start + count),
                "organization": rng.choice(ORG_FORMS).format(
                    w=rng.choice(ORG_WORDS), n=rng.randrange(1, 60), t=rng.choice(TOWNS)
                ),
                "contact_name": _name(rng),
                "phone": _phone(rng),
                "city": _town(rng),
                "item": _typos(_thing(box, rng), rng),
                "quantity": rng.choice(QUANTITIES).format(n=n, n2=n * 2),
                "urgency": rng.choice(URGENCY),
            }
        )
    return rows


def distinct(rows: Sequence[dict[str, str]], key: str) -> int:
    return len({row[key] for row in rows})


def describe(rows: Sequence[dict[str, str]], keys: Sequence[str]) -> str:
    """For example: details 86,012/100,000 distinct, phone 93,410/100,000 distinct."""
    return ", ".join(f"{key} {distinct(rows, key):,}/{len(rows):,} distinct" for key in keys)
