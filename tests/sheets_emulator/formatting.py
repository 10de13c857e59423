"""How cells look, and the grid data that shows it: repeatCell, updateDimensionProperties,
addConditionalFormatRule, and spreadsheets.get with ranges and sheets.data.

Modelled: a cell's userEnteredFormat as repeatCell requests leave it (later
requests win, field by field), row and column pixel sizes, conditional format
rules (kept, listed in the sheet's conditionalFormats; not evaluated), and, in
grid data, each cell's userEnteredFormat and dataValidation over the values and
date formats grid_data.py gives it. Not modelled: how a number format set by
repeatCell changes FORMATTED_VALUE (a number reads as its digits), and effective
formats beyond the user-entered ones laid over the default.
"""

from __future__ import annotations

import copy
from typing import Any

from . import grid_data
from .a1 import Bounds
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


def sheet_data(sheet: Sheet, bounds: Bounds, locale: str) -> dict[str, Any]:
    """One GridData: the cells' values (grid_data.py) with, per cell of `bounds`, its
    userEnteredFormat and dataValidation, and the pixel sizes set. Empty messages are
    left out, as Google does."""
    data = grid_data.sheet_data(sheet, bounds, locale)
    row0, col0 = bounds.row0 or 0, bounds.col0 or 0
    sizes = (("rowMetadata", "ROWS", row0), ("columnMetadata", "COLUMNS", col0))
    for name, dimension, start in sizes:
        for index, entry in enumerate(data.get(name, []), start=start):
            size = sheet.pixel_sizes.get((dimension, index))
            if size is not None:
                entry["pixelSize"] = size
    if not sheet.formats and not sheet.data_validations:
        return data
    row1 = sheet.rows if bounds.row1 is None else min(bounds.row1, sheet.rows)
    col1 = sheet.cols if bounds.col1 is None else min(bounds.col1, sheet.cols)
    rows = data.setdefault("rowData", [])
    for r in range(row0, row1):
        for c in range(col0, col1):
            extra = _cell_data(sheet, r, c)
            if not extra:
                continue
            while len(rows) <= r - row0:
                rows.append({})
            values = rows[r - row0].setdefault("values", [])
            while len(values) <= c - col0:
                values.append({})
            _overlay(values[c - col0], extra)
    if not rows:
        del data["rowData"]
    return data


def _overlay(cell: dict[str, Any], extra: dict[str, Any]) -> None:
    """A cell's formats as requests set them, over what its typed value gave it."""
    shown = extra.get("userEnteredFormat")
    if shown:
        cell["userEnteredFormat"] = {**cell.get("userEnteredFormat", {}), **shown}
        if "effectiveFormat" in cell:
            cell["effectiveFormat"] = {**cell["effectiveFormat"], **shown}
    if "dataValidation" in extra:
        cell["dataValidation"] = extra["dataValidation"]


def _cell_data(sheet: Sheet, row: int, col: int) -> dict[str, Any]:
    data: dict[str, Any] = {}
    shown = cell_format(sheet, row, col)
    if shown:
        data["userEnteredFormat"] = shown
    rules = [v["rule"] for v in sheet.data_validations if _covers(v["range"], row, col)]
    if rules:
        data["dataValidation"] = copy.deepcopy(rules[-1])
    return data
