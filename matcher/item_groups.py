"""The item layer of blocking: geo groups split by what their members are.

Geography first (`candidates.geo_candidates`: category, place, reach), then
items. Needs are few: a need group's members are split by their whole item
model. Offers are many and varied (every size, season, audience), so offers of
one geo group are merged by what matters to the flow: two offers are
interchangeable when they fit every need they can reach at the same level.
The fit of each point (kind, audience, season, size, unit) is looked up once
per pair of distinct values, and combined for all offers and needs at once
with numpy, so the cost grows with the distinct values, not with the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import cast

import numpy as np

from matcher.candidates import Candidates, Group, GroupArc, sole_pair_excluded
from matcher.fit import (
    CONTRADICTS,
    UNKNOWN,
    Fit,
    ItemProfile,
    audience_point,
    counts_things,
    kind_point,
    profile_of,
    season_point,
    size_point,
    unit_group,
    unit_point,
)
from matcher.instance import Instance

#: Verdict codes in the tables: fits, unknown, contradicts.
_FIT, _UNKNOWN, _NO = 0, 1, 2
_UNITS = 8  # added to a fit code when the two sides count in different units


class _Codes:
    """Distinct values of one point, each with a small integer code."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}

    def code(self, value: object) -> int:
        return self.index.setdefault(value, len(self.index))

    def values(self) -> list[object]:
        return list(self.index)


def _table(
    need_codes: _Codes, offer_codes: _Codes, verdict: Callable[[object, object], int | None]
) -> np.ndarray:
    """Verdicts for every pair of distinct need and offer values."""
    table = np.empty((len(need_codes.index), len(offer_codes.index)), dtype=np.int8)
    for n, need_value in enumerate(need_codes.values()):
        for o, offer_value in enumerate(offer_codes.values()):
            found = verdict(need_value, offer_value)
            table[n, o] = _NO if found is CONTRADICTS else (_UNKNOWN if found == UNKNOWN else _FIT)
    return table


class _Encoder:
    """Item models as rows of codes, one column per point, and the verdict tables."""

    def __init__(self) -> None:
        self.need = [_Codes() for _ in range(5)]
        self.offer = [_Codes() for _ in range(5)]
        self.rows: dict[tuple[str, ...], tuple[int, ...]] = {}

    def need_row(self, p: ItemProfile) -> tuple[int, ...]:
        unit = (unit_group(p.unit, p.category), counts_things(p))
        values = (p.kind, p.audience, p.season, (p.category, p.kind, p.size), unit)
        return tuple(c.code(v) for c, v in zip(self.need, values, strict=True))

    def offer_row(self, values: tuple[str, str, str, str, str]) -> tuple[int, ...]:
        """Codes of an offer's (kind, audience, season, size, unit)."""
        row = self.rows.get(values)
        if row is None:
            row = self.rows[values] = tuple(
                c.code(v) for c, v in zip(self.offer, values, strict=True)
            )
        return row

    def tables(self) -> list[np.ndarray]:
        def sized(need: object, offer: object) -> int | None:
            category, kind, size = cast(tuple[str, str, str], need)
            return size_point(category, kind, size, str(offer))

        def units(need: object, offer: object) -> int | None:
            group, counts = cast(tuple[str, bool], need)
            return unit_point(group, counts, str(offer))

        checks: list[Callable[[object, object], int | None]] = [
            lambda n, o: kind_point(str(n), str(o)),
            lambda n, o: audience_point(str(n), str(o)),
            lambda n, o: season_point(str(n), str(o)),
            sized,
            units,
        ]
        return [_table(self.need[k], self.offer[k], check) for k, check in enumerate(checks)]


def _levels(tables: list[np.ndarray], needs: np.ndarray, offers: np.ndarray) -> np.ndarray:
    """Fit codes (offers × needs): the number of unknown points, plus 8 when the
    units differ; -1 where a point contradicts. Which points are unknown does
    not matter to the flow, only how many, so offers group more tightly; the
    reason of a proposal names them (`fit.item_fit` on the pair)."""
    level = np.zeros((len(offers), len(needs)), dtype=np.int8)
    contradicts = np.zeros(level.shape, dtype=bool)
    for k in range(4):
        verdict = tables[k][needs[None, :, k], offers[:, None, k]]
        level += verdict == _UNKNOWN
        contradicts |= verdict == _NO
    units = tables[4][needs[None, :, 4], offers[:, None, 4]]
    level += (units == _UNKNOWN) * _UNITS
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
        by_profile: dict[ItemProfile, list[int]] = defaultdict(list)
        for j in group.members:  # oldest first, kept within each split
            by_profile[profile_of(inst.needs[j])].append(j)
        for profile, members in by_profile.items():
            became[h].append(len(out))
            rows.append(encoder.need_row(profile))
            out.append(_like(group, members, profile))
    return out, became, rows


def _like(group: Group, members: list[int], profile: ItemProfile | None) -> Group:
    return Group(
        group.category, group.lat, group.lon, group.place, group.radius_km, members, profile
    )


@lru_cache(maxsize=64)
def _coarse_fit(code: int) -> Fit:
    """A Fit with the right level and unit flag; its unknown points are not named."""
    return Fit(("unstated",) * (code % _UNITS), code >= _UNITS)


def split_by_item(inst: Instance, geo: Candidates) -> Candidates:
    """Candidates whose groups are alike in item too, with the fit on every arc."""
    encoder = _Encoder()
    need_groups, became, need_rows = _split_needs(inst, geo.need_groups, encoder)
    profiles = (profile_of(o) for o in inst.offers)  # the season a kind implies, too
    offer_rows = [  # units of one group count alike
        encoder.offer_row((p.kind, p.audience, p.season, p.size, unit_group(p.unit, p.category)))
        for p in profiles
    ]
    tables = encoder.tables()
    need_codes = np.array(need_rows, dtype=np.int32).reshape(-1, 5)
    arcs_of: dict[int, list[GroupArc]] = defaultdict(list)
    for arc in geo.arcs:
        arcs_of[arc.offer_group].append(arc)
    offer_groups: list[Group] = []
    arcs: list[GroupArc] = []
    for g, group in enumerate(geo.offer_groups):
        reach = [(sub, arc) for arc in arcs_of.get(g, []) for sub in became[arc.need_group]]
        if not reach:
            continue
        subs = np.array([sub for sub, _ in reach], dtype=np.int64)
        codes = np.array([offer_rows[i] for i in group.members], dtype=np.int32)
        levels = _levels(tables, need_codes[subs], codes)
        classes, inverse = np.unique(levels, axis=0, return_inverse=True)
        members: dict[int, list[int]] = defaultdict(list)
        for position, c in enumerate(inverse.ravel().tolist()):  # oldest first within a class
            members[c].append(group.members[position])
        lone = len(group.members) == 1 and bool(inst.excluded)
        placed: dict[int, int] = {}  # class -> its index among the offer groups
        for c, k in zip(*np.nonzero(classes >= 0), strict=True):
            sub, arc = reach[k]
            if lone and sole_pair_excluded(inst, group, need_groups[sub]):
                continue
            index = placed.get(c)
            if index is None:
                index = placed[c] = len(offer_groups)
                offer_groups.append(_like(group, members[int(c)], None))
            fit = _coarse_fit(int(classes[c, k]))
            arcs.append(GroupArc(index, sub, arc.distance_km, arc.by_delivery, fit))
    return Candidates(offer_groups, need_groups, arcs)  # ordered by offer group, as built
