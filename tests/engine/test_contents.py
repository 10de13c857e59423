"""Bags and boxes that say what they hold are matched in what they hold: two
sacks of 50 kg fill 100 kg of a need counted in kg, not two of its kilograms."""

from __future__ import annotations

import pytest

from matcher.contents import in_content_units
from matcher.engine import Proposal, propose
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import MatchParams
from tests.engine.pairs import NOW, form_row, need_row


def _offer(details: str, checkbox: str = "Продукты (долгого хранения)") -> list:
    row = form_row(0, {"city": "Лисичанск", "categories": checkbox, "details": details})
    offers, _ = normalize_offers([row])
    return offers


@pytest.mark.parametrize(
    ("details", "written", "content"),
    [
        ("пшено мешок 25 кг", (1, "bags"), (25, "kg")),
        ("сахар 2 мешка по 50 кг", (2, "bags"), (100, "kg")),
        ("гречка мешок (25 кг)", (1, "bags"), (25, "kg")),
        ("порошок 12кг мешок", (1, "bags"), (12, "kg")),
        ("тушенка говяжья 2 ящика по 24 банки", (2, "boxes"), (48, "jars")),
        # the weight of two bags in a bracket may be each or both: not said
        ("мука 2 мешка (50 кг)", (2, "bags"), (0, "")),
        # something else counted beside the bags: the content is not all of it
        ("гречка 2 мешка по 50 кг, рис 5 кг", (7, "bags"), (0, "")),
    ],
)
def test_what_bags_and_boxes_hold(
    details: str, written: tuple[int, str], content: tuple[int, str]
) -> None:
    [offer] = _offer(details, "" if "порошок" in details else "Продукты (долгого хранения)")
    assert (offer.quantity, offer.unit) == written  # as the donor counts, on the Offers tab
    assert (offer.content_quantity, offer.content_unit) == content


def _proposed(details: str, item: str, quantity: str) -> Proposal:
    needs, _ = normalize_needs(
        [need_row({"city": "Лисичанск", "item": item, "quantity": quantity, "urgency": ""})]
    )
    [proposal] = propose(in_content_units(_offer(details)), needs, [], MatchParams(now=NOW))
    return proposal


def test_two_sacks_fill_a_need_in_kg_with_what_they_hold() -> None:
    proposal = _proposed("сахар 2 мешка по 50 кг", "сахар", "100 кг")
    assert proposal.quantity == 100
    assert proposal.fit_level == 0  # kilograms against kilograms: no unit mismatch


def test_boxes_of_tins_fill_a_need_counted_in_tins() -> None:
    assert _proposed("тушенка говяжья 2 ящика по 24 банки", "тушенка", "200 банок").quantity == 48


def test_bags_with_no_content_stay_bags() -> None:
    [offer] = _offer("картошка 3 мешка")
    [matched] = in_content_units([offer])
    assert (matched.quantity, matched.unit) == (3, "bags")
