"""Furniture a spreadsheet program drops comes back with the next pass, on both backends:
the frozen header and the status dropdown, in the pass's one write, and only when
missing — a pass with nothing to restore writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.layouts import MATCH_COLUMNS
from tests.google_harness import GoogleHarness
from tests.harness import Harness, WorkbookHarness

STATUS = MATCH_COLUMNS.index("status")


def _status_dropdown_to_the_end(harness: Harness) -> bool:
    _, dropdowns = harness.furniture("matches")
    # A workbook's reaches row 100,000; a Google one has no end row: every row, also new ones.
    return any(
        column == STATUS and first == 1 and (last is None or last >= 100_000)
        for column, first, last in dropdowns
    )


def test_a_lost_frozen_header_and_cut_dropdown_come_back(harness: Harness) -> None:
    harness.sync()
    assert harness.furniture("matches")[0] == 1 and _status_dropdown_to_the_end(harness)
    harness.drop_furniture("matches")
    harness.drop_furniture("offers")
    assert harness.furniture("matches")[0] == 0 and not _status_dropdown_to_the_end(harness)

    result = harness.sync("--dry-run")
    assert "restore frozen header, dropdown on 'Пары'" in result.out
    assert "restore frozen header on 'Предложения'" in result.out
    result = harness.sync()
    assert "Wrote " in result.out
    assert harness.furniture("matches")[0] == 1 and _status_dropdown_to_the_end(harness)
    assert harness.furniture("offers")[0] == 1

    assert "Nothing changed; nothing written" in harness.full_sync().out


def test_a_pass_with_nothing_to_restore_leaves_the_workbook_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    harness.sync()
    before = harness.coordination_path.stat().st_mtime_ns
    assert "Nothing changed; nothing written" in harness.full_sync().out
    assert harness.coordination_path.stat().st_mtime_ns == before


def test_google_restores_in_the_one_batch_update_of_the_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    g.sync()
    g.emu.reset_counts()
    g.sync()
    assert g.emu.writes == 0  # nothing lost, nothing to restore

    g.drop_furniture("matches")
    g.append_source_row(
        "offers",
        ["21.11.2026 10:15:00", "Оксана", "+380 67 555 12 34", "Лисичанск",
         "Средства гигиены", "шампунь 3 шт", "Да"],
    )  # fmt: skip
    g.emu.reset_counts()
    g.sync()
    [batch] = [r for r in g.emu.requests if r.kind == "spreadsheets.batchUpdate"]
    kinds = [next(iter(request)) for request in batch.body["requests"]]
    # The furniture, and the pass's lease renewed in the same batch (sync/lease.py).
    assert sorted(kinds) == ["setDataValidation", "updateCells", "updateSheetProperties"]
    assert g.emu.count("values.append") == 2  # the lease's claim; the new matches
    assert _status_dropdown_to_the_end(g) and g.furniture("matches")[0] == 1
    g.emu.reset_counts()
    g.sync()
    assert g.emu.writes == 0
