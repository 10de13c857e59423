"""Damage a person can do to the coordination spreadsheet, on both backends: a header
renamed or sorted into the data is refused the same way, a duplicated Matches row is
refreshed where the pass reads it, and a coordination spreadsheet that is also a
source is refused at config load (#9)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sync.config import ConfigError, load_config
from sync.labels import column_label
from sync.layouts import TABS
from sync.plan import Grid
from tests.google_harness import GoogleHarness, put_text
from tests.harness import Harness, WorkbookHarness


def _everything(harness: Harness) -> dict[str, Grid]:
    return {tab: harness.coordination(tab) for tab in TABS}


def _replace_matches(harness: Harness, grid: Grid) -> None:
    """As a person's sort or paste leaves the Matches tab: these values, cell by cell."""
    if isinstance(harness, WorkbookHarness):
        book = openpyxl.load_workbook(harness.coordination_path)
        sheet = book[harness.title("matches")]
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                sheet.cell(row=r, column=c, value=value or None)
        book.save(harness.coordination_path)
    else:
        assert isinstance(harness, GoogleHarness)
        put_text(harness.emu, harness.keys["coordination"], harness.title("matches"), grid)


def _header_column(harness: Harness, key: str) -> int:
    """The 1-based column of `key` on the Matches tab."""
    return harness.coordination("matches")[0].index(column_label(key, "ru")) + 1


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("match_id", "the pass finds rows by it"),
        ("status", "the pass reads each pair's status from it"),
    ],
)
def test_a_renamed_guarded_header_is_refused_and_nothing_is_written(
    harness: Harness, key: str, why: str
) -> None:
    harness.sync()
    harness.append_source_row("needs", ["21.11.2026", "Фонд", "Ира", "+380501112233",
                                        "Харьков", "пледы", "5", "срочно"])  # fmt: skip
    harness.edit_coordination("matches", 1, _header_column(harness, key), "Переименовано")
    before = _everything(harness)
    result = harness.cli("sync")
    label = column_label(key, "ru")
    # The same line and exit code on both backends.
    assert result.code == 1, result.err
    assert result.err.splitlines()[-1] == (
        f"mozhem: error: Пары: the column '{label}' is missing. Restore it (undo the change "
        f"in the sheet); {why}."
    )
    assert _everything(harness) == before


def test_a_sort_that_took_the_header_along_is_refused(harness: Harness) -> None:
    harness.sync()
    grid = harness.coordination("matches")
    width = max(len(row) for row in grid)
    padded = [row + [""] * (width - len(row)) for row in grid]
    # Sorted by «Статус» with the header row among the data: it lands below.
    at = _header_column(harness, "donor_name") - 1
    sorted_rows = sorted(padded, key=lambda row: row[at])
    assert sorted_rows[0] != padded[0]
    _replace_matches(harness, sorted_rows)
    before = _everything(harness)
    result = harness.cli("sync")
    assert result.code == 1, result.err
    header_row = sorted_rows.index(padded[0]) + 1
    assert (
        f"the column 'ID пары' is missing. The header is now in row {header_row}: the tab "
        "was sorted with its header row; undo the sort." in result.err
    )
    assert _everything(harness) == before


def test_a_duplicated_match_row_is_refreshed_where_it_is_read_then_nothing_is_written(
    harness: Harness,
) -> None:
    harness.sync()
    grid = harness.coordination("matches")
    original = grid[1]
    # A coordinator copies the first pair's row to the bottom, then its copy on top
    # goes stale (a donor's name the pass refreshes).
    _replace_matches(harness, [*grid, original])
    copy_row = len(grid) + 1
    harness.edit_coordination("matches", 2, _header_column(harness, "donor_name"), "Старое имя")
    first = harness.sync()
    assert "New matches: 0. Refreshed cells: 1." in first.out
    rows = harness.matches()
    assert rows[0]["donor_name"] == original[_header_column(harness, "donor_name") - 1]
    # The next pass takes the note about the overwritten name off Problems, and
    # refreshes nothing; the one after it writes nothing at all.
    assert "New matches: 0. Refreshed cells: 0." in harness.sync().out
    third = harness.full_sync()
    assert "New matches: 0. Refreshed cells: 0." in third.out
    assert "Nothing changed; nothing written" in third.out
    assert " 0 written" in third.err
    # The copy is still reported, at its row.
    problems = harness.coordination("problems")
    assert [row[:2] for row in problems[1:] if row[0] == "Пары"] == [["Пары", str(copy_row)]]


@pytest.mark.parametrize("source", ["needs", "offers"])
def test_a_coordination_spreadsheet_that_is_a_source_is_refused_at_config_load(
    harness: Harness, source: str
) -> None:
    harness.sync()
    before = harness.source(source)
    named = harness.settings["sources"][source]["spreadsheet"]
    if isinstance(harness, WorkbookHarness):
        named = str(harness.dir / "." / named)  # another spelling of the same file
    elif "/" not in named:
        named = f"https://docs.google.com/spreadsheets/d/{named}/edit"
    harness.write_config(coordination={**harness.settings["coordination"], "spreadsheet": named})
    for command in ("sync", "check", "run"):
        result = harness.cli(command)
        assert result.code == 2, result.err
        line = result.err.splitlines()[-1]
        assert "coordination.spreadsheet" in line and f"sources.{source}.spreadsheet" in line
        assert str(harness.config_path) in line
    assert harness.source(source) == before


def test_the_same_file_under_another_name_is_refused(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    (books / "needs.xlsx").write_bytes(b"")
    (books / "link.xlsx").symlink_to(books / "needs.xlsx")
    config = tmp_path / "config.yaml"
    text = (Path(__file__).resolve().parents[1] / "config.yaml").read_text("utf-8")
    text = text.replace("spreadsheet: coordination.xlsx", "spreadsheet: link.xlsx")
    config.write_text(text.replace("dir: demo ", f"dir: {books} "), "utf-8")
    with pytest.raises(ConfigError, match=r"sources\.needs\.spreadsheet"):
        load_config(config)
