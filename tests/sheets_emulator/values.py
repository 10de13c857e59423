"""The spreadsheets.values endpoints: get, batchGet, update, append, clear, batch*."""

from __future__ import annotations

from typing import Any

from . import grid
from .cells import Rendering
from .errors import ApiError, bad_request
from .state import Area, Sheet, Spreadsheet

Params = dict[str, list[str]]


def _param(params: Params, name: str, default: str = "") -> str:
    return params.get(name, [default])[-1]


def _rendering(book: Spreadsheet, params: Params, prefix: str = "") -> Rendering:
    """valueRenderOption and dateTimeRenderOption (with a prefix: response...)."""
    value = "ValueRenderOption" if prefix else "valueRenderOption"
    date_time = "DateTimeRenderOption" if prefix else "dateTimeRenderOption"
    return Rendering(
        _param(params, prefix + value, "FORMATTED_VALUE"),
        _param(params, prefix + date_time, "SERIAL_NUMBER"),
        book.locale,
    )


def _input_option(params: Params | dict[str, Any], name: str = "valueInputOption") -> bool:
    """True for USER_ENTERED; Google insists the option is given."""
    raw = params.get(name)
    value = raw[-1] if isinstance(raw, list) else raw
    if value not in ("RAW", "USER_ENTERED"):
        raise bad_request(f"'{name}' is required but not specified")
    return value == "USER_ENTERED"


def get(book: Spreadsheet, range_text: str, params: Params) -> dict[str, Any]:
    area = book.area(range_text)
    major = _param(params, "majorDimension", "ROWS")
    return grid.value_range(area, _rendering(book, params), major)


def batch_get(book: Spreadsheet, params: Params) -> dict[str, Any]:
    major = _param(params, "majorDimension", "ROWS")
    how = _rendering(book, params)
    ranges = [grid.value_range(book.area(t), how, major) for t in params.get("ranges", [])]
    return {"spreadsheetId": book.key, "valueRanges": ranges}


def _update_one(
    book: Spreadsheet, range_text: str, body: dict[str, Any], user_entered: bool, field: str
) -> grid.Written:
    rows = grid.as_rows(body.get("values"), body.get("majorDimension"), field)
    sheet, bounds = book.resolve(range_text)
    target = book.area(range_text)
    anchor_only = (target.row1 - target.row0, target.col1 - target.col0) == (1, 1)
    data = grid.data_area(sheet, target.row0, target.col0, rows)
    explicit = not anchor_only and bounds.row1 is not None and bounds.col1 is not None
    grid.check_fits(target, data, range_text, explicit)
    return grid.write(data, rows, grid.typing(user_entered, book.locale))


def _with_data(
    book: Spreadsheet, written: grid.Written, params: Params, reply: dict[str, Any]
) -> dict[str, Any]:
    if _param(params, "includeValuesInResponse").lower() == "true":
        how = _rendering(book, params, "response")
        reply["updatedData"] = grid.value_range(written.area, how, "ROWS")
    return reply


def update(
    book: Spreadsheet, range_text: str, params: Params, body: dict[str, Any]
) -> dict[str, Any]:
    user_entered = _input_option(params)
    written = _update_one(book, range_text, body, user_entered, "data.values")
    return _with_data(book, written, params, written.response(book.key))


def batch_update(book: Spreadsheet, body: dict[str, Any]) -> dict[str, Any]:
    user_entered = _input_option(body)
    responses, cells = [], set()
    for index, item in enumerate(body.get("data") or []):
        try:
            written = _update_one(
                book, item.get("range", ""), item, user_entered, f"data[{index}].values"
            )
        except ApiError as error:
            error.message = f"Invalid data[{index}]: {error.message}"
            raise
        responses.append(written.response(book.key))
        cells |= {(written.area.sheet.sheet_id, r, c) for r, c in written.cells}
    return {
        "spreadsheetId": book.key,
        "totalUpdatedRows": len({(s, r) for s, r, _ in cells}),
        "totalUpdatedColumns": len({(s, c) for s, _, c in cells}),
        "totalUpdatedCells": len(cells),
        "totalUpdatedSheets": len({s for s, _, _ in cells}),
        "responses": responses,
    }


def clear(book: Spreadsheet, range_text: str) -> dict[str, Any]:
    area = book.area(range_text)
    grid.clear(area)
    return {"spreadsheetId": book.key, "clearedRange": area.a1()}


def batch_clear(book: Spreadsheet, body: dict[str, Any]) -> dict[str, Any]:
    areas = [book.area(text) for text in body.get("ranges") or []]
    for area in areas:
        grid.clear(area)
    return {"spreadsheetId": book.key, "clearedRanges": [a.a1() for a in areas]}


def find_table(area: Area) -> Area | None:
    """Google's table: the block of filled cells joined to the range's first filled cell
    (row by row). It grows on every side that a filled cell touches, so it may start left
    of the range, and the rows appended under it start at its first column. A range with
    no filled cell has no table, even with data next to it."""
    cells = area.sheet.cells
    inside = (
        (r, c) for (r, c) in cells if area.row0 <= r < area.row1 and area.col0 <= c < area.col1
    )
    start = min(inside, default=None)
    if start is None:
        return None
    row0, col0 = start
    row1, col1 = row0 + 1, col0 + 1
    grown = True
    while grown:
        below = any((row1, c) in cells for c in range(col0, col1))
        right = any((r, col1) in cells for r in range(row0, row1))
        above = row0 > 0 and any((row0 - 1, c) in cells for c in range(col0, col1))
        left = col0 > 0 and any((r, col0 - 1) in cells for r in range(row0, row1))
        row0, col0, row1, col1 = row0 - above, col0 - left, row1 + below, col1 + right
        grown = below or right or above or left
    return Area(area.sheet, row0, col0, row1, col1)


def _make_room(sheet: Sheet, at_row: int, rows: int, cols: int, insert: bool) -> None:
    """Appending grows the grid instead of failing at its edge."""
    if insert:
        moved = {(r + rows if r >= at_row else r, c): v for (r, c), v in sheet.cells.items()}
        sheet.cells = moved
        sheet.grid["rowCount"] += rows
    sheet.grid["rowCount"] = max(sheet.rows, at_row + rows)
    sheet.grid["columnCount"] = max(sheet.cols, cols)


def append(
    book: Spreadsheet, range_text: str, params: Params, body: dict[str, Any]
) -> dict[str, Any]:
    user_entered = _input_option(params)
    rows = grid.as_rows(body.get("values"), body.get("majorDimension"), "data.values")
    area = book.area(range_text)
    table = find_table(area)
    at_row = area.row0 if table is None else table.row1
    at_col = area.col0 if table is None else table.col0
    data = grid.data_area(area.sheet, at_row, at_col, rows)
    insert = _param(params, "insertDataOption", "OVERWRITE") == "INSERT_ROWS"
    _make_room(area.sheet, at_row, len(rows), data.col1, insert)
    written = grid.write(data, rows, grid.typing(user_entered, book.locale))
    reply: dict[str, Any] = {"spreadsheetId": book.key}
    if table is not None:
        reply["tableRange"] = table.a1()
    reply["updates"] = _with_data(book, written, params, written.response(book.key))
    return reply
