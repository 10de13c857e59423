"""Medicine and food whose written shelf life ended by the month the donor wrote:
"парацетамол сироп, срок годности до 10.2014" in December 2014 is never proposed."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from matcher.text import fold

#: "срок годности до 10.2014", "годен до 03/15", "до 12.2014": a month and a year (after a
#: bare "до", a four-digit one: "забрать до 10.12" is a day and a month).
_MONTH_YEAR = re.compile(
    r"(?:(?:срок|термін|термин|годн|годен|придатн|exp)\D{0,25}?"
    r"(?<![\d.])(1[0-2]|0?[1-9])[./](20\d{2}|\d{2})(?![\d.])"
    r"|(?<!\w)до\s+(?<![\d.])(1[0-2]|0?[1-9])[./](20\d{2})(?![\d.]))"
)
#: "годен до 2013", "термін придатності 2014 р.": a year alone.
_YEAR = re.compile(r"(?:срок|термін|термин|годн|годен|придатн|exp)\D{0,25}?(?<!\d)(20\d{2})(?!\d)")


@lru_cache(maxsize=20_000)
def written_expiry(text: str) -> tuple[int, int] | None:
    """The last month the text says its things keep, as (year, month); a year alone
    keeps to its December."""
    folded = fold(text)
    found = _MONTH_YEAR.search(folded)
    if found:
        month, year = (found.group(1), found.group(2)) if found.group(1) else found.group(3, 4)
        return (int(year) if len(year) == 4 else 2000 + int(year), int(month))
    alone = _YEAR.search(folded)
    return (int(alone.group(1)), 12) if alone else None


def expired_when_written(text: str, written: datetime | None) -> bool:
    """True when the shelf life ends in the month the row was written, or before it:
    too late to deliver and use."""
    ends = written_expiry(text) if text and written else None
    return ends is not None and written is not None and ends <= (written.year, written.month)
