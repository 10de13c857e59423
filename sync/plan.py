"""The write plan: plain data saying what a pass will write, and where.

Rows of the Matches tab are addressed by `match_id` and columns by key, not by
position: a backend finds both in the sheet as it is at write time, so a
coordinator who sorted rows or moved columns between our read and our write
loses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from matcher.normalize.text import fold

Grid = list[list[str]]


@dataclass(frozen=True, slots=True)
class NewTab:
    """A tab to create, with its header and the help coordinators get."""

    title: str
    #: Column keys, in order; `header` holds their labels.
    keys: tuple[str, ...]
    header: tuple[str, ...]
    #: Column key -> the allowed labels, shown as a dropdown.
    dropdowns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Column keys that only the pipeline writes (protected with a warning).
    protected: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KeyedTab:
    """How to find rows and columns of a tab whose layout people may change."""

    title: str
    key_column: str
    #: Column key -> every folded header spelling that names it.
    spellings: Mapping[str, frozenset[str]]
    #: Column key -> the header to write when the column has to be added.
    labels: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CellUpdate:
    key: str  # value of the key column (a match_id)
    column: str  # column key
    value: str


@dataclass(frozen=True, slots=True)
class SpreadsheetPlan:
    spreadsheet: str
    new_tabs: tuple[NewTab, ...] = ()
    keyed_tab: KeyedTab | None = None
    #: Rows to append to the keyed tab, each as column key -> value.
    appends: tuple[Mapping[str, str], ...] = ()
    updates: tuple[CellUpdate, ...] = ()
    #: Tabs rewritten whole (header included), only those whose content changed.
    rewrites: Mapping[str, Grid] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.new_tabs or self.appends or self.updates or self.rewrites)

    def describe(self) -> list[str]:
        """Human-readable lines for --dry-run."""
        lines = [f"spreadsheet {self.spreadsheet}:"]
        lines += [
            f"  create tab {tab.title!r} ({len(tab.header)} columns)" for tab in self.new_tabs
        ]
        if self.keyed_tab and self.appends:
            lines.append(f"  append {len(self.appends)} rows to {self.keyed_tab.title!r}")
            lines += [f"    + {row.get(self.keyed_tab.key_column, '')}" for row in self.appends]
        if self.keyed_tab and self.updates:
            lines.append(f"  update {len(self.updates)} cells in {self.keyed_tab.title!r}")
            lines += [f"    ~ {u.key} {u.column}" for u in self.updates]
        lines += [
            f"  rewrite tab {title!r} ({max(len(rows) - 1, 0)} rows)"
            for title, rows in self.rewrites.items()
        ]
        if self.is_empty:
            lines.append("  nothing to write")
        return lines


def locate_columns(
    header: Sequence[str], spellings: Mapping[str, frozenset[str]]
) -> dict[str, int]:
    """Column key -> 0-based index in `header`, for the keys present."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        folded = fold(title)
        for key, names in spellings.items():
            if folded in names and key not in found:
                found[key] = index
    return found


def trim_grid(rows: Sequence[Sequence[str]]) -> Grid:
    """Drop trailing empty cells and rows, as Google does, so grids compare equal."""
    trimmed = [list(row) for row in rows]
    for row in trimmed:
        while row and row[-1] == "":
            row.pop()
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed
