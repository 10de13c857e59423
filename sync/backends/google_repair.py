"""Matches cells a sort sent to the wrong rows, found after the write and put right.

The pass finds each row by its match_id right before writing, but a coordinator
may sort the tab between that read and the write: a refreshed phone then lands
on another pair's row. Google has no write addressed by a cell's content (rows
could carry developer metadata, but a write addressed by it covers the whole
row, the coordinators' status and notes included), so the pass reads the tab
again after writing and compares, cell by cell, in the columns it wrote:

- a pair it refreshed must hold the value it wrote, wherever its row is now;
- a pair it did not refresh in that column must hold what the read before the
  write found there. When it holds instead one of the values the pass wrote in
  that column, the write landed on it: the value read before goes back. Any
  other value is a person's typing, left for the next pass (which writes the
  source's value over it and says so on Problems).

Cells are compared as Google keeps them (UNFORMATTED_VALUE), so what goes back
is what was there: text as text, numbers and dates as numbers. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gspread.utils import rowcol_to_a1

from sync.backends.google_layout import cell_value, quote_title
from sync.keyed_header import check_header
from sync.plan import CellUpdate, KeyedTab, locate_columns

Raw = str | int | float | bool


@dataclass(frozen=True)
class MatchRows:
    """The keyed tab as one read found it: header (None when empty), each id's first
    row (1-based, as the sheet numbers it) and every row's cells as Google keeps them."""

    header: list[str] | None = None
    at: Mapping[str, int] = field(default_factory=dict)
    cells: Sequence[Sequence[Raw]] = ()

    def columns(self, keyed: KeyedTab) -> dict[str, int]:
        return locate_columns(self.header or [], keyed.spellings)

    def cell(self, row: int, column: int) -> Raw:
        values = self.cells[row - 1] if row - 1 < len(self.cells) else []
        return values[column] if column < len(values) else ""


def match_rows(value_range: Mapping[str, Any], keyed: KeyedTab) -> MatchRows:
    """A read of the keyed tab (refused when its header is damaged)."""
    cells = [list(row) for row in value_range.get("values", [])]
    if not cells:
        return MatchRows()
    text = [[str(c) for c in row] for row in cells]
    check_header(text, keyed)
    at = locate_columns(text[0], keyed.spellings)[keyed.key_column]
    found: dict[str, int] = {}
    for n, row in enumerate(text[1:], start=2):
        if len(row) > at and row[at].strip():
            # The first copy of a duplicated id is the row the pass reads.
            found.setdefault(row[at].strip(), n)
    return MatchRows(text[0], found, cells)


def misplaced(
    keyed: KeyedTab,
    written: Sequence[CellUpdate],
    before: MatchRows,
    after: MatchRows,
    limit: int,
) -> list[dict[str, Any]]:
    """values.batchUpdate ranges that put right the cells `written` (the updates sent,
    each to the row `before` gave its id) left wrong in `after`."""
    wanted = {(u.key, u.column): cell_value(u.value, limit) for u in written}
    sent: dict[str, list[Raw]] = {}
    for (_, column), value in wanted.items():
        sent.setdefault(column, []).append(value)
    was, now = before.columns(keyed), after.columns(keyed)
    fixes = []
    for match_id, row in after.at.items():
        for column, values in sent.items():
            if column not in now:
                continue
            found = after.cell(row, now[column])
            if (match_id, column) in wanted:
                right: Raw = wanted[(match_id, column)]
            elif match_id in before.at and column in was:
                right = before.cell(before.at[match_id], was[column])
                if not any(_same(found, value) for value in values):
                    continue  # not what we wrote: a person's typing
            else:
                continue  # a row appended since, or one the read before did not have
            if not _same(found, right):
                cell = rowcol_to_a1(row, now[column] + 1)
                fixes.append({"range": f"{quote_title(keyed.title)}!{cell}", "values": [[right]]})
    return fixes


def _same(found: Raw, wanted: Raw) -> bool:
    numbers = (int, float)
    if isinstance(found, numbers) and isinstance(wanted, numbers):
        return not isinstance(found, bool) and abs(found - wanted) < 1e-9
    return str(found) == str(wanted)
