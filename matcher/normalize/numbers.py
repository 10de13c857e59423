"""Numbers inside one segment of text: which are counts, which are sizes, and
which are something else entirely (ages, measures, years, list numbers).

"куртка р.48, 2 шт" has a size 48 and a count 2; "памперсы 4 (9-14 кг)" has a
size 4 and no count; "1) сапоги 39" has a size 39 and no count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from matcher.normalize.categories import (
    ONE_FORMS,
    OTHER,
    Hit,
    lemma_in,
    token_lemmas,
    token_sense,
)
from matcher.normalize.hit_filters import is_vehicle
from matcher.normalize.lexicon import attributes
from matcher.normalize.morph import (
    is_adjective,
    is_genitive_plural_first,
    is_numeral,
    is_ordinal,
    number_of,
)
from matcher.text import TOKEN_RE, latin_readings, plain_latin, translit

MAX_COUNT = 10_000  # more than this is a phone, a year or a slip of the keyboard
_RANGE = re.compile(r"^(\d{1,5})-(\d{1,5})$")
_YEARS = re.compile(r"(\d{4})(?:-\d{2}|-\d{4})?")
_FIRST_YEAR, _LAST_YEAR = 1950, 2035
_MILLILITRES = frozenset({"мл", "ml"})
#: Words before a year in a quantity cell: "до 2016", "годен до 2016", "с 2015".
_BEFORE_A_YEAR = frozenset(
    [
        "до",
        "с",
        "з",
        "от",
        "від",
        "в",
        "у",
        "на",
        "по",
        "годен",
        "годна",
        "придатний",
        "придатна",
        "придатні",
        "срок",
        "термін",
        "г",
    ]
)
_GLUED_AFTER = re.compile(r"^(\d{1,5})([^\W\d_][\w'.-]*)$")  # "5кг", "44р"
#: Devices named with their model's number.
_DEVICES = frozenset({"phones", "computers"})
_ORDINAL_ENDINGS = frozenset({"й", "го", "ий", "ій", "ого", "му", "ому", "ом", "ої", "ая", "ое",
                              "ые"})  # fmt: skip
_ORDINAL = re.compile(rf"^\d{{1,4}}-?(?:{'|'.join(sorted(_ORDINAL_ENDINGS))})$")
_GLUED_BEFORE = re.compile(r"^([^\W\d_]+)(\d{1,5})$")  # "р46", "сапоги39"
#: A number joined to a word by a hyphen: "2-спальные", "5-литровая".
_COMPOUND = re.compile(r"^\d+-[^\W\d_]")
#: "2 big bags": adjectives between a count and its unit, typed abroad.
_LATIN_ADJECTIVES = frozenset(["big", "large", "small", "huge", "full", "heavy", "grosse"])
#: "4-ка", "5-ку": a numbered size ("четвёрка") in speech.
_NUMBERED_SIZE = re.compile(r"^(\d{1,2})-(?:ка|ки|ку|ке|ой)$")
#: "2х" before an adjective: "двух-" in figures.
_TIMES_MARK = frozenset({"х", "x"})
_DIMENSION = re.compile(r"^\d+(?:[xх×*]\d+)+$")
_LETTER_SIZES = frozenset({"xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl"})
_CYRILLIC_SIZES = {"м": "M", "л": "L", "хл": "XL", "ххл": "XXL", "хс": "XS"}
#: "Seni Super Large", "Tena Slip Medium": a letter size written out.
_WORD_SIZES = {"small": "S", "medium": "M", "large": "L", "extra": "XL"}
_LETTER = "(?:xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl)"
#: A range of letter sizes written as one token: "m-l", "s/m", "xl-xxl".
_LETTER_RANGE = re.compile(rf"^{_LETTER}[-/]{_LETTER}$")
#: Number words with their values; "пара" means two things, or one pair.
NUMBER_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "одно": 1, "одну": 1, "одне": 1, "одін": 1,
    "два": 2, "две": 2, "дві": 2, "двое": 2, "двоє": 2, "пара": 2, "пару": 2, "парочка": 2,
    "три": 3, "трое": 3, "троє": 3, "четыре": 4, "чотири": 4, "четверо": 4,
    "пять": 5, "п'ять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7, "восемь": 8,
    "вісім": 8, "девять": 9, "дев'ять": 9, "десять": 10, "десяток": 10, "десятка": 10,
    "одиннадцать": 11, "одинадцять": 11, "двенадцать": 12, "дванадцять": 12,
    "дюжина": 12, "дюжину": 12, "дюжины": 12, "дюжини": 12, "дюжин": 12, "полдюжины": 6,
    "півдюжини": 6,
    "пятнадцать": 15, "п'ятнадцять": 15, "двадцать": 20, "двадцять": 20,
    "тридцать": 30, "тридцять": 30, "сорок": 40, "пятьдесят": 50, "п'ятдесят": 50,
    "полсотни": 50, "півсотні": 50, "полсотні": 50, "сто": 100, "сотня": 100, "десятков": 10,
    "одному": 1, "одной": 1, "одній": 1,
    "десятків": 10, "десятки": 10, "сотни": 100, "сотні": 100, "сотен": 100,
    "тысяча": 1000, "тисяча": 1000, "тысячу": 1000, "тисячу": 1000,
}  # fmt: skip
#: Words that multiply the number word beside them: "пару десятков", "десятка два".
_MULTIPLIERS = frozenset({"десяток", "десятка", "десятков", "десятків", "десятки", "сотня",
                          "сотни", "сотні", "сотен", "дюжины", "дюжини", "дюжин"})  # fmt: skip
#: Units that hold a measured amount: "мешок сахара 50 кг", "гречка мешок (25 кг)".
HOLDERS = frozenset({"bags", "boxes", "packs", "jars", "buckets"})
_ONE_AND_A_HALF = frozenset({"полтора", "півтора", "полторы", "півтори"})
PAIR_WORDS = frozenset({"пара", "пару", "парочка", "пари", "пар"})
_INSIDE = frozenset({"в", "у", "во", "in"})
_MILLIGRAMS = frozenset({"мг", "mg"})
#: "42 пара": a count ending in anything but 1 takes "пары"/"пар", so a number this
#: large before "пара" is a shoe size.
_ONE_PAIR = frozenset({"пара"})
_FROM = frozenset({"от", "від", "вiд", "from"})
#: Weights a vehicle carries: its load, not goods given.
_CAPACITY = frozenset({"tons", "kg"})
#: "машина угля", "машина 3 тонны": a load of goods, not a vehicle offered.
_LOADS = frozenset({"машина", "машину", "машины"})
_UP_TO = frozenset({"до", "up"})
#: "всего 30", "всього банок 25": a total of what was listed.
_TOTAL = frozenset({"всего", "всього", "итого", "разом", "загалом", "усього", "total", "сумме",
                    "сумі"})  # fmt: skip
#: "Разом зібрали 19 пакетів": a total with the verb of collecting between.
_GATHERED = frozenset({"собрали", "зібрали", "собрал", "собрала", "зібрав", "зібрала",
                       "набрали", "насобирали", "назбирали"})  # fmt: skip
_SHOE_SIZES_FROM = 15
#: Units that measure an amount rather than count things: "9 кг (ведро)" is one bucket.
_MEASURES = frozenset({"kg", "liters", "tons", "cubic_meters"})
#: Things whose bare number is a screen's size: "телевизоры 32".
_SCREENS = frozenset({"tv", "monitors"})
#: "у одной", "нет одного", "без одной": one of the things, or one missing.
_WHICH_OR_MISSING = frozenset({"у", "в", "нет", "немає", "нема", "без"})
#: "maybe" after a count, typed short.
_MAYBE = frozenset({"мб", "mb", "наверное", "наверно", "мабуть", "напевно"})
#: Words that join the numbers of a list ("5, 7 и 9 лет").
_JOINERS = frozenset({"и", "і", "й", "та", "или", "або", "чи", "and", "or"})
#: "одно ... другое": one of the things already counted, not one more.
_ONE = frozenset({"один", "одна", "одно", "одне", "одну"})
_OTHER_ONE = frozenset({"другой", "другая", "другое", "другий", "друга", "друге", "второй",
                        "вторая", "второе", "другую", "другу"})  # fmt: skip
#: "одні майже нові": "one" of pairs or of things counted already.
_ONES = _ONE | {"одні", "одни"}
_ALMOST = frozenset({"почти", "майже", "совсем", "зовсім", "еще", "ще", "уже", "вже"})
_AFTER_WHICH = frozenset({"после", "після", "пiсля"})
#: Markers before a number that make it no count whatever unit follows it.
_WHATEVER_THE_UNIT = frozenset({"size", "capacity"})
#: Units that count by themselves when named without a number: "цибуля мішок".
_SELF_COUNTING = frozenset({"bags", "boxes", "buckets", "tons"})


#: Holders of other things: "2 пакета: кофты, штаны" is two bags, and the weight
#: written right after one is what it holds ("мішок 50кг").
SACKS = frozenset({"bags", "boxes"})
#: Two or more "N- word" in a segment: a numbered list ("1- свитер 2- брюки").
_DASHED_LIST = re.compile(r"(?:^|\s)\d{1,2}- \w.*\s\d{1,2}- \w")
#: One jar or bottle named without a number: one.
_ONE_JAR = frozenset({"банка", "банку", "баночка", "баночку", "бутылка", "бутылку", "пляшка",
                      "пляшку", "бутыль"})  # fmt: skip
#: Units that make the number after them no count: "пара 42" is a shoe size, "L (3)"
#: a letter size.
_NOT_COUNTED_BEFORE = frozenset({None, "pairs"}) | _MEASURES

#: Where "кг" after a number is a weight class or a capacity, not an amount.
_KG_IS_NOT_A_COUNT = {"children": "size", "appliances": "measure", "furniture": "measure"}


#: Goods sold by weight or volume, where "л" is a unit, never an age.
_MEASURED_GOODS = frozenset({"food", "hygiene", "medicine", "other"})


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    estimated: bool
    unit: str
    token: int  # where the number stands, to bind it to the nearest thing
    #: "по 20 шт": the count of each of several things, not of them all.
    each: bool = False
    #: "всего 30", "всього банок 25": the total of what the text lists.
    total: bool = False
    #: What one of these holders holds: "мешок 50 кг" is one bag holding 50 kg.
    holds: int = 0
    holds_unit: str = ""


@dataclass(frozen=True, slots=True)
class Numbers:
    counts: tuple[Count, ...]
    sizes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


#: "и т.п.", "і т.д.", "т. е.": "and so on", whose "т" is no tonne.
_ETCETERA = re.compile(r"\b[тt]\s?\.\s?[пдек]\b\.?")


def _tokens(folded: str) -> list[_Token]:
    return [
        _Token(m.group(0), m.start(), m.end())
        for m in TOKEN_RE.finditer(_ETCETERA.sub(lambda e: " " * len(e.group(0)), folded))
    ]


def unit_named(word: str) -> str:
    """The unit a word names ("кг": kg, "упаковки": packs), or ""."""
    return _unit(word) or "" if word else ""


def _unit(word: str) -> str | None:
    units = attributes().units
    word = plain_latin(word)  # "kartonów", "Stück"
    found = units.get(word) or units.get(word.rstrip(".")) or lemma_in(word, units)
    # "paketiv", "mishkiv": typed in Latin letters, as Russian or as Ukrainian
    return found or next(filter(None, map(_unit, latin_readings(word))), None)


def _marker(word: str, table: dict[str, str]) -> str | None:
    found = table.get(word) or table.get(word.rstrip("."))
    if not found and translit(word) != word:
        return _marker(translit(word), table)
    if found or not word or len(word) < 3:
        return found
    return next((table[lemma] for lemma in token_lemmas(word) if lemma in table), None)


@dataclass(slots=True)
class _Context:
    """What the segment is about, for numbers with nothing beside them."""

    category: str
    kinds: frozenset[str]
    #: The last step of each kind path ("formula" of "baby_food/formula").
    items: frozenset[str] = frozenset()
    #: The segment names a thing used in pairs: "рукавиці робочі пару" is one pair.
    paired: bool = False


#: A formula's stage ("NAN 1", "Малюк 2") -> the age it is for.
_FORMULA_STAGES = {1: "0-6m", 2: "6-12m", 3: "12-36m"}


def _age_plus(number: str, gap_after: str, unit_word: str, *, diapers: bool) -> bool:
    """ "(16+)", "пазлы 4+ (3 коробки)", "игра 8+ 2 шт": an age; but "памперсы 4+ 2
    пачки" is a diaper size, and "1+1", "100+" are counts."""
    closing = " )],;." if diapers else " )],;.("  # a bracket closes after it, or opens
    return (
        gap_after.strip(closing) == "+"
        and number.isdigit()
        and int(number) <= 18
        and not _unit(unit_word)
        and not (unit_word.isdigit() and (diapers or gap_after == "+"))
        and _marker(unit_word, attributes().not_after) is None  # "5+ лет": read as an age
    )


def _after_count(counts: list[Count], i: int, ctx: _Context) -> bool:
    """A bare number right after a count with its unit, for clothes or shoes, is
    a size: people write the count, then the sizes."""
    last = counts[-1] if counts else None
    return (
        ctx.category in {"clothing", "shoes"}
        and last is not None
        and bool(last.unit)
        and not last.total  # "Разом 19 пакетів: одяг 11": the total's parts follow
        and (i - 3 <= last.token < i)
    )


#: The largest number before "р." that is a child's age in years, not a size.
_AGE_BEFORE_R = {"clothing": 17, "shoes": 14}


def _years_not_size(unit_word: str, low: int | None, high: int | None, ctx: _Context) -> bool:
    oldest = _AGE_BEFORE_R.get(ctx.category)
    return (
        unit_word.rstrip(".") in {"р", "p"}
        and oldest is not None
        and low is not None
        and (high or low) <= oldest
    )


def _size_range(low: int | None, high: int | None, ctx: _Context) -> bool:
    """ "44-46", "48-50": clothing sizes two or three apart, whatever word follows;
    "42-45 (ботинки, сапоги)": shoe sizes."""
    if ctx.category == "shoes" and low is not None and high is not None:
        return 15 <= low < high <= 48 and high - low <= 12
    if ctx.category != "clothing" or low is None or high is None or low < 36:
        return False
    return low % 2 == 0 and high % 2 == 0 and 2 <= high - low <= 6


def _bare_is_size(value: int, ctx: _Context) -> bool:
    """A number with no unit: a size for clothes, shoes and diapers in their ranges."""
    if ctx.category == "shoes":
        return 15 <= value <= 48
    if ctx.category == "clothing":
        return 36 <= value <= 190
    if "diapers" in ctx.kinds:
        return value <= 7
    if ctx.category == "bedding":
        return value >= 70
    return False


#: Signs of money typed beside a number.
_CURRENCY_SIGNS = frozenset("$€₴£")


def read_numbers(folded: str, hits: tuple[Hit, ...], *, quantity_cell: bool = False) -> Numbers:
    """Counts and sizes of one folded segment whose things are `hits`; in a need's
    quantity cell ("50 л") a unit is never an age."""
    toks = _tokens(folded)
    # gaps[i]: the text before token i (from the start for the first)
    gaps = [folded[: toks[0].start] if toks else ""]
    gaps += [folded[a.end : b.start] for a, b in pairwise(toks)]
    own_hits = any(hit.start >= 0 for hit in hits)  # not things borrowed from before
    ctx = _Context(
        hits[0].sense.category if hits else "",
        frozenset(hit.sense.kind.split("/")[0] for hit in hits),
        frozenset(hit.sense.kind.split("/")[-1] for hit in hits),
        any(lemma_in(tok, attributes().paired) for hit in hits for tok in hit.tokens),
    )
    # a segment that names only vehicles: a weight in it is their load ("машина 3
    # тонны" of coal is a truckload, the coal's count)
    only_vehicles = (
        bool(ctx.kinds)
        and all(k.startswith("transport") for k in ctx.kinds)
        and not any(lemma_in(tok, _LOADS) for hit in hits for tok in hit.tokens)
    )
    attrs = attributes()
    counts: list[Count] = []
    sizes: list[str] = []
    skip_next = False
    skip_to = -1  # "2 больших пакета": the unit after the adjective is read already
    for i, tok in enumerate(toks):
        if skip_next or i <= skip_to:
            skip_next = False
            continue
        text = tok.text
        prev = toks[i - 1].text if i > 0 else ""
        gap_before = gaps[i]
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        gap_after = folded[tok.end : toks[i + 1].start] if i + 1 < len(toks) else folded[tok.end :]
        if _thousands_of_money(toks, i, gap_after):
            skip_next = True  # "15 000 грн": an amount of money in thousands
            continue
        approx = prev in attrs.approximately or "~" in gap_before
        # a quantity cell "от 300", "від 50": at least that many (no "от 3 лет")
        at_least = quantity_cell and i == 1 and prev in _FROM and not nxt
        approx = approx or at_least
        unit_before = _unit(prev) if prev and _number(text)[0] is not None else None
        if text in _LETTER_SIZES and (hits or prev in attrs.not_before):
            sizes.append(text.upper())
            continue
        if text in _WORD_SIZES and hits and (text != "extra" or nxt == "large"):
            sizes.append(_WORD_SIZES[text])
            skip_next = text == "extra"  # "extra large" is one size
            continue
        if text in _CYRILLIC_SIZES and hits and _number(prev)[0] is None:
            sizes.append(_CYRILLIC_SIZES[text])  # "памперсы М": a letter size typed in Cyrillic
            continue
        if hits and _LETTER_RANGE.match(text):
            sizes.append(text.upper().replace("/", "-"))
            continue
        bed_size = lemma_in(text, attrs.size_words)
        if bed_size:
            sizes.append(bed_size)
            continue
        waist = gap_after.strip() == "/" and ctx.category == "clothing"
        if waist and nxt.isdigit() and text.isdigit():
            sizes.append(f"{text}/{nxt}")  # "джинсы 32/34": waist and length
            skip_next = True
            continue
        if _DIMENSION.match(text):
            sizes.append(text.replace("х", "x"))
            continue
        numbered = _NUMBERED_SIZE.match(text)
        if numbered and "diapers" in ctx.kinds:
            sizes.append(numbered.group(1))  # "памперси 4-ка і 5-ка": sizes 4 and 5
            continue
        if _ordinal(toks, i):
            skip_next = not _ORDINAL.match(text)
            continue  # "3й этаж", "до 15го", "5-й": which one, never how many
        glued = _GLUED_BEFORE.match(text)
        if glued:  # "р46", "сапоги39": a size or a stray digit, never a count
            if _marker(glued.group(1), attrs.not_before) == "size" or hits:
                sizes.append(glued.group(2))
            continue
        number, unit_word = text, nxt
        whole: int | None = None
        glued_after = _GLUED_AFTER.match(text)
        if glued_after:
            number, unit_word = glued_after.group(1), glued_after.group(2)
        value, high, estimated = _number(number)
        after_adjective = toks[i + 2].text if i + 2 < len(toks) else ""
        described = is_adjective(nxt) or nxt in _LATIN_ADJECTIVES
        if value is not None and not glued_after and _unit(after_adjective) and described:
            unit_word, skip_to = after_adjective, i + 2  # "2 больших пакета", "3 великі мішки"
        worded = _worded_range(text)
        if worded is not None:  # "пять-шесть": a range in words, its lower bound
            counts.append(Count(worded, True, _unit(nxt) or "", i))
            continue
        if value is None:
            counted_before = _number(prev)[0] is not None or prev in NUMBER_WORDS
            # "в пакете", "відер 10", "мешка три-четыре"
            inside = (
                prev in _INSIDE
                or _number(nxt)[0] is not None
                or bool(_worded_range(nxt))
                or nxt in NUMBER_WORDS  # "уголь мешков десять": counted by the word after
            )
            heading = i == 0 and ":" in gap_after  # "Пакет: куртки 2 шт"
            each_unit = _unit(text) if prev == "по" and _number(nxt)[0] is None else None
            if each_unit and each_unit != "pairs":  # "по мішку": one of each ("по паре": sizes)
                counts.append(Count(1, False, each_unit, i, True))
                continue
            if prev == "по" and any(h.start == i and h.sense.category != "other" for h in hits):
                counts.append(Count(1, False, "", i, True))  # "по куртке на 3 и 5 лет"
                continue
            # "тушенка 24 банки (ящик)": a box in brackets after a count is what holds them
            boxed = bool(counts) and "(" in gap_before and counts[-1].unit not in _MEASURES
            vague = prev in attrs.vague  # "несколько пакетов": how many is not said
            if glued_after is None and not (heading or counted_before or inside or vague):
                # "т.к." (так как) is no ton: a lone letter is an abbreviation
                alone = None if boxed or len(text) < 2 else _unit(text)
                one_jar = text in _ONE_JAR  # "мед банка"
                # "комплект на выписку", "спальный мешок": the word is part of the thing
                in_phrase = any(h.start <= i <= h.end and h.start != h.end for h in hits)
                if alone == "sets" and _set_after_things(toks, i, hits):
                    counts.append(Count(1, False, "sets", i))  # "ложки вилки набор": one set
                    continue
                if (alone in _SELF_COUNTING or one_jar) and hits and not in_phrase:
                    counts.append(Count(1, False, alone or "jars", i))
                    weighed = len(counts) > 1 and counts[-2].unit in _MEASURES
                    if weighed and counts[-2].token == i - 2:  # "12кг мешок": what it holds
                        counts[-1:] = _holding(counts[-1:], i, counts[-2].value, counts[-2].unit)
                    continue
            if (_number(nxt)[0] is not None or _worded_range(nxt)) and _unit(text):
                continue  # "штук 40", "мешка три-четыре": the unit first, the number counts
            word_value = _word_value(text, nxt, ctx, prev)
            # "размер тридцать восьмой", "сорок третьего размера": a size in words
            sized = (
                nxt in _LETTER_SIZES
                or _marker(nxt, attrs.not_before) == "size"
                # "43 размер две пары": a count in its unit after the size's marker
                or (_marker(prev, attrs.not_before) == "size" and _unit(nxt) is None)
                or is_ordinal(nxt)
            )
            if (
                word_value is not None
                and not sized
                and not _one_of_several(text, toks, i)
                # "(одно мужское", "одні майже нові": one of the things before, no more
                and not (
                    ("(" in gap_before or (i == 0 and not own_hits))
                    and text in _ONES
                    and _describes(nxt)
                )
                and prev not in _AFTER_WHICH  # "после одного ребенка": not how many
                # "у одной нет одного бортика": which one, and one missing
                and not (text in ONE_FORMS and prev in _WHICH_OR_MISSING)
                and _marker(nxt, attrs.not_after) not in {"age", "size", "people"}
            ):
                if prev in _ONE_AND_A_HALF and text in _MULTIPLIERS:  # "полтора десятка": 15
                    counts.append(Count(word_value[0] * 3 // 2, False, word_value[1], i))
                    skip_next = bool(word_value[1]) and word_value[1] == _unit(nxt)
                    continue
                last = counts[-1] if counts else None
                if "eggs" in ctx.items and text in _MULTIPLIERS and last and last.token == i - 1:
                    continue  # "яйця три десятки": eggs are counted in tens, as the writer does
                if last and last.token == i - 1 and (text in _MULTIPLIERS or prev in _MULTIPLIERS):
                    counts[-1] = Count(last.value * word_value[0], True, last.unit, last.token)
                    continue
                counts.append(Count(word_value[0], approx, word_value[1], i, prev == "по"))
                skip_next = bool(word_value[1]) and word_value[1] == _unit(nxt)
            continue
        if gap_after in {",", "."} and _COMPOUND.match(nxt):
            skip_next = True  # "1,5-спальное": one word that says what kind
            bed_size = attrs.size_words.get(f"{text}.{nxt}")
            if bed_size:
                sizes.append(bed_size)
            continue
        half_range = _RANGE.match(nxt) if gap_after in {",", "."} else None
        if half_range and value is not None and not glued_after:
            # "1,5-2 роки": a range from a decimal, read from its whole part
            skip_next = True
            value, high, estimated = value, int(half_range.group(2)), True
            unit_word = toks[i + 2].text if i + 2 < len(toks) else ""
            after = toks[i + 2].start if i + 2 < len(toks) else len(folded)
            gap_after = folded[toks[i + 1].end : after]
        # decimals "1,5": the digits after the comma are the next token
        decimal = gap_after in {",", "."} and nxt.isdigit() and not _listed(toks, i, gaps)
        if decimal and not glued_after and not number.isdigit():
            skip_next = True  # "0-1,5 года": a range to a decimal; its digits are no count
        elif decimal and not glued_after:
            value_f = float(f"{number}.{nxt}")
            skip_next = True
            unit_word = toks[i + 2].text if i + 2 < len(toks) else ""
            after = toks[i + 2].start if i + 2 < len(toks) else len(folded)
            gap_after = folded[toks[i + 1].end : after]  # '15,6"': inches after the decimals
            value, estimated = math.ceil(value_f), True
            whole = math.floor(value_f)  # an age: "1,5 роки" is in its second year
        if prev in _AFTER_WHICH:
            continue  # "звонить после 18", "забрати після 15.02": a time or a date
        if unit_before and gap_after.lstrip().startswith(":"):
            counts.append(Count(1, False, unit_before, i))
            continue  # "Пакет 2: сапоги": the second bag of a list, not two bags
        if nxt in _TIMES_MARK and i + 2 < len(toks) and is_adjective(toks[i + 2].text):
            skip_next = True  # "шкаф 2х створчатый", "3-х литровые": "двух-", "трех-"
            continue
        if i == 0 and re.match(r"^\s*[).]", gap_after) and not glued_after:
            continue  # "1) куртка", "2. обувь": a list number
        if gap_after == "- " and _DASHED_LIST.search(folded) and value is not None and value <= 20:
            continue  # "1- свитер 2- брюки 3- куртка": list numbers
        diapers = "diapers" in ctx.kinds
        if _age_plus(number, gap_after, unit_word, diapers=diapers) and not quantity_cell:
            continue  # "пазлы 4+": an age
        year = _YEARS.fullmatch(number)
        unit = _unit(unit_word) if unit_word else None
        a_year = year and _FIRST_YEAR <= int(year.group(1)) <= _LAST_YEAR and not unit
        # the quantity cell's "стаканы 2000" or "2000" counts; "до 2016" is a year there too
        counted_there = quantity_cell and number.isdigit() and prev not in _BEFORE_A_YEAR
        if a_year and not counted_there:
            continue  # a year, or years: "сроки до 2016-2017"
        if "(" in gap_after and not glued_after and _weight_follows(toks, i):
            sizes.append(number)  # "памперсы 4 (7-14 кг)": a size, its weights in brackets
            continue
        if ("(" in gap_after or ("(" in gap_before and ")" in gap_after)) and not glued_after:
            unit_word = ""  # "сапоги 39 (пара)", "(7-14) пачка": the bracket keeps them apart
        if unit_word in _MAYBE and unit_before:
            unit_word, approx = "", True  # "футболки штук 5 мб": maybe five, no megabytes
        if unit_word in _JOINERS or _number(unit_word)[0] is not None:
            # "на 5, 7 и 9 лет", "7 и 9 секций": each number of a list is an age, a
            # size or a measure when the last one is (a count stays a count)
            end = _list_end(toks, i)
            if _marker(end, attrs.not_after) is not None:
                unit_word = end
            elif unit_word in _JOINERS and (
                _unit(past := _past_numbers(toks, i)) in _MEASURES
                or _marker(past, attrs.not_after) == "measure"
            ):
                unit_word = past  # "банки 0,5 и 1 литр", "шприцы 2 и 10 мл": both measured
        why = _marker(unit_word, attrs.not_after)
        if why == "size" and _years_not_size(unit_word, value, high, ctx):
            why = "age"  # "колготки дитячі 5-7 р.": років (years), no size 5
        if gap_after.lstrip()[:1] in {'"', "”", "″"}:
            why = "measure"  # inches: 'телевизор 32"'
        if gap_after.lstrip()[:1] == "%":
            why = "measure"  # "мыло хоз. 72%", "спирт 70%": a strength
        if gap_after.lstrip()[:1] in _CURRENCY_SIGNS or gap_before.rstrip()[-1:] in _CURRENCY_SIGNS:
            why = "money"  # "200 $", "$50": an amount, not a count
        unit = _unit(unit_word) if unit_word else None
        bottled = prev == "по" and bool(counts) and counts[-1].unit == "jars"  # "10 бутлів по 1 л"
        if why == "age" and _in_use_for(toks, i):
            continue  # "б/у 1 год", "носили 2 сезона": how long it was used, no age
        if why == "age" and unit and (quantity_cell or ctx.category in _MEASURED_GOODS or bottled):
            why = None  # "масло 5 л": litres of oil, not an age
        if unit == "kg" and ctx.category in _KG_IS_NOT_A_COUNT:
            why = _KG_IS_NOT_A_COUNT[ctx.category]
        if unit == "kg" and "diapers" in ctx.kinds:
            why = "size"
        if unit == "liters" and ctx.category == "appliances":
            why = "measure"
        if unit == "liters" and ctx.category == "kitchenware" and not bottled:
            # "кастрюля 3-5 л": a capacity; "от 5 литров": five or more
            opened = prev in _FROM and high is None and value is not None
            sizes.append((f"{value}+" if opened else _size_text(value, high, number)) + "л")
            skip_next = not glued_after
            continue
        before = _marker(prev, attrs.not_before) if not approx else None
        if before is None and i > 1 and _marker(toks[i - 2].text, attrs.not_before) == "address":
            before = "address"  # "ул. Гагарина 87": a house number
        marks_size = attrs.not_before.get(prev.rstrip(".")) in _WHATEVER_THE_UNIT and (
            i < 2 or _number(toks[i - 2].text)[0] is None or _measured_before(toks, i - 2)
        )  # the marker as typed: "Ростов 6 коробок" is a town, not a height
        if why is None and before is not None and (unit is None or marks_size):
            why = before  # "р.28 пару": a size, whatever word follows ("37 р. 3 пары": a count)
        round_decimal = decimal and not glued_after and set(nxt) == {"0"}  # "1,0 г"
        grams = value is not None and (value > 120 or round_decimal)
        if why == "age" and unit_word == "г" and grams:
            why = "measure"  # "Нутрилон 1, 800 г", "Цефтріаксон 1,0 г": grams, not years
        dose = why == "measure" and ctx.category == "medicine" and unit_word in _MILLIGRAMS
        # "парацетамол 500 мг": a dose in mg alone is a tablet's (a form named on the
        # line wins: items._one_form)
        if dose and "мл" not in folded:
            sizes.append("таблетки")
        if dose and value is not None and high is None:
            sizes.append(f"{value}mg")  # "эналаприл 10 мг": no 5 mg tablets for it
        syringe = why == "measure" and "syringes" in ctx.items and unit_word in _MILLILITRES
        if syringe and value is not None and high is None:
            sizes.append(f"{value}ml")  # "шприцы 2 мл": no 5 ml syringe
        if why is not None:
            if why == "size" or before == "size":
                up_to = prev in _UP_TO and high is None and unit == "kg"  # "до 13 кг": 0-13
                size = _size_text(0, value, number) if up_to else _size_text(value, high, number)
                sizes.append(size + _weight_suffix(unit))
            elif why == "age" and value is not None:
                scale = "m" if _marker(unit_word, _MONTHS) else "y"
                age = whole if whole is not None else value
                up_to = prev in _UP_TO and high is None  # "до 1 року": from birth to one
                low, top = (0, age) if up_to else (age, high)
                if _marker(unit_word, _GRADES) and age <= 11:
                    # "1-4 клас": pupils of those grades, 6 to 10 years old
                    low, top = low + 5, (top if top is not None else low) + 6
                sizes.append(_size_text(low, top, number) + scale)
            continue
        if value is None or value <= 0 or value > MAX_COUNT:
            continue
        if unit is None and _vehicle_counted(toks, i, hits):
            continue  # "Собрали 2 машины: продукты": loads, the things are counted apart
        # a number right before a thing counts it ("50 Elektroheizungen", "20 Babybetten")
        counts_next = any(hit.start == i + 1 for hit in hits)
        if "transport" in ctx.kinds and unit is None and value >= 10 and not counts_next:
            continue  # "ВАЗ 2107", "ГАЗель 3302": a model, not a count
        if only_vehicles and unit in _CAPACITY:
            continue  # "Фура 20 т", "могу брать до 300 кг": what the vehicle carries
        after_thing = any(h.end == i - 1 for h in hits)
        named = after_thing or (prev.isascii() and prev.isalpha())
        if ctx.items & _DEVICES and unit is None and value >= 15 and named and not counts_next:
            continue  # "нокиа 3310", "Nokia 105": the model, right after the name
        if (
            ctx.category == "appliances"
            and unit is None
            and value >= 15
            and not counts_next
            and not (after_thing and _plural_counted(toks, i, gap_after, ctx))
        ):
            continue  # "телевізори 42 і 32 дюйми", "Минск 15": a size or a model
        if ctx.category == "medicine" and "/" in (gap_after.strip(), gap_before.strip()):
            continue  # "Эналаприл-Н 10/25", "амоксиклав 875/125": the doses of a combination
        if (
            ctx.category == "medicine"
            and unit is None
            and _dose(value, i, toks, hits, quantity_cell)
        ):
            continue  # "Аспирин 500 — 5 уп", "парацетамол 500 10 уп": a dose in mg
        if unit in _MEASURES and _unit(prev) in HOLDERS:
            counted = (i > 1 and _number(toks[i - 2].text)[0] is not None) or (
                bool(counts) and counts[-1].token == i - 1
            )  # "2 мешка (25 кг)": what they hold
            # "банки 3л - 6 шт": the count follows, and the litres are what each holds
            later = any(_number(t.text)[0] is not None for t in toks[i + 1 : i + 4])
            if not counted and _holders_counted_after(toks, i, hits):
                continue  # "мішок 10 кг 3 шт", "банки 3л - 6 шт": what each holds
            if "(" in gap_before or not (counted or later or _unit(prev) not in SACKS):
                if not counted:  # "2 мешка (50 кг)" may be each or all: left unsaid
                    counts.append(Count(1, False, _unit(prev) or "", i - 1))
                    counts[-1:] = _holding(counts[-1:], i - 1, value, unit)
                continue  # "гречка мешок (25 кг)", "сахару мішок 50кг": one bag, holding 50 kg
        held = counts and counts[-1].unit in HOLDERS  # "новые в упаковке 12шт" counts
        if held and i > 1 and toks[i - 2].text in _INSIDE and prev in _INSIDE_PACK:
            continue  # "2 ящика тушенки (в ящике 36 банок)": what one box holds
        if unit == "pieces" and _word_after_inside(toks, i) in _INSIDE_PACK:
            continue  # "64 шт в упаковке": what one pack holds
        holder = counts[-1] if counts else None
        # "1 мешок 50 кг", "мешок пшена 25 кг" (of several bags the kg may be all of them)
        one_bag = holder is not None and (holder.unit != "bags" or holder.value == 1)
        # "1 пачка начатая (около 20 шт)": a bracket after the pack says what it holds
        bracket = "(" in gap_before or "(" in gaps[i - 1 if i else 0]
        reach = 4 if bracket and holder and holder.unit == "packs" else 2
        if (
            holder
            and unit in _CONTENTS.get(holder.unit, ())
            and holder.token >= i - reach
            and one_bag
        ):
            counts[-1:] = _holding(counts[-1:], i - reach, value, unit)
            continue  # "1 упаковка 50 шт", "ящик 24 шт", what they hold
        if unit is None and _marker(prev, attrs.not_before) == "size":
            sizes.append(str(value))
            continue
        if unit is None and "formula" in ctx.items and value in _FORMULA_STAGES:
            sizes.append(_FORMULA_STAGES[value])
            continue
        if unit is None and high is not None and "(" in gap_before and "diapers" in ctx.kinds:
            sizes.append(_size_text(value, high, number) + "kg")  # "Libero 4 (7-14)": weights
            continue
        counted_unit = i > 1 and _number(toks[i - 2].text)[0] is not None and ")" not in gaps[i - 1]
        # "обувь пар 15" (not "пару пар (43)": a size in brackets)
        unit_first = unit_before not in _NOT_COUNTED_BEFORE or (
            prev == "пар" and "(" not in gap_before
        )
        if unit is None and unit_first and not counted_unit:
            unit = unit_before  # "штук 40-50", "пачки 3": the unit first, a count after it
        # "колготки 30 пар шапки 20": in a quantity cell, the count of the next thing
        fresh = quantity_cell and any(
            h.end == i - 1 and counts and h.start > counts[-1].token for h in hits
        )
        if (
            unit is None
            and not fresh
            and not _names_thing(i, hits, gap_after)
            and _after_count(counts, i, ctx)
        ):
            sizes.append(_size_text(value, high, number))  # "джинсы 3 шт 28-29": sizes
            continue
        examples = "(" in gap_after and _number(nxt)[0] is None  # "(кофты, юбки)", not "(8 шт)"
        if unit is None and examples and _size_range(value, high, ctx):
            sizes.append(_size_text(value, high, number))  # "вещей 44-46 (кофты, юбки)"
            continue
        # "ковдр 100", in a quantity cell "курток 40": a number after its thing in the
        # counted form counts ("сапог 40" in a description may be the size)
        # ("полотенец около 80": the thing, then the word for about)
        right_after = any(hit.end == i - 1 or (approx and hit.end == i - 2) for hit in hits)
        counted_form = (
            high is None
            and (quantity_cell or ctx.category not in {"clothing", "shoes"})
            and is_genitive_plural_first(prev)
            and any(hit.start == hit.end == i - 1 for hit in hits)
        ) or (quantity_cell and high is None and right_after)  # "халаты 50" in a quantity cell
        # "blankets 80", "pillows 40": an English plural, then its count
        counted_form = counted_form or (
            high is None
            and ctx.category not in {"clothing", "shoes"}
            and "diapers" not in ctx.kinds  # "Pampers 5": a size
            and prev.isascii()
            and prev.endswith("s")
            and after_thing
        )
        if (
            unit is None
            and not counted_form
            and not approx  # "coats approx 150", "курток около 150": a count
            and not _names_thing(i, hits, gap_after)
            and _bare_is_size(value, ctx)
        ):
            sizes.append(_size_text(value, high, number))
            continue
        if unit_word in _ONE_PAIR and value >= _SHOE_SIZES_FROM and _not_one(value):
            # "кроссовки 42 пара": "пара" after 42 is no count of 42; a size, one pair
            sizes.append(str(value))
            counts.append(Count(1, False, "pairs", i))
            skip_next = True
            continue
        if unit is None and unit_before:
            unit = unit_before
        if whole is not None and unit is None:
            continue  # "банки 0,5": a volume or a size; things are counted in whole numbers
        if unit == "pairs" or (unit is None and prev in PAIR_WORDS):
            unit = "pairs"
        total = prev in _TOTAL or (
            i > 1 and toks[i - 2].text in _TOTAL and (bool(unit_before) or prev in _GATHERED)
        )
        estimated = estimated or approx or high is not None
        if prev == "по" and unit and counts and counts[-1].unit in HOLDERS:
            counts[-1:] = _holding(counts[-1:], i - 3, value, unit)  # "2 мешка по 50 кг"
        medicine = ctx.category == "medicine"
        holders = _holder_of_last(counts, i, unit, unit_before, prev, medicine)
        if holders:  # the count before is what each of these holds
            inner = counts.pop()
            packed = Count(value, estimated, holders, i, holds=inner.value)
            counts.append(replace(packed, holds_unit=inner.unit or "pieces"))
        else:
            counts.append(Count(value, estimated, unit or "", i, prev == "по", total))
        skip_next = skip_next or (unit is not None and not glued_after)
    if "(" in folded:
        counts = _without_breakdowns(counts, folded, [tok.start for tok in toks])
    return Numbers(tuple(counts), tuple(dict.fromkeys(sizes)))


def named_forms(words: Iterable[str]) -> set[str]:
    """The medicine forms `words` write out ("суспензия" is a syrup, "свечи"
    suppositories): size words of no bed."""
    sizes = attributes().size_words
    return {sizes[word] for word in words if sizes.get(word) in MEDICINE_FORMS}


#: size_words that name a medicine's form.
MEDICINE_FORMS = frozenset(["сироп", "таблетки", "свечи", "капли", "ампулы", "мазь"])


#: Words before a time a thing was in use: "пользовались 1 год".
_USED = frozenset({"пользовались", "користувались", "носили", "носив", "носила", "носил",
                   "ездили", "їздили", "катали"})  # fmt: skip


def _in_use_for(toks: list[_Token], i: int) -> bool:
    """ "б/у 1 год", "б/в 2 роки", "носили 2 сезона": how long a thing was used."""
    before = [t.text for t in toks[max(0, i - 2) : i]]
    return before in (["б", "у"], ["б", "в"]) or (bool(before) and before[-1] in _USED)


def _plural_counted(toks: list[_Token], i: int, gap_after: str, ctx: _Context) -> bool:
    """ "электрочайники 24,": a bare number ending a piece after a thing named in the
    plural counts it ("телевизоры 32, 2 шт": a screen's size, the count after it)."""
    prev, nxt = toks[i - 1].text, toks[i + 1].text if i + 1 < len(toks) else ""
    return (
        not ctx.items & _SCREENS
        and number_of(prev) == "many"
        and (not gap_after.strip() or gap_after.strip()[:1] in {",", ";"})
        and not _marker(nxt, attributes().not_after)
        and not any(_number(t.text)[0] is not None for t in toks[i + 1 : i + 4])
    )


def _holder_of_last(
    counts: list[Count],
    i: int,
    unit: str | None,
    unit_before: str | None,
    prev: str,
    medicine: bool,
) -> str | None:
    """The unit of the count at token i when it counts holders of the count before
    it, or None: "пакетики 100шт х 10 пачек" (so many in each, times the packs),
    "порошок 3 кг пачки 4 шт" (a weight, then the packs it is in and their count),
    "Цитрамон 10 таблеток 5 пачок" (ten tablets in each of five packs)."""
    if not counts:
        return None
    last = counts[-1]
    near = i - 3 <= last.token <= i - 2
    pieces = last.unit in {"", "pieces"}
    if unit in HOLDERS and prev in _TIMES_MARK and near and pieces:
        return unit
    if unit_before in HOLDERS and near and last.unit in _MEASURES:
        return unit_before
    if medicine and unit == "packs" and last.token == i - 2 and pieces:
        return unit
    return None


def _set_after_things(toks: list[_Token], i: int, hits: tuple[Hit, ...]) -> bool:
    """ "ложки вилки набор", "кубики набор": a set word after the things it holds,
    ending the segment with no number in it, is one set ("набор кастрюль 3 шт",
    "комплект евро" are counted otherwise)."""
    # "first aid kits": in English the word names the thing itself
    last = i == len(toks) - 1 and not toks[i].text.isascii()
    things_before = any(h.end < i for h in hits) and not any(h.start <= i <= h.end for h in hits)
    numbers = any(_number(t.text)[0] is not None or t.text in NUMBER_WORDS for t in toks)
    return last and things_before and not numbers


def _holding(last: list[Count], since: int, value: int | None, unit: str | None) -> list[Count]:
    """The holder count in `last`, at token `since` or after it, with what one holds."""
    if not last or not value or not unit or last[0].token < since or last[0].holds:
        return last
    return [replace(last[0], holds=value, holds_unit=unit)]


def _thousands_of_money(toks: list[_Token], i: int, gap_after: str) -> bool:
    after = toks[i + 2].text if i + 2 < len(toks) else ""
    return (
        toks[i].text.isdigit()
        and i + 1 < len(toks)
        and re.fullmatch(r"\d{3}", toks[i + 1].text) is not None
        and gap_after in (" ", "\u00a0")
        and _marker(after, attributes().not_after) == "money"
    )


#: Doses in mg that follow a drug's name without their unit.
_DOSES = frozenset({50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 625, 750, 800, 850, 875, 1000})


def _dose(
    value: int, i: int, toks: list[_Token], hits: tuple[Hit, ...], quantity_cell: bool
) -> bool:
    """A bare number that is a drug's dose: a usual dose right after the drug's name
    (in a quantity cell, "физраствор 50" counts), or any number of 50 and more with a
    count and its unit after it."""
    right_after = not quantity_cell and any(
        hit.end == i - 1 and hit.sense.kind.startswith("drugs") for hit in hits
    )
    counted_later = any(
        _number(toks[j].text)[0] is not None and _unit(toks[j + 1].text)
        for j in range(i + 1, len(toks) - 1)
    )
    return (value in _DOSES and right_after) or (value >= 50 and counted_later)


def _without_breakdowns(counts: list[Count], folded: str, starts: list[int]) -> list[Count]:
    """ "бельё 3 комплекта (2 двуспальных и 1 евро)": counts in a bracket right after
    a count, no more than it, say what it is made of."""
    dropped: set[int] = set()
    for bracket in re.finditer(r"\([^()]*\)", folded):
        inside = [c for c in counts if bracket.start() < starts[c.token] < bracket.end()]
        if not all(_written_number(folded, starts[c.token]) for c in inside):
            continue  # "порошок 9 кг (ведро)": a bucket is no part of the nine
        before = [c for c in counts if starts[c.token] < bracket.start()]
        if not inside or not before:
            continue
        close = sum(1 for start in starts if starts[before[-1].token] < start < bracket.start())
        if close <= 1 and sum(c.value for c in inside) <= before[-1].value:
            dropped.update(id(c) for c in inside)
    return [c for c in counts if id(c) not in dropped]


def _written_number(folded: str, start: int) -> bool:
    """A count typed as a number, in figures or in words ("(одна коробка)")."""
    found = TOKEN_RE.match(folded, start)
    return folded[start].isdigit() or (found is not None and found.group(0) in NUMBER_WORDS)


#: Age words in months: "3-6 міс" is an age in months, "2 года" in years.
#: School grades: "1-4 клас" says the pupils' ages.
_GRADES = {w: "grade" for w in ("класс", "класса", "классы", "классов", "клас", "класу", "класи",
                                "класів")}  # fmt: skip
_MONTHS = {w: "m" for w in ("мес", "месяцев", "месяца", "месяц", "міс", "місяців", "місяця",
                            "місяць", "months", "month", "m", "мес.")}  # fmt: skip


def _weight_suffix(unit: str | None) -> str:
    """A size given in kg is a weight class ("9-14 кг" for diapers, car seats)."""
    return "kg" if unit == "kg" else ""


def _size_text(low: int | None, high: int | None, number: str) -> str:
    if low is None:
        return number
    return str(low) if high is None else f"{low}-{high}"


#: Units that hold others: a count in those right after one says what they hold.
_CONTENTS = {
    "packs": frozenset({"pieces"}),
    "bags": frozenset({"kg"}),
    "boxes": frozenset({"pieces", "kg"}),
}

#: "в упаковке", "в пачке": the count before says what one pack holds.
_INSIDE_PACK = frozenset({"упаковке", "упаковці", "пачке", "пачці", "уп", "коробке", "коробці",
                          "банке", "банці", "баночке", "баночці", "флаконе", "флаконі",
                          "блистере", "блістері", "ящике", "ящику", "мешке", "мішку"})  # fmt: skip


def _word_after_inside(toks: list[_Token], i: int) -> str:
    """The word two after a number with its unit ("64 шт в упаковке" -> "упаковке"),
    when the word between is "в"/"у"."""
    if i + 3 < len(toks) and toks[i + 2].text in _INSIDE:
        return toks[i + 3].text
    return ""


def _holders_counted_after(toks: list[_Token], i: int, hits: tuple[Hit, ...]) -> bool:
    """ "мішок 10 кг 3 шт": after the measure of one holder (number `i`, its unit
    next), a count of pieces or of holders, with no thing named between."""
    first = i + 1 if _GLUED_AFTER.match(toks[i].text) else i + 2  # "3л" holds its unit
    for j in range(first, min(first + 2, len(toks) - 1)):
        if any(i < hit.start <= j for hit in hits):
            return False
        if _number(toks[j].text)[0] is not None:
            unit = _unit(toks[j + 1].text)
            return unit == "pieces" or unit in HOLDERS
    return False


def _not_one(value: int) -> bool:
    """A number a word agrees with as with many: 42, 11, 15 (not 1, 21, 31)."""
    return value % 10 != 1 or value % 100 == 11


def _weight_follows(toks: list[_Token], i: int) -> bool:
    """ "4 (7-14 кг)": a weight range in brackets right after the number."""
    after = [t.text for t in toks[i + 1 : i + 3]]
    if not after or _number(after[0])[0] is None:
        return False
    glued = _GLUED_AFTER.match(after[0])
    unit = glued.group(2) if glued else (after[1] if len(after) > 1 else "")
    return _unit(unit) == "kg" and _RANGE.match(glued.group(1) if glued else after[0]) is not None


def _list_end(toks: list[_Token], i: int) -> str:
    """The word after a list of close, rising numbers that goes on after token i
    ("5, 7 и 9 лет" -> "лет"); "" when none follows ("рубашки 5, 54 размер")."""
    j, last, listed = i + 1, _number(toks[i].text)[0], False
    while j < len(toks) and (toks[j].text in _JOINERS or toks[j].text.isdigit()):
        if toks[j].text.isdigit():
            value = int(toks[j].text)
            if last is None or not last <= value <= last * 2 + 2:
                return ""
            last, listed = value, True
        j += 1
    return toks[j].text if listed and j < len(toks) else ""


def _one_of_several(word: str, toks: list[_Token], i: int) -> bool:
    """ "(одно 48, другое 50)": "одно" points at one of the things, it adds none."""
    return word in _ONE and any(t.text in _OTHER_ONE for t in toks[i + 1 : i + 6])


def _describes(word: str) -> bool:
    return is_adjective(word) or word in _ALMOST


def _names_thing(i: int, hits: tuple[Hit, ...], gap_after: str) -> bool:
    """True when the word right after the number is a thing: "3 куртки"
    (not "вещи 46-48: пальто", where a heading ends)."""
    # "44-46 (8 речей)": what the bracket counts is not the thing of the number before it
    near = (i + 1,) if "(" in gap_after else (i + 1, i + 2)
    return ":" not in gap_after and any(hit.start in near for hit in hits)


def _listed(toks: list[_Token], i: int, gaps: list[str]) -> bool:
    """ "памперсы 2,3,4": single figures and commas in a row are a list, not a decimal;
    `gaps[j]` is the text between token j-1 and token j."""

    def comma_before(j: int, single: bool = True) -> bool:
        digits = (toks[j - 1].text, toks[j].text) if 0 < j < len(toks) else ("", "")
        short = all(len(d) == 1 for d in digits) or not single
        return short and all(d.isdigit() for d in digits) and gaps[j] == ","

    # "36,37,38,39": three numbers joined by commas are no decimal either
    chained = (comma_before(i + 1, False) and comma_before(i + 2, False)) or (
        comma_before(i, False) and comma_before(i + 1, False)
    )
    return comma_before(i) or comma_before(i + 2) or chained


def _past_numbers(toks: list[_Token], i: int) -> str:
    """The first word after token i that is neither a figure nor a joiner."""
    j = i + 1
    while j < len(toks) and (toks[j].text.isdigit() or toks[j].text in _JOINERS):
        j += 1
    return toks[j].text if j < len(toks) else ""


def _number(text: str) -> tuple[int | None, int | None, bool]:
    """(low, high, estimated) of "12" or "6-8"; (None, None, False) for anything else."""
    if text.isdigit():
        return int(text), None, False
    found = _RANGE.match(text)
    if found:
        low, high = int(found.group(1)), int(found.group(2))
        if low < high:
            return low, high, True
    return None, None, False


def _worded_range(token: str) -> int | None:
    """The lower bound of "пять-шесть", "два-три"; None for anything else."""
    if "-" not in token:
        return None
    values = [NUMBER_WORDS.get(part) for part in token.split("-")]
    if len(values) != 2 or values[0] is None or values[1] is None or values[0] >= values[1]:
        return None
    return values[0]


#: "в одній", "у одному": the one among several a thing is in.
_IN_ONE = frozenset({"в", "у", "во"})


def _word_value(word: str, nxt: str, ctx: _Context, prev: str = "") -> tuple[int, str] | None:
    """A number word ("три", "пару", "десяток") with its unit, or None."""
    value = NUMBER_WORDS.get(word)
    if value is None and is_numeral(word):  # "семьи" is not "семь"
        for lemma in token_lemmas(word):
            if lemma in NUMBER_WORDS:
                value = NUMBER_WORDS[lemma]
                break
    if value is None or (value == 1 and prev in _IN_ONE):
        return None  # "в одній посилці": which parcel, not how many
    if word in PAIR_WORDS or word.startswith("пар"):
        paired = (
            ctx.category == "shoes"
            or ctx.paired
            or any(lemma_in(word, attributes().paired) is not None for word in (nxt, prev) if word)
        )  # "пара перчаток", "перчатки пара"
        return (1, "pairs") if paired else (2, "")
    # "мішків п'ять": the unit before the number word when none follows it
    return value, (_unit(nxt) if nxt else None) or (_unit(prev) if prev else None) or ""


def _vehicle_counted(toks: list[_Token], i: int, hits: tuple[Hit, ...]) -> bool:
    """ "2 машины: продукты", "3 машини речей", "в 3 машины не влезет": vehicles that
    are no thing offered, counted (not firewood or coal, sold by the truckload)."""
    texts = [t.text for t in toks]
    if i + 1 >= len(toks) or not is_vehicle(texts[i + 1]) or any(h.start == i + 1 for h in hits):
        return False
    end = next((j for j in range(i + 1, len(toks)) if not is_vehicle(texts[j])), len(toks))
    loaded = token_sense(texts[end]) if end < len(toks) else None
    return loaded is None or loaded.category != OTHER


def _measured_before(toks: list[_Token], i: int) -> bool:
    """ "рост 104 вес 16 кг": the number at `i` follows a marker of its own."""
    marker = toks[i - 1].text.rstrip(".") if i > 0 else ""
    return attributes().not_before.get(marker) in _WHATEVER_THE_UNIT


def _ordinal(toks: list[_Token], i: int) -> bool:
    """ "3й этаж", "15 го" (the digits spaced off), "5-й": an ordinal, unless a
    size follows it ("3-го размера")."""
    text = toks[i].text
    joined = bool(_ORDINAL.match(text))
    spaced = text.isdigit() and i + 1 < len(toks) and toks[i + 1].text in _ORDINAL_ENDINGS
    after = i + 1 if joined else i + 2
    following = toks[after].text if after < len(toks) else ""
    return (joined or spaced) and _marker(following, attributes().not_after) != "size"
