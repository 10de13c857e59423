"""The embedded default: each spreadsheet is a local .xlsx file.

Reads return strings exactly as typed. Tabs found by title go through calamine
(python-calamine), several times faster than openpyxl's read-only mode; a tab
holding a formula is read by openpyxl, which gives the formula as typed where
calamine gives the value it last showed. Writes go to a temporary file that then
replaces the original, so a crash never leaves half a workbook. Text is always
stored as text: a value starting with "=" is never turned into a formula.
Numbers and dates are stored as such, with their column's number format. The
look of a tab and its furniture are in workbook_style.py. A tab rewritten whole
is not loaded by openpyxl: its rows past the first are streamed into the file
(xlsx_stream.py). Nor are the rows of Matches: they are edited as the file
holds them (workbook_keyed.py, xlsx_rows.py). Tabs a pass wrote and nobody saved anything
into since are not parsed again when given a place to keep them (workbook_kept.py).

A file that is not an .xlsx workbook (empty, cut short, an old .xls, a CSV)
or that we may not read or write raises one error naming the file and what to
do (workbook_errors.py); nothing is written then.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from sync.backends import workbook_files as files
from sync.backends import workbook_style as style
from sync.backends import xlsx_stream
from sync.backends.base import SourceSheet, SpreadsheetBusy, SpreadsheetNotFound, WrittenFile
from sync.backends.workbook_errors import is_file, reading
from sync.backends.workbook_kept import WrittenTabs, as_read
from sync.backends.workbook_keyed import keyed_rows, streamed_appends
from sync.backends.workbook_read import as_text, furniture, grids_of, read_calamine
from sync.backends.xlsx_parts import (
    has_formula,
    shared_strings_part,
    sheet_parts,
    tab_checksums,
    tabs_with_formulas,
)
from sync.backends.xlsx_rows import RawRows, shared_strings
from sync.backends.xlsx_stream import (
    XLSX_CELL_LIMIT,
    CannotSplice,
    SheetRows,
    StreamedRows,
    safe_text,
)
from sync.cells import Value
from sync.keyed_header import check_header
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
)
from sync.styles import PLAIN, ColumnStyle, TabStyle

#: Rows of a tab rewritten whole that openpyxl writes (the header and these, which
#: its widths are judged on); the rest are streamed.
HEAD_ROWS = 200
__all__ = ["XLSX_CELL_LIMIT", "WorkbookBackend", "safe_text", "write_text", "write_value"]


class WorkbookBackend:
    name = "workbook"
    max_cell_chars = XLSX_CELL_LIMIT
    creates_spreadsheets = True
    writes_atomically = True

    def __init__(
        self,
        directory: Path,
        *,
        before_replace: files.BeforeReplace | None = None,
        written_tabs: WrittenTabs | None = None,
    ) -> None:
        self.directory = directory
        #: A test's hook into the moment between saving the new file and replacing the
        #: workbook with it; nothing in production.
        self.before_replace: files.BeforeReplace = before_replace or (lambda path: None)
        #: Where the values of the tabs a write left are kept for the next read (None:
        #: nowhere, every read parses every tab).
        self.written_tabs = written_tabs
        self._writes: dict[Path, WrittenFile] = {}
        #: The hash of the bytes each workbook's last read_tabs read.
        self._reads: dict[Path, str] = {}
        #: The titles of the tabs each workbook's last read_tabs took as kept.
        self._kept_reads: dict[Path, frozenset[str]] = {}

    def path(self, spreadsheet: str) -> Path:
        given = Path(spreadsheet)
        return given if given.is_absolute() else self.directory / given

    def location(self, spreadsheet: str) -> str:
        return str(self.path(spreadsheet))

    def exists(self, spreadsheet: str) -> bool:
        return is_file(self.path(spreadsheet))

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        path = self.path(spreadsheet)
        self._must_exist(path)
        with reading(path):
            grids = grids_of(path.read_bytes(), tabs)
        return Snapshot.of({tab: grids.get(tab) for tab in tabs})

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        """A workbook has no locale: its dates are real datetimes, shown day first."""
        grid = self.read(spreadsheet, [tab])[tab]
        return None if grid is None else SourceSheet(grid)

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
        path = self.path(spreadsheet)
        self._must_exist(path)
        with reading(path):
            data = path.read_bytes()
            self._reads[path] = data_hash(data)
            # Furniture (panes, dropdowns, names) is only loaded by openpyxl in full
            # mode: from a copy without rows, whose values calamine reads instead.
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                titles = list(sheet_parts(archive))
            checksums = {} if self.written_tabs is None else tab_checksums(io.BytesIO(data))
            # The parts of the tabs kept as the last write left them are kept emptied too.
            known = {} if self.written_tabs is None else self.written_tabs.emptied(path, checksums)
            # Which tabs hold a formula is looked for in the parts as they are emptied:
            # the file's 700 MB of XML at 100,000 rows are inflated once for both.
            formulas: set[str] = set()
            slim = xlsx_stream.without_rows(data, titles, _formulas_into(formulas), known)[0]
            book = openpyxl.load_workbook(io.BytesIO(slim))
            found = {tab.key: style.find_tab(book, tab.key, sorted(tab.titles)) for tab in tabs}
            titles = [sheet.title for sheet in found.values() if sheet is not None]
            kept = self._kept_grids(path, titles, checksums)
            parsed = [title for title in titles if title not in kept]
            unlooked = set(parsed) & known.keys()  # their values were not kept after all
            if unlooked:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    formulas |= tabs_with_formulas(archive, unlooked)
            read = grids_of(data, parsed, formulas)
            read.update(kept)
        grids: dict[str, Grid | None] = {}
        shapes: dict[str, TabShape] = {}
        for key, sheet in found.items():
            grids[key] = None if sheet is None else read.get(sheet.title, [])
            if sheet is not None:
                shapes[key] = furniture(sheet, key).holding(grids[key] or [])
        return Snapshot(grids, shapes)

    def kept_tabs(self, spreadsheet: str) -> frozenset[str]:
        """The titles of the tabs the last read_tabs of `spreadsheet` took as kept,
        not parsed."""
        return self._kept_reads.get(self.path(spreadsheet), frozenset())

    def _kept_grids(
        self, path: Path, titles: Sequence[str], checksums: Mapping[str, str]
    ) -> dict[str, Grid]:
        """The values kept of those of `titles` that hold what the last write left
        (the file's tabs have `checksums`)."""
        self._kept_reads[path] = frozenset()
        if self.written_tabs is None or not titles:
            return {}
        kept = self.written_tabs.grids(path, {t: checksums[t] for t in titles if t in checksums})
        self._kept_reads[path] = frozenset(kept)
        return kept

    def _must_exist(self, path: Path) -> None:
        if not is_file(path):
            what = "a folder, not a workbook" if path.is_dir() else "no such workbook"
            raise SpreadsheetNotFound(
                f"{path}: {what}. Check 'spreadsheet' in config.yaml "
                f"and 'workbook.dir' ({self.directory})."
            )

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
        with reading(path):
            return file_hash(path)

    def last_write(self, spreadsheet: str) -> WrittenFile | None:
        return self._writes.get(self.path(spreadsheet))

    def read_file(self, spreadsheet: str) -> tuple[Path, str] | None:
        path = self.path(spreadsheet)
        found = self._reads.get(path)
        return None if found is None else (path, found)

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
        self._writes.pop(path, None)
        _refuse_if_open_elsewhere(path)
        first: _Loaded | None = None
        for _attempt in range(2):
            loaded = _load(path, plan)
            if first is not None and loaded.rewrittengrids_of() != first.rewrittengrids_of():
                break
            first = loaded
            streamed, whole = _write(loaded, plan)
            left: list[str] = []
            checksums: list[dict[str, str]] = []
            emptied: dict[str, bytes] = {}
            complete = _hashed(_streaming(streamed, whole, emptied), left)
            if self.written_tabs is not None:
                complete = _checksummed(complete, checksums)
            if files.save_if_unchanged(
                loaded.book, path, loaded.fingerprint, self.before_replace, complete
            ):
                found = None if loaded.fingerprint is None else data_hash(loaded.data)
                self._writes[path] = WrittenFile(found, left[0])
                if self.written_tabs is not None:
                    self._keep(path, plan, loaded, found, checksums[0], emptied)
                return
        raise SpreadsheetBusy(
            f"{path} was saved by someone else while this pass was writing it. Nothing was "
            "written over their save; the next pass works from it."
        )

    def _keep(
        self,
        path: Path,
        plan: SpreadsheetPlan,
        loaded: _Loaded,
        found: str | None,
        checksums: Mapping[str, str],
        emptied: Mapping[str, bytes],
    ) -> None:
        """Keep the values of the tabs this write left, for the next read: those it
        wrote, when certain, and those the read took as kept and the write left alone;
        with each, its part emptied of rows (`emptied`, by title), when the write
        knows it. When the write was not made on the very bytes the read read, nothing."""
        assert self.written_tabs is not None
        if found != self._reads.get(path):
            self.written_tabs.forget()
            return
        written, touched = _written_values(loaded.book, plan)
        unchanged = sorted(self._kept_reads.get(path, frozenset()) - touched - written.keys())
        self.written_tabs.keep(path, checksums, written, unchanged, emptied)


@dataclass(frozen=True)
class _Loaded(files.Loaded):
    #: Tab key -> the title of the tab the plan rewrites whole, as loaded (None: none).
    rewritten: Mapping[str, str | None] = field(default_factory=dict)
    #: The keyed tab's rows as the file holds them, when openpyxl was spared them.
    keyed: RawRows | None = None

    def rewrittengrids_of(self) -> dict[str, Grid]:
        """What the tabs the plan rewrites whole held: a person's edit there would be lost."""
        grids: dict[str, Grid] = {key: [] for key in self.rewritten}
        if not self.data:
            return grids
        with CalamineWorkbook.from_filelike(io.BytesIO(self.data)) as book:
            names = set(book.sheet_names)
            for key, title in self.rewritten.items():
                if title in names:
                    grids[key] = read_calamine(book.get_sheet_by_name(title))
        return grids


def _formulas_into(found: set[str]) -> Callable[[str, bytes], None]:
    def look(title: str, xml: bytes) -> None:
        if has_formula(xml):
            found.add(title)

    return look


def _load(path: Path, plan: SpreadsheetPlan) -> _Loaded:
    """The workbook for writing `plan`, the tabs it rewrites whole without their rows
    (openpyxl need not read what is replaced), nor the keyed tab's rows, which are
    edited as the file holds them (workbook_keyed.py). Loaded in full when a tab
    emptied so is not the one the plan writes (tabs renamed since the read); the
    keyed tab, when its rows are laid out in a way not edited so."""
    rewrites = [plan.title_of(key) for key in plan.rewrites]
    keyed = _keyed_title(plan)
    with reading(path):
        loaded = files.load(path, without_rows=[*rewrites, *([keyed] if keyed else [])])
        raw = _raw_keyed(loaded, plan, keyed)
        if keyed in loaded.emptied and raw is None:
            loaded = files.load(path, without_rows=rewrites)
        rewritten = _rewritten_titles(loaded.book, plan)
        if set(loaded.emptied) - set(rewritten.values()) - ({keyed} if raw else set()):
            loaded, raw = files.load(path), None
            rewritten = _rewritten_titles(loaded.book, plan)
    return _Loaded(loaded.book, loaded.fingerprint, loaded.data, loaded.emptied, rewritten, raw)


def _keyed_title(plan: SpreadsheetPlan) -> str | None:
    """The title the read found the keyed tab by, when the plan writes rows there."""
    keyed = plan.keyed_tab
    if keyed is None or not (plan.appends or plan.updates) or keyed.key not in plan.basis:
        return None
    return plan.title_of(keyed.key)


def _raw_keyed(loaded: files.Loaded, plan: SpreadsheetPlan, title: str | None) -> RawRows | None:
    """The keyed tab's rows, when it was emptied and is the tab the plan names."""
    if title is None or title not in loaded.emptied or plan.keyed_tab is None:
        return None
    found = style.find_tab(loaded.book, plan.keyed_tab.key, [title])
    if found is None or found.title != title:
        return None
    with zipfile.ZipFile(io.BytesIO(loaded.data)) as archive:
        xml = archive.read(sheet_parts(archive)[title])
        strings = shared_strings(shared_strings_part(archive))
    try:
        return RawRows(xml, strings)
    except CannotSplice:
        return None


def _rewritten_titles(book: Workbook, plan: SpreadsheetPlan) -> dict[str, str | None]:
    found = {key: style.find_tab(book, key, [plan.title_of(key)]) for key in plan.rewrites}
    return {key: None if sheet is None else sheet.title for key, sheet in found.items()}


def _write(
    loaded: _Loaded, plan: SpreadsheetPlan
) -> tuple[dict[str, StreamedRows], dict[str, SheetRows]]:
    """`plan` written into the loaded book; the rows left to stream into the saved
    file, by title: appended to what openpyxl wrote, or the tab's whole rows."""
    book = loaded.book
    for tab in plan.new_tabs:
        _create_tab(book, tab, plan.style_of(tab.key))
    streamed: dict[str, StreamedRows] = {}
    whole: dict[str, SheetRows] = {}
    if plan.keyed_tab is not None and (plan.appends or plan.updates):
        key = plan.keyed_tab.key
        sheet, look = _sheet(book, plan, key), plan.style_of(key)
        if loaded.keyed is not None and sheet.title in loaded.emptied:
            whole[sheet.title] = keyed_rows(loaded.keyed, sheet, plan, look)
        else:
            created = key in {tab.key for tab in plan.new_tabs}
            rest = _apply_keyed(sheet, plan, look, stream=created)
            if rest is not None:
                streamed[sheet.title] = rest
    for key, rewrite in plan.rewrites.items():
        sheet = _sheet(book, plan, key)
        rows = _rewrite(sheet, rewrite, plan.style_of(key))
        if rows is not None:
            streamed[sheet.title] = rows
    for restore in plan.restores:
        _restore(_sheet(book, plan, restore.tab), restore, plan.style_of(restore.tab))
    style.refresh_marks(book)
    for tab in plan.new_tabs:
        # Widths are ours to choose only once; afterwards they are the coordinators'.
        sheet = book[tab.title]
        style.set_widths(sheet, style.column_styles(tab.keys, plan.style_of(tab.key)))
    return streamed, whole


def _streaming(
    rows: Mapping[str, StreamedRows],
    whole: Mapping[str, SheetRows],
    emptied: dict[str, bytes] | None = None,
) -> Callable[[Path], None]:
    """What completes a saved workbook: the streamed rows appended to their tabs, and
    the tabs whose rows are written whole; the parts the finished file has, emptied
    of rows, into `emptied` (by title) when given."""

    def complete(saved: Path) -> None:
        if not rows and not whole:
            return
        spliced = saved.with_name(saved.name + ".rows")
        try:
            xlsx_stream.splice(saved, spliced, appended=rows, rows=whole, emptied=emptied)
            os.replace(spliced, saved)
        finally:
            spliced.unlink(missing_ok=True)

    return complete


def _hashed(complete: Callable[[Path], None], into: list[str]) -> Callable[[Path], None]:
    """`complete`, then the finished file's hash into `into`: the bytes that replace
    the workbook, hashed before anyone else can touch them."""

    def hashed(saved: Path) -> None:
        complete(saved)
        into.append(file_hash(saved))

    return hashed


def _checksummed(
    complete: Callable[[Path], None], into: list[dict[str, str]]
) -> Callable[[Path], None]:
    """`complete`, then the checksums of the finished file's tabs into `into`."""

    def checksummed(saved: Path) -> None:
        complete(saved)
        with saved.open("rb") as file:
            into.append(tab_checksums(file))

    return checksummed


def _written_values(book: Workbook, plan: SpreadsheetPlan) -> tuple[dict[str, Grid], set[str]]:
    """Title -> the values a read gives, of each tab `plan` wrote whole (or created)
    when that is certain; and the titles of every tab whose values it changed."""
    values: dict[str, Grid | None] = {}
    for key, rewrite in plan.rewrites.items():
        looks = style.column_styles(rewrite.keys, plan.style_of(key))
        values[_sheet(book, plan, key).title] = as_read(rewrite.cells, looks)
    keyed = plan.keyed_tab
    if keyed is not None and (plan.appends or plan.updates):
        sheet = _sheet(book, plan, keyed.key)
        created = keyed.key in {tab.key for tab in plan.new_tabs}
        values[sheet.title] = _created_keyed(plan, keyed) if created else None
    for tab in plan.new_tabs:
        sheet = _sheet(book, plan, tab.key)
        if sheet.title not in values:
            values[sheet.title] = as_read([list(tab.header)], {})
    certain = {title: grid for title, grid in values.items() if grid is not None}
    return certain, set(values)


def _created_keyed(plan: SpreadsheetPlan, keyed: KeyedTab) -> Grid | None:
    """The values of the keyed tab this write created: its header and the appends."""
    tab = next(tab for tab in plan.new_tabs if tab.key == keyed.key)
    header = list(tab.header)
    columns = locate_columns(header, keyed.spellings)
    needed = {keyed.key_column} | {key for row in plan.appends for key in row}
    if needed - columns.keys():
        return None  # columns added past the header: written as the writer saw fit
    look = plan.style_of(keyed.key)
    looks = {index: look.column(key) for key, index in columns.items()}
    rows: list[list[Value]] = [list(header)]
    seen: set[str] = set()
    for append in plan.appends:
        match_id = str(append[keyed.key_column])
        if match_id in seen:
            return None  # a key appended twice: the writer keeps one
        seen.add(match_id)
        row: list[Value] = [""] * len(header)
        for key, value in append.items():
            row[columns[key]] = value
        rows.append(row)
    return as_read(rows, looks)


def file_hash(path: Path) -> str:
    """The hash `fingerprint` gives; `data_hash` of the same bytes."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "blake2b").hexdigest()


def data_hash(data: bytes) -> str:
    return hashlib.blake2b(data).hexdigest()


def _sheet(book: Workbook, plan: SpreadsheetPlan, key: str) -> Worksheet:
    """Tab `key` as it is now: by its identity, else by the title the plan knows."""
    found = style.find_tab(book, key, [plan.title_of(key)])
    if found is None:
        raise SpreadsheetNotFound(
            f"{plan.spreadsheet}: the tab '{plan.title_of(key)}' is gone; run the pass again."
        )
    return found


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
        cell = sheet.cell(row=row, column=column)
    else:
        cell = sheet.cell(row=row, column=column, value=value)
    style.dress_value(cell, value, look)


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


def _apply_keyed(
    sheet: Worksheet, plan: SpreadsheetPlan, look: TabStyle, stream: bool = False
) -> StreamedRows | None:
    """The plan's appends and updates, through openpyxl; with `stream` (a tab this
    write created), only the first appended rows: the rest are returned to stream."""
    keyed = plan.keyed_tab
    assert keyed is not None
    header = [as_text(cell.value) for cell in sheet[1]] if sheet.max_row >= 1 else []
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
    rest = appends[HEAD_ROWS:] if stream else []
    appends = appends[: len(appends) - len(rest)]
    for offset, values in enumerate(appends):
        for key, value in values.items():
            if key in columns and value != "":
                at = columns[key] + 1
                write_value(sheet, next_row + offset, at, value, look.column(key))
        for index, column_look in wrapped:  # the notes people will type wrap too
            style.dress_cell(sheet, next_row + offset, index + 1, column_look)
    style.dress_rows(sheet, range(next_row, next_row + len(appends)), look)
    return streamed_appends(sheet, columns, rest, next_row + len(appends), look)


def _rows_by_key(sheet: Worksheet, key_index: int) -> dict[str, int]:
    """Key -> sheet row; of a duplicated key, the first copy, which is the row a read uses."""
    rows: dict[str, int] = {}
    for r in range(2, sheet.max_row + 1):
        rows.setdefault(as_text(sheet.cell(row=r, column=key_index + 1).value).strip(), r)
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


def _rewrite(sheet: Worksheet, rewrite: Rewrite, look: TabStyle) -> StreamedRows | None:
    """The tab's header and first rows written here, with its look; the rows after
    those, to stream into the saved file (None when there are none)."""
    if sheet.max_row:
        sheet.delete_rows(1, sheet.max_row)
    looks = style.column_styles(rewrite.keys, look)
    head = rewrite.cells[: HEAD_ROWS + 1]
    for index, values in enumerate(head, start=1):
        _write_row(sheet, index, values, looks if index > 1 else {})
    style.dress_header(sheet, look)
    style.dress_rows(sheet, range(2, len(head) + 1), look)
    style.set_widths(sheet, looks)
    rest = rewrite.cells[len(head) :]
    if not rest:
        return None
    width = max(map(len, rewrite.cells), default=0)
    styles = {
        (column, xlsx_stream.kind_of(sample)): style.style_index(
            sheet, sample, looks.get(column, PLAIN)
        )
        for column in range(width)
        for sample in style.SAMPLES
    }
    height = None if look.row_height is None else look.row_height * style.POINTS_PER_PIXEL
    return StreamedRows(rest, len(head) + 1, width, styles, height)


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
