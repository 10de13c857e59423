"""A Matches row a coordinator deletes is a decision too: the pair is not proposed again."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.harness import WorkbookHarness


def test_a_deleted_match_row_is_not_proposed_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    harness.sync()
    matches = harness.matches()
    deleted = matches[1]
    path = harness.dir / "coordination.xlsx"
    book = openpyxl.load_workbook(path)
    book[harness.title("matches")].delete_rows(3)  # header is row 1, so this is the second match
    book.save(path)

    harness.sync()
    after = harness.matches()
    assert deleted["match_id"] not in [m["match_id"] for m in after]
    pairs = {(m["offer_id"], m["need_id"]) for m in after}
    assert (deleted["offer_id"], deleted["need_id"]) not in pairs
    # Like a decline, the deleted row frees its quantity for other pairs.
    assert [m["match_id"] for m in after[: len(matches) - 1]] == [
        m["match_id"] for m in matches if m is not deleted
    ]
    problems = harness.coordination("problems")
    assert any(deleted["match_id"] in row for row in problems)


def test_a_deleted_matches_tab_starts_afresh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    harness.sync()
    before = len(harness.matches())
    path = harness.dir / "coordination.xlsx"
    book = openpyxl.load_workbook(path)
    del book[harness.title("matches")]
    book.save(path)
    harness.sync()
    assert len(harness.matches()) == before
