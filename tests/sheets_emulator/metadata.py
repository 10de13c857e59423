"""spreadsheets.get: the spreadsheet's properties and its sheets, without grid data."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .a1 import WHOLE_SHEET, Bounds
from .grid_data import DEFAULT_FORMAT, prune, sheet_data
from .state import Sheet, Spreadsheet

#: One GridData of a sheet: the sheet, the bounds asked, the spreadsheet's locale.
MakeData = Callable[[Sheet, Bounds, str], dict[str, Any]]


def _theme(kind: str, red: float = 0, green: float = 0, blue: float = 0) -> dict[str, Any]:
    rgb = {k: v for k, v in (("red", red), ("green", green), ("blue", blue)) if v}
    return {"colorType": kind, "color": {"rgbColor": rgb}}


THEME: dict[str, Any] = {
    "primaryFontFamily": "Arial",
    "themeColors": [
        _theme("TEXT"),
        _theme("BACKGROUND", 1, 1, 1),
        _theme("ACCENT1", 0.25882354, 0.52156866, 0.95686275),
        _theme("ACCENT2", 0.91764706, 0.2627451, 0.20784314),
        _theme("ACCENT3", 0.9843137, 0.7372549, 0.015686275),
        _theme("ACCENT4", 0.20392157, 0.65882355, 0.3254902),
        _theme("ACCENT5", 1, 0.42745098, 0.003921569),
        _theme("ACCENT6", 0.27450982, 0.7411765, 0.7764706),
        _theme("LINK", 0.06666667, 0.33333334, 0.8),
    ],
}

# Google leaves out fields that hold their default value.
_DEFAULTS = {"hidden": False, "rightToLeft": False}
_GRID_DEFAULTS = {"frozenRowCount": 0, "frozenColumnCount": 0, "hideGridlines": False}


def sheet_properties(sheet: Sheet) -> dict[str, Any]:
    props = {k: v for k, v in sheet.properties.items() if _DEFAULTS.get(k) != v}
    grid = {k: v for k, v in sheet.grid.items() if _GRID_DEFAULTS.get(k) != v}
    return copy.deepcopy({**props, "gridProperties": grid})


def _sheet(sheet: Sheet, data: list[dict[str, Any]] | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"properties": sheet_properties(sheet)}
    if data is not None:
        entry["data"] = data
    if sheet.conditional_formats:
        entry["conditionalFormats"] = copy.deepcopy(sheet.conditional_formats)
    if sheet.protected_ranges:
        entry["protectedRanges"] = copy.deepcopy(sheet.protected_ranges)
    return entry


def spreadsheet(
    book: Spreadsheet,
    fields: str = "",
    ranges: list[str] | None = None,
    grid_data: bool = False,
    make_data: MakeData = sheet_data,
) -> dict[str, Any]:
    """The Spreadsheet resource. `ranges` keeps only the sheets they name; grid data comes
    with includeGridData, or when a field mask names sheets.data (the mask then decides).
    `make_data` gives one GridData (formatting.py adds the formats a request set)."""
    mask = parse_mask(fields)
    wanted = _ranges_by_sheet(book, ranges)
    with_data = _names_data(mask) if fields else grid_data
    properties = {**book.properties, "defaultFormat": DEFAULT_FORMAT, "spreadsheetTheme": THEME}

    def data_of(sheet: Sheet) -> list[dict[str, Any]] | None:
        if not with_data:
            return None
        return [make_data(sheet, bounds, book.locale) for bounds in wanted[sheet.sheet_id]]

    sheets = [_sheet(s, data_of(s)) for s in book.sheets if s.sheet_id in wanted]
    body = {
        "spreadsheetId": book.key,
        "properties": copy.deepcopy(properties),
        "sheets": sheets,
        "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{book.key}/edit",
    }
    if not fields:
        return body
    masked = apply_mask(body, mask)
    for entry in masked.get("sheets", []):
        if "data" in entry:
            entry["data"] = [prune(data) for data in entry["data"]]
    return masked


def _ranges_by_sheet(book: Spreadsheet, ranges: list[str] | None) -> dict[int, list[Bounds]]:
    """Sheet id -> the bounds asked for; every sheet, whole, when no range is given."""
    if not ranges:
        return {s.sheet_id: [WHOLE_SHEET] for s in book.sheets}
    wanted: dict[int, list[Bounds]] = {}
    for text in ranges:
        area = book.area(text)
        bounds = Bounds(area.row0, area.col0, area.row1, area.col1)
        wanted.setdefault(area.sheet.sheet_id, []).append(bounds)
    return wanted


def _names_data(mask: Mask) -> bool:
    if "*" in mask:
        return True
    sheets = mask.get("sheets")
    return sheets is not None and (not sheets or "data" in sheets or "*" in sheets)


Mask = dict[str, "Mask"]


def parse_mask(text: str) -> Mask:
    """'a.b,c(d,e)' or 'a/b' into a tree; an empty subtree keeps the whole value."""
    mask: Mask = {}
    for part in _split_top(text):
        head, _, rest = part.partition("(")
        path = head.replace("/", ".").strip().split(".")
        node = mask
        for name in path:
            node = node.setdefault(name, {})
        if rest:
            node.update(parse_mask(rest[:-1]))
    return mask


def _split_top(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def apply_mask(value: Any, mask: Mask) -> Any:
    if not mask:
        return value
    if isinstance(value, list):
        return [apply_mask(item, mask) for item in value]
    if isinstance(value, dict):
        return {k: apply_mask(v, mask[k]) for k, v in value.items() if k in mask}
    return value
