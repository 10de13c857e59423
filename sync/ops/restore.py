"""`mozhem restore PASS`: the coordination spreadsheet back as it was before that pass wrote.

The restore shows, per tab, what would change (row counts and the ids of the
rows concerned, never their contents: they hold phone numbers), then rewrites
each tab the pass read with the rows it read. A tab that did not exist before
the pass keeps only its header. The restore is itself a pass in the ledger,
with its own snapshot, so it can be undone the same way.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from sync.cells import Value
from sync.labels import column_spellings
from sync.layouts import MEMORY, TAB_COLUMNS
from sync.memory import leases_in
from sync.plan import Grid, Rewrite, Snapshot, SpreadsheetPlan, locate_columns, trim_grid


@dataclass(frozen=True)
class TabChange:
    title: str
    rows_now: int
    rows_then: int
    removed: tuple[str, ...]
    added: tuple[str, ...]
    changed: tuple[str, ...]
    existed: bool

    @property
    def is_empty(self) -> bool:
        return not (self.removed or self.added or self.changed)


def target_tabs(
    snapshot: Mapping[str, Grid | None], current: Mapping[str, Grid | None]
) -> dict[str, Grid]:
    """Tab -> the rows to put back. A tab absent then keeps its current header only."""
    target: dict[str, Grid] = {}
    for title, then in snapshot.items():
        if then is not None:
            target[title] = trim_grid(then)
        else:
            now = current.get(title) or []
            target[title] = [list(now[0])] if now else []
    return target


def changes(
    snapshot: Mapping[str, Grid | None], current: Mapping[str, Grid | None]
) -> list[TabChange]:
    target = target_tabs(snapshot, current)
    found = []
    for title, then in target.items():
        now = trim_grid(current.get(title) or [])
        removed: list[str] = []
        added: list[str] = []
        changed: list[str] = []
        matcher = difflib.SequenceMatcher(
            a=[tuple(r) for r in now], b=[tuple(r) for r in then], autojunk=False
        )
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op in ("delete", "replace"):
                rows = [_label(now, i) for i in range(a0, a1)]
                if op == "replace" and (b1 - b0) == (a1 - a0):
                    changed += rows
                else:
                    removed += rows
            if op == "insert" or (op == "replace" and (b1 - b0) != (a1 - a0)):
                added += [_label(then, i) for i in range(b0, b1)]
        found.append(
            TabChange(
                title,
                max(len(now) - 1, 0),
                max(len(then) - 1, 0),
                tuple(removed),
                tuple(added),
                tuple(changed),
                snapshot.get(title) is not None,
            )
        )
    return found


def _label(grid: Grid, index: int) -> str:
    """A row named by its id (the column whose header starts with "ID"), never by
    another cell: other columns hold names and phones."""
    if index == 0:
        return "header"
    header = grid[0] if grid else []
    column = next(
        (j for j, cell in enumerate(header) if cell.strip().upper().startswith("ID")), None
    )
    row = grid[index]
    key = row[column] if column is not None and column < len(row) else ""
    return f"row {index + 1} ({key[:24]})" if key else f"row {index + 1}"


def describe(changes_: list[TabChange], pass_id: int, shown: int = 5) -> list[str]:
    lines = []
    for change in changes_:
        if change.is_empty:
            lines.append(f"  {change.title}: no change")
            continue
        then = (
            f"{change.rows_then} before pass {pass_id}"
            if change.existed
            else f"the tab did not exist before pass {pass_id}: its rows are cleared, "
            "its header kept"
        )
        lines.append(f"  {change.title}: {change.rows_now} rows now, {then}")
        for verb, rows in (
            ("removed", change.removed),
            ("put back", change.added),
            ("changed back", change.changed),
        ):
            if rows:
                more = f", and {len(rows) - shown} more" if len(rows) > shown else ""
                lines.append(f"    {len(rows)} {verb}: {', '.join(rows[:shown])}{more}")
    return lines


def missing_now(snapshot: Mapping[str, Grid | None], current: Snapshot) -> list[str]:
    """Tabs the pass read that a person has deleted since: a restore cannot recreate them."""
    return [t for t, grid in snapshot.items() if grid is not None and t not in current.tabs]


def restore_plan(
    spreadsheet: str, snapshot: Mapping[str, Grid | None], current: Snapshot
) -> SpreadsheetPlan:
    """Rewrites of the tabs that differ, computed from `current`, the read just made."""
    target = target_tabs(snapshot, current)
    rewrites = {
        title: _rewrite(title, rows)
        for title, rows in target.items()
        if title in current.tabs and trim_grid(current.get(title) or []) != rows
    }
    leases = leases_in(current.get(MEMORY))
    return SpreadsheetPlan(
        spreadsheet=spreadsheet, rewrites=rewrites, basis=current.tabs, leases=leases
    )


def _rewrite(key: str, rows: Grid) -> Rewrite:
    """The rows to put back on tab `key`, each column under the key its header names,
    so the tab keeps the look of its columns."""
    cells: list[list[Value]] = [list(row) for row in rows]
    header = rows[0] if rows else []
    spellings = {column: column_spellings(column) for column in TAB_COLUMNS.get(key, ())}
    at = {index: column for column, index in locate_columns(header, spellings).items()}
    return Rewrite(cells, tuple(at.get(index, "") for index in range(len(header))))
