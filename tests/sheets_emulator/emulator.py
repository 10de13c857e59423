"""SheetsEmulator: the public face tests use to build, wire, steer and inspect the fake."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import gspread
import requests
from google.oauth2.credentials import Credentials

from . import grid
from .adapter import DRIVE_PREFIX, SHEETS_PREFIX, EmulatorAdapter
from .cells import Rendering, Scalar, form_answer, formatted
from .controls import (
    APPLIED_FAULTS,
    DroppedConnection,
    Quota,
    RecordedRequest,
    Schedule,
    TimedOut,
    fault_error,
    is_read,
    is_sheets,
)
from .errors import ApiError
from .formatting import cell_format
from .routes import route, serve
from .sorting import sort_rows
from .state import Area, Sheet, Store


class SheetsEmulator:
    def __init__(self) -> None:
        self.store = Store()
        self.requests: list[RecordedRequest] = []
        self._schedule = Schedule()
        self._quota: Quota | None = None

    # --- building and wiring -------------------------------------------------
    def create_spreadsheet(
        self,
        title: str,
        sheets: dict[str, list[list[Any]]] | None = None,
        rows: int = 1000,
        cols: int = 26,
        locale: str = "en_US",
        time_zone: str = "Etc/GMT",
    ) -> str:
        """A spreadsheet with the given sheets (title -> rows of values typed by a person,
        read in `locale`)."""
        book = self.store.create(title, rows, cols)
        book.properties.update(locale=locale, timeZone=time_zone)
        for index, (name, data) in enumerate((sheets or {}).items()):
            if index == 0:
                book.sheets[0].properties["title"] = name
            else:
                props = dict(book.sheets[0].properties, sheetId=book.new_sheet_id())
                props.update(
                    title=name, index=index, gridProperties={"rowCount": rows, "columnCount": cols}
                )
                book.sheets.append(Sheet(props))
            if data:
                self.set_values(book.key, name, data)
        return book.key

    def make_private(self, key: str) -> None:
        """Someone else's spreadsheet: it exists, but opening it is 403 PERMISSION_DENIED."""
        self.store.private_keys.add(key)

    def credentials(self) -> Credentials:
        return Credentials(token="emulator-token", expiry=None)

    def attach(self, client: gspread.Client) -> gspread.Client:
        session = client.http_client.session
        adapter = EmulatorAdapter(self)
        session.mount(SHEETS_PREFIX, adapter)
        session.mount(DRIVE_PREFIX, adapter)
        return client

    def client(self) -> gspread.Client:
        return self.attach(gspread.Client(auth=self.credentials()))

    # --- looking at and changing cells directly ------------------------------
    def _sheet(self, key: str, title: str) -> Sheet:
        sheet = self.store.get(key).sheet_by_title(title)
        if sheet is None:
            raise KeyError(f"no sheet {title!r} in {key}")
        return sheet

    def values(self, key: str, title: str) -> list[list[str]]:
        sheet = self._sheet(key, title)
        area = Area(sheet, 0, 0, sheet.rows, sheet.cols)
        how = Rendering(locale=self.store.get(key).locale)
        return [[str(v) for v in row] for row in grid.read(area, how, "ROWS")]

    def set_values(
        self, key: str, title: str, rows: list[list[Any]], start: str = "A1", raw: bool = False
    ) -> None:
        """As a person typing: values are parsed like USER_ENTERED in the spreadsheet's
        locale (with `raw`, kept as text, like RAW), and the grid grows."""
        self._place(key, title, rows, start, grid.typing(not raw, self.store.get(key).locale))

    def add_form_responses(
        self, key: str, title: str, rows: Sequence[Sequence[datetime | str]]
    ) -> None:
        """Rows as a Google Form writes them below the last row of its response sheet: a
        datetime (the timestamp) is a date-time, an answer that reads as a number or a date
        in the spreadsheet's locale is stored as one, other answers are text."""
        sheet = self._sheet(key, title)
        below = max((r for r, _ in sheet.cells), default=-1) + 2
        locale = self.store.get(key).locale
        grid_rows = [list(row) for row in rows]
        self._place(key, title, grid_rows, f"A{below}", lambda v: form_answer(v, locale))

    def _place(
        self, key: str, title: str, rows: list[list[Any]], start: str, make: grid.MakeCell
    ) -> None:
        book = self.store.get(key)
        sheet = self._sheet(key, title)
        anchor = book.area(f"{_quote(title)}!{start}")
        data = grid.data_area(sheet, anchor.row0, anchor.col0, rows)
        sheet.grid["rowCount"] = max(sheet.rows, data.row1)
        sheet.grid["columnCount"] = max(sheet.cols, data.col1)
        grid.write(data, rows, make)

    def set_locale(self, key: str, locale: str, time_zone: str | None = None) -> None:
        """As File > Settings: cells keep their values and show them in the new locale."""
        properties = self.store.get(key).properties
        properties["locale"] = locale
        if time_zone is not None:
            properties["timeZone"] = time_zone

    def formatted_cell(self, key: str, title: str, row: int, col: int) -> str:
        cell = self._sheet(key, title).cells.get((row, col))
        return "" if cell is None else formatted(cell, self.store.get(key).locale)

    def sheet_titles(self, key: str) -> list[str]:
        return [s.title for s in self.store.get(key).sheets]

    def grid_size(self, key: str, title: str) -> tuple[int, int]:
        sheet = self._sheet(key, title)
        return sheet.rows, sheet.cols

    def frozen_rows(self, key: str, title: str) -> int:
        return int(self._sheet(key, title).grid.get("frozenRowCount", 0))

    def data_validations(self, key: str, title: str) -> list[dict[str, Any]]:
        return list(self._sheet(key, title).data_validations)

    def protected_ranges(self, key: str, title: str) -> list[dict[str, Any]]:
        return list(self._sheet(key, title).protected_ranges)

    def conditional_formats(self, key: str, title: str) -> list[dict[str, Any]]:
        return list(self._sheet(key, title).conditional_formats)

    def cell_format(self, key: str, title: str, row: int, col: int) -> dict[str, Any]:
        """The userEnteredFormat of one cell (0-based row and column)."""
        return cell_format(self._sheet(key, title), row, col)

    def stored_value(self, key: str, title: str, row: int, col: int) -> Scalar | None:
        """What one cell holds (0-based): a number is a number, text is text."""
        cell = self._sheet(key, title).cells.get((row, col))
        return None if cell is None else cell.value

    def pixel_size(self, key: str, title: str, dimension: str, index: int) -> int | None:
        return self._sheet(key, title).pixel_sizes.get((dimension, index))

    def sheet_id(self, key: str, title: str) -> int:
        return self._sheet(key, title).sheet_id

    def rename_sheet(self, key: str, title: str, new_title: str) -> None:
        """As a person renaming a tab: its id, cells and furniture stay."""
        self._sheet(key, title).properties["title"] = new_title

    def set_frozen_rows(self, key: str, title: str, rows: int) -> None:
        self._sheet(key, title).grid["frozenRowCount"] = rows

    def clear_data_validations(self, key: str, title: str) -> None:
        self._sheet(key, title).data_validations.clear()

    # --- counting -------------------------------------------------------------
    def count(self, kind: str | None = None) -> int:
        return sum(1 for r in self.requests if kind is None or r.kind == kind)

    @property
    def reads(self) -> int:
        return sum(1 for r in self.requests if is_read(r.kind))

    @property
    def writes(self) -> int:
        return sum(1 for r in self.requests if is_sheets(r.kind) and not is_read(r.kind))

    def reset_counts(self) -> None:
        self.requests.clear()

    def saved(self) -> Store:
        """Every spreadsheet as it is now, to `restore` later."""
        return self.store.snapshot()

    def restore(self, saved: Store) -> None:
        """Spreadsheets back as `saved` held them; no request counted, no fault or hook
        left waiting."""
        self.store = saved.snapshot()
        self._schedule = Schedule()
        self.reset_counts()

    # --- steering -------------------------------------------------------------
    def enable_quota(
        self,
        reads_per_minute: int = 60,
        writes_per_minute: int = 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._quota = Quota(reads_per_minute, writes_per_minute, clock)

    def disable_quota(self) -> None:
        self._quota = None

    def fail_request(self, n: int, how: str) -> None:
        self._schedule.add_fault(n, how)

    def before_request(self, n: int, fn: Callable[[SheetsEmulator], None]) -> None:
        self._schedule.add_hook(n, fn)

    def sort_before_request(
        self, n: int, key: str, title: str, column: int, descending: bool = False
    ) -> None:
        """A person sorts the tab's rows below its header by `column` (0-based), as
        Data > Sort range does, right before request `n` is served."""
        self.before_request(n, lambda emu: emu.sort(key, title, column, descending))

    def sort(self, key: str, title: str, column: int, descending: bool = False) -> None:
        sheet = self._sheet(key, title)
        sort_rows(sheet, 1, sheet.rows, [(column, descending)])

    # --- serving (called by the adapter) -------------------------------------
    def handle(self, method: str, url: str, body: Any, request: Any = None) -> tuple[int, Any]:
        r = route(method, url)
        hooks, fault = self._schedule.next_request()
        for hook in hooks:
            hook(self)
        applied_then_lost = fault in APPLIED_FAULTS
        try:
            status, reply = self._answer(r, None if applied_then_lost else fault, body)
        except DroppedConnection:
            self._record(method, url, r.kind, body, 0)
            raise _dropped(request) from None
        except TimedOut:
            self._record(method, url, r.kind, body, 0)
            raise _timed_out(request) from None
        except ApiError as error:
            status, reply = error.code, error.body()
        self._record(method, url, r.kind, body, status)
        if fault == "applied-drop":
            raise _dropped(request)
        if fault == "applied-timeout":
            raise _timed_out(request)
        return status, reply

    def _answer(self, r: Any, fault: str | None, body: Any) -> tuple[int, Any]:
        if fault is not None:
            raise fault_error(fault, r.kind)
        if self._quota is not None and is_sheets(r.kind):
            self._quota.admit(r.kind)
        return serve(self.store, r, body if isinstance(body, dict) else {})

    def _record(self, method: str, url: str, kind: str, body: Any, status: int) -> None:
        self.requests.append(RecordedRequest(method, url, kind, body, status))


def _dropped(request: Any) -> requests.exceptions.ConnectionError:
    return requests.exceptions.ConnectionError(
        "Connection aborted (emulated drop)", request=request
    )


def _timed_out(request: Any) -> requests.exceptions.ReadTimeout:
    return requests.exceptions.ReadTimeout("Read timed out (emulated)", request=request)


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"
