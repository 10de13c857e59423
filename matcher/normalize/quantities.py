"""Quantities: "2 шт", "5кг", "10 пачек", "два", "п'ять", "пара", "десяток", "несколько".

Vague or empty answers give 1 with `estimated=True`. Numbers that are sizes,
ages or years ("44 размер", "на 3 года") are not quantities.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from matcher import vocab
from matcher.normalize.morph import lemmas
from matcher.text import fold, tokens

MAX_QUANTITY = 10_000  # more than this is a phone, a year or a slip of the keyboard
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,6}(?:[.,]\d+)?)(?:\s*[-–—]\s*(\d{1,6}))?(?![\d])")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int
    estimated: bool


@dataclass(frozen=True, slots=True)
class QuantityVocabulary:
    numbers: dict[str, int]
    vague: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    counted_in_pairs: frozenset[str]


@cache
def quantity_vocabulary() -> QuantityVocabulary:
    where = "quantities.yaml"
    raw = vocab.require_mapping(vocab.load_yaml(where), where)
    numbers = vocab.folded_synonyms(raw.get("numbers"), f"{where}: numbers")

    def folded_set(key: str) -> frozenset[str]:
        entries = vocab.require_strings(raw.get(key) or [], f"{where}: {key}")
        return frozenset(vocab.require_folded(entries, f"{where}: {key}"))

    vague = folded_set("vague")
    clash = vague & set(numbers)
    if clash:
        raise vocab.VocabularyError(f"{where}: {sorted(clash)} are both numbers and vague")
    return QuantityVocabulary(
        numbers={k: int(v) for k, v in numbers.items()},
        vague=vague,
        not_after=folded_set("not_quantity_after"),
        not_before=folded_set("not_quantity_before"),
        counted_in_pairs=folded_set("counted_in_pairs"),
    )


def _digit_quantity(folded: str) -> tuple[int, bool] | None:
    voc = quantity_vocabulary()
    for found in _NUMBER.finditer(folded):
        before = tokens(folded[: found.start()])
        after = tokens(folded[found.end() :])
        glued = re.match(r"[^\W\d_]+", folded[found.end() :])  # "5кг", "44р"
        next_word = glued.group(0) if glued else (after[0] if after else "")
        if next_word in voc.not_after or (before and before[-1] in voc.not_before):
            continue
        low = float(found.group(1).replace(",", "."))
        if low <= 0 or low > MAX_QUANTITY:
            continue
        if found.group(2):
            return max(1, math.ceil(low)), True
        return max(1, math.ceil(low)), not low.is_integer()
    return None


def _word_number(token: str) -> int | None:
    numbers = quantity_vocabulary().numbers
    for lemma in lemmas(token) if not token.isdigit() else (token,):
        if lemma in numbers:
            return numbers[lemma]
    return None


@lru_cache(maxsize=100_000)
def parse_quantity(text: str, category: str = "") -> Quantity | None:
    """The quantity a text states, or None when it states none.

    `category` matters only for "пара": a pair of shoes is one item.
    """
    folded = fold(text)
    if not folded:
        return None
    digits = _digit_quantity(folded)
    if digits:
        return Quantity(*digits)
    voc = quantity_vocabulary()
    for token in tokens(folded):
        value = _word_number(token)
        if value is not None:
            if value == 2 and category in voc.counted_in_pairs and token.startswith("пар"):
                return Quantity(1, False)
            return Quantity(value, False)
    return None


def quantity_or_estimate(*texts: str, category: str = "") -> Quantity:
    """The first stated quantity among `texts`, else 1 estimated."""
    for text in texts:
        found = parse_quantity(text, category) if text else None
        if found:
            return found
    return Quantity(1, True)
