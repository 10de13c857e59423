"""The embedded default: each spreadsheet is a local .xlsx file.

Reads return strings exactly as typed. They go through calamine
(python-calamine), several times faster than openpyxl's read-only mode; a tab
holding a formula is read by openpyxl, which gives the formula as typed where
calamine gives the value it last showed. Writes go to a temporary file that then
replaces the original, so a crash never leaves half a workbook. Text is always
stored as text: a value starting with "=" is never turned into a formula.

A file that is not an .xlsx workbook (empty, cut short, an old .xls, a CSV)
or that we may not read or write raises one error naming the file and what to
do (sync/backends/workbook_files.py); nothing is written then.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineSheet, CalamineWorkbook

from sync.backends.base import SourceSheet, SpreadsheetBusy, SpreadsheetNotFound
from sync.backends.workbook_files import is_file, reading, unwritable
from sync.backends.xlsx_keyed import keyed_edit
from sync.backends.xlsx_parts import sheet_parts, tabs_with_formulas
from sync.backends.xlsx_stream import (
    XLSX_CELL_LIMIT,
    CannotSplice,
    PartEdit,
    safe_text,
    splice,
)
from sync.plan import (
    Grid,
    KeyedTab,
    NewTab,
    Snapshot,
    SpreadsheetPlan,
    locate_columns,
    trim_grid,
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
        return is_file(self.path(spreadsheet))

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        path = self.path(spreadsheet)
        if not is_file(path):
            what = "a folder, not a workbook" if path.is_dir() else "no such workbook"
            raise SpreadsheetNotFound(
                f"{path}: {what}. Check 'spreadsheet' in config.yaml "
                f"and 'workbook.dir' ({self.directory})."
            )
        with reading(path):
            with zipfile.ZipFile(path) as archive:
                formulas = tabs_with_formulas(archive, set(tabs))
            with CalamineWorkbook.from_path(str(path)) as book:
                titles = set(book.sheet_names)
                grids = {
                    tab: _read_sheet(book.get_sheet_by_name(tab))
                    for tab in tabs
                    if tab in titles and tab not in formulas
                }
            if formulas:
                grids.update(_read_with_formulas(path, formulas))
        return Snapshot.of({tab: grids.get(tab) for tab in tabs})

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        """A workbook has no locale: its dates are real datetimes, shown day first."""
        grid = self.read(spreadsheet, [tab])[tab]
        return None if grid is None else SourceSheet(grid)

    def tab_titles(self, spreadsheet: str) -> list[str]:
        path = self.path(spreadsheet)
        with reading(path), CalamineWorkbook.from_path(str(path)) as book:
            return list(book.sheet_names)

    def fingerprint(self, spreadsheet: str) -> str | None:
        """The hash of the file's bytes: any change anyone saves changes it. None when
        there is no such file (reading it says why)."""
        path = self.path(spreadsheet)
        if not is_file(path):
            return None
        with reading(path), path.open("rb") as file:
            return hashlib.file_digest(file, "blake2b").hexdigest()

    def apply(self, plan: SpreadsheetPlan) -> None:
        if plan.is_empty:
            return
        path = self.path(plan.spreadsheet)
        _refuse_if_open_elsewhere(path)
        plan, streamed = _streamed_whole(plan)
        exists = is_file(path)
        if exists:  # a workbook we cannot read says so now, before anything is written
            with reading(path), zipfile.ZipFile(path) as archive:
                sheet_parts(archive)
        try:
            with _staging(path) as staged:
                final = staged("final")
                if not (exists and _edited_in_place(path, plan, streamed, final)):
                    base = staged("structure")
                    _write_structure(path if exists else None, plan, base)
                    if streamed:
                        splice(base, final, streamed)
                    else:
                        final = base
                # mkstemp makes files private (0600); keep the mode people expect.
                os.chmod(final, _mode_for(path))
                os.replace(final, path)
        except OSError as error:
            raise unwritable(path, error) from error


def _edited_in_place(
    path: Path, plan: SpreadsheetPlan, streamed: dict[str, Grid], target: Path
) -> bool:
    """Whether the plan could be written into `target` by editing the file's parts
    alone (no tab to create); when not, nothing is taken from `target`."""
    if plan.new_tabs:
        return False
    edits: dict[str, PartEdit] = {}
    keyed = plan.keyed_tab
    if keyed is not None and (plan.appends or plan.updates):
        edits[keyed.title] = partial(keyed_edit, keyed, plan.appends, plan.updates)
    try:
        splice(path, target, streamed, edits)
    except CannotSplice:
        return False
    return True


def _streamed_whole(plan: SpreadsheetPlan) -> tuple[SpreadsheetPlan, dict[str, Grid]]:
    """The tabs to stream whole: those rewritten, and a keyed tab this plan creates
    (its header and new rows are all it will hold); with what is left for openpyxl."""
    streamed = dict(plan.rewrites)
    keyed = plan.keyed_tab
    created = {tab.title: tab for tab in plan.new_tabs}
    if keyed is None or keyed.title not in created or plan.updates or not plan.appends:
        return plan, streamed
    tab = created[keyed.title]
    if any(key not in tab.keys for row in plan.appends for key in row):
        return plan, streamed  # a column to add: openpyxl's way knows how
    rows = [[row.get(key, "") for key in tab.keys] for row in plan.appends]
    streamed[tab.title] = trim_grid([list(tab.header), *rows])
    return dataclasses.replace(plan, appends=()), streamed


def _write_structure(path: Path | None, plan: SpreadsheetPlan, target: Path) -> None:
    """New tabs and the keyed tab's rows through openpyxl, into `target` (from the
    workbook at `path`, or a new one); the tabs rewritten whole are left without rows
    here, so openpyxl never loads them."""
    if path is not None:
        with zipfile.ZipFile(path) as archive:
            present = set(sheet_parts(archive))
        slim = target.with_suffix(".slim.xlsx")  # openpyxl opens .xlsx names only
        try:
            splice(path, slim, {title: [] for title in plan.rewrites if title in present})
            book = openpyxl.load_workbook(slim)
        finally:
            slim.unlink(missing_ok=True)
    else:
        book = _empty_book()
    for tab in plan.new_tabs:
        _create_tab(book, tab)
    if plan.keyed_tab is not None and (plan.appends or plan.updates):
        _apply_keyed(book[plan.keyed_tab.title], plan)
    for title in plan.rewrites:
        sheet = book[title] if title in book.sheetnames else book.create_sheet(title)
        sheet.freeze_panes = "A2"
    for tab in plan.new_tabs:
        if tab.title not in plan.rewrites:
            # Widths are ours to choose only once; afterwards they are the coordinators'.
            _fit_widths(book[tab.title])
    book.save(target)


@contextmanager
def _staging(path: Path) -> Iterator[Callable[[str], Path]]:
    """Temporary files beside `path` (so the last step is a rename), removed afterwards."""
    made: list[Path] = []

    def staged(step: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-{step}-", suffix=".tmp", dir=path.parent
        )
        os.close(handle)
        made.append(Path(name))
        return made[-1]

    try:
        yield staged
    finally:
        for temporary in made:
            temporary.unlink(missing_ok=True)


def _empty_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def _read_with_formulas(path: Path, tabs: set[str]) -> dict[str, Grid]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        return {
            tab: _grid([list(row) for row in book[tab].iter_rows(values_only=True)]) for tab in tabs
        }
    finally:
        book.close()


def _read_sheet(sheet: CalamineSheet) -> Grid:
    # From A1: calamine would otherwise start at the first cell that holds a value.
    return _grid(sheet.to_python(skip_empty_area=False))


def _grid(rows: list[list[Any]]) -> Grid:
    return trim_grid([[v if type(v) is str else _as_text(v) for v in row] for row in rows])


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
