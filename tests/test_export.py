"""`mozhem export`: CSV files safe to open in a spreadsheet program, that Excel on
Windows opens with their Cyrillic intact, or one .xlsx workbook with numbers, dates and
text kept as such; on every backend."""

from __future__ import annotations

import codecs
import csv
import re
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

from sync.export import defuse_formula
from tests.harness import Harness

FORMULA_ITEM = "=1+1 кастрюля"
#: A cell a spreadsheet program runs as a formula starts with one of these...
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: ...unless it is a plain number (an E.164 phone, a negative count).
PLAIN_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")
EVIL_LINK = '=HYPERLINK("http://example.com/x";"открыть")'


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


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_every_cell_is_defused_category_and_score_included(
    harness: Harness, tmp_path: Path
) -> None:
    harness.sync()
    first, second = harness.matches()[:2]
    harness.edit_match(first["match_id"], "category", EVIL_LINK)
    harness.edit_match(second["match_id"], "score", "=1+1")
    harness.edit_match(second["match_id"], "reason", "@SUM(1;2)")
    result = harness.cli("export", "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err

    for name in ("offers.csv", "needs.csv", "matches.csv", "problems.csv"):
        for row in _cells(tmp_path / "out" / name)[1:]:
            for cell in row:
                assert not cell.startswith(TRIGGERS) or PLAIN_NUMBER.fullmatch(cell), (name, cell)
    matches = {row[0]: row for row in _cells(tmp_path / "out" / "matches.csv")}
    header = matches.pop("match_id")
    category, score = header.index("category"), header.index("score")
    assert matches[first["match_id"]][category] == "'" + EVIL_LINK
    assert matches[second["match_id"]][score] == "'=1+1"
    offers = _cells(tmp_path / "out" / "offers.csv")
    phone = offers[0].index("phone")
    assert any(row[phone].startswith("+380") for row in offers[1:]), "E.164 phones stay as they are"


def test_exporting_again_says_it_replaced_the_files(harness: Harness, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = harness.cli("export", "--out", str(out))
    assert first.code == 0, first.err
    assert first.out.count("Wrote ") == 4 and "Replaced" not in first.out
    (out / "notes.txt").write_text("mine", "utf-8")
    again = harness.cli("export", "--out", str(out))
    assert again.code == 0, again.err
    for name in ("offers.csv", "needs.csv", "matches.csv", "problems.csv"):
        assert f"Replaced {out / name}" in again.out
    assert "Wrote" not in again.out
    assert (out / "notes.txt").read_text("utf-8") == "mine"  # nothing else is touched


def test_defuse_keeps_numbers_and_defuses_everything_else() -> None:
    assert defuse_formula("+380951679026") == "+380951679026"
    assert defuse_formula("-5") == "-5"
    assert defuse_formula("0.87") == "0.87"
    assert defuse_formula(3) == 3
    for dangerous in ("=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert defuse_formula(dangerous) == "'" + dangerous
