"""New rows and refreshed cells of the keyed tab (Matches), edited in the file's XML.

Appending a few hundred rows to a tab of tens of thousands should not cost
loading the whole workbook. Here the worksheet part is edited as text: the
header row tells where each column is now (coordinators move columns), the key
column where each row is (they sort rows), new rows go after the last row that
holds anything, and a refreshed cell is replaced in its row, keeping its style.
Everything else in the part, and in the file, stays byte for byte.

Whatever this cannot do safely (a column to add, rows without coordinates,
empty rows after the last used one) raises CannotSplice, and the backend takes
openpyxl's way instead.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence

from openpyxl.utils import column_index_from_string, get_column_letter

from sync.backends.xlsx_stream import CannotSplice, cell_xml
from sync.plan import CellUpdate, KeyedTab, locate_columns

_ROW = re.compile(rb"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.DOTALL)
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_VALUE = re.compile(rb"<v>(.*?)</v>", re.DOTALL)
_TEXT = re.compile(rb"<t\b[^>]*>(.*?)</t>|<t\b[^>]*/>", re.DOTALL)
_SHARED = re.compile(rb"<si>(.*?)</si>|<si/>", re.DOTALL)
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
_END = b"</sheetData>"


class SharedStrings:
    """The workbook's shared strings, read only if a cell refers to one."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self._texts: list[str] | None = None

    def __getitem__(self, index: int) -> str:
        if self._texts is None:
            try:
                xml = self.archive.read("xl/sharedStrings.xml")
            except KeyError:
                xml = b""
            self._texts = [_texts_of(m.group(1) or b"") for m in _SHARED.finditer(xml)]
        return self._texts[index]


def _texts_of(xml: bytes) -> str:
    return html.unescape(b"".join(m.group(1) or b"" for m in _TEXT.finditer(xml)).decode())


def _cell_text(attrs: bytes, inner: bytes | None, shared: SharedStrings) -> str:
    if not inner:
        return ""
    kind = _TYPE.search(attrs)
    kind_name = kind.group(1) if kind else b"n"
    if kind_name == b"inlineStr":
        return _texts_of(inner)
    value = _VALUE.search(inner)
    if value is None:
        return ""
    text = html.unescape(value.group(1).decode())
    if kind_name == b"s":
        return shared[int(text)]
    if kind_name == b"b":
        return "TRUE" if text == "1" else "FALSE"
    if kind_name == b"n" and text.endswith(".0"):
        return text[:-2]
    return text


def _cells(row_xml: bytes | None) -> list[tuple[int, bytes, bytes | None, bytes]]:
    """(1-based column, attributes, content, the whole element) of each cell."""
    found = []
    for cell in _CELL.finditer(row_xml or b""):
        ref = _REF.search(cell.group(1))
        if ref is None:
            raise CannotSplice("a cell without coordinates")
        found.append((column_index_from_string(ref.group(1).decode()), cell.group(1),
                      cell.group(2), cell.group(0)))  # fmt: skip
    return found


def keyed_edit(
    keyed: KeyedTab,
    appends: Sequence[Mapping[str, str]],
    updates: Sequence[CellUpdate],
    archive: zipfile.ZipFile,
) -> Callable[[bytes], bytes]:
    """A function that gives the keyed tab's worksheet part with the new rows and the
    refreshed cells in it."""
    shared = SharedStrings(archive)

    def edit(xml: bytes) -> bytes:
        end = xml.rfind(_END)
        rows = list(_ROW.finditer(xml, 0, end if end >= 0 else len(xml)))
        if end < 0 or not rows:
            raise CannotSplice("no rows")
        numbers = [_row_number(row) for row in rows]
        header_at = numbers.index(1) if 1 in numbers else None
        if header_at is None:
            raise CannotSplice("no header row")
        header_cells = _cells(rows[header_at].group(2))
        width = max((c for c, *_ in header_cells), default=0)
        header = [""] * width
        for column, attrs, inner, _ in header_cells:
            header[column - 1] = _cell_text(attrs, inner, shared)
        columns = locate_columns(header, keyed.spellings)
        needed = {keyed.key_column} | {key for row in appends for key in row}
        if needed - columns.keys():
            raise CannotSplice("a column to add")
        last_used = max((n for row, n in zip(rows, numbers, strict=True) if _holds(row)), default=1)
        if max(numbers) > last_used:
            raise CannotSplice("rows after the last used one")
        edited = _with_updates(xml, rows, numbers, columns, keyed.key_column, updates, shared)
        added = _new_rows(appends, columns, last_used + 1)
        at = edited.rfind(_END)
        result = edited[:at] + added + edited[at:]
        last_row = last_used + len(appends)
        extent = f'<dimension ref="A1:{get_column_letter(max(width, 1))}{last_row}"/>'.encode()
        return _DIMENSION.sub(lambda _: extent, result, count=1)

    return edit


def _row_number(row: re.Match[bytes]) -> int:
    number = _ROW_NUMBER.search(row.group(1))
    if number is None:
        raise CannotSplice("a row without its number")
    return int(number.group(1))


def _holds(row: re.Match[bytes]) -> bool:
    inner = row.group(2) or b""
    return b"<v>" in inner or b"<is>" in inner


def _with_updates(
    xml: bytes,
    rows: list[re.Match[bytes]],
    numbers: list[int],
    columns: Mapping[str, int],
    key_column: str,
    updates: Sequence[CellUpdate],
    shared: SharedStrings,
) -> bytes:
    """`xml` with each update's cell replaced in the row its key is in now."""
    wanted = [u for u in updates if u.column in columns]
    if not wanted:
        return xml
    key_at = columns[key_column] + 1
    by_key: dict[str, int] = {}
    for index, row in enumerate(rows):
        for column, attrs, inner, _ in _cells(row.group(2)):
            if column == key_at:
                by_key.setdefault(_cell_text(attrs, inner, shared).strip(), index)
    changes: dict[int, dict[int, str]] = {}
    for update in wanted:
        found = by_key.get(update.key)
        if found is not None:
            changes.setdefault(found, {})[columns[update.column] + 1] = update.value
    pieces, done = [], 0
    for index in sorted(changes):
        row = rows[index]
        pieces += [xml[done : row.start()], _row_with(row, numbers[index], changes[index])]
        done = row.end()
    return b"".join([*pieces, xml[done:]])


def _row_with(row: re.Match[bytes], number: int, values: Mapping[int, str]) -> bytes:
    kept: dict[int, bytes] = {}
    styles: dict[int, bytes] = {}
    for column, attrs, _, whole in _cells(row.group(2)):
        kept[column] = whole
        style = _STYLE.search(attrs)
        if style:
            styles[column] = style.group(1)
    letters = {c: get_column_letter(c) for c in values}
    for column, value in values.items():
        kept[column] = cell_xml(letters[column], number, value, styles.get(column)).encode()
    cells = b"".join(kept[c] for c in sorted(kept))
    return b"<row" + row.group(1) + b">" + cells + b"</row>"


def _new_rows(
    appends: Sequence[Mapping[str, str]], columns: Mapping[str, int], first: int
) -> bytes:
    letters = {key: get_column_letter(index + 1) for key, index in columns.items()}
    order = sorted(columns, key=columns.__getitem__)
    lines = []
    for number, values in enumerate(appends, start=first):
        cells = "".join(
            cell_xml(letters[key], number, values[key], None)
            for key in order
            if values.get(key, "") != ""
        )
        lines.append(f'<row r="{number}">{cells}</row>')
    return "".join(lines).encode("utf-8")
