"""Bags and boxes counted by what they hold.

A donor counts the sacks ("сахар 2 мешка по 50 кг" is two bags), an NGO the
kilograms ("сахар 100 кг"). When the text says what the bags or boxes hold, the
offer is matched in that content, so that the two bags fill the need's 100 kg
instead of two of its kilograms. The Offers tab keeps the count as written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from matcher.fit import fit_rules
from matcher.model import Offer


def in_content_units(offers: Iterable[Offer]) -> list[Offer]:
    """Each offer as matching counts it: bags and boxes of a known content in that content."""
    return [_counted_by_content(offer) for offer in offers]


def _counted_by_content(offer: Offer) -> Offer:
    packed = fit_rules().unit_group.get(offer.unit) == "packed"  # bags and boxes
    if not packed or offer.content_quantity <= 0 or not offer.content_unit:
        return offer
    return dataclasses.replace(
        offer, quantity=offer.content_quantity, unit=offer.content_unit, kind_counts=""
    )
