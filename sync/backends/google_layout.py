"""Request bodies for the Google backend: pure functions of the plan."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from gspread.utils import rowcol_to_a1

from sync.backends.base import BackendError
from sync.plan import (
    CellUpdate,
    Grid,
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


def new_tab_requests(
    plan: SpreadsheetPlan, taken: Mapping[str, int], new_id: Callable[[str, set[int]], int]
) -> list[dict[str, Any]]:
    used = set(taken.values())
    requests: list[dict[str, Any]] = []
    for tab in plan.new_tabs:
        sheet_id = new_id(tab.title, used)
        used.add(sheet_id)
        rows = max(NEW_TAB_ROWS, len(plan.rewrites.get(tab.title, [])) + len(plan.appends) + 1)
        requests.append(_add_sheet(tab, sheet_id, rows))
        requests += _dropdowns(tab, sheet_id, rows)
        requests += _protections(tab, sheet_id)
    return requests


def _add_sheet(tab: NewTab, sheet_id: int, rows: int) -> dict[str, Any]:
    grid = {
        "rowCount": rows,
        "columnCount": max(NEW_TAB_COLUMNS, len(tab.header)),
        "frozenRowCount": 1,
    }
    return {
        "addSheet": {
            "properties": {"sheetId": sheet_id, "title": tab.title, "gridProperties": grid}
        }
    }


def _dropdowns(tab: NewTab, sheet_id: int, rows: int) -> list[dict[str, Any]]:
    requests = []
    for key, labels in tab.dropdowns.items():
        column = tab.keys.index(key)
        rule = {
            "condition": {
                "type": "ONE_OF_LIST",
                "values": [{"userEnteredValue": label} for label in labels],
            },
            "showCustomUi": True,
            # Not strict: a coordinator's free-text status is read leniently, never refused.
            "strict": False,
        }
        requests.append(
            {
                "setDataValidation": {
                    "range": _columns(sheet_id, column, column + 1, 1, rows),
                    "rule": rule,
                }
            }
        )
    return requests


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
    """Extra rows or columns for tabs whose new content is bigger than their grid.

    The grid is the one the plan's read found. appendDimension adds a count
    relative to what is there at write time, so a stale size can only add spare
    rows, never delete any.
    """
    requests = []
    for title, grid in plan.rewrites.items():
        if title in created:
            continue
        shape = plan.basis[title]
        rows, columns = shape.grid_rows, shape.grid_columns
        width = max((len(row) for row in grid), default=0)
        for dimension, have, need in (("ROWS", rows, len(grid)), ("COLUMNS", columns, width)):
            if need > have:
                requests.append(
                    {
                        "appendDimension": {
                            "sheetId": sheet_id(title),
                            "dimension": dimension,
                            "length": need - have,
                        }
                    }
                )
    return requests


def rewrite_ranges(plan: SpreadsheetPlan, limit: int) -> list[dict[str, Any]]:
    """New content for rewritten tabs, padded with blanks over what the plan's read
    found there, so that nothing of it is left over."""
    data = []
    for title, grid in plan.rewrites.items():
        before = plan.basis.get(title, TabShape())
        old_rows, old_width = before.rows, before.columns
        width = max([old_width, *(len(row) for row in grid)], default=0) or 1
        height = max(old_rows, len(grid), 1)
        padded = [[fit(v, limit) for v in row] + [""] * (width - len(row)) for row in grid]
        padded += [[""] * width for _ in range(height - len(grid))]
        data.append(
            {"range": f"{quote_title(title)}!A1:{rowcol_to_a1(height, width)}", "values": padded}
        )
    return data


def new_keyed_rows(
    title: str,
    header: Sequence[str],
    keyed: KeyedTab,
    rows: Sequence[Mapping[str, str]],
    limit: int,
) -> dict[str, Any]:
    """A brand-new keyed tab: header and rows in one range, no append needed."""
    grid = [list(header), *append_rows(header, keyed, rows, limit)]
    width = max(len(row) for row in grid)
    return {"range": f"{quote_title(title)}!A1:{rowcol_to_a1(len(grid), width)}", "values": grid}


def append_rows(
    header: Sequence[str], keyed: KeyedTab, rows: Sequence[Mapping[str, str]], limit: int
) -> Grid:
    columns = locate_columns(header, keyed.spellings)
    if keyed.key_column not in columns:
        raise BackendError(
            f"{keyed.title}: the column '{keyed.labels[keyed.key_column]}' is missing. "
            "Restore it (undo the change in the sheet); the pass finds rows by it."
        )
    width = max(columns.values()) + 1
    grid = []
    for values in rows:
        row = [""] * width
        for key, value in values.items():
            if key in columns:
                row[columns[key]] = fit(value, limit)
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
            {"range": f"{quote_title(title)}!{cell}", "values": [[fit(update.value, limit)]]}
        )
    return data
