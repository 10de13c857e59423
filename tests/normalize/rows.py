"""One form response or one need row read as the pass reads it, with the cells a
test does not care about filled in."""

from __future__ import annotations

from typing import Any

from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers

_FORM = {
    "submitted_at": "10.12.2014 14:03:27",
    "donor_name": "Оля",
    "phone": "095 167 90 26",
    "city": "Северодонецк",
    "categories": "",
    "details": "",
    "can_deliver": "Да",
}
_NEED = {
    "submitted_at": "05.12.2014",
    "organization": "Фонд",
    "contact_name": "Ирина",
    "phone": "050 472 15 83",
    "city": "Северодонецк",
    "item": "",
    "quantity": "",
    "urgency": "",
}


def offers_of(details: str, boxes: str = "", **cells: str) -> tuple[list[Any], list[Any]]:
    row = {**_FORM, "categories": boxes, "details": details, **cells}
    return normalize_offers([SourceRow(2, row)])


def counts_of(details: str, boxes: str = "") -> dict[str, int | None]:
    """Each category an answer is read under, with its count."""
    offers, _ = offers_of(details, boxes)
    return {o.category: o.quantity for o in offers}


def categories_of(details: str, boxes: str = "") -> set[str]:
    offers, _ = offers_of(details, boxes)
    return {o.category for o in offers}


def needs_of(
    item: str, quantity: str = "", urgency: str = "", **cells: str
) -> tuple[list[Any], list[Any]]:
    row = {**_NEED, "item": item, "quantity": quantity, "urgency": urgency, **cells}
    return normalize_needs([SourceRow(2, row)])


def need_counts(item: str, quantity: str = "") -> dict[str, int]:
    """Each category a need row is read under, with its count summed."""
    needs, _ = needs_of(item, quantity)
    counts: dict[str, int] = {}
    for need in needs:
        counts[need.category] = counts.get(need.category, 0) + (need.quantity or 0)
    return counts
