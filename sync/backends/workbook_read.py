"""Reading a workbook's tabs as the text people typed: through calamine, several times
faster than openpyxl's read-only mode, except a tab holding a formula, which
openpyxl reads formula as typed (calamine gives the value it last showed). Both
give the same text for every cell. Also the furniture of a tab openpyxl loaded.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection, Sequence
from datetime import date, datetime, time
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineSheet, CalamineWorkbook

from sync.backends import workbook_style as style
from sync.backends.xlsx_parts import tabs_with_formulas
from sync.ops import progress
from sync.plan import Grid, TabShape, trimmed


def furniture(sheet: Worksheet, key: str) -> TabShape:
    return TabShape(
        title=sheet.title,
        frozen_rows=style.frozen_rows(sheet),
        dropdowns=style.full_dropdowns(sheet),
        highlights=style.highlighted(sheet),
        marked=style.is_marked(sheet, key),
    )


def read_sheet(sheet: Any) -> Grid:
    rows = progress.active().iterate(sheet.iter_rows(values_only=True), "rows read", sheet.max_row)
    return trimmed([[as_text(v) for v in row] for row in rows])


def grids_of(
    data: bytes, titles: Sequence[str], formulas: Collection[str] | None = None
) -> dict[str, Grid]:
    """The tabs titled `titles` that the workbook `data` has: through calamine, except
    a tab holding a formula, which openpyxl reads as typed. `formulas`: those of the
    tabs known to hold one, when the caller looked already."""
    if formulas is None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            formulas = tabs_with_formulas(archive, set(titles))
    formulas = set(formulas) & set(titles)
    texts = Texts()  # one for every tab: the same ids, names and phones recur across tabs
    with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        present = set(book.sheet_names)
        grids = {
            title: read_calamine(book.get_sheet_by_name(title), texts)
            for title in titles
            if title in present and title not in formulas
        }
    if formulas:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            grids.update({title: read_sheet(book[title]) for title in formulas})
        finally:
            book.close()
    return grids


class Texts:
    """The text of each distinct cell value of a read, made once and shared.

    A coordination workbook at 100,000 rows holds 10 million cells but only about a
    million distinct texts: keeping one copy of each holds 110 MB of strings where a
    copy per cell held 780 MB. Numbers and dates repeat too (a pass's time, counts),
    and each is shown once; they are keyed with their type, since 1.0 and True are
    equal keys that show as "1" and "TRUE"."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.shown: dict[tuple[type, object], str] = {}

    def row(self, values: Sequence[object]) -> list[str]:
        strings, show = self.strings.setdefault, self.show
        return [strings(v, v) if isinstance(v, str) else show(v) for v in values]

    def show(self, value: object) -> str:
        key = (type(value), value)
        found = self.shown.get(key)
        if found is None:
            found = self.shown[key] = self.strings.setdefault(text := calamine_text(value), text)
        return found


def read_calamine(sheet: CalamineSheet, texts: Texts | None = None) -> Grid:
    # From A1: calamine would otherwise start at the first cell that holds a value.
    rows = sheet.to_python(skip_empty_area=False)
    row = (texts or Texts()).row
    return trimmed([row(values) for values in rows])


def calamine_text(value: object) -> str:
    """A cell calamine read, as the text openpyxl's reading gives: calamine gives a
    date where openpyxl gives the datetime of its midnight."""
    if type(value) is date:
        value = datetime(value.year, value.month, value.day)
    return as_text(value)


def as_text(value: object) -> str:
    """A cell as the person typed it; numbers and dates as a form export shows them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    return str(value)
