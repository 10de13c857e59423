"""Tabs rewritten whole, streamed straight into the .xlsx file's XML.

Loading a workbook with openpyxl only to replace the rows of its biggest tabs
costs more than everything else a pass does. Here a rewritten tab's rows are
written as XML, and spliced into the tab's worksheet part in place of its old
rows: every other part of the file (the coordinators' tabs, styles, the tab's
own settings such as frozen rows or filters) is copied as it is.

Every value is written as an inline string, so text stays text (a leading "="
never becomes a formula) and the shared strings table is left alone.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from sync.backends.xlsx_parts import sheet_parts
from sync.ops import progress
from sync.plan import Grid

#: Rows put together per write: big enough to be fast, small enough to stay light.
_ROWS_PER_WRITE = 2_000
_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData\b[^>]*>.*</sheetData>", re.DOTALL)
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_COLS = re.compile(rb"<cols\b[^>]*>.*?</cols>|<cols\s*/>", re.DOTALL)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


#: Excel and LibreOffice keep at most this many characters in a cell.
XLSX_CELL_LIMIT = 32_767


def safe_text(value: str, limit: int = XLSX_CELL_LIMIT) -> str:
    """Text a cell can hold: no characters XML forbids, at most `limit` long."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _safe_row(row: Sequence[str]) -> Sequence[str]:
    # One look at the whole row: nearly every row is clean already.
    if ILLEGAL_CHARACTERS_RE.search("".join(row)) or any(len(v) > XLSX_CELL_LIMIT for v in row):
        return [safe_text(value) for value in row]
    return row


class CannotSplice(Exception):
    """The worksheet part is not laid out as expected; write it another way."""


def column_widths(grid: Grid, sample_rows: int = 200, widest: int = 50) -> dict[int, float]:
    """1-based column -> a width to read it by, judged on the first rows; long text
    stays cut. Empty columns keep the default width."""
    widths: dict[int, int] = {}
    for row in grid[:sample_rows]:
        for column, value in enumerate(row, start=1):
            if value:
                widths[column] = max(widths.get(column, 0), len(value))
    return {column: min(max(length, 6), widest) + 2 for column, length in widths.items()}


#: Given the open file, a function from a worksheet part's XML to the edited XML.
PartEdit = Callable[[zipfile.ZipFile], Callable[[bytes], bytes]]


def splice(
    source: Path, target: Path, grids: Mapping[str, Grid], edits: Mapping[str, PartEdit] = {}
) -> None:
    """`source` copied to `target`, each tab in `grids` holding exactly that grid
    (made safe for a cell, see `safe_text`), each tab in `edits` edited. Raises
    CannotSplice when a tab is missing or its part is not laid out as expected."""
    with zipfile.ZipFile(source) as old:
        parts = sheet_parts(old)
        missing = sorted((set(grids) | set(edits)) - set(parts))
        if missing:
            raise CannotSplice(f"no tab {missing[0]!r}")
        replaced = {parts[title]: (grid, title) for title, grid in grids.items()}
        edited = {parts[title]: edit(old) for title, edit in edits.items()}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
            for info in old.infolist():
                if info.filename in replaced:
                    grid, title = replaced[info.filename]
                    _write_sheet(new, info, old.read(info), grid, title)
                elif info.filename in edited:
                    new.writestr(
                        info, edited[info.filename](old.read(info)), zipfile.ZIP_DEFLATED, 1
                    )
                else:
                    new.writestr(info, old.read(info), zipfile.ZIP_DEFLATED, 1)


def _write_sheet(
    new: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bytes, grid: Grid, title: str
) -> None:
    rows = _SHEET_DATA.search(xml)
    if rows is None:
        raise CannotSplice(f"{info.filename} has no sheetData")
    head, tail = xml[: rows.start()], xml[rows.end() :]
    head = _with_dimension(head, grid)
    head = _with_widths(head, column_widths(grid))
    out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    out.compress_type = zipfile.ZIP_DEFLATED
    with new.open(out, "w") as stream:
        stream.write(head)
        stream.write(b"<sheetData>")
        for chunk in _row_chunks(grid, title):
            stream.write(chunk)
        stream.write(b"</sheetData>")
        stream.write(tail)


def _with_dimension(head: bytes, grid: Grid) -> bytes:
    width = max(map(len, grid), default=0)
    extent = f"A1:{get_column_letter(width)}{len(grid)}" if width else "A1"
    dimension = f'<dimension ref="{extent}"/>'.encode()
    if _DIMENSION.search(head):
        return _DIMENSION.sub(lambda _: dimension, head, count=1)
    return _before_first(head, (b"<sheetViews", b"<sheetFormatPr", b"<cols"), dimension)


def _with_widths(head: bytes, widths: Mapping[int, float]) -> bytes:
    cols = "".join(
        f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>' for c, w in sorted(widths.items())
    )
    block = f"<cols>{cols}</cols>".encode() if cols else b""
    if _COLS.search(head):
        return _COLS.sub(lambda _: block, head, count=1)
    return head + block


def _before_first(head: bytes, tags: Sequence[bytes], block: bytes) -> bytes:
    found = [i for i in (head.find(tag) for tag in tags) if i >= 0]
    at = min(found) if found else len(head)
    return head[:at] + block + head[at:]


def _row_chunks(grid: Grid, title: str) -> Iterator[bytes]:
    letters = [get_column_letter(i) for i in range(1, max(map(len, grid), default=0) + 1)]
    lines: list[str] = []
    rows = progress.active().iterate(grid, f"rows written to {title}", len(grid))
    for number, row in enumerate(rows, start=1):
        cells = "".join(
            _cell(letters[i], number, value)
            for i, value in enumerate(_safe_row(row))
            if value != ""
        )
        lines.append(f'<row r="{number}">{cells}</row>')
        if len(lines) >= _ROWS_PER_WRITE:
            yield "".join(lines).encode("utf-8")
            lines.clear()
    if lines:
        yield "".join(lines).encode("utf-8")


def _cell(letter: str, row: int, value: str) -> str:
    """A cell holding `value` (made safe already) as an inline string."""
    text = value.translate(_ESCAPES)
    keep = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    return f'<c r="{letter}{row}" t="inlineStr"><is><t{keep}>{text}</t></is></c>'


def cell_xml(letter: str, row: int, value: str, style: bytes | None) -> str:
    """A cell holding `value` as text, with the style `style` (an index) if given."""
    value = safe_text(value)
    if not value:
        styled = f' s="{style.decode()}"' if style else ""
        return f'<c r="{letter}{row}"{styled}/>'
    cell = _cell(letter, row, value)
    return cell.replace("<c ", f'<c s="{style.decode()}" ', 1) if style else cell
