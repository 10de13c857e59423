"""`mozhem export`: CSV that Excel on Windows opens with its Cyrillic intact, or one
.xlsx workbook with numbers, dates and text kept as such; on both backends."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

from tests.harness import Harness

FORMULA_ITEM = "=1+1 кастрюля"


def _with_formula_offer(harness: Harness) -> None:
    row = ["21.11.2026 11:00:00", "Ирина", "095 167 90 27", "Лисичанск", "Посуда",
           FORMULA_ITEM, "Нет"]  # fmt: skip
    harness.append_source_row("offers", row)
    harness.sync()


def test_csv_files_carry_a_byte_order_mark(harness: Harness, tmp_path: Path) -> None:
    _with_formula_offer(harness)
    out = tmp_path / "export"
    result = harness.cli("export", "--out", str(out))
    assert result.code == 0, result.err
    for name in ("offers", "needs", "matches", "problems"):
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(codecs.BOM_UTF8), name
        assert not raw[3:].startswith(codecs.BOM_UTF8)
    offers = pd.read_csv(out / "offers.csv", encoding="utf-8-sig", dtype=str)
    assert offers.columns[0] == "offer_id"
    assert "Лисичанск" in set(offers["city"])
    assert f"'{FORMULA_ITEM}" in set(offers["item"])  # a spreadsheet would run it otherwise


def test_excel_export_is_one_workbook_of_typed_cells(harness: Harness, tmp_path: Path) -> None:
    _with_formula_offer(harness)
    out = tmp_path / "export"
    result = harness.cli("export", "--out", str(out), "--excel")
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["mozhem-export.xlsx"]
    book = openpyxl.load_workbook(out / "mozhem-export.xlsx")
    assert book.sheetnames == ["offers", "needs", "matches", "problems"]
    offers = list(book["offers"].iter_rows(values_only=False))
    header = [cell.value for cell in offers[0]]
    at = {key: header.index(key) for key in ("quantity", "submitted_at", "item")}
    rows = offers[1:]
    assert all(row[at["quantity"]].data_type == "n" for row in rows)
    assert all(isinstance(row[at["submitted_at"]].value, datetime) for row in rows)
    [formula] = [row[at["item"]] for row in rows if row[at["item"]].value == FORMULA_ITEM]
    assert formula.data_type == "s"
    matches = list(book["matches"].iter_rows(values_only=True))
    score = matches[0].index("score")
    assert all(isinstance(row[score], int | float) for row in matches[1:])
