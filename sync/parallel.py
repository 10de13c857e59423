"""Reading many source rows on every core: a process pool over chunks of rows.

Each row reads on its own (matcher.normalize.table), so the rows split into
chunks that worker processes read side by side. Workers are forked after the
vocabularies are built, so they start with them; each sends its reads back in
one blob (sync.records_file). Below `POOL_MIN_ROWS`, on one core, or where
processes cannot be forked, the rows are read here, in one go.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from matcher.model import ProblemSource, SourceRow
from matcher.normalize.table import READERS, RowReads, TableReader, read_each
from matcher.params import NormalizeParams
from sync import records_file

#: Fewer rows than this are read in this process: a pool costs more than it saves.
POOL_MIN_ROWS = 2_000
#: Chunks per worker: enough to even out slow chunks, few enough that each chunk
#: still meets its repeated answers (each is read once per chunk).
CHUNKS_PER_WORKER = 2


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


def read_rows(reader: TableReader, rows: Sequence[SourceRow], params: NormalizeParams) -> RowReads:
    """Each row's read (`read_each`), in order, on every core when it pays."""
    rows = list(rows)  # read once: a progress counter may be watching
    count = workers()
    if (
        len(rows) < POOL_MIN_ROWS
        or count < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return read_each(reader, rows, params)
    first = read_each(reader, rows[:1], params)  # builds the vocabularies before the fork
    rest = rows[1:]
    size = -(-len(rest) // (count * CHUNKS_PER_WORKER))
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork")
    reads = list(first.reads)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        for blob in pool.map(
            _read_chunk, [reader.source] * len(chunks), chunks, [params] * len(chunks)
        ):
            chunk: RowReads = records_file.loads(blob)
            if chunk.columns != first.columns:
                raise RuntimeError("a worker read rows into other columns than this process")
            reads.extend(chunk.reads)
    return RowReads(first.columns, reads)


def _read_chunk(source: ProblemSource, rows: Sequence[SourceRow], params: NormalizeParams) -> bytes:
    return records_file.dumps(read_each(READERS[source], rows, params))
