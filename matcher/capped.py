"""The exact solve when the per-donor / per-NGO caps bind: a MILP on line pairs.

A cap counts proposals (pairs), not quantity, which a flow on quantity cannot
express. The engine therefore solves the flow first; if its answer already
respects the caps it is optimal for the capped problem too (the capped
solutions are a subset of the uncapped ones). Only otherwise does this module
solve the pair-level integer program

    x[p] ∈ 0..min(free offer, free need),  y[p] ∈ {0, 1},  y[p] ≤ x[p] ≤ ub·y[p]
    Σ x over an offer's / a need's pairs ≤ its free quantity
    Σ y over a donor's / an NGO's pairs ≤ the open proposals it may still get

with HiGHS (scipy.optimize.milp), lexicographically in stages (weighted
quantity, then item fit and distance, need age, offer age), each stage keeping the previous
optimum as a constraint. HiGHS is deterministic, so the same model gives the
same answer. The whole solve has a time budget (TIME_LIMIT_SECONDS); if it runs
out, the best answer found so far is kept — feasible, not proven optimal — or,
if that is worse, the flow's answer trimmed to the caps. That only happens for
instances with caps set far larger than one call-center pass (tens of
thousands of candidate pairs).
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from matcher.candidates import Assignment, Candidates, arc_capacity
from matcher.flow import distance_units, fit_step_for, pair_units
from matcher.instance import Instance

#: Wall-time budget of the whole lexicographic solve.
TIME_LIMIT_SECONDS = 30.0


def caps_respected(inst: Instance, assignments: list[Assignment]) -> bool:
    donors: dict[str, int] = defaultdict(int)
    ngos: dict[str, int] = defaultdict(int)
    for a in assignments:
        donors[inst.offer_donor[a.offer]] += 1
        ngos[inst.need_ngo[a.need]] += 1
    if inst.donor_left is not None and any(n > inst.donor_left[d] for d, n in donors.items()):
        return False
    return inst.ngo_left is None or all(n <= inst.ngo_left[g] for g, n in ngos.items())


def solve_capped(inst: Instance, cands: Candidates, fallback: list[Assignment]) -> list[Assignment]:
    """The capped optimum, or `fallback` (within the caps) if the solver finds nothing better."""
    pairs = [
        (i, j, arc)
        for arc in cands.arcs
        for i in cands.offer_groups[arc.offer_group].members
        for j in cands.need_groups[arc.need_group].members
    ]
    if not pairs:
        return []
    n = len(pairs)
    ub = np.array(
        [arc_capacity(arc, min(inst.offer_free[i], inst.need_free[j])) for i, j, arc in pairs],
        dtype=float,
    )
    rows: list[sparse.csr_array] = []
    lows: list[np.ndarray] = []
    highs: list[np.ndarray] = []

    def group_rows(keys: list[object], on_y: bool, limit: dict[Any, int]) -> None:
        codes = {k: c for c, k in enumerate(sorted(set(keys), key=str))}
        row = np.array([codes[k] for k in keys])
        col = np.arange(n) + (n if on_y else 0)
        rows.append(sparse.csr_array((np.ones(n), (row, col)), shape=(len(codes), 2 * n)))
        lows.append(np.zeros(len(codes)))
        highs.append(np.array([limit[k] for k in codes], dtype=float))

    group_rows([i for i, _, _ in pairs], False, dict(enumerate(inst.offer_free)))
    group_rows([j for _, j, _ in pairs], False, dict(enumerate(inst.need_free)))
    if inst.donor_left is not None:
        group_rows([inst.offer_donor[i] for i, _, _ in pairs], True, inst.donor_left)
    if inst.ngo_left is not None:
        group_rows([inst.need_ngo[j] for _, j, _ in pairs], True, inst.ngo_left)
    # y ≤ x ≤ ub·y: a pair is counted against the caps exactly when it carries units.
    link = sparse.hstack([sparse.eye_array(n), -sparse.diags_array(ub)])
    rows += [link.tocsr(), sparse.hstack([sparse.eye_array(n), -sparse.eye_array(n)]).tocsr()]
    lows += [np.full(n, -np.inf), np.zeros(n)]
    highs += [np.zeros(n), np.full(n, np.inf)]

    zeros = np.zeros(n)
    fit_step = fit_step_for(int(ub.sum()), max(distance_units(a.distance_km) for *_, a in pairs))
    objectives = [
        np.r_[[-inst.need_weight[j] for _, j, _ in pairs], zeros],
        np.r_[[pair_units(arc, fit_step) for _, _, arc in pairs], zeros],
        np.r_[[inst.need_rank[j] for _, j, _ in pairs], zeros],
        np.r_[[inst.offer_rank[i] for i, _, _ in pairs], zeros],
    ]
    problem = _Milp(sparse.vstack(rows).tocsr(), np.concatenate(lows), np.concatenate(highs))
    x = problem.lexicographic(objectives, np.r_[ub, np.ones(n)])
    weight_of_fallback = sum(inst.need_weight[a.need] * a.quantity for a in fallback)
    if x is None or -objectives[0] @ x < weight_of_fallback:
        return fallback
    return [
        Assignment(i, j, round(x[p]), arc.distance_km, arc.by_delivery, arc.fit)
        for p, (i, j, arc) in enumerate(pairs)
        if round(x[p]) > 0
    ]


class _Milp:
    """Lexicographic minimization with HiGHS (scipy.optimize.milp), stage by stage."""

    def __init__(self, matrix: sparse.csr_array, low: np.ndarray, high: np.ndarray) -> None:
        self.matrix, self.low, self.high = matrix, low, high

    def lexicographic(self, objectives: list[np.ndarray], upper: np.ndarray) -> np.ndarray | None:
        constraints = [LinearConstraint(self.matrix, self.low, self.high)]
        best_x: np.ndarray | None = None
        deadline = time.monotonic() + TIME_LIMIT_SECONDS
        for objective in objectives:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            result = milp(
                objective,
                constraints=constraints,
                integrality=np.ones(len(upper)),
                bounds=Bounds(np.zeros(len(upper)), upper),
                options={"time_limit": left},
            )
            if result.x is None:
                break
            best_x = np.round(result.x)
            value = float(objective @ best_x)
            # Objectives are integral: keep this stage's value while the next one improves.
            constraints.append(LinearConstraint(objective[None, :], -np.inf, value + 0.5))
            if result.status != 0:  # stopped by the time limit: feasible, not proven optimal
                break
        return best_x


def caps_trim(inst: Instance, assignments: list[Assignment]) -> list[Assignment]:
    """A feasible fallback: keep the most valuable assignments while the caps allow."""
    donor_left = dict(inst.donor_left or {})
    ngo_left = dict(inst.ngo_left or {})
    kept = []
    order = sorted(
        assignments, key=lambda a: (-inst.need_weight[a.need] * a.quantity, a.offer, a.need)
    )
    for a in order:
        donor, ngo = inst.offer_donor[a.offer], inst.need_ngo[a.need]
        if inst.donor_left is not None and donor_left[donor] == 0:
            continue
        if inst.ngo_left is not None and ngo_left[ngo] == 0:
            continue
        if inst.donor_left is not None:
            donor_left[donor] -= 1
        if inst.ngo_left is not None:
            ngo_left[ngo] -= 1
        kept.append(a)
    return sorted(kept, key=lambda a: (a.offer, a.need))
