"""`mozhem export`: the canonical records as CSV files, safe to open in a spreadsheet,
or as one .xlsx workbook.

CSV files are UTF-8 with a byte-order mark (utf-8-sig), so that Excel on Windows
reads Cyrillic right when the file is double-clicked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from matcher.params import Language
from sync.cells import parse_number
from sync.coordination import MatchesSheet, category_code
from sync.layouts import MATCH_FIELDS, NEED_LAYOUT, OFFER_LAYOUT, PROBLEM_LAYOUT, Layout, View
from sync.planner import PassData

#: Free text a person typed; a leading = + - @ would make a spreadsheet run it.
_TEXT_COLUMNS = {"donor_name", "city", "item", "organization", "contact_name", "reason"}
_TEXT_COLUMNS |= {"value", "problem", "field"}


#: The workbook `--excel` writes.
EXCEL_FILE = "mozhem-export.xlsx"


def export_csv(data: PassData, language: Language, out: Path) -> list[Path]:
    """The canonical records (docs/architecture.md), one CSV file per kind."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in _tables(data, language, defuse=True).items():
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        written.append(path)
    return written


def export_excel(data: PassData, language: Language, out: Path) -> Path:
    """The same records as one workbook, a sheet per kind. Text stays text (a leading "="
    is no formula), numbers and times are numbers and times."""
    from openpyxl import Workbook

    from sync.backends.workbook import write_value

    out.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.remove(book.active)
    for name, frame in _tables(data, language, defuse=False).items():
        sheet = book.create_sheet(name)
        rows = [list(frame.columns), *frame.itertuples(index=False)]
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value != "":
                    write_value(sheet, r, c, value)
        sheet.freeze_panes = "A2"
    path = out / EXCEL_FILE
    book.save(path)
    return path


def _tables(data: PassData, language: Language, *, defuse: bool) -> dict[str, pd.DataFrame]:
    view = View(language, data.source_headers)
    return {
        "offers": _export(OFFER_LAYOUT, data.offers, view, defuse),
        "needs": _export(NEED_LAYOUT, data.needs, view, defuse),
        "matches": _frame(_match_records(data.matches), MATCH_FIELDS, defuse),
        "problems": _export(PROBLEM_LAYOUT, data.problems, view, defuse),
    }


def _export(layout: Layout[Any], records: Iterable[Any], view: View, defuse: bool) -> pd.DataFrame:
    rows = [
        {key: _canonical(value, keep_time=not defuse) for key, value in row.items()}
        for row in layout.export_rows(records, view)
    ]
    return _frame(rows, layout.export_columns(), defuse)


def _canonical(value: object, keep_time: bool = False) -> object:
    """A value as the canonical record writes it: true/false, empty for unknown, ISO time
    (or the time itself, for a workbook)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, datetime) and not keep_time:
        return value.isoformat(sep=" ")
    return value


def _match_records(sheet: MatchesSheet) -> Iterable[dict[str, Any]]:
    for existing, row in sheet.on_sheet():
        cells = row.cells
        yield {
            "match_id": existing.match_id,
            "offer_id": existing.offer_id,
            "need_id": existing.need_id,
            "category": category_code(cells.get("category", "")),
            "quantity": existing.quantity,
            "score": _score(cells.get("score", "")),
            "status": existing.status.value,
            "reason": cells.get("reason", ""),
        }


def _score(shown: str) -> object:
    """The score as the number it is, whatever the sheet showed ("30,00"); blank if none."""
    number = parse_number(shown)
    return "" if number is None else round(number, 2)


def _frame(
    records: Iterable[dict[str, Any]], columns: Sequence[str], defuse: bool = True
) -> pd.DataFrame:
    frame = pd.DataFrame(list(records), columns=list(columns), dtype=object).fillna("")
    defused = _TEXT_COLUMNS & set(columns) if defuse else set()
    for column in defused:
        frame[column] = frame[column].map(defuse_formula)
    return frame


def defuse_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
