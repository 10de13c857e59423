"""A tab emptied of its rows for openpyxl (xlsx_stream.without_rows) is emptied from
the file as it is: the part emptied once in the process is used again only for the
very same stored bytes. Real workbooks, saved by openpyxl as a coordinator's
spreadsheet program would."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

from sync.backends import xlsx_stream
from sync.backends.xlsx_stream import without_rows


def _book(path: Path, freeze: str, width: float) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Offers"
    for n in range(50):
        sheet.append([f"O-{n}", "гречка", n])
    sheet.freeze_panes = freeze
    sheet.column_dimensions["B"].width = width
    book.create_sheet("Мой учёт")["A1"] = "позвонить Оле"
    book.save(path)
    return path.read_bytes()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_a_part_emptied_again_is_what_emptying_it_gives(tmp_path: Path) -> None:
    data = _book(tmp_path / "c.xlsx", "A2", 30)
    heard: list[str] = []
    first, emptied = without_rows(data, ["Offers"], lambda title, xml: heard.append(title))
    assert emptied == ("Offers",) and heard == ["Offers"]
    again = without_rows(data, ["Offers"])[0]  # nothing to hear it: not inflated again
    xlsx_stream._EMPTIED.clear()
    afresh = without_rows(data, ["Offers"])[0]
    assert _parts(again) == _parts(afresh) == _parts(first)
    sheet = openpyxl.load_workbook(io.BytesIO(again))["Offers"]
    assert sheet.max_row == 1 and sheet["A1"].value is None
    assert sheet.freeze_panes == "A2"


def test_a_tab_a_coordinator_saved_since_is_emptied_as_they_left_it(tmp_path: Path) -> None:
    """Their panes and widths on the emptied tab; their rows on a tab not emptied."""
    path = tmp_path / "c.xlsx"
    data = _book(path, "A2", 30)
    without_rows(data, ["Offers"], lambda title, xml: None)
    book = openpyxl.load_workbook(path)
    book["Offers"].freeze_panes = "B3"
    book["Offers"].column_dimensions["B"].width = 12
    book["Мой учёт"]["A2"] = "и Марине"
    book.save(path)
    slim = openpyxl.load_workbook(io.BytesIO(without_rows(path.read_bytes(), ["Offers"])[0]))
    assert slim["Offers"].freeze_panes == "B3"
    assert slim["Offers"].column_dimensions["B"].width == 12
    assert slim["Мой учёт"]["A2"].value == "и Марине"
