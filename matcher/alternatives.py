"""«Другие варианты»: for each need that got a proposal, up to two other
offers a coordinator could call instead, so a declined pair has a next step
before the next pass. The best fit first, then the nearest; offers with units
still free before offers already promised elsewhere.
"""

from __future__ import annotations

from collections import defaultdict

from matcher.candidates import Assignment, Candidates, GroupArc, arcs_into_need_groups
from matcher.instance import Instance
from matcher.model import Alternative

LIMIT = 2
#: How much of an offer's own text an alternative quotes.
ITEM_CHARS = 30


#: How many candidate offers to look at per need before settling for busy ones.
SCAN = 64


def next_best(
    inst: Instance, cands: Candidates, assignments: list[Assignment]
) -> dict[int, tuple[Alternative, ...]]:
    """Need index -> its alternatives, for every need with a proposal."""
    chosen: dict[int, set[int]] = defaultdict(set)
    used = [0] * len(inst.offers)
    for a in assignments:
        chosen[a.need].add(a.offer)
        used[a.offer] += a.quantity
    group_of = {j: h for h, group in enumerate(cands.need_groups) for j in group.members}
    into = arcs_into_need_groups(cands)  # best fit first, then nearest
    out: dict[int, tuple[Alternative, ...]] = {}
    for j, taken in chosen.items():
        free: list[tuple[int, GroupArc]] = []
        busy: list[tuple[int, GroupArc]] = []
        seen = 0
        for arc in into.get(group_of.get(j, -1), ()):
            for i in cands.offer_groups[arc.offer_group].members:
                if i in taken:
                    continue
                (free if inst.offer_free[i] > used[i] else busy).append((i, arc))
                seen += 1
                if len(free) >= LIMIT or seen >= SCAN:
                    break
            if len(free) >= LIMIT or seen >= SCAN:
                break
        out[j] = tuple(_alternative(inst, i, arc) for i, arc in (free + busy)[:LIMIT])
    return out


def _alternative(inst: Instance, i: int, arc: GroupArc) -> Alternative:
    distance = None if arc.distance_km is None else round(arc.distance_km, 1)
    return Alternative(
        inst.offers[i].offer_id, inst.offers[i].item[:ITEM_CHARS], arc.fit.level, distance
    )
