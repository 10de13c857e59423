"""Rows read on every core read as they do one after another, in order."""

from __future__ import annotations

import pytest

from benchmarks.varied_rows import form_rows
from matcher.model import SourceRow
from matcher.normalize.table import read_offer_row
from matcher.params import NormalizeParams
from sync import parallel


def test_rows_read_by_a_pool_are_the_rows_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [SourceRow(n, values) for n, values in enumerate(form_rows(40, seed=3), start=2)]
    params = NormalizeParams()
    alone = [read_offer_row(row, params) for row in rows]
    monkeypatch.setattr(parallel, "POOL_MIN_ROWS", 10)
    monkeypatch.setenv("MOZHEM_WORKERS", "2")
    assert parallel.read_rows(read_offer_row, rows, params) == alone


def test_workers_follow_mozhem_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOZHEM_WORKERS", "1")
    assert parallel.workers() == 1
    monkeypatch.setenv("MOZHEM_WORKERS", "many")
    assert parallel.workers() >= 1
