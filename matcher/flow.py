"""The exact solve: a min-cost flow over the candidate groups.

Network: source → offer group (one parallel arc per offer line, capacity = its
free quantity) → need group (one arc per candidate pair of groups) → sink (one
parallel arc per need line, capacity = its free quantity), plus a zero-cost
bypass source → sink so that matching nothing is always feasible. The source
supplies min(total free offers, total free needs) units.

A pair of lines that count in different units carries one unit
(`candidates.arc_capacity`), each pair, not each pair of groups: such a group
arc becomes one arc per pair of its lines, between nodes of their own that
the lines' arcs pass through (source → offer line → offer group, need group →
need line → sink). A cap of one per group arc would leave the other lines'
pairs to the next pass, and the one after: a pass would never be done.

Costs are integers, lexicographic by scaling, per connected component of the
candidate graph (components never share flow, so each gets its own scale):

    need line → sink:     -weight·BIG + need_rank·M3
    offer group → need group:            (fit order·F + distance)·M2
    source → offer line:                 offer_rank

where F exceeds any total distance of the component's flow, so a better item
fit wins over any distance, exactly over the totals. The fit order is the fit
level·16 + how little the offer gives the need (`arc_table.gives_more_rank`):
among offers that fit alike, a need is proposed the one that gives it more.

with BIG larger than any possible difference of the tie-break terms summed
over the component's flow, so a tie-break can never cost weighted quantity.
When the exact scales M3 = (n_offers-1)·F + 1 and M2 = … fit the solver's
range (they do for the sizes a call-center sees in a pass), the order
distance ≻ need age ≻ offer age is exact over the totals too. When they do not
fit, the tie-breaks stay lexicographic per unit of flow and the ranks are
bucketed to fit; BIG stays exact, so weighted quantity is still optimal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from matcher.arc_table import GroupArc, fit_order
from matcher.candidates import Assignment, Candidates, Group
from matcher.instance import Instance

#: Distances enter the costs in units of 100 m.
DISTANCE_UNITS_PER_KM = 10
_INT64_BUDGET = 2**62


class FlowSolveError(RuntimeError):
    """OR-tools could not solve the network; a bug in how it was built."""


def distance_units(distance_km: float | None) -> int:
    """Name matches (no coordinates) count as 0: the same place."""
    return 0 if distance_km is None else round(distance_km * DISTANCE_UNITS_PER_KM)


def pair_units(arc: GroupArc, fit_step: int) -> int:
    """The pair's tie-break cost: fit first, then the offer that gives the need
    more, then distance.

    `fit_step` must exceed the largest total distance a solution can carry
    (flow × the longest arc), so that one step saved outweighs any distance
    saved: the order fit ≻ gives more ≻ distance is then exact over the totals.
    """
    return fit_order(arc.fit.level, arc.more) * fit_step + distance_units(arc.distance_km)


def fit_step_for(flow: int, max_distance_units: int) -> int:
    return max(1, flow) * max_distance_units + 1


@dataclass(frozen=True, slots=True)
class Scales:
    """Cost multipliers of one component; a rank or distance level `v` out of
    `n` levels enters as `v * buckets // n` (exactly `v` when nothing is bucketed)."""

    big: int
    m2: int
    m3: int
    distance_levels: int
    distance_buckets: int
    need_buckets: int
    offer_buckets: int
    exact: bool

    def offer_cost(self, position: int, n_offers: int) -> int:
        return position * self.offer_buckets // n_offers

    def need_cost(self, weight: int, position: int, n_needs: int) -> int:
        return -weight * self.big + (position * self.need_buckets // n_needs) * self.m3

    def pair_cost(self, units: int) -> int:
        return (units * self.distance_buckets // self.distance_levels) * self.m2


def component_scales(
    flow: int, n_offers: int, n_needs: int, max_units: int, max_weight: int, budget: int
) -> Scales:
    """The cost multipliers of one component (see the module docstring)."""
    f = max(1, flow)
    levels = max_units + 1
    r4 = (n_offers - 1) * f
    m3 = r4 + 1
    r3 = (n_needs - 1) * m3 * f + r4
    m2 = r3 + 1
    big = max_units * m2 * f + r3 + 1
    if max_weight * big <= budget:
        return Scales(big, m2, m3, levels, levels, n_needs, n_offers, exact=True)
    # Lexicographic per unit of flow, coarsened (offer age first) until it fits.
    per_unit = max(1, (budget // max_weight - 1) // f)
    sizes = [levels, n_needs, n_offers]
    for k in (2, 1, 0):
        others = math.prod(sizes) // sizes[k]
        if others * sizes[k] > per_unit:
            sizes[k] = max(1, per_unit // others)
    d_b, need_b, offer_b = sizes
    big = math.prod(sizes) * f + 1
    return Scales(big, need_b * offer_b, offer_b, levels, d_b, need_b, offer_b, exact=False)


@dataclass(frozen=True, slots=True)
class _ArcArrays:
    """The candidate arcs as columns, read from the arc objects once."""

    tails: np.ndarray  # offer group
    heads: np.ndarray  # need group
    levels: np.ndarray  # fit level, then gives more (`ArcTable.order_of_fit`)
    one_unit: np.ndarray  # the units differ: one unit per pair of lines
    metres: np.ndarray  # distance units, as `distance_units`
    bounds: np.ndarray  # `GroupArc.cap`: 0, or the most the arc may carry

    @classmethod
    def of(cls, cands: Candidates) -> _ArcArrays:
        table = cands.table
        km = table.distance_km
        return cls(
            table.offer_group,
            table.need_group,
            table.order_of_fit,
            table.one_unit,
            # a name match (no distance) is 0; rint rounds half to even, as round() does
            np.where(np.isnan(km), 0, np.rint(km * DISTANCE_UNITS_PER_KM)).astype(np.int64),
            table.cap,
        )


def _components(cands: Candidates, arrays: _ArcArrays) -> tuple[int, np.ndarray]:
    n_og, n_ng = len(cands.offer_groups), len(cands.need_groups)
    graph = coo_matrix(
        (np.ones(len(arrays.tails), dtype=np.int8), (arrays.tails, n_og + arrays.heads)),
        shape=(n_og + n_ng, n_og + n_ng),
    )
    count, labels = connected_components(graph, directed=False)
    return count, labels


@dataclass(slots=True)
class _Component:
    offer_groups: list[int] = field(default_factory=list)
    need_groups: list[int] = field(default_factory=list)
    offer_lines: list[int] = field(default_factory=list)
    need_lines: list[int] = field(default_factory=list)
    max_distance: int = 0  # the longest arc, in distance units
    max_fit: int = 0  # the worst fit order of an arc


def _split_components(
    cands: Candidates, arrays: _ArcArrays
) -> tuple[dict[int, _Component], np.ndarray]:
    """The connected components of the candidate graph (groups without arcs left out)."""
    _, labels = _components(cands, arrays)
    n_og = len(cands.offer_groups)
    comps: dict[int, _Component] = defaultdict(_Component)
    for g in np.unique(arrays.tails).tolist():
        comp = comps[int(labels[g])]
        comp.offer_groups.append(g)
        comp.offer_lines.extend(cands.offer_groups[g].members)
    for h in np.unique(arrays.heads).tolist():
        comp = comps[int(labels[n_og + h])]
        comp.need_groups.append(h)
        comp.need_lines.extend(cands.need_groups[h].members)
    arc_comp = labels[arrays.tails]
    longest = np.zeros(len(labels), dtype=np.int64)
    worst = np.zeros(len(labels), dtype=np.int64)
    np.maximum.at(longest, arc_comp, arrays.metres)
    np.maximum.at(worst, arc_comp, arrays.levels)
    for c, comp in comps.items():
        comp.max_distance, comp.max_fit = int(longest[c]), int(worst[c])
    return dict(sorted(comps.items())), labels


class _Network:
    """Arcs collected in plain lists and in arrays, in the order they were added,
    handed to OR-tools in one call."""

    def __init__(self) -> None:
        self.tails: list[int] = []
        self.heads: list[int] = []
        self.caps: list[int] = []
        self.costs: list[int] = []
        #: Arcs added before the lists': tails, heads, caps and costs, each an array.
        self.blocks: list[tuple[np.ndarray, ...]] = []
        self.count = 0

    def add(self, tail: int, head: int, cap: int, cost: int) -> int:
        self.tails.append(tail)
        self.heads.append(head)
        self.caps.append(cap)
        self.costs.append(cost)
        self.count += 1
        return self.count - 1

    def add_many(
        self, tails: np.ndarray, heads: np.ndarray, caps: np.ndarray, costs: np.ndarray
    ) -> int:
        """The arcs of the arrays, in order; the index of the first."""
        self._flush()
        self.blocks.append((tails, heads, caps, costs))
        self.count += len(tails)
        return self.count - len(tails)

    def _flush(self) -> None:
        if self.tails:
            columns = (self.tails, self.heads, self.caps, self.costs)
            self.blocks.append(tuple(np.array(c, dtype=np.int64) for c in columns))
            self.tails, self.heads, self.caps, self.costs = [], [], [], []

    def solve(self, n_nodes: int, source: int, sink: int, supply: int) -> np.ndarray:
        self._flush()
        solver = min_cost_flow.SimpleMinCostFlow()

        def column(k: int, dtype: type) -> np.ndarray:
            return np.concatenate([block[k] for block in self.blocks]).astype(dtype)

        columns = [column(0, np.int32), column(1, np.int32), column(2, np.int64)]
        columns.append(column(3, np.int64))
        self.blocks = []  # the solver keeps its own copy: let ours go before it solves
        solver.add_arcs_with_capacity_and_unit_cost(*columns)
        del columns
        supplies = np.zeros(n_nodes, dtype=np.int64)
        supplies[source], supplies[sink] = supply, -supply
        solver.set_nodes_supplies(np.arange(n_nodes, dtype=np.int32), supplies)
        status = solver.solve()
        if status != solver.OPTIMAL:
            raise FlowSolveError(f"min-cost flow ended with status {status}")
        flows: np.ndarray = solver.flows(np.arange(self.count, dtype=np.int32))
        return flows


def solve_flow(inst: Instance, cands: Candidates) -> list[Assignment]:
    """An optimal assignment (see the module docstring)."""
    if not len(cands.table):
        return []
    og_list, ng_list = cands.offer_groups, cands.need_groups
    n_og = len(og_list)
    arrays = _ArcArrays.of(cands)
    comps, labels = _split_components(cands, arrays)
    og_free = [sum(inst.offer_free[i] for i in g.members) for g in og_list]
    ng_free = [sum(inst.need_free[j] for j in g.members) for g in ng_list]
    comp_flow = {
        c: min(
            sum(og_free[g] for g in comp.offer_groups), sum(ng_free[h] for h in comp.need_groups)
        )
        for c, comp in comps.items()
    }
    supply = sum(comp_flow.values())
    line_nodes = _line_nodes(cands, arrays, 2 + n_og + len(ng_list))
    n_nodes = 2 + n_og + len(ng_list) + line_nodes.count
    offer_node, need_node = line_nodes.offers, line_nodes.needs
    # OR-tools multiplies costs by about the node count; keep totals in int64 too.
    budget = _INT64_BUDGET // (4 * (n_nodes + 2) + 4 * (supply + 1))
    max_weight = max(inst.need_weight)

    source, sink = 0, 1
    net = _Network()
    scales: dict[int, Scales] = {}
    # (arc, line): the arc whose flow is what the line gives its group (offer) or
    # takes from its group (need); a line with a node of its own has one more arc.
    offer_arc_of: list[tuple[int, int]] = []
    need_arc_of: list[tuple[int, int]] = []
    steps: dict[int, int] = {}
    for c, comp in comps.items():
        n_o, n_n = len(comp.offer_lines), len(comp.need_lines)
        step = steps[c] = fit_step_for(comp_flow[c], comp.max_distance)
        max_units = comp.max_fit * step + comp.max_distance
        s = scales[c] = component_scales(comp_flow[c], n_o, n_n, max_units, max_weight, budget)
        offer_pos = {
            i: k for k, i in enumerate(sorted(comp.offer_lines, key=inst.offer_rank.__getitem__))
        }
        need_pos = {
            j: k for k, j in enumerate(sorted(comp.need_lines, key=inst.need_rank.__getitem__))
        }
        for g in comp.offer_groups:
            for i in og_list[g].members:
                free, cost = inst.offer_free[i], s.offer_cost(offer_pos[i], n_o)
                node = offer_node.get(i)
                if node is None:
                    offer_arc_of.append((net.add(source, 2 + g, free, cost), i))
                else:
                    net.add(source, node, free, cost)
                    offer_arc_of.append((net.add(node, 2 + g, free, 0), i))
        for h in comp.need_groups:
            for j in ng_list[h].members:
                free, cost = inst.need_free[j], s.need_cost(inst.need_weight[j], need_pos[j], n_n)
                node = need_node.get(j)
                if node is None:
                    need_arc_of.append((net.add(2 + n_og + h, sink, free, cost), j))
                else:
                    need_arc_of.append((net.add(2 + n_og + h, node, free, 0), j))
                    net.add(node, sink, free, cost)
    tails, heads, caps, costs = _pair_arcs(arrays, labels, scales, steps, og_free, ng_free, n_og)
    by_groups = np.nonzero(~arrays.one_unit)[0]
    first_pair = net.add_many(tails[by_groups], heads[by_groups], caps[by_groups], costs[by_groups])
    pairs = line_nodes.pairs(arrays)
    first_line_pair = net.add_many(
        pairs.tails, pairs.heads, np.ones(len(pairs.tails), np.int64), costs[pairs.arcs]
    )
    del arrays, tails, heads, caps, costs  # millions of arcs: not held through the solve
    net.add(source, sink, supply, 0)  # matching less is always feasible
    flows = net.solve(n_nodes, source, sink, supply)
    carrying = np.nonzero(flows[first_pair : first_pair + len(by_groups)])[0]
    pair_arcs = [(first_pair + int(k), cands.table.arc(int(by_groups[k]))) for k in carrying]
    lone_pairs = []
    for k in np.nonzero(flows[first_line_pair : first_line_pair + len(pairs.arcs)])[0].tolist():
        a = cands.table.arc(int(pairs.arcs[k]))
        i, j = pairs.lines(line_nodes, k)
        lone_pairs.append(Assignment(i, j, 1, a.distance_km, a.by_delivery, a.fit))
    return _decompose(inst, cands, flows, offer_arc_of, need_arc_of, pair_arcs, lone_pairs)


@dataclass(frozen=True, slots=True)
class _LinePairs:
    """Arcs between the nodes of two lines: the group arc each stands for, its tail and
    head nodes."""

    arcs: np.ndarray
    tails: np.ndarray
    heads: np.ndarray

    def lines(self, nodes: _LineNodes, k: int) -> tuple[int, int]:
        """The offer line and the need line of line pair `k`."""
        offer = nodes.offer_lines[int(self.tails[k]) - nodes.first_offer]
        need = nodes.need_lines[int(self.heads[k]) - nodes.first_need]
        return int(offer), int(need)


@dataclass(frozen=True, slots=True)
class _LineNodes:
    """Nodes of their own for the lines of groups joined by an arc of one unit per
    pair of lines; a group's lines have consecutive nodes."""

    first_offer: int
    offer_lines: np.ndarray  # by node, from first_offer
    offer_start: np.ndarray  # per offer group: the position of its first line (or 0)
    offer_size: np.ndarray  # per offer group: its lines with nodes (0 or all)
    first_need: int
    need_lines: np.ndarray
    need_start: np.ndarray
    need_size: np.ndarray

    @property
    def offers(self) -> dict[int, int]:
        return {int(i): self.first_offer + k for k, i in enumerate(self.offer_lines)}

    @property
    def needs(self) -> dict[int, int]:
        return {int(j): self.first_need + k for k, j in enumerate(self.need_lines)}

    @property
    def count(self) -> int:
        return len(self.offer_lines) + len(self.need_lines)

    def pairs(self, arrays: _ArcArrays) -> _LinePairs:
        """Every pair of lines under each arc of one unit per pair, built on arrays
        (there can be millions): pair p of an arc joins line p // b of its offer group
        and line p % b of its need group of b lines."""
        arcs = np.nonzero(arrays.one_unit)[0]
        tails, heads = arrays.tails[arcs], arrays.heads[arcs]
        a, b = self.offer_size[tails], self.need_size[heads]
        sizes = a * b
        of = np.repeat(np.arange(len(arcs)), sizes)
        local = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        width = b[of]
        offer_at = self.offer_start[tails][of] + local // width
        need_at = self.need_start[heads][of] + local % width
        return _LinePairs(arcs[of], self.first_offer + offer_at, self.first_need + need_at)


def _line_nodes(cands: Candidates, arrays: _ArcArrays, first: int) -> _LineNodes:
    def side(
        groups: Sequence[Group], used: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        start, size = np.zeros(len(groups), np.int64), np.zeros(len(groups), np.int64)
        lines: list[int] = []
        for g in np.unique(used).tolist():
            start[g], size[g] = len(lines), len(groups[g].members)
            lines.extend(groups[g].members)
        return np.array(lines, dtype=np.int64), start, size

    offer_lines, offer_start, offer_size = side(cands.offer_groups, arrays.tails[arrays.one_unit])
    need_lines, need_start, need_size = side(cands.need_groups, arrays.heads[arrays.one_unit])
    first_need = first + len(offer_lines)
    return _LineNodes(
        first, offer_lines, offer_start, offer_size, first_need, need_lines, need_start, need_size
    )


def _pair_arcs(
    arrays: _ArcArrays,
    labels: np.ndarray,
    scales: dict[int, Scales],
    steps: dict[int, int],
    og_free: list[int],
    ng_free: list[int],
    n_og: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Tails, heads, capacities and costs of the group-to-group arcs, all at once
    (there can be a million): `pair_units` and `Scales.pair_cost` on arrays. An arc
    of one unit per pair of lines is not added as such (see `solve_flow`)."""
    tails, heads, levels, metres = arrays.tails, arrays.heads, arrays.levels, arrays.metres
    comp = labels[tails]
    keys = sorted(scales)
    at = np.searchsorted(np.array(keys), comp)
    step = np.array([steps[c] for c in keys], dtype=np.int64)[at]
    buckets = np.array([scales[c].distance_buckets for c in keys], dtype=np.int64)[at]
    levels_of = np.array([scales[c].distance_levels for c in keys], dtype=np.int64)[at]
    m2 = np.array([scales[c].m2 for c in keys], dtype=np.int64)[at]
    units = levels * step + metres
    costs = (units * buckets // levels_of) * m2
    caps = np.minimum(np.array(og_free, dtype=np.int64)[tails], np.array(ng_free)[heads])
    bounded = arrays.bounds > 0  # the offer holds less of the thing asked than it has
    caps[bounded] = np.minimum(caps[bounded], arrays.bounds[bounded])
    return 2 + tails, 2 + n_og + heads, caps, costs


def _decompose(
    inst: Instance,
    cands: Candidates,
    flows: np.ndarray,
    offer_arc_of: list[tuple[int, int]],
    need_arc_of: list[tuple[int, int]],
    pair_arcs: list[tuple[int, GroupArc]],
    lone_pairs: list[Assignment],
) -> list[Assignment]:
    """Split group-to-group flow into line-to-line assignments, deterministically.

    Each offer group hands its lines' units (oldest line first) to its outgoing
    arcs (nearest first); each need group then hands the incoming chunks to its
    lines (oldest first). Any split is optimal: all lines of a group are alike
    except for their own flow, which the solve fixed. `lone_pairs`, the flow on
    arcs between two lines, are assignments already.
    """
    offer_flow: dict[int, int] = defaultdict(int)
    for arc, i in offer_arc_of:
        offer_flow[i] += int(flows[arc])
    need_flow: dict[int, int] = defaultdict(int)
    for arc, j in need_arc_of:
        need_flow[j] += int(flows[arc])
    out_of: dict[int, list[tuple[GroupArc, int]]] = defaultdict(list)
    for arc, a in pair_arcs:
        if flows[arc] > 0:
            out_of[a.offer_group].append((a, int(flows[arc])))

    chunks: dict[int, list[tuple[int, GroupArc, int]]] = defaultdict(list)
    for g in sorted(out_of):
        arcs = sorted(out_of[g], key=lambda x: (x[0].distance_km or 0.0, x[0].need_group))
        lines = [[i, offer_flow[i]] for i in cands.offer_groups[g].members if offer_flow[i] > 0]
        k = 0
        for a, amount in arcs:
            while amount > 0:
                i, left = lines[k]
                take = min(left, amount)
                chunks[a.need_group].append((i, a, take))
                amount -= take
                lines[k][1] -= take
                if lines[k][1] == 0:
                    k += 1

    out: list[Assignment] = []
    for h in sorted(chunks):
        needs = [[j, need_flow[j]] for j in cands.need_groups[h].members if need_flow[j] > 0]
        k = 0
        for i, a, amount in sorted(chunks[h], key=lambda x: (inst.offer_rank[x[0]], x[0])):
            while amount > 0:
                j, left = needs[k]
                take = min(left, amount)
                out.append(Assignment(i, j, take, a.distance_km, a.by_delivery, a.fit))
                amount -= take
                needs[k][1] -= take
                if needs[k][1] == 0:
                    k += 1
    return _merge(out + lone_pairs)


def _merge(parts: list[Assignment]) -> list[Assignment]:
    merged: dict[tuple[int, int], Assignment] = {}
    for p in parts:
        key = (p.offer, p.need)
        if key in merged:
            q = merged[key]
            merged[key] = replace(q, quantity=q.quantity + p.quantity)
        else:
            merged[key] = p
    return [merged[k] for k in sorted(merged)]
