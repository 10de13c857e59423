"""Turning assignments into proposals: score and a short reason sentence.

`score` is the proposal's urgency-weighted quantity (urgency weight × quantity,
in points), so the scores of a pass add up to its objective. A sentence reads
«Одежда · Лисичанск → Северодонецк, 9 км · срочно · заявка ждёт 12 дней».
"""

from __future__ import annotations

from collections.abc import Iterable

from matcher.candidates import Assignment
from matcher.instance import Instance, age_days
from matcher.labels import category_label, days_text, phrase, urgency_label
from matcher.model import Need, Offer, Proposal, match_id_for
from matcher.params import Language


def _distance_text(distance_km: float, language: Language) -> str:
    if distance_km < 0.5:
        return phrase("under_1_km", language)
    return phrase("km", language, n=round(distance_km))


def reason_text(
    offer: Offer,
    need: Need,
    distance_km: float | None,
    by_delivery: bool,
    age: int | None,
    language: Language,
) -> str:
    parts = [category_label(offer.category, language)]
    if distance_km is None:
        place = offer.city or need.city
        parts.append(f"{place} · {phrase('same_town', language)}" if place else "")
    else:
        route = f"{offer.city} → {need.city}, {_distance_text(distance_km, language)}"
        if by_delivery:
            route += f" {phrase('delivery', language)}"
        parts.append(route)
    parts.append(urgency_label(need.urgency, language))
    if age is not None:
        if age == 0:
            parts.append(phrase("waiting_today", language))
        else:
            parts.append(phrase("waiting", language, days=days_text(age, language)))
    return " · ".join(p for p in parts if p)


def to_proposals(inst: Instance, assignments: Iterable[Assignment]) -> list[Proposal]:
    """Proposals, most points first, then by need and offer id (deterministic)."""
    language = inst.params.language
    out = []
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
                reason=reason_text(
                    offer,
                    need,
                    a.distance_km,
                    a.by_delivery,
                    age_days(need.submitted_at, inst.now),
                    language,
                ),
                distance_km=None if a.distance_km is None else round(a.distance_km, 1),
            )
        )
    out.sort(key=lambda p: (-p.score, p.need_id, p.offer_id))
    return out
