"""Reading many source rows on every core: a process pool over chunks of rows.

Each row reads on its own (matcher.normalize.table), so the rows split into
chunks that worker processes read side by side. Workers are forked after the
vocabularies are built, so they start with them; each sends its reads back in
one blob (sync.records_file). Below `POOL_MIN_ROWS`, on one core, or where
processes cannot be forked, rows are read here, one after another.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from matcher.model import SourceRow
from matcher.params import NormalizeParams
from sync import records_file

Read = TypeVar("Read")
#: Fewer rows than this are read in this process: a pool costs more than it saves.
POOL_MIN_ROWS = 2_000
#: Chunks per worker: enough to even out slow chunks, few enough to keep caches warm.
CHUNKS_PER_WORKER = 4


def workers() -> int:
    """Worker processes to use: MOZHEM_WORKERS when set (1: none), else every core
    this process may run on."""
    given = os.environ.get("MOZHEM_WORKERS", "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_rows(
    read_row: Callable[[SourceRow, NormalizeParams], Read],
    rows: Sequence[SourceRow],
    params: NormalizeParams,
) -> list[Read]:
    """`read_row(row, params)` for each row, in order, on every core when it pays."""
    count = workers()
    if (
        len(rows) < POOL_MIN_ROWS
        or count < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [read_row(row, params) for row in rows]
    first = read_row(rows[0], params)  # builds the vocabularies before the fork
    rest = rows[1:]
    size = -(-len(rest) // (count * CHUNKS_PER_WORKER))
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        blobs = pool.map(_read_chunk, [read_row] * len(chunks), chunks, [params] * len(chunks))
        reads = [first]
        for blob in blobs:
            reads.extend(records_file.loads(blob))
    return reads


def _read_chunk(
    read_row: Callable[[SourceRow, NormalizeParams], Read],
    rows: Sequence[SourceRow],
    params: NormalizeParams,
) -> bytes:
    return records_file.dumps([read_row(row, params) for row in rows])
