"""How many sizes a need asks "по 2 пары каждого размера" of: the sizes it lists,
a range of sizes counted size by size ("42-45": four), or the sizes listed in
the quantity cell itself ("по 10 пачек каждого размера (2,3,4,5)")."""

from __future__ import annotations

import re

from matcher.text import fold

#: "каждого размера", "на размер", "кожного розміру", "на кожен зріст".
_PER_SIZE = re.compile(r"(?:кажд\w*|кожн\w*|на)\s+(?:кожен\s+)?(?:размер|розмір|рост|зріст)")
_BRACKETED = re.compile(r"\(([\d,;\s]+)\)")
#: The step between two sizes of a range: shoes and diapers one by one, Russian
#: clothing sizes by two, children's heights by six centimetres.
_HEIGHTS_FROM = 50


def per_size(column: str) -> bool:
    return bool(_PER_SIZE.search(fold(column)))


def without_sizes(column: str) -> str:
    """The quantity cell without the sizes it lists in brackets."""
    return _BRACKETED.sub(" ", column)


def sizes_asked(size: str, category: str, column: str) -> int:
    """The number of sizes the need names (at least one)."""
    listed = _BRACKETED.search(column)
    if listed:
        return max(1, len(re.findall(r"\d+", listed.group(1))))
    total = 0
    sizes = [s.strip() for s in size.split(",") if s.strip()]
    # "Pampers 3 (4-9 кг) и 4 (7-18 кг)": the weights say what the sizes are
    plain = [s for s in sizes if not s.endswith("kg")]
    for one in plain or sizes:
        low, _, high = one.partition("-")
        if low.isdigit() and high.isdigit() and int(high) > int(low):
            total += (int(high) - int(low)) // _step(category, int(low)) + 1
        else:
            total += 1
    return max(1, total)


def _step(category: str, low: int) -> int:
    if category != "clothing":
        return 1
    return 6 if low >= _HEIGHTS_FROM else 2
