"""Reading and writing rectangles of cells on a sheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .a1 import column_letters
from .cells import Cell, Rendering, Scalar, entered, render
from .errors import bad_request, invalid_list_value
from .state import Area, Sheet, grid_limits


def read(area: Area, how: Rendering, major: str) -> list[list[Scalar]]:
    """Rows (or columns) of the area, trailing empty cells and lines trimmed as Google does."""
    present = [
        (r, c)
        for (r, c) in area.sheet.cells
        if area.row0 <= r < area.row1 and area.col0 <= c < area.col1
    ]
    if not present:
        return []
    last_row = max(r for r, _ in present) + 1
    last_col = max(c for _, c in present) + 1
    rows, cols = range(area.row0, last_row), range(area.col0, last_col)
    if major == "COLUMNS":
        lines = [[_shown(area.sheet, r, c, how) for r in rows] for c in cols]
    else:
        lines = [[_shown(area.sheet, r, c, how) for c in cols] for r in rows]
    return [_trim(line) for line in lines]


def _shown(sheet: Sheet, row: int, col: int, how: Rendering) -> Scalar:
    cell = sheet.cells.get((row, col))
    return "" if cell is None else render(cell, how)


def _trim(line: list[Scalar]) -> list[Scalar]:
    while line and line[-1] == "":
        line.pop()
    return line


def value_range(area: Area, how: Rendering, major: str) -> dict[str, Any]:
    body: dict[str, Any] = {"range": area.a1(), "majorDimension": major}
    values = read(area, how, major)
    if values:
        body["values"] = values
    return body


def as_rows(values: Any, major: str | None, field_name: str) -> list[list[Any]]:
    """The input checked to be a list of lists and turned row-major."""
    if not isinstance(values, list) or not all(isinstance(v, list) for v in values):
        raise invalid_list_value(field_name, values)
    if major != "COLUMNS":
        return values
    height = max((len(column) for column in values), default=0)
    return [[col[i] if i < len(col) else None for col in values] for i in range(height)]


@dataclass
class Written:
    """What one write changed, in the terms of Google's Update*Response."""

    area: Area
    cells: set[tuple[int, int]] = field(default_factory=set)

    def response(self, key: str) -> dict[str, Any]:
        return {
            "spreadsheetId": key,
            "updatedRange": self.area.a1(),
            "updatedRows": len({r for r, _ in self.cells}),
            "updatedColumns": len({c for _, c in self.cells}),
            "updatedCells": len(self.cells),
        }


def data_area(sheet: Sheet, row0: int, col0: int, rows: list[list[Any]]) -> Area:
    width = max((len(row) for row in rows), default=0)
    return Area(sheet, row0, col0, row0 + max(len(rows), 1), col0 + max(width, 1))


def check_fits(target: Area, data: Area, requested: str, explicit_end: bool) -> None:
    """Data may not run past an explicit end of the range, nor past the grid."""
    if explicit_end and data.row1 > target.row1:
        raise bad_request(
            f"Requested writing within range [{requested}], "
            f"but tried writing to row [{target.row1 + 1}]"
        )
    if explicit_end and data.col1 > target.col1:
        raise bad_request(
            f"Requested writing within range [{requested}], "
            f"but tried writing to column [{column_letters(target.col1)}]"
        )
    if data.row1 > data.sheet.rows or data.col1 > data.sheet.cols:
        raise grid_limits(data)


MakeCell = Callable[[Any], Cell | None]


def typing(user_entered: bool, locale: str) -> MakeCell:
    """How values sent with a valueInputOption become cells in a spreadsheet's locale."""
    return lambda raw: entered(raw, user_entered, locale)


def write(data: Area, rows: list[list[Any]], make: MakeCell) -> Written:
    """Make every cell first (`make` returns None to clear) so that a bad one changes nothing."""
    parsed = {}
    for i, row in enumerate(rows):
        for j, raw in enumerate(row):
            if raw is not None:
                parsed[(data.row0 + i, data.col0 + j)] = make(raw)
    cells = data.sheet.cells
    for position, cell in parsed.items():
        if cell is None:
            cells.pop(position, None)
        else:
            cells[position] = cell
    return Written(data, set(parsed))


def clear(area: Area) -> None:
    cells = area.sheet.cells
    for r, c in [k for k in cells if area.row0 <= k[0] < area.row1]:
        if area.col0 <= c < area.col1:
            del cells[(r, c)]
