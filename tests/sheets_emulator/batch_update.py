"""spreadsheets.batchUpdate: structural requests, applied in order, all or nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .errors import ApiError, bad_request
from .metadata import Mask, parse_mask, sheet_properties
from .state import OWNER_EMAIL, Sheet, Spreadsheet, new_sheet_properties

CELL_LIMIT = 10_000_000
Reply = dict[str, Any]


def batch_update(book: Spreadsheet, body: dict[str, Any]) -> dict[str, Any]:
    replies = []
    for index, request in enumerate(body.get("requests") or []):
        (kind, payload), *_ = request.items()
        handler = HANDLERS.get(kind)
        try:
            if handler is None:
                raise bad_request(f"the emulator does not model '{kind}'")
            replies.append(handler(book, payload))
        except ApiError as error:
            error.message = f"Invalid requests[{index}].{kind}: {error.message}"
            raise
    return {"spreadsheetId": book.key, "replies": replies}


def _sheet(book: Spreadsheet, sheet_id: Any) -> Sheet:
    sheet = book.sheet_by_id(int(sheet_id or 0))
    if sheet is None:
        raise bad_request(f"No grid with id: {sheet_id or 0}")
    return sheet


def _grid_range(sheet: Sheet, given: dict[str, Any]) -> dict[str, Any]:
    """A GridRange as Google echoes it: sheetId 0 is a default and left out."""
    fields = ("startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex")
    echoed = {k: given[k] for k in fields if k in given}
    return {"sheetId": sheet.sheet_id, **echoed} if sheet.sheet_id else echoed


def _check_cell_total(book: Spreadsheet) -> None:
    total = sum(s.rows * s.cols for s in book.sheets)
    if total > CELL_LIMIT:
        raise bad_request(
            "This action would increase the number of cells in the workbook "
            f"above the limit of {CELL_LIMIT} cells."
        )


def _free_title(book: Spreadsheet) -> str:
    number = len(book.sheets) + 1
    while book.sheet_by_title(f"Sheet{number}"):
        number += 1
    return f"Sheet{number}"


def _check_title(book: Spreadsheet, title: str, sheet: Sheet | None = None) -> None:
    other = book.sheet_by_title(title)
    if other is not None and other is not sheet:
        raise bad_request(
            f'A sheet with the name "{title}" already exists. Please enter another name.'
        )


def add_sheet(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    given = copy.deepcopy(payload.get("properties") or {})
    title = given.get("title") or _free_title(book)
    _check_title(book, title)
    grid = given.get("gridProperties") or {}
    index = min(int(given.get("index", len(book.sheets))), len(book.sheets))
    sheet_id = int(given.get("sheetId") or book.new_sheet_id())
    if book.sheet_by_id(sheet_id) is not None:
        raise bad_request(f"A sheet with the ID {sheet_id} already exists.")
    props = new_sheet_properties(
        sheet_id, title, index, grid.get("rowCount", 1000), grid.get("columnCount", 26)
    )
    props["gridProperties"].update({k: v for k, v in grid.items() if k not in props})
    props.update({k: v for k, v in given.items() if k not in props})
    sheet = Sheet(props)
    book.sheets.insert(index, sheet)
    book.reindex()
    _check_cell_total(book)
    return {"addSheet": {"properties": sheet_properties(sheet)}}


def delete_sheet(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    sheet = _sheet(book, payload.get("sheetId"))
    if len(book.sheets) == 1:
        raise bad_request("You can't remove all the sheets in a document.")
    book.sheets.remove(sheet)
    book.reindex()
    return {}


def _apply_fields(target: dict[str, Any], source: dict[str, Any], mask: Mask) -> None:
    """Copy the masked fields; a masked field missing from the source is reset."""
    for name, sub in mask.items():
        if name == "*":
            target.update(copy.deepcopy(source))
        elif sub and isinstance(target.get(name), dict):
            _apply_fields(target[name], source.get(name) or {}, sub)
        elif name in source:
            target[name] = copy.deepcopy(source[name])
        else:
            target.pop(name, None)


def required_mask(payload: dict[str, Any]) -> Mask:
    """The request's field mask; Google refuses a request that names no field."""
    mask = parse_mask(payload.get("fields") or "")
    if not mask:
        raise bad_request("At least one field must be updated, but none were specified.")
    return mask


def update_sheet_properties(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    given = payload.get("properties") or {}
    sheet = _sheet(book, given.get("sheetId"))
    mask = required_mask(payload)
    if "title" in mask:
        _check_title(book, str(given.get("title", "")), sheet)
    mask.pop("sheetId", None)
    index = given.get("index") if "index" in mask else None
    mask.pop("index", None)
    _apply_fields(sheet.properties, given, mask)
    if index is not None:
        book.sheets.remove(sheet)
        book.sheets.insert(min(int(index), len(book.sheets)), sheet)
        book.reindex()
    if all(s.properties.get("hidden") for s in book.sheets):
        raise bad_request("You can't hide all the sheets in a document.")
    sheet.drop_outside_grid()
    _check_cell_total(book)
    return {}


def update_spreadsheet_properties(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    mask = parse_mask(payload.get("fields") or "")
    _apply_fields(book.properties, payload.get("properties") or {}, mask)
    return {}


def _dimension_key(dimension: str) -> str:
    return "rowCount" if dimension == "ROWS" else "columnCount"


def append_dimension(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    sheet = _sheet(book, payload.get("sheetId"))
    sheet.grid[_dimension_key(payload.get("dimension", "ROWS"))] += int(payload.get("length", 0))
    _check_cell_total(book)
    return {}


def _shift(sheet: Sheet, rows: bool, start: int, delta: int, drop_end: int) -> None:
    """Move cells at or after start by delta along one axis; cells in [start, drop_end) go."""
    moved = {}
    for (r, c), cell in sheet.cells.items():
        at = r if rows else c
        if start <= at < drop_end:
            continue
        if at >= start:
            r, c = (r + delta, c) if rows else (r, c + delta)
        moved[(r, c)] = cell
    sheet.cells = moved


def insert_dimension(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    span = payload.get("range") or {}
    sheet = _sheet(book, span.get("sheetId"))
    start, end = int(span.get("startIndex", 0)), int(span["endIndex"])
    rows = span.get("dimension", "ROWS") == "ROWS"
    _shift(sheet, rows, start, end - start, start)
    sheet.grid[_dimension_key(span.get("dimension", "ROWS"))] += end - start
    _check_cell_total(book)
    return {}


def delete_dimension(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    span = payload.get("range") or {}
    sheet = _sheet(book, span.get("sheetId"))
    start, end = int(span.get("startIndex", 0)), int(span["endIndex"])
    rows = span.get("dimension", "ROWS") == "ROWS"
    _shift(sheet, rows, start, start - end, end)
    sheet.grid[_dimension_key(span.get("dimension", "ROWS"))] -= end - start
    return {}


def set_data_validation(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    given = payload.get("range") or {}
    sheet = _sheet(book, given.get("sheetId"))
    span = _grid_range(sheet, given)
    sheet.data_validations = [v for v in sheet.data_validations if v["range"] != span]
    if payload.get("rule"):
        sheet.data_validations.append({"range": span, "rule": copy.deepcopy(payload["rule"])})
    return {}


def add_protected_range(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    given = payload.get("protectedRange") or {}
    sheet = _sheet(book, (given.get("range") or {}).get("sheetId"))
    protected: dict[str, Any] = {
        "protectedRangeId": int(given.get("protectedRangeId") or book.new_sheet_id()),
        "range": _grid_range(sheet, given.get("range") or {}),
    }
    if given.get("description"):
        protected["description"] = given["description"]
    if given.get("warningOnly"):
        protected["warningOnly"] = True
    protected["requestingUserCanEdit"] = True
    # The reply shows no editors; later reads show the owner as the one editor.
    sheet.protected_ranges.append({**protected, "editors": {"users": [OWNER_EMAIL]}})
    return {"addProtectedRange": {"protectedRange": {**protected, "editors": {}}}}


def delete_protected_range(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    wanted = int(payload.get("protectedRangeId", -1))
    for sheet in book.sheets:
        kept = [p for p in sheet.protected_ranges if p["protectedRangeId"] != wanted]
        if len(kept) != len(sheet.protected_ranges):
            sheet.protected_ranges = kept
            return {}
    raise bad_request(f"No protected range with id: {wanted}")


HANDLERS: dict[str, Callable[[Spreadsheet, dict[str, Any]], Reply]] = {
    "addSheet": add_sheet,
    "deleteSheet": delete_sheet,
    "updateSheetProperties": update_sheet_properties,
    "updateSpreadsheetProperties": update_spreadsheet_properties,
    "appendDimension": append_dimension,
    "insertDimension": insert_dimension,
    "deleteDimension": delete_dimension,
    "setDataValidation": set_data_validation,
    "addProtectedRange": add_protected_range,
    "deleteProtectedRange": delete_protected_range,
}
