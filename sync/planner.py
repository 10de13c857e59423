"""Compute the write plan for the coordination spreadsheet: pure, no I/O.

Matches: new proposals are appended; on existing rows only the contact details
the pipeline owns are refreshed, and only where they differ. Offers, Needs and
Problems are rewritten whole, and only when their content changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from matcher.labels import category_label, urgency_label
from matcher.model import Need, Offer, Problem, Proposal, Status
from matcher.params import Language
from matcher.reasons import alternatives_text, render_reason
from sync.coordination import MatchesSheet
from sync.labels import status_label, yes_no_label
from sync.layouts import (
    NEED_LAYOUT,
    OFFER_LAYOUT,
    PROBLEM_LAYOUT,
    REFRESHED_COLUMNS,
    TABS,
    View,
    matches_tab,
    new_tab,
)
from sync.plan import CellUpdate, Snapshot, SpreadsheetPlan, trim_grid


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


def build_plan(
    spreadsheet: str,
    current: Snapshot,
    data: PassData,
    language: Language,
    now: datetime,
) -> SpreadsheetPlan:
    offers = {offer.offer_id: offer for offer in data.offers}
    needs = {need.need_id: need for need in data.needs}
    fresh = [p for p in data.proposals if p.match_id not in data.matches.rows]
    appends = tuple(
        {
            **_contact_cells(offers[p.offer_id], needs[p.need_id], language),
            **_creation_cells(p, language, now),
        }
        for p in fresh
    )
    view = View(language, data.source_headers)
    desired = {
        OFFER_LAYOUT.title: OFFER_LAYOUT.grid(data.offers, view),
        NEED_LAYOUT.title: NEED_LAYOUT.grid(data.needs, view),
        PROBLEM_LAYOUT.title: PROBLEM_LAYOUT.grid(data.problems, view),
    }
    rewrites = {
        title: grid
        for title, grid in desired.items()
        if trim_grid(current.get(title) or []) != grid
    }
    return SpreadsheetPlan(
        spreadsheet=spreadsheet,
        new_tabs=tuple(new_tab(title, language) for title in TABS if current.get(title) is None),
        keyed_tab=matches_tab(language),
        appends=appends,
        updates=tuple(_refreshes(data, offers, needs, language)),
        rewrites=rewrites,
        basis=current.tabs,
    )


def _creation_cells(p: Proposal, language: Language, now: datetime) -> dict[str, str]:
    return {
        "match_id": p.match_id,
        "status": status_label(Status.PROPOSED, language),
        "category": category_label(p.category, language),
        "quantity": str(p.quantity),
        "reason": render_reason(p.facts, language),
        "alternatives": alternatives_text(p, language),
        "score": f"{p.score:.2f}",
        "offer_id": p.offer_id,
        "need_id": p.need_id,
        "created_at": now.strftime("%d.%m.%Y %H:%M"),
    }


def _contact_cells(offer: Offer, need: Need, language: Language) -> dict[str, str]:
    return {
        "donor_name": offer.donor_name,
        "donor_phone": offer.phone,
        "donor_city": offer.city,
        "offer_item": offer.item,
        "can_deliver": yes_no_label(offer.can_deliver, language),
        "organization": need.organization,
        "contact_name": need.contact_name,
        "ngo_phone": need.phone,
        "ngo_city": need.city,
        "need_item": need.item,
        "urgency": urgency_label(need.urgency, language),
    }


def _refreshes(
    data: PassData, offers: Mapping[str, Offer], needs: Mapping[str, Need], language: Language
) -> list[CellUpdate]:
    updates = []
    for existing, row in data.matches.on_sheet():
        offer, need = offers.get(existing.offer_id), needs.get(existing.need_id)
        if offer is None or need is None:
            continue  # the source row is gone; the coordinators' row stays as it is
        wanted = _contact_cells(offer, need, language)
        cells = row.cells
        updates += [
            CellUpdate(existing.match_id, key, wanted[key])
            for key in REFRESHED_COLUMNS
            if key in cells and cells[key] != wanted[key]
        ]
    return updates
