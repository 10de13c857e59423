"""What a need partly met still asks for, from its quantity cell: "нужно 40, уже
привезли 15" asks for 25 now, "ещё 3 (5 уже получили)" for 3."""

from __future__ import annotations

import re

from matcher.text import fold

_COUNT = r"(\d+(?:[.,]\d+)?\s*(?:[^\W\d_]+\.?)?)"
#: "ещё нужно 75", "остаток 35", "нужно ещё 7", "ще 3": only that is asked now.
_STILL_NEEDED = re.compile(
    r"(?:ещ[её]\s+(?:нужн|надо)\w*|ще\s+(?:потрібн\w*|треба)|(?:нужн|надо|потрібн|треба)\w*"
    rf"\s+(?:ещ[её]|ще)|осталось|остаток|залишилось|залишок)\s*[:\-–—]?\s*{_COUNT}"
)
#: "ещё 3", "ще 3" alone: what is left, when the cell also says what came.
_MORE = re.compile(rf"(?<!\w)(?:ещ[её]|ще)\s+{_COUNT}")
_BROUGHT = (
    r"(?:получил[аи]?|привезл[аи]?|привез|выдал[аи]?|принесл[аи]?|принес|дали|отримал[аи]?"
    r"|отримав|видал[аи]?|закрыл[аи]?|закрил[аи]?|собрал[аи]?|зібрал[аи]?|зібрав)"
)
#: "4 уже есть", "13 уже стоят": had, said only after the count.
_GOT = rf"(?:{_BROUGHT}|стоят|стоять|есть|є)"
#: "уже привезли 15", "получили 9", "выдали 80": what came, the verb first.
_GOT_THEN_COUNT = re.compile(
    rf"(?<!\w)(?:(?:уже|вже)\s+)?{_BROUGHT}(?!\w)\s*[:\-–—]?\s*(\d+)(?!\d|[.,]\d)"
)
#: "10 уже принесли", "4 уже есть", "13 уже стоят": what came, the count first.
_COUNT_THEN_GOT = re.compile(
    rf"(?<![\d.,\w])(\d+|один|одна|одно|одну)\s+(?:[^\W\d_]+\.?\s+)?"
    rf"(?:(?:уже|вже)\s+(?:{_GOT}|[^\W\d_]+)|{_BROUGHT}|(?<=[^\d\s]\s)(?:есть|є))(?!\w)"
)  # "24 уже одели", "20 кг уже дали", "10 одеял уже есть", "один есть"
_NUMBER = re.compile(r"(?<![\d.,])(\d+)(?![\d.,]\d)\s*([^\W\d_]+\.?)?")


def more_asked(folded: str) -> bool:
    """ "ещё 3", "ще 2", "ещё нужно 15" in a folded text: more of the thing is asked for."""
    return _MORE.search(folded) is not None or _STILL_NEEDED.search(folded) is not None


def partly_met(column: str) -> tuple[str | None, int]:
    """What a quantity cell says of a need partly met: the part that says what is
    still asked ("нужно 40, уже привезли 15": "25"), or None when it says no such
    thing; and, when it does not, how many of the things are already there ("по 1
    на номер, 40 номерів, 15 вже є": 15; 0 when none is said)."""
    folded = fold(column)
    still = _STILL_NEEDED.search(folded)
    if still:  # "нужно 120, получили 45, ещё нужно 75", "остаток 35 (из 100)"
        return still.group(1), 0
    got = _GOT_THEN_COUNT.search(folded) or _COUNT_THEN_GOT.search(folded)
    if got is None:
        return None, 0
    more = _MORE.search(folded)
    if more:  # "ещё 3 (5 уже получили)"
        return more.group(1), 0
    rest = folded[: got.start()] + " " + folded[got.end() :]
    asked = list(_NUMBER.finditer(rest))
    there = int(got.group(1)) if got.group(1).isdigit() else 1  # "один есть"
    if len(asked) != 1 or int(asked[0].group(1)) <= there:
        return None, there  # no single total to take it from
    left = int(asked[0].group(1)) - there
    return f"{left} {asked[0].group(2) or ''}".strip(), 0
