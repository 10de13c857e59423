"""Spreadsheets and their grids, as plain data the endpoints read and change."""

from __future__ import annotations

import copy
import itertools
import random
from dataclasses import dataclass, field
from typing import Any

from .a1 import WHOLE_SHEET, Bounds, format_range, parse_range
from .cells import Cell
from .errors import bad_request, not_found, permission_denied, unparsable_range

OWNER_EMAIL = "emulator@sheets-emulator.iam.gserviceaccount.com"


@dataclass
class Sheet:
    properties: dict[str, Any]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    protected_ranges: list[dict[str, Any]] = field(default_factory=list)
    data_validations: list[dict[str, Any]] = field(default_factory=list)
    #: repeatCell requests in order: {"range", "cell", "mask"} (formatting.py).
    formats: list[dict[str, Any]] = field(default_factory=list)
    #: ("ROWS" | "COLUMNS", index) -> pixels, where set.
    pixel_sizes: dict[tuple[str, int], int] = field(default_factory=dict)
    conditional_formats: list[dict[str, Any]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.properties["title"])

    @property
    def sheet_id(self) -> int:
        return int(self.properties["sheetId"])

    @property
    def grid(self) -> dict[str, int]:
        grid: dict[str, int] = self.properties["gridProperties"]
        return grid

    @property
    def rows(self) -> int:
        return self.grid["rowCount"]

    @property
    def cols(self) -> int:
        return self.grid["columnCount"]

    def drop_outside_grid(self) -> None:
        self.cells = {k: v for k, v in self.cells.items() if k[0] < self.rows and k[1] < self.cols}


@dataclass(frozen=True)
class Area:
    """A closed-open rectangle on one sheet, clipped or checked against its grid."""

    sheet: Sheet
    row0: int
    col0: int
    row1: int
    col1: int

    def a1(self) -> str:
        return format_range(self.sheet.title, self.row0, self.col0, self.row1, self.col1)


@dataclass
class Spreadsheet:
    key: str
    properties: dict[str, Any]
    sheets: list[Sheet] = field(default_factory=list)
    created: str = "2024-01-01T00:00:00.000Z"

    @property
    def locale(self) -> str:
        return str(self.properties.get("locale", "en_US"))

    def snapshot(self) -> Spreadsheet:
        """A copy to restore when a request fails half-way: Google applies all or nothing."""
        sheets = [
            Sheet(
                copy.deepcopy(s.properties),
                dict(s.cells),
                copy.deepcopy(s.protected_ranges),
                copy.deepcopy(s.data_validations),
                copy.deepcopy(s.formats),
                dict(s.pixel_sizes),
                copy.deepcopy(s.conditional_formats),
            )
            for s in self.sheets
        ]
        return Spreadsheet(self.key, copy.deepcopy(self.properties), sheets, self.created)

    def sheet_by_title(self, title: str) -> Sheet | None:
        return next((s for s in self.sheets if s.title == title), None)

    def sheet_by_id(self, sheet_id: int) -> Sheet | None:
        return next((s for s in self.sheets if s.sheet_id == sheet_id), None)

    def reindex(self) -> None:
        for index, sheet in enumerate(self.sheets):
            sheet.properties["index"] = index

    def new_sheet_id(self) -> int:
        taken = {s.sheet_id for s in self.sheets}
        rng = random.Random(len(taken) * 7919 + len(self.key))
        while True:
            candidate = rng.randrange(1, 2**31 - 1)
            if candidate not in taken:
                return candidate

    def resolve(self, text: str) -> tuple[Sheet, Bounds]:
        """A range in A1 notation; a bare name is a title first, else a range on the first sheet."""
        try:
            parsed = parse_range(text)
        except ValueError:
            raise unparsable_range(text) from None
        if parsed.title is not None:
            sheet = self.sheet_by_title(parsed.title)
            if sheet is None:
                raise unparsable_range(text)
            return sheet, parsed.bounds or WHOLE_SHEET
        sheet = self.sheet_by_title(parsed.bare)
        if sheet is not None:
            return sheet, WHOLE_SHEET
        if parsed.bounds is None or not self.sheets:
            raise unparsable_range(text)
        return self.sheets[0], parsed.bounds

    def area(self, text: str) -> Area:
        """The range with open ends closed at the grid; explicit ends past it are an error."""
        sheet, b = self.resolve(text)
        row1 = sheet.rows if b.row1 is None else b.row1
        col1 = sheet.cols if b.col1 is None else b.col1
        area = Area(sheet, b.row0 or 0, b.col0 or 0, row1, col1)
        if row1 > sheet.rows or col1 > sheet.cols:
            raise grid_limits(area)
        return area


def grid_limits(area: Area) -> Exception:
    sheet = area.sheet
    return bad_request(
        f"Range ({area.a1()}) exceeds grid limits. "
        f"Max rows: {sheet.rows}, max columns: {sheet.cols}"
    )


def new_sheet_properties(sheet_id: int, title: str, index: int, rows: int, cols: int) -> dict:
    return {
        "sheetId": sheet_id,
        "title": title,
        "index": index,
        "sheetType": "GRID",
        "gridProperties": {"rowCount": rows, "columnCount": cols},
    }


@dataclass
class Store:
    """Every spreadsheet the emulated account can see, plus ones it may not open."""

    spreadsheets: dict[str, Spreadsheet] = field(default_factory=dict)
    private_keys: set[str] = field(default_factory=set)
    _serial: itertools.count = field(default_factory=lambda: itertools.count(1))

    def new_key(self) -> str:
        return f"emu{next(self._serial):04d}" + "x" * 37

    def snapshot(self) -> Store:
        """A copy that shares nothing that can change with this one: each spreadsheet
        as `Spreadsheet.snapshot` copies it (cells are immutable, so they are shared).
        A deep copy gives the same, many times slower."""
        return Store(
            {key: book.snapshot() for key, book in self.spreadsheets.items()},
            set(self.private_keys),
            copy.deepcopy(self._serial),
        )

    def get(self, key: str) -> Spreadsheet:
        if key in self.private_keys:
            raise permission_denied()
        spreadsheet = self.spreadsheets.get(key)
        if spreadsheet is None:
            raise not_found()
        return spreadsheet

    def create(self, title: str, rows: int = 1000, cols: int = 26) -> Spreadsheet:
        key = self.new_key()
        properties = {
            "title": title,
            "locale": "en_US",
            "autoRecalc": "ON_CHANGE",
            "timeZone": "Etc/GMT",
        }
        spreadsheet = Spreadsheet(key, properties)
        spreadsheet.sheets.append(Sheet(new_sheet_properties(0, "Sheet1", 0, rows, cols)))
        self.spreadsheets[key] = spreadsheet
        return spreadsheet

    def delete(self, key: str) -> None:
        self.get(key)
        del self.spreadsheets[key]
