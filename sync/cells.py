"""What a pass writes into a cell, and how a cell read back compares with it.

A pass writes text as text, quantities and scores as numbers, and times as
dates, so that a spreadsheet sorts and sums them as such. A read gives every
cell back as the text the spreadsheet shows, and that text depends on the
program and its locale: 30 may come back as "30", "30.00" or "30,00", and a
date as "01.05.2026 14:00:00", "01.05.2026 14:00" or the serial number of
that day. `same_value` tells whether what a read found is what a pass would
write, whichever of these forms it came in.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

#: A cell as a pass writes it. A datetime is also a date: check it first.
Value = str | int | float | date

#: Day 0 of the serial numbers spreadsheets count days in (Excel's, Google's).
SERIAL_EPOCH = datetime(1899, 12, 30)
#: A number shown with two decimals is the same number within this.
_NUMBER_TOLERANCE = 0.005 + 1e-9
_MOMENT_FORMATS = (
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
)


def as_moment(value: date) -> datetime:
    """A date as the datetime of its midnight; a datetime as it is."""
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def to_serial(value: date) -> float:
    """Days since 30.12.1899, with the time of day as the fraction."""
    return round((as_moment(value) - SERIAL_EPOCH).total_seconds() / 86_400, 8)


def from_serial(serial: float) -> datetime:
    return SERIAL_EPOCH + timedelta(seconds=round(serial * 86_400))


def parse_number(text: str) -> float | None:
    """A number as a spreadsheet shows it: "30", "30.00", "30,00", "1 000"; None if not one."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        return float(cleaned.replace(",", "."))
    except ValueError:
        return None


def parse_moment(text: str) -> datetime | None:
    """A date or date-time as a spreadsheet shows it, or its serial number; None if not one."""
    text = text.strip()
    for pattern in _MOMENT_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    serial = parse_number(text)
    if serial is not None and 1 <= serial < 2_958_466:  # 1900 to 9999
        return from_serial(serial)
    return None


def same_value(shown: str, wanted: Value) -> bool:
    """Whether a cell a read shows as `shown` holds `wanted`."""
    if isinstance(wanted, str):
        return shown == wanted
    if isinstance(wanted, date):
        moment = parse_moment(shown)
        # Shown to the minute: the seconds may be gone.
        return moment is not None and abs(moment - as_moment(wanted)) < timedelta(minutes=1)
    number = parse_number(shown)
    return number is not None and abs(number - wanted) <= _NUMBER_TOLERANCE
