"""Tabs rewritten whole have their rows streamed into the file: the workbook holds what
openpyxl alone would have written, and keeps everything else of it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from sync.backends import workbook
from sync.backends import workbook_style as style
from sync.backends.workbook import WorkbookBackend
from sync.backends.xlsx_stream import CannotSplice, splice
from sync.layouts import MATCHES
from sync.plan import Cells, CellUpdate, Grid, NewTab, Rewrite, SpreadsheetPlan, TabIdentity
from sync.styles import ColumnStyle, TabStyle
from sync.tabs import matches_tab, new_tab
from tests.harness import Harness, WorkbookHarness
from tests.test_own_columns import (
    test_a_renamed_tab_is_still_the_same_tab,
    test_own_columns_on_offers_and_needs_follow_their_records,
)
from tests.test_workbook_backend import _match_row, rewrite

TEXTS = ["a & b <c>", "  leading and trailing  ", "line one\nline two", "=1+1", "ї є ґ ʼ", "x" * 40]
STYLE = TabStyle(
    columns={
        "quantity": ColumnStyle(number_format="integer"),
        "score": ColumnStyle(number_format="decimal", width=9),
        "item": ColumnStyle(width=32, wrap=True),
        "day": ColumnStyle(number_format="date"),
    },
    row_height=48,
)
KEYS = ("offer_id", "item", "quantity", "score", "day", "when")


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rewritten tab streams all its rows after the first two."""
    monkeypatch.setattr(workbook, "HEAD_ROWS", 2)


@pytest.fixture
def streamed_harness(streamed: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Harness:
    return WorkbookHarness(tmp_path, capsys)


def _typed_rows(count: int) -> Cells:
    rows: Cells = [["ID", "Что", "Сколько", "Оценка", "День", "Когда"]]
    for n in range(count):
        text = TEXTS[n % len(TEXTS)]
        moment = datetime(2026, 11, 1 + n % 28, n % 24, 30)
        rows.append([f"O-{n}", text, n, 0.5 + n / 8, date(2026, 12, 1 + n % 28), moment])
    rows.append(["O-last", "", "", "", "", ""])
    return rows


def _styled_plan(cells: Cells, basis: Any = None) -> SpreadsheetPlan:
    tab = NewTab("Offers", keys=KEYS, header=tuple(str(v) for v in cells[0]))
    return SpreadsheetPlan(
        "c.xlsx",
        new_tabs=() if basis else (tab,),
        rewrites={"Offers": Rewrite(cells, KEYS)},
        styles={"Offers": STYLE},
        basis=basis or {},
    )


def _cells(path: Path, title: str) -> list[list[tuple[Any, ...]]]:
    sheet = openpyxl.load_workbook(path)[title]
    return [
        [
            (c.value, c.data_type, c.number_format, c.alignment.wrap_text, c.font.b)
            for c in row
            if c.value is not None
        ]
        for row in sheet.iter_rows()
    ]


def _looks(path: Path, title: str) -> tuple[Any, ...]:
    sheet = openpyxl.load_workbook(path)[title]
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
    heights = {row: sheet.row_dimensions[row].height for row in range(1, sheet.max_row + 1)}
    return sheet.freeze_panes, widths, heights, sheet.max_row, sheet.max_column


def test_streamed_rows_are_the_cells_openpyxl_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cells = _typed_rows(40)
    by_openpyxl, by_stream = tmp_path / "a", tmp_path / "b"
    WorkbookBackend(by_openpyxl).apply(_styled_plan(cells))
    monkeypatch.setattr(workbook, "HEAD_ROWS", 3)
    WorkbookBackend(by_stream).apply(_styled_plan(cells))
    assert _cells(by_stream / "c.xlsx", "Offers") == _cells(by_openpyxl / "c.xlsx", "Offers")
    assert _looks(by_stream / "c.xlsx", "Offers") == _looks(by_openpyxl / "c.xlsx", "Offers")
    grids = [WorkbookBackend(d).read("c.xlsx", ["Offers"]) for d in (by_openpyxl, by_stream)]
    assert grids[0]["Offers"] == grids[1]["Offers"]


def test_a_streamed_rewrite_of_a_tab_written_before_holds_only_the_new_rows(
    tmp_path: Path, streamed: None
) -> None:
    backend = WorkbookBackend(tmp_path)
    backend.apply(_styled_plan(_typed_rows(30)))
    read = backend.read("c.xlsx", ["Offers"])
    backend.apply(_styled_plan(_typed_rows(12), basis=read.tabs))
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["Offers"]
    assert sheet.max_row == 14
    assert [c.value for c in sheet["A"]][-2:] == ["O-11", "O-last"]


def _coordinated_book(path: Path) -> None:
    """What coordinators leave in a workbook: their own tab, colours, a note, a filter."""
    book = openpyxl.Workbook()
    offers = book.active
    offers.title = "Offers"
    for row in [["ID", "Что"], ["O-1", "старое"], ["O-2", "старое"], ["O-3", "старое"]]:
        offers.append(row)
    offers.auto_filter.ref = "A1:B4"
    mine = book.create_sheet("Мой учёт")
    mine["A1"] = "позвонить Оле"
    mine["A1"].font = Font(bold=True)
    mine["A1"].fill = PatternFill("solid", fgColor="FFFF00")
    mine["B2"] = "=1+2"
    mine["A1"].comment = Comment("до пятницы", "Координатор")
    mine.column_dimensions["A"].width = 33
    book.save(path)


def test_a_rewrite_keeps_the_coordinators_tab_styles_notes_and_filter(
    tmp_path: Path, streamed: None
) -> None:
    _coordinated_book(tmp_path / "c.xlsx")
    grid: Cells = [["ID", "Что"], *[[f"O-{n}", "новое"] for n in range(9)]]
    rewrite(WorkbookBackend(tmp_path), "c.xlsx", "Offers", grid)
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert [[c.value for c in row] for row in book["Offers"].iter_rows()] == grid
    assert book["Offers"].auto_filter.ref == "A1:B4"
    assert book["Offers"].freeze_panes == "A2"
    mine = book["Мой учёт"]
    assert mine["A1"].value == "позвонить Оле" and mine["A1"].font.bold
    assert mine["A1"].fill.fgColor.rgb.endswith("FFFF00")
    assert mine["A1"].comment.text == "до пятницы"
    assert mine["B2"].value == "=1+2"
    assert mine.column_dimensions["A"].width == 33


def test_streamed_text_reads_back_exactly(tmp_path: Path, streamed: None) -> None:
    backend = WorkbookBackend(tmp_path)
    grid: Cells = [["h", "", "third"], *[[text, "", text] for text in TEXTS], ["", "", "last"]]
    rewrite(backend, "c.xlsx", "Offers", [["first"]])
    rewrite(backend, "c.xlsx", "Offers", grid)
    assert backend.read("c.xlsx", ["Offers"])["Offers"] == grid
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["Offers"]
    assert sheet.max_row == len(grid)
    assert sheet.cell(row=5, column=1).data_type == "s"  # "=1+1" stays text


def test_new_matches_and_a_rewrite_in_one_plan_are_both_written(
    tmp_path: Path, streamed: None
) -> None:
    backend = WorkbookBackend(tmp_path)
    keyed = matches_tab("ru")
    offers: Cells = [["ID"], *[[f"O-{n}"] for n in range(6)]]
    plan = SpreadsheetPlan(
        "c.xlsx",
        new_tabs=(new_tab(MATCHES, "ru"), NewTab("Offers", keys=(), header=())),
        keyed_tab=keyed,
        appends=(_match_row("M-1", "Предложено"),),
        rewrites={"Offers": Rewrite(offers)},
    )
    backend.apply(plan)
    tabs = [TabIdentity(MATCHES, frozenset({keyed.title})), TabIdentity("Offers", frozenset())]
    read = backend.read_tabs("c.xlsx", tabs)
    assert read["Offers"] == offers
    assert _match_ids(read[MATCHES]) == ["M-1"]
    plan = SpreadsheetPlan(
        "c.xlsx",
        keyed_tab=keyed,
        appends=(_match_row("M-2", "Предложено"),),
        updates=(CellUpdate("M-1", "donor_phone", "+380 & <new>"),),
        rewrites={"Offers": Rewrite(offers[:4])},
        basis=read.tabs,
    )
    backend.apply(plan)
    again = backend.read_tabs("c.xlsx", tabs)
    assert again["Offers"] == offers[:4]
    assert _match_ids(again[MATCHES]) == ["M-1", "M-2"]
    grid = again[MATCHES] or []
    phone = grid[0].index(keyed.labels["donor_phone"])
    assert grid[1][phone] == "+380 & <new>"


def _match_ids(grid: Grid | None) -> list[str]:
    assert grid is not None
    at = grid[0].index(matches_tab("ru").labels["match_id"])
    return [row[at] for row in grid[1:]]


def test_splicing_a_tab_that_is_not_there_is_refused(tmp_path: Path) -> None:
    _coordinated_book(tmp_path / "c.xlsx")
    with pytest.raises(CannotSplice, match="Needs"):
        splice(tmp_path / "c.xlsx", tmp_path / "out.xlsx", {"Needs": [["x"]]})


def test_a_tab_renamed_since_the_read_is_never_emptied_in_its_place(
    tmp_path: Path, streamed: None
) -> None:
    """The plan rewrites 'Offers' as its read found it; a coordinator has since renamed
    that tab and given its old title to a tab of their own."""
    _coordinated_book(tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    style.mark(book["Offers"], "Offers")  # the identity a pass gives its tabs
    book.save(tmp_path / "c.xlsx")
    backend = WorkbookBackend(tmp_path)
    read = backend.read("c.xlsx", ["Offers"])
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    book["Offers"].title = "Старое"
    book["Мой учёт"].title = "Offers"
    book.save(tmp_path / "c.xlsx")
    new: Cells = [["ID"], *[[f"O-{n}"] for n in range(5)]]
    backend.apply(SpreadsheetPlan("c.xlsx", rewrites={"Offers": Rewrite(new)}, basis=read.tabs))
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert [[c.value for c in row] for row in book["Старое"].iter_rows()] == new
    assert book["Offers"]["A1"].value == "позвонить Оле"  # the coordinator's tab, untouched
    assert book["Offers"]["B2"].value == "=1+2"


def test_own_columns_follow_their_records_in_streamed_tabs(streamed_harness: Harness) -> None:
    test_own_columns_on_offers_and_needs_follow_their_records(streamed_harness)


def test_a_renamed_streamed_tab_is_still_the_same_tab(streamed_harness: Harness) -> None:
    test_a_renamed_tab_is_still_the_same_tab(streamed_harness)


def test_streamed_text_is_made_safe_as_openpyxl_makes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Characters XML forbids are left out and an over-long text is cut, as in the
    cells openpyxl writes; tabs and markup characters are kept."""
    texts = ["a\x00b\x07c", "\x0b", "x" * 40_000, "tab\there", "Tom & Jerry", "<b>", " ї "]
    grid: Cells = [["h", "n"], *[[text, n] for n, text in enumerate(texts)]]
    by_openpyxl, by_stream = tmp_path / "a", tmp_path / "b"
    rewrite(WorkbookBackend(by_openpyxl), "c.xlsx", "Offers", grid)
    monkeypatch.setattr(workbook, "HEAD_ROWS", 0)
    rewrite(WorkbookBackend(by_stream), "c.xlsx", "Offers", grid)
    assert _cells(by_stream / "c.xlsx", "Offers") == _cells(by_openpyxl / "c.xlsx", "Offers")
    read = WorkbookBackend(by_stream).read("c.xlsx", ["Offers"])["Offers"] or []
    assert [row[0] for row in read[1:]] == ["abc", "", "x" * 32_766 + "…", *texts[3:]]
