"""Finding the pipeline's tabs on Google and what furniture they still have: pure
functions of spreadsheets.get answers.

A tab the pass created has the sheetId derived from its key
(`google_style.identity_sheet_id`), which no rename changes; one made before that
is found by any title it may have. What a read learns: each tab's title, grid and
frozen rows, the columns with a highlight, and, from the first and last rows of
a dropdown's column, whether the dropdown still reaches the end of the tab.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gspread.utils import rowcol_to_a1

from sync.backends.google_style import identity_sheet_id
from sync.plan import Grid, TabIdentity, TabShape, locate_columns

#: Sheet properties, and the ranges of conditional formats, in one spreadsheets.get.
TABS_FIELDS = "sheets(properties(sheetId,title,gridProperties),conditionalFormats(ranges))"
#: The data validation of single cells, in a spreadsheets.get with ranges.
VALIDATION_FIELDS = "sheets(properties(sheetId),data(startRow,rowData(values(dataValidation))))"


@dataclass(frozen=True)
class FoundTab:
    identity: TabIdentity
    shape: TabShape


def find_tabs(meta: Mapping[str, Any], identities: Sequence[TabIdentity]) -> list[FoundTab]:
    """Each identity's tab, by its sheetId, else by a title it may have."""
    sheets = meta.get("sheets", [])
    found = []
    for identity in identities:
        wanted = identity_sheet_id(identity.key)
        sheet = next((s for s in sheets if s["properties"]["sheetId"] == wanted), None)
        sheet = sheet or next(
            (s for s in sheets if s["properties"]["title"] in identity.titles), None
        )
        if sheet is not None:
            found.append(FoundTab(identity, _shape(sheet)))
    return found


def _shape(sheet: Mapping[str, Any]) -> TabShape:
    properties = sheet["properties"]
    grid = properties.get("gridProperties", {})
    highlighted: set[int] = set()
    for rule in sheet.get("conditionalFormats", []):
        for span in rule.get("ranges", []):
            start = span.get("startColumnIndex", 0)
            highlighted |= set(range(start, span.get("endColumnIndex", start + 1)))
    return TabShape(
        grid_rows=grid.get("rowCount", 0),
        grid_columns=grid.get("columnCount", 0),
        sheet_id=properties["sheetId"],
        title=properties["title"],
        frozen_rows=grid.get("frozenRowCount", 0),
        highlights=frozenset(highlighted),
    )


def dropdown_probes(found: FoundTab, grid: Grid) -> list[tuple[int, str, str]]:
    """(column, first data cell, last cell of the grid) of each dropdown column found in
    the header: a dropdown that reaches the end of the tab is in both."""
    if not grid or found.shape.grid_rows < 2:
        return []
    columns = locate_columns(grid[0], found.identity.dropdowns)
    title = "'" + found.shape.title.replace("'", "''") + "'"
    last = found.shape.grid_rows
    return [
        (
            column,
            f"{title}!{rowcol_to_a1(2, column + 1)}",
            f"{title}!{rowcol_to_a1(last, column + 1)}",
        )
        for column in sorted(columns.values())
    ]


def dropdowns_found(answer: Mapping[str, Any]) -> dict[int, list[bool]]:
    """sheetId -> whether each range asked of that sheet, in order, holds a list dropdown
    (a VALIDATION_FIELDS answer: Google gives each sheet's ranges in the order asked)."""
    return {
        sheet["properties"]["sheetId"]: [_is_dropdown(data) for data in sheet.get("data", [])]
        for sheet in answer.get("sheets", [])
    }


def _is_dropdown(data: Mapping[str, Any]) -> bool:
    rows = data.get("rowData", [])
    values = rows[0].get("values", []) if rows else []
    rule = values[0].get("dataValidation", {}) if values else {}
    return bool(rule.get("condition", {}).get("type") == "ONE_OF_LIST")
