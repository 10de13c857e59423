"""Grid data in spreadsheets.get: GridData per range, CellData per cell.

Each cell gives its userEnteredValue, effectiveValue, formattedValue (in the
spreadsheet's locale), and its formats. Only number formats of dates are
modelled: a typed date's own format has the type and no pattern, its effective
format the pattern of the spreadsheet's locale. Google leaves out empty
messages: an empty cell is {}, a row without cells is {}, and trailing ones go.
"""

from __future__ import annotations

from typing import Any

from .a1 import Bounds
from .cells import FORMULA_ERROR, Cell, Scalar, formatted
from .locales import locale_of, pattern_of
from .state import Sheet

_WHITE = {"red": 1, "green": 1, "blue": 1}
DEFAULT_FORMAT: dict[str, Any] = {
    "backgroundColor": _WHITE,
    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
    "verticalAlignment": "BOTTOM",
    "wrapStrategy": "OVERFLOW_CELL",
    "textFormat": {
        "foregroundColor": {},
        "fontFamily": "arial,sans,sans-serif",
        "fontSize": 10,
        "bold": False,
        "italic": False,
        "strikethrough": False,
        "underline": False,
        "foregroundColorStyle": {"rgbColor": {}},
    },
    "backgroundColorStyle": {"rgbColor": _WHITE},
}
ROW_PIXELS, COLUMN_PIXELS = 21, 100


def sheet_data(sheet: Sheet, bounds: Bounds, locale: str) -> dict[str, Any]:
    """One GridData: the cells of `bounds` (clipped to the grid) and their sizes."""
    row0, col0 = bounds.row0 or 0, bounds.col0 or 0
    row1 = sheet.rows if bounds.row1 is None else min(bounds.row1, sheet.rows)
    col1 = sheet.cols if bounds.col1 is None else min(bounds.col1, sheet.cols)
    last_column: dict[int, int] = {}
    for r, c in sheet.cells:
        if row0 <= r < row1 and col0 <= c < col1:
            last_column[r] = max(c, last_column.get(r, c))
    data: dict[str, Any] = {}
    if row0:
        data["startRow"] = row0
    if col0:
        data["startColumn"] = col0
    if last_column:
        data["rowData"] = [
            _row(sheet, r, col0, last_column.get(r), locale)
            for r in range(row0, max(last_column) + 1)
        ]
    data["rowMetadata"] = [{"pixelSize": ROW_PIXELS} for _ in range(row0, row1)]
    data["columnMetadata"] = [{"pixelSize": COLUMN_PIXELS} for _ in range(col0, col1)]
    return data


def _row(sheet: Sheet, row: int, col0: int, last: int | None, locale: str) -> dict[str, Any]:
    if last is None:
        return {}
    cells = [sheet.cells.get((row, c)) for c in range(col0, last + 1)]
    return {"values": [{} if cell is None else cell_data(cell, locale) for cell in cells]}


def cell_data(cell: Cell, locale: str) -> dict[str, Any]:
    value = _extended(cell)
    data: dict[str, Any] = {
        "userEnteredValue": {"formulaValue": cell.formula} if cell.formula else value,
        "effectiveValue": value,
        "formattedValue": formatted(cell, locale),
        "effectiveFormat": dict(DEFAULT_FORMAT),
    }
    if cell.number_format:
        pattern = pattern_of(cell.number_format, locale_of(locale))
        data["userEnteredFormat"] = {"numberFormat": {"type": cell.number_format}}
        data["effectiveFormat"]["numberFormat"] = {"type": cell.number_format, "pattern": pattern}
    return data


def _extended(cell: Cell) -> dict[str, Scalar | dict[str, str]]:
    """An ExtendedValue: exactly one of numberValue, stringValue, boolValue, errorValue."""
    if cell.formula is not None and cell.value == FORMULA_ERROR:
        return {"errorValue": {"type": "ERROR", "message": "Formula parse error."}}
    if isinstance(cell.value, bool):
        return {"boolValue": cell.value}
    if isinstance(cell.value, int | float):
        return {"numberValue": cell.value}
    return {"stringValue": cell.value}


def prune(data: dict[str, Any]) -> dict[str, Any]:
    """After a field mask: drop the parts of cells, the cells, rows and lists left empty."""
    rows = data.get("rowData")
    if rows is None:
        return data
    for row in rows:
        values = [_without_empty(cell) for cell in row.get("values", [])]
        row.update(values=values)
        while values and values[-1] == {}:
            values.pop()
        if values == []:
            del row["values"]
    while rows and rows[-1] == {}:
        rows.pop()
    if not rows:
        del data["rowData"]
    return data


def _without_empty(value: dict[str, Any]) -> dict[str, Any]:
    """A masked message without the messages inside it that the mask left empty."""
    kept = {k: _without_empty(v) if isinstance(v, dict) else v for k, v in value.items()}
    return {k: v for k, v in kept.items() if v != {}}
