"""What coordinators add to the coordination spreadsheet, and what a pass does with it."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from openpyxl.drawing.image import Image
from PIL import Image as Picture

from sync.labels import column_spellings
from sync.plan import locate_columns
from tests.harness import NEW_FORM_ROW, Harness, WorkbookHarness


def _picture(path: Path) -> Picture.Image:
    """A small map-like picture with a few distinct pixels."""
    picture = Picture.new("RGB", (48, 24), (240, 240, 230))
    for x in range(48):
        picture.putpixel((x, 12), (30, 90, 200))  # a river
    picture.putpixel((10, 5), (220, 20, 20))  # a warehouse
    picture.save(path)
    return picture


def test_pictures_a_coordinator_adds_survive_the_next_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    h = WorkbookHarness(tmp_path, capsys)
    h.sync()
    original = _picture(tmp_path / "map.png")
    path = h.dir / "coordination.xlsx"
    book = openpyxl.load_workbook(path)
    matches = h.title("matches")
    book[matches].add_image(Image(tmp_path / "map.png"), "Z2")
    book.create_sheet("Карта складов").add_image(Image(tmp_path / "map.png"), "B3")
    book.save(path)

    h.append_source_row("offers", NEW_FORM_ROW)
    result = h.sync()
    assert "New matches: 0." not in result.out, "the pass wrote the workbook"

    with zipfile.ZipFile(path) as archive:
        media = [name for name in archive.namelist() if name.startswith("xl/media/")]
        assert len(media) == 2
        for name in media:
            kept = Picture.open(BytesIO(archive.read(name))).convert("RGB")
            assert kept.size == original.size
            assert kept.tobytes() == original.tobytes()
    book = openpyxl.load_workbook(path)
    anchors = {
        title: [(i.anchor._from.col, i.anchor._from.row) for i in book[title]._images]
        for title in (matches, "Карта складов")
    }
    assert anchors == {matches: [(25, 1)], "Карта складов": [(1, 2)]}


def _cell(harness: Harness, match_id: str, key: str) -> tuple[int, str]:
    """The sheet row of a match, and its cell in column `key`."""
    grid = harness.coordination("matches")
    at = locate_columns(grid[0], {k: column_spellings(k) for k in ("match_id", key)})
    row = next(n for n, r in enumerate(grid, start=1) if r and r[at["match_id"]] == match_id)
    values = grid[row - 1]
    return row, values[at[key]] if at[key] < len(values) else ""


def test_a_correction_in_a_refreshed_column_is_replaced_and_noted_on_problems(
    harness: Harness,
) -> None:
    harness.sync()
    match_id = harness.matches()[0]["match_id"]
    row, from_the_form = _cell(harness, match_id, "donor_phone")
    assert from_the_form.startswith("+380")
    harness.edit_match(match_id, "donor_phone", "+380 67 000 11 22")  # a new phone, typed

    result = harness.sync()
    # What the README says: the pass writes the form's value back...
    assert "Refreshed cells: 1." in result.out
    assert _cell(harness, match_id, "donor_phone") == (row, from_the_form)
    # ...and Problems lists the replacement: where, what was typed, what replaced it.
    notes = [r for r in harness.coordination("problems")[1:] if r[0] == "Пары"]
    assert [r[:4] for r in notes] == [["Пары", str(row), "Телефон донора", "+380 67 000 11 22"]]
    assert from_the_form in notes[0][4] and "Заметки" in notes[0][4]
    # The next pass changes nothing more, and the note goes.
    harness.sync()
    assert not [r for r in harness.coordination("problems")[1:] if r[0] == "Пары"]
    assert _cell(harness, match_id, "donor_phone") == (row, from_the_form)


def test_filling_a_refreshed_cell_a_coordinator_emptied_is_not_noted(harness: Harness) -> None:
    harness.sync()
    match_id = harness.matches()[0]["match_id"]
    row, from_the_form = _cell(harness, match_id, "ngo_city")
    harness.edit_match(match_id, "ngo_city", "")
    harness.sync()
    assert _cell(harness, match_id, "ngo_city") == (row, from_the_form)
    assert not [r for r in harness.coordination("problems")[1:] if r[0] == "Пары"]
