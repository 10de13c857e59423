"""The keyed tab (Matches) written without openpyxl holding its rows.

A tab that exists is edited in its rows as the file holds them (xlsx_rows.py):
rows found by their key, the pipeline's cells replaced, new rows added below
the last one in use; every other cell stays as it was. A tab created by this
write has its header and first rows written by openpyxl (its widths are judged
on them) and the rest streamed (xlsx_stream.py). Either way each cell gets the
look openpyxl would give it: its own style, with the column's number format and
wrapping.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from copy import copy
from dataclasses import dataclass

from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.worksheet.worksheet import Worksheet

from sync.backends import workbook_style as style
from sync.backends.xlsx_rows import Cell, RawRows, RowEdit
from sync.backends.xlsx_stream import SheetRows, StreamedRows, kind_of
from sync.cells import Value
from sync.keyed_header import check_header
from sync.plan import SpreadsheetPlan, locate_columns
from sync.styles import PLAIN, ColumnStyle, TabStyle


class Looks:
    """Style indexes of `sheet`'s workbook: a cell's own style with a column's look."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self._known: dict[tuple[int | None, str, ColumnStyle], int] = {}

    def of(self, base: int | None, value: Value | None, look: ColumnStyle) -> int:
        """The style of a cell that had style `base` (None: no cell) once it holds
        `value` (None: nothing, it only wraps) in a column of `look`."""
        kind = "blank" if value is None else kind_of(value)
        key = (base, kind, look)
        if key not in self._known:
            styles = self.sheet.parent._cell_styles
            cell = SheetCell(self.sheet)
            if base is not None:
                cell._style = copy(styles[base])
            style.dress_value(cell, "" if value is None else value, look)
            self._known[key] = cell.style_id if cell.has_style else 0
        return self._known[key]


def keyed_rows(raw: RawRows, sheet: Worksheet, plan: SpreadsheetPlan, look: TabStyle) -> SheetRows:
    """The keyed tab's rows with `plan`'s appends and updates made."""
    keyed = plan.keyed_tab
    assert keyed is not None
    writer = _Edits(raw, Looks(sheet))
    texts = raw.texts(1)
    # As wide as the tab (openpyxl's header row is): a column added goes after all.
    width = max([raw.max_column(), *(column + 1 for column in texts)])
    header = [texts.get(i, "") for i in range(width)]
    check_header([header], keyed)
    columns = locate_columns(header, keyed.spellings)
    needed = {keyed.key_column} | {key for row in plan.appends for key in row}
    for key in sorted(needed - columns.keys(), key=list(keyed.labels).index):
        columns[key] = len(header)
        header.append(keyed.labels[key])
        writer.put(1, columns[key], Cell(keyed.labels[key], writer.base(1, columns[key]) or 0))
    rows_by_key = raw.key_rows(columns[keyed.key_column])
    for update in plan.updates:
        row = rows_by_key.get(update.key)
        if row is not None and update.column in columns:
            writer.value(row, columns[update.column], update.value, look.column(update.column))
    next_row = raw.last_used_row() + 1
    wrapped = [(columns[k], s) for k, s in look.columns.items() if s.wrap and k in columns]
    # A row another pass appended since this plan's read is not appended twice.
    appends = [row for row in plan.appends if str(row[keyed.key_column]) not in rows_by_key]
    for number, values in enumerate(appends, start=next_row):
        for key, value in values.items():
            if key in columns and value != "":
                writer.value(number, columns[key], value, look.column(key))
        for index, column_look in wrapped:  # the notes people will type wrap too
            writer.wrap(number, index, column_look)
        writer.height(number, look)
    return SheetRows(raw.edited(writer.edits), raw.extent(writer.edits))


@dataclass
class _Edits:
    raw: RawRows
    looks: Looks

    def __post_init__(self) -> None:
        self.edits: dict[int, RowEdit] = {}

    def base(self, row: int, column: int) -> int | None:
        return self.raw.style_at(row, column)

    def put(self, row: int, column: int, cell: Cell) -> None:
        edit = self.edits.get(row, RowEdit({}))
        self.edits[row] = RowEdit({**edit.cells, column: cell}, edit.height)

    def value(self, row: int, column: int, value: Value, look: ColumnStyle) -> None:
        self.put(row, column, Cell(value, self.looks.of(self.base(row, column), value, look)))

    def wrap(self, row: int, column: int, look: ColumnStyle) -> None:
        edit = self.edits.get(row)
        if edit is None or column not in edit.cells:
            self.put(row, column, Cell(None, self.looks.of(self.base(row, column), None, look)))

    def height(self, row: int, look: TabStyle) -> None:
        if look.row_height is not None:
            edit = self.edits.get(row, RowEdit({}))
            self.edits[row] = RowEdit(edit.cells, look.row_height * style.POINTS_PER_PIXEL)


def streamed_appends(
    sheet: Worksheet,
    columns: Mapping[str, int],
    appends: Sequence[Mapping[str, Value]],
    first_row: int,
    look: TabStyle,
) -> StreamedRows | None:
    """Rows appended to a tab this write created, after those openpyxl holds."""
    if not appends:
        return None
    width = max(columns.values()) + 1
    keys = {index: key for key, index in columns.items()}
    rows = [[_value_at(row, keys.get(i)) for i in range(width)] for row in appends]
    looks = Looks(sheet)
    styles = {
        (i, kind_of(sample)): looks.of(None, sample, _look(look, keys.get(i)))
        for i in range(width)
        for sample in style.SAMPLES
    }
    wrapped = {columns[k]: s for k, s in look.columns.items() if s.wrap and k in columns}
    blanks = {i: looks.of(None, None, s) for i, s in wrapped.items()}
    height = None if look.row_height is None else look.row_height * style.POINTS_PER_PIXEL
    return StreamedRows(rows, first_row, width, styles, height, blanks)


def _look(look: TabStyle, key: str | None) -> ColumnStyle:
    return PLAIN if key is None else look.column(key)


def _value_at(row: Mapping[str, Value], key: str | None) -> Value:
    return "" if key is None else row.get(key, "")
