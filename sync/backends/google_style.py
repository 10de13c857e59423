"""The look and furniture of Google tabs: spreadsheets.batchUpdate requests, pure functions.

Values go RAW through the values API; how they look goes here, in the same
spreadsheets.batchUpdate as the tabs' structure: number formats and wrapping
per column, a bold header, widths, row heights, dropdowns, highlights and the
frozen header. A tab's identity on Google is its sheetId, derived from its key
when the pass creates it (`identity_sheet_id`).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sync.plan import NewTab, Restore, Rewrite
from sync.styles import PLAIN, ColumnStyle, Highlight, NumberFormat, TabStyle

#: Number formats as Google spells them; the same look as the workbook's.
GOOGLE_FORMATS: Mapping[NumberFormat, dict[str, str]] = {
    "integer": {"type": "NUMBER", "pattern": "0"},
    "decimal": {"type": "NUMBER", "pattern": "0.00"},
    "date": {"type": "DATE", "pattern": "dd.mm.yyyy"},
    "date_time": {"type": "DATE_TIME", "pattern": "dd.mm.yyyy hh:mm"},
}
#: Pixels per character of width, and the margin, at Google's default font.
_PIXELS_PER_CHARACTER, _MARGIN = 7, 12

Request = dict[str, Any]


def identity_sheet_id(key: str, taken: Iterable[int] = ()) -> int:
    """The sheetId a tab the pass creates gets: the same for the same key, always."""
    used = set(taken)
    candidate = zlib.crc32(f"mozhem:{key}".encode()) % 2_000_000_000 + 1
    while candidate in used:
        candidate += 1
    return candidate


def span(
    sheet_id: int, column: int | None = None, first_row: int = 0, end_row: int | None = None
) -> dict[str, Any]:
    """A GridRange: one column (all when None), from `first_row` (0-based) to `end_row`
    (exclusive; unbounded when None, so rows added later are in it too)."""
    found: dict[str, Any] = {"sheetId": sheet_id, "startRowIndex": first_row}
    if end_row is not None:
        found["endRowIndex"] = end_row
    if column is not None:
        found.update(startColumnIndex=column, endColumnIndex=column + 1)
    return found


def new_tab_look(tab: NewTab, sheet_id: int, look: TabStyle, rows: int) -> list[Request]:
    """Everything a new tab gets besides its values: header, formats, widths, furniture."""
    columns = {i: look.column(key) for i, key in enumerate(tab.keys)}
    requests = [_bold_header(sheet_id)] if look.bold_header else []
    requests += column_formats(sheet_id, columns)
    requests += _widths(sheet_id, columns)
    requests += _row_heights(sheet_id, look, rows)
    requests += [
        dropdown(sheet_id, tab.keys.index(key), labels) for key, labels in look.dropdowns.items()
    ]
    requests += [
        highlight(sheet_id, tab.keys.index(h.column), h)
        for h in look.highlights
        if h.column in tab.keys
    ]
    return requests


def rewrite_look(sheet_id: int, rewrite: Rewrite, look: TabStyle) -> list[Request]:
    """Number formats and wrapping for a rewritten tab's columns, and its row heights:
    rows a grid grows by do not take them from the rows above."""
    columns = {i: look.column(key) for i, key in enumerate(rewrite.keys)}
    return [
        *column_formats(sheet_id, columns),
        *_row_heights(sheet_id, look, len(rewrite.cells)),
    ]


def restore_requests(sheet_id: int, restore: Restore, look: TabStyle) -> list[Request]:
    requests: list[Request] = []
    if restore.freeze:
        requests.append(freeze(sheet_id, look.frozen_rows))
    requests += [dropdown(sheet_id, c, labels) for c, labels in restore.dropdowns.items()]
    requests += [highlight(sheet_id, c, h) for c, h in restore.highlights]
    return requests


def freeze(sheet_id: int, rows: int) -> Request:
    return {
        "updateSheetProperties": {
            "properties": {"sheetId": sheet_id, "gridProperties": {"frozenRowCount": rows}},
            "fields": "gridProperties.frozenRowCount",
        }
    }


def dropdown(sheet_id: int, column: int, labels: Sequence[str]) -> Request:
    rule = {
        "condition": {
            "type": "ONE_OF_LIST",
            "values": [{"userEnteredValue": label} for label in labels],
        },
        "showCustomUi": True,
        # Not strict: a coordinator's free text is read leniently, never refused.
        "strict": False,
    }
    return {"setDataValidation": {"range": span(sheet_id, column, 1), "rule": rule}}


def highlight(sheet_id: int, column: int, h: Highlight) -> Request:
    condition = {"type": "NUMBER_EQ", "values": [{"userEnteredValue": f"{h.equals:g}"}]}
    rule = {
        "ranges": [span(sheet_id, column, 1)],
        "booleanRule": {"condition": condition, "format": {"backgroundColor": rgb(h.color)}},
    }
    return {"addConditionalFormatRule": {"rule": rule, "index": 0}}


def rgb(color: str) -> dict[str, float]:
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return {"red": round(red, 4), "green": round(green, 4), "blue": round(blue, 4)}


def column_formats(sheet_id: int, columns: Mapping[int, ColumnStyle]) -> list[Request]:
    requests = []
    for column, style in sorted(columns.items()):
        shown: dict[str, Any] = {}
        if style.number_format is not None:
            shown["numberFormat"] = GOOGLE_FORMATS[style.number_format]
        if style.wrap:
            shown.update(wrapStrategy="WRAP", verticalAlignment="TOP")
        if shown:
            requests.append(
                {
                    "repeatCell": {
                        "range": span(sheet_id, column, 1),
                        "cell": {"userEnteredFormat": shown},
                        "fields": ",".join(f"userEnteredFormat.{name}" for name in shown),
                    }
                }
            )
    return requests


def _bold_header(sheet_id: int) -> Request:
    return {
        "repeatCell": {
            "range": span(sheet_id, None, 0, 1),
            "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
            "fields": "userEnteredFormat.textFormat.bold",
        }
    }


def _widths(sheet_id: int, columns: Mapping[int, ColumnStyle]) -> list[Request]:
    return [
        _size(
            sheet_id, "COLUMNS", column, column + 1, style.width * _PIXELS_PER_CHARACTER + _MARGIN
        )
        for column, style in sorted(columns.items())
        if style is not PLAIN and style.width is not None
    ]


def _row_heights(sheet_id: int, look: TabStyle, rows: int) -> list[Request]:
    if look.row_height is None or rows <= 1:
        return []
    return [_size(sheet_id, "ROWS", 1, rows, look.row_height)]


def _size(sheet_id: int, dimension: str, start: int, end: int, pixels: int) -> Request:
    return {
        "updateDimensionProperties": {
            "range": {
                "sheetId": sheet_id,
                "dimension": dimension,
                "startIndex": start,
                "endIndex": end,
            },
            "properties": {"pixelSize": pixels},
            "fields": "pixelSize",
        }
    }
