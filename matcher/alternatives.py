"""«Другие варианты»: for each need that got a proposal, up to two other
offers a coordinator could call instead, so a declined pair has a next step
before the next pass. Offers with units still free come first, then by fit,
then by distance.
"""

from __future__ import annotations

from collections import defaultdict

from matcher.candidates import Assignment, Candidates, arcs_into_need_groups
from matcher.instance import Instance
from matcher.model import Alternative

LIMIT = 2
#: How much of an offer's own text an alternative quotes.
ITEM_CHARS = 30


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
    into = arcs_into_need_groups(cands)
    out: dict[int, tuple[Alternative, ...]] = {}
    for j, taken in chosen.items():
        options = [
            (inst.offer_free[i] - used[i] <= 0, arc.fit.level, arc.distance_km or 0.0, i, arc)
            for arc in into.get(group_of.get(j, -1), ())
            for i in cands.offer_groups[arc.offer_group].members
            if i not in taken
        ]
        options.sort(key=lambda o: o[:3] + (inst.offer_rank[o[3]],))
        out[j] = tuple(
            Alternative(
                inst.offers[i].offer_id,
                inst.offers[i].item[:ITEM_CHARS],
                arc.fit.level,
                None if arc.distance_km is None else round(arc.distance_km, 1),
            )
            for *_, i, arc in options[:LIMIT]
        )
    return out
