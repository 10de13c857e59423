"""The invariant every pass checks: nothing is promised twice.

For every offer line and every need, the quantity held by its live matches
(proposed, contacted, agreed, delivered) never exceeds its quantity, whatever
happened in any sheet. A source edit (a smaller quantity) or a coordinator's
edit (a declined pair set back to «Предложено» after its goods went elsewhere,
a changed quantity cell) can break it; the pass then proposes nothing new on
those records and lists each on Problems for a coordinator to resolve.

A live match whose other side is gone from its source still holds its
quantity on the side that remains: the engine reserves only matches with both
sides present, so that side goes to the engine with that quantity taken off.
Pure, no I/O.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from matcher.model import ExistingMatch, Need, Offer, Problem
from matcher.vocabulary_files import ProblemCode

_Record = TypeVar("_Record", Offer, Need)


@dataclass(frozen=True)
class Allocation:
    #: Live quantity held, by offer_id and by need_id.
    offer_live: Counter[str]
    need_live: Counter[str]
    #: What the engine may still match: over-allocated records left out, one-sided
    #: holds taken off the quantity.
    offers: list[Offer]
    needs: list[Need]
    problems: list[Problem]


def live_quantities(existing: Iterable[ExistingMatch]) -> tuple[Counter[str], Counter[str]]:
    offer_live: Counter[str] = Counter()
    need_live: Counter[str] = Counter()
    for match in existing:
        if match.status.is_live:
            offer_live[match.offer_id] += max(0, match.quantity)
            need_live[match.need_id] += max(0, match.quantity)
    return offer_live, need_live


def check_allocation(
    offers: Sequence[Offer], needs: Sequence[Need], existing: Sequence[ExistingMatch]
) -> Allocation:
    offer_live, need_live = live_quantities(existing)
    # What the engine will see: an over-allocated record is left out, so its pairs
    # hold their quantity on the other side as if it were gone.
    offer_ids = {o.offer_id for o in offers if offer_live[o.offer_id] <= o.quantity}
    need_ids = {n.need_id for n in needs if need_live[n.need_id] <= n.quantity}
    offer_alone: Counter[str] = Counter()  # held by matches whose need is gone
    need_alone: Counter[str] = Counter()
    for match in existing:
        if match.status.is_live and match.need_id not in need_ids:
            offer_alone[match.offer_id] += max(0, match.quantity)
        if match.status.is_live and match.offer_id not in offer_ids:
            need_alone[match.need_id] += max(0, match.quantity)
    problems: list[Problem] = []
    offer_ids_of = [o.offer_id for o in offers]
    need_ids_of = [n.need_id for n in needs]
    free_offers = _free("offers", offers, offer_ids_of, offer_live, offer_alone, problems)
    free_needs = _free("needs", needs, need_ids_of, need_live, need_alone, problems)
    return Allocation(offer_live, need_live, free_offers, free_needs, problems)


def _free(
    source: str,
    records: Sequence[_Record],
    ids: Sequence[str],
    live: Counter[str],
    alone: Counter[str],
    problems: list[Problem],
) -> list[_Record]:
    """The records the engine may still match, with one-sided holds taken off;
    an over-allocated one is left out and listed on `problems`."""
    out: list[_Record] = []
    for record, record_id in zip(records, ids, strict=True):
        if live[record_id] > record.quantity:
            problems.append(_over(source, record.source_row, record.quantity, live[record_id]))
        elif (left := record.quantity - alone[record_id]) > 0:
            same = left == record.quantity
            out.append(record if same else dataclasses.replace(record, quantity=left))
    return out


def _over(source: str, row: int, quantity: int, live: int) -> Problem:
    return Problem(
        source="offers" if source == "offers" else "needs",
        source_row=row,
        field="quantity",
        value=str(quantity),
        code=ProblemCode.OVER_ALLOCATED,
        params={"live": live},
    )
