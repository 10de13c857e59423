"""A note on Problems for every Matches cell a pass writes over.

The pass keeps the contact columns of the Matches tab current from the sources
(sync/layouts.py, REFRESHED_COLUMNS). A value a coordinator typed there is
replaced, and never without a word: each replacement is listed on Problems with
the row, the column, the value replaced and the value written.
"""

from __future__ import annotations

from collections.abc import Iterable

from matcher.model import Problem
from matcher.vocabulary_files import ProblemCode
from sync.coordination import MatchesSheet
from sync.layouts import REFRESHED_COLUMNS
from sync.plan import CellUpdate


def overwrite_notes(updates: Iterable[CellUpdate], sheet: MatchesSheet) -> list[Problem]:
    """One note per update that replaces a value in a contact column (filling an empty
    cell replaces none; the days-waiting count going on is no news)."""
    notes = []
    for update in updates:
        if update.column not in REFRESHED_COLUMNS:
            continue
        row = sheet.rows.get(update.key)
        replaced = row.cells.get(update.column, "") if row is not None else ""
        if row is None or not replaced.strip():
            continue
        notes.append(
            Problem(
                source="matches",
                source_row=row.sheet_row,
                field=update.column,
                value=replaced,
                code=ProblemCode.CELL_REFRESHED,
                params={"new": str(update.value)},
                severity="note",
            )
        )
    return notes
