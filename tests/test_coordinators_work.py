"""What coordinators add to the coordination spreadsheet, and what a pass does with it."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from openpyxl.drawing.image import Image
from PIL import Image as Picture

from tests.harness import WorkbookHarness

NEW_FORM_ROW = [
    "21.11.2026 10:15:00",
    "Оксана",
    "+380 67 555 12 34",
    "Лисичанск",
    "Средства гигиены, Продукты (долгого хранения)",
    "шампунь 3 шт, крупа 5 кг",
    "Да",
]


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
    book["Matches"].add_image(Image(tmp_path / "map.png"), "Z2")
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
        for title in ("Matches", "Карта складов")
    }
    assert anchors == {"Matches": [(25, 1)], "Карта складов": [(1, 2)]}
