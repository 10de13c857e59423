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
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from matcher import vocab
from matcher.model import Need, Offer

JOIN = "+"
_SIZE = re.compile(r"^(\d{1,3})(?:-(\d{1,3}))?(kg|y|m)?$")


class _FitFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    audience_fits: dict[str, list[str]]
    sized_categories: list[str]
    sized_kinds: list[str]
    unit_groups: dict[str, list[str]]
    height_by_age_months: dict[int, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class FitRules:
    audience_fits: dict[str, frozenset[str]]
    sized_categories: frozenset[str]
    sized_kinds: frozenset[str]
    unit_group: dict[str, str]
    height_by_age_months: dict[int, tuple[int, int]]


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
            out.setdefault("w", set()).add(part.upper())
            continue
        low = int(found.group(1))
        high = int(found.group(2) or low)
        out.setdefault(found.group(3) or "n", []).append((low, high))
    return out


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(lo <= y and x <= hi for x, y in a for lo, hi in b)


def _sizes_fit(offer: ItemProfile, need: ItemProfile) -> bool | None:
    """True, False, or None when the two sides give no size on a common scale.

    A child's age is compared with a height through the table in fit.yaml.
    """
    theirs, ours = _sizes(need.size), _sizes(offer.size)
    for scale in ("n", "kg", "y", "m", "w"):
        if scale in theirs and scale in ours:
            if scale == "w":
                return bool(theirs["w"] & ours["w"])  # type: ignore[operator]
            return _overlap(ours[scale], theirs[scale])  # type: ignore[arg-type]
    heights = {k: _heights(v, k) for k, v in (("need", theirs), ("offer", ours))}
    if heights["need"] and heights["offer"]:
        return _overlap(heights["offer"], heights["need"])
    return None


def _heights(sizes: dict[str, Any], side: str) -> list[tuple[int, int]]:
    """Heights in cm, from ages ("1-2 года", "0-6 мес") or from heights written as sizes."""
    table = fit_rules().height_by_age_months
    out: list[tuple[int, int]] = []
    for scale, factor in (("y", 12), ("m", 1)):
        for low, high in sizes.get(scale, []):
            months = [m for m in table if low * factor <= m <= max(high * factor, low * factor)]
            nearest = months or [min(table, key=lambda m: abs(m - low * factor))]
            out.append((min(table[m][0] for m in nearest), max(table[m][1] for m in nearest)))
    for low, high in sizes.get("n", []):
        if low >= 50:  # a height ("рост 110-122"), not an adult size
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


def item_fit(offer: ItemProfile, need: ItemProfile) -> Fit | None:
    """How `offer` fits `need` of the same category; None: it does not."""
    rules = fit_rules()
    unknown: list[str] = []
    kinds = _kinds_fit(_set(need.kind), _set(offer.kind))
    if kinds is None:
        return None
    if not kinds:
        unknown.append("kind")
    need_for, offer_for = _set(need.audience), _set(offer.audience)
    if need_for:
        if not offer_for:
            unknown.append("audience")
        elif not any(o in rules.audience_fits.get(n, {n}) for n in need_for for o in offer_for):
            return None
    need_season, offer_season = _set(need.season), _set(offer.season)
    if need_season:
        if not offer_season:
            unknown.append("season")
        elif not need_season & offer_season:
            return None
    if need.size and _size_matters(need):
        if not offer.size:
            unknown.append("size")
        else:
            sized = _sizes_fit(offer, need)
            if sized is False:
                return None
            if sized is None:
                unknown.append("size")
    group = rules.unit_group
    mismatch = group.get(offer.unit, "items") != group.get(need.unit, "items")
    return Fit(tuple(unknown), mismatch)
