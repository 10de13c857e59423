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
from itertools import islice
from typing import TypeVar

from matcher.text import fold
from sync.cells import Value, same_value
from sync.lease import Lease
from sync.styles import DEFAULT_STYLE, Highlight, TabStyle

#: A tab as a read gives it: every cell as the text the spreadsheet shows.
Grid = list[list[str]]
#: A tab as a pass writes it: text, numbers and dates.
Cells = list[list[Value]]


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
    #: The tab's title when the read found it (it may be renamed; its key stays).
    title: str = ""
    #: Furniture as the read found it: header rows kept in view, columns (0-based)
    #: whose dropdown reaches the end of the tab, columns with a highlight, and
    #: whether the tab carries its identity (found by it, not by its title).
    frozen_rows: int = 0
    dropdowns: frozenset[int] = frozenset()
    highlights: frozenset[int] = frozenset()
    marked: bool = True

    def holding(self, grid: Grid) -> TabShape:
        """This shape, with the extent of the values `grid` holds."""
        return replace(self, rows=len(grid), columns=max(map(len, grid), default=0))


@dataclass(frozen=True)
class TabIdentity:
    """How a read finds a tab the pipeline made: by the mark it left on it (a defined
    name in a workbook, the sheetId on Google), else by any title it may have."""

    key: str
    titles: frozenset[str]
    #: Column key -> its folded header spellings, for columns whose dropdown is checked.
    dropdowns: Mapping[str, frozenset[str]] = field(default_factory=dict)


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
            dict(grids),
            {t: TabShape(title=t).holding(g) for t, g in grids.items() if g is not None},
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
    """A tab to create, with its header and the help coordinators get.

    `key` names the tab in a plan for good; `title` is what people see, and may
    change. Its look (dropdowns, formats) is the plan's `styles[key]`."""

    title: str
    #: Column keys, in order; `header` holds their labels.
    keys: tuple[str, ...]
    header: tuple[str, ...]
    #: Column keys that only the pipeline writes (protected with a warning).
    protected: tuple[str, ...] = ()
    key: str = ""
    #: Out of people's way: the pipeline's own memory (sync/memory.py).
    hidden: bool = False

    def __post_init__(self) -> None:
        _key_defaults_to_title(self)


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A tab's whole new content, header first."""

    cells: Cells
    #: The key of each column of `cells`; "" for a column that is not the pipeline's.
    keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Restore:
    """Furniture to put back on a tab that has it no more, in the write of the pass."""

    tab: str
    freeze: bool = False
    #: Column (0-based, where the read found it) -> the labels of its dropdown.
    dropdowns: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    highlights: tuple[tuple[int, Highlight], ...] = ()
    #: The tab's identity, so that it is found again when renamed.
    mark: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.freeze or self.dropdowns or self.highlights or self.mark)


@dataclass(frozen=True, slots=True)
class KeyedTab:
    """How to find rows and columns of a tab whose layout people may change."""

    title: str
    key_column: str
    #: Column key -> every folded header spelling that names it.
    spellings: Mapping[str, frozenset[str]]
    #: Column key -> the header to write when the column has to be added.
    labels: Mapping[str, str]
    #: The tab's key in the plan; its title when not given.
    key: str = ""

    def __post_init__(self) -> None:
        _key_defaults_to_title(self)


def _key_defaults_to_title(tab: NewTab | KeyedTab) -> None:
    if not tab.key:
        object.__setattr__(tab, "key", tab.title)


@dataclass(frozen=True, slots=True)
class CellUpdate:
    key: str  # value of the key column (a match_id)
    column: str  # column key
    value: Value


@dataclass(frozen=True, slots=True)
class SpreadsheetPlan:
    spreadsheet: str
    new_tabs: tuple[NewTab, ...] = ()
    keyed_tab: KeyedTab | None = None
    #: Rows to append to the keyed tab, each as column key -> value.
    appends: tuple[Mapping[str, Value], ...] = ()
    updates: tuple[CellUpdate, ...] = ()
    #: Tabs rewritten whole (header included), only those whose content changed.
    rewrites: Mapping[str, Rewrite] = field(default_factory=dict)
    #: Furniture put back where a read found it missing.
    restores: tuple[Restore, ...] = ()
    #: Tab key -> how the tab looks; a tab not here gets DEFAULT_STYLE.
    styles: Mapping[str, TabStyle] = field(default_factory=dict)
    #: What the plan was computed from: tab key -> its shape, for every tab the
    #: read found. A tab not here did not exist then.
    basis: Mapping[str, TabShape] = field(default_factory=dict)
    #: The lease rows the read found in the memory tab (sync/lease.py): a backend
    #: several machines share writes only after the leases it saw.
    leases: tuple[Lease, ...] = ()

    def __post_init__(self) -> None:
        created = {tab.key for tab in self.new_tabs}
        for key in created & self.basis.keys():
            raise ValueError(f"the plan creates tab {key!r}, which its read found")
        written = set(self.rewrites) | {restore.tab for restore in self.restores}
        if self.keyed_tab is not None and (self.appends or self.updates):
            written.add(self.keyed_tab.key)
        for key in sorted(written - created - self.basis.keys()):
            raise ValueError(
                f"the plan writes tab {key!r}, which its read did not find: "
                "create the tab in new_tabs, or compute the plan from a read that found it"
            )

    @property
    def is_empty(self) -> bool:
        return not (self.new_tabs or self.appends or self.updates or self.rewrites or self.restores)

    def title_of(self, key: str) -> str:
        """The title of the tab `key`: as the read found it, or as it is to be created."""
        shape = self.basis.get(key)
        if shape is not None and shape.title:
            return shape.title
        return next((tab.title for tab in self.new_tabs if tab.key == key), key)

    def style_of(self, key: str) -> TabStyle:
        return self.styles.get(key, DEFAULT_STYLE)

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
            f"  rewrite tab {self.title_of(key)!r} ({max(len(rewrite.cells) - 1, 0)} rows)"
            for key, rewrite in self.rewrites.items()
        ]
        lines += [f"  restore {_restored(r)} on {self.title_of(r.tab)!r}" for r in self.restores]
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


def _restored(restore: Restore) -> str:
    parts = ["frozen header"] if restore.freeze else []
    parts += ["dropdown"] * bool(restore.dropdowns) + ["highlight"] * bool(restore.highlights)
    return ", ".join(parts + ["identity"] * restore.mark)


AnyCell = TypeVar("AnyCell", bound=Value)


def trim_grid(rows: Sequence[Sequence[AnyCell]]) -> list[list[AnyCell]]:
    """Drop trailing empty cells and rows, as Google does, so grids compare equal."""
    return trimmed([list(row) for row in rows])


def trimmed(rows: list[list[AnyCell]]) -> list[list[AnyCell]]:
    """`rows` trimmed as `trim_grid` does, in place: for rows made for the purpose."""
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def same_grid(read: Grid | None, wanted: Cells) -> bool:
    """Whether a tab a read found holds `wanted`, cell by cell (see `same_value`),
    trailing empty cells and rows aside; neither grid is copied."""
    found = read or []
    height = _height(found)
    if _height(wanted) != height:
        return False
    for a, b in zip(islice(found, height), islice(wanted, height), strict=True):
        width = _width(a)
        if _width(b) != width or not all(map(same_value, islice(a, width), islice(b, width))):
            return False
    return True


def _width(row: Sequence[Value]) -> int:
    """How many cells of `row` are left once its trailing empty ones are dropped."""
    width = len(row)
    while width and row[width - 1] == "":
        width -= 1
    return width


def _height(rows: Sequence[Sequence[Value]]) -> int:
    height = len(rows)
    while height and not _width(rows[height - 1]):
        height -= 1
    return height
