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


#: Who a thing is counted for: "семью", "людину", "каждого малыша".
_HEAD = r"(?:сем|сім|люд|чел|осіб|особ|дит|дет|малыш|малюк|ребен|двор|пенсіонер|пенсионер)"
#: "по 2 кг на семью", "2 упаковки на каждого малыша": so much for each of them.
_EACH = re.compile(
    rf"(?<![\d.,])(\d{{1,3}})\s*([^\W\d_]+\.?)?\s+на\s+(?:(?:каждо|кожн|одн)\w*\s+)?{_HEAD}"
)
#: "70 осіб", "малышей 6": how many of them.
_HEADS = re.compile(rf"(?<![\d.,])(\d{{1,4}})\s*{_HEAD}|{_HEAD}\w*\s+(\d{{1,4}})(?![\d.,])")


def per_head(column: str, item: str) -> tuple[int, str] | None:
    """ "по 2 кг на семью, 25 семей": 50, and the word of the unit each is counted in
    ("кг"); None unless both so much each and how many are written."""
    each = _EACH.search(fold(f"{item} | {column}"))
    if not each:
        return None
    heads = _HEADS.search(fold(column))
    if not heads:
        return None
    count = heads.group(1) or heads.group(2)
    return int(each.group(1)) * int(count), (each.group(2) or "").rstrip(".")
