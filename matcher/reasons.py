"""Turning assignments into proposals: a score and the facts behind them.

`score` is the proposal's urgency-weighted quantity (urgency weight × quantity,
in points), so the scores of a pass add up to its objective. The reason stays
data (`ReasonFacts`) until the sheet is written; `render_reason` words it in
the coordinators' language: «куртка мужская ↔ куртки мужские зимние ·
Лисичанск → Северодонецк, 6 км · срочно · заявка ждёт 12 дней · сезон не указан».
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from matcher.candidates import Assignment
from matcher.fit import Fit, ItemProfile, item_fit, profile_of
from matcher.instance import Instance, age_days
from matcher.labels import category_label, days_text, phrase, urgency_label
from matcher.model import Alternative, Proposal, match_id_for
from matcher.params import Language

#: Longest item text quoted in a reason; the Offers and Needs tabs hold the rest.
ITEM_CHARS = 40


@dataclass(frozen=True, slots=True)
class ReasonFacts:
    """Why a pair was proposed, as data; `render_reason` words it for a sheet."""

    category: str
    offer_item: str
    need_item: str
    offer_city: str
    need_city: str
    distance_km: float | None
    by_delivery: bool
    urgency: str
    waiting_days: int | None
    #: What the offer leaves unknown that the need asks: kind, audience, season, size.
    unknown: tuple[str, ...] = ()
    #: (offer unit, need unit) when they differ: the pair is proposed for one unit.
    units: tuple[str, str] | None = None


def _distance_text(distance_km: float, language: Language) -> str:
    if distance_km < 0.5:
        return phrase("under_1_km", language)
    return phrase("km", language, n=round(distance_km))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ITEM_CHARS else text[: ITEM_CHARS - 1].rstrip() + "…"


def render_reason(facts: ReasonFacts, language: Language, *, waiting: bool = True) -> str:
    """«куртка мужская зимняя ↔ зимние куртки мужские · Лисичанск → Северодонецк, 6 км ·
    срочно · заявка ждёт 12 дней · размер не указан»; without how long the need has
    waited when `waiting` is False."""
    if facts.offer_item and facts.need_item:
        parts = [f"{_short(facts.offer_item)} ↔ {_short(facts.need_item)}"]
    else:
        parts = [category_label(facts.category, language)]
    if facts.distance_km is None:
        place = facts.offer_city or facts.need_city
        parts.append(f"{place} · {phrase('same_town', language)}" if place else "")
    else:
        route = f"{facts.offer_city} → {facts.need_city}, "
        route += _distance_text(facts.distance_km, language)
        if facts.by_delivery:
            route += f" {phrase('delivery', language)}"
        parts.append(route)
    parts.append(urgency_label(facts.urgency, language))
    if waiting and facts.waiting_days is not None:
        if facts.waiting_days == 0:
            parts.append(phrase("waiting_today", language))
        else:
            parts.append(phrase("waiting", language, days=days_text(facts.waiting_days, language)))
    parts.extend(phrase(f"unknown_{point}", language) for point in facts.unknown)
    if facts.units:
        parts.append(phrase("units_differ", language))
    return " · ".join(p for p in parts if p)


def alternatives_text(proposal: Proposal, language: Language) -> str:
    """«O-1a2b3c (куртка мужская, 4 км); O-4d5e6f (пальто, размер не указан)»."""
    out = []
    for alt in proposal.alternatives:
        notes = [alt.item] if alt.item else []
        if alt.distance_km is not None:
            notes.append(_distance_text(alt.distance_km, language))
        if alt.fit_level:
            notes.append(phrase("partial_fit", language))
        out.append(f"{alt.offer_id} ({', '.join(notes)})" if notes else alt.offer_id)
    return "; ".join(out)


class _Fits:
    """`item_fit` of each pair of lines, worked out once per pair of item models: a
    pass proposes many pairs, of far fewer distinct models."""

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        self.offers: dict[int, ItemProfile] = {}
        self.needs: dict[int, ItemProfile] = {}
        self.found: dict[tuple[ItemProfile, ItemProfile], Fit | None] = {}

    def of(self, i: int, j: int) -> Fit | None:
        offer = self.offers.get(i) or self.offers.setdefault(i, profile_of(self.inst.offers[i]))
        need = self.needs.get(j) or self.needs.setdefault(j, profile_of(self.inst.needs[j]))
        key = (offer, need)
        if key not in self.found:
            self.found[key] = item_fit(offer, need)
        return self.found[key]


def _facts(inst: Instance, a: Assignment, fits: _Fits) -> ReasonFacts:
    offer, need = inst.offers[a.offer], inst.needs[a.need]
    fit = fits.of(a.offer, a.need) or a.fit  # names the unknown points
    return ReasonFacts(
        category=offer.category,
        offer_item=offer.item,
        need_item=need.item,
        offer_city=offer.city,
        need_city=need.city,
        distance_km=a.distance_km,
        by_delivery=a.by_delivery,
        urgency=need.urgency,
        waiting_days=age_days(need.submitted_at, inst.now),
        # a medicine's "size" is its form (syrup, tablets)
        unknown=tuple(
            "form" if point == "size" and offer.category == "medicine" else point
            for point in fit.unknown
        ),
        units=(offer.unit, need.unit) if fit.unit_mismatch else None,
    )


def to_proposals(
    inst: Instance,
    assignments: Iterable[Assignment],
    alternatives: Mapping[int, tuple[Alternative, ...]] | None = None,
) -> list[Proposal]:
    """Proposals, most points first, then by need and offer id (deterministic)."""
    out = []
    fits = _Fits(inst)
    for a in assignments:
        offer, need = inst.offers[a.offer], inst.needs[a.need]
        out.append(
            Proposal(
                match_id=match_id_for(offer.offer_id, need.need_id),
                offer_id=offer.offer_id,
                need_id=need.need_id,
                category=offer.category,
                quantity=a.quantity,
                score=float(inst.need_weight[a.need] * a.quantity),
                facts=_facts(inst, a, fits),
                distance_km=None if a.distance_km is None else round(a.distance_km, 1),
                fit_level=a.fit.level,
                alternatives=(alternatives or {}).get(a.need, ()),
            )
        )
    out.sort(key=lambda p: (-p.score, p.need_id, p.offer_id))
    return out
