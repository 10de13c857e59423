"""The greedy baseline, for benchmarks and tests only: most urgent (then oldest)
need first, each takes the nearest free offers (oldest first) until satisfied.

It respects every hard constraint and the caps, on the same candidate pairs as
the engine, but it is not optimal: an urgent need can take the one offer that
another need depended on while it had alternatives.
"""

from __future__ import annotations

from collections.abc import Sequence

from matcher.candidates import (
    Assignment,
    arc_capacity,
    arcs_into_need_groups,
    build_candidates,
)
from matcher.instance import Instance, prepare
from matcher.model import ExistingMatch, Need, Offer, Proposal
from matcher.params import MatchParams
from matcher.reasons import to_proposals


def greedy_assign(inst: Instance) -> list[Assignment]:
    cands = build_candidates(inst)
    into = arcs_into_need_groups(cands)
    offer_left = list(inst.offer_free)
    donor_left = dict(inst.donor_left) if inst.donor_left is not None else None
    ngo_left = dict(inst.ngo_left) if inst.ngo_left is not None else None
    turns = [(h, j) for h, group in enumerate(cands.need_groups) for j in group.members]
    turns.sort(key=lambda hj: (-inst.need_weight[hj[1]], inst.need_rank[hj[1]]))
    out: list[Assignment] = []
    for h, j in turns:
        want = inst.need_free[j]
        ngo = inst.need_ngo[j]
        for arc in into.get(h, ()):
            for i in cands.offer_groups[arc.offer_group].members:
                if want == 0 or (ngo_left is not None and ngo_left[ngo] == 0):
                    break
                donor = inst.offer_donor[i]
                if offer_left[i] == 0 or (donor_left is not None and donor_left[donor] == 0):
                    continue
                take = arc_capacity(arc, min(want, offer_left[i]))
                offer_left[i] -= take
                want -= take
                if donor_left is not None:
                    donor_left[donor] -= 1
                if ngo_left is not None:
                    ngo_left[ngo] -= 1
                out.append(Assignment(i, j, take, arc.distance_km, arc.by_delivery, arc.fit))
    return out


def greedy_propose(
    offers: Sequence[Offer],
    needs: Sequence[Need],
    existing: Sequence[ExistingMatch],
    params: MatchParams,
) -> list[Proposal]:
    """Same signature and result type as `matcher.engine.propose`."""
    inst = prepare(offers, needs, existing, params)
    return to_proposals(inst, greedy_assign(inst))
