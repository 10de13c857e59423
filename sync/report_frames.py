"""The canonical records as DataFrames, for the summaries in reports/.

A pass builds them from what it holds (records, the Matches rows as read, the
rows it appends); `mozhem report` from the coordination tabs as a read gives
them back. Either way a value may come typed (a number, a datetime, a code) or
as the text a sheet shows (a label in any language, "21.11.2026 14:03", "30,00");
each field is brought to its canonical form here, so both build the same frames.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import pandas as pd

from matcher.labels import urgency_label
from matcher.model import CATEGORIES, Status
from matcher.text import fold
from matcher.vocabulary_files import LANGUAGES, URGENCIES
from sync.cells import Value, as_moment, parse_moment, parse_number
from sync.coordination import MatchesSheet, category_code, read_matches
from sync.labels import column_spellings
from sync.layouts import MATCHES, NEEDS, OFFERS, PROBLEM_LAYOUT, PROBLEMS, RECONFIRM
from sync.plan import Cells, CellUpdate, Grid, Snapshot, locate_columns
from sync.worklists import read_answers, retired_offers

OFFER_FIELDS = (
    "offer_id", "submitted_at", "donor_name", "phone", "city", "category", "item", "quantity",
)  # fmt: skip
NEED_FIELDS = (
    "need_id", "submitted_at", "organization", "contact_name", "phone", "city", "category",
    "item", "quantity", "urgency",
)  # fmt: skip
MATCH_FIELDS = (
    "match_id", "offer_id", "need_id", "category", "quantity", "status", "created_at",
    "delivered_at", "urgency", "days_waiting", "donor_name", "donor_phone", "offer_item",
    "organization", "contact_name", "ngo_phone", "need_item",
)  # fmt: skip
PROBLEM_FIELDS = ("source", "field")

_MOMENTS = {"submitted_at", "created_at", "delivered_at"}
_COUNTS = {"quantity", "days_waiting"}


@dataclass(frozen=True)
class Frames:
    offers: pd.DataFrame
    needs: pd.DataFrame
    matches: pd.DataFrame
    problems: pd.DataFrame


def frame(rows: Iterable[Mapping[str, Any]], fields: tuple[str, ...]) -> pd.DataFrame:
    """Rows keyed by field, each value brought to its canonical form."""
    listed = rows if isinstance(rows, list) else list(rows)
    columns = [canonical_column(f, [row.get(f, "") for row in listed]) for f in fields]
    # Rows as tuples: pandas types their columns as it types rows of dicts.
    out = pd.DataFrame(list(zip(*columns, strict=True)), columns=list(fields))
    for field in _MOMENTS & set(fields):
        out[field] = pd.to_datetime(out[field])
    for field in _COUNTS & set(fields):
        out[field] = out[field].astype("Int64")
    return out


def records_frame(records: Iterable[object], fields: tuple[str, ...]) -> pd.DataFrame:
    """Offer or Need records (or anything with those attributes) as a frame."""
    return frame([{f: getattr(r, f) for f in fields} for r in records], fields)


def matches_rows(sheet: MatchesSheet) -> list[dict[str, Any]]:
    """Each match on the sheet: its cells as read, with the status it was read as."""
    return [{**row.cells, "status": match.status.value} for match, row in sheet.on_sheet()]


def pass_frames(
    offers: Iterable[object],
    needs: Iterable[object],
    problems: Cells,
    sheet: MatchesSheet,
    appends: Iterable[Mapping[str, Value]],
    updates: Iterable[CellUpdate],
) -> Frames:
    """The frames of a pass: its records, its Problems tab, and Matches as the pass
    leaves it (the rows read with this pass's updates, and the rows it appends)."""
    rows = {row["match_id"]: row for row in matches_rows(sheet)}
    for update in updates:
        if update.key in rows:
            rows[update.key][update.column] = update.value
    appended = [{**row, "status": Status.PROPOSED.value} for row in appends]
    return Frames(
        records_frame(offers, OFFER_FIELDS),
        records_frame(needs, NEED_FIELDS),
        frame([*rows.values(), *appended], MATCH_FIELDS),
        frame(keyed_rows(problems, PROBLEM_LAYOUT.keys), PROBLEM_FIELDS),
    )


def keyed_rows(cells: Cells, keys: tuple[str, ...]) -> list[dict[str, Value]]:
    """A grid written in the column order `keys` (header first) as rows keyed by column."""
    return [dict(zip(keys, row, strict=False)) for row in cells[1:]]


def canonical_column(field: str, values: list[Any]) -> list[Any]:
    """`canonical` of each value, each distinct value converted once (a pass has
    hundreds of thousands of cells, and few distinct dates, labels and counts)."""
    if field not in _MOMENTS | _COUNTS | {"category", "urgency", "status"}:  # plain text
        return [v.strip() if type(v) is str else canonical(field, v) for v in values]
    known: dict[tuple[Any, ...], Any] = {}
    out = []
    for value in values:
        # 1, 1.0 and True stay apart, and so do one moment's times in two zones
        key = (type(value), value, getattr(value, "tzinfo", None))
        try:
            out.append(known[key])
        except KeyError:
            out.append(known.setdefault(key, canonical(field, value)))
        except TypeError:  # not hashable
            out.append(canonical(field, value))
    return out


def canonical(field: str, value: Any) -> Any:
    if field in _MOMENTS:
        return _moment(value)
    if field in _COUNTS:
        return _count(value)
    text = "" if value is None else str(value).strip()
    if field == "category":
        return text if text in CATEGORIES else category_code(text)
    if field == "urgency":
        return _urgencies().get(fold(text), text)
    if field == "status":
        return text or Status.PROPOSED.value
    return text


def _moment(value: Any) -> Any:
    if isinstance(value, date):
        return as_moment(value)
    return parse_moment(str(value)) if value not in (None, "") else None


def _count(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    number = parse_number(str(value)) if value not in (None, "") else None
    return None if number is None else int(number)


@cache
def _urgencies() -> dict[str, str]:
    """Folded urgency label in any language, or code -> the code."""
    return {
        fold(shown): code
        for code in URGENCIES
        for shown in (code, *(urgency_label(code, language) for language in LANGUAGES))
    }


def tab_frames(current: Snapshot) -> Frames:
    """The frames of the coordination tabs as a read found them (labels, shown text),
    without the offers a coordinator found gone (the Re-confirm tab says which)."""
    retired = retired_offers(read_answers(current.get(RECONFIRM)))
    offers = [row for row in tab_rows(current.get(OFFERS), OFFER_FIELDS)
              if row.get("offer_id") not in retired]  # fmt: skip
    return Frames(
        frame(offers, OFFER_FIELDS),
        frame(tab_rows(current.get(NEEDS), NEED_FIELDS), NEED_FIELDS),
        frame(matches_rows(read_matches(current.get(MATCHES))), MATCH_FIELDS),
        frame(tab_rows(current.get(PROBLEMS), PROBLEM_FIELDS), PROBLEM_FIELDS),
    )


def tab_rows(grid: Grid | None, fields: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a tab as read, keyed by the fields found in its header."""
    if not grid:
        return []
    columns = locate_columns(grid[0], {field: column_spellings(field) for field in fields})
    return [
        {field: row[i] if i < len(row) else "" for field, i in columns.items()}
        for row in grid[1:]
        if any(cell.strip() for cell in row)
    ]
