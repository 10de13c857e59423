"""A need that lists several kinds ("чай, сахар, печенье") is given more by an
offer of all of them than by one of a single kind: the coordinator proposes the
fuller one first, the amounts being alike."""

from __future__ import annotations

from datetime import datetime

from matcher.engine import propose
from matcher.fit import kinds_missed
from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import MatchParams

NOW = datetime(2014, 12, 20, 12, 0)
FOOD = "Продукты (долгого хранения)"


def _offer_row(row: int, details: str) -> SourceRow:
    return SourceRow(
        row,
        {
            "submitted_at": f"{row:02d}.12.2014 10:00:00",
            "donor_name": f"Донор {row}",
            "phone": f"+38050100000{row}",
            "city": "Лисичанск",
            "categories": FOOD,
            "details": details,
            "can_deliver": "Да",
        },
    )


def _first_choice(item: str, *details: str) -> str:
    """The details of the offer the engine proposes to the need (which states no
    count, so one offer takes it), the first offer being the oldest."""
    offers, _ = normalize_offers([_offer_row(k + 2, d) for k, d in enumerate(details)])
    need = SourceRow(
        2,
        {
            "submitted_at": "15.12.2014",
            "organization": "Пункт обогрева",
            "contact_name": "Ольга",
            "phone": "+380951234567",
            "city": "Лисичанск",
            "item": item,
            "quantity": "",
            "urgency": "",
        },
    )
    needs, _ = normalize_needs([need])
    (proposal,) = propose(offers, needs, [], MatchParams(now=NOW))
    (chosen,) = [o for o in offers if o.offer_id == proposal.offer_id]
    return chosen.item


def test_an_offer_of_every_kind_asked_comes_before_one_of_a_single_kind():
    chosen = _first_choice("чай черный, сахар", "сахар 20 кг", "чай 10 пачек, сахар 10 кг")
    assert "чай" in chosen, chosen


def test_amounts_still_decide_between_offers_of_the_same_kinds():
    chosen = _first_choice(
        "чай черный, сахар", "чай 2 пачки, сахар 2 кг", "чай 30 пачек, сахар 30 кг"
    )
    assert "30" in chosen, chosen


def test_kinds_missed_counts_only_kinds_of_a_list():
    soap, paste, shampoo = "personal_care/soap", "personal_care/toothpaste", "personal_care/shampoo"
    asked = "+".join(sorted((soap, paste, shampoo)))
    assert kinds_missed(asked, f"{paste}+{soap}") == 1
    assert kinds_missed(asked, f"{paste}+{shampoo}+{soap}") == 0
    assert kinds_missed(asked, "") == 0  # names none: the kind point judges it
    assert kinds_missed(soap, paste) == 0  # one kind asked: fits or not, no share
