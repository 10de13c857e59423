"""Tabs rewritten by streaming their rows into the file keep everything else of it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from sync.backends.workbook import WorkbookBackend
from sync.backends.xlsx_keyed import keyed_edit
from sync.backends.xlsx_stream import CannotSplice, splice
from sync.layouts import matches_tab, new_tab
from sync.plan import CellUpdate, NewTab, SpreadsheetPlan
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


_INLINE = re.compile(rb'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>')


def _as_excel_saves_it(path: Path) -> None:
    """The workbook as Excel or LibreOffice save it: text in a shared strings table."""
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(3))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (
            match.group(1),
            match.group(2),
            len(strings) - 1,
        )

    with zipfile.ZipFile(path) as old:
        parts = {info.filename: old.read(info) for info in old.infolist()}
    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = _INLINE.sub(shared, parts[name])
    items = b"".join(b"<si><t>%s</t></si>" % text for text in strings)
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
        b'uniqueCount="%d">%s</sst>' % (len(strings), len(strings), items)
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml" Id="rIdShared"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


def _matches_created(tmp_path: Path, *match_ids: str) -> WorkbookBackend:
    """c.xlsx with a new Matches tab holding these matches."""
    backend = WorkbookBackend(tmp_path)
    rows = tuple(_match_row(match_id, "Предложено") for match_id in match_ids)
    plan = SpreadsheetPlan(
        "c.xlsx", new_tabs=(new_tab("Matches", "ru"),), keyed_tab=matches_tab("ru"), appends=rows
    )
    backend.apply(plan)
    return backend


def test_new_rows_and_refreshed_cells_in_a_workbook_excel_saved(tmp_path: Path) -> None:
    backend = _matches_created(tmp_path, "M-1", "M-2")
    keyed = matches_tab("ru")
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    book["Matches"]["B3"].fill = PatternFill("solid", fgColor="FFFF00")  # M-2's status, marked
    book.save(tmp_path / "c.xlsx")
    _as_excel_saves_it(tmp_path / "c.xlsx")
    style = openpyxl.load_workbook(tmp_path / "c.xlsx")["Matches"]["B3"].style_id
    before = backend.read("c.xlsx", ["Matches"])
    backend.apply(
        SpreadsheetPlan(
            "c.xlsx",
            keyed_tab=keyed,
            appends=(_match_row("M-3", "Предложено"),),
            updates=(CellUpdate("M-2", "donor_phone", "+380 & <new>"),),
            basis=before.tabs,
        )
    )
    grid = backend.read("c.xlsx", ["Matches"])["Matches"]
    assert grid is not None and before["Matches"] is not None
    header = grid[0]
    phone = header.index(keyed.labels["donor_phone"])
    assert [row[0] for row in grid] == [header[0], "M-1", "M-2", "M-3"]
    assert grid[1] == before["Matches"][1]
    assert grid[2][phone] == "+380 & <new>"
    assert grid[3][phone] == "+380950000000"
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["Matches"]
    assert sheet["B3"].style_id == style != 0  # the marked cell keeps its colour
    assert sheet.max_row == 4


def test_rows_a_coordinator_left_empty_after_the_last_are_still_handled(tmp_path: Path) -> None:
    backend = _matches_created(tmp_path, "M-1")
    keyed = matches_tab("ru")
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    book["Matches"]["C7"].fill = PatternFill("solid", fgColor="FFFF00")  # an empty, coloured row
    book.save(tmp_path / "c.xlsx")
    archive = zipfile.ZipFile(tmp_path / "c.xlsx")
    with archive, pytest.raises(CannotSplice, match="after the last used"):
        edit = keyed_edit(keyed, [_match_row("M-2", "Предложено")], [], archive)
        edit(archive.read("xl/worksheets/sheet1.xml"))
    backend.apply(
        SpreadsheetPlan(
            "c.xlsx",
            keyed_tab=keyed,
            appends=(_match_row("M-2", "Предложено"),),
            basis=backend.read("c.xlsx", ["Matches"]).tabs,
        )
    )
    grid = backend.read("c.xlsx", ["Matches"])["Matches"]
    assert grid is not None and [row[0] for row in grid[1:]] == ["M-1", "M-2"]
