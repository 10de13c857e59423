"""Rows read on every core read as they do one after another, in order."""

from __future__ import annotations

import pytest

from benchmarks.varied_rows import form_rows, need_rows
from matcher.model import SourceRow
from matcher.normalize.table import NEEDS, OFFERS, TableReader, read_each
from matcher.params import NormalizeParams
from sync import parallel


@pytest.mark.parametrize("reader", [OFFERS, NEEDS], ids=["offers", "needs"])
def test_rows_read_by_a_pool_are_the_rows_read_here(
    reader: TableReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    values = form_rows(40, seed=3) if reader is OFFERS else need_rows(40, seed=4)
    rows = [SourceRow(n, row) for n, row in enumerate(values, start=2)]
    params = NormalizeParams()
    alone = read_each(reader, rows, params)
    monkeypatch.setattr(parallel, "POOL_MIN_ROWS", 10)
    monkeypatch.setenv("MOZHEM_WORKERS", "2")
    assert parallel.read_rows(reader, rows, params) == alone


def test_workers_follow_mozhem_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOZHEM_WORKERS", "1")
    assert parallel.workers() == 1
    monkeypatch.setenv("MOZHEM_WORKERS", "many")
    assert parallel.workers() >= 1
