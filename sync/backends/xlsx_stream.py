"""Rows of tabs rewritten whole, streamed straight into the .xlsx file's XML.

Loading a workbook with openpyxl only to replace the rows of its biggest tabs
costs more than everything else a pass does. So the workbook is loaded with
those tabs' rows left out (`without_rows`), openpyxl writes each such tab's
header and first rows with their look (widths, formats, frozen header), and the
remaining rows are appended to the tab's worksheet part as XML
(`append_rows`), each cell with the style openpyxl registered for its column
and kind of value. Every other part of the file is copied as it is.

Text is written as an inline string, so it stays text (a leading "=" never
becomes a formula) and the shared strings table is left alone; numbers and
dates are written as numbers, as openpyxl writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from sync.backends.xlsx_parts import sheet_parts, stored_digest
from sync.cells import Value
from sync.ops import progress
from sync.plan import Grid

#: zlib's fastest level, for every part of a spliced file: its rows dwarf the rest.
_LEVEL = 1
#: Rows put together per write: big enough to be fast, small enough to stay light.
_ROWS_PER_WRITE = 2_000
_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData\b[^>]*>.*</sheetData>", re.DOTALL)
_SHEET_DATA_END = re.compile(rb"</sheetData>|<sheetData\s*/>")
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
#: The characters XML forbids left out (openpyxl's ILLEGAL_CHARACTERS_RE), and escapes.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f&<>]")
_SAFE_AND_ESCAPED: dict[int, str | None] = {
    **dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32))),
    **_ESCAPES,
}
#: Excel and LibreOffice keep at most this many characters in a cell.
XLSX_CELL_LIMIT = 32_767
#: What follows the opening of a text that starts or ends with white space.
_PRESERVED = ' xml:space="preserve">'
#: Worksheet parts emptied of rows by `without_rows`, by `stored_digest` of the part.
_EMPTIED: dict[bytes, bytes] = {}
_EMPTIED_KEPT = 64
#: The kinds of value a column's cells are styled by.
TEXT, NUMBER, DATE = "text", "number", "date"


def safe_text(value: str, limit: int = XLSX_CELL_LIMIT) -> str:
    """Text a cell can hold: no characters XML forbids, at most `limit` long."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def kind_of(value: Value) -> str:
    if isinstance(value, str):
        return TEXT
    return DATE if isinstance(value, date) else NUMBER


class CannotSplice(Exception):
    """The worksheet part is not laid out as expected; write it another way."""


@dataclass(frozen=True)
class StreamedRows:
    """Rows to append to a tab after those it holds: `first_row` is the sheet row of
    `cells[0]`; `styles` gives the style index of each (0-based column, kind of value)."""

    cells: Sequence[Sequence[Value]]
    first_row: int
    width: int
    styles: Mapping[tuple[int, str], int]
    #: The rows' height in points, when the tab's style sets one.
    height: float | None = None
    #: 0-based column -> the style of its cells that hold no value (they wrap).
    blanks: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SheetRows:
    """A tab's whole rows, as chunks of XML, and its extent (last row, columns)."""

    chunks: Iterable[bytes]
    extent: tuple[int, int]


def splice(
    source: Path | IO[bytes],
    target: Path | IO[bytes],
    grids: Mapping[str, Grid] = {},
    appended: Mapping[str, StreamedRows] = {},
    rows: Mapping[str, SheetRows] = {},
    seen: Callable[[str, bytes], None] = lambda title, xml: None,
    emptied: dict[str, bytes] | None = None,
) -> None:
    """`source` copied to `target`, each tab in `grids` holding exactly that grid of
    text (made safe for a cell, see `safe_text`), `appended` rows added after
    the last row of their tab, and each tab in `rows` holding those rows. `seen`
    hears the part each tab in `grids` had. Into `emptied`, when given: title -> the
    part `target` has for that tab as `without_rows` empties it, for each tab in
    `appended` or `rows` and each tab copied as it was. Raises CannotSplice when a
    tab is missing or its part is not laid out as expected."""
    with zipfile.ZipFile(source) as old:
        parts = sheet_parts(old)
        titles = {part: title for title, part in parts.items()}
        emptied = {} if emptied is None else emptied
        missing = sorted((set(grids) | set(appended) | set(rows)) - set(parts))
        if missing:
            raise CannotSplice(f"no tab {missing[0]!r}")
        replaced = {parts[title]: (title, grid) for title, grid in grids.items()}
        added = {parts[title]: (title, more) for title, more in appended.items()}
        whole = {parts[title]: rows[title] for title in rows}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as new:
            for info in old.infolist():
                if info.filename in replaced:
                    title, grid = replaced[info.filename]
                    xml = old.read(info)
                    seen(title, xml)
                    _write_sheet(new, info, xml, _grid_rows(grid, title), _extent(grid))
                    del xml
                elif info.filename in added:
                    title, more = added[info.filename]
                    emptied[title] = _append_to_sheet(new, info, old.read(info), more, title)
                elif info.filename in whole:
                    held = whole[info.filename]
                    emptied[titles[info.filename]] = _write_sheet(
                        new, info, old.read(info), iter(held.chunks), held.extent
                    )
                else:
                    xml = old.read(info)
                    new.writestr(info, xml, zipfile.ZIP_DEFLATED, _LEVEL)
                    if info.filename in titles and _SHEET_DATA.search(xml) is not None:
                        emptied[titles[info.filename]] = emptied_part(xml, info.filename)
                    del xml


def without_rows(
    data: bytes,
    titles: Sequence[str],
    seen: Callable[[str, bytes], None] | None = None,
    known: Mapping[str, bytes] = {},
) -> tuple[bytes, tuple[str, ...]]:
    """The workbook `data` with the tabs titled `titles` emptied of rows, and which of
    them it has (and so were emptied); `seen` hears each such tab's part as it was,
    but for the tabs in `known`, whose part emptied is given: `data` is not inflated
    for them.

    A part emptied once in this process is not inflated again to be emptied when
    nothing is to hear it: the workbook a pass read is loaded again for its write."""
    source = io.BytesIO(data)
    with zipfile.ZipFile(source) as old:
        parts = sheet_parts(old)
        present = tuple(title for title in titles if title in parts)
        if not present:
            return data, ()
        emptied = {parts[title]: title for title in present}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as new:
            for info in old.infolist():
                title = emptied.get(info.filename)
                if title is None:
                    new.writestr(info, old.read(info), zipfile.ZIP_DEFLATED, _LEVEL)
                    continue
                with new.open(_info(info), "w") as stream:
                    stream.write(_emptied(old, source, info, title, seen, known.get(title)))
    return out.getvalue(), present


def _emptied(
    archive: zipfile.ZipFile,
    file: IO[bytes],
    info: zipfile.ZipInfo,
    title: str,
    seen: Callable[[str, bytes], None] | None,
    known: bytes | None,
) -> bytes:
    """The worksheet part `info` of `archive` (read from `file`) with no rows; `known`
    when given (what it is known to be)."""
    digest = stored_digest(file, info)
    if known is not None:
        part = known
    elif seen is None and digest in _EMPTIED:
        return _EMPTIED[digest]
    else:
        xml = archive.read(info)
        if seen is not None:
            seen(title, xml)
        part = emptied_part(xml, info.filename)
        del xml
    if len(_EMPTIED) >= _EMPTIED_KEPT:
        _EMPTIED.clear()
    _EMPTIED[digest] = part
    return part


def emptied_part(xml: bytes, name: str) -> bytes:
    """The worksheet part `xml` (named `name`) with no rows, as `without_rows` has it."""
    found = _SHEET_DATA.search(xml)
    if found is None:
        raise CannotSplice(f"{name} has no sheetData")
    head = _with_dimension(xml[: found.start()], (0, 0))
    return head + b"<sheetData></sheetData>" + xml[found.end() :]


def _extent(grid: Grid) -> tuple[int, int]:
    return len(grid), max(map(len, grid), default=0)


def _write_sheet(
    new: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    xml: bytes,
    rows: Iterator[bytes],
    extent: tuple[int, int],
) -> bytes:
    """The part written with `rows` in place of those of `xml`; returns it emptied
    (`emptied_part`): the part as written but for the rows, which it does not read."""
    found = _SHEET_DATA.search(xml)
    if found is None:
        raise CannotSplice(f"{info.filename} has no sheetData")
    head, tail = _with_dimension(xml[: found.start()], extent), xml[found.end() :]
    with new.open(_info(info), "w") as stream:
        stream.write(head + b"<sheetData>")
        for chunk in rows:
            stream.write(chunk)
        stream.write(b"</sheetData>" + tail)
    return emptied_part(head + b"<sheetData></sheetData>" + tail, info.filename)


def _append_to_sheet(
    new: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bytes, rows: StreamedRows, title: str
) -> bytes:
    """The part `xml` written with `rows` after its own; returns it emptied, as
    `_write_sheet` does."""
    end = _SHEET_DATA_END.search(xml)
    if end is None:
        raise CannotSplice(f"{info.filename} has no sheetData")
    before, after = xml[: end.start()], xml[end.end() :]
    if end.group().startswith(b"<sheetData"):  # an empty tab: <sheetData/>
        before += b"<sheetData>"
    last = rows.first_row + len(rows.cells) - 1
    head = _with_dimension(before, (last, rows.width))
    with new.open(_info(info), "w") as stream:
        stream.write(head)
        for chunk in _typed_rows(rows, title):
            stream.write(chunk)
        stream.write(b"</sheetData>" + after)
    return emptied_part(head + b"</sheetData>" + after, info.filename)


def _info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    out.compress_type = zipfile.ZIP_DEFLATED
    # ZipFile.open takes a ZipInfo's own level, not the archive's: without it the
    # biggest parts were deflated at zlib's default, three times slower than level 1.
    # (The attribute's name until Python 3.13, which keeps it as an alias.)
    setattr(out, "_compresslevel", _LEVEL)  # noqa: B010
    return out


def _with_dimension(head: bytes, extent: tuple[int, int]) -> bytes:
    rows, width = extent
    ref = f"A1:{get_column_letter(width)}{rows}" if width and rows else "A1"
    dimension = f'<dimension ref="{ref}"/>'.encode()
    if _DIMENSION.search(head):
        return _DIMENSION.sub(lambda _: dimension, head, count=1)
    return _before_first(head, (b"<sheetViews", b"<sheetFormatPr", b"<cols"), dimension)


def _before_first(head: bytes, tags: Sequence[bytes], block: bytes) -> bytes:
    found = [i for i in (head.find(tag) for tag in tags) if i >= 0]
    at = min(found) if found else len(head)
    return head[:at] + block + head[at:]


def _grid_rows(grid: Grid, title: str) -> Iterator[bytes]:
    """A grid of text as rows of inline strings, from row 1."""
    styles: dict[tuple[int, str], int] = {}
    return _typed_rows(StreamedRows(grid, 1, _extent(grid)[1], styles), title)


def _typed_rows(rows: StreamedRows, title: str) -> Iterator[bytes]:
    letters = [get_column_letter(i) for i in range(1, rows.width + 1)]
    # Per column, what opens a cell of each kind: its letter and its style.
    opening = {
        kind: [f'"{_styled(rows.styles.get((i, kind), 0))}' for i in range(rows.width)]
        for kind in (TEXT, NUMBER, DATE)
    }
    height = "" if rows.height is None else f' ht="{rows.height}" customHeight="1"'
    blanks = {i: f'" s="{s}"/>' for i, s in rows.blanks.items()}
    # What opens a text cell's text past its reference, when the text is written as it is.
    text_opening = [f'{opened} t="inlineStr"><is><t' for opened in opening[TEXT]]
    lines: list[str] = []
    cells = progress.active().iterate(rows.cells, f"rows written to {title}", len(rows.cells))
    for number, row in enumerate(cells, start=rows.first_row):
        at = str(number)
        parts = [f'<row r="{at}"{height}>']
        # A row whose text needs nothing made safe nor escaped (most rows) is written
        # without looking at each cell's text again: one look at all of it.
        texts = "".join(value for value in row if isinstance(value, str))
        as_is = len(texts) <= XLSX_CELL_LIMIT and _UNSAFE.search(texts) is None
        for i, value in enumerate(row):
            if isinstance(value, str):
                if value and as_is:
                    spaced = value[0].isspace() or value[-1].isspace()
                    parts += ('<c r="', letters[i], at, text_opening[i],
                              _PRESERVED if spaced else ">", value, "</t></is></c>")  # fmt: skip
                elif value:
                    parts += ('<c r="', letters[i], at, opening[TEXT][i], _text(value))
                elif i in blanks:
                    parts += ('<c r="', letters[i], at, blanks[i])
            elif isinstance(value, date):
                parts += ('<c r="', letters[i], at, opening[DATE][i], _number(to_excel(value)))
            else:
                parts += ('<c r="', letters[i], at, opening[NUMBER][i], _number(value))
        parts.append("</row>")
        lines.append("".join(parts))
        if len(lines) >= _ROWS_PER_WRITE:
            yield "".join(lines).encode("utf-8")
            lines.clear()
    if lines:
        yield "".join(lines).encode("utf-8")


def _styled(style: int) -> str:
    return f' s="{style}"' if style else ""


def _text(value: str) -> str:
    """The rest of a text cell, after its reference and style: its type and its text,
    made safe for a cell and escaped in one pass over the text."""
    text = safe_text(value).translate(_ESCAPES) if len(value) > XLSX_CELL_LIMIT else None
    if text is None:
        text = value.translate(_SAFE_AND_ESCAPED) if _UNSAFE.search(value) else value
    if not text:
        return ' t="inlineStr"/>'
    keep = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f' t="inlineStr"><is><t{keep}>{text}</t></is></c>'


def _number(value: object) -> str:
    return f' t="n"><v>{value}</v></c>'


def cell_xml(ref: str, value: Value | None, style: int) -> str:
    """A cell as openpyxl writes it; None: a cell with only a look."""
    if value is None:
        return f'<c r="{ref}" s="{style}"/>' if style else f'<c r="{ref}"/>'
    return _cell(ref, value, style)


def _cell(ref: str, value: Value, style: int) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}"{_styled(style)}{_text(value)}'
    number = to_excel(value) if isinstance(value, date) else value
    return f'<c r="{ref}"{_styled(style)}{_number(number)}'
