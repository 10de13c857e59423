"""Reading rows on their own and putting the table together gives what
normalize_offers and normalize_needs give, row numbers included, however the
rows were split into reads."""

from __future__ import annotations

import random

import pytest

from benchmarks.varied_rows import form_rows, need_rows
from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.normalize.table import NEEDS, OFFERS, RowRead, TableReader, put_together, read_each
from matcher.params import NormalizeParams
from sync.backends.workbook import WorkbookBackend
from sync.sources import column_map, find_headers, source_rows
from tests.harness import DEMO, NEEDS_TAB, OFFERS_TAB, REPO


def _demo_rows(name: str, book: str, tab: str) -> list[SourceRow]:
    import yaml

    settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
    grid = WorkbookBackend(DEMO).read(book, [tab])[tab]
    assert grid is not None
    headers = column_map(settings["sources"][name]["columns"])
    return source_rows(grid, find_headers(grid, headers, book, name))


def _with_repeats(rows: list[dict[str, str]], rng: random.Random) -> list[SourceRow]:
    """Rows, some twice (a donor writing again, a need pasted twice), in no order."""
    doubled = rows + [dict(row) for row in rng.sample(rows, len(rows) // 10)]
    rng.shuffle(doubled)
    return [SourceRow(n, values) for n, values in enumerate(doubled, start=2)]


OFFER_ROWS = {
    "demo": lambda: _demo_rows("offers", "offers.xlsx", OFFERS_TAB),
    "varied": lambda: _with_repeats(form_rows(300, seed=5), random.Random(5)),
}
NEED_ROWS = {
    "demo": lambda: _demo_rows("needs", "needs.xlsx", NEEDS_TAB),
    "varied": lambda: _with_repeats(need_rows(200, seed=6), random.Random(6)),
}


def _read_in_parts(
    reader: TableReader, rows: list[SourceRow], params: NormalizeParams, parts: int
) -> tuple[tuple[str, ...], list[RowRead]]:
    """Each row's read, the rows read in `parts` separate calls (as a pool or a pass
    that reads only new rows does)."""
    size = -(-len(rows) // parts)
    reads = [read_each(reader, rows[i : i + size], params) for i in range(0, len(rows), size)]
    assert len({read.columns for read in reads}) == 1
    return reads[0].columns, [one for read in reads for one in read.reads]


@pytest.mark.parametrize("rows", OFFER_ROWS.values(), ids=OFFER_ROWS.keys())
@pytest.mark.parametrize("days", [0, 14])
@pytest.mark.parametrize("parts", [1, 7])
def test_offers_put_together_from_row_reads_are_normalize_offers(rows, days, parts) -> None:  # type: ignore[no-untyped-def]
    params = NormalizeParams(dedup_days=days)
    source = rows()
    columns, reads = _read_in_parts(OFFERS, source, params, parts)
    assert put_together(OFFERS, columns, reads, source, params) == normalize_offers(source, params)


@pytest.mark.parametrize("rows", NEED_ROWS.values(), ids=NEED_ROWS.keys())
@pytest.mark.parametrize("parts", [1, 5])
def test_needs_put_together_from_row_reads_are_normalize_needs(rows, parts) -> None:  # type: ignore[no-untyped-def]
    params = NormalizeParams()
    source = rows()
    columns, reads = _read_in_parts(NEEDS, source, params, parts)
    assert put_together(NEEDS, columns, reads, source, params) == normalize_needs(source)


@pytest.mark.parametrize("reader", [OFFERS, NEEDS], ids=["offers", "needs"])
def test_a_read_kept_from_another_row_number_reads_as_that_row(reader: TableReader) -> None:
    values = form_rows(60, seed=7) if reader is OFFERS else need_rows(60, seed=8)
    params = NormalizeParams()
    here = [SourceRow(n, row) for n, row in enumerate(values, start=2)]
    there = [SourceRow(n * 3 + 917, row) for n, row in enumerate(values)]
    kept = read_each(reader, here, params)
    moved = put_together(reader, kept.columns, kept.reads, there, params)
    assert moved == (normalize_offers if reader is OFFERS else normalize_needs)(there, params)
