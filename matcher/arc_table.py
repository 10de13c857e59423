"""Candidate arcs between groups, held as columns.

A pass at 100,000 offer lines has millions of candidate arcs; as one object each
they cost seconds to build, seconds to read back into arrays for the flow, and
hundreds of MiB. The table keeps them as numpy columns, and a `GroupArc` is
made only for an arc that is read one by one (one that carries flow, an
alternative offered).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from matcher.fit import FULL_FIT, Fit

#: Added to a fit code when the two sides count in different units.
UNITS_DIFFER = 8
#: Levels of `gives_more_rank`: 0 (gives the most) .. MORE_LEVELS - 1 (gives one).
MORE_LEVELS = 16


def gives_more_rank(free: int) -> int:
    """How little an offer gives a need (what it has free, or less when the need
    asks for less: `item_groups._gives_more`): one level per factor of √2, so 72
    hats rank before 15 and 15 before one, while offers within a level (17 and 22)
    tie and distance decides. 0 from 256 up."""
    if free < 1:
        return MORE_LEVELS - 1
    return max(0, MORE_LEVELS - 1 - math.floor(2 * math.log2(free)))


def fit_order(level: Any, more: Any) -> Any:
    """The fit level, then how little the offer gives the need, as one
    number (of one arc, or of arrays of them): the order in which the flow and the
    short list rank an arc's item."""
    return level * MORE_LEVELS + more


@dataclass(frozen=True, slots=True)
class GroupArc:
    offer_group: int
    need_group: int
    #: None when matched by place name because a side has no coordinates.
    distance_km: float | None
    #: True when the distance is allowed only because the donor delivers.
    by_delivery: bool
    #: How the offer's item fits the need's item (never a contradiction).
    fit: Fit = FULL_FIT
    #: `gives_more_rank` of what the offer gives the need.
    more: int = 0
    #: The most the arc may carry when the offer holds less of the thing asked than
    #: its whole quantity (`fit.kind_cap`); 0: no such bound.
    cap: int = 0


@lru_cache(maxsize=64)
def fit_of_code(code: int) -> Fit:
    """A Fit with the level and unit flag of `code` (unknown points + UNITS_DIFFER
    when the units differ); its unknown points are not named."""
    return Fit(("unstated",) * (code % UNITS_DIFFER), code >= UNITS_DIFFER)


def code_of_fit(fit: Fit) -> int:
    return len(fit.unknown) + UNITS_DIFFER * fit.unit_mismatch


@dataclass(frozen=True, slots=True)
class ArcTable:
    """One row per arc, ordered by offer group."""

    offer_group: np.ndarray  # int64
    need_group: np.ndarray  # int64
    distance_km: np.ndarray  # float64; NaN: matched by place name
    by_delivery: np.ndarray  # bool
    fit_code: np.ndarray  # int64, as `code_of_fit`
    more: np.ndarray  # int8, as `GroupArc.more`
    cap: np.ndarray  # int64, as `GroupArc.cap`

    def __len__(self) -> int:
        return len(self.offer_group)

    @property
    def level(self) -> np.ndarray:
        """`Fit.level` of every arc."""
        return self.fit_code % UNITS_DIFFER + (self.fit_code >= UNITS_DIFFER)

    @property
    def order_of_fit(self) -> np.ndarray:
        """`fit_order` of every arc."""
        return np.asarray(fit_order(self.level, self.more))

    @property
    def one_unit(self) -> np.ndarray:
        """Arcs whose two sides count in different units."""
        return self.fit_code >= UNITS_DIFFER

    def arc(self, k: int) -> GroupArc:
        distance = float(self.distance_km[k])
        return GroupArc(
            int(self.offer_group[k]),
            int(self.need_group[k]),
            None if np.isnan(distance) else distance,
            bool(self.by_delivery[k]),
            fit_of_code(int(self.fit_code[k])),
            int(self.more[k]),
            int(self.cap[k]),
        )

    def arcs(self) -> list[GroupArc]:
        """Every arc as an object (for the capped solve, the greedy baseline, tests)."""
        columns = (self.offer_group, self.need_group, self.distance_km, self.by_delivery)
        groups, needs, km, delivery = (column.tolist() for column in columns)
        return [
            GroupArc(g, h, None if d != d else d, b, fit_of_code(c), m, k)  # d != d: NaN
            for g, h, d, b, c, m, k in zip(
                groups,
                needs,
                km,
                delivery,
                self.fit_code.tolist(),
                self.more.tolist(),
                self.cap.tolist(),
                strict=True,
            )
        ]

    @classmethod
    def of(cls, arcs: Sequence[GroupArc]) -> ArcTable:
        count = len(arcs)
        return cls(
            np.fromiter((a.offer_group for a in arcs), np.int64, count),
            np.fromiter((a.need_group for a in arcs), np.int64, count),
            np.fromiter(
                (np.nan if a.distance_km is None else a.distance_km for a in arcs),
                np.float64,
                count,
            ),
            np.fromiter((a.by_delivery for a in arcs), bool, count),
            np.fromiter((code_of_fit(a.fit) for a in arcs), np.int64, count),
            np.fromiter((a.more for a in arcs), np.int8, count),
            np.fromiter((a.cap for a in arcs), np.int64, count),
        )

    @classmethod
    def joined(cls, parts: Sequence[ArcTable]) -> ArcTable:
        if not parts:
            return cls.of([])
        return cls(
            *(
                np.concatenate([getattr(p, name) for p in parts])
                for name in (
                    "offer_group",
                    "need_group",
                    "distance_km",
                    "by_delivery",
                    "fit_code",
                    "more",
                    "cap",
                )
            )
        )

    def into_need_groups(self, n_need_groups: int) -> tuple[np.ndarray, np.ndarray]:
        """Arc indices grouped by need group, each group's best fit first (among offers
        that fit alike, the one that gives more first), then nearest
        (a name match counts as 0 km), then by offer group; and where each need
        group's arcs start (group h: order[start[h]:start[h + 1]])."""
        nearest = np.nan_to_num(self.distance_km, nan=0.0)
        order = np.lexsort((self.offer_group, nearest, self.order_of_fit, self.need_group))
        start = np.searchsorted(self.need_group[order], np.arange(n_need_groups + 1))
        return order, start
