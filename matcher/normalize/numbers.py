"""Numbers inside one segment of text: which are counts, which are sizes, and
which are something else entirely (ages, measures, years, list numbers).

"куртка р.48, 2 шт" has a size 48 and a count 2; "памперсы 4 (9-14 кг)" has a
size 4 and no count; "1) сапоги 39" has a size 39 and no count.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from matcher.normalize.categories import Hit, token_lemmas
from matcher.normalize.lexicon import attributes
from matcher.normalize.morph import is_numeral
from matcher.text import TOKEN_RE, translit

MAX_COUNT = 10_000  # more than this is a phone, a year or a slip of the keyboard
_RANGE = re.compile(r"^(\d{1,5})-(\d{1,5})$")
_GLUED_AFTER = re.compile(r"^(\d{1,5})([^\W\d_][\w'.-]*)$")  # "5кг", "44р"
_GLUED_BEFORE = re.compile(r"^([^\W\d_]+)(\d{1,5})$")  # "р46", "сапоги39"
_DIMENSION = re.compile(r"^\d+(?:[xх×*]\d+)+$")
_LETTER_SIZES = frozenset({"xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl"})
#: Number words with their values; "пара" means two things, or one pair.
NUMBER_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "одно": 1, "одну": 1, "одне": 1, "одін": 1,
    "два": 2, "две": 2, "дві": 2, "двое": 2, "двоє": 2, "пара": 2, "пару": 2, "парочка": 2,
    "три": 3, "трое": 3, "троє": 3, "четыре": 4, "чотири": 4, "четверо": 4,
    "пять": 5, "п'ять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7, "восемь": 8,
    "вісім": 8, "девять": 9, "дев'ять": 9, "десять": 10, "десяток": 10, "десятка": 10,
    "одиннадцать": 11, "одинадцять": 11, "двенадцать": 12, "дванадцять": 12,
    "дюжина": 12, "пятнадцать": 15, "п'ятнадцять": 15, "двадцать": 20, "двадцять": 20,
    "тридцать": 30, "тридцять": 30, "сорок": 40, "пятьдесят": 50, "п'ятдесят": 50,
    "полсотни": 50, "півсотні": 50, "сто": 100, "сотня": 100,
}  # fmt: skip
_PAIR_WORDS = frozenset({"пара", "пару", "парочка", "пари", "пар"})
_INSIDE = frozenset({"в", "у", "во", "in"})
#: Units that count by themselves when named without a number: "цибуля мішок".
_SELF_COUNTING = frozenset({"bags", "boxes", "buckets", "tons"})


#: Where "кг" after a number is a weight class or a capacity, not an amount.
_KG_IS_NOT_A_COUNT = {"children": "size", "appliances": "measure", "clothing": "size",
                      "furniture": "measure"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    estimated: bool
    unit: str
    token: int  # where the number stands, to bind it to the nearest thing
    #: "по 20 шт": the count of each of several things, not of them all.
    each: bool = False


@dataclass(frozen=True, slots=True)
class Numbers:
    counts: tuple[Count, ...]
    sizes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(folded: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(folded)]


def _lemma_in(word: str, table: dict[str, str] | frozenset[str]) -> str | None:
    for form in (word, *token_lemmas(word)):
        if form in table:
            return table[form] if isinstance(table, dict) else form
    return None


def _unit(word: str) -> str | None:
    units = attributes().units
    found = units.get(word) or units.get(word.rstrip(".")) or _lemma_in(word, units)
    cyrillic = translit(word)
    return found or (_unit(cyrillic) if cyrillic != word else None)


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


def read_numbers(folded: str, hits: tuple[Hit, ...]) -> Numbers:
    """Counts and sizes of one folded segment whose things are `hits`."""
    toks = _tokens(folded)
    ctx = _Context(
        hits[0].sense.category if hits else "",
        frozenset(hit.sense.kind.split("/")[0] for hit in hits),
    )
    attrs = attributes()
    counts: list[Count] = []
    sizes: list[str] = []
    skip_next = False
    for i, tok in enumerate(toks):
        if skip_next:
            skip_next = False
            continue
        text = tok.text
        prev = toks[i - 1].text if i > 0 else ""
        gap_before = folded[toks[i - 1].end : tok.start] if i > 0 else folded[: tok.start]
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        gap_after = folded[tok.end : toks[i + 1].start] if i + 1 < len(toks) else folded[tok.end :]
        approx = prev in attrs.approximately or "~" in gap_before
        unit_before = _unit(prev) if prev and _number(text)[0] is not None else None
        if text in _LETTER_SIZES and (hits or prev in attrs.not_before):
            sizes.append(text.upper())
            continue
        bed_size = _lemma_in(text, attrs.size_words)
        if bed_size:
            sizes.append(bed_size)
            continue
        if _DIMENSION.match(text):
            sizes.append(text.replace("х", "x"))
            continue
        glued = _GLUED_BEFORE.match(text)
        if glued:  # "р46", "сапоги39": a size or a stray digit, never a count
            if _marker(glued.group(1), attrs.not_before) == "size" or hits:
                sizes.append(glued.group(2))
            continue
        number, unit_word = text, nxt
        glued_after = _GLUED_AFTER.match(text)
        if glued_after:
            number, unit_word = glued_after.group(1), glued_after.group(2)
        value, high, estimated = _number(number)
        if value is None:
            counted_before = _number(prev)[0] is not None or prev in NUMBER_WORDS
            inside = prev in _INSIDE or _number(nxt)[0] is not None  # "в пакете", "відер 10"
            if glued_after is None and i > 0 and not counted_before and not inside:
                alone = _unit(text)
                if alone in _SELF_COUNTING and hits:
                    counts.append(Count(1, False, alone, i))
                    continue
            if _number(nxt)[0] is not None and _unit(text):
                continue  # "штук 40", "пар 25": the unit comes first, the number counts
            word_value = _word_value(text, nxt, ctx)
            sized = nxt in _LETTER_SIZES or _marker(nxt, attrs.not_before) == "size"
            if (
                word_value is not None
                and not sized
                and _marker(nxt, attrs.not_after) not in {"age", "size"}
            ):
                counts.append(Count(word_value[0], approx, word_value[1], i, prev == "по"))
                skip_next = bool(word_value[1]) and word_value[1] == _unit(nxt)
            continue
        # decimals "1,5": the digits after the comma are the next token
        if gap_after in {",", "."} and nxt.isdigit() and not glued_after:
            value_f = float(f"{number}.{nxt}")
            skip_next = True
            unit_word = toks[i + 2].text if i + 2 < len(toks) else ""
            value, estimated = math.ceil(value_f), True
        if i == 0 and re.match(r"^\s*[).]", gap_after) and not glued_after:
            continue  # "1) куртка", "2. обувь": a list number
        year = re.fullmatch(r"\d{4}", number) and 1950 <= int(number) <= 2035
        if year and not (_unit(unit_word) if unit_word else None):
            continue  # a year
        if "(" in gap_after and not glued_after:
            unit_word = ""  # "сапоги 39 (пара)": what is in brackets is not its unit
        why = _marker(unit_word, attrs.not_after)
        if gap_after.lstrip()[:1] in {'"', "”", "″"}:
            why = "measure"  # inches: 'телевизор 32"'
        unit = _unit(unit_word) if unit_word else None
        if unit == "kg" and ctx.category in _KG_IS_NOT_A_COUNT:
            why = _KG_IS_NOT_A_COUNT[ctx.category]
        if unit == "kg" and "diapers" in ctx.kinds:
            why = "size"
        if unit == "liters" and ctx.category == "appliances":
            why = "measure"
        before = _marker(prev, attrs.not_before) if not approx else None
        if why is None and before is not None and unit is None:
            why = before
        if why is not None:
            if why == "size" or before == "size":
                sizes.append(_size_text(value, high, number) + _weight_suffix(unit))
            elif why == "age" and value is not None:
                scale = "m" if _marker(unit_word, _MONTHS) else "y"
                sizes.append(_size_text(value, high, number) + scale)
            continue
        if value is None or value <= 0 or value > MAX_COUNT:
            continue
        if unit is None and _marker(prev, attrs.not_before) == "size":
            sizes.append(str(value))
            continue
        if unit is None and not _names_thing(i, hits) and _bare_is_size(value, ctx):
            sizes.append(_size_text(value, high, number))
            continue
        if unit is None and unit_before:
            unit = unit_before
        if unit == "pairs" or (unit is None and prev in _PAIR_WORDS):
            unit = "pairs"
        counts.append(
            Count(value, estimated or approx or high is not None, unit or "", i, prev == "по")
        )
        skip_next = skip_next or (unit is not None and not glued_after)
    return Numbers(tuple(counts), tuple(dict.fromkeys(sizes)))


#: Age words in months: "3-6 міс" is an age in months, "2 года" in years.
_MONTHS = {w: "m" for w in ("мес", "месяцев", "месяца", "месяц", "міс", "місяців", "місяця",
                            "місяць", "months", "month", "m", "мес.")}  # fmt: skip


def _weight_suffix(unit: str | None) -> str:
    """A size given in kg is a weight class ("9-14 кг" for diapers, car seats)."""
    return "kg" if unit == "kg" else ""


def _size_text(low: int | None, high: int | None, number: str) -> str:
    if low is None:
        return number
    return str(low) if high is None else f"{low}-{high}"


def _names_thing(i: int, hits: tuple[Hit, ...]) -> bool:
    """True when the word right after the number is a thing: "3 куртки"."""
    return any(hit.start in (i + 1, i + 2) for hit in hits)


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


def _word_value(word: str, nxt: str, ctx: _Context) -> tuple[int, str] | None:
    """A number word ("три", "пару", "десяток") with its unit, or None."""
    value = NUMBER_WORDS.get(word)
    if value is None and is_numeral(word):  # "семьи" is not "семь"
        for lemma in token_lemmas(word):
            if lemma in NUMBER_WORDS:
                value = NUMBER_WORDS[lemma]
                break
    if value is None:
        return None
    if word in _PAIR_WORDS or word.startswith("пар"):
        paired = ctx.category == "shoes" or _lemma_in(nxt, attributes().paired) is not None
        return (1, "pairs") if paired else (2, "")
    return value, _unit(nxt) or "" if nxt else ""
