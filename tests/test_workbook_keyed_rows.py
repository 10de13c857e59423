"""The Matches tab is written without openpyxl loading its rows: edited in the file's
XML, it holds what openpyxl alone would have written, and keeps everything a
coordinator put there, on real temporary workbooks."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from sync.backends import workbook
from sync.backends.workbook import WorkbookBackend
from sync.backends.xlsx_parts import sheet_parts
from sync.backends.xlsx_rows import Cell, RawRows, RowEdit, cell_text
from sync.cells import Value
from sync.layouts import MATCHES
from sync.plan import CellUpdate, SpreadsheetPlan, TabIdentity
from sync.tabs import matches_tab, new_tab, tab_styles
from tests.shared_strings import with_shared_strings

KEYED = matches_tab("ru")
LOOK = tab_styles("ru")[MATCHES]
IDENTITY = TabIdentity(MATCHES, frozenset({KEYED.title}))
TEXTS = ["a & b <c>", "  spaced  ", "line one\nline two", "=1+1", "ї є ґ ʼ", ""]


def _proposal(n: int) -> dict[str, Value]:
    return {
        "match_id": f"M-{n}",
        "status": "Предложено",
        "days_waiting": n,
        "donor_phone": f"+380 95 000 00 {n:02d}",
        "quantity": n % 5 + 1,
        "reason": TEXTS[n % len(TEXTS)],
        "score": 0.5 + n / 100,
        "created_at": datetime(2026, 11, 1, 9, n % 60),
    }


def _first_pass(folder: Path, count: int) -> None:
    plan = SpreadsheetPlan(
        "c.xlsx",
        new_tabs=(new_tab(MATCHES, "ru"),),
        keyed_tab=KEYED,
        appends=tuple(_proposal(n) for n in range(1, count + 1)),
        styles={MATCHES: LOOK},
    )
    WorkbookBackend(folder).apply(plan)


def _column(key: str) -> int:
    return list(KEYED.labels).index(key) + 1


def _coordinators_work(path: Path) -> None:
    """A status, a note in bold and plain, a comment, colours, a formula and a column of
    their own; then the save keeps text in a shared strings table."""
    book = openpyxl.load_workbook(path)
    sheet = book[KEYED.title]
    sheet.cell(row=3, column=_column("status"), value="Передано")
    note = sheet.cell(row=3, column=_column("notes"))
    note.value = CellRichText(TextBlock(InlineFont(b=True), "срочно:"), " привезут в субботу")
    note.comment = Comment("до пятницы", "Координатор")
    note.fill = PatternFill("solid", fgColor="FFFF00")
    # A phone the pass refreshes, coloured by a coordinator: the colour stays.
    sheet.cell(row=2, column=_column("donor_phone")).fill = PatternFill("solid", fgColor="FF0000")
    own = sheet.max_column + 1
    sheet.cell(row=1, column=own, value="Кто звонил")
    sheet.cell(row=2, column=own, value="Марина")
    sheet.cell(row=4, column=own, value="=1+2")
    book.save(path)
    assert with_shared_strings(path) > 0


def _second_plan(folder: Path) -> SpreadsheetPlan:
    read = WorkbookBackend(folder).read_tabs("c.xlsx", [IDENTITY])
    return SpreadsheetPlan(
        "c.xlsx",
        keyed_tab=KEYED,
        appends=(_proposal(2), *(_proposal(n) for n in range(40, 44))),  # M-2 is there
        updates=(
            CellUpdate("M-1", "donor_phone", "+380 & <new>"),
            CellUpdate("M-2", "days_waiting", 7),
            CellUpdate("M-3", "delivered_at", datetime(2026, 11, 20, 15, 30)),
            CellUpdate("M-4", "reason", ""),
            CellUpdate("M-gone", "reason", "nobody"),
        ),
        styles={MATCHES: LOOK},
        basis=read.tabs,
    )


def _by_openpyxl(path: Path, plan: SpreadsheetPlan) -> None:
    """The plan written the way the backend writes a tab openpyxl loads in full."""
    book = openpyxl.load_workbook(path)
    workbook._apply_keyed(book[KEYED.title], plan, LOOK)
    book.save(path)


def _both_ways(worked: Path, expected: Path) -> Path:
    """The second plan applied by the backend to `worked`, and through openpyxl alone to
    a copy at `expected`; both tabs compared cell by cell."""
    shutil.copytree(worked, expected)
    plan = _second_plan(worked)
    WorkbookBackend(worked).apply(plan)
    _by_openpyxl(expected / "c.xlsx", plan)
    assert _cells(worked / "c.xlsx") == _cells(expected / "c.xlsx")
    return expected


def _cells(path: Path) -> dict[str, Any]:
    sheet = openpyxl.load_workbook(path)[KEYED.title]
    cells = {
        c.coordinate: (
            c.value,
            c.data_type,
            c.number_format,
            bool(c.alignment.wrap_text),
            c.fill.fgColor.rgb if c.fill.fill_type else None,
            c.comment.text if c.comment else None,
        )
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None or c.has_style or c.comment
    }
    heights = {r: d.height for r, d in sheet.row_dimensions.items() if d.height}
    return {"cells": cells, "heights": heights, "extent": (sheet.max_row, sheet.max_column)}


def _matches_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(sheet_parts(archive)[KEYED.title])


@pytest.fixture
def worked(tmp_path: Path) -> Path:
    """A workbook after a first pass and a coordinator's day."""
    folder = tmp_path / "a"
    _first_pass(folder, 12)
    _coordinators_work(folder / "c.xlsx")
    return folder


def test_matches_edited_in_the_file_holds_what_openpyxl_writes(
    worked: Path, tmp_path: Path
) -> None:
    expected = _both_ways(worked, tmp_path / "b")
    read = [WorkbookBackend(d).read_tabs("c.xlsx", [IDENTITY]) for d in (worked, expected)]
    assert read[0][MATCHES] == read[1][MATCHES]
    ids = [row[_column("match_id") - 1] for row in read[0][MATCHES] or []]
    assert ids == [KEYED.labels["match_id"], *(f"M-{n}" for n in (*range(1, 13), *range(40, 44)))]


def test_what_a_coordinator_typed_in_matches_keeps_its_form(worked: Path) -> None:
    """Rows the pass does not write are copied as the file held them: a bold word in a
    note stays bold (openpyxl would keep only the text)."""
    WorkbookBackend(worked).apply(_second_plan(worked))
    sheet = openpyxl.load_workbook(worked / "c.xlsx", rich_text=True)[KEYED.title]
    note = sheet.cell(row=3, column=_column("notes")).value
    assert isinstance(note, CellRichText)
    assert str(note) == "срочно: привезут в субботу"
    assert sheet.cell(row=4, column=sheet.max_column).value == "=1+2"
    assert b"<sst" not in _matches_xml(worked / "c.xlsx")  # no shared string left behind
    with zipfile.ZipFile(worked / "c.xlsx") as archive:
        assert "xl/sharedStrings.xml" not in archive.namelist()


def test_a_new_matches_tab_streams_its_rows_past_the_first_as_openpyxl_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _first_pass(tmp_path / "a", 30)
    monkeypatch.setattr(workbook, "HEAD_ROWS", 4)
    _first_pass(tmp_path / "b", 30)
    first, streamed = tmp_path / "a" / "c.xlsx", tmp_path / "b" / "c.xlsx"
    assert _cells(streamed) == _cells(first)
    widths = [
        {k: d.width for k, d in openpyxl.load_workbook(p)[KEYED.title].column_dimensions.items()}
        for p in (first, streamed)
    ]
    assert widths[0] == widths[1]
    assert _matches_xml(streamed).count(b"inlineStr") > _matches_xml(first).count(b"inlineStr") / 2


def test_a_matches_tab_with_shared_formulas_is_written_through_openpyxl(
    worked: Path, tmp_path: Path
) -> None:
    """Shared formulas are not edited in the file: the tab is loaded in full instead."""
    path = worked / "c.xlsx"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
        name = sheet_parts(archive)[KEYED.title]
    shared = b'<c r="AB5"><f t="shared" ref="AB5:AB6" si="0">1+1</f><v>2</v></c>'
    parts[name] = re.sub(rb'(<row r="5"[^>]*>.*?)</row>', rb"\1" + shared + b"</row>",
                         parts[name], count=1, flags=re.DOTALL)  # fmt: skip
    parts[name] = re.sub(rb'(<row r="6"[^>]*>.*?)</row>',
                         rb'\1<c r="AB6"><f t="shared" si="0"/><v>2</v></c></row>',
                         parts[name], count=1, flags=re.DOTALL)  # fmt: skip
    with zipfile.ZipFile(path, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    _both_ways(worked, tmp_path / "b")
    sheet = openpyxl.load_workbook(path)[KEYED.title]
    assert (sheet["AB5"].value, sheet["AB6"].value) == ("=1+1", "=1+1")


@pytest.mark.parametrize(
    ("xml", "text"),
    [
        pytest.param(b'<c r="A1" t="inlineStr"><is><t>M-1</t></is></c>', "M-1", id="inline"),
        pytest.param(
            b'<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>a </t></r><r><t>&amp; b</t></r>'
            b'<rPh sb="0" eb="1"><t>x</t></rPh></is></c>',
            "a & b",
            id="rich-text-without-phonetic",
        ),
        pytest.param(b'<c r="A1" t="inlineStr"><is><t>&#1055;</t></is></c>', "П", id="char-ref"),
        pytest.param(b'<c r="A1" s="2"><v>7</v></c>', "7", id="integer"),
        pytest.param(b'<c r="A1" t="n"><v>2.5</v></c>', "2.5", id="decimal"),
        pytest.param(b'<c r="A1" t="b"><v>1</v></c>', "TRUE", id="boolean"),
        pytest.param(b'<c r="A1" t="str"><f>A2&amp;"x"</f><v>yx</v></c>', '=A2&"x"', id="formula"),
        pytest.param(b'<c r="A1" t="e"><v>#N/A</v></c>', "#N/A", id="error"),
        pytest.param(b'<c r="A1" s="3"/>', "", id="styled-blank"),
    ],
)
def test_a_cell_in_the_file_reads_as_openpyxl_reads_it(xml: bytes, text: str) -> None:
    assert cell_text(xml) == text


def test_rows_held_as_shared_strings_are_read_and_kept_as_text() -> None:
    xml = (
        b'<worksheet><dimension ref="A1:B3"/><sheetData>'
        b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        b'<row r="3" spans="1:2"><c r="A3" s="4"/><c r="B3" t="s"><v>2</v></c></row>'
        b"</sheetData></worksheet>"
    )
    raw = RawRows(xml, [b"<t>ID</t>", b"<t>Note</t>", b"<r><t>M-</t></r><r><t>7</t></r>"])
    assert raw.texts(1) == {0: "ID", 1: "Note"}
    assert raw.key_rows(1) == {"M-7": 3}
    assert raw.last_used_row() == 3
    assert b't="s"' not in b"".join(raw.edited({}))


def test_a_column_a_coordinator_deleted_comes_back_after_all_of_theirs(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "a"
    _first_pass(folder, 12)
    _coordinators_work(folder / "c.xlsx")
    book = openpyxl.load_workbook(folder / "c.xlsx")
    sheet = book[KEYED.title]
    sheet.delete_cols(_column("donor_phone"))
    sheet.cell(row=7, column=sheet.max_column + 2, value="далеко справа")
    book.save(folder / "c.xlsx")
    with_shared_strings(folder / "c.xlsx")
    _both_ways(folder, tmp_path / "b")
    header = next(openpyxl.load_workbook(folder / "c.xlsx")[KEYED.title].iter_rows(max_row=1))
    labels = [cell.value for cell in header]
    assert labels[-1] == KEYED.labels["donor_phone"]
    assert labels[-3:-1] == [None, None]  # after the note far to the right


def test_a_cell_edited_in_place_or_added_to_its_row_lands_where_a_full_render_puts_it() -> None:
    xml = (
        b'<worksheet><dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1"/></row>'
        b'<row r="2" spans="1:3"><c r="A2" s="4"><v>1</v></c>'
        b'<c r="C2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    raw = RawRows(xml)
    assert (raw.style_at(2, 0), raw.style_at(2, 1), raw.style_at(2, 2)) == (4, None, 0)
    replaced = b"".join(raw.edited({2: RowEdit({0: Cell(7, 4)})}))
    assert b'<row r="2"><c r="A2" s="4" t="n"><v>7</v></c><c r="C2"' in replaced
    added = b"".join(raw.edited({2: RowEdit({1: Cell("y", 0), 2: Cell(None, 5)})}))
    assert b'<c r="A2" s="4"><v>1</v></c><c r="B2" t="inlineStr"><is><t>y</t></is></c>' in added
    assert added.endswith(b'<c r="C2" s="5"/></row>')
