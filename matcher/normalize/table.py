"""A source table read row by row, then put together: the seam for incremental passes.

`normalize_offers` and `normalize_needs` are two halves. First every row is read
on its own (`read_offer_rows`, `read_need_rows`: each check and parser there is a
function of one row's cells); then the table is put together (donors merged
across rows, repeated needs kept once). Here the first half's frames are cut
into one `RowRead` per row, so a caller can keep what each row read to and read
again only the rows that changed:

    read = read_each(OFFERS, rows, params)                      # row by row
    offers, problems = put_together(OFFERS, read.columns, read.reads, rows, params)

gives exactly what `normalize_offers(rows, params)` gives (and the same for
needs); tests/normalize/test_table.py holds them to that. A read does not depend
on the row's number, so a read kept from an earlier pass serves the same cells
wherever they are now.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from matcher.model import Problem, ProblemSource, SourceRow
from matcher.normalize.frames import columns, objects, table
from matcher.normalize.needs import needs_from_rows, read_need_rows
from matcher.normalize.offers import offers_from_rows, read_offer_rows
from matcher.normalize.problem_log import COLUMNS
from matcher.params import NormalizeParams

#: The first half of a normalizer: rows -> (usable rows, the rows' problems).
ReadRows = Callable[[Sequence[SourceRow], NormalizeParams], tuple[pd.DataFrame, pd.DataFrame]]
#: The second half: (usable rows, the rows' problems) -> records and every problem.
PutTogether = Callable[
    [pd.DataFrame, pd.DataFrame, NormalizeParams], tuple[list[Any], list[Problem]]
]
_SOURCE_ROW = "source_row"


@dataclass(frozen=True, slots=True)
class RowRead:
    """What one row reads to on its own: its cells in the usable frame (None when the
    row gives no record) and its problems as (field, value, code, params, severity)."""

    usable: tuple[Any, ...] | None
    problems: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class RowReads:
    """Reads of rows, in the order the rows were given, and the usable frame's columns."""

    columns: tuple[str, ...]
    reads: list[RowRead]


@dataclass(frozen=True)
class TableReader:
    """A normalizer in its two halves; `by_row_number` when the table is put together
    in source-row order rather than in the order the rows come."""

    source: ProblemSource
    read_rows: ReadRows
    put_together: PutTogether
    by_row_number: bool


OFFERS = TableReader("offers", read_offer_rows, offers_from_rows, by_row_number=False)
NEEDS = TableReader(
    "needs", read_need_rows, lambda usable, found, params: needs_from_rows(usable, found), True
)
READERS: dict[ProblemSource, TableReader] = {"offers": OFFERS, "needs": NEEDS}


def read_each(reader: TableReader, rows: Sequence[SourceRow], params: NormalizeParams) -> RowReads:
    """Each row's read, in the order of `rows` (their source rows must differ)."""
    rows = list(rows)  # read once: a progress counter may be watching
    usable, found = reader.read_rows(rows, params)
    names = tuple(str(name) for name in usable.columns)
    at = names.index(_SOURCE_ROW)
    cells = columns(usable)
    kept = {
        int(values[at]): values
        for values in zip(*(cells[name].tolist() for name in names), strict=True)
    }
    problems: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    problem_cells = columns(found)
    for row, *rest in zip(*(problem_cells[c].tolist() for c in COLUMNS), strict=True):
        problems[int(row)].append(tuple(rest))
    reads = [
        RowRead(kept.get(row.source_row), tuple(problems.get(row.source_row, ()))) for row in rows
    ]
    return RowReads(names, reads)


def put_together(
    reader: TableReader,
    names: Sequence[str],
    reads: Sequence[RowRead],
    rows: Sequence[SourceRow],
    params: NormalizeParams,
) -> tuple[list[Any], list[Problem]]:
    """The records and problems of the table whose rows (`rows`) read to `reads`
    (one each, in the same order): what the normalizer gives for `rows`."""
    pairs = list(zip(rows, reads, strict=True))
    if reader.by_row_number:
        pairs.sort(key=lambda pair: pair[0].source_row)
    at = list(names).index(_SOURCE_ROW)
    usable: list[tuple[Any, ...]] = []
    found: list[tuple[Any, ...]] = []
    for row, read in pairs:
        if read.usable is not None:
            usable.append(_at_row(read.usable, at, row.source_row))
        found.extend((row.source_row, *problem) for problem in read.problems)
    return reader.put_together(_frame(names, usable), _frame(COLUMNS, found), params)


def _at_row(values: tuple[Any, ...], at: int, source_row: int) -> tuple[Any, ...]:
    if values[at] == source_row:
        return values
    return (*values[:at], source_row, *values[at + 1 :])


def _frame(names: Sequence[str], rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    if not rows:
        return table({name: np.empty(0, dtype=object) for name in names})
    by_column = zip(*rows, strict=True)
    return table({name: objects(values) for name, values in zip(names, by_column, strict=True)})
