"""spreadsheets.get: the spreadsheet's properties and its sheets, without grid data."""

from __future__ import annotations

import copy
from typing import Any

from .state import Sheet, Spreadsheet

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


def _sheet(sheet: Sheet, data: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"properties": sheet_properties(sheet)}
    if data is not None:
        entry["data"] = data
    if sheet.conditional_formats:
        entry["conditionalFormats"] = copy.deepcopy(sheet.conditional_formats)
    if sheet.protected_ranges:
        entry["protectedRanges"] = copy.deepcopy(sheet.protected_ranges)
    return entry


def spreadsheet(
    book: Spreadsheet, fields: str = "", data: dict[int, list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """The Spreadsheet resource; with `data` (sheetId -> its GridData, for the ranges a
    request named), only those sheets, each with its data."""
    properties = {**book.properties, "defaultFormat": DEFAULT_FORMAT, "spreadsheetTheme": THEME}
    sheets = [_sheet(s) for s in book.sheets]
    if data is not None:
        sheets = [_sheet(s, data[s.sheet_id]) for s in book.sheets if s.sheet_id in data]
    body = {
        "spreadsheetId": book.key,
        "properties": copy.deepcopy(properties),
        "sheets": sheets,
        "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{book.key}/edit",
    }
    return apply_mask(body, parse_mask(fields)) if fields else body


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
