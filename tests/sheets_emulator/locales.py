"""What a spreadsheet's locale changes: how typed text is read, and how values are shown.

Dates and date-times are stored as serial numbers (days since 30 December 1899,
the time of day as the fraction) with a number format of type DATE or
DATE_TIME and no pattern, so they are shown in the spreadsheet's locale
("If not set, a default pattern based on the user's locale will be used",
NumberFormat in the API reference). The patterns below are the ones the Sheets
UI shows for each locale; a locale missing here behaves as en_US.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

EPOCH = datetime(1899, 12, 30)
DATE_KINDS = ("DATE", "DATE_TIME")
_TOKEN = re.compile(r"yyyy|MM?|dd?|HH?|mm|ss")
_TIME = r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)


@dataclass(frozen=True)
class Locale:
    decimal: str  # the decimal mark
    day_first: bool  # how "10/12/2014" (or "10.12.2014") typed into a cell is read
    separator: str  # between day, month and year, typed and shown
    date: str  # the default pattern of a DATE
    date_time: str  # the default pattern of a DATE_TIME

    def typed_date(self) -> re.Pattern[str]:
        sep = re.escape(self.separator)
        return re.compile(rf"(\d{{1,2}}){sep}(\d{{1,2}}){sep}(\d{{4}})" + _TIME)


_DOTS = Locale(",", True, ".", "dd.MM.yyyy", "dd.MM.yyyy H:mm:ss")
LOCALES = {
    "en_US": Locale(".", False, "/", "M/d/yyyy", "M/d/yyyy H:mm:ss"),
    "en_GB": Locale(".", True, "/", "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss"),
    "ru_RU": _DOTS,
    "uk_UA": _DOTS,
}


def locale_of(name: str | None) -> Locale:
    return LOCALES.get(name or "", LOCALES["en_US"])


def to_serial(moment: datetime) -> float:
    return (moment - EPOCH) / timedelta(days=1)


def from_serial(serial: float) -> datetime:
    moment = EPOCH + timedelta(days=serial)
    return moment.replace(microsecond=0) + timedelta(seconds=round(moment.microsecond / 1e6))


def format_date(serial: float, kind: str, locale: Locale) -> str:
    moment = from_serial(serial)
    parts = {
        "yyyy": f"{moment.year:04d}",
        "MM": f"{moment.month:02d}",
        "M": str(moment.month),
        "dd": f"{moment.day:02d}",
        "d": str(moment.day),
        "HH": f"{moment.hour:02d}",
        "H": str(moment.hour),
        "mm": f"{moment.minute:02d}",
        "ss": f"{moment.second:02d}",
    }
    return _TOKEN.sub(lambda token: parts[token.group()], pattern_of(kind, locale))


def pattern_of(kind: str, locale: Locale) -> str:
    return locale.date_time if kind == "DATE_TIME" else locale.date


def parse_date(text: str, locale: Locale) -> tuple[float, str] | None:
    """(serial, DATE or DATE_TIME) for a date typed in this locale, or ISO; else None."""
    found = _ISO.fullmatch(text)
    if found:
        year, month, day = (int(found.group(i)) for i in (1, 2, 3))
    else:
        found = locale.typed_date().fullmatch(text)
        if not found:
            return None
        first, second, year = (int(found.group(i)) for i in (1, 2, 3))
        day, month = (first, second) if locale.day_first else (second, first)
    hour, minute, second_ = (int(found.group(i) or 0) for i in (4, 5, 6))
    try:
        moment = datetime(year, month, day, hour, minute, second_)
    except ValueError:
        return None
    return to_serial(moment), "DATE_TIME" if found.group(4) else "DATE"
