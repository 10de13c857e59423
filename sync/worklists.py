"""The work lists a call-centre shift reads top to bottom: «Позвонить сегодня» and
«Перепроверить». The pass rewrites both; it reads back the answers coordinators
type on the second.

Call today: the matches still proposed, in one block per person to call (each
NGO contact, each donor) with their phone once, then their pairs; the block
with the most urgent, longest-waiting pair first (reports.summaries.call_list).

Re-confirm: offers no match has used `offers.reconfirm_after_days` after they
came in, for a call to check the things are still there. The answer is read
back: «уже нет» retires the offer for good (it is never matched again, and its
row stays, as the record of that); «ещё есть» keeps it, and the offer is asked
about again once the same number of days has passed since the answer.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from matcher.instance import age_days
from matcher.labels import urgency_label
from matcher.params import Language
from reports.summaries import offers_to_reconfirm
from sync.cells import Value, as_moment, parse_moment, parse_number
from sync.display import dial_ready
from sync.frame_rows import frame_records
from sync.labels import column_spellings, parse_reconfirm, reconfirm_label, role_label
from sync.layouts import CALL_COLUMNS, RECONFIRM_COLUMNS, header
from sync.plan import Grid, Rewrite, locate_columns, trim_grid


@dataclass(frozen=True)
class Answer:
    """What a coordinator answered about an offer on the Re-confirm tab."""

    answer: str  # "still" | "gone"
    #: The day the pass first saw the answer (None: not yet).
    checked_at: datetime | None
    #: The row as read, for an offer no longer in the source.
    cells: Mapping[str, str]


def read_answers(grid: Grid | None) -> dict[str, Answer]:
    """offer_id -> the answer on the Re-confirm tab, for rows with one that can be read."""
    if not grid:
        return {}
    columns = locate_columns(grid[0], {key: column_spellings(key) for key in RECONFIRM_COLUMNS})
    answers = {}
    for row in grid[1:]:
        cells = {key: row[i] if i < len(row) else "" for key, i in columns.items()}
        offer_id, answer = (
            cells.get("offer_id", "").strip(),
            parse_reconfirm(cells.get("answer", "")),
        )
        if offer_id and answer:
            answers[offer_id] = Answer(answer, parse_moment(cells.get("checked_at", "")), cells)
    return answers


def retired_offers(answers: Mapping[str, Answer]) -> frozenset[str]:
    """Offers a coordinator found gone: never matched again."""
    return frozenset(offer for offer, a in answers.items() if a.answer == "gone")


def reconfirm_rewrite(
    answers: Mapping[str, Answer],
    offers: pd.DataFrame,
    matches: pd.DataFrame,
    now: datetime,
    after_days: int,
    language: Language,
) -> Rewrite:
    """Offers to call about first (longest waiting on top), then those answered «ещё есть»
    within `after_days`, then the ones gone."""
    kept = {
        offer: a
        for offer, a in answers.items()
        if a.answer == "gone"
        or a.checked_at is None
        or (age_days(a.checked_at, now) or 0) < after_days  # by the day, as ages
    }
    stale = offers_to_reconfirm(offers, matches, now, after_days)
    rows = [
        _reconfirm_row(offer, None, now, language)
        for offer in frame_records(stale)
        if offer["offer_id"] not in kept
    ]
    # Only the answered offers are looked up: no need to convert every offer's row.
    answered = offers[offers["offer_id"].astype(str).isin(list(kept))] if kept else offers.iloc[:0]
    known: dict[str, Mapping[Any, Any]] = {
        str(offer["offer_id"]): offer for offer in frame_records(answered)
    }
    for answer in ("still", "gone"):
        for offer_id in sorted(o for o, a in kept.items() if a.answer == answer):
            record = known.get(offer_id) or {**kept[offer_id].cells, "offer_id": offer_id}
            rows.append(_reconfirm_row(record, kept[offer_id], now, language))
    return Rewrite(trim_grid([header(RECONFIRM_COLUMNS, language), *rows]), RECONFIRM_COLUMNS)


def _reconfirm_row(
    offer: Mapping[Any, Any], answer: Answer | None, now: datetime, language: Language
) -> list[Value]:
    submitted = _when(offer.get("submitted_at"))
    days = age_days(submitted, now) if isinstance(submitted, datetime) else None
    cells: dict[str, Value] = {
        "offer_id": str(offer.get("offer_id", "")),
        "donor_name": _text(offer.get("donor_name")),
        "phone": dial_ready(_text(offer.get("phone")), language),
        "city": _text(offer.get("city")),
        "item": _text(offer.get("item")),
        "quantity": _number(offer.get("quantity")),
        "submitted_at": submitted,
        "days_waiting": "" if days is None else days,
        "answer": reconfirm_label(answer.answer, language) if answer else "",
        "checked_at": (answer.checked_at or now).date() if answer else "",
    }
    return [cells[key] for key in RECONFIRM_COLUMNS]


def call_today_rewrite(calls: pd.DataFrame, language: Language) -> Rewrite:
    """One block per person: their name and phone on a row, then a row per pair."""
    rows: list[list[Value]] = []
    # One conversion for the whole frame: a groupby with a to_dict per block cost
    # milliseconds a block, minutes at 100,000 rows. A stable sort keeps each
    # block's rows in their order, as the groupby did.
    records = sorted(frame_records(calls), key=lambda pair: pair["block"])
    for _, block in itertools.groupby(records, key=lambda pair: pair["block"]):
        pairs = list(block)
        first = pairs[0]
        role = role_label(str(first["role"]), language)
        person = f"{role}: {first['person']}" if _text(first["person"]) else role
        rows.append([person, dial_ready(_text(first["phone"]), language)])
        for pair in pairs:
            cells: dict[str, Value] = {
                "person": "",
                "phone": "",
                "urgency": urgency_label(str(pair["urgency"]), language) if pair["urgency"] else "",
                "days_waiting": _number(pair["days_waiting"]),
                "item": _text(pair["item"]),
                "quantity": _number(pair["quantity"]),
                "other": _text(pair["other"]),
                "other_phone": dial_ready(_text(pair["other_phone"]), language),
                "match_id": str(pair["match_id"]),
            }
            rows.append([cells[key] for key in CALL_COLUMNS])
    return Rewrite(trim_grid([header(CALL_COLUMNS, language), *rows]), CALL_COLUMNS)


def _when(value: Any) -> Value:
    if isinstance(value, str):
        return parse_moment(value) or value
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return as_moment(value) if isinstance(value, date) else ""


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _number(value: Any) -> Value:
    """A count as a number, also when it comes as the text a read showed ("6")."""
    if isinstance(value, str):
        number = parse_number(value)
        return value if number is None else int(number)
    if value is None or pd.isna(value):
        return ""
    return int(value)
