"""sortRange, as Data > Sort range does it: whole rows of the range move together.

Modelled from the API reference (SortRangeRequest, SortSpec): rows are ordered by
each spec in turn, ascending or descending; within the range, cells of a blank
sort value go last whatever the order; numbers come before text, text compares
case-insensitively, and rows that compare equal keep their order. Only values
move: formats set by range (repeatCell) stay where they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .batch_update import Reply, _sheet
from .cells import Cell
from .errors import bad_request
from .state import Sheet, Spreadsheet


def sort_range(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    span = payload.get("range") or {}
    sheet = _sheet(book, span.get("sheetId"))
    specs = []
    for spec in payload.get("sortSpecs") or []:
        if "dimensionIndex" not in spec:
            raise bad_request("sortSpecs[].dimensionIndex is required")
        specs.append((int(spec["dimensionIndex"]), spec.get("sortOrder") == "DESCENDING"))
    row0, row1 = int(span.get("startRowIndex", 0)), int(span.get("endRowIndex", sheet.rows))
    col0, col1 = int(span.get("startColumnIndex", 0)), int(span.get("endColumnIndex", sheet.cols))
    sort_rows(sheet, row0, row1, specs or [(col0, False)], col0, col1)
    return {}


def sort_rows(
    sheet: Sheet,
    row0: int,
    row1: int,
    specs: Sequence[tuple[int, bool]],
    col0: int = 0,
    col1: int | None = None,
) -> None:
    """Reorder rows [row0, row1) of the columns [col0, col1) by `specs`
    ((column, descending), most significant first)."""
    col1 = sheet.cols if col1 is None else col1

    def inside(r: int, c: int) -> bool:
        return row0 <= r < row1 and col0 <= c < col1

    rows: dict[int, dict[int, Cell]] = {}
    for (r, c), cell in sheet.cells.items():
        if inside(r, c):
            rows.setdefault(r, {})[c] = cell
    order = list(range(row0, min(row1, max(rows, default=row0 - 1) + 1)))
    for column, descending in reversed(specs):  # stable sorts, least significant first
        filled = [r for r in order if _value(rows.get(r, {}), column) != ""]
        blank = [r for r in order if _value(rows.get(r, {}), column) == ""]
        filled.sort(key=lambda r: _rank(_value(rows[r], column)), reverse=descending)
        order = filled + blank
    moved = {(r, c): cell for (r, c), cell in sheet.cells.items() if not inside(r, c)}
    for new_row, old_row in zip(range(row0, row0 + len(order)), order, strict=True):
        for c, cell in rows.get(old_row, {}).items():
            moved[(new_row, c)] = cell
    sheet.cells = moved


def _value(row: dict[int, Cell], column: int) -> Any:
    cell = row.get(column)
    return "" if cell is None else cell.value


def _rank(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (2, value)
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value).casefold())
