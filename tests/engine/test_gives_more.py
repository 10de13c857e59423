"""A need that states no count gets, among offers that fit it alike, the one that
gives more; distance decides only between offers that give about as much."""

from __future__ import annotations

from dataclasses import replace

from matcher.arc_table import gives_more_rank
from matcher.engine import propose
from matcher.model import ANY_UNIT
from matcher.params import MatchParams
from tests.engine.builders import NOW, need, offer


def _countless(need_id: str, town: str = "Лисичанск"):  # type: ignore[no-untyped-def]
    return replace(need(need_id, town, quantity=1), unit=ANY_UNIT, quantity_estimated=True)


def test_a_need_with_no_count_gets_the_offer_that_gives_more_even_if_farther() -> None:
    near = offer("O-near", "Лисичанск", quantity=10)
    far = offer("O-far", "Северодонецк", quantity=72)
    proposals = propose([near, far], [_countless("N1")], [], MatchParams(now=NOW))
    assert [(p.offer_id, p.quantity) for p in proposals] == [("O-far", 1)]


def test_offers_that_give_about_as_much_go_by_distance() -> None:
    near = offer("O-near", "Лисичанск", quantity=17)
    far = offer("O-far", "Северодонецк", quantity=22)
    proposals = propose([near, far], [_countless("N1")], [], MatchParams(now=NOW))
    assert [p.offer_id for p in proposals] == ["O-near"]


def test_a_need_with_a_count_still_goes_by_distance() -> None:
    near = offer("O-near", "Лисичанск", quantity=10)
    far = offer("O-far", "Северодонецк", quantity=72)
    counted = need("N1", "Лисичанск", quantity=5)
    proposals = propose([near, far], [counted], [], MatchParams(now=NOW))
    assert [(p.offer_id, p.quantity) for p in proposals] == [("O-near", 5)]


def test_a_better_fit_still_wins_over_giving_more() -> None:
    fits = replace(offer("O-fits", quantity=3), kind="outerwear/jackets")
    unknown = offer("O-unknown", quantity=200)  # kind not stated: a partial fit
    jackets = replace(_countless("N1"), kind="outerwear/jackets")
    proposals = propose([fits, unknown], [jackets], [], MatchParams(now=NOW))
    assert [p.offer_id for p in proposals] == ["O-fits"]


def test_the_short_list_names_the_offer_that_gives_more_first() -> None:
    chosen = offer("O-chosen", "Лисичанск", quantity=300)
    small = offer("O-small", "Лисичанск", quantity=2)
    big = offer("O-big", "Северодонецк", quantity=90)
    (proposal,) = propose([chosen, small, big], [_countless("N1")], [], MatchParams(now=NOW))
    assert proposal.offer_id == "O-chosen"
    assert [a.offer_id for a in proposal.alternatives] == ["O-big", "O-small"]


def test_rank_falls_one_level_per_factor_of_root_two() -> None:
    assert [gives_more_rank(q) for q in (0, 1, 2, 3, 4, 15, 17, 22, 72, 256, 10_000)] == [
        15,
        15,
        13,
        12,
        11,
        8,
        7,
        7,
        3,
        0,
        0,
    ]


def test_the_capped_solve_also_gives_the_need_with_no_count_the_offer_that_gives_more() -> None:
    # One donor, one open proposal: the flow would give both needs the 72 (it has
    # units for both), so the cap binds and the pair-level program decides.
    big = replace(offer("O-big", "Северодонецк", quantity=72), phone="+380951111111")
    small = replace(offer("O-small", "Лисичанск", quantity=5), phone="+380951111111")
    other = replace(offer("O-other", "Лисичанск", quantity=2), phone="+380952222222")
    needs = [
        _countless("N1"),
        replace(_countless("N2"), organization="Крила"),
    ]
    params = MatchParams(now=NOW, max_open_per_donor=1)
    proposals = propose([big, small, other], needs, [], params)
    assert sorted(p.offer_id for p in proposals) == ["O-big", "O-other"]


def test_a_need_with_a_count_gets_the_offer_that_covers_it_alone() -> None:
    near = offer("O-near", "Лисичанск", quantity=2)
    far = offer("O-far", "Северодонецк", quantity=6)
    counted = need("N1", "Лисичанск", quantity=6)
    proposals = propose([near, far], [counted], [], MatchParams(now=NOW))
    assert [(p.offer_id, p.quantity) for p in proposals] == [("O-far", 6)]


def test_an_offer_that_gives_more_than_asked_gives_no_more_than_one_that_gives_enough() -> None:
    near = offer("O-near", "Лисичанск", quantity=6)
    far = offer("O-far", "Северодонецк", quantity=200)
    counted = need("N1", "Лисичанск", quantity=6)
    proposals = propose([near, far], [counted], [], MatchParams(now=NOW))
    assert [(p.offer_id, p.quantity) for p in proposals] == [("O-near", 6)]
