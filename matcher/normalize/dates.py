"""Form timestamps in every locale the Sheets UI produces.

"10.12.2014 14:03:27" (day first), "12/10/2014 14:03:27" or "10/12/2014
14:03:27" (slashes: the order the spreadsheet's locale writes, see
`day_first_in`), ISO 8601, and Excel/Sheets serial day numbers such as "45234.5".
Results are naive local wall-clock datetimes.

Without a locale (a workbook, where real dates arrive as datetimes and only
text typed by a person comes here) slashes are read month first unless the
first number is over 12, as Sheets in en_US writes them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

_EXCEL_EPOCH = datetime(1899, 12, 30)
_SERIAL = re.compile(r"^\d{4,5}(?:[.,]\d+)?$")
_TIME = r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?)?"
_DMY = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})" + _TIME + r"\s*$", re.I)
_YMD = re.compile(r"^(\d{4})([./-])(\d{1,2})\2(\d{1,2})" + _TIME + r"\s*$", re.I)
MIN_SERIAL, MAX_SERIAL = 20_000, 80_000  # 1954 .. 2119
#: How a date and a date-time are passed on once read: day first, as the workbook
#: shows real dates, which reads the same in every locale.
DATE_TEXT, DATE_TIME_TEXT = "%d.%m.%Y", "%d.%m.%Y %H:%M:%S"
#: Locales whose short date puts the month before the day (CLDR "M/d/yy"). The
#: other locales Google Sheets offers put the day first, or the year first
#: ("2014/12/10", which reads the same either way).
MONTH_FIRST_LOCALES = frozenset({"en_US", "es_US", "en_PH", "fil_PH", "en_PR"})


def day_first_in(locale: str) -> bool | None:
    """Whether a spreadsheet in `locale` ("en_GB", "ru_RU") writes the day before the
    month in "10/12/2014"; None when the locale is not known (no spreadsheet locale)."""
    name = locale.strip().replace("-", "_")
    if not name:
        return None
    return name not in MONTH_FIRST_LOCALES


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _time(match: re.Match[str], first: int) -> tuple[int, int, int]:
    hour = int(match.group(first) or 0)
    minute = int(match.group(first + 1) or 0)
    second = int(match.group(first + 2) or 0)
    meridian = (match.group(first + 3) or "").lower().replace(".", "")
    if meridian == "pm" and hour < 12:
        hour += 12
    elif meridian == "am" and hour == 12:
        hour = 0
    return hour, minute, second


def from_serial(value: float) -> datetime:
    """A spreadsheet's serial day number (days since 30 December 1899, the time of day as
    the fraction) as a wall-clock datetime, to the second."""
    moment = _EXCEL_EPOCH + timedelta(days=value)
    return moment.replace(microsecond=0) + timedelta(seconds=round(moment.microsecond / 1e6))


def _from_serial(text: str) -> datetime | None:
    value = float(text.replace(",", "."))
    return from_serial(value) if MIN_SERIAL <= value <= MAX_SERIAL else None


@lru_cache(maxsize=100_000)
def parse_timestamp(raw: str, day_first: bool | None = None) -> datetime | None:
    """The datetime a cell holds, or None when it cannot be read.

    `day_first` is the order of "a/b/yyyy" in the spreadsheet's locale (see
    `day_first_in`); None reads it month first unless `a` is over 12. Dots and
    dashes ("10.12.2014") are day first in every locale. A date that reads only
    one way ("25/12/2014") is read that way whatever the order.
    """
    text = (raw or "").strip()
    if not text:
        return None
    try:
        if _SERIAL.match(text):
            return _from_serial(text)
        match = _YMD.match(text)
        if match:
            year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
            return datetime(year, month, day, *_time(match, 5))
        match = _DMY.match(text)
        if match:
            first, sep, second = int(match.group(1)), match.group(2), int(match.group(3))
            day, month = (first, second)
            if sep == "/" and _month_first(first, day_first):
                day, month = second, first
            if month > 12 and day <= 12:
                day, month = month, day
            return datetime(_year(match.group(4)), month, day, *_time(match, 5))
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None


def _month_first(first: int, day_first: bool | None) -> bool:
    if day_first is None:
        return first <= 12  # Sheets in en_US writes month/day/year
    return not day_first
