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
from matcher.messages import render_problem
from matcher.model import Need, Offer, Problem, Proposal, Status
from matcher.params import Language
from sync.coordination import (
    NEEDS,
    OFFERS,
    PROBLEMS,
    REFRESHED_COLUMNS,
    TAB_COLUMNS,
    TABS,
    MatchesSheet,
    header,
    matches_tab,
    new_tab,
)
from sync.labels import severity_label, source_label, status_label, yes_no_label
from sync.plan import CellUpdate, Grid, Snapshot, SpreadsheetPlan, trim_grid


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
    desired = {
        OFFERS: offers_grid(data.offers, language),
        NEEDS: needs_grid(data.needs, language),
        PROBLEMS: problems_grid(data.problems, data.source_headers, language),
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
        "reason": p.reason,
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


def _when(value: datetime | None) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


def offers_grid(offers: Sequence[Offer], language: Language) -> Grid:
    rows = [
        [
            o.offer_id,
            str(o.source_row),
            _when(o.submitted_at),
            o.donor_name,
            o.phone,
            o.city,
            category_label(o.category, language),
            o.item,
            str(o.quantity),
            yes_no_label(o.quantity_estimated or None, language),
            yes_no_label(o.can_deliver, language),
        ]
        for o in sorted(offers, key=lambda o: (o.source_row, o.category, o.offer_id))
    ]
    return trim_grid([header(TAB_COLUMNS[OFFERS], language), *rows])


def needs_grid(needs: Sequence[Need], language: Language) -> Grid:
    rows = [
        [
            n.need_id,
            str(n.source_row),
            _when(n.submitted_at),
            n.organization,
            n.contact_name,
            n.phone,
            n.city,
            category_label(n.category, language),
            n.item,
            str(n.quantity),
            yes_no_label(n.quantity_estimated or None, language),
            urgency_label(n.urgency, language),
        ]
        for n in sorted(needs, key=lambda n: (n.source_row, n.category, n.need_id))
    ]
    return trim_grid([header(TAB_COLUMNS[NEEDS], language), *rows])


#: Long values are cut on the Problems tab; the full text stays in its source.
PROBLEM_VALUE_CHARS = 500


def problems_grid(
    problems: Sequence[Problem], source_headers: Mapping[str, Mapping[str, str]], language: Language
) -> Grid:
    order = {"offers": 0, "needs": 1, "matches": 2}
    rows = [
        [
            source_label(p.source, language),
            str(p.source_row) if p.source_row else "",
            source_headers.get(p.source, {}).get(p.field, p.field),
            _shorten(p.value),
            render_problem(p, language),
            severity_label(p.severity, language),
        ]
        for p in sorted(problems, key=lambda p: (order[p.source], p.source_row, p.field, p.code))
    ]
    return trim_grid([header(TAB_COLUMNS[PROBLEMS], language), *rows])


def _shorten(value: str) -> str:
    return value if len(value) <= PROBLEM_VALUE_CHARS else value[: PROBLEM_VALUE_CHARS - 1] + "…"
