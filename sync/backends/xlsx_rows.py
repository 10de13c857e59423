"""A worksheet's rows as they are in the file, edited without loading them.

openpyxl would turn every cell of a large tab into an object only to write it
back unchanged. `RawRows` keeps the rows of a worksheet part as bytes; a write
replaces or adds the few cells it changes (`edited`) and copies everything else
as it was: values, formulas, styles, what a coordinator typed. Text kept in the
workbook's shared strings table is moved into its cells (inline), since the file
is saved without that table.

A part laid out otherwise than Excel, LibreOffice and openpyxl write it (a row or
a cell whose first attribute is not its reference, shared formulas, prefixed
tags) raises CannotSplice; the caller loads that tab with openpyxl instead.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string, get_column_letter

from sync.backends.workbook_read import as_text
from sync.backends.xlsx_stream import CannotSplice, cell_xml
from sync.cells import Value

_ROW = re.compile(rb'<row r="(\d+)"')
_ROW_TAG = re.compile(rb"<row\b[^>]*?(/?)>")
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>.*?</c>)', re.DOTALL)
_SHARED = re.compile(rb'<c\b([^>]*?) t="s"([^>]*)>\s*<v>(\d+)</v>\s*</c>')
_STRING = re.compile(rb"<si>(.*?)</si>|<si/>", re.DOTALL)
_DIMENSION = re.compile(rb'<dimension\b[^>]*\bref="[A-Z]+\d+:([A-Z]+)\d+"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_VALUE = re.compile(rb"<v>(.*?)</v>", re.DOTALL)
_FORMULA = re.compile(rb"<f\b[^>]*>(.*?)</f>|<f\b[^>]*/>", re.DOTALL)
_TEXT = re.compile(rb"<t\b[^>]*>(.*?)</t>|<t\b[^>]*/>", re.DOTALL)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.DOTALL)
_SPANS = re.compile(rb'\sspans="[^"]*"')
_HEIGHT = re.compile(rb'\s(?:ht|customHeight)="[^"]*"')


@dataclass(frozen=True)
class Cell:
    """A cell to write: its value (None: no value, only a look) and its style index."""

    value: Value | None
    style: int


@dataclass(frozen=True)
class RowEdit:
    #: 0-based column -> the cell written there.
    cells: Mapping[int, Cell]
    #: The row's height in points, when the write sets one.
    height: float | None = None


def shared_strings(table: bytes | None) -> list[bytes]:
    """The items of a shared strings part, each as the XML inside its <si>."""
    if table is None:
        return []
    return [found.group(1) or b"" for found in _STRING.finditer(table)]


class RawRows:
    """The rows of one worksheet part, by sheet row number."""

    def __init__(self, xml: bytes, strings: Sequence[bytes] = ()) -> None:
        # The rows are found in `xml` itself, between `start` and `end`: a copy of
        # them would be a quarter of a GB more at the write's peak at 100,000 rows.
        start, end = _sheet_data_span(xml)
        if xml.find(b't="shared"', start, end) >= 0:
            raise CannotSplice("the worksheet holds shared formulas")
        dimension = _DIMENSION.search(xml)
        self._width = column_index_from_string(dimension.group(1).decode()) if dimension else None
        if xml.find(b' t="s"', start, end) >= 0:
            xml = _inline(xml[start:end], strings)
            start, end = 0, len(xml)
        self.xml, self.start, self.end = xml, start, end
        self.numbers: list[int] = []
        self.starts: list[int] = []
        for row in _ROW.finditer(xml, start, end):
            self.numbers.append(int(row.group(1)))
            self.starts.append(row.start())
        # A row runs to the next one: what lies between rows is white space.
        self.ends = [*self.starts[1:], end]
        rows = xml.count(b"<row", start, end)
        if rows != len(self.numbers) or self.numbers != sorted(self.numbers):
            raise CannotSplice("rows without their number first, or out of order")
        cells = sum(xml.count(tag, start, end) for tag in (b"<c ", b"<c>", b"<c/>"))
        if cells != xml.count(b'<c r="', start, end):
            raise CannotSplice("cells without their reference first")
        self._index = {number: i for i, number in enumerate(self.numbers)}

    def max_column(self) -> int:
        """The last column holding a cell, as the part's dimension says (else counted)."""
        if self._width is None:
            letters = {c.group(1) for c in _CELL.finditer(self.xml, self.start, self.end)}
            self._width = max((column_index_from_string(c.decode()) for c in letters), default=0)
        return self._width

    def row(self, number: int) -> bytes:
        at = self._index.get(number)
        return b"" if at is None else self.xml[self.starts[at] : self.ends[at]]

    def texts(self, number: int) -> dict[int, str]:
        """0-based column -> the cell's text, as openpyxl reads it, for row `number`."""
        return {column: cell_text(xml) for column, xml in _cells(self.row(number)).items()}

    def style_at(self, number: int, column: int) -> int | None:
        """The style index of the cell in row `number`, 0-based `column`; None when the
        row has no such cell. Found by its reference, without reading the row's others:
        a pass refreshes a cell or two in each of 100,000 rows."""
        row = self.row(number)
        at = row.find(_reference(column, number))
        if at < 0:
            return None
        return _style(row[at : row.find(b">", at) + 1])

    def key_rows(self, column: int) -> dict[str, int]:
        """Text -> sheet row, of the cells in 0-based `column` below the header; of a
        duplicated text, the first row."""
        letter = get_column_letter(column + 1).encode()
        pattern = re.compile(rb'<c r="' + letter + rb'(\d+)"[^>]*?(?:/>|>.*?</c>)', re.DOTALL)
        rows: dict[str, int] = {}
        for found in pattern.finditer(self.xml, self.start, self.end):
            number = int(found.group(1))
            if number > 1:
                rows.setdefault(cell_text(found.group()).strip(), number)
        rows.pop("", None)
        return rows

    def last_used_row(self) -> int:
        """The last row below the header with a cell holding a value; 1 when none."""
        for at in range(len(self.numbers) - 1, -1, -1):
            number = self.numbers[at]
            if number > 1 and any(self.texts(number).values()):
                return number
        return 1

    def edited(self, edits: Mapping[int, RowEdit]) -> Iterator[bytes]:
        """The rows with `edits` made, in order: a row there is changed, a row that is
        not is added; every other row is copied as it is."""
        done = self.start
        for number in sorted(edits):
            at = self._index.get(number)
            if at is None:
                start = end = self._insertion_point(number)
                row = _new_row(number, edits[number])
            else:
                start, end = self.starts[at], self.ends[at]
                row = _edited_row(self.xml[start:end], number, edits[number])
            yield self.xml[done:start]
            yield row
            done = end
        yield self.xml[done : self.end]

    def extent(self, edits: Mapping[int, RowEdit]) -> tuple[int, int]:
        rows = max([*self.numbers[-1:], *edits], default=0)
        edited = [column + 1 for edit in edits.values() for column in edit.cells]
        return rows, max([self.max_column(), *edited], default=0)

    def _insertion_point(self, number: int) -> int:
        at = bisect.bisect(self.numbers, number)
        return self.starts[at] if at < len(self.starts) else self.end


def _sheet_data_span(xml: bytes) -> tuple[int, int]:
    """Where what the worksheet's <sheetData> holds starts and ends in `xml`."""
    start = xml.find(b"<sheetData")
    opened = xml.find(b">", start)
    if start < 0 or opened < 0:
        raise CannotSplice("the worksheet has no sheetData")
    if xml[opened - 1 : opened] == b"/":
        return opened + 1, opened + 1
    end = xml.rfind(b"</sheetData>")
    if end < opened:
        raise CannotSplice("the worksheet's sheetData is not closed")
    return opened + 1, end


def cell_text(xml: bytes) -> str:
    """A cell's text as openpyxl reads it: a formula as typed, a number as a form shows
    it (a date stays its serial number: keys and headers are text)."""
    formula = _FORMULA.search(xml)
    if formula is not None:
        return "=" + _unescape(formula.group(1) or b"")
    kind = _TYPE.search(xml.split(b">", 1)[0])
    kind_name = kind.group(1) if kind else b"n"
    if kind_name == b"inlineStr":
        return "".join(
            _unescape(t.group(1) or b"") for t in _TEXT.finditer(_PHONETIC.sub(b"", xml))
        )
    value = _VALUE.search(xml)
    if value is None:
        return ""
    text = _unescape(value.group(1))
    if kind_name == b"b":
        return as_text(text.strip() == "1")
    if kind_name in (b"str", b"e", b"s"):
        return text
    try:
        number = float(text)
    except ValueError:
        return text
    return as_text(number)


def _unescape(text: bytes) -> str:
    decoded = text.decode("utf-8")
    return html.unescape(decoded) if "&" in decoded else decoded


def _inline(body: bytes, strings: Sequence[bytes]) -> bytes:
    """Each cell holding an item of the shared strings table, holding that text itself."""

    def inline(found: re.Match[bytes]) -> bytes:
        index = int(found.group(3))
        if index >= len(strings):
            raise CannotSplice(f"shared string {index} is not in the table")
        return b'<c%s t="inlineStr"%s><is>%s</is></c>' % (
            found.group(1),
            found.group(2),
            strings[index],
        )

    body = _SHARED.sub(inline, body)
    if b' t="s"' in body:
        raise CannotSplice("a shared string cell laid out otherwise")
    return body


def _cells(row: bytes) -> dict[int, bytes]:
    return {
        column_index_from_string(c.group(1).decode()) - 1: c.group() for c in _CELL.finditer(row)
    }


def _style(xml: bytes) -> int:
    found = _STYLE.search(xml.split(b">", 1)[0])
    return int(found.group(1)) if found else 0


def _rendered(cells: Mapping[int, bytes]) -> bytes:
    return b"".join(cells[column] for column in sorted(cells))


def _written(number: int, edit: RowEdit) -> dict[int, bytes]:
    return {
        column: cell_xml(
            f"{get_column_letter(column + 1)}{number}", cell.value, cell.style
        ).encode()
        for column, cell in edit.cells.items()
    }


def _height(edit: RowEdit) -> bytes:
    return b"" if edit.height is None else b' ht="%s" customHeight="1"' % str(edit.height).encode()


def _new_row(number: int, edit: RowEdit) -> bytes:
    return b'<row r="%d"%s>%s</row>' % (number, _height(edit), _rendered(_written(number, edit)))


def _edited_row(row: bytes, number: int, edit: RowEdit) -> bytes:
    tag = _ROW_TAG.match(row)
    if tag is None:
        raise CannotSplice(f"row {number} is laid out otherwise")
    # Its cells may now reach past the columns `spans` named; a height set anew wins.
    opening = _SPANS.sub(b"", row[: tag.end()].removesuffix(b"/>").removesuffix(b">"))
    if edit.height is not None:
        opening = _HEIGHT.sub(b"", opening) + _height(edit)
    written = _written(number, edit)
    replaced = None if tag.group(1) else _replaced(row, tag.end(), number, written)
    if replaced is not None:
        return opening + b">" + replaced + b"</row>"
    cells = {**_cells(row), **written}
    return opening + b">" + _rendered(cells) + b"</row>"


def _replaced(row: bytes, start: int, number: int, written: Mapping[int, bytes]) -> bytes | None:
    """The cells of `row` (from `start`, after its tag) with those in `written` put in
    place of the cells they replace; None when one of them has no cell to replace. Only
    the cells written are parsed."""
    end = row.rfind(b"</row>")
    spans = []
    for column in sorted(written):
        at = row.find(_reference(column, number), start, end)
        found = None if at < 0 else _CELL.match(row, at, end)
        if found is None:
            return None
        spans.append((found.start(), found.end(), written[column]))
    spans.sort()
    pieces: list[bytes] = []
    done = start
    for begin, stop, cell in spans:
        if begin < done:
            return None  # cells out of order: let the full render sort them
        pieces += (row[done:begin], cell)
        done = stop
    pieces.append(row[done:end])
    return b"".join(pieces)


def _reference(column: int, number: int) -> bytes:
    return b'<c r="%s%d"' % (get_column_letter(column + 1).encode(), number)
