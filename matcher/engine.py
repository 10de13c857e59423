"""The matching engine's public entry: `propose`.

`propose` returns new donor→NGO proposals for what is still free after the
existing live matches, optimal for urgency-weighted matched quantity, with ties
broken by shorter distance, then older need, then older offer:

1. `instance.prepare`: sort by id, reserve live matches, rank by age;
2. `candidates.build_candidates`: sparse candidate pairs of groups (blocking),
   only where the offer's item fits the need's item (`fit.item_fit`);
3. `flow.solve_flow`: exact min-cost flow (OR-tools);
4. only if caps are set and that answer breaks one: `capped.solve_capped`
   (a MILP on line pairs with HiGHS, exact within its time budget);
5. `reasons.to_proposals`: score (urgency weight × quantity), the facts of the
   reason and, per need, the next-best offers (`alternatives.next_best`).
"""

from __future__ import annotations

from collections.abc import Sequence

from matcher.alternatives import next_best
from matcher.candidates import Assignment, Candidates, build_candidates
from matcher.capped import caps_respected, caps_trim, solve_capped
from matcher.flow import solve_flow
from matcher.instance import Instance, prepare
from matcher.model import ExistingMatch, Need, Offer, Proposal
from matcher.params import MatchParams
from matcher.reasons import to_proposals


def assign(inst: Instance, cands: Candidates | None = None) -> list[Assignment]:
    """An optimal assignment for a prepared instance (line indices and quantities)."""
    cands = cands or build_candidates(inst)
    found = solve_flow(inst, cands)
    if (inst.donor_left is None and inst.ngo_left is None) or caps_respected(inst, found):
        return found
    return solve_capped(inst, cands, fallback=caps_trim(inst, found))


def propose(
    offers: Sequence[Offer],
    needs: Sequence[Need],
    existing: Sequence[ExistingMatch],
    params: MatchParams,
) -> list[Proposal]:
    """New proposals for what is still free; the same input in any order gives the same list."""
    inst = prepare(offers, needs, existing, params)
    cands = build_candidates(inst)
    found = assign(inst, cands)
    return to_proposals(inst, found, next_best(inst, cands, found))
