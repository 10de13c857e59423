"""updateCells, for the values it writes: each cell's userEnteredValue.

Modelled from the API reference (UpdateCellsRequest, CellData, ExtendedValue):
rows of CellData written from `start` (a GridCoordinate) or over `range` (cells
of the range the rows do not reach are cleared, as the reference says of a
range with the fields mask); `fields` must name userEnteredValue. A stringValue
is stored as text, as typed with RAW; numberValue and boolValue as such; a
formulaValue is evaluated; a CellData without a value clears its cell. Notes,
formats and other fields of CellData are not modelled.
"""

from __future__ import annotations

from typing import Any

from .batch_update import Reply, _sheet, required_mask
from .cells import Cell, entered
from .errors import bad_request
from .state import Area, Spreadsheet, grid_limits


def update_cells(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    mask = required_mask(payload)
    if set(mask) - {"userEnteredValue"}:
        raise bad_request(f"the emulator models only userEnteredValue, not {sorted(mask)}")
    span, start = payload.get("range"), payload.get("start")
    if (span is None) == (start is None):
        raise bad_request("Exactly one of start or range must be set")
    where = span if span is not None else start
    sheet = _sheet(book, where.get("sheetId"))
    rows = payload.get("rows") or []
    if span is not None:
        row0, col0 = int(span.get("startRowIndex", 0)), int(span.get("startColumnIndex", 0))
        row1 = int(span.get("endRowIndex", sheet.rows))
        col1 = int(span.get("endColumnIndex", sheet.cols))
    else:
        row0, col0 = int(start.get("rowIndex", 0)), int(start.get("columnIndex", 0))
        row1 = row0 + len(rows)
        col1 = col0 + max((len(r.get("values") or []) for r in rows), default=0)
    if row1 > sheet.rows or col1 > sheet.cols:
        raise grid_limits(Area(sheet, row0, col0, row1, col1))
    for r in range(row0, row1):
        values = (rows[r - row0].get("values") or []) if r - row0 < len(rows) else []
        for c in range(col0, col1):
            cell = _cell(values[c - col0]) if c - col0 < len(values) else None
            if cell is None:
                sheet.cells.pop((r, c), None)
            else:
                sheet.cells[(r, c)] = cell
    return {}


def _cell(data: dict[str, Any]) -> Cell | None:
    value = data.get("userEnteredValue") or {}
    if "stringValue" in value:
        return Cell(str(value["stringValue"])) if value["stringValue"] != "" else None
    if "numberValue" in value or "boolValue" in value:
        return entered(value.get("numberValue", value.get("boolValue")), user_entered=False)
    if "formulaValue" in value:
        return entered(str(value["formulaValue"]), user_entered=True)
    return None
