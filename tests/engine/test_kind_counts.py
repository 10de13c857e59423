"""A line that names several kinds, each counted on its own, gives a need only what
it holds of the kind asked: "крупа 10 кг, тушенка 12 банок, смесь 3 уп" offers a
formula need three packs, not twenty-five of everything."""

from __future__ import annotations

from datetime import datetime

import pytest

from matcher.contents import in_content_units
from matcher.engine import propose
from matcher.fit import kind_cap
from matcher.model import Offer, SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import MatchParams

NOW = datetime(2014, 12, 20, 12, 0)


def offer_lines(details: str, categories: str) -> list[Offer]:
    row = SourceRow(
        2,
        {
            "submitted_at": "10.12.2014 10:00:00",
            "donor_name": "Донор",
            "phone": "+380501000000",
            "city": "Северодонецк",
            "categories": categories,
            "details": details,
            "can_deliver": "Да",
        },
    )
    return normalize_offers([row])[0]


def proposed(details: str, categories: str, item: str, quantity: str) -> int:
    need = SourceRow(
        2,
        {
            "submitted_at": "10.12.2014 10:00:00",
            "organization": "Фонд",
            "contact_name": "Ирина",
            "phone": "+380951234567",
            "city": "Северодонецк",
            "item": item,
            "quantity": quantity,
            "urgency": "",
        },
    )
    offers = in_content_units(offer_lines(details, categories))
    needs, _ = normalize_needs([need])
    return sum(p.quantity for p in propose(offers, needs, [], MatchParams(now=NOW)))


@pytest.mark.parametrize(
    ("details", "categories", "kind", "count"),
    [
        ("тушенка 12 банок, смесь Беллакт 3 уп", "Продукты (долгого хранения)", "formula", "3"),
        ("шкаф, стол, 2 стула, кровать односпальная", "Мебель", "beds/beds", "1"),
        ("кастрюли 2 шт, сковорода", "Посуда", "pans", "1"),
    ],
)
def test_each_kind_keeps_its_own_count(details, categories, kind, count):
    (line,) = offer_lines(details, categories)
    counts = dict(entry.split("=") for entry in line.kind_counts.split(";"))
    assert [v for k, v in counts.items() if k.endswith(kind)] == [count], line.kind_counts


def test_a_kind_named_without_a_count_leaves_it_unknown():
    (line,) = offer_lines(
        "крупа гречка 10 кг, макароны, тушенка 12 банок", "Продукты (долгого хранения)"
    )
    assert "grains/pasta=" in line.kind_counts.split(";"), line.kind_counts
    assert kind_cap(line.kind_counts, "grains/pasta") is None


def test_one_kind_or_a_shared_count_has_no_split():
    (plain,) = offer_lines("куртки зимние 5 шт", "Одежда")
    (shared,) = offer_lines("ложки, вилки по 6 шт", "Посуда")
    assert plain.kind_counts == "" and shared.kind_counts == ""


def test_a_formula_need_is_offered_only_the_formula():
    details = "крупа гречка 10кг, тушенка 12 банок, смесь Беллакт 2 (6-12 мес) 3 уп"
    item = "Смесь молочная для детей от 6 мес"
    assert proposed(details, "Продукты (долгого хранения)", item, "20 уп") == 3


def test_a_bed_need_is_offered_the_one_bed_among_the_furniture():
    details = "шкаф, стол, 2 стула, кровать односпальная деревянная"
    assert proposed(details, "Мебель", "Кровати односпальные", "6 шт") == 1


def test_a_generic_need_takes_the_whole_line():
    details = "крупа гречка 10кг, тушенка 12 банок"
    assert proposed(details, "Продукты (долгого хранения)", "продукты", "50") == 22
