"""How cells look, and the grid data that shows it: repeatCell, updateDimensionProperties,
addConditionalFormatRule, and spreadsheets.get with ranges and sheets.data.

Modelled: a cell's userEnteredFormat as repeatCell requests leave it (later
requests win, field by field), row and column pixel sizes, conditional format
rules (kept, listed in the sheet's conditionalFormats; not evaluated), and, in
grid data, each cell's userEnteredFormat and dataValidation. Not modelled: how a
number format changes FORMATTED_VALUE (a number reads as its digits), and the
effective format.
"""

from __future__ import annotations

import copy
from typing import Any

from .a1 import WHOLE_SHEET, Bounds
from .batch_update import Reply, _apply_fields, _grid_range, _sheet, required_mask
from .errors import bad_request
from .state import Sheet, Spreadsheet

_DIMENSIONS = ("ROWS", "COLUMNS")


def _covers(span: dict[str, Any], row: int, col: int) -> bool:
    """Whether a GridRange (its ends open when missing) holds the cell."""
    return span.get("startRowIndex", 0) <= row < span.get("endRowIndex", row + 1) and span.get(
        "startColumnIndex", 0
    ) <= col < span.get("endColumnIndex", col + 1)


def repeat_cell(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    given = payload.get("range") or {}
    sheet = _sheet(book, given.get("sheetId"))
    mask = required_mask(payload)
    cell = payload.get("cell") or {}
    sheet.formats.append({"range": _grid_range(sheet, given), "cell": cell, "mask": mask})
    return {}


def cell_format(sheet: Sheet, row: int, col: int) -> dict[str, Any]:
    """The userEnteredFormat the repeatCell requests so far leave on one cell."""
    cell: dict[str, Any] = {}
    for entry in sheet.formats:
        if _covers(entry["range"], row, col):
            _apply_fields(cell, entry["cell"], entry["mask"])
    return dict(cell.get("userEnteredFormat") or {})


def update_dimension_properties(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    span = payload.get("range") or {}
    sheet = _sheet(book, span.get("sheetId"))
    dimension = span.get("dimension")
    if dimension not in _DIMENSIONS:
        raise bad_request(f"Invalid value at 'range.dimension' ({dimension})")
    if "pixelSize" not in (payload.get("fields") or ""):
        return {}
    size = int((payload.get("properties") or {}).get("pixelSize", 0))
    for index in range(int(span.get("startIndex", 0)), int(span["endIndex"])):
        sheet.pixel_sizes[(dimension, index)] = size
    return {}


def add_conditional_format_rule(book: Spreadsheet, payload: dict[str, Any]) -> Reply:
    rule = copy.deepcopy(payload.get("rule") or {})
    ranges = rule.get("ranges") or []
    if not ranges:
        raise bad_request("Invalid requests: the rule has no ranges.")
    sheet = _sheet(book, ranges[0].get("sheetId"))
    rule["ranges"] = [_grid_range(sheet, span) for span in ranges]
    index = min(int(payload.get("index", 0)), len(sheet.conditional_formats))
    sheet.conditional_formats.insert(index, rule)
    return {}


HANDLERS = {
    "repeatCell": repeat_cell,
    "updateDimensionProperties": update_dimension_properties,
    "addConditionalFormatRule": add_conditional_format_rule,
}


def grid_data(sheet: Sheet, bounds: Bounds) -> dict[str, Any]:
    """One GridData: per cell of `bounds`, its userEnteredFormat and dataValidation.
    Empty messages are left out, as Google does."""
    row0, col0 = bounds.row0 or 0, bounds.col0 or 0
    row1 = sheet.rows if bounds.row1 is None else min(bounds.row1, sheet.rows)
    col1 = sheet.cols if bounds.col1 is None else min(bounds.col1, sheet.cols)
    rows = [[_cell_data(sheet, r, c) for c in range(col0, col1)] for r in range(row0, row1)]
    for row in rows:
        while row and not row[-1]:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    data: dict[str, Any] = {}
    if row0:
        data["startRow"] = row0
    if col0:
        data["startColumn"] = col0
    if rows:
        data["rowData"] = [{"values": row} if row else {} for row in rows]
    return data


def _cell_data(sheet: Sheet, row: int, col: int) -> dict[str, Any]:
    data: dict[str, Any] = {}
    shown = cell_format(sheet, row, col)
    if shown:
        data["userEnteredFormat"] = shown
    rules = [v["rule"] for v in sheet.data_validations if _covers(v["range"], row, col)]
    if rules:
        data["dataValidation"] = copy.deepcopy(rules[-1])
    return data


def sheets_with_data(book: Spreadsheet, ranges: list[str]) -> dict[int, list[dict[str, Any]]]:
    """sheetId -> one GridData per range asked of it, in the order asked."""
    found: dict[int, list[dict[str, Any]]] = {}
    for text in ranges:
        sheet, bounds = book.resolve(text)
        found.setdefault(sheet.sheet_id, []).append(grid_data(sheet, bounds or WHOLE_SHEET))
    return found
