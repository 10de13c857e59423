"""What a row offers or needs: one line per category, with its own text and quantity.

"Одежда, Посуда" + "детская одежда 2 пакета, кастрюли" gives
clothing ("детская одежда 2 пакета", 2) and kitchenware ("кастрюли", estimated).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from matcher.normalize.categories import OTHER, Segment, codes_in, segments, split_segments
from matcher.normalize.quantities import Quantity, parse_quantity
from matcher.normalize.text import fold


@dataclass(frozen=True, slots=True)
class ItemLine:
    category: str
    item: str
    quantity: Quantity | None  # None: the text states no quantity


@dataclass(frozen=True, slots=True)
class Items:
    lines: tuple[ItemLine, ...]
    recognized: bool  # False: nothing named a category, the line is "other"


def _label_parts(labels: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(part, codes_in(fold(part))) for part in split_segments(labels)]


def _ordered(codes: list[str]) -> list[str]:
    unique = list(dict.fromkeys(codes))
    real = [code for code in unique if code != OTHER]
    return real or unique


@lru_cache(maxsize=50_000)
def read_items(labels: str, text: str, *, labels_decide: bool) -> Items:
    """Lines for the categories named in `labels` (a checkbox answer or a category
    cell) and in the free `text`.

    With `labels_decide`, recognized labels alone set the categories (a need's
    category column); otherwise labels and text are combined (a donor's
    checkboxes plus what the details mention).
    """
    label_parts = _label_parts(labels)
    text_segments: list[Segment] = segments(text) if text else []
    label_codes = [c for _, codes in label_parts for c in codes]
    text_codes = [c for seg in text_segments for c in seg.codes]
    if labels_decide and [c for c in label_codes if c != OTHER]:
        codes = _ordered(label_codes)
    else:
        codes = _ordered(label_codes + text_codes)
    recognized = bool(codes)
    if not codes:
        codes = [OTHER]
    lines = []
    for code in codes:
        own = [seg.text for seg in text_segments if code in seg.codes]
        if len(codes) == 1 and text:
            item = text
            quantity = parse_quantity(text, code)
        elif own:
            item = ", ".join(own)
            quantity = parse_quantity(item, code)
        else:
            named = [part for part, part_codes in label_parts if code in part_codes]
            item = ", ".join(named) or text or labels
            quantity = None
        lines.append(ItemLine(code, item, quantity))
    return Items(tuple(lines), recognized)
