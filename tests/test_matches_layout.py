"""The Matches tab as a caller uses it, on both backends: what comes first, phones to dial,
days waiting kept current, and text that can be read (bold header, wide wrapped
columns, rows tall enough)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from matcher.model import Status
from sync.labels import column_label, status_label
from sync.layouts import MATCH_COLUMNS
from tests.google_harness import GoogleHarness
from tests.harness import Harness, WorkbookHarness

DIAL_READY = re.compile(r"\+380 \d{2} \d{3} \d{2} \d{2}")
NO_PHONE = "нет телефона"


def test_a_caller_reads_status_notes_urgency_and_days_first_and_ids_last(
    harness: Harness,
) -> None:
    harness.sync()
    header = harness.coordination("matches")[0]
    first = ["status", "notes", "urgency", "days_waiting", "donor_name", "donor_phone"]
    assert header[: len(first)] == [column_label(key, "ru") for key in first]
    last = ["match_id", "offer_id", "need_id"]
    assert header[-3:] == [column_label(key, "ru") for key in last]
    reason = header.index(column_label("reason", "ru"))
    assert header[reason + 1] == column_label("alternatives", "ru")
    sides = [header.index(column_label(k, "ru")) for k in ("donor_phone", "ngo_phone")]
    assert max(sides) < reason  # both sides before the reason


def test_phones_are_ready_to_dial_and_the_same_on_every_tab(harness: Harness) -> None:
    no_phone = ["21.11.2026 10:15:00", "Оксана Без Номера", "", "Северодонецк", "Посуда",
                "кастрюли 2 шт", "Да"]  # fmt: skip
    harness.append_source_row("offers", no_phone)
    harness.sync()
    matches = harness.matches()
    phones = [m[k] for m in matches for k in ("donor_phone", "ngo_phone")]
    assert phones and all(DIAL_READY.fullmatch(p) or p == NO_PHONE for p in phones)
    offers = {row["offer_id"]: row for row in harness.rows("offers")}
    needs = {row["need_id"]: row for row in harness.rows("needs")}
    for m in matches:
        assert m["donor_phone"] == offers[m["offer_id"]]["phone"]
        assert m["ngo_phone"] == needs[m["need_id"]]["phone"]
    oksana = [row for row in offers.values() if row["donor_name"] == "Оксана Без Номера"]
    assert oksana and {row["phone"] for row in oksana} == {NO_PHONE}


def test_days_waiting_is_a_column_the_pass_keeps_current(harness: Harness) -> None:
    harness.sync()
    matches = harness.matches()
    assert all(m["days_waiting"].isdigit() for m in matches)
    assert not any("ждёт" in m["reason"] or "ждет" in m["reason"] for m in matches)
    stale, settled = matches[0], matches[1]
    harness.edit_match(stale["match_id"], "days_waiting", "0")
    harness.edit_match(settled["match_id"], "days_waiting", "0")
    harness.edit_match(settled["match_id"], "status", status_label(Status.DELIVERED, "ru"))
    result = harness.sync()
    # The stale count, and the day the delivered match was first seen delivered.
    assert "Refreshed cells: 2." in result.out
    after = {m["match_id"]: m for m in harness.matches()}
    assert after[stale["match_id"]]["days_waiting"] == stale["days_waiting"]
    assert after[settled["match_id"]]["days_waiting"] == "0"  # delivered: left as it was
    assert after[settled["match_id"]]["delivered_at"] != ""


def _column(key: str) -> int:
    return MATCH_COLUMNS.index(key)


def test_workbook_matches_are_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    harness.sync()
    sheet = openpyxl.load_workbook(harness.coordination_path)[harness.title("matches")]
    assert all(cell.font.b for cell in sheet[1] if cell.value)
    letter = {
        key: sheet.cell(row=1, column=_column(key) + 1).column_letter for key in MATCH_COLUMNS
    }
    assert sheet.column_dimensions[letter["notes"]].width >= 30
    assert sheet.column_dimensions[letter["reason"]].width >= 40
    assert sheet.cell(row=2, column=_column("reason") + 1).alignment.wrap_text
    assert sheet.cell(row=2, column=_column("notes") + 1).alignment.wrap_text
    heights = {sheet.row_dimensions[r].height for r in range(2, sheet.max_row + 1)}
    assert heights == {36}  # points: three lines of text, not one


def test_google_matches_are_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = GoogleHarness(tmp_path, capsys)
    g.sync()
    key, title = g.keys["coordination"], g.title("matches")
    assert g.emu.cell_format(key, title, 0, 0)["textFormat"]["bold"] is True
    for name, at_least in (("notes", 30), ("reason", 40)):
        pixels = g.emu.pixel_size(key, title, "COLUMNS", _column(name))
        assert pixels is not None and pixels >= at_least * 7, name
        assert g.emu.cell_format(key, title, 5, _column(name))["wrapStrategy"] == "WRAP"
    rows = len(g.coordination("matches"))
    assert {g.emu.pixel_size(key, title, "ROWS", r) for r in range(1, rows)} == {48}
