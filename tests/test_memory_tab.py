"""Decisions live with the data: the memory of written and declined pairs is a hidden
tab of the coordination spreadsheet, not state_dir (#9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from tests.google_harness import GoogleHarness
from tests.harness import Harness, WorkbookHarness


def _delete_tab(harness: Harness, tab: str) -> None:
    if isinstance(harness, GoogleHarness):
        key = harness.keys["coordination"]
        book = harness.emu.store.get(key)
        sheet = book.sheet_by_title(harness.title(tab))
        assert sheet is not None
        book.sheets.remove(sheet)
        book.reindex()
        return
    assert isinstance(harness, WorkbookHarness)
    book = openpyxl.load_workbook(harness.coordination_path)
    del book[harness.title(tab)]
    book.save(harness.coordination_path)


def _delete_match_row(harness: Harness, match_id: str) -> None:
    if isinstance(harness, GoogleHarness):
        key, title = harness.keys["coordination"], harness.title("matches")
        grid = harness.emu.values(key, title)
        at = grid[0].index("ID пары")
        kept = [row for row in grid if len(row) <= at or row[at] != match_id]
        harness.emu.set_values(key, title, [[""] * len(grid[0]) for _ in grid])
        harness.emu.set_values(key, title, kept)
        return
    assert isinstance(harness, WorkbookHarness)
    grid = harness.coordination("matches")
    at = grid[0].index("ID пары")
    row = next(i for i, r in enumerate(grid, start=1) if len(r) > at and r[at] == match_id)
    book = openpyxl.load_workbook(harness.coordination_path)
    book[harness.title("matches")].delete_rows(row)
    book.save(harness.coordination_path)


def _pairs(harness: Harness) -> set[tuple[str, str]]:
    return {(m["offer_id"], m["need_id"]) for m in harness.matches()}


def _problems(harness: Harness) -> str:
    return "\n".join(" ".join(row) for row in harness.coordination("problems"))


def test_a_deleted_row_stays_deleted_without_state_dir(harness: Harness) -> None:
    harness.sync()
    deleted = harness.matches()[1]
    _delete_match_row(harness, deleted["match_id"])
    shutil.rmtree(Path(harness.settings["state_dir"]))  # another machine, or a lost folder

    harness.sync()
    assert (deleted["offer_id"], deleted["need_id"]) not in _pairs(harness)
    assert deleted["match_id"] in _problems(harness)


def test_a_declined_pair_survives_a_deleted_matches_tab(harness: Harness) -> None:
    harness.sync()
    declined = harness.matches()[0]
    harness.edit_match(declined["match_id"], "status", "Отказ")
    harness.sync()
    _delete_tab(harness, "matches")
    shutil.rmtree(Path(harness.settings["state_dir"]))

    harness.sync()
    assert harness.matches(), "the tab starts afresh"
    assert (declined["offer_id"], declined["need_id"]) not in _pairs(harness)
    assert "вкладка «Пары» удалена" in _problems(harness)
    harness.sync()  # the pairs it re-proposed, or forgot, count as deleted rows no more
    deleted_rows = [line for line in _problems(harness).splitlines() if "Строка пары" in line]
    assert all(declined["match_id"] in line for line in deleted_rows)


def test_a_deleted_memory_tab_is_said_loudly(harness: Harness) -> None:
    harness.sync()
    on_sheet = _pairs(harness)
    _delete_tab(harness, "memory")

    result = harness.sync()
    assert "скрытая вкладка «Память программы (не править)»" in _problems(harness)
    assert _pairs(harness) == on_sheet  # nothing on Matches is proposed again
    assert result.code == 0


def test_the_memory_tab_is_hidden_and_guarded(harness: Harness) -> None:
    harness.sync()
    title = harness.title("memory")
    if isinstance(harness, GoogleHarness):
        key = harness.keys["coordination"]
        sheet = harness.emu.store.get(key).sheet_by_title(title)
        assert sheet is not None and sheet.properties.get("hidden") is True
        guarded = sheet.protected_ranges
        assert guarded and all(p.get("warningOnly") for p in guarded)
    else:
        assert isinstance(harness, WorkbookHarness)
        book = openpyxl.load_workbook(harness.coordination_path)
        assert book[title].sheet_state == "hidden"
    assert harness.coordination("memory")[0][:2] == ["Запись", "Ключ"]


def _clear_match_rows(harness: Harness) -> None:
    """A coordinator deletes every row of Matches and keeps the header."""
    if isinstance(harness, GoogleHarness):
        key, title = harness.keys["coordination"], harness.title("matches")
        grid = harness.emu.values(key, title)
        harness.emu.set_values(key, title, [[""] * len(grid[0]) for _ in grid])
        harness.emu.set_values(key, title, grid[:1])
        return
    assert isinstance(harness, WorkbookHarness)
    book = openpyxl.load_workbook(harness.coordination_path)
    sheet = book[harness.title("matches")]
    sheet.delete_rows(2, sheet.max_row)
    book.save(harness.coordination_path)


def test_rows_a_later_pass_saw_stay_declined_when_all_are_deleted(harness: Harness) -> None:
    harness.sync()
    written = _pairs(harness)
    harness.sync()  # this pass sees the rows the first one appended
    _clear_match_rows(harness)

    harness.sync()
    assert written, "the demo proposes pairs"
    assert not written & _pairs(harness), "deleted rows count as «Отказ»"
