"""The look and furniture of workbook tabs (openpyxl): formats, widths, dropdowns,
highlights, the frozen header, and the defined name that identifies a tab.

A tab's identity is a defined name scoped to its sheet (`mozhem_matches`):
LibreOffice and Excel keep it when a person renames or moves the sheet, so the
pass finds the tab again by it. Reading what furniture a tab still has is here
too, so that the pass restores only what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sync.cells import Value
from sync.styles import PLAIN, ColumnStyle, Highlight, NumberFormat, TabStyle

#: Number formats as Excel and LibreOffice spell them.
XLSX_FORMATS: Mapping[NumberFormat, str] = {
    "integer": "0",
    "decimal": "0.00",
    "date": "DD.MM.YYYY",
    "date_time": "DD.MM.YYYY HH:MM",
}
#: A dropdown reaches this row, so rows coordinators add later have it too.
DROPDOWN_LAST_ROW = 100_000
_WRAPPED = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
POINTS_PER_PIXEL = 0.75
#: A value of each kind a column styles apart (text, number, date).
SAMPLES: tuple[Value, ...] = ("", 0, datetime(2000, 1, 1))


def identity_name(key: str) -> str:
    return f"mozhem_{key}"


def find_tab(book: Workbook, key: str, titles: Iterable[str] = ()) -> Worksheet | None:
    """The sheet that carries the identity of tab `key`, else the first titled as one of
    `titles`."""
    name = identity_name(key)
    for sheet in book.worksheets:
        if name in sheet.defined_names:
            return sheet
    return next((book[t] for t in titles if t in book.sheetnames), None)


def is_marked(sheet: Worksheet, key: str) -> bool:
    return identity_name(key) in sheet.defined_names


def mark(sheet: Worksheet, key: str) -> None:
    name = identity_name(key)
    sheet.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(sheet.title)}!$A$1")


def refresh_marks(book: Workbook) -> None:
    """Point each identity at its sheet's present title, after a person renamed it."""
    for sheet in book.worksheets:
        for name in list(sheet.defined_names):
            if name.startswith(identity_name("")):
                mark(sheet, name.removeprefix(identity_name("")))


def number_format(value: object, style: ColumnStyle) -> str | None:
    if style.number_format is not None:
        return XLSX_FORMATS[style.number_format]
    if isinstance(value, date):
        return XLSX_FORMATS["date_time"]
    return None


def dress_cell(sheet: Worksheet, row: int, column: int, style: ColumnStyle) -> None:
    """Wrapping, for a cell just written (its number format goes with its value)."""
    if style.wrap:
        sheet.cell(row=row, column=column).alignment = _WRAPPED


def dress_value(cell: Cell, value: object, style: ColumnStyle) -> None:
    """The look of a cell holding `value` in a column of `style`: its number format
    (a number or a date), and wrapping."""
    shown_as = None if isinstance(value, str) else number_format(value, style)
    if shown_as is not None:
        cell.number_format = shown_as
    if style.wrap:
        cell.alignment = _WRAPPED


def style_index(sheet: Worksheet, value: object, style: ColumnStyle) -> int:
    """The workbook's index of the look `dress_value` gives a cell of `sheet` holding
    such a value: a cell written as XML elsewhere takes it (`s="…"`)."""
    cell = Cell(sheet)
    dress_value(cell, value, style)
    return int(cell.style_id)


def dress_rows(sheet: Worksheet, rows: Iterable[int], style: TabStyle) -> None:
    if style.row_height is not None:
        for row in rows:
            sheet.row_dimensions[row].height = style.row_height * POINTS_PER_PIXEL


def dress_header(sheet: Worksheet, style: TabStyle) -> None:
    if style.bold_header:
        for cell in sheet[1]:
            if cell.value not in (None, ""):
                cell.font = _BOLD
    freeze(sheet, style.frozen_rows)


def freeze(sheet: Worksheet, rows: int) -> None:
    sheet.freeze_panes = f"A{rows + 1}" if rows else None


def dress_columns(sheet: Worksheet, columns: Mapping[int, ColumnStyle]) -> None:
    """Column defaults, for the cells people type into later: wrapping, number formats."""
    for index, style in columns.items():
        dimension = sheet.column_dimensions[get_column_letter(index + 1)]
        if style.wrap:
            dimension.alignment = _WRAPPED
        if style.number_format is not None:
            dimension.number_format = XLSX_FORMATS[style.number_format]


def set_widths(sheet: Worksheet, columns: Mapping[int, ColumnStyle]) -> None:
    """Fixed widths where the style gives one (0-based columns); the rest fit the content."""
    fit_widths(sheet)
    for index, style in columns.items():
        if style.width is not None:
            sheet.column_dimensions[get_column_letter(index + 1)].width = style.width + 2


def fit_widths(sheet: Worksheet, sample_rows: int = 200, widest: int = 50) -> None:
    """Columns wide enough to read, judged on the first rows; long text stays cut."""
    widths: dict[int, int] = {}
    # Never past the last row: openpyxl would make an empty cell for each one it visits
    # there, and save an empty row for each.
    for row in sheet.iter_rows(max_row=min(sample_rows, sheet.max_row)):
        for cell in row:
            if cell.value is not None:
                length = len(str(cell.value))
                widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, length in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(length, 6), widest) + 2


def column_styles(keys: Sequence[str], style: TabStyle) -> dict[int, ColumnStyle]:
    """0-based column -> its style, for columns whose key the style names."""
    return {i: style.column(key) for i, key in enumerate(keys) if style.column(key) != PLAIN}


def add_dropdown(sheet: Worksheet, column: int, labels: Sequence[str]) -> None:
    """A dropdown on a 0-based column from row 2 down, replacing any there was."""
    letter = get_column_letter(column + 1)
    for validation in list(sheet.data_validations.dataValidation):
        if any(_spans_column(cells, column) for cells in validation.sqref.ranges):
            sheet.data_validations.dataValidation.remove(validation)
    validation = DataValidation(
        type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True
    )
    validation.add(f"{letter}2:{letter}{DROPDOWN_LAST_ROW}")
    sheet.add_data_validation(validation)


def add_highlight(sheet: Worksheet, column: int, highlight: Highlight) -> None:
    letter = get_column_letter(column + 1)
    fill = PatternFill("solid", start_color=highlight.color, end_color=highlight.color)
    rule = CellIsRule(operator="equal", formula=[_number(highlight.equals)], fill=fill)
    sheet.conditional_formatting.add(f"{letter}2:{letter}{DROPDOWN_LAST_ROW}", rule)


def apply_furniture(
    sheet: Worksheet,
    dropdowns: Mapping[int, Sequence[str]],
    highlights: Iterable[tuple[int, Highlight]],
) -> None:
    for column, labels in dropdowns.items():
        add_dropdown(sheet, column, labels)
    for column, highlight in highlights:
        add_highlight(sheet, column, highlight)


def frozen_rows(sheet: Worksheet) -> int:
    pane = sheet.freeze_panes
    if not pane:
        return 0
    return CellRange(f"{pane}:{pane}").min_row - 1


def full_dropdowns(sheet: Worksheet) -> frozenset[int]:
    """0-based columns whose list dropdown reaches from row 2 to the last row we set."""
    covered = set()
    for validation in sheet.data_validations.dataValidation:
        if validation.type != "list":
            continue
        for cells in validation.sqref.ranges:
            if cells.min_row <= 2 and cells.max_row >= DROPDOWN_LAST_ROW:
                covered |= set(range(cells.min_col - 1, cells.max_col))
    return frozenset(covered)


def highlighted(sheet: Worksheet) -> frozenset[int]:
    """0-based columns with a conditional format."""
    columns = set()
    for formatting in sheet.conditional_formatting:
        for cells in formatting.sqref.ranges:
            columns |= set(range(cells.min_col - 1, cells.max_col))
    return frozenset(columns)


def _spans_column(cells: CellRange, column: int) -> bool:
    return cells.min_col - 1 <= column < cells.max_col


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
