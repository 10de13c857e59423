"""Exchanges with the Sheets API written from its documentation, in the recordings' format.

No machine here reaches Google, so these are not recordings: each request and
the answer the API reference says it gets, for what the shared recordings do
not show (typed dates and numbers in a locale, the render options, where
values.append lands, grid data from spreadsheets.get). The fidelity test
replays them like the recordings. The sources, quoted:

- ValueInputOption: RAW "The values the user has entered will not be parsed and
  will be stored as-is"; USER_ENTERED "The values will be parsed as if the user
  typed them into the UI. Numbers will stay as numbers, but strings may be
  converted to numbers, dates, etc. following the same rules that are applied
  when entering text into a cell via the Google Sheets UI."
- ValueRenderOption FORMATTED_VALUE: "Formatting is based on the spreadsheet's
  locale, not the requesting user's locale"; UNFORMATTED_VALUE: "Values will be
  calculated, but not formatted in the reply."
- DateTimeRenderOption SERIAL_NUMBER (the default): "January 1st 1900 at noon
  would be 2.5 ... February 1st 1900 at 3pm would be 33.625"; FORMATTED_STRING:
  "output as strings in their given number format (which depends on the
  spreadsheet locale)". Ignored under FORMATTED_VALUE.
- values.append: "Values will be appended to the next row of the table,
  starting with the first column of the table"; tableRange is "The range (in A1
  notation) of the table that values are being appended to (before the values
  were appended). Empty if no table was found."
- SortRangeRequest: "Sorts data in rows based on a sort order per column";
  SortSpec.sortOrder ASCENDING or DESCENDING, dimensionIndex "The dimension the
  sort should be applied to". UpdateCellsRequest: "start: The coordinate to start
  writing data at. Any number of rows and columns (including a different number of
  columns per row) may be written"; ExtendedValue.stringValue "Represents a string
  value. Leading single quotes are not included" (so "007" stays text).
- spreadsheets.get: "Limiting the range returns only the portions of the
  spreadsheet that intersect the requested ranges"; "If a field mask is set,
  the includeGridData parameter is ignored". NumberFormat.pattern: "If not set, a
  default pattern based on the user's locale will be used".

How each locale shows a date-time (the Form's «Отметка времени» read with
FORMATTED_VALUE: «10.12.2014 14:03:27» in ru_RU and uk_UA, «12/10/2014
14:03:27» in en_US, «10/12/2014 14:03:27» in en_GB) is as observed in real
spreadsheets (issue #12).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

KEY = "1DocumentedCaseXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
SHEETS = f"https://sheets.googleapis.com/v4/spreadsheets/{KEY}"
Interaction = dict[str, Any]

#: Per locale: (typed 10 Dec 2014 14:03:27, typed 1 Feb 1900 15:00:00, the latter shown).
TYPED_DATES = {
    "ru_RU": ("10.12.2014 14:03:27", "01.02.1900 15:00:00"),
    "uk_UA": ("10.12.2014 14:03:27", "01.02.1900 15:00:00"),
    "en_US": ("12/10/2014 14:03:27", "2/1/1900 15:00:00"),
    "en_GB": ("10/12/2014 14:03:27", "01/02/1900 15:00:00"),
}


def _exchange(
    method: str, uri: str, answer: Any, body: Any = None, status: int = 200
) -> Interaction:
    return {
        "request": {"method": method, "uri": uri, "body": json.dumps(body) if body else ""},
        "response": {"status": {"code": status}, "body": {"string": json.dumps(answer)}},
    }


def _create(name: str) -> Interaction:
    file = {"kind": "drive#file", "id": KEY, "name": name}
    return _exchange(
        "POST",
        "https://www.googleapis.com/drive/v3/files?supportsAllDrives=True",
        {**file, "mimeType": "application/vnd.google-apps.spreadsheet"},
        {"name": name, "mimeType": "application/vnd.google-apps.spreadsheet"},
    )


def _set_locale(locale: str) -> Interaction:
    request = {
        "updateSpreadsheetProperties": {"properties": {"locale": locale}, "fields": "locale"}
    }
    return _exchange(
        "POST",
        f"{SHEETS}:batchUpdate",
        {"spreadsheetId": KEY, "replies": [{}]},
        {"requests": [request]},
    )


def _values_uri(a1: str, suffix: str = "", **params: str) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return f"{SHEETS}/values/{quote(a1, safe='')}{suffix}{query}"


def _update(a1: str, rows: list[list[Any]], option: str, cells: tuple[int, int]) -> Interaction:
    answer = {
        "spreadsheetId": KEY,
        "updatedRange": a1,
        "updatedRows": cells[0],
        "updatedColumns": cells[1],
        "updatedCells": cells[0] * cells[1],
    }
    uri = _values_uri(a1, valueInputOption=option)
    return _exchange("PUT", uri, answer, {"values": rows})


def _get(a1: str, values: list[list[Any]], **params: str) -> Interaction:
    return _exchange(
        "GET", _values_uri(a1, **params), {"range": a1, "majorDimension": "ROWS", "values": values}
    )


def typed_dates(locale: str) -> list[Interaction]:
    stamp, feb = TYPED_DATES[locale]
    return [
        _create(f"typed dates in {locale}"),
        _set_locale(locale),
        _update("Sheet1!A1:B1", [[stamp, feb]], "USER_ENTERED", (1, 2)),
        _get("Sheet1!A1:B1", [[stamp, feb]]),
        _get("Sheet1!B1", [[33.625]], valueRenderOption="UNFORMATTED_VALUE"),
        _get(
            "Sheet1!A1:B1",
            [[stamp, feb]],
            valueRenderOption="UNFORMATTED_VALUE",
            dateTimeRenderOption="FORMATTED_STRING",
        ),
        # Ignored under FORMATTED_VALUE.
        _get("Sheet1!B1", [[feb]], dateTimeRenderOption="SERIAL_NUMBER"),
        # RAW: the same text stays text.
        _update("Sheet1!C1", [[stamp]], "RAW", (1, 1)),
        _get("Sheet1!C1", [[stamp]], valueRenderOption="UNFORMATTED_VALUE"),
    ]


def serial_numbers() -> list[Interaction]:
    """The two examples of DateTimeRenderOption, typed in en_US (the default locale)."""
    return [
        _create("serial numbers"),
        _update(
            "Sheet1!A1:B1", [["1/1/1900 12:00:00", "2/1/1900 15:00:00"]], "USER_ENTERED", (1, 2)
        ),
        _get("Sheet1!A1:B1", [[2.5, 33.625]], valueRenderOption="UNFORMATTED_VALUE"),
        _get("Sheet1!A1:B1", [[2.5, 33.625]], valueRenderOption="FORMULA"),
    ]


def typed_numbers() -> list[Interaction]:
    """A phone and a quantity typed as digits become numbers; RAW and a leading ' keep text."""
    typed = [["0501234567", "007", "1.5", "'0501234567"]]
    return [
        _create("typed numbers"),
        _update("Sheet1!A1:D1", typed, "USER_ENTERED", (1, 4)),
        _get("Sheet1!A1:D1", [["501234567", "7", "1.5", "0501234567"]]),
        _get(
            "Sheet1!A1:D1",
            [[501234567, 7, 1.5, "0501234567"]],
            valueRenderOption="UNFORMATTED_VALUE",
        ),
        _update("Sheet1!A2:B2", [["0501234567", "007"]], "RAW", (1, 2)),
        _get("Sheet1!A2:B2", [["0501234567", "007"]], valueRenderOption="UNFORMATTED_VALUE"),
        _set_locale("ru_RU"),
        _update("Sheet1!A3:B3", [["1,5", "0501234567"]], "USER_ENTERED", (1, 2)),
        _get("Sheet1!A3:B3", [["1,5", "501234567"]]),
        _get("Sheet1!A3:B3", [[1.5, 501234567]], valueRenderOption="UNFORMATTED_VALUE"),
        # A number keeps its value when the locale changes; only how it is shown follows.
        _get("Sheet1!C1", [["1,5"]]),
    ]


def _append(a1: str, rows: list[list[str]], table: str | None, updated: str) -> Interaction:
    answer: dict[str, Any] = {"spreadsheetId": KEY}
    if table:
        answer["tableRange"] = table
    answer["updates"] = {
        "spreadsheetId": KEY,
        "updatedRange": updated,
        "updatedRows": len(rows),
        "updatedColumns": len(rows[0]),
        "updatedCells": len(rows) * len(rows[0]),
    }
    uri = _values_uri(a1, ":append", valueInputOption="RAW")
    return _exchange("POST", uri, answer, {"values": rows})


def append_placement() -> list[Interaction]:
    """A table that starts at column C: appended rows land under it, from its first column."""
    return [
        _create("append placement"),
        _update("Sheet1!C1:E2", [["id", "name", "qty"], ["M-1", "a", "1"]], "RAW", (2, 3)),
        _append("Sheet1", [["M-2", "b", "2"]], "Sheet1!C1:E2", "Sheet1!C3:E3"),
        # A range inside the table finds all of it, left of the range too.
        _append("Sheet1!D:D", [["M-3", "c", "3"]], "Sheet1!C1:E3", "Sheet1!C4:E4"),
        _get(
            "Sheet1!A1:E4",
            [
                ["", "", "id", "name", "qty"],
                ["", "", "M-1", "a", "1"],
                ["", "", "M-2", "b", "2"],
                ["", "", "M-3", "c", "3"],
            ],
        ),
        # No filled cell in the range: no table, the rows go where the range starts.
        _append("Sheet1!A10", [["x"]], None, "Sheet1!A10"),
    ]


def grid_data() -> list[Interaction]:
    """One spreadsheets.get: the locale, the time zone and each cell as typed and shown."""
    fields = (
        "properties(locale,timeZone),sheets(properties(title),data(rowData(values("
        "formattedValue,effectiveValue,effectiveFormat/numberFormat/type))))"
    )
    uri = f"{SHEETS}?{urlencode({'ranges': 'Sheet1', 'fields': fields})}"
    row = [
        {
            "formattedValue": "01/02/1900 15:00:00",
            "effectiveValue": {"numberValue": 33.625},
            "effectiveFormat": {"numberFormat": {"type": "DATE_TIME"}},
        },
        {},
        {"formattedValue": "501234567", "effectiveValue": {"numberValue": 501234567}},
        {"formattedValue": "Оксана", "effectiveValue": {"stringValue": "Оксана"}},
    ]
    answer = {
        "properties": {"locale": "en_GB", "timeZone": "Etc/GMT"},
        "sheets": [
            {"properties": {"title": "Sheet1"}, "data": [{"rowData": [{}, {"values": row}]}]}
        ],
    }
    # A mask naming only numbers' values: a text comes once, as shown.
    numbers_only = fields.replace("effectiveValue,", "effectiveValue/numberValue,")
    narrow_uri = f"{SHEETS}?{urlencode({'ranges': 'Sheet1', 'fields': numbers_only})}"
    narrow = json.loads(json.dumps(answer))
    narrow["sheets"][0]["data"][0]["rowData"][1]["values"][3] = {"formattedValue": "Оксана"}
    typed = [["01/02/1900 15:00:00", "", "0501234567", "Оксана"]]
    other = {"title": "Other", "index": 1, "sheetType": "GRID"}
    grid = {"rowCount": 1000, "columnCount": 26}
    add = {"addSheet": {"properties": {**other, "gridProperties": grid}}}
    added = {"addSheet": {"properties": {"sheetId": 1234567, **other, "gridProperties": grid}}}
    return [
        _create("grid data"),
        _set_locale("en_GB"),
        # A second sheet, which the range leaves out of the answer.
        _exchange(
            "POST",
            f"{SHEETS}:batchUpdate",
            {"spreadsheetId": KEY, "replies": [added]},
            {"requests": [add]},
        ),
        _update("Sheet1!A2:D2", typed, "USER_ENTERED", (1, 4)),
        _exchange("GET", uri, answer),
        _exchange("GET", narrow_uri, narrow),
        # A range naming no sheet is refused, as values.get refuses it.
        _exchange(
            "GET",
            f"{SHEETS}?{urlencode({'ranges': 'Nowhere', 'fields': 'properties'})}",
            {
                "error": {
                    "code": 400,
                    "message": "Unable to parse range: Nowhere",
                    "status": "INVALID_ARGUMENT",
                }
            },
            status=400,
        ),
    ]


def sort_and_update_cells() -> list[Interaction]:
    """Rows below a header sorted by their first column, then cells written by updateCells."""
    rows = [["id", "name"], ["M-3", "c"], ["M-1", "a"], ["M-2", "b"]]
    sort = {
        "sortRange": {
            "range": {"sheetId": 0, "startRowIndex": 1, "endRowIndex": 4},
            "sortSpecs": [{"dimensionIndex": 0, "sortOrder": "ASCENDING"}],
        }
    }
    values = [
        {"userEnteredValue": {"stringValue": "007"}},
        {"userEnteredValue": {"numberValue": 7}},
    ]
    write = {
        "updateCells": {
            "start": {"sheetId": 0, "rowIndex": 0, "columnIndex": 2},
            "rows": [{"values": values}],
            "fields": "userEnteredValue",
        }
    }
    return [
        _create("sort and update cells"),
        _update("Sheet1!A1:B4", rows, "RAW", (4, 2)),
        _exchange(
            "POST",
            f"{SHEETS}:batchUpdate",
            {"spreadsheetId": KEY, "replies": [{}, {}]},
            {"requests": [sort, write]},
        ),
        _get(
            "Sheet1!A1:D4",
            [["id", "name", "007", 7], ["M-1", "a"], ["M-2", "b"], ["M-3", "c"]],
            valueRenderOption="UNFORMATTED_VALUE",
        ),
    ]


def documented_cases() -> dict[str, list[Interaction]]:
    cases = {f"typed_dates_{locale}": typed_dates(locale) for locale in TYPED_DATES}
    cases["serial_numbers"] = serial_numbers()
    cases["typed_numbers"] = typed_numbers()
    cases["append_placement"] = append_placement()
    cases["grid_data"] = grid_data()
    cases["sort_and_update_cells"] = sort_and_update_cells()
    return cases
