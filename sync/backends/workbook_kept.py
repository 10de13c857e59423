"""The tabs a pass wrote, kept for the next pass's read: what it need not parse again.

Parsing the coordination workbook's XML is most of what reading it costs (seconds
at 100,000 rows), yet between two passes the tabs the pipeline writes usually
hold exactly what the last pass wrote. So when a pass writes the workbook, it
keeps, in state_dir/written-tabs/, each tab's values as a read gives them (the
text of every cell), with a checksum of what the tab's cells read from in the
file it left (xlsx_parts.tab_checksums: the tab's worksheet part and every part
that is not a worksheet). The next read takes a kept tab's values only when the
checksum of the file it reads is the same; a tab anyone saved anything into since
(a coordinator's edit, or Excel or LibreOffice saving the file) has another
checksum, and is parsed as always.

A tab's values are kept only when the pass can tell for certain what a read of
them gives: the tabs it wrote whole (and the Matches tab it created), when every
cell written there reads back as the very text (plain text, whole numbers, numbers
of at most 15 digits, dates to the second in a date format), and the tabs that the
read took from here and the write did not change. Anything else is parsed on the
next read. Only files the pass itself wrote, in its own state_dir, are read.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sync import records_file
from sync.backends.workbook_read import as_text
from sync.backends.workbook_style import XLSX_FORMATS, number_format
from sync.backends.xlsx_stream import XLSX_CELL_LIMIT
from sync.cells import Value, as_moment
from sync.plan import Grid, trimmed
from sync.styles import PLAIN, ColumnStyle, NumberFormat

#: The number formats a read gives a date in (any other: the number).
_DATE_FORMATS = frozenset((XLSX_FORMATS["date"], XLSX_FORMATS["date_time"]))
#: Characters a cell's text may not read back with: those XML forbids, which a write
#: leaves out, and the carriage return, which may come back as a line feed.
_DOUBTFUL = re.compile("[\x00-\x08\x0b-\x1f]")
#: Whole numbers up to this are kept exactly by a float.
_EXACT_INTEGERS = 2**53
INDEX = "index.pickle"


@dataclass(frozen=True)
class KeptTab:
    """A tab's checksum in the file the pass left, and the file its values are in."""

    checksum: str
    values: str
    #: The tab's worksheet part emptied of rows (xlsx_stream.without_rows), which the
    #: read gives openpyxl for the tab's furniture; None: not kept, emptied from the file.
    emptied: bytes | None = None


@dataclass(frozen=True)
class Index:
    #: The workbook the tabs are of.
    workbook: str
    #: Tab title -> what is kept of it.
    tabs: Mapping[str, KeptTab]


class WrittenTabs:
    """What the pass keeps of the tabs it wrote, in `directory` (state_dir/written-tabs)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def index(self, workbook: Path) -> dict[str, KeptTab]:
        found = records_file.read(self.directory / INDEX)
        if not isinstance(found, Index) or found.workbook != str(workbook):
            return {}
        return dict(found.tabs)

    def grids(self, workbook: Path, checksums: Mapping[str, str]) -> dict[str, Grid]:
        """Tab title -> its values, for each tab of `workbook` kept with the checksum the
        file has now (`checksums`, by title)."""
        grids: dict[str, Grid] = {}
        for title, kept in self.index(workbook).items():
            if checksums.get(title) == kept.checksum:
                grid = records_file.read(self.directory / kept.values)
                if isinstance(grid, list):
                    grids[title] = grid
        return grids

    def emptied(self, workbook: Path, checksums: Mapping[str, str]) -> dict[str, bytes]:
        """Tab title -> its worksheet part emptied of rows, for each tab of `workbook`
        kept with the checksum the file has now (`checksums`, by title)."""
        return {
            title: kept.emptied
            for title, kept in self.index(workbook).items()
            if kept.emptied is not None and checksums.get(title) == kept.checksum
        }

    def keep(
        self,
        workbook: Path,
        checksums: Mapping[str, str],
        written: Mapping[str, Grid],
        unchanged: Sequence[str] = (),
        emptied: Mapping[str, bytes] = {},
    ) -> None:
        """Keep the tabs of `workbook`, whose tabs now have `checksums`: the values of
        the tabs `written`, and those kept before of the tabs titled `unchanged`
        (values the write left as they were); with each, its part in the file emptied
        of rows, when given in `emptied`."""
        before = self.index(workbook)
        tabs: dict[str, KeptTab] = {}
        for title in unchanged:
            if title in before and title in checksums and title not in written:
                tabs[title] = KeptTab(checksums[title], before[title].values, emptied.get(title))
        for title, grid in written.items():
            if title in checksums:
                name = f"{secrets.token_hex(8)}.pickle"
                records_file.write(self.directory / name, grid)
                tabs[title] = KeptTab(checksums[title], name, emptied.get(title))
        records_file.write(self.directory / INDEX, Index(str(workbook), tabs))
        self._tidy({kept.values for kept in tabs.values()})

    def forget(self) -> None:
        """Keep nothing: the next read parses every tab."""
        (self.directory / INDEX).unlink(missing_ok=True)
        self._tidy(set())

    def _tidy(self, used: set[str]) -> None:
        if not self.directory.is_dir():
            return
        for path in self.directory.glob("*.pickle"):
            if path.name != INDEX and path.name not in used:
                path.unlink(missing_ok=True)


def as_read(
    cells: Sequence[Sequence[Value]], looks: Mapping[int, ColumnStyle], header: bool = True
) -> Grid | None:
    """The values a read gives of a tab written with `cells` (the first row, with
    `header`, written plain; the others with their column's look, by 0-based
    column); None when some cell might read back as other text than this says."""
    formats = {column: look.number_format for column, look in looks.items()}
    #: The columns whose whole numbers read as dates (their format is a date's).
    dated = frozenset(c for c, f in formats.items() if f and XLSX_FORMATS[f] in _DATE_FORMATS)
    #: (type, value, number format) -> what `_shown` says of it: many repeat.
    known: dict[tuple[type, object, NumberFormat | None], str | None] = {}
    grid: Grid = []
    for index, row in enumerate(cells):
        plain = header and index == 0
        try:  # most rows are text alone: one look at all of it
            joined = "\n".join(row)  # type: ignore[arg-type]
        except TypeError:
            texts = [value for value in row if type(value) is str]
            joined = "\n".join(texts)
        else:
            texts = row  # type: ignore[assignment]
        if _DOUBTFUL.search(joined) or (
            len(joined) > XLSX_CELL_LIMIT and max(map(len, texts)) > XLSX_CELL_LIMIT
        ):
            return None
        if texts is row:
            grid.append(list(row))
            continue
        shown: list[str] = []
        for column, value in enumerate(row):
            kind = type(value)
            if kind is str:  # looked at above
                shown.append(value)  # type: ignore[arg-type]
            elif kind is int and (plain or column not in dated):
                if not -_EXACT_INTEGERS < value < _EXACT_INTEGERS:  # type: ignore[operator]
                    return None
                shown.append(str(value))
            else:
                key = (kind, value, None if plain else formats.get(column))
                if key in known:
                    text = known[key]
                else:
                    text = known[key] = _shown(value, PLAIN if plain else looks.get(column, PLAIN))
                if text is None:
                    return None
                shown.append(text)
        grid.append(shown)
    return trimmed(grid)


def _shown(value: Value, look: ColumnStyle) -> str | None:
    """The text a read gives of a cell written with `value`, when that is certain."""
    if isinstance(value, str):
        doubtful = _DOUBTFUL.search(value) or len(value) > XLSX_CELL_LIMIT
        return None if doubtful else value
    if isinstance(value, bool):
        return None
    dated = number_format(value, look) in _DATE_FORMATS
    if isinstance(value, date):
        moment = as_moment(value)
        if not dated or moment.microsecond or not 1900 < moment.year < 9999:
            return None
        return as_text(moment)
    if dated:
        return None  # a number in a date column reads as a date
    if isinstance(value, int):
        return str(value) if abs(value) < _EXACT_INTEGERS else None
    if not math.isfinite(value) or float(f"{value:.15g}") != value:
        return None  # written with fewer digits than it has
    return as_text(value)
