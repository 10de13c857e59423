"""Reading rows one by one and putting the table together gives what
normalize_offers and normalize_needs give, row numbers included."""

from __future__ import annotations

import random

import pytest

from benchmarks.varied_rows import form_rows, need_rows
from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.normalize.table import (
    needs_from_reads,
    offers_from_reads,
    read_at,
    read_need_row,
    read_offer_row,
)
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


@pytest.mark.parametrize("rows", OFFER_ROWS.values(), ids=OFFER_ROWS.keys())
@pytest.mark.parametrize("days", [0, 14])
def test_offers_put_together_from_row_reads_are_normalize_offers(rows, days) -> None:  # type: ignore[no-untyped-def]
    params = NormalizeParams(dedup_days=days)
    source = rows()
    reads = [read_offer_row(row, params) for row in source]
    assert offers_from_reads(reads, params) == normalize_offers(source, params)


@pytest.mark.parametrize("rows", NEED_ROWS.values(), ids=NEED_ROWS.keys())
def test_needs_put_together_from_row_reads_are_normalize_needs(rows) -> None:  # type: ignore[no-untyped-def]
    source = rows()
    reads = [read_need_row(row) for row in sorted(source, key=lambda r: r.source_row)]
    assert needs_from_reads(reads) == normalize_needs(source)


def test_a_read_moved_to_another_row_is_the_read_of_that_row() -> None:
    for values in [*form_rows(60, seed=7), {}]:
        here, there = SourceRow(2, values), SourceRow(917, values)
        assert read_at(read_offer_row(here), 917) == read_offer_row(there)
    for values in need_rows(60, seed=8):
        here, there = SourceRow(5, values), SourceRow(40, values)
        assert read_at(read_need_row(here), 40) == read_need_row(there)
