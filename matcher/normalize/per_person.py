"""Kits counted by the people who get them: "продуктовые наборы | на 80 семей" asks
for 80 sets, one a family ("одежда на 40 детей" counts no things: not a kit)."""

from __future__ import annotations

import re

from matcher.text import fold

#: "на 80 семей", "150 детей", "на 40 человек": a number of people or households.
_PEOPLE = re.compile(
    r"(?<![\d.,])(\d{1,4})\s*(?:сем|сім|дет|діт|чел|люд|осіб|учн|дитин|двор|пенсіонер|пенсионер)"
)
#: Things given one to a person or a family.
_KITS = re.compile(r"набор|набір|аптечк|подар|комплект")


def kits_for_people(column: str, item: str) -> int | None:
    """The number of people a quantity cell names, when what is asked is a kit each."""
    if not _KITS.search(fold(f"{item} {column}")):
        return None
    found = _PEOPLE.search(fold(column))
    return int(found.group(1)) if found else None


#: Who or where a thing is counted for: "семью", "людину", "каждого малыша", and
#: "комнату", "этаж", "дом" (one a room, a floor, a house).
_HEAD = (
    r"(?:сем|сім|люд|чел|осіб|особ|дит|діт|дет|малыш|малюк|ребен|двор|пенсіонер|пенсионер"
    r"|комнат|кімнат|этаж|поверх|дом|будин|палат|номер|койк|коек|груп|кухн|кухон|бабус|дедус|породил"
    r"|поріл|хат|родин|квартир|двір|больн|хвор|пациент|пацієнт|поранен|ранен)"
)
#: The same, or a bed: "по 2 простыни на каждую кровать, кроватей 16".
_HEAD_OR_BED = rf"(?:{_HEAD}|кроват|ліжк|ліжок|коек|койк)"
#: "на семью", "на каждого ребенка", "на этаж": for each one of them.
_FOR_EACH_ONE = (
    rf"(?:(?:на\s+(?:(?:каждо|кожн|кожен|одн)\w*\s+)?|в\s+(?:(?:кажд|кожн|кожен)\w*\s+)?){_HEAD_OR_BED}"
    r"|на\s+(?:каждого|кожного)|(?:каждому|кожному))"
)
#: "в каждую комнату", "на кожну кімнату": one for each, with no count of its own.
_ONE_FOR_EACH = re.compile(rf"(?<![^\W\d_])(?:на|в)\s+(?:кажд|кожн|кожен)\w*\s+{_HEAD_OR_BED}")
#: "по пачке каждого": so much of each thing named.
_OF_EACH_THING = re.compile(r"\s*(?:каждого|кожного|каждой|кожної)(?!\w)")
#: "2 упаковки на каждого малыша": so much for each of them, with no "по".
_EACH = re.compile(
    rf"(?<![\d.,])(\d{{1,3}})(?:\s*[-–—]\s*\d{{1,3}})?\s*([^\W\d_]+\.?)?\s+{_FOR_EACH_ONE}"
)  # "2-3 на семью": two, the least said
#: One of a thing in words after "по": "по паре", "по комплекту", "по одному".
_ONE = (
    r"(?:паре|пару|комплекту|одному|одной|одній|штуке|штуці|набору|пачке|пачці|упаковке"
    r"|упаковці|банке|банці|бутылке|пляшці|мешку|мішку|ящику|коробке|коробці|пакету)"
)
#: "по два", "по дві": so much each, in words.
_FEW = {"два": 2, "две": 2, "дві": 2, "три": 3, "чотири": 4, "четыре": 4}
#: "по 4 матраса и 4 одеяла", "по 1 щетке и 1 тюбику", "по паре": so much of each
#: thing each of them gets.
_BY_EACH = re.compile(
    rf"(?<![^\W\d_])по\s+(?:(\d{{1,3}})|({'|'.join(_FEW)})(?!\w)|{_ONE})(?!\d|[.,]\d)\s*"
    r"(?!(?:на|и|і|та|й|кажд\w*|кожн\w*)\b)([^\W\d_]+\.?)?"
    r"((?:\s+(?:и|і|та|й)\s+(?:\d{1,3}\s*[^\W\d_]*|(?!(?:на|в|у|для|по)\b)[^\W\d_]+))*)"
)
_AND_MORE = re.compile(r"(?:и|і|та|й)\s+(?:(\d{1,3})(?![\d.,]))?")
#: "в мішках по 50 кг": what one holder holds, not so much for each of them.
_IN_HOLDERS = re.compile(r"(?:мешк|мішк|пакет|ящик|банк|коробк|упаковк|пачк)[^\W\d_]*\s*$")
#: "... на семью", "... на каждого ребенка" right after so much each (one word between
#: may name the thing: "по 2 уп. каші на дитину").
_FOR_ONE = re.compile(rf"\s*[-–—,]?\s*(?:[^\W\d_]{{3,}}\s+)?{_FOR_EACH_ONE}")
#: "на 48 детей": for how many people, said outright.
_FOR_HEADS = re.compile(rf"(?<![^\W\d_])на\s+(\d{{1,4}})\s*{_HEAD}")
#: "семей около 60": about so many.
_ABOUT = r"(?:около|приблизно|близько|примерно|десь|где-то|~)"
#: "70 осіб", "малышей 6": how many of them (the second order only in the quantity
#: cell: "колготи дитячі 1-3 роки" names an age).
_HEADS = re.compile(
    rf"(?<![\d.,])(\d{{1,4}})\s*{_HEAD_OR_BED}"
    rf"|{_HEAD_OR_BED}\w*\s+(?:{_ABOUT}\s+)?(\d{{1,4}})(?!\d|[.,]\d)"
)
#: "26 осіб, кожному халат і 2 пари шкарпеток": what each of them gets, listed.
_EACH_GETS = re.compile(
    rf"(?<!\w)(?:каждому|кожному|каждой|кожній)\s*[:–—-]?\s+(?!{_HEAD_OR_BED})([^|]+)$"
)
#: "светр і штани кожній дитині": the things listed first.
_GETS_EACH = re.compile(
    rf"\|\s*([^|]+?)\s+(?:каждому|кожному|каждой|кожній)\s+{_HEAD_OR_BED}[^\W\d_]*\W*$"
)
_LISTED = re.compile(r"\s*(?:[,+;]|(?<!\w)(?:и|і|та|й)(?!\w))\s*")
_LEADING = re.compile(r"(\d{1,3})(?![\d.,])")
#: "45 семей по 2 тонны": how many get so much each, right before it.
_HEADS_BEFORE = re.compile(rf"(?<![\d.,])\d{{1,4}}\s*{_HEAD_OR_BED}[^\W\d_]*\s*[,:–—-]?\s*$")


#: Things one person, bed or room takes one of: "куртки | на 27 детей" asks for 27
#: ("одежда на 40 детей" or "тарелки, чашки на 40 человек" counts no things).
ONE_EACH_CATEGORIES = frozenset(
    {"clothing", "shoes", "bedding", "furniture", "children", "appliances"}
)


#: "на 27 детей", "для 14 кроватей": a whole cell that says for how many.
_FOR_HEADS_ONLY = re.compile(rf"(?:на|для)\s+(\d{{1,4}})\s*{_HEAD_OR_BED}[^\W\d_]*\.?")
#: "человек 40", "40 семей", "на 27 детей": a whole cell that counts people.
_PEOPLE_ONLY = re.compile(
    rf"(?:(?:на|для)\s+)?\d{{1,4}}\s*{_HEAD}[^\W\d_]*\.?|{_HEAD}[^\W\d_]*\.?\s+\d{{1,4}}"
)


def heads_only(column: str) -> int | None:
    """ "на 27 детей", "для 14 кроватей": the number of those the cell counts, when
    that is all the cell says."""
    found = _FOR_HEADS_ONLY.fullmatch(fold(column).strip(" .!"))
    return int(found.group(1)) if found else None


def counts_only_people(column: str) -> bool:
    """ "человек 40", "40 семей", "на 27 детей": the cell counts who the things are for,
    not the things."""
    return _PEOPLE_ONLY.fullmatch(fold(column).strip(" .!")) is not None


#: "кухонь 5", "поверхів 4": rooms or floors counted after their name, in the item too
#: (only people's words there can name an age: "колготи дитячі 1-3").
_ROOMS_COUNTED = re.compile(
    r"(?<!\w)(?:комнат|кімнат|этаж|поверх|номер|кухон|кухн|палат|груп|хат|двор|двір|родин|сімей"
    r"|семей|квартир|людей|осіб|больн|хвор|пациент|пацієнт|кроват|ліжок|коек)\w*(?:\s+[^\W\d_]+){0,2}?"
    r"\s+(\d{1,4})(?!\d|[.,]\d)"
)
#: "живут 33", "заселилось 40": how many people, by who lives there.
_LIVING = re.compile(
    r"(?<!\w)(?:живут|живуть|живет|живе|проживает|проживают|проживає|проживають|заехал\w*"
    r"|заселил\w*|поселил\w*)\s+(?:ещ[её]\s+|ще\s+)?(\d{1,4})(?![\d.,])"
)


def _each_gets(listed: str) -> int:
    """ "халат і 2 пари шкарпеток": three, a thing named alone being one."""
    pieces = [p for p in _LISTED.split(listed) if re.search(r"[^\W\d_]", p)]
    return sum(int(m.group(1)) if (m := _LEADING.match(p)) else 1 for p in pieces)


def per_head(column: str, item: str) -> tuple[int, str, bool] | None:
    """ "по 2 кг на семью, 25 семей": 50, and the word of the unit each is counted in
    ("кг"); "кастрюли по 1 на семью и сковородки по 1 на семью, 14 семей": 28 (every
    "по" adds); "на 48 детей по 1 щетке и 1 тюбику": 96. None unless so much each,
    for whom ("на семью", or "на 48 детей" outright) and how many are all written.
    The flag is True when the quantity cell says one bare number each ("по 1 на
    человека"), which then counts each thing the item names."""
    item_text = fold(item)
    text = f"{item_text} | {fold(column)}"
    each, unit, marked, taken = 0, "", False, []
    at_item = len(item_text) + 3  # where the quantity cell starts
    bare = []  # whether each "so much each" is a bare number in the quantity cell
    for found in _BY_EACH.finditer(text):
        if _IN_HOLDERS.search(text, 0, found.start()):
            continue
        pieces = not found.group(3) or found.group(3).startswith("шт")  # no unit of its own
        number = bool(found.group(1) or found.group(2)) and pieces
        of_each = _OF_EACH_THING.match(text, found.end())
        bare.append(bool(of_each) or (number and found.start() >= at_item))
        end = of_each.end() if of_each else found.end()
        said_each = int(found.group(1) or _FEW.get(found.group(2) or "", 1))
        # "по 1 щетке и пасте": one of each; "по 2 і постільна білизна по 1": its own "по"
        more = _AND_MORE.findall(found.group(4))
        each += said_each + sum(int(n) if n else said_each for n in more if n or found.group(3))
        unit = unit or (found.group(3) or "")
        # "45 семей по 2 тонны" (not "60 компл. (20 коек по 3)": a breakdown of the total)
        heads_before = bool(_HEADS_BEFORE.search(text, 0, found.start()))
        heads_before = heads_before and "(" not in text[: found.start()]
        marked = marked or bool(_FOR_ONE.match(text, end)) or heads_before
        taken.append(found.span())
    one_for_each = _ONE_FOR_EACH.search(text) is not None  # "на кожну кімнату по дві"
    if not each:
        plain = _EACH.search(text)
        if plain:
            each, unit = int(plain.group(1)), plain.group(2) or ""
            taken.append(plain.span())
            bare.append(not plain.group(2) and plain.start() >= at_item)
        elif gets := _EACH_GETS.search(text, at_item) or _GETS_EACH.search(text):
            each = _each_gets(gets.group(1))
            bare.append(False)
        elif one_for_each:  # "обогреватели, в каждую комнату | 22 комнаты"
            each = 1
            bare.append(True)
        else:
            return None
        marked = True
    marked = marked or one_for_each
    said = [int(h.group(1)) for h in _FOR_HEADS.finditer(text)]
    if not marked and not said:
        return None  # "по 15" of each thing, whoever they are for
    heads = (
        said
        + [
            int(h.group(1) or h.group(2))
            for h in _HEADS.finditer(text)
            if not any(start <= h.start() < end for start, end in taken)
            and (h.start() >= at_item or h.group(1))
        ]
        + [int(h.group(1)) for h in _LIVING.finditer(text)]
        + [int(h.group(1)) for h in _ROOMS_COUNTED.finditer(item_text)]
    )
    if not heads:
        return None
    return each * max(heads), unit.rstrip("."), bare == [True]
