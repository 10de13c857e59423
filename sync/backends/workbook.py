"""The embedded default: each spreadsheet is a local .xlsx file (openpyxl).

Reads return strings exactly as typed. Writes go to a temporary file that then
replaces the original, so a crash never leaves half a workbook. Text is always
stored as text: a value starting with "=" is never turned into a formula.

A file that is not an .xlsx workbook (empty, cut short, an old .xls, a CSV)
or that we may not read or write raises one error naming the file and what to
do; nothing is written then.
"""

from __future__ import annotations

import os
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sync.backends.base import (
    SourceSheet,
    SpreadsheetBusy,
    SpreadsheetNotFound,
    SpreadsheetUnreadable,
    SpreadsheetUnwritable,
)
from sync.errors import GRANT_ACCESS, os_reason
from sync.ops import progress
from sync.plan import (
    Grid,
    KeyedTab,
    NewTab,
    Snapshot,
    SpreadsheetPlan,
    locate_columns,
    trim_grid,
)

#: Excel and LibreOffice keep at most this many characters in a cell.
XLSX_CELL_LIMIT = 32_767
#: The first bytes of an old .xls file, and of a password-protected workbook.
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: What openpyxl raises for a file that is not a readable .xlsx workbook.
_NOT_A_WORKBOOK = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    EOFError,
    zlib.error,
    SyntaxError,  # XML parse errors
)


class WorkbookBackend:
    name = "workbook"
    max_cell_chars = XLSX_CELL_LIMIT
    creates_spreadsheets = True

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, spreadsheet: str) -> Path:
        given = Path(spreadsheet)
        return given if given.is_absolute() else self.directory / given

    def location(self, spreadsheet: str) -> str:
        return str(self.path(spreadsheet))

    def exists(self, spreadsheet: str) -> bool:
        return _is_file(self.path(spreadsheet))

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        path = self.path(spreadsheet)
        if not _is_file(path):
            what = "a folder, not a workbook" if path.is_dir() else "no such workbook"
            raise SpreadsheetNotFound(
                f"{path}: {what}. Check 'spreadsheet' in config.yaml "
                f"and 'workbook.dir' ({self.directory})."
            )
        with _reading(path):
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
            try:
                return Snapshot.of(
                    {
                        tab: _read_sheet(book[tab]) if tab in book.sheetnames else None
                        for tab in tabs
                    }
                )
            finally:
                book.close()

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        """A workbook has no locale: its dates are real datetimes, shown day first."""
        grid = self.read(spreadsheet, [tab])[tab]
        return None if grid is None else SourceSheet(grid)

    def tab_titles(self, spreadsheet: str) -> list[str]:
        path = self.path(spreadsheet)
        with _reading(path):
            book = openpyxl.load_workbook(path, read_only=True)
            try:
                return list(book.sheetnames)
            finally:
                book.close()

    def apply(self, plan: SpreadsheetPlan) -> None:
        if plan.is_empty:
            return
        path = self.path(plan.spreadsheet)
        _refuse_if_open_elsewhere(path)
        if _is_file(path):
            with _reading(path):
                book = openpyxl.load_workbook(path)
        else:
            book = _empty_book()
        for tab in plan.new_tabs:
            _create_tab(book, tab)
        if plan.keyed_tab is not None and (plan.appends or plan.updates):
            _apply_keyed(book[plan.keyed_tab.title], plan)
        for title, rows in plan.rewrites.items():
            _rewrite(book, title, rows)
        for tab in plan.new_tabs:
            # Widths are ours to choose only once; afterwards they are the coordinators'.
            _fit_widths(book[tab.title])
        _save_atomically(book, path)


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; a folder we may not look into says so."""
    try:
        return path.is_file()
    except OSError as error:
        raise SpreadsheetUnreadable(
            f"{path.parent}: {os_reason(error)}: the folder cannot be opened to find "
            f"{path.name}. {GRANT_ACCESS}"
        ) from error


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Whatever stops us reading the workbook at `path`, as one error saying what to do."""
    try:
        yield
    except OSError as error:
        raise SpreadsheetUnreadable(
            f"{path}: {os_reason(error)}: the workbook cannot be read. Give the user who "
            "runs mozhem permission to read it (and to write it, for the coordination "
            "workbook), then run again."
        ) from error
    except _NOT_A_WORKBOOK as error:
        raise SpreadsheetUnreadable(f"{path}: {_why_not_a_workbook(path)}") from error


def _why_not_a_workbook(path: Path) -> str:
    """What the file is instead, judged by its first bytes, and what to do."""
    try:
        with path.open("rb") as file:
            head = file.read(len(OLE2_SIGNATURE))
    except OSError:
        head = b""
    if not head:
        return (
            "the file is empty (0 bytes), not an .xlsx workbook. Restore it from a backup, "
            "or save it again from Excel or LibreOffice as .xlsx."
        )
    if head.startswith(OLE2_SIGNATURE) or path.suffix.lower() == ".xls":
        return (
            "an old Excel .xls file (or a workbook with a password); mozhem reads .xlsx "
            "workbooks only. Open it in Excel or LibreOffice, save it as .xlsx without a "
            "password, and name the .xlsx file in config.yaml."
        )
    if zipfile.is_zipfile(path):
        return (
            "a zip archive, but not an .xlsx workbook (an .ods or .docx file?). Open it in "
            "Excel or LibreOffice and save it as .xlsx."
        )
    if head.startswith(b"PK"):
        return (
            "the workbook is damaged or incomplete (cut short while it was copied or "
            "saved?). Restore it from a backup, or open it in Excel or LibreOffice and "
            "save it again as .xlsx."
        )
    return (
        "not an .xlsx workbook (a CSV or text file?). Open it in Excel or LibreOffice "
        "and save it as .xlsx."
    )


def _empty_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def _read_sheet(sheet: Any) -> Grid:
    rows = progress.active().iterate(sheet.iter_rows(values_only=True), "rows read", sheet.max_row)
    return trim_grid([[_as_text(v) for v in row] for row in rows])


def _as_text(value: object) -> str:
    """A cell as the person typed it; numbers and dates as a form export shows them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    return str(value)


def safe_text(value: str, limit: int = XLSX_CELL_LIMIT) -> str:
    """Text a cell can hold: no characters XML forbids, at most `limit` long."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def write_text(sheet: Worksheet, row: int, column: int, value: str) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = safe_text(value)
    # openpyxl reads a leading "=" as a formula; what people typed stays text.
    cell.data_type = "s"


def _write_row(sheet: Worksheet, row: int, values: Sequence[str]) -> None:
    for column, value in enumerate(values, start=1):
        if value != "":
            write_text(sheet, row, column, value)


def _create_tab(book: Workbook, tab: NewTab) -> None:
    if tab.title in book.sheetnames:
        return
    sheet = book.create_sheet(tab.title)
    _write_row(sheet, 1, tab.header)
    sheet.freeze_panes = "A2"
    for column_index, labels in _dropdown_columns(tab):
        letter = get_column_letter(column_index)
        validation = DataValidation(
            type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True
        )
        validation.add(f"{letter}2:{letter}100000")
        sheet.add_data_validation(validation)


def _dropdown_columns(tab: NewTab) -> list[tuple[int, Sequence[str]]]:
    return [(tab.keys.index(key) + 1, labels) for key, labels in tab.dropdowns.items()]


def _apply_keyed(sheet: Worksheet, plan: SpreadsheetPlan) -> None:
    keyed = plan.keyed_tab
    assert keyed is not None
    header = [_as_text(cell.value) for cell in sheet[1]] if sheet.max_row >= 1 else []
    columns = _ensure_columns(sheet, header, keyed, plan)
    key_index = columns[keyed.key_column]
    rows_by_key = {
        _as_text(sheet.cell(row=r, column=key_index + 1).value): r
        for r in range(2, sheet.max_row + 1)
    }
    for update in plan.updates:
        row = rows_by_key.get(update.key)
        if row is not None and update.column in columns:
            write_text(sheet, row, columns[update.column] + 1, update.value)
    next_row = _last_used_row(sheet) + 1
    for offset, values in enumerate(plan.appends):
        for key, value in values.items():
            if key in columns and value != "":
                write_text(sheet, next_row + offset, columns[key] + 1, value)


def _ensure_columns(
    sheet: Worksheet, header: list[str], keyed: KeyedTab, plan: SpreadsheetPlan
) -> dict[str, int]:
    """Find our columns; add at the end any a person deleted, so nothing is lost."""
    columns = locate_columns(header, keyed.spellings)
    needed = {keyed.key_column} | {key for row in plan.appends for key in row}
    for key in sorted(needed - columns.keys(), key=list(keyed.labels).index):
        columns[key] = len(header)
        header.append(keyed.labels[key])
        write_text(sheet, 1, len(header), keyed.labels[key])
    return columns


def _last_used_row(sheet: Worksheet) -> int:
    for row in range(sheet.max_row, 1, -1):
        if any(cell.value not in (None, "") for cell in sheet[row]):
            return row
    return 1


def _rewrite(book: Workbook, title: str, rows: Grid) -> None:
    if title not in book.sheetnames:
        book.create_sheet(title)
    sheet = book[title]
    if sheet.max_row:
        sheet.delete_rows(1, sheet.max_row)
    written = progress.active().iterate(rows, f"rows written to {title}", len(rows))
    for index, values in enumerate(written, start=1):
        _write_row(sheet, index, values)
    sheet.freeze_panes = "A2"
    _fit_widths(sheet)


def _fit_widths(sheet: Worksheet, sample_rows: int = 200, widest: int = 50) -> None:
    """Columns wide enough to read, judged on the first rows; long text stays cut."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(max_row=sample_rows):
        for cell in row:
            if cell.value is not None:
                length = len(str(cell.value))
                widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, length in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(length, 6), widest) + 2


def _refuse_if_open_elsewhere(path: Path) -> None:
    """LibreOffice and Excel would overwrite our write with theirs on save."""
    for lock in (path.parent / f".~lock.{path.name}#", path.parent / f"~${path.name}"):
        if lock.exists():
            raise SpreadsheetBusy(
                f"{path} is open in a spreadsheet program ({lock.name} exists). "
                "Save and close it, then run again; nothing was written."
            )


def _mode_for(path: Path) -> int:
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _save_atomically(book: Workbook, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise _unwritable(path, error) from error
    os.close(handle)
    try:
        book.save(temporary)
        # mkstemp makes the file private (0600); keep the mode people expect.
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _unwritable(path, error) from error
        raise


def _unwritable(path: Path, error: OSError) -> SpreadsheetUnwritable:
    return SpreadsheetUnwritable(
        f"{path}: {os_reason(error)}: the workbook cannot be written in {path.parent}. "
        "Give the user who runs mozhem permission to write there (or free some space), "
        "then run again; nothing was written."
    )
