"""Numbers are numbers and dates are dates on both backends, so that a coordinator who
sorts Matches by «Оценка» or «Дней ждёт» gets 30.00 above 8.00; text stays text.

The workbook is read with openpyxl's own cell types, the Google spreadsheet with
the values the emulator stores and the number formats its cells carry.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from sync.labels import column_label
from tests.google_harness import GoogleHarness
from tests.harness import WorkbookHarness

FORMULA_DONOR = "=1+1 Ирина"
NUMBERS = {"score": "0.00", "quantity": "0", "days_waiting": "0"}


def _columns(header: list[object], keys: list[str]) -> dict[str, int]:
    labels = {column_label(key, "ru"): key for key in keys}
    return {labels[str(v)]: i for i, v in enumerate(header) if str(v) in labels}


def _typed_rows(sheet: Worksheet, keys: list[str]) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows())
    at = _columns([c.value for c in rows[0]], keys)
    return [{k: row[i] for k, i in at.items()} for row in rows[1:] if row[0].value is not None]


def _with_formula_donor(harness: WorkbookHarness | GoogleHarness) -> None:
    row = ["21.11.2026 10:15:00", FORMULA_DONOR, "095 167 90 27", "Лисичанск", "Посуда",
           "кастрюля 2 шт", "Да"]  # fmt: skip
    harness.append_source_row("offers", row)
    harness.sync()


def test_workbook_cells_are_numbers_dates_and_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    _with_formula_donor(harness)
    book = openpyxl.load_workbook(harness.coordination_path)
    matches = _typed_rows(book[harness.title("matches")], [*NUMBERS, "created_at", "reason"])
    assert matches
    for row in matches:
        for key, number_format in NUMBERS.items():
            cell = row[key]
            assert cell.data_type == "n" and cell.number_format == number_format, key  # type: ignore[attr-defined]
        assert row["created_at"].is_date  # type: ignore[attr-defined]
        assert row["reason"].data_type == "s"  # type: ignore[attr-defined]
    scores = [row["score"].value for row in matches]  # type: ignore[attr-defined]
    assert all(isinstance(s, int | float) for s in scores)
    assert sorted(scores, reverse=True)[0] == max(scores)  # numeric, not "8.00" > "30.00"

    offers = _typed_rows(book[harness.title("offers")], ["submitted_at", "quantity", "donor_name"])
    assert all(row["quantity"].data_type == "n" for row in offers)  # type: ignore[attr-defined]
    assert all(isinstance(row["submitted_at"].value, datetime) for row in offers)  # type: ignore[attr-defined]
    donors = [row["donor_name"] for row in offers]
    [formula] = [c for c in donors if c.value == FORMULA_DONOR]  # type: ignore[attr-defined]
    assert formula.data_type == "s"  # type: ignore[attr-defined]


def test_google_cells_are_numbers_dates_and_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    _with_formula_donor(g)
    key = g.keys["coordination"]
    title = g.title("matches")
    header = g.coordination("matches")[0]
    at = _columns(list(header), [*NUMBERS, "created_at", "reason"])
    rows = range(1, len(g.coordination("matches")))
    for name, pattern in NUMBERS.items():
        values = [g.emu.stored_value(key, title, r, at[name]) for r in rows]
        assert all(isinstance(v, int | float) and not isinstance(v, bool) for v in values), name
        number_format = g.emu.cell_format(key, title, 1, at[name])["numberFormat"]
        assert number_format["pattern"] == pattern, name
    created = g.emu.cell_format(key, title, 1, at["created_at"])["numberFormat"]
    assert created["type"] == "DATE_TIME"
    assert isinstance(g.emu.stored_value(key, title, 1, at["created_at"]), float)  # a serial
    assert isinstance(g.emu.stored_value(key, title, 1, at["reason"]), str)
    scores = [g.emu.stored_value(key, title, r, at["score"]) for r in rows]
    assert sorted(scores, reverse=True)[0] == max(scores)  # type: ignore[type-var]

    offers = g.coordination("offers")
    donor = offers[0].index(column_label("donor_name", "ru"))
    row = next(r for r, line in enumerate(offers) if line[donor] == FORMULA_DONOR)
    cell = g.emu.store.get(key).sheet_by_title(g.title("offers")).cells[(row, donor)]  # type: ignore[union-attr]
    assert cell.formula is None and cell.value == FORMULA_DONOR
