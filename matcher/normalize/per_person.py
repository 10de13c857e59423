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
