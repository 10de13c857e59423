"""The Matches tab's header, checked before anything is written.

The pass finds its rows by «ID пары» and reads each pair's decision from
«Статус». When a person renames one of them, or sorts the tab with its header
row among the data, the pass refuses with one message naming the column, on
every backend, rather than guess: a guess would count every row as deleted
and propose the same goods again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sync.backends.base import BackendError
from sync.plan import KeyedTab, locate_columns

#: What the pass needs each column for.
GUARDED = {
    "match_id": "the pass finds rows by it",
    "status": "the pass reads each pair's status from it",
}


class HeaderDamaged(BackendError):
    """A column the pass cannot work without is not in the keyed tab's header."""


def check_header(rows: Sequence[Sequence[str]], keyed: KeyedTab) -> None:
    """Raise HeaderDamaged when the first row of a non-empty tab lacks a guarded column."""
    if not rows or not any(cell.strip() for row in rows for cell in row):
        return
    columns = locate_columns(rows[0], keyed.spellings)
    for key in GUARDED:
        if key in keyed.spellings and key not in columns:
            raise HeaderDamaged(missing_column(keyed, key, _header_row(rows, keyed)))


def missing_column(keyed: KeyedTab, key: str, header_row: int | None = None) -> str:
    """The one message for a missing guarded column, whichever backend finds it."""
    moved = (
        f" The header is now in row {header_row}: the tab was sorted with its header "
        "row; undo the sort."
        if header_row is not None
        else ""
    )
    return (
        f"{keyed.title}: the column '{keyed.labels[key]}' is missing.{moved} "
        f"Restore it (undo the change in the sheet); {GUARDED[key]}."
    )


def _header_row(rows: Sequence[Sequence[str]], keyed: KeyedTab) -> int | None:
    """The 1-based row below the first that holds the key column's header, if any."""
    for number, row in enumerate(rows[1:], start=2):
        if keyed.key_column in locate_columns(row, keyed.spellings):
            return number
    return None
