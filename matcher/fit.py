"""How well an offer's item fits a need's item (matcher/data/fit.yaml).

`item_fit(offer, need)` is None when the offer contradicts the need (mittens
for a jacket need, children's clothes for a men's need, summer for winter, a
size outside the range), else a `Fit` whose `level` counts what is unknown:
0 is a full fit. A need silent on a point takes anything on it: «одежда»
takes any clothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from matcher import vocab
from matcher.model import Need, Offer

JOIN = "+"
_DIMENSION = re.compile(r"^\d+(?:[.,]\d+)?(?:[xх]\d+(?:[.,]\d+)?)+$", re.IGNORECASE)
_SIZE = re.compile(r"^(\d{1,3})(?:-(\d{1,3}))?(kg|y|m)?$")


class _FitFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    audience_fits: dict[str, list[str]]
    sized_categories: list[str]
    sized_kinds: list[str]
    unit_groups: dict[str, list[str]]
    height_by_age_months: dict[int, tuple[int, int]]
    shoe_size_by_age_months: dict[int, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class FitRules:
    audience_fits: dict[str, frozenset[str]]
    sized_categories: frozenset[str]
    sized_kinds: frozenset[str]
    unit_group: dict[str, str]
    height_by_age_months: dict[int, tuple[int, int]]
    shoe_size_by_age_months: dict[int, tuple[int, int]]


@cache
def fit_rules() -> FitRules:
    try:
        spec = _FitFile.model_validate(vocab.load_yaml("fit.yaml"))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise vocab.VocabularyError(f"fit.yaml: {where}: {first['msg']}") from exc
    return FitRules(
        audience_fits={k: frozenset(v) for k, v in spec.audience_fits.items()},
        sized_categories=frozenset(spec.sized_categories),
        sized_kinds=frozenset(spec.sized_kinds),
        unit_group=vocab.synonym_table(spec.unit_groups, "fit.yaml: unit_groups"),
        height_by_age_months=dict(spec.height_by_age_months),
        shoe_size_by_age_months=dict(spec.shoe_size_by_age_months),
    )


@dataclass(frozen=True, slots=True)
class ItemProfile:
    """What matching compares: one side's item model."""

    category: str
    kind: str = ""
    audience: str = ""
    season: str = ""
    size: str = ""
    unit: str = ""


def profile_of(record: Offer | Need) -> ItemProfile:
    return ItemProfile(
        record.category, record.kind, record.audience, record.season, record.size, record.unit
    )


@dataclass(frozen=True, slots=True)
class Fit:
    #: What the offer leaves unknown that the need states: kind, audience, season, size.
    unknown: tuple[str, ...] = ()
    #: The two sides count in different units ("мешки" and "штуки").
    unit_mismatch: bool = False

    @property
    def level(self) -> int:
        """0 for a full fit; one more for each unknown point or a unit mismatch."""
        return len(self.unknown) + int(self.unit_mismatch)


def _set(value: str) -> frozenset[str]:
    return frozenset(v for v in value.split(JOIN) if v)


def _sizes(size: str) -> dict[str, list[tuple[int, int]] | set[str]]:
    """Sizes by scale: "n" plain numbers and ranges (a size, a height), "kg" weight
    classes, "y" and "m" ages in years and months, "w" words ("XL", "евро")."""
    out: dict[str, Any] = {}
    for part in (p.strip() for p in size.split(",") if p.strip()):
        found = _SIZE.match(part)
        if not found:
            scale = "d" if _DIMENSION.match(part) else "w"
            out.setdefault(scale, set()).add(part.upper())
            continue
        low = int(found.group(1))
        high = int(found.group(2) or low)
        out.setdefault(found.group(3) or "n", []).append((low, high))
    return out


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]], *, stages: bool = False) -> bool:
    """Whether two lists of ranges share a size. With `stages` (ages of formula,
    of clothes), ranges that only touch ("0-6" and "6-12" months) do not."""
    if stages:
        return any(_shares_stage(x, y, lo, hi) for x, y in a for lo, hi in b)
    return any(lo <= y and x <= hi for x, y in a for lo, hi in b)


def _shares_stage(x: int, y: int, lo: int, hi: int) -> bool:
    if x == y or lo == hi:  # a single age: inside the range, its upper end excluded
        point, (low, high) = (x, (lo, hi)) if x == y else (lo, (x, y))
        return low <= point < high or low == high == point
    return x < hi and lo < y


def _sizes_fit(offer: ItemProfile, need: ItemProfile) -> bool | None:
    """True, False, or None when the two sides give no size on a common scale.

    A child's age is compared with a height through the table in fit.yaml.
    """
    theirs, ours = _sizes(need.size), _sizes(offer.size)
    for scale in ("n", "kg", "y", "m", "w", "d"):
        if scale in theirs and scale in ours:
            if scale == "w":
                return bool(theirs["w"] & ours["w"])  # type: ignore[operator]
            if scale == "d":  # "160x200" and "150x200" may both do: a person decides
                return True if theirs["d"] & ours["d"] else None  # type: ignore[operator]
            stages = scale in ("y", "m")
            return _overlap(ours[scale], theirs[scale], stages=stages)  # type: ignore[arg-type]
    shoes = need.category == "shoes"
    rules = fit_rules()
    table = rules.shoe_size_by_age_months if shoes else rules.height_by_age_months
    lowest = 15 if shoes else 50  # below this a number is not a size on the table's scale
    found = [_on_scale(sizes, table, lowest) for sizes in (theirs, ours)]
    if found[0] and found[1]:
        return _overlap(found[1], found[0])
    return None


def _on_scale(
    sizes: dict[str, Any], table: dict[int, tuple[int, int]], lowest: int
) -> list[tuple[int, int]]:
    """Sizes on a child's scale (height in cm, or shoe size), from ages ("1-2 года",
    "0-6 мес") through `table`, or as written when they are on that scale."""
    out: list[tuple[int, int]] = []
    for scale, factor in (("y", 12), ("m", 1)):
        for low, high in sizes.get(scale, []):
            months = [m for m in table if low * factor <= m <= max(high * factor, low * factor)]
            nearest = months or [min(table, key=lambda m: abs(m - low * factor))]
            out.append((min(table[m][0] for m in nearest), max(table[m][1] for m in nearest)))
    for low, high in sizes.get("n", []):
        if low >= lowest:
            out.append((low, high))
    return out


def _kinds_fit(need: frozenset[str], offer: frozenset[str]) -> bool | None:
    """Kinds are paths ("outerwear/coats"): a need for "outerwear" takes any coat
    or jacket; a need for coats takes coats. True: fits; False: the offer names
    only something broader (unknown); None: the offer names something else."""
    if not need:
        return True
    broader = False
    for wanted in need:
        for given in offer:
            if given == wanted or given.startswith(wanted + "/"):
                return True
            if wanted.startswith(given + "/"):
                broader = True
    if not offer or broader:
        return False
    return None


def _size_matters(need: ItemProfile) -> bool:
    rules = fit_rules()
    kinds = {k.split("/")[0] for k in _set(need.kind)} | _set(need.kind)
    return need.category in rules.sized_categories or bool(kinds & rules.sized_kinds)


#: An offer that fits on every point the need states.
FULL_FIT = Fit()
#: The points a fit is judged on, in the order reasons name them.
POINTS = ("kind", "audience", "season", "size")
#: A point's verdict: it fits, the offer leaves it unknown, or it contradicts.
FITS, UNKNOWN, CONTRADICTS = 0, 1, None


@lru_cache(maxsize=65_536)
def kind_point(need_kind: str, offer_kind: str) -> int | None:
    fits = _kinds_fit(_set(need_kind), _set(offer_kind))
    return CONTRADICTS if fits is None else (FITS if fits else UNKNOWN)


@lru_cache(maxsize=65_536)
def audience_point(need_audience: str, offer_audience: str) -> int | None:
    need_for, offer_for = _set(need_audience), _set(offer_audience)
    if not need_for:
        return FITS
    if not offer_for:
        return UNKNOWN
    fits = fit_rules().audience_fits
    return FITS if any(o in fits.get(n, {n}) for n in need_for for o in offer_for) else None


@lru_cache(maxsize=65_536)
def season_point(need_season: str, offer_season: str) -> int | None:
    wanted, given = _set(need_season), _set(offer_season)
    if not wanted:
        return FITS
    if not given:
        return UNKNOWN
    return FITS if wanted & given else CONTRADICTS


@lru_cache(maxsize=65_536)
def size_point(need_category: str, need_kind: str, need_size: str, offer_size: str) -> int | None:
    need = ItemProfile(need_category, need_kind, size=need_size)
    if not need_size or not _size_matters(need):
        return FITS
    if not offer_size:
        return UNKNOWN
    sized = _sizes_fit(ItemProfile(need_category, size=offer_size), need)
    return CONTRADICTS if sized is False else (FITS if sized else UNKNOWN)


@lru_cache(maxsize=4_096)
def units_differ(need_unit: str, offer_unit: str) -> bool:
    group = fit_rules().unit_group
    return group.get(offer_unit, "items") != group.get(need_unit, "items")


@lru_cache(maxsize=64)
def fit_of_mask(mask: int) -> Fit:
    """The Fit whose unknown points are the bits of `mask` (bit k: POINTS[k]);
    bit 4 says the units differ."""
    unknown = tuple(point for k, point in enumerate(POINTS) if mask >> k & 1)
    return Fit(unknown, bool(mask >> len(POINTS) & 1))


def item_fit(offer: ItemProfile, need: ItemProfile) -> Fit | None:
    """How `offer` fits `need` of the same category; None: it does not."""
    verdicts = (
        kind_point(need.kind, offer.kind),
        audience_point(need.audience, offer.audience),
        season_point(need.season, offer.season),
        size_point(need.category, need.kind, need.size, offer.size),
    )
    if CONTRADICTS in verdicts:
        return None
    mask = sum(1 << k for k, verdict in enumerate(verdicts) if verdict == UNKNOWN)
    if units_differ(need.unit, offer.unit):
        mask |= 1 << len(POINTS)
    return fit_of_mask(mask)
