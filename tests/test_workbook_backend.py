"""The workbook backend on real temporary .xlsx files."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from sync.backends.base import SpreadsheetBusy, SpreadsheetNotFound
from sync.backends.workbook import WorkbookBackend
from sync.layouts import MATCH_COLUMNS, MATCHES
from sync.plan import Cells, CellUpdate, NewTab, Rewrite, Snapshot, SpreadsheetPlan
from sync.tabs import IDENTITIES, matches_tab, new_tab, tab_styles


def _book(path: Path, rows: list[list[object]], title: str = "Sheet") -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)


def rewrite(backend: WorkbookBackend, spreadsheet: str, title: str, grid: Cells) -> None:
    """Rewrite one tab with a plan computed from a read, as a pass does."""
    found = backend.exists(spreadsheet)
    read = backend.read(spreadsheet, [title]) if found else Snapshot.nothing([title])
    new = () if read[title] is not None else (NewTab(title, keys=(), header=()),)
    plan = SpreadsheetPlan(spreadsheet, new, rewrites={title: Rewrite(grid)}, basis=read.tabs)
    backend.apply(plan)


def test_reads_cells_as_typed(tmp_path: Path) -> None:
    _book(
        tmp_path / "in.xlsx",
        [["a", "b", "c", "d"], ["007", "2,5", 5, 2.5], [None, None, None, None],
         [datetime(2026, 11, 10, 14, 3, 27), "=SUM(1,2)", True, None]],
    )  # fmt: skip
    grid = WorkbookBackend(tmp_path).read("in.xlsx", ["Sheet", "Missing"])
    assert grid["Sheet"] == [
        ["a", "b", "c", "d"],
        ["007", "2,5", "5", "2.5"],
        [],
        ["10.11.2026 14:03:27", "=SUM(1,2)", "TRUE"],
    ]
    assert grid["Missing"] is None


def test_equal_numbers_and_truths_in_one_tab_read_as_each_was_typed(tmp_path: Path) -> None:
    """A read shows each distinct value once; 1, 1.0 and TRUE are equal in Python."""
    _book(tmp_path / "in.xlsx", [[1, True, 1.5, 0, False, 1, True]])
    grid = WorkbookBackend(tmp_path).read("in.xlsx", ["Sheet"])["Sheet"]
    assert grid == [["1", "TRUE", "1.5", "0", "FALSE", "1", "TRUE"]]


def test_missing_workbook_names_the_path_and_the_setting(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetNotFound, match=r"nope\.xlsx: no such workbook.*workbook\.dir"):
        WorkbookBackend(tmp_path).read("nope.xlsx", ["x"])


HOSTILE = ['=HYPERLINK("http://x")', "+380 95", "-5", "@cmd", "a\x00b\x07c"]


def test_hostile_text_is_stored_as_text_never_a_formula(tmp_path: Path) -> None:
    backend = WorkbookBackend(tmp_path)
    rewrite(backend, "out.xlsx", "Offers", [["h"], *[[v] for v in HOSTILE]])
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    grid = backend.read("out.xlsx", ["Offers"])["Offers"]
    assert grid == [["h"], *[[v] for v in HOSTILE[:-1]], ["abc"]]


def test_writes_replace_the_file_and_leave_no_temporary(tmp_path: Path) -> None:
    backend = WorkbookBackend(tmp_path)
    rewrite(backend, "out.xlsx", "T", [["one"]])
    rewrite(backend, "out.xlsx", "T", [["two"], ["three"]])
    assert backend.read("out.xlsx", ["T"])["T"] == [["two"], ["three"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_refuses_to_write_a_workbook_open_in_libreoffice(tmp_path: Path) -> None:
    backend = WorkbookBackend(tmp_path)
    rewrite(backend, "out.xlsx", "T", [["one"]])
    (tmp_path / ".~lock.out.xlsx#").write_text("someone")
    with pytest.raises(SpreadsheetBusy, match="Save and close it"):
        rewrite(backend, "out.xlsx", "T", [["two"]])
    assert backend.read("out.xlsx", ["T"])["T"] == [["one"]]


def _match_row(match_id: str, status: str) -> dict[str, str]:
    return {"match_id": match_id, "status": status, "donor_phone": "+380950000000"}


def test_updates_find_rows_by_id_after_a_coordinator_sorted_and_moved_columns(
    tmp_path: Path,
) -> None:
    backend = WorkbookBackend(tmp_path)
    keyed = matches_tab("ru")
    backend.apply(
        SpreadsheetPlan(
            "c.xlsx",
            new_tabs=(new_tab(MATCHES, "ru"),),
            keyed_tab=keyed,
            appends=(_match_row("M-1", "Предложено"), _match_row("M-2", "Предложено")),
        )
    )
    # A coordinator sorts the rows, moves the id column first and adds a column.
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    sheet = book["Пары"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header, first, second = rows
    id_at = header.index("ID пары")
    order = [id_at] + [i for i in range(len(header)) if i != id_at]
    sheet.delete_rows(1, sheet.max_row)
    for row in (header, second, first):
        sheet.append([row[i] for i in order] + ["моя колонка" if row is header else "x"])
    sheet.cell(row=2, column=2, value="Отказ")
    book.save(tmp_path / "c.xlsx")

    backend.apply(
        SpreadsheetPlan(
            "c.xlsx",
            keyed_tab=keyed,
            appends=(_match_row("M-3", "Предложено"),),
            updates=(CellUpdate("M-1", "donor_phone", "+380951111111"),),
            basis=backend.read_tabs("c.xlsx", IDENTITIES).tabs,
        )
    )
    grid = backend.read("c.xlsx", ["Пары"])["Пары"]
    assert grid is not None
    header = grid[0]
    at = {key: header.index(label) for key, label in keyed.labels.items() if label in header}
    by_id = {row[at["match_id"]]: row for row in grid[1:]}
    assert by_id["M-2"][at["status"]] == "Отказ"  # the coordinator's edit survives
    assert by_id["M-1"][at["donor_phone"]] == "+380951111111"
    assert by_id["M-2"][at["donor_phone"]] == "+380950000000"
    assert by_id["M-3"][at["status"]] == "Предложено"
    assert grid[3][at["match_id"]] == "M-3"  # appended at the end
    assert grid[1][-1] == "x"
    assert header[0] == "ID пары" and len(header) == len(MATCH_COLUMNS) + 1


def test_new_matches_tab_has_a_status_dropdown_and_frozen_header(tmp_path: Path) -> None:
    plan = SpreadsheetPlan(
        "c.xlsx",
        new_tabs=(new_tab(MATCHES, "uk"),),
        keyed_tab=matches_tab("uk"),
        styles=tab_styles("uk"),
    )
    WorkbookBackend(tmp_path).apply(plan)
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["Пари"]
    assert sheet.freeze_panes == "A2"
    [validation] = sheet.data_validations.dataValidation
    assert "Відмова" in validation.formula1
    assert str(validation.sqref).startswith("A2:")


def test_rewritten_tabs_get_readable_column_widths(tmp_path: Path) -> None:
    rows = [["ID", "Что"], ["O-1", "куртка " * 20], ["O-2", "шапка"]]
    rewrite(WorkbookBackend(tmp_path), "c.xlsx", "Offers", rows)
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["Offers"]
    assert sheet.column_dimensions["A"].width == 8  # short ids: the minimum, 6 + 2
    assert sheet.column_dimensions["B"].width == 52  # long text: capped at 50 + 2


def test_fitting_widths_leaves_no_empty_rows_below_a_short_tab(tmp_path: Path) -> None:
    """Widths are judged on the first 200 rows; a tab of three keeps three rows (and
    says so in its dimension), without 197 empty ones saved after them."""
    rows = [["ID", "Что"], ["O-1", "куртка"], ["O-2", "шапка"]]
    rewrite(WorkbookBackend(tmp_path), "c.xlsx", "Offers", rows)
    with zipfile.ZipFile(tmp_path / "c.xlsx") as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<dimension ref="A1:B3"/>' in xml
    assert xml.count("<row ") == 3


def test_a_written_workbook_keeps_the_mode_people_expect(tmp_path: Path) -> None:
    backend = WorkbookBackend(tmp_path)
    previous = os.umask(0o022)
    try:
        rewrite(backend, "out.xlsx", "T", [["one"]])
    finally:
        os.umask(previous)
    assert (tmp_path / "out.xlsx").stat().st_mode & 0o777 == 0o644  # as the umask says
    (tmp_path / "out.xlsx").chmod(0o664)
    rewrite(backend, "out.xlsx", "T", [["two"]])
    assert (tmp_path / "out.xlsx").stat().st_mode & 0o777 == 0o664
