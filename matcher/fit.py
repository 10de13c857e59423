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

from pydantic import BaseModel, ConfigDict, ValidationError

from matcher import vocab
from matcher.model import Need, Offer

JOIN = "+"
_NUMBER_RANGE = re.compile(r"^(\d{1,3})(?:-(\d{1,3}))?$")


class _FitFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    audience_fits: dict[str, list[str]]
    sized_categories: list[str]
    sized_kinds: list[str]
    unit_groups: dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class FitRules:
    audience_fits: dict[str, frozenset[str]]
    sized_categories: frozenset[str]
    sized_kinds: frozenset[str]
    unit_group: dict[str, str]


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


def _ranges(size: str, kind_set: frozenset[str]) -> list[tuple[int, int]] | None:
    """Numeric sizes as ranges; None when a size is written some other way ("XL")."""
    out: list[tuple[int, int]] = []
    for part in (p.strip() for p in size.split(",")):
        found = _NUMBER_RANGE.match(part)
        if not found:
            return None
        low = int(found.group(1))
        high = int(found.group(2) or low)
        if "diapers" in kind_set and high > 7:
            continue  # a diaper's weight class ("9-14" kg), not its size
        out.append((low, high))
    return out


def _sizes_fit(offer: ItemProfile, need: ItemProfile) -> bool | None:
    """True, False, or None when the sizes cannot be compared."""
    theirs = _ranges(need.size, _set(need.kind))
    ours = _ranges(offer.size, _set(offer.kind))
    if not theirs or not ours:
        if theirs is None or ours is None:
            letters_need = {p.strip().upper() for p in need.size.split(",")}
            letters_offer = {p.strip().upper() for p in offer.size.split(",")}
            return True if letters_need & letters_offer else None
        return None
    return any(lo <= b and a <= hi for a, b in ours for lo, hi in theirs)


def _size_matters(need: ItemProfile) -> bool:
    rules = fit_rules()
    return need.category in rules.sized_categories or bool(_set(need.kind) & rules.sized_kinds)


def item_fit(offer: ItemProfile, need: ItemProfile) -> Fit | None:
    """How `offer` fits `need` of the same category; None: it does not."""
    rules = fit_rules()
    unknown: list[str] = []
    need_kinds, offer_kinds = _set(need.kind), _set(offer.kind)
    if need_kinds:
        if not offer_kinds:
            unknown.append("kind")
        elif not need_kinds & offer_kinds:
            return None
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
