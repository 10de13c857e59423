"""A1 notation: split a range into sheet title and bounds, and write it back as Google does."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENDPOINT = re.compile(r"([A-Za-z]*)([0-9]*)")
_PLAIN_TITLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Titles that read as a cell or R1C1 reference must be quoted, or they would be taken as one.
_LOOKS_LIKE_CELL = re.compile(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*")


@dataclass(frozen=True)
class Bounds:
    """Zero-based, end-exclusive; None means open (to the grid's edge)."""

    row0: int | None
    col0: int | None
    row1: int | None
    col1: int | None


WHOLE_SHEET = Bounds(None, None, None, None)


@dataclass(frozen=True)
class ParsedRange:
    title: str | None  # None: no "!" part, so the text may be a title or a bare reference
    bounds: Bounds | None  # None: the bare text is not A1 notation
    bare: str  # the whole text, to try as a title when title is None


def column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + (ord(char) - ord("A") + 1)
    return index - 1


def column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def quote_title(title: str) -> str:
    if _PLAIN_TITLE.fullmatch(title) and not _LOOKS_LIKE_CELL.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def cell_name(row: int, col: int) -> str:
    return f"{column_letters(col)}{row + 1}"


def format_range(title: str, row0: int, col0: int, row1: int, col1: int) -> str:
    """Closed bounds given end-exclusive; one cell is written as one cell."""
    start = cell_name(row0, col0)
    end = cell_name(row1 - 1, col1 - 1)
    cells = start if start == end else f"{start}:{end}"
    return f"{quote_title(title)}!{cells}"


def _split_title(text: str) -> tuple[str | None, str]:
    if text.startswith("'"):
        index, title = 1, ""
        while index < len(text):
            char = text[index]
            if char == "'" and text[index + 1 : index + 2] == "'":
                title, index = title + "'", index + 2
            elif char == "'":
                rest = text[index + 1 :]
                return title, rest[1:] if rest.startswith("!") else rest
            else:
                title, index = title + char, index + 1
        raise ValueError(text)
    if "!" in text:
        title, _, rest = text.rpartition("!")
        return title, rest
    return None, text


def _endpoint(text: str) -> tuple[int | None, int | None]:
    match = _ENDPOINT.fullmatch(text)
    if not match or not text:
        raise ValueError(text)
    letters, digits = match.groups()
    if digits and int(digits) == 0:
        raise ValueError(text)
    col = column_index(letters) if letters else None
    row = int(digits) - 1 if digits else None
    return row, col


def parse_bounds(text: str) -> Bounds:
    """'A1', 'A1:C3', 'A:C', 'A2:C', '2:5', 'A1:1'; raises ValueError otherwise."""
    first, sep, second = text.partition(":")
    row0, col0 = _endpoint(first)
    if not sep:
        if row0 is None or col0 is None:
            raise ValueError(text)
        return Bounds(row0, col0, row0 + 1, col0 + 1)
    row1, col1 = _endpoint(second)
    rows = _order(row0, row1)
    cols = _order(col0, col1)
    return Bounds(rows[0], cols[0], rows[1], cols[1])


def _order(start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """A1 endpoints may come in any order; an open start means the first row or column."""
    if start is not None and end is not None and end < start:
        start, end = end, start
    return (start or 0), (None if end is None else end + 1)


def parse_range(text: str) -> ParsedRange:
    """Raises ValueError when the text is not A1 notation."""
    title, cells = _split_title(text.strip())
    if title is not None:
        bounds = parse_bounds(cells) if cells else WHOLE_SHEET
        return ParsedRange(title, bounds, "")
    try:
        return ParsedRange(None, parse_bounds(cells), cells)
    except ValueError:
        return ParsedRange(None, None, cells)
