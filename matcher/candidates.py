"""Blocking: the sparse set of (offer group, need group) pairs that may match.

Offer lines that are interchangeable for matching — same category, same place
(coordinates and name), same reach (with or without delivery) — form one
*offer group*; needs with the same category and place form one *need group*.
Candidate pairs are found between groups, never by a cross join of lines:
per category, a KD-tree over the need groups' points on the unit sphere answers
"which need groups are within r km of this offer group", and an exact
haversine check decides. Places without coordinates (on either side) match
only the same place name.

An offer or need that already has a match (any status) is kept in a group of
its own, so a pair that was matched once can be left out exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

from matcher.arc_table import ArcTable, GroupArc
from matcher.fit import FULL_FIT, Fit, ItemProfile
from matcher.geo import chord_for_km, haversine_km, unit_vectors
from matcher.instance import Instance, place_key
from matcher.model import Need, Offer


@dataclass(slots=True)
class Group:
    category: str
    lat: float | None
    lon: float | None
    place: str
    radius_km: float  # offers only; 0 for needs
    members: list[int] = field(default_factory=list)  # indices, oldest first
    #: The item model all members share as far as matching can tell (None: mixed).
    profile: ItemProfile | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class Candidates:
    offer_groups: list[Group]
    need_groups: list[Group]
    table: ArcTable

    @property
    def arcs(self) -> list[GroupArc]:
        """Every arc as an object; the engine reads `table` (there can be millions)."""
        return self.table.arcs()


def _located(lat: float | None, lon: float | None) -> tuple[float | None, float | None]:
    if lat is None or lon is None:
        return None, None
    return float(lat), float(lon)


def _groups(
    records: Sequence[Offer] | Sequence[Need],
    rank: Sequence[int],
    matchable: Callable[[int], bool],
    alone: set[int],
    radius_of: Callable[[int], float],
) -> list[Group]:
    """Records of one category, place and reach share one group (item models are
    told apart afterwards, by `matcher.item_groups`)."""
    groups: dict[tuple[object, ...], Group] = {}
    for i in sorted(range(len(records)), key=rank.__getitem__):
        if not matchable(i):
            continue
        record = records[i]
        lat, lon = _located(record.lat, record.lon)
        place = place_key(record.city)
        radius = radius_of(i)
        key: tuple[object, ...] = (
            record.category,
            lat,
            lon,
            place,
            radius,
            i if i in alone else -1,
        )
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(record.category, lat, lon, place, radius)
        group.members.append(i)
    return list(groups.values())


def _offer_groups(inst: Instance) -> list[Group]:
    alone = {i for i, _ in inst.excluded}
    radius = inst.offer_radius_km.__getitem__
    return _groups(inst.offers, inst.offer_rank, inst.offer_matchable, alone, radius)


def _need_groups(inst: Instance) -> list[Group]:
    alone = {j for _, j in inst.excluded}
    return _groups(inst.needs, inst.need_rank, inst.need_matchable, alone, lambda j: 0.0)


def sole_pair_excluded(inst: Instance, og: Group, ng: Group) -> bool:
    """Only groups of one can hold an excluded pair (see the module docstring)."""
    return (
        len(og.members) == 1
        and len(ng.members) == 1
        and (og.members[0], ng.members[0]) in inst.excluded
    )


def build_candidates(inst: Instance) -> Candidates:
    """Candidate pairs of groups whose members are alike in place, reach and item."""
    from matcher.item_groups import split_by_item  # the item layer builds on this one

    return split_by_item(inst, geo_candidates(inst))


def geo_candidates(inst: Instance) -> Candidates:
    """Candidate pairs of groups alike in category, place and reach (item models aside)."""
    offer_groups = _offer_groups(inst)
    need_groups = _need_groups(inst)
    max_km = inst.params.max_distance_km
    arcs: list[GroupArc] = []

    by_category: dict[str, list[int]] = defaultdict(list)
    by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    unlocated_by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    for h, ng in enumerate(need_groups):
        if ng.located:
            by_category[ng.category].append(h)
        if ng.place:
            by_place[(ng.category, ng.place)].append(h)
            if not ng.located:
                unlocated_by_place[(ng.category, ng.place)].append(h)

    # A side without coordinates: the same place name only.
    for g, og in enumerate(offer_groups):
        if not og.place:
            continue
        index = unlocated_by_place if og.located else by_place
        for h in index.get((og.category, og.place), ()):
            if not sole_pair_excluded(inst, og, need_groups[h]):
                arcs.append(GroupArc(g, h, None, False))

    # Both located: within the offer's reach, by a KD-tree per category.
    offers_by_category: dict[str, list[int]] = defaultdict(list)
    for g, og in enumerate(offer_groups):
        if og.located and og.category in by_category:
            offers_by_category[og.category].append(g)
    for category, gs in offers_by_category.items():
        hs = by_category[category]
        n_lat = np.array([need_groups[h].lat for h in hs], dtype=float)
        n_lon = np.array([need_groups[h].lon for h in hs], dtype=float)
        tree = cKDTree(unit_vectors(n_lat, n_lon))
        o_lat = np.array([offer_groups[g].lat for g in gs], dtype=float)
        o_lon = np.array([offer_groups[g].lon for g in gs], dtype=float)
        points = unit_vectors(o_lat, o_lon)
        for radius in sorted({offer_groups[g].radius_km for g in gs}):
            rows = [k for k, g in enumerate(gs) if offer_groups[g].radius_km == radius]
            found = tree.query_ball_point(points[rows], r=chord_for_km(radius))
            for k, near in zip(rows, found, strict=True):
                og = offer_groups[gs[k]]
                for idx in sorted(near):
                    ng = need_groups[hs[idx]]
                    d = haversine_km(og.lat, og.lon, ng.lat, ng.lon)  # type: ignore[arg-type]
                    if d <= radius and not sole_pair_excluded(inst, og, ng):
                        arcs.append(GroupArc(gs[k], hs[idx], d, d > max_km))
    arcs.sort(key=lambda a: (a.offer_group, a.need_group))
    return Candidates(offer_groups, need_groups, ArcTable.of(arcs))


@dataclass(frozen=True, slots=True)
class Assignment:
    """Part of the solution: `quantity` units of offer `offer` go to need `need`."""

    offer: int
    need: int
    quantity: int
    distance_km: float | None
    by_delivery: bool
    fit: Fit = FULL_FIT


def arcs_into_need_groups(cands: Candidates) -> dict[int, list[GroupArc]]:
    """Each need group's candidate arcs, best fit first, then nearest (a name
    match counts as 0 km)."""
    order, start = cands.table.into_need_groups(len(cands.need_groups))
    return {
        h: [cands.table.arc(k) for k in order[start[h] : start[h + 1]].tolist()]
        for h in range(len(cands.need_groups))
        if start[h + 1] > start[h]
    }


def arc_capacity(arc: GroupArc, free: int) -> int:
    """Units an arc may carry: one when the two sides count in different units, no
    more than the offer holds of the thing asked (`GroupArc.cap`)."""
    if arc.cap:
        free = min(free, arc.cap)
    return min(free, 1) if arc.fit.unit_mismatch else free
