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
    r"|комнат|кімнат|этаж|поверх|дом|будин|палат)"
)
#: "на семью", "на каждого ребенка", "на этаж": for each one of them.
_FOR_EACH_ONE = rf"на\s+(?:(?:каждо|кожн|одн)\w*\s+)?{_HEAD}"
#: "2 упаковки на каждого малыша": so much for each of them, with no "по".
_EACH = re.compile(rf"(?<![\d.,])(\d{{1,3}})\s*([^\W\d_]+\.?)?\s+{_FOR_EACH_ONE}")
#: One of a thing in words after "по": "по паре", "по комплекту", "по одному".
_ONE = r"(?:паре|пару|комплекту|одному|одной|одній|штуке|штуці|набору)"
#: "по 4 матраса и 4 одеяла", "по 1 щетке и 1 тюбику", "по паре": so much of each
#: thing each of them gets.
_BY_EACH = re.compile(
    rf"(?<![^\W\d_])по\s+(?:(\d{{1,3}})|{_ONE})(?![\d.,])\s*(?!(?:на|и|і|та|й)\b)([^\W\d_]+\.?)?"
    r"((?:\s+(?:и|і|та|й)\s+\d{1,3}\s*[^\W\d_]*)*)"
)
_AND_MORE = re.compile(r"(?<![\d.,])(\d{1,3})(?![\d.,])")
#: "... на семью", "... на каждого ребенка" right after so much each.
_FOR_ONE = re.compile(rf"\s*[-–—,]?\s*{_FOR_EACH_ONE}")
#: "на 48 детей": for how many people, said outright.
_FOR_HEADS = re.compile(rf"(?<![^\W\d_])на\s+(\d{{1,4}})\s*{_HEAD}")
#: "70 осіб", "малышей 6": how many of them (the second order only in the quantity
#: cell: "колготи дитячі 1-3 роки" names an age).
_HEADS = re.compile(rf"(?<![\d.,])(\d{{1,4}})\s*{_HEAD}|{_HEAD}\w*\s+(\d{{1,4}})(?![\d.,])")


def per_head(column: str, item: str) -> tuple[int, str] | None:
    """ "по 2 кг на семью, 25 семей": 50, and the word of the unit each is counted in
    ("кг"); "кастрюли по 1 на семью и сковородки по 1 на семью, 14 семей": 28 (every
    "по" adds); "на 48 детей по 1 щетке и 1 тюбику": 96. None unless so much each,
    for whom ("на семью", or "на 48 детей" outright) and how many are all written."""
    item_text = fold(item)
    text = f"{item_text} | {fold(column)}"
    each, unit, marked, taken = 0, "", False, []
    for found in _BY_EACH.finditer(text):
        each += int(found.group(1) or 1) + sum(int(n) for n in _AND_MORE.findall(found.group(3)))
        unit = unit or (found.group(2) or "")
        marked = marked or bool(_FOR_ONE.match(text, found.end()))
        taken.append(found.span())
    if not each:
        plain = _EACH.search(text)
        if not plain:
            return None
        each, unit, marked = int(plain.group(1)), plain.group(2) or "", True
        taken.append(plain.span())
    said = [int(h.group(1)) for h in _FOR_HEADS.finditer(text)]
    if not marked and not said:
        return None  # "по 15" of each thing, whoever they are for
    at_item = len(item_text) + 3  # where the quantity cell starts
    heads = said + [
        int(h.group(1) or h.group(2))
        for h in _HEADS.finditer(text)
        if not any(start <= h.start() < end for start, end in taken)
        and (h.start() >= at_item or h.group(1))
    ]
    if not heads:
        return None
    return each * max(heads), unit.rstrip(".")
