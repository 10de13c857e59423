"""`mozhem export`: the canonical records as CSV files, safe to open in a spreadsheet."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from matcher.messages import render_problem
from matcher.params import Language
from sync.coordination import MatchesSheet, category_code
from sync.planner import PassData

OFFER_COLUMNS = [
    "offer_id", "source_row", "submitted_at", "donor_name", "phone", "city",
    "category", "item", "quantity", "can_deliver", "quantity_estimated", "lat", "lon",
]  # fmt: skip
NEED_COLUMNS = [
    "need_id", "source_row", "submitted_at", "organization", "contact_name", "phone",
    "city", "category", "item", "quantity", "urgency", "quantity_estimated", "lat", "lon",
]  # fmt: skip
MATCH_COLUMNS = [
    "match_id", "offer_id", "need_id", "category", "quantity", "score", "status", "reason",
    "notes",
]  # fmt: skip
PROBLEM_COLUMNS = ["source", "source_row", "field", "value", "problem", "severity", "code"]
#: Free text a person typed; a leading = + - @ would make a spreadsheet run it.
_TEXT_COLUMNS = {"donor_name", "city", "item", "organization", "contact_name", "reason"}
_TEXT_COLUMNS |= {"notes", "value", "problem", "field"}


def export_csv(data: PassData, language: Language, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "offers.csv": _frame([_record(o) for o in data.offers], OFFER_COLUMNS),
        "needs.csv": _frame([_record(n) for n in data.needs], NEED_COLUMNS),
        "matches.csv": _frame(_match_records(data.matches), MATCH_COLUMNS),
        "problems.csv": _frame(
            [
                {**_record(p), "problem": render_problem(p, language)}
                for p in sorted(data.problems, key=lambda p: (p.source, p.source_row, p.field))
            ],
            PROBLEM_COLUMNS,
        ),
    }
    written = []
    for name, frame in tables.items():
        path = out / name
        frame.to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    return written


def _record(item: Any) -> dict[str, Any]:
    record = dataclasses.asdict(item)
    for key, value in record.items():
        if isinstance(value, bool):
            record[key] = "true" if value else "false"
        elif value is None:
            record[key] = ""
        elif hasattr(value, "isoformat"):
            record[key] = value.isoformat(sep=" ")
    return record


def _match_records(sheet: MatchesSheet) -> Iterable[dict[str, Any]]:
    for existing, row in sheet.on_sheet():
        cells = row.cells
        yield {
            "match_id": existing.match_id,
            "offer_id": existing.offer_id,
            "need_id": existing.need_id,
            "category": category_code(cells.get("category", "")),
            "quantity": existing.quantity,
            "score": cells.get("score", ""),
            "status": existing.status.value,
            "reason": cells.get("reason", ""),
            "notes": cells.get("notes", ""),
        }


def _frame(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(list(records), columns=list(columns), dtype=object).fillna("")
    for column in _TEXT_COLUMNS & set(columns):
        frame[column] = frame[column].map(defuse_formula)
    return frame


def defuse_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
