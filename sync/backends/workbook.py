"""The embedded default: each spreadsheet is a local .xlsx file (openpyxl).

Reads return strings exactly as typed. Writes go to a temporary file that then
replaces the original, so a crash never leaves half a workbook. Text is always
stored as text: a value starting with "=" is never turned into a formula.
Numbers and dates are stored as such, with their column's number format. The
look of a tab and its furniture are in workbook_style.py.

A file that is not an .xlsx workbook (empty, cut short, an old .xls, a CSV)
or that we may not read or write raises one error naming the file and what to
do; nothing is written then.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sync.backends import workbook_files as files
from sync.backends import workbook_style as style
from sync.backends.base import (
    SourceSheet,
    SpreadsheetBusy,
    SpreadsheetNotFound,
    SpreadsheetUnreadable,
)
from sync.cells import Value
from sync.errors import GRANT_ACCESS, os_reason
from sync.keyed_header import check_header
from sync.ops import progress
from sync.plan import (
    Grid,
    KeyedTab,
    NewTab,
    Restore,
    Rewrite,
    Snapshot,
    SpreadsheetPlan,
    TabIdentity,
    TabShape,
    locate_columns,
    trim_grid,
)
from sync.styles import PLAIN, ColumnStyle, TabStyle

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
    writes_atomically = True

    def __init__(
        self, directory: Path, *, before_replace: files.BeforeReplace | None = None
    ) -> None:
        self.directory = directory
        #: A test's hook into the moment between saving the new file and replacing the
        #: workbook with it; nothing in production.
        self.before_replace: files.BeforeReplace = before_replace or (lambda path: None)

    def path(self, spreadsheet: str) -> Path:
        given = Path(spreadsheet)
        return given if given.is_absolute() else self.directory / given

    def location(self, spreadsheet: str) -> str:
        return str(self.path(spreadsheet))

    def exists(self, spreadsheet: str) -> bool:
        return _is_file(self.path(spreadsheet))

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        path = self.path(spreadsheet)
        self._must_exist(path)
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

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
        path = self.path(spreadsheet)
        self._must_exist(path)
        # Not read-only: furniture (panes, dropdowns, names) is only loaded in full.
        with _reading(path):
            book = openpyxl.load_workbook(path)
        grids: dict[str, Grid | None] = {}
        shapes: dict[str, TabShape] = {}
        for tab in tabs:
            sheet = style.find_tab(book, tab.key, sorted(tab.titles))
            grids[tab.key] = None if sheet is None else _read_sheet(sheet)
            if sheet is not None:
                shapes[tab.key] = _furniture(sheet, tab.key).holding(grids[tab.key] or [])
        return Snapshot(grids, shapes)

    def _must_exist(self, path: Path) -> None:
        if not _is_file(path):
            what = "a folder, not a workbook" if path.is_dir() else "no such workbook"
            raise SpreadsheetNotFound(
                f"{path}: {what}. Check 'spreadsheet' in config.yaml "
                f"and 'workbook.dir' ({self.directory})."
            )

    def tab_titles(self, spreadsheet: str) -> list[str]:
        path = self.path(spreadsheet)
        with _reading(path):
            book = openpyxl.load_workbook(path, read_only=True)
            try:
                return list(book.sheetnames)
            finally:
                book.close()

    @contextmanager
    def hold(self, spreadsheet: str) -> Iterator[None]:
        """The workbook's own lock for one pass (see workbook_files.hold)."""
        with files.hold(self.path(spreadsheet)):
            yield

    def apply(self, plan: SpreadsheetPlan) -> None:
        """Write `plan`, never over a save a person made meanwhile.

        When the file changed between our load and our replace, the write is done
        again on what they saved, once; when it changes again, or they changed a
        tab the plan rewrites whole, the pass gives up and writes nothing."""
        if plan.is_empty:
            return
        path = self.path(plan.spreadsheet)
        _refuse_if_open_elsewhere(path)
        first: dict[str, Grid] | None = None
        for _attempt in range(2):
            with _reading(path):
                loaded = files.load(path)
            rewritten = _rewritten_grids(loaded.book, plan)
            if first is not None and rewritten != first:
                break
            first = rewritten
            _write(loaded.book, plan)
            if files.save_if_unchanged(loaded.book, path, loaded.fingerprint, self.before_replace):
                return
        raise SpreadsheetBusy(
            f"{path} was saved by someone else while this pass was writing it. Nothing was "
            "written over their save; the next pass works from it."
        )


def _write(book: Workbook, plan: SpreadsheetPlan) -> None:
    for tab in plan.new_tabs:
        _create_tab(book, tab, plan.style_of(tab.key))
    if plan.keyed_tab is not None and (plan.appends or plan.updates):
        keyed = plan.keyed_tab
        _apply_keyed(_sheet(book, plan, keyed.key), plan, plan.style_of(keyed.key))
    for key, rewrite in plan.rewrites.items():
        _rewrite(_sheet(book, plan, key), rewrite, plan.style_of(key))
    for restore in plan.restores:
        _restore(_sheet(book, plan, restore.tab), restore, plan.style_of(restore.tab))
    style.refresh_marks(book)
    for tab in plan.new_tabs:
        # Widths are ours to choose only once; afterwards they are the coordinators'.
        sheet = book[tab.title]
        style.set_widths(sheet, style.column_styles(tab.keys, plan.style_of(tab.key)))


def _rewritten_grids(book: Workbook, plan: SpreadsheetPlan) -> dict[str, Grid]:
    """What the tabs the plan rewrites whole hold now: a person's edit there would be lost."""
    grids = {}
    for key in plan.rewrites:
        sheet = style.find_tab(book, key, [plan.title_of(key)])
        grids[key] = [] if sheet is None else _read_sheet(sheet)
    return grids


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


def _sheet(book: Workbook, plan: SpreadsheetPlan, key: str) -> Worksheet:
    """Tab `key` as it is now: by its identity, else by the title the plan knows."""
    found = style.find_tab(book, key, [plan.title_of(key)])
    if found is None:
        raise SpreadsheetNotFound(
            f"{plan.spreadsheet}: the tab '{plan.title_of(key)}' is gone; run the pass again."
        )
    return found


def _furniture(sheet: Worksheet, key: str) -> TabShape:
    return TabShape(
        title=sheet.title,
        frozen_rows=style.frozen_rows(sheet),
        dropdowns=style.full_dropdowns(sheet),
        highlights=style.highlighted(sheet),
        marked=style.is_marked(sheet, key),
    )


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


def write_value(
    sheet: Worksheet, row: int, column: int, value: Value, look: ColumnStyle = PLAIN
) -> None:
    """Text as text; a number or a date as one, with its column's number format."""
    if isinstance(value, str):
        write_text(sheet, row, column, value)
    else:
        cell = sheet.cell(row=row, column=column, value=value)
        shown_as = style.number_format(value, look)
        if shown_as is not None:
            cell.number_format = shown_as
    style.dress_cell(sheet, row, column, look)


def _write_row(
    sheet: Worksheet, row: int, values: Sequence[Value], looks: Mapping[int, ColumnStyle]
) -> None:
    for index, value in enumerate(values):
        if value != "":
            write_value(sheet, row, index + 1, value, looks.get(index, PLAIN))


def _create_tab(book: Workbook, tab: NewTab, look: TabStyle) -> None:
    if style.find_tab(book, tab.key, [tab.title]) is not None:
        return
    sheet = book.create_sheet(tab.title)
    if tab.hidden:
        sheet.sheet_state = "hidden"
    style.mark(sheet, tab.key)
    _write_row(sheet, 1, tab.header, {})
    style.dress_header(sheet, look)
    style.apply_furniture(
        sheet,
        {tab.keys.index(key): labels for key, labels in look.dropdowns.items()},
        [(tab.keys.index(h.column), h) for h in look.highlights if h.column in tab.keys],
    )


def _apply_keyed(sheet: Worksheet, plan: SpreadsheetPlan, look: TabStyle) -> None:
    keyed = plan.keyed_tab
    assert keyed is not None
    header = [_as_text(cell.value) for cell in sheet[1]] if sheet.max_row >= 1 else []
    check_header([header], keyed)
    columns = _ensure_columns(sheet, header, keyed, plan)
    rows_by_key = _rows_by_key(sheet, columns[keyed.key_column])
    for update in plan.updates:
        row = rows_by_key.get(update.key)
        if row is not None and update.column in columns:
            at = columns[update.column] + 1
            write_value(sheet, row, at, update.value, look.column(update.column))
    next_row = _last_used_row(sheet) + 1
    wrapped = [(columns[k], s) for k, s in look.columns.items() if s.wrap and k in columns]
    # A row another pass appended since this plan's read is not appended twice.
    appends = [row for row in plan.appends if str(row[keyed.key_column]) not in rows_by_key]
    for offset, values in enumerate(appends):
        for key, value in values.items():
            if key in columns and value != "":
                at = columns[key] + 1
                write_value(sheet, next_row + offset, at, value, look.column(key))
        for index, column_look in wrapped:  # the notes people will type wrap too
            style.dress_cell(sheet, next_row + offset, index + 1, column_look)
    style.dress_rows(sheet, range(next_row, next_row + len(appends)), look)


def _rows_by_key(sheet: Worksheet, key_index: int) -> dict[str, int]:
    """Key -> sheet row; of a duplicated key, the first copy, which is the row a read uses."""
    rows: dict[str, int] = {}
    for r in range(2, sheet.max_row + 1):
        rows.setdefault(_as_text(sheet.cell(row=r, column=key_index + 1).value).strip(), r)
    rows.pop("", None)
    return rows


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


def _rewrite(sheet: Worksheet, rewrite: Rewrite, look: TabStyle) -> None:
    if sheet.max_row:
        sheet.delete_rows(1, sheet.max_row)
    looks = style.column_styles(rewrite.keys, look)
    written = progress.active().iterate(
        rewrite.cells, f"rows written to {sheet.title}", len(rewrite.cells)
    )
    for index, values in enumerate(written, start=1):
        _write_row(sheet, index, values, looks if index > 1 else {})
    style.dress_header(sheet, look)
    style.dress_rows(sheet, range(2, len(rewrite.cells) + 1), look)
    style.set_widths(sheet, looks)


def _restore(sheet: Worksheet, restore: Restore, look: TabStyle) -> None:
    if restore.freeze:
        style.freeze(sheet, look.frozen_rows)
    if restore.mark:
        style.mark(sheet, restore.tab)
    style.apply_furniture(sheet, restore.dropdowns, restore.highlights)


def _refuse_if_open_elsewhere(path: Path) -> None:
    """LibreOffice and Excel would overwrite our write with theirs on save."""
    for lock in (path.parent / f".~lock.{path.name}#", path.parent / f"~${path.name}"):
        if lock.exists():
            raise SpreadsheetBusy(
                f"{path} is open in a spreadsheet program ({lock.name} exists). "
                "Save and close it, then run again; nothing was written."
            )
