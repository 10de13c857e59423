"""Request bodies for the Google backend: pure functions of the plan.

Values go RAW: text as text (never a formula), numbers as JSON numbers, dates
as the serial numbers Google keeps them as; their look is in google_style.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from gspread.utils import rowcol_to_a1

from sync.backends.google_style import (
    identity_sheet_id,
    new_tab_look,
    restore_requests,
    rewrite_look,
)
from sync.cells import Value, to_serial
from sync.keyed_header import HeaderDamaged, missing_column
from sync.plan import (
    CellUpdate,
    KeyedTab,
    NewTab,
    SpreadsheetPlan,
    TabShape,
    locate_columns,
)

#: Rows a new tab starts with; coordinators get room to work before any growth.
NEW_TAB_ROWS = 1000
NEW_TAB_COLUMNS = 26


def quote_title(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def fit(value: str, limit: int) -> str:
    """Text Google accepts in one cell: no NUL, at most `limit` characters."""
    cleaned = value.replace("\x00", "")
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def cell_value(value: Value, limit: int) -> str | int | float:
    """A value as it goes RAW: text fitted, a date as its serial number, a number as is."""
    if isinstance(value, str):
        return fit(value, limit)
    if isinstance(value, date):
        return to_serial(value)
    return value


def new_tab_requests(plan: SpreadsheetPlan, taken: Mapping[str, int]) -> list[dict[str, Any]]:
    used = set(taken.values())
    requests: list[dict[str, Any]] = []
    for tab in plan.new_tabs:
        sheet_id = identity_sheet_id(tab.key, used)
        used.add(sheet_id)
        rewrite = plan.rewrites.get(tab.key)
        rows = max(NEW_TAB_ROWS, len(rewrite.cells if rewrite else []) + len(plan.appends) + 1)
        requests.append(_add_sheet(tab, sheet_id, rows, plan.style_of(tab.key).frozen_rows))
        requests += new_tab_look(tab, sheet_id, plan.style_of(tab.key), rows)
        requests += _protections(tab, sheet_id)
    return requests


def furniture_requests(
    plan: SpreadsheetPlan, sheet_id: Callable[[str], int]
) -> list[dict[str, Any]]:
    """The furniture to restore, on the tabs that lost it."""
    return [
        request
        for restore in plan.restores
        for request in restore_requests(sheet_id(restore.tab), restore, plan.style_of(restore.tab))
    ]


def _add_sheet(tab: NewTab, sheet_id: int, rows: int, frozen: int) -> dict[str, Any]:
    grid = {
        "rowCount": rows,
        "columnCount": max(NEW_TAB_COLUMNS, len(tab.header)),
        "frozenRowCount": frozen,
    }
    properties = {"sheetId": sheet_id, "title": tab.title, "gridProperties": grid}
    if tab.hidden:
        properties["hidden"] = True
    return {"addSheet": {"properties": properties}}


def _protections(tab: NewTab, sheet_id: int) -> list[dict[str, Any]]:
    """Warn (not forbid) before a person edits a column the pipeline owns."""
    requests = []
    for start, end in _runs(tab.keys.index(key) for key in tab.protected):
        requests.append(
            {
                "addProtectedRange": {
                    "protectedRange": {
                        "range": _columns(sheet_id, start, end, 0, None),
                        "description": "Filled by mozhem sync",
                        "warningOnly": True,
                    }
                }
            }
        )
    return requests


def _runs(indexes: Iterable[int]) -> list[tuple[int, int]]:
    """[0, 3, 4, 5] -> [(0, 1), (3, 6)]: contiguous column spans, end exclusive."""
    runs: list[tuple[int, int]] = []
    for index in sorted(indexes):
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def _columns(
    sheet_id: int, start: int, end: int, first_row: int, rows: int | None
) -> dict[str, Any]:
    span: dict[str, Any] = {"sheetId": sheet_id, "startColumnIndex": start, "endColumnIndex": end}
    span["startRowIndex"] = first_row
    if rows is not None:
        span["endRowIndex"] = rows
    return span


def growth_requests(
    plan: SpreadsheetPlan, created: set[str], sheet_id: Callable[[str], int]
) -> list[dict[str, Any]]:
    """Extra rows or columns for tabs whose new content is bigger than their grid, with
    the formats of their columns: rows a grid grows by do not take them from above.

    The grid is the one the plan's read found. appendDimension adds a count
    relative to what is there at write time, so a stale size can only add spare
    rows, never delete any.
    """
    requests = []
    for key, rewrite in plan.rewrites.items():
        if key in created:
            continue
        grid = rewrite.cells
        shape = plan.basis[key]
        rows, columns = shape.grid_rows, shape.grid_columns
        width = max((len(row) for row in grid), default=0)
        grown = [
            {"appendDimension": {"sheetId": sheet_id(key), "dimension": d, "length": need - have}}
            for d, have, need in (("ROWS", rows, len(grid)), ("COLUMNS", columns, width))
            if need > have
        ]
        if grown:
            requests += [*grown, *rewrite_look(sheet_id(key), rewrite, plan.style_of(key))]
    return requests


def new_headers(plan: SpreadsheetPlan) -> list[dict[str, Any]]:
    """The header of each new tab nothing else writes (not rewritten, not the keyed tab)."""
    keyed = plan.keyed_tab.key if plan.keyed_tab else None
    return [
        {"range": f"{quote_title(tab.title)}!A1", "values": [list(tab.header)]}
        for tab in plan.new_tabs
        if tab.header and tab.key not in plan.rewrites and tab.key != keyed
    ]


def rewrite_ranges(plan: SpreadsheetPlan, limit: int) -> list[dict[str, Any]]:
    """New content for rewritten tabs, padded with blanks over what the plan's read
    found there, so that nothing of it is left over."""
    data = []
    for key, rewrite in plan.rewrites.items():
        grid = rewrite.cells
        before = plan.basis.get(key, TabShape())
        old_rows, old_width = before.rows, before.columns
        width = max([old_width, *(len(row) for row in grid)], default=0) or 1
        height = max(old_rows, len(grid), 1)
        padded = [[cell_value(v, limit) for v in row] + [""] * (width - len(row)) for row in grid]
        padded += [[""] * width for _ in range(height - len(grid))]
        title = quote_title(plan.title_of(key))
        data.append({"range": f"{title}!A1:{rowcol_to_a1(height, width)}", "values": padded})
    return data


def new_keyed_rows(
    title: str,
    header: Sequence[str],
    keyed: KeyedTab,
    rows: Sequence[Mapping[str, Value]],
    limit: int,
) -> dict[str, Any]:
    """A brand-new keyed tab: header and rows in one range, no append needed."""
    grid: list[list[str | int | float]] = [list(header), *append_rows(header, keyed, rows, limit)]
    width = max(len(row) for row in grid)
    return {"range": f"{quote_title(title)}!A1:{rowcol_to_a1(len(grid), width)}", "values": grid}


def append_rows(
    header: Sequence[str], keyed: KeyedTab, rows: Sequence[Mapping[str, Value]], limit: int
) -> list[list[str | int | float]]:
    columns = locate_columns(header, keyed.spellings)
    if keyed.key_column not in columns:
        raise HeaderDamaged(missing_column(keyed, keyed.key_column))
    width = max(columns.values()) + 1
    grid = []
    for values in rows:
        row: list[str | int | float] = [""] * width
        for key, value in values.items():
            if key in columns:
                row[columns[key]] = cell_value(value, limit)
        grid.append(row)
    return grid


def update_ranges(
    title: str,
    updates: Sequence[CellUpdate],
    columns: Mapping[str, int],
    rows_by_key: Mapping[str, int],
    limit: int,
) -> list[dict[str, Any]]:
    """One range per cell, addressed where the row is now; rows since deleted are skipped."""
    data = []
    for update in updates:
        row = rows_by_key.get(update.key)
        if row is None or update.column not in columns:
            continue
        cell = rowcol_to_a1(row, columns[update.column] + 1)
        data.append(
            {"range": f"{quote_title(title)}!{cell}", "values": [[cell_value(update.value, limit)]]}
        )
    return data
