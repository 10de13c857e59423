"""The item layer of blocking: geo groups split by what their members are.

Geography first (`candidates.geo_candidates`: category, place, reach), then
items. Needs are few: a need group's members are split by their whole item
model. Offers are many and varied (every size, season, audience), so offers of
one geo group are merged by what matters to the flow: two offers are
interchangeable when they fit every need they can reach at the same level
and give each about as much (`arc_table.gives_more_rank`).
The fit of each point (kind, audience, season, size, unit, condition) is looked up once
per pair of distinct values that an arc reads, and combined for all offers and
needs at once with numpy, so the cost grows with the distinct values, not with
the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import cast

import numpy as np

from matcher.arc_table import MORE_LEVELS, UNITS_DIFFER, ArcTable, gives_more_rank
from matcher.candidates import Candidates, Group, sole_pair_excluded
from matcher.fit import (
    CONTRADICTS,
    UNKNOWN,
    ItemProfile,
    audience_point,
    condition_point,
    counts_things,
    fit_rules,
    kind_cap,
    kind_point,
    kinds_missed,
    profile_of,
    season_point,
    size_point,
    unit_group,
    unit_point,
)
from matcher.instance import Instance
from matcher.model import ANY_UNIT, JOIN

#: Verdict codes in the tables: fits, unknown, contradicts.
_FIT, _UNKNOWN, _NO = 0, 1, 2


class _Codes:
    """Distinct values of one point, each with a small integer code."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}

    def code(self, value: object) -> int:
        return self.index.setdefault(value, len(self.index))

    def values(self) -> list[object]:
        return list(self.index)


class _Encoder:
    """Item models as rows of codes, one column per point."""

    def __init__(self) -> None:
        self.need = [_Codes() for _ in range(len(_CHECKS))]
        self.offer = [_Codes() for _ in range(len(_CHECKS))]
        self.rows: dict[tuple[str, ...], tuple[int, ...]] = {}

    def need_row(self, p: ItemProfile) -> tuple[int, ...]:
        unit = (unit_group(p.unit, p.category), counts_things(p))
        values = (p.kind, p.audience, p.season, (p.category, p.kind, p.size), unit, p.condition)
        return tuple(c.code(v) for c, v in zip(self.need, values, strict=True))

    def offer_row(self, values: tuple[str, str, str, str, str, str]) -> tuple[int, ...]:
        """Codes of an offer's (kind, audience, season, size, unit, condition)."""
        row = self.rows.get(values)
        if row is None:
            row = self.rows[values] = tuple(
                c.code(v) for c, v in zip(self.offer, values, strict=True)
            )
        return row


def _sized(need: object, offer: object) -> int | None:
    category, kind, size = cast(tuple[str, str, str], need)
    return size_point(category, kind, size, str(offer))


def _units(need: object, offer: object) -> int | None:
    group, counts = cast(tuple[str, bool], need)
    return unit_point(group, counts, str(offer))


_CHECKS: tuple[Callable[[object, object], int | None], ...] = (
    lambda n, o: kind_point(str(n), str(o)),
    lambda n, o: audience_point(str(n), str(o)),
    lambda n, o: season_point(str(n), str(o)),
    _sized,
    _units,
    lambda n, o: condition_point(str(n), str(o)),
)
#: The columns of the points an offer may leave unknown; the units' column apart.
_POINTS = (0, 1, 2, 3, 5)
_UNITS = 4
#: A verdict not looked up yet.
_UNSET = -1


class _Verdicts:
    """Per point, the verdict for each pair of distinct need and offer values, looked
    up the first time an arc reads it: arcs read only pairs of one category, and
    of those only the ones near enough to meet."""

    def __init__(self, encoder: _Encoder) -> None:
        self.needs = [codes.values() for codes in encoder.need]
        self.offers = [codes.values() for codes in encoder.offer]
        self.tables = [
            np.full((len(n), len(o)), _UNSET, dtype=np.int8)
            for n, o in zip(self.needs, self.offers, strict=True)
        ]

    def read(self, needs: np.ndarray, offers: np.ndarray) -> list[np.ndarray]:
        """The tables, with every pair of the rows of codes `needs` × `offers` filled."""
        for k, check in enumerate(_CHECKS):
            table = self.tables[k]
            n, o = np.unique(needs[:, k]), np.unique(offers[:, k])
            rows, columns = np.nonzero(table[np.ix_(n, o)] == _UNSET)
            for a, b in zip(n[rows].tolist(), o[columns].tolist(), strict=True):
                found = check(self.needs[k][a], self.offers[k][b])
                table[a, b] = (
                    _NO if found is CONTRADICTS else (_UNKNOWN if found == UNKNOWN else _FIT)
                )
        return self.tables


def _levels(tables: list[np.ndarray], needs: np.ndarray, offers: np.ndarray) -> np.ndarray:
    """Fit codes (offers × needs): the number of unknown points, plus 8 when the
    units differ; -1 where a point contradicts. Which points are unknown does
    not matter to the flow, only how many, so offers group more tightly; the
    reason of a proposal names them (`fit.item_fit` on the pair)."""
    level = np.zeros((len(offers), len(needs)), dtype=np.int8)
    contradicts = np.zeros(level.shape, dtype=bool)
    for k in _POINTS:
        verdict = tables[k][needs[None, :, k], offers[:, None, k]]
        level += verdict == _UNKNOWN
        contradicts |= verdict == _NO
    units = tables[_UNITS][needs[None, :, _UNITS], offers[:, None, _UNITS]]
    level += (units == _UNKNOWN) * UNITS_DIFFER
    contradicts |= units == _NO
    level[contradicts] = -1
    return level


def _split_needs(
    inst: Instance, groups: Sequence[Group], encoder: _Encoder
) -> tuple[list[Group], dict[int, list[int]], list[tuple[int, ...]]]:
    """Need groups split by item model; which new groups each old one became."""
    out: list[Group] = []
    rows: list[tuple[int, ...]] = []
    became: dict[int, list[int]] = defaultdict(list)
    for h, group in enumerate(groups):
        by_profile: dict[tuple[ItemProfile, int], list[int]] = defaultdict(list)
        for j in group.members:  # oldest first, kept within each split
            by_profile[(profile_of(inst.needs[j]), _asks_for(inst, j))].append(j)
        for (profile, _), members in by_profile.items():
            became[h].append(len(out))
            rows.append(encoder.need_row(profile))
            out.append(_like(group, members, profile))
    return out, became, rows


def _asks_for(inst: Instance, j: int) -> int:
    """`gives_more_rank` of what need `j` has free (0 when it states no count): an
    offer that gives it more than that gives it no more, so the members of one
    need group share the rank of what each offer gives them."""
    if inst.needs[j].unit == ANY_UNIT:
        return 0
    return gives_more_rank(inst.need_free[j])


def _like(group: Group, members: list[int], profile: ItemProfile | None) -> Group:
    return Group(
        group.category, group.lat, group.lon, group.place, group.radius_km, members, profile
    )


def split_by_item(inst: Instance, geo: Candidates) -> Candidates:
    """Candidates whose groups are alike in item too, with the fit on every arc."""
    encoder = _Encoder()
    need_groups, became, need_rows = _split_needs(inst, geo.need_groups, encoder)
    profiles = (profile_of(o) for o in inst.offers)  # the season a kind implies, too
    offer_rows = [  # units of one group count alike
        encoder.offer_row(
            (p.kind, p.audience, p.season, p.size, unit_group(p.unit, p.category), p.condition)
        )
        for p in profiles
    ]
    verdicts = _Verdicts(encoder)
    asks_for = np.array([_asks_for(inst, g.members[0]) for g in need_groups], dtype=np.int8)
    need_codes = np.array(need_rows, dtype=np.int32).reshape(-1, len(_CHECKS))
    subs_of = _Splits(became, len(geo.need_groups))
    geo_arcs = geo.table
    first_arc = np.searchsorted(geo_arcs.offer_group, np.arange(len(geo.offer_groups) + 1))
    offer_groups: list[Group] = []
    parts: list[ArcTable] = []
    for g, group in enumerate(geo.offer_groups):
        # Each geo arc of the group, once per need group its need group became.
        heads = geo_arcs.need_group[first_arc[g] : first_arc[g + 1]]
        geo_arc, subs = subs_of.reach(first_arc[g], heads)
        if not len(subs):
            continue
        codes = np.array([offer_rows[i] for i in group.members], dtype=np.int32)
        reached = need_codes[subs]
        levels = _levels(verdicts.read(reached, codes), reached, codes)
        caps = _caps(inst, group.members, need_groups, subs)
        more = _gives_more(inst, group.members, levels, asks_for[subs], caps)
        _drop_for_missed_kinds(more, levels, inst, group.members, need_groups, subs)
        classes, inverse, cap_of_class = _classes_by_cap(np.hstack((levels, more)), caps)
        classes, more_of_class = classes[:, : len(subs)], classes[:, len(subs) :]
        members: dict[int, list[int]] = defaultdict(list)
        for position, c in enumerate(inverse.ravel().tolist()):  # oldest first within a class
            members[c].append(group.members[position])
        cs, ks = np.nonzero(classes >= 0)  # by class, then by reach: the order of the arcs
        if caps is not None:  # a class whose members all hold a bound has none left
            kept_classes = np.array([c in members for c in range(len(classes))], dtype=bool)
            cs, ks = cs[kept_classes[cs]], ks[kept_classes[cs]]
        if len(group.members) == 1 and inst.excluded:
            kept = [
                not sole_pair_excluded(inst, group, need_groups[sub]) for sub in subs[ks].tolist()
            ]
            keep = np.array(kept, dtype=bool)
            cs, ks = cs[keep], ks[keep]
        used = np.unique(cs)  # a class becomes an offer group when an arc leaves it
        index = np.zeros(len(classes), dtype=np.int64)
        index[used] = len(offer_groups) + np.arange(len(used))
        offer_groups.extend(_like(group, members[c], None) for c in used.tolist())
        at = geo_arc[ks]
        parts.append(
            ArcTable(
                index[cs],
                subs[ks],
                geo_arcs.distance_km[at],
                geo_arcs.by_delivery[at],
                classes[cs, ks].astype(np.int64),
                more_of_class[cs, ks],
                cap_of_class[cs, ks],
            )
        )
    return Candidates(offer_groups, need_groups, ArcTable.joined(parts))  # by offer group


def _gives_more(
    inst: Instance,
    members: list[int],
    levels: np.ndarray,
    asks_for: np.ndarray,
    caps: np.ndarray | None = None,
) -> np.ndarray:
    """`gives_more_rank` of what each offer (rows) gives each reached need group
    (columns): of the smaller of what the offer has free (or holds of the thing
    asked: `caps`) and what the need asks (`_asks_for`), so offers that give a
    need alike stay one group."""
    rules = fit_rules()
    ranks = np.array(
        [
            gives_more_rank(
                inst.offer_free[i]
                * (
                    rules.things_per_packed
                    if rules.unit_group.get(inst.offers[i].unit) == "packed"
                    else 1
                )
            )
            for i in members
        ],
        dtype=np.int8,
    )
    more = np.maximum(ranks[:, None], asks_for[None, :])
    if caps is not None:
        rows, columns = np.nonzero(caps)
        for r, c in zip(rows.tolist(), columns.tolist(), strict=True):
            more[r, c] = max(gives_more_rank(int(caps[r, c])), int(asks_for[c]))
    more[levels < 0] = 0
    return more


def _drop_for_missed_kinds(
    more: np.ndarray,
    levels: np.ndarray,
    inst: Instance,
    members: list[int],
    need_groups: Sequence[Group],
    subs: np.ndarray,
) -> None:
    """Lower (in place) the gives-more rank of an offer on a need group that lists
    several kinds, for each of them the offer lacks (`fit.kinds_missed`)."""
    step = fit_rules().levels_per_missed_kind
    if not step:
        return
    for c, sub in enumerate(subs.tolist()):
        profile = need_groups[sub].profile
        if profile is None or JOIN not in profile.kind:
            continue
        for r, i in enumerate(members):
            missed = kinds_missed(profile.kind, inst.offers[i].kind)
            if missed and levels[r, c] >= 0:
                more[r, c] = min(MORE_LEVELS - 1, int(more[r, c]) + step * missed)


def _caps(
    inst: Instance, members: list[int], need_groups: Sequence[Group], subs: np.ndarray
) -> np.ndarray | None:
    """Per offer (rows) and reached need group (columns), the most the offer holds of
    what the group asks when that is less than all it has (`fit.kind_cap`); 0 where
    there is no such bound. None when no member counted its kinds apart."""
    counted = [(p, i) for p, i in enumerate(members) if inst.offers[i].kind_counts]
    if not counted:
        return None
    kinds = [p.kind if (p := need_groups[sub].profile) else "" for sub in subs.tolist()]
    caps = np.zeros((len(members), len(subs)), dtype=np.int64)
    for p, i in counted:
        for k, need_kind in enumerate(kinds):
            cap = kind_cap(inst.offers[i].kind_counts, need_kind)
            if cap is not None and cap < inst.offer_free[i]:
                caps[p, k] = cap
    return caps


def _classes_by_cap(
    rows: np.ndarray, caps: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_classes`, with each offer that holds a bound (`_caps`) in a class of its own,
    and the bound of each class on each reached need group."""
    classes, inverse = _classes(rows)
    cap_of_class = np.zeros((len(classes), rows.shape[1] // 2), dtype=np.int64)  # levels, more
    if caps is None or not caps.any():
        return classes, inverse, cap_of_class
    bound = np.flatnonzero(caps.any(axis=1))
    inverse = inverse.copy()
    inverse[bound] = len(classes) + np.arange(len(bound))
    classes = np.vstack((classes, rows[bound]))
    cap_of_class = np.vstack((cap_of_class, caps[bound]))
    return classes, inverse, cap_of_class


def _classes(levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(levels, axis=0, return_inverse=True)` for int8 rows: the distinct rows
    in the same order (as signed values, column by column), found by hashing each row's
    bytes rather than by sorting every row."""
    flipped = np.ascontiguousarray(levels).view(np.uint8) ^ 0x80  # bytes order as signed
    rows = cast(list[bytes], flipped.view(np.dtype((np.void, levels.shape[1]))).ravel().tolist())
    distinct = sorted(set(rows))
    index = {row: c for c, row in enumerate(distinct)}
    inverse = np.fromiter((index[row] for row in rows), dtype=np.intp, count=len(rows))
    table = np.frombuffer(b"".join(distinct), dtype=np.uint8) ^ 0x80
    return table.view(np.int8).reshape(len(distinct), levels.shape[1]), inverse


class _Splits:
    """The need groups each geo need group became, flat, for lookups on arrays."""

    def __init__(self, became: dict[int, list[int]], count: int) -> None:
        self.size = np.array([len(became.get(h, ())) for h in range(count)], dtype=np.int64)
        self.start = np.cumsum(self.size) - self.size
        self.flat = np.array(
            [sub for h in range(count) for sub in became.get(h, ())], dtype=np.int64
        )

    def reach(self, first: int, heads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For geo arcs `first`, `first + 1`, … into need groups `heads`: each arc's index
        repeated once per need group its head became, and those need groups."""
        size = self.size[heads]
        local = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
        geo_arc = np.repeat(np.arange(first, first + len(heads)), size)
        return geo_arc, self.flat[np.repeat(self.start[heads], size) + local]
