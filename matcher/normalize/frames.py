"""Source rows as a pandas table, and per-cell parsers run once per distinct value.

A sheet repeats the same few answers ("Да", "Одежда", a city) thousands of
times: each parser sees every distinct value once and its result is joined
back to the rows that hold it. Parsers stay plain functions of a cell.

Checks work on a table's columns as numpy arrays, all as long as the table;
a boolean mask says which rows a step looks at. Each pandas call costs tens of
microseconds whatever the size, so a table makes few of them: the readers of
a test case call normalize on one row thousands of times.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np
import pandas as pd

from matcher.model import SourceRow

T = TypeVar("T")
#: Up to this many values, a dict factorizes faster than pandas.
_FEW = 64


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows in table order and their cells as typed, one column per field.

    Row i of `typed` is rows[i]; a field a row lacks reads "".
    """

    rows: Sequence[SourceRow]
    typed: pd.DataFrame

    def source_rows(self) -> np.ndarray:
        return np.fromiter((row.source_row for row in self.rows), np.int64, len(self.rows))


def read_sheet(rows: Sequence[SourceRow], fields: Iterable[str]) -> Sheet:
    """A table of `rows` by header: `fields` first, then any other field a row has."""
    keys = dict.fromkeys(fields)
    for row in rows:
        keys.update(dict.fromkeys(row.values))
    columns = {key: objects(_typed([row.values.get(key, "") for row in rows])) for key in keys}
    return Sheet(rows, table(columns, pd.RangeIndex(len(rows))))


def _typed(cells: list[Any]) -> list[str]:
    """Cells as text, as a row reader saw them: None is empty, a number its digits."""
    if all(type(cell) is str for cell in cells):
        return cells
    return [cell if isinstance(cell, str) else "" if cell is None else str(cell) for cell in cells]


def table(columns: dict[str, Any], index: Any = None) -> pd.DataFrame:
    """A frame of object columns, one block: values stay the Python objects they
    are (pandas would turn datetimes into datetime64 and texts into its string
    dtype), and a table of one row costs little to build."""
    size = next((len(v) for v in columns.values() if isinstance(v, np.ndarray)), 0)
    block = np.empty((size, len(columns)), dtype=object)
    for j, values in enumerate(columns.values()):
        block[:, j] = values
    names = pd.Index(list(columns), dtype=object)
    return pd.DataFrame(block, index=index, columns=names, dtype=object, copy=False)


def columns(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The frame's columns as arrays, read in one go: one pandas call, not one a column."""
    block = frame.to_numpy(dtype=object)
    return {str(key): block[:, j] for j, key in enumerate(frame.columns)}


def ints(values: np.ndarray) -> np.ndarray:
    """Whole numbers (rows, ids) of an object column as an integer array."""
    return values.astype(np.int64)


def explode(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The items of each tuple, one per row, and the position of the tuple each
    came from: an offer's or a need's lines keep their response."""
    exploded = pd.Series(values, dtype=object).explode()  # the index is the tuple's position
    return exploded.index.to_numpy(dtype=np.intp), exploded.to_numpy(dtype=object)


def firsts(values: np.ndarray) -> np.ndarray:
    """Per row, the position of the first row holding the same value."""
    codes, _ = factorize(values)
    first = np.full(len(values), len(values))
    np.minimum.at(first, codes, np.arange(len(values)))
    return first[codes]


def objects(values: Iterable[Any]) -> np.ndarray:
    """A 1-D object array: tuples stay single values, datetimes stay datetimes."""
    items = list(values)
    return np.fromiter(items, dtype=object, count=len(items))


def filled(size: int, value: Any) -> np.ndarray:
    """An object array of `size` times `value`."""
    out = np.empty(size, dtype=object)
    out.fill(value)
    return out


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """A parser's result for each distinct value, and which one each row holds
    (-1 for rows that were not parsed)."""

    results: list[T]
    codes: np.ndarray

    def values(self, extract: Callable[[T], Any] | None = None, fill: Any = None) -> np.ndarray:
        """One part of the result per row (the whole result by default)."""
        picked = objects(r if extract is None else extract(r) for r in self.results)
        parsed = self.codes >= 0
        if parsed.all():
            return picked[self.codes]
        out = filled(len(self.codes), fill)
        out[parsed] = picked[self.codes[parsed]]
        return out

    def flags(self, test: Callable[[T], bool]) -> np.ndarray:
        """A test of the result per row (False where not parsed)."""
        picked = np.array([bool(test(r)) for r in self.results] + [False], dtype=bool)
        return picked[self.codes]  # -1 picks the trailing False


def map_unique(
    values: np.ndarray, parse: Callable[[Any], T], where: np.ndarray | None = None
) -> Parsed[T]:
    """`parse` called once per distinct value of the column (of the rows `where`)."""
    return map_unique_rows([values], parse, where)


def map_unique_rows(
    cells: Sequence[np.ndarray], parse: Callable[..., T], where: np.ndarray | None = None
) -> Parsed[T]:
    """`parse(*cells)` called once per distinct row of the columns (of the rows `where`)."""
    size = len(cells[0])
    rows = np.arange(size) if where is None else np.flatnonzero(where)
    if len(cells) == 1:
        keys = cells[0][rows]
    else:
        # tolist: numpy's bools and ints as Python's, as a row reader passed them
        keys = objects(zip(*(column[rows].tolist() for column in cells), strict=True))
    found, uniques = factorize(keys)
    codes = np.full(size, -1, dtype=np.intp)
    codes[rows] = found
    call = parse if len(cells) == 1 else lambda key: parse(*key)
    return Parsed([call(value) for value in uniques], codes)


def factorize(values: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Codes numbering the distinct values as first met, and those values."""
    if len(values) > _FEW:
        codes, uniques = pd.factorize(values)
        if not (codes < 0).any():
            return codes, list(uniques)
    # few values (a dict is quicker), or None and NaN, which pd.factorize sets
    # aside as missing while a dict keeps them as values
    seen: dict[Hashable, int] = {}
    found = [seen.setdefault(value, len(seen)) for value in values]
    return np.array(found, dtype=np.intp), list(seen)


def first_true(flags: dict[str, np.ndarray], default: str = "") -> np.ndarray:
    """Per row, the name of the first column whose flag is set, else `default`."""
    names = objects([*flags, default])
    size = len(next(iter(flags.values())))
    stacked = np.column_stack([*flags.values(), np.ones(size, dtype=bool)])
    return names[stacked.argmax(axis=1)]


def pick(mask: np.ndarray, then: str, otherwise: str) -> np.ndarray:
    """`then` where the mask is set, else `otherwise`, as an object array."""
    out = filled(len(mask), otherwise)
    out[mask] = then
    return out
