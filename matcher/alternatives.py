"""«Другие варианты»: for each need that got a proposal, up to two other
offers a coordinator could call instead, so a declined pair has a next step
before the next pass. The best fit first, then the nearest; offers with units
still free before offers already promised elsewhere.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

import numpy as np

from matcher.arc_table import ArcTable, fit_of_code
from matcher.candidates import Assignment, Candidates
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
    table = cands.table
    order, start = table.into_need_groups(len(cands.need_groups))  # best fit, then nearest
    out: dict[int, tuple[Alternative, ...]] = {}
    for j, taken in chosen.items():
        free: list[tuple[int, int]] = []  # (offer line, arc)
        busy: list[tuple[int, int]] = []
        seen = 0
        h = group_of.get(j)
        # Arcs are read a few at a time: a need group can have thousands.
        for k in _arcs_of(order, start, h):
            for i in cands.offer_groups[int(table.offer_group[k])].members:
                if i in taken:
                    continue
                (free if inst.offer_free[i] > used[i] else busy).append((i, k))
                seen += 1
                if len(free) >= LIMIT or seen >= SCAN:
                    break
            if len(free) >= LIMIT or seen >= SCAN:
                break
        out[j] = tuple(_alternative(inst, i, table, k) for i, k in (free + busy)[:LIMIT])
    return out


def _arcs_of(order: np.ndarray, start: np.ndarray, h: int | None) -> Iterator[int]:
    if h is None:
        return
    for at in range(int(start[h]), int(start[h + 1])):
        yield int(order[at])


def _alternative(inst: Instance, i: int, table: ArcTable, k: int) -> Alternative:
    km = float(table.distance_km[k])
    distance = None if math.isnan(km) else round(km, 1)
    level = fit_of_code(int(table.fit_code[k])).level
    return Alternative(inst.offers[i].offer_id, inst.offers[i].item[:ITEM_CHARS], level, distance)
