"""Compute the write plan for the coordination spreadsheet: pure, no I/O.

Matches: new proposals are appended; on existing rows only the contact details
the pipeline owns, and the days a need has waited, are refreshed, and only where
they differ. Offers, Needs and Problems are rewritten whole, and only when their
content changed; columns coordinators added to Offers and Needs are kept, by
record (sync/own_columns.py). Furniture a tab lost is put back (sync/furniture.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from matcher.instance import age_days
from matcher.labels import category_label, urgency_label
from matcher.model import Need, Offer, Problem, Proposal, Status
from matcher.params import Language
from matcher.reasons import alternatives_text, render_reason
from reports.dashboard import dashboard
from reports.sheet import dashboard_cells
from reports.summaries import call_list, needs_coverage
from sync.cells import Value, same_value
from sync.coordination import MatchesSheet
from sync.display import dial_ready
from sync.frame_rows import frame_records
from sync.furniture import restores
from sync.labels import status_label, yes_no_label
from sync.layouts import (
    CALL_TODAY,
    DASHBOARD,
    MATCHES,
    MEMORY,
    NEED_LAYOUT,
    NEEDS,
    OFFER_LAYOUT,
    OFFERS,
    PROBLEM_LAYOUT,
    PROBLEMS,
    RECONFIRM,
    REFRESHED_COLUMNS,
    TABS,
    Coverage,
    View,
)
from sync.memory import Memory, Pair, batch_of, memory_rewrite, with_pairs
from sync.own_columns import keep_own_columns
from sync.plan import CellUpdate, Rewrite, Snapshot, SpreadsheetPlan, same_grid
from sync.report_frames import Frames, pass_frames
from sync.tabs import matches_tab, new_tab, tab_styles
from sync.worklists import Answer, call_today_rewrite, reconfirm_rewrite, retired_offers


@dataclass(frozen=True)
class PassData:
    """Everything a pass knows once it has read, normalized and matched."""

    offers: Sequence[Offer]
    needs: Sequence[Need]
    problems: Sequence[Problem]
    matches: MatchesSheet
    proposals: Sequence[Proposal]
    #: Canonical field -> the header it has in its source sheet, per source.
    source_headers: Mapping[str, Mapping[str, str]]
    #: What coordinators answered on the Re-confirm tab, by offer_id.
    answers: Mapping[str, Answer] = field(default_factory=dict)
    #: The memory of pairs and source rows, as it stands before this pass's appends.
    memory: Memory | None = None


def build_plan(
    spreadsheet: str,
    current: Snapshot,
    data: PassData,
    language: Language,
    now: datetime,
    reconfirm_after_days: int = 30,
    updates: Sequence[CellUpdate] | None = None,
) -> SpreadsheetPlan:
    """The plan; `updates` are `refreshes(data, …)` when the caller has them already."""
    offers = {offer.offer_id: offer for offer in data.offers}
    needs = {need.need_id: need for need in data.needs}
    fresh = [p for p in data.proposals if p.match_id not in data.matches.rows]
    appends = tuple(
        {
            **_contact_cells(offers[p.offer_id], needs[p.need_id], language),
            **_creation_cells(p, needs[p.need_id], language, now),
        }
        for p in fresh
    )
    if updates is None:
        updates = _refreshes(data, offers, needs, language, now)
    view = View(language, data.source_headers)
    problems = PROBLEM_LAYOUT.grid(data.problems, view)
    # A retired offer waits for nothing: it is left out of the summaries and lists.
    retired = retired_offers(data.answers)
    available = [offer for offer in data.offers if offer.offer_id not in retired]
    frames = pass_frames(available, data.needs, problems, data.matches, appends, updates)
    view = View(language, data.source_headers, _coverage(frames))
    offers_tab = Rewrite(OFFER_LAYOUT.grid(data.offers, view), OFFER_LAYOUT.keys)
    needs_tab = Rewrite(NEED_LAYOUT.grid(data.needs, view), NEED_LAYOUT.keys)
    board = dashboard(frames.offers, frames.needs, frames.matches, frames.problems, now, language)
    desired = {
        CALL_TODAY: call_today_rewrite(call_list(frames.matches), language),
        RECONFIRM: reconfirm_rewrite(
            data.answers, frames.offers, frames.matches, now, reconfirm_after_days, language
        ),
        OFFERS: keep_own_columns(current.get(OFFERS), offers_tab, "offer_id"),
        NEEDS: keep_own_columns(current.get(NEEDS), needs_tab, "need_id"),
        PROBLEMS: Rewrite(problems, PROBLEM_LAYOUT.keys),
        DASHBOARD: Rewrite(dashboard_cells(board, language)),
    }
    desired[RECONFIRM] = keep_own_columns(current.get(RECONFIRM), desired[RECONFIRM], "offer_id")
    if data.memory is not None:
        batch = batch_of(p.match_id for p in fresh)
        written = ((p.match_id, Pair(p.offer_id, p.need_id, batch=batch)) for p in fresh)
        desired[MEMORY] = memory_rewrite(with_pairs(data.memory, written, {}), language)
    rewrites = {
        key: rewrite
        for key, rewrite in desired.items()
        if not same_grid(current.get(key), rewrite.cells)
    }
    styles = tab_styles(language)
    matches = current.tabs.get(MATCHES)
    return SpreadsheetPlan(
        spreadsheet=spreadsheet,
        new_tabs=tuple(new_tab(key, language) for key in TABS if current.get(key) is None),
        keyed_tab=matches_tab(language, matches.title if matches else None),
        appends=appends,
        updates=tuple(updates),
        rewrites=rewrites,
        restores=restores(current, styles),
        styles=styles,
        basis=current.tabs,
        leases=data.memory.leases if data.memory is not None else (),
    )


def _creation_cells(p: Proposal, need: Need, language: Language, now: datetime) -> dict[str, Value]:
    return {
        "match_id": p.match_id,
        "status": status_label(Status.PROPOSED, language),
        "days_waiting": _days_waiting(need, now),
        "category": category_label(p.category, language),
        "quantity": p.quantity,
        "reason": _reason(p, language),
        "alternatives": alternatives_text(p, language),
        "score": round(p.score, 2),
        "offer_id": p.offer_id,
        "need_id": p.need_id,
        "created_at": _minute(now),
    }


def _minute(now: datetime) -> datetime:
    """A time as the sheet shows it: to the minute."""
    return now.replace(second=0, microsecond=0)


def _reason(p: Proposal, language: Language) -> str:
    """Why, without how long the need has waited: that goes stale, and has its own column."""
    return render_reason(p.facts, language, waiting=False)


def _days_waiting(need: Need, now: datetime) -> Value:
    days = age_days(need.submitted_at, now)
    return "" if days is None else days


def _contact_cells(offer: Offer, need: Need, language: Language) -> dict[str, Value]:
    return {
        "donor_name": offer.donor_name,
        "donor_phone": dial_ready(offer.phone, language),
        "donor_city": offer.city,
        "offer_item": offer.item,
        "can_deliver": yes_no_label(offer.can_deliver, language),
        "organization": need.organization,
        "contact_name": need.contact_name,
        "ngo_phone": dial_ready(need.phone, language),
        "ngo_city": need.city,
        "need_item": need.item,
        "urgency": urgency_label(need.urgency, language),
    }


def _coverage(frames: Frames) -> dict[str, Coverage]:
    table = needs_coverage(frames.needs, frames.matches)
    return {
        str(row["need_id"]): Coverage(
            int(row["proposed"]), int(row["agreed"]), int(row["delivered"]), int(row["missing"])
        )
        for row in frame_records(table)
    }


def refreshes(data: PassData, language: Language, now: datetime) -> list[CellUpdate]:
    """The cells of existing Matches rows the plan writes: contacts that changed in a
    source, the days a need has waited, the day a pair was first seen delivered."""
    offers = {offer.offer_id: offer for offer in data.offers}
    needs = {need.need_id: need for need in data.needs}
    return _refreshes(data, offers, needs, language, now)


def _refreshes(
    data: PassData,
    offers: Mapping[str, Offer],
    needs: Mapping[str, Need],
    language: Language,
    now: datetime,
) -> list[CellUpdate]:
    updates = []
    for existing, row in data.matches.on_sheet():
        if existing.status is Status.DELIVERED and not row.cells.get("delivered_at", "x").strip():
            # The first pass that sees it delivered says when (to the pass).
            updates.append(CellUpdate(existing.match_id, "delivered_at", _minute(now)))
        offer, need = offers.get(existing.offer_id), needs.get(existing.need_id)
        if offer is None or need is None:
            continue  # the source row is gone; the coordinators' row stays as it is
        wanted = _contact_cells(offer, need, language)
        refreshed: tuple[str, ...] = REFRESHED_COLUMNS
        if existing.status.is_live and existing.status is not Status.DELIVERED:
            # Still waiting: the count goes on. Once settled, it stays as it was.
            wanted["days_waiting"] = _days_waiting(need, now)
            refreshed += ("days_waiting",)
        cells = row.cells
        updates += [
            CellUpdate(existing.match_id, key, wanted[key])
            for key in refreshed
            if key in cells and not same_value(cells[key], wanted[key])
        ]
    return updates
