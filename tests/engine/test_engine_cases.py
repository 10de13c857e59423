"""Table-driven cases of the engine's behaviour."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from matcher.engine import propose
from matcher.greedy import greedy_propose
from matcher.model import Status
from matcher.params import MatchParams
from matcher.reasons import render_reason
from tests.engine.builders import NOW, match, need, offer

P = MatchParams(now=NOW)


def pairs(proposals):
    return sorted((p.offer_id, p.need_id, p.quantity) for p in proposals)


CASES = [
    pytest.param(
        [offer("O1", quantity=3)],
        [need("N1", quantity=3)],
        [match("O1", "N1", 3, Status.DECLINED)],
        P,
        [],
        id="declined-pair-not-re-proposed",
    ),
    pytest.param(
        [offer("O1", quantity=3)],
        [need("N1", quantity=3)],
        [match("O1", "N1", 2, Status.CANCELLED)],
        P,
        [],
        id="cancelled-pair-not-re-proposed",
    ),
    pytest.param(
        [offer("O1", quantity=3)],
        [need("N1", quantity=2), need("N2", quantity=5)],
        [match("O1", "N1", 2, Status.CONTACTED)],
        P,
        [("O1", "N2", 1)],
        id="live-match-kept-and-reserved",
    ),
    pytest.param(
        [offer("O1", quantity=3)],
        [need("N1", quantity=3), need("N2", quantity=3)],
        [match("O1", "N1", 3, Status.DECLINED)],
        P,
        [("O1", "N2", 3)],
        id="capacity-released-after-decline",
    ),
    pytest.param(
        [offer("O1", quantity=3)],
        [need("N1", quantity=3)],
        [match("O1", "N1", 3, Status.DELIVERED)],
        P,
        [],
        id="delivered-pair-not-re-proposed",
    ),
    pytest.param(
        [offer("O1", quantity=2)],
        [need("N1", quantity=2)],
        [match("O-gone", "N1", 2, Status.AGREED)],
        P,
        [("O1", "N1", 2)],
        id="match-of-a-vanished-offer-reserves-nothing",
    ),
    pytest.param(
        [offer("O1")],
        [need("N-old", urgency="low", days_ago=60), need("N-new", urgency="high", days_ago=1)],
        [],
        P,
        [("O1", "N-new", 1)],
        id="urgency-beats-age",
    ),
    pytest.param(
        [offer("O1", "Лисичанск")],
        [need("N1", "Бахмут")],
        [],
        P,
        [],
        id="47-km-too-far-without-delivery",
    ),
    pytest.param(
        [offer("O1", "Лисичанск", can_deliver=True)],
        [need("N1", "Бахмут")],
        [],
        P,
        [("O1", "N1", 1)],
        id="47-km-fine-with-delivery",
    ),
    pytest.param(
        [offer("O1", "Лисичанск", can_deliver=None)],
        [need("N1", "Бахмут")],
        [],
        P,
        [],
        id="unknown-delivery-counts-as-no",
    ),
    pytest.param(
        [offer("O1", "Лисичанск", can_deliver=True)],
        [need("N1", "Бахмут")],
        [],
        MatchParams(now=NOW, delivery_distance_km=40),
        [],
        id="delivery-distance-limit",
    ),
    pytest.param(
        [offer("O1", "Новоайдар", located=False)],
        [need("N1", " новоайдар ", located=False)],
        [],
        P,
        [("O1", "N1", 1)],
        id="unknown-place-same-name-matches",
    ),
    pytest.param(
        [offer("O1", "Новоайдар", located=False)],
        [need("N1", "Щастя", located=False)],
        [],
        P,
        [],
        id="unknown-place-other-name-does-not",
    ),
    pytest.param(
        [offer("O1", "Лисичанск")],
        [need("N1", "Лисичанск", located=False)],
        [],
        P,
        [("O1", "N1", 1)],
        id="one-side-unlocated-matches-by-name",
    ),
    pytest.param(
        [offer("O1", "Бахмут")],
        [need("N1", "Лисичанск", located=False)],
        [],
        P,
        [],
        id="one-side-unlocated-other-name-does-not",
    ),
    pytest.param(
        [offer("O1", category="shoes")],
        [need("N1", category="clothing")],
        [],
        P,
        [],
        id="other-category-never",
    ),
    pytest.param(
        [offer("O1", category="other")],
        [need("N1", category="other")],
        [],
        P,
        [],
        id="category-other-left-to-coordinators",
    ),
    pytest.param(
        [replace(offer("O1", category="other", quantity=2), kind="fuel/coal")],
        [replace(need("N1", category="other", quantity=2), kind="fuel/coal")],
        [],
        P,
        [("O1", "N1", 2)],
        id="other-coal-to-a-coal-need",
    ),
    pytest.param(
        [
            replace(offer("O1", category="other"), kind="fuel/firewood"),
            replace(offer("O2", category="other"), kind="household/school"),
            replace(offer("O3", category="other"), kind="pets"),
            replace(offer("O4", category="other"), kind="fuel/charcoal"),
        ],
        [
            replace(need("N1", category="other"), kind="fuel/coal"),
            replace(need("N2", category="other"), kind="household/school_bags"),
            replace(need("N3", category="other"), kind="pets/pet_food"),
        ],
        [],
        P,
        [],
        id="other-another-thing-is-no-match",
    ),
    pytest.param(
        [replace(offer("O1", category="other"), kind="services")],
        [replace(need("N1", category="other"), kind="services")],
        [],
        P,
        [],
        id="other-money-and-work-left-to-coordinators",
    ),
    pytest.param(
        [offer("O1", quantity=5, phone="+380951111111")],
        [need(f"N{k}", quantity=1) for k in range(4)],
        [],
        MatchParams(now=NOW, max_open_per_donor=2),
        [("O1", "N0", 1), ("O1", "N1", 1)],
        id="donor-cap",
    ),
    pytest.param(
        [offer("O1", quantity=5, phone="+380951111111")],
        [need(f"N{k}", quantity=1) for k in range(4)],
        [match("O1", "N0", 1, Status.PROPOSED), match("O1", "N1", 1, Status.DELIVERED)],
        MatchParams(now=NOW, max_open_per_donor=2),
        [("O1", "N2", 1)],
        id="donor-cap-counts-existing-open-only",
    ),
    pytest.param(
        [offer(f"O{k}", phone=f"+38095111111{k}") for k in range(4)],
        [need("N1", quantity=4, organization="Фонд"), need("N2", organization=" фонд ")],
        [],
        MatchParams(now=NOW, max_open_per_ngo=3),
        [("O0", "N1", 1), ("O1", "N1", 1), ("O2", "N1", 1)],
        id="ngo-cap-by-casefolded-name",
    ),
    pytest.param(
        [offer("O1", "Лисичанск")],
        [need("N-far", "Рубежное", days_ago=30), need("N-near", "Северодонецк", days_ago=1)],
        [],
        P,
        [("O1", "N-near", 1)],
        id="tie-break-shorter-distance",
    ),
    pytest.param(
        [offer("O1", quantity=1)],
        [need("N-new", days_ago=3), need("N-old", days_ago=30)],
        [],
        P,
        [("O1", "N-old", 1)],
        id="tie-break-older-need",
    ),
    pytest.param(
        [offer("O-old", days_ago=30), offer("O-new", days_ago=3)],
        [need("N-new", days_ago=3), need("N-old", days_ago=30)],
        [],
        P,
        [("O-new", "N-new", 1), ("O-old", "N-old", 1)],
        id="full-tie-pairs-oldest-with-oldest",
    ),
    pytest.param(
        [offer("O-a", quantity=1, days_ago=3), offer("O-b", quantity=1, days_ago=30)],
        [need("N-old", days_ago=30)],
        [],
        P,
        [("O-b", "N-old", 1)],
        id="tie-break-older-offer-named-later",
    ),
    pytest.param(
        [offer("O-new", days_ago=3), offer("O-old", days_ago=30)],
        [need("N1")],
        [],
        P,
        [("O-old", "N1", 1)],
        id="tie-break-older-offer",
    ),
    pytest.param(
        [offer("O-old", "Лисичанск", days_ago=30), offer("O-near", "Северодонецк", days_ago=1)],
        [need("N1", "Северодонецк")],
        [],
        P,
        [("O-near", "N1", 1)],
        id="shorter-distance-before-older-offer",
    ),
    pytest.param(
        [offer("O1", quantity=1)],
        [need("N-near-new", "Лисичанск", days_ago=1), need("N-far-old", "Рубежное", days_ago=90)],
        [],
        P,
        [("O1", "N-near-new", 1)],
        id="shorter-distance-before-older-need",
    ),
    pytest.param(
        [offer("O-x", "Краматорск", quantity=2), offer("O-y", "Константиновка", quantity=2)],
        [need("N-a", "Краматорск", quantity=2), need("N-b", "Славянск", quantity=2)],
        [],
        P,
        [("O-x", "N-b", 2), ("O-y", "N-a", 2)],
        id="optimal-where-greedy-is-not",
    ),
]


@pytest.mark.parametrize(("offers", "needs", "existing", "params", "expected"), CASES)
def test_engine_cases(offers, needs, existing, params, expected):
    assert pairs(propose(offers, needs, existing, params)) == sorted(expected)


def test_order_of_rows_does_not_matter():
    offers = [
        offer(f"O{k}", town, quantity=k % 4 + 1)
        for k, town in enumerate(
            ["Лисичанск", "Северодонецк", "Рубежное", "Кременная", "Попасная"] * 3
        )
    ]
    needs = [
        need(f"N{k}", town, quantity=k % 3 + 2, urgency=u)
        for k, (town, u) in enumerate(
            [("Северодонецк", "high"), ("Лисичанск", "low"), ("Рубежное", "normal")] * 3
        )
    ]
    expected = propose(offers, needs, [], P)
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(offers)
        rng.shuffle(needs)
        assert propose(offers, needs, [], P) == expected


def test_repeated_pass_is_stable():
    offers = [offer("O1", quantity=4), offer("O2", "Рубежное", quantity=2)]
    needs = [need("N1", quantity=3, urgency="high"), need("N2", quantity=5)]
    first = propose(offers, needs, [], P)
    existing = [match(p.offer_id, p.need_id, p.quantity, Status.PROPOSED) for p in first]
    assert propose(offers, needs, existing, P) == []


def test_lines_in_other_units_each_carry_one_unit_in_the_first_pass():
    """Two alike offers counted in pieces, two alike needs in kilograms: each pair
    of lines carries one unit, all four in one pass, so the next has nothing."""
    offers = [replace(offer(f"O{k}", quantity=3), unit="pieces") for k in (1, 2)]
    needs = [replace(need(f"N{k}", quantity=5), unit="kg") for k in (1, 2)]
    first = propose(offers, needs, [], P)
    assert sorted((p.offer_id, p.need_id, p.quantity) for p in first) == [
        ("O1", "N1", 1), ("O1", "N2", 1), ("O2", "N1", 1), ("O2", "N2", 1)
    ]  # fmt: skip
    existing = [match(p.offer_id, p.need_id, p.quantity, Status.PROPOSED) for p in first]
    assert propose(offers, needs, existing, P) == []


def test_score_is_weighted_quantity():
    [p] = propose([offer("O1", quantity=4)], [need("N1", quantity=3, urgency="high")], [], P)
    assert p.score == 9.0
    assert p.match_id.startswith("M-")


REASONS = [
    pytest.param(
        "ru",
        dict(days_ago=12),
        "Одежда · Лисичанск → Северодонецк, 6 км · срочно · заявка ждёт 12 дней",
        id="ru",
    ),
    pytest.param(
        "uk",
        dict(days_ago=12),
        "Одяг · Лисичанск → Северодонецк, 6 км · терміново · заявка чекає 12 днів",
        id="uk",
    ),
    pytest.param(
        "en",
        dict(days_ago=12),
        "Clothing · Лисичанск → Северодонецк, 6 km · urgent · need waiting 12 days",
        id="en",
    ),
    pytest.param("ru", dict(days_ago=1), "заявка ждёт 1 день", id="ru-1-день"),
    pytest.param("ru", dict(days_ago=2), "заявка ждёт 2 дня", id="ru-2-дня"),
    pytest.param("ru", dict(days_ago=5), "заявка ждёт 5 дней", id="ru-5-дней"),
    pytest.param("ru", dict(days_ago=11), "заявка ждёт 11 дней", id="ru-11-дней"),
    pytest.param("ru", dict(days_ago=21), "заявка ждёт 21 день", id="ru-21-день"),
    pytest.param("ru", dict(days_ago=23), "заявка ждёт 23 дня", id="ru-23-дня"),
    pytest.param("uk", dict(days_ago=1), "заявка чекає 1 день", id="uk-1-день"),
    pytest.param("uk", dict(days_ago=3), "заявка чекає 3 дні", id="uk-3-дні"),
    pytest.param("uk", dict(days_ago=14), "заявка чекає 14 днів", id="uk-14-днів"),
    pytest.param("en", dict(days_ago=1), "need waiting 1 day", id="en-1-day"),
    pytest.param("ru", dict(days_ago=0.2), "заявка с сегодня", id="ru-today"),
    pytest.param("ru", dict(days_ago=None), "срочно", id="ru-no-date"),
]


@pytest.mark.parametrize(("language", "need_kwargs", "fragment"), REASONS)
def test_reason_text(language, need_kwargs, fragment):
    params = MatchParams(now=NOW, language=language)
    [p] = propose([offer("O1")], [need("N1", urgency="high", **need_kwargs)], [], params)
    assert fragment in render_reason(p.facts, language)


REASON_PLACES = [
    pytest.param(
        "ru",
        offer("O1", "Лисичанск", can_deliver=True),
        need("N1", "Бахмут"),
        "Одежда · Лисичанск → Бахмут, 47 км с доставкой · обычно",
        id="ru-delivery",
    ),
    pytest.param(
        "uk",
        offer("O1", "Лисичанск", can_deliver=True),
        need("N1", "Бахмут"),
        "Одяг · Лисичанск → Бахмут, 47 км з доставкою · звичайно",
        id="uk-delivery",
    ),
    pytest.param(
        "ru",
        offer("O1", "Новоайдар", located=False),
        need("N1", "Новоайдар", located=False),
        "Одежда · Новоайдар · тот же город · обычно",
        id="ru-same-town",
    ),
    pytest.param(
        "en",
        offer("O1", "Новоайдар", located=False),
        need("N1", "Новоайдар", located=False),
        "Clothing · Новоайдар · same town · normal",
        id="en-same-town",
    ),
    pytest.param(
        "ru",
        offer("O1", "Северодонецк"),
        need("N1", "Северодонецк"),
        "Одежда · Северодонецк → Северодонецк, <1 км",
        id="ru-same-point",
    ),
]


@pytest.mark.parametrize(("language", "the_offer", "the_need", "prefix"), REASON_PLACES)
def test_reason_places(language, the_offer, the_need, prefix):
    params = MatchParams(now=NOW, language=language)
    [p] = propose([the_offer], [the_need], [], params)
    assert render_reason(p.facts, language).startswith(prefix)


def test_age_falls_back_to_newest_date_in_input():
    params = MatchParams(now=None)
    [p] = propose([offer("O1", days_ago=2)], [need("N1", days_ago=7)], [], params)
    assert render_reason(p.facts, "ru").endswith("заявка ждёт 5 дней")


def test_greedy_baseline_loses_where_engine_does_not():
    offers = [offer("O-x", "Краматорск"), offer("O-y", "Константиновка")]
    needs = [
        need("N-a", "Краматорск", urgency="high", days_ago=30),
        need("N-b", "Славянск", urgency="high", days_ago=1),
    ]
    assert pairs(greedy_propose(offers, needs, [], P)) == [("O-x", "N-a", 1)]
    assert pairs(propose(offers, needs, [], P)) == [("O-x", "N-b", 1), ("O-y", "N-a", 1)]
