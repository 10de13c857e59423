"""One matching problem, prepared: inputs sorted by id, quantities still free,
age ranks, pairs that may never be proposed again and the caps left.

Everything downstream (blocking, the flow, the capped solve, the greedy
baseline) works on integer indices into `Instance.offers` / `Instance.needs`,
which are sorted by id, so the input's row order cannot change the result.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar

from matcher.model import ExistingMatch, Need, Offer, Status
from matcher.params import MatchParams

T = TypeVar("T", Offer, Need)

#: Items filed under "other" are matched only thing to thing: coal to a coal need,
#: a laptop to a laptop need. "Другое" with no thing named, money, work and help by
#: hand (`services`) a coordinator reads and matches by hand.
UNMATCHED_CATEGORIES: frozenset[str] = frozenset({"other"})
_HAND_MATCHED_KINDS = frozenset({"services"})
#: Kinds that name only what a line is about: "могу взять кота" offers no pet food.
_TOO_BROAD_KINDS = frozenset({"pets"})


def matched_by_hand(item: Offer | Need) -> bool:
    """True for a line no pair is proposed for: "other" naming no thing, or a service."""
    if item.category not in UNMATCHED_CATEGORIES:
        return False
    kinds = [k for k in item.kind.split("+") if k]
    return not kinds or any(
        k.split("/")[0] in _HAND_MATCHED_KINDS or k in _TOO_BROAD_KINDS for k in kinds
    )


def place_key(city: str) -> str:
    """The key under which two places without coordinates count as the same place."""
    return " ".join(unicodedata.normalize("NFKC", city).casefold().split())


def donor_key(offer: Offer) -> str:
    """The donor behind an offer line, as the normalizer knew it; else the phone;
    else the line itself (each unknown donor counts alone)."""
    return offer.donor_key or offer.phone or "id:" + offer.offer_id


def ngo_key(need: Need) -> str:
    return place_key(need.organization)


def time_key(moment: datetime | None) -> float:
    """A sortable number for a timestamp (naive means UTC); unknown sorts last."""
    if moment is None:
        return float("inf")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def age_days(since: datetime | None, now: datetime | None) -> int | None:
    """Calendar days from `since` to `now` (naive means UTC), never below 0: an age
    changes at midnight only, so every pass of a day shows the same one."""
    if since is None or now is None:
        return None
    return max(0, (_day(now) - _day(since)).days)


def _day(moment: datetime) -> date:
    return (moment.astimezone(UTC) if moment.tzinfo is not None else moment).date()


def _ranks(keys: Sequence[tuple[float, int, str]]) -> list[int]:
    """Position of each item when sorted oldest first (ties by id): 0 = oldest."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ranks = [0] * len(keys)
    for position, index in enumerate(order):
        ranks[index] = position
    return ranks


def _unique_by_id(items: Sequence[T], ident: str) -> list[T]:
    """Sorted by id; a repeated id keeps its first row in (id, source_row) order."""
    ordered = sorted(items, key=lambda it: (getattr(it, ident), getattr(it, "source_row", 0)))
    out: list[T] = []
    for item in ordered:
        if not out or getattr(out[-1], ident) != getattr(item, ident):
            out.append(item)
    return out


@dataclass(slots=True)
class Instance:
    params: MatchParams
    offers: list[Offer]
    needs: list[Need]
    offer_free: list[int]
    need_free: list[int]
    need_weight: list[int]
    offer_rank: list[int]
    need_rank: list[int]
    offer_radius_km: list[float]
    offer_donor: list[str]
    need_ngo: list[str]
    #: (offer index, need index) pairs that already have a match of any status.
    excluded: set[tuple[int, int]]
    #: Open proposals each donor / NGO may still receive (None: no cap).
    donor_left: dict[str, int] | None
    ngo_left: dict[str, int] | None
    now: datetime | None

    def offer_matchable(self, i: int) -> bool:
        return self.offer_free[i] > 0 and not matched_by_hand(self.offers[i])

    def need_matchable(self, j: int) -> bool:
        return (
            self.need_free[j] > 0 and self.need_weight[j] > 0 and not matched_by_hand(self.needs[j])
        )


def prepare(
    offers: Sequence[Offer],
    needs: Sequence[Need],
    existing: Sequence[ExistingMatch],
    params: MatchParams,
) -> Instance:
    offer_list = _unique_by_id(offers, "offer_id")
    need_list = _unique_by_id(needs, "need_id")
    offer_at = {o.offer_id: i for i, o in enumerate(offer_list)}
    need_at = {n.need_id: j for j, n in enumerate(need_list)}
    offer_used = [0] * len(offer_list)
    need_used = [0] * len(need_list)
    excluded: set[tuple[int, int]] = set()
    donors = [donor_key(o) for o in offer_list]
    ngos = [ngo_key(n) for n in need_list]
    donor_open: Counter[str] = Counter()
    ngo_open: Counter[str] = Counter()
    for match in existing:
        status = Status(match.status)
        i, j = offer_at.get(match.offer_id), need_at.get(match.need_id)
        if i is not None and j is not None:
            excluded.add((i, j))
            if status.is_live:  # a match with a side gone reserves nothing
                offer_used[i] += max(0, match.quantity)
                need_used[j] += max(0, match.quantity)
        if status.is_open:
            if i is not None:
                donor_open[donors[i]] += 1
            if j is not None:
                ngo_open[ngos[j]] += 1

    delivery_km = max(params.delivery_distance_km, params.max_distance_km)
    weights = params.urgency_weights
    stamps = [o.submitted_at for o in offer_list] + [n.submitted_at for n in need_list]
    known = [s for s in stamps if s is not None]
    now = params.now or (max(known, key=time_key) if known else None)
    return Instance(
        params=params,
        offers=offer_list,
        needs=need_list,
        offer_free=[max(0, o.quantity - u) for o, u in zip(offer_list, offer_used, strict=True)],
        need_free=[max(0, n.quantity - u) for n, u in zip(need_list, need_used, strict=True)],
        need_weight=[int(weights.get(n.urgency, 0)) for n in need_list],
        # older offers first; of two as old, the one that covers more
        offer_rank=_ranks(
            [(time_key(o.submitted_at), -o.quantity, o.offer_id) for o in offer_list]
        ),
        need_rank=_ranks([(time_key(n.submitted_at), 0, n.need_id) for n in need_list]),
        offer_radius_km=[
            delivery_km if o.can_deliver is True else params.max_distance_km for o in offer_list
        ],
        offer_donor=donors,
        need_ngo=ngos,
        excluded=excluded,
        donor_left=_left(params.max_open_per_donor, donors, donor_open),
        ngo_left=_left(params.max_open_per_ngo, ngos, ngo_open),
        now=now,
    )


def _left(cap: int | None, keys: list[str], used: Counter[str]) -> dict[str, int] | None:
    if cap is None:
        return None
    return {key: max(0, cap - used[key]) for key in set(keys)}
