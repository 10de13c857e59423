"""Reading a source tab from Google: one spreadsheets.get with its settings and grid data.

values.batchGet cannot carry the spreadsheet's properties, so a source tab is
read with spreadsheets.get instead: the same one request gives the locale, the
time zone and every cell. A cell that holds a date (a Form's timestamp, a date
a person typed) is read from its serial number, which is the same in every
locale; a number (a phone or a quantity the Form stored as one) as its digits;
anything else as Google shows it.
"""

from __future__ import annotations

from typing import Any

from matcher.normalize.dates import DATE_TEXT, DATE_TIME_TEXT, from_serial
from sync.backends.base import SourceSheet
from sync.plan import trim_grid

#: What the read asks for: nothing else comes back, and a text only once (as shown).
SOURCE_FIELDS = (
    "properties(locale,timeZone),"
    "sheets(properties(title),data(rowData(values("
    "formattedValue,effectiveValue/numberValue,effectiveFormat/numberFormat/type))))"
)
#: Dates as the workbook backend shows real datetimes, so both read the same.
_DATE_TEXT = {"DATE": DATE_TEXT, "DATE_TIME": DATE_TIME_TEXT, "TIME": "%H:%M:%S"}


def source_sheet(answer: dict[str, Any]) -> SourceSheet:
    """The SourceSheet in a spreadsheets.get answer for one range with SOURCE_FIELDS."""
    properties = answer.get("properties") or {}
    sheets = answer.get("sheets") or [{}]
    data = (sheets[0].get("data") or [{}])[0]
    rows = [[cell_text(cell) for cell in row.get("values", [])] for row in data.get("rowData", [])]
    return SourceSheet(
        trim_grid(rows), str(properties.get("locale", "")), str(properties.get("timeZone", ""))
    )


def cell_text(cell: dict[str, Any]) -> str:
    number = (cell.get("effectiveValue") or {}).get("numberValue")
    kind = ((cell.get("effectiveFormat") or {}).get("numberFormat") or {}).get("type")
    if isinstance(number, int | float):
        if kind in _DATE_TEXT:
            return from_serial(number).strftime(_DATE_TEXT[kind])
        if kind in (None, "NUMBER") and float(number).is_integer():
            return _digits(int(number))
    return str(cell.get("formattedValue", ""))


#: A Ukrainian mobile or landline number stored as a number loses its leading 0
#: ("0501234567" is kept as 501234567): nine digits from 3 to 9 are such a number.
_NINE_DIGITS = range(300_000_000, 1_000_000_000)


def _digits(number: int) -> str:
    """A whole number as typed: the Form's number for "0501234567" gets its 0 back,
    so the phone reads as the person wrote it, not as a number missing a digit."""
    return f"0{number}" if number in _NINE_DIGITS else str(number)
