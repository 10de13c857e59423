"""The write plan: plain data saying what a pass will write, and where.

Rows of the Matches tab are addressed by `match_id` and columns by key, not by
position: a backend finds both in the sheet as it is at write time, so a
coordinator who sorted rows or moved columns between our read and our write
loses nothing.

A plan also carries what it was computed from: the shape of every tab the read
found (`basis`). A backend applies a plan with that and nothing else; it never
relies on having read the spreadsheet itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from matcher.text import fold

Grid = list[list[str]]


@dataclass(frozen=True, slots=True)
class TabShape:
    """One tab as a read found it."""

    #: Rows and columns holding values (trailing blanks not counted); 0 for a tab
    #: whose values the read did not ask for.
    rows: int = 0
    columns: int = 0
    #: Rows and columns the tab has room for, on a backend with a fixed grid (Google).
    grid_rows: int = 0
    grid_columns: int = 0
    #: The backend's own id of the tab (Google's sheetId), when the read learned it.
    sheet_id: int | None = None

    def holding(self, grid: Grid) -> TabShape:
        """This shape, with the extent of the values `grid` holds."""
        return replace(self, rows=len(grid), columns=max(map(len, grid), default=0))


@dataclass(frozen=True)
class Snapshot(Mapping[str, "Grid | None"]):
    """What one read() found: each tab asked for, as rows of strings (None when the
    spreadsheet has no such tab), and the shape of every tab the read learned of."""

    grids: Mapping[str, Grid | None]
    tabs: Mapping[str, TabShape] = field(default_factory=dict)

    @classmethod
    def of(cls, grids: Mapping[str, Grid | None]) -> Snapshot:
        """A snapshot of `grids`, on a backend whose tabs have no fixed grid and no ids."""
        return cls(
            dict(grids), {t: TabShape().holding(g) for t, g in grids.items() if g is not None}
        )

    @classmethod
    def nothing(cls, titles: Iterable[str]) -> Snapshot:
        """A spreadsheet that does not exist yet: none of the tabs."""
        return cls(dict.fromkeys(titles, None))

    def __getitem__(self, title: str) -> Grid | None:
        return self.grids[title]

    def __iter__(self) -> Iterator[str]:
        return iter(self.grids)

    def __len__(self) -> int:
        return len(self.grids)


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
    #: What the plan was computed from: tab title -> its shape, for every tab the
    #: read found. A tab not here did not exist then.
    basis: Mapping[str, TabShape] = field(default_factory=dict)

    def __post_init__(self) -> None:
        created = {tab.title for tab in self.new_tabs}
        for title in created & self.basis.keys():
            raise ValueError(f"the plan creates tab {title!r}, which its read found")
        written = set(self.rewrites)
        if self.keyed_tab is not None and (self.appends or self.updates):
            written.add(self.keyed_tab.title)
        for title in sorted(written - created - self.basis.keys()):
            raise ValueError(
                f"the plan writes tab {title!r}, which its read did not find: "
                "create the tab in new_tabs, or compute the plan from a read that found it"
            )

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
