"""Tabs rewritten by streaming their rows into the file keep everything else of it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from sync.backends.workbook import WorkbookBackend
from sync.backends.xlsx_stream import CannotSplice, splice
from sync.layouts import matches_tab, new_tab
from sync.plan import NewTab, SpreadsheetPlan
from tests.test_workbook_backend import _match_row, rewrite

TEXTS = ["a & b <c>", "  leading and trailing  ", "line one\nline two", "=1+1", "ї є ґ ʼ", "x" * 40]


def _coordinated_book(path: Path) -> None:
    """What coordinators leave in a workbook: their own tab, colours, a note, a filter."""
    book = openpyxl.Workbook()
    offers = book.active
    offers.title = "Offers"
    for row in [["ID", "Что"], ["O-1", "старое"], ["O-2", "старое"], ["O-3", "старое"]]:
        offers.append(row)
    offers.auto_filter.ref = "A1:B4"
    offers.freeze_panes = "A2"
    mine = book.create_sheet("Мой учёт")
    mine["A1"] = "позвонить Оле"
    mine["A1"].font = Font(bold=True)
    mine["A1"].fill = PatternFill("solid", fgColor="FFFF00")
    mine["B2"] = "=1+2"
    mine["A1"].comment = Comment("до пятницы", "Координатор")
    mine.column_dimensions["A"].width = 33
    book.save(path)


def test_a_rewrite_keeps_the_coordinators_tab_styles_notes_and_filter(tmp_path: Path) -> None:
    _coordinated_book(tmp_path / "c.xlsx")
    rewrite(WorkbookBackend(tmp_path), "c.xlsx", "Offers", [["ID", "Что"], ["O-9", "новое"]])
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert [[c.value for c in row] for row in book["Offers"].iter_rows()] == [
        ["ID", "Что"],
        ["O-9", "новое"],
    ]
    assert book["Offers"].auto_filter.ref == "A1:B4"
    assert book["Offers"].freeze_panes == "A2"
    mine = book["Мой учёт"]
    assert mine["A1"].value == "позвонить Оле" and mine["A1"].font.bold
    assert mine["A1"].fill.fgColor.rgb.endswith("FFFF00")
    assert mine["A1"].comment.text == "до пятницы"
    assert mine["B2"].value == "=1+2"
    assert mine.column_dimensions["A"].width == 33


def test_streamed_text_reads_back_exactly(tmp_path: Path) -> None:
    backend = WorkbookBackend(tmp_path)
    grid = [["h", "", "third"], *[[text, "", text] for text in TEXTS], ["", "", "last"]]
    rewrite(backend, "c.xlsx", "Offers", [["first"]])
    rewrite(backend, "c.xlsx", "Offers", grid)
    assert backend.read("c.xlsx", ["Offers"])["Offers"] == grid
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["Offers"]
    assert sheet.max_row == len(grid)
    assert sheet.cell(row=5, column=1).data_type == "s"  # "=1+1" stays text


def test_new_matches_and_a_rewrite_in_one_plan_are_both_written(tmp_path: Path) -> None:
    backend = WorkbookBackend(tmp_path)
    plan = SpreadsheetPlan(
        "c.xlsx",
        new_tabs=(new_tab("Matches", "ru"), NewTab("Offers", keys=(), header=())),
        keyed_tab=matches_tab("ru"),
        appends=(_match_row("M-1", "Предложено"),),
        rewrites={"Offers": [["ID"], ["O-2"], ["O-3"]]},
    )
    backend.apply(plan)
    read = backend.read("c.xlsx", ["Matches", "Offers"])
    assert read["Offers"] == [["ID"], ["O-2"], ["O-3"]]
    assert read["Matches"] is not None and read["Matches"][1][0] == "M-1"
    plan = SpreadsheetPlan(
        "c.xlsx",
        keyed_tab=matches_tab("ru"),
        appends=(_match_row("M-2", "Предложено"),),
        rewrites={"Offers": [["ID"], ["O-4"]]},
        basis=read.tabs,
    )
    backend.apply(plan)
    again = backend.read("c.xlsx", ["Matches", "Offers"])
    assert again["Offers"] == [["ID"], ["O-4"]]
    assert [row[0] for row in again["Matches"] or []] == [read["Matches"][0][0], "M-1", "M-2"]


def test_splicing_a_tab_that_is_not_there_is_refused(tmp_path: Path) -> None:
    _coordinated_book(tmp_path / "c.xlsx")
    with pytest.raises(CannotSplice, match="Needs"):
        splice(tmp_path / "c.xlsx", tmp_path / "out.xlsx", {"Needs": [["x"]]})
