"""The demo coordination workbook through a real LibreOffice save, as a coordinator's day
goes: a status changed and a note written, the file saved by LibreOffice Calc
(headless `soffice --convert-to xlsx`), then the next pass.

The pass keeps both edits, adds no row twice, and puts back what the save took:
the frozen header and the status dropdown down to the end of the tab.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from matcher.model import Status
from sync.labels import status_label
from sync.layouts import MATCH_COLUMNS
from tests.harness import NEW_FORM_ROW, WorkbookHarness

NOTE = "донор привезёт в субботу, позвонить в пятницу"


def libreoffice_save(path: Path, work: Path) -> None:
    """Open `path` in LibreOffice Calc and save it as .xlsx again, in place."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed: apt-get install libreoffice-calc (.ci/run does)"
    out = work / "saved"
    profile = (work / "lo-profile").as_uri()  # its own profile: runs never share one
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.copy(out / path.name, path)


def _status_dropdown_rows(path: Path, title: str) -> list[tuple[int, int]]:
    sheet = openpyxl.load_workbook(path)[title]
    status = MATCH_COLUMNS.index("status") + 1
    return [
        (cells.min_row, cells.max_row)
        for validation in sheet.data_validations.dataValidation
        for cells in validation.sqref.ranges
        if cells.min_col <= status <= cells.max_col
    ]


AGREED = status_label(Status.AGREED, "ru")


def _a_coordinators_day(harness: WorkbookHarness) -> tuple[list[dict[str, str]], str]:
    """A first pass, then a match agreed with a note: the rows then, and that match."""
    harness.sync()
    before = harness.matches()
    edited = before[2]["match_id"]
    harness.edit_match(edited, "status", AGREED)
    harness.edit_match(edited, "notes", NOTE)
    return before, edited


def test_a_libreoffice_save_loses_nothing_and_the_next_pass_restores_the_furniture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    before, edited = _a_coordinators_day(harness)

    path, title = harness.coordination_path, harness.title("matches")
    libreoffice_save(path, tmp_path)
    sheet = openpyxl.load_workbook(path)[title]
    cut = _status_dropdown_rows(path, title)
    assert cut and max(last for _, last in cut) < 100_000, "LibreOffice cut the dropdown"
    lost_frozen_header = sheet.freeze_panes is None

    result = harness.sync()
    assert "New matches: 0." in result.out
    after = harness.matches()
    ids = [m["match_id"] for m in after if m["match_id"]]
    assert len(ids) == len(set(ids)) == len(before)  # no row twice
    row = next(m for m in after if m["match_id"] == edited)
    assert (row["status"], row["notes"]) == (AGREED, NOTE)

    sheet = openpyxl.load_workbook(path)[title]
    assert sheet.freeze_panes == "A2", f"frozen header restored (lost: {lost_frozen_header})"
    assert (2, 100_000) in _status_dropdown_rows(path, title)
    assert "Nothing changed; nothing written" in harness.full_sync().out


def test_new_matches_after_a_libreoffice_save_keep_what_coordinators_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice keeps text in a shared strings table; the pass, which edits the
    Matches tab in the file as it is, writes its rows below theirs and loses nothing."""
    harness = WorkbookHarness(tmp_path, capsys)
    before, edited = _a_coordinators_day(harness)
    libreoffice_save(harness.coordination_path, tmp_path)
    with zipfile.ZipFile(harness.coordination_path) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()

    harness.append_source_row("offers", NEW_FORM_ROW)
    result = harness.sync()
    assert "New matches: 0." not in result.out
    after = harness.matches()
    ids = [m["match_id"] for m in after if m["match_id"]]
    assert len(ids) == len(set(ids)) > len(before)
    assert ids[: len(before)] == [m["match_id"] for m in before]  # theirs first, in place
    row = next(m for m in after if m["match_id"] == edited)
    assert (row["status"], row["notes"]) == (AGREED, NOTE)
    assert "Nothing changed; nothing written" in harness.full_sync().out
