"""Small builders of offers, needs and matches for the engine's tests."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from matcher.model import ExistingMatch, Need, Offer, Status, match_id_for

NOW = datetime(2024, 6, 1, 12, 0)

#: Towns of eastern Ukraine (ru canonical name -> lat, lon).
TOWNS: dict[str, tuple[float, float]] = {
    "Лисичанск": (48.9048, 38.4420),
    "Северодонецк": (48.9482, 38.4911),
    "Рубежное": (49.0067, 38.3764),
    "Кременная": (49.0471, 38.2170),
    "Старобельск": (49.2781, 38.9093),
    "Бахмут": (48.5950, 37.9999),
    "Краматорск": (48.7389, 37.5844),
    "Славянск": (48.8520, 37.6050),
    "Попасная": (48.6330, 38.3830),
    "Константиновка": (48.5330, 37.7070),
}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine, written independently of matcher.geo."""
    r = 6371.0088
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * r * math.asin(math.sqrt(h))


def offer(
    offer_id: str,
    town: str = "Лисичанск",
    *,
    category: str = "clothing",
    quantity: int = 1,
    days_ago: float | None = 10,
    can_deliver: bool | None = False,
    phone: str = "",
    located: bool = True,
) -> Offer:
    lat, lon = TOWNS[town] if located and town in TOWNS else (None, None)
    return Offer(
        offer_id=offer_id,
        source_row=2,
        submitted_at=None if days_ago is None else NOW - timedelta(days=days_ago),
        donor_name="Донор",
        phone=phone,
        city=town,
        category=category,
        item="",
        quantity=quantity,
        can_deliver=can_deliver,
        lat=lat,
        lon=lon,
    )


def need(
    need_id: str,
    town: str = "Северодонецк",
    *,
    category: str = "clothing",
    quantity: int = 1,
    urgency: str = "normal",
    days_ago: float | None = 10,
    organization: str = "Фонд",
    located: bool = True,
) -> Need:
    lat, lon = TOWNS[town] if located and town in TOWNS else (None, None)
    return Need(
        need_id=need_id,
        source_row=2,
        submitted_at=None if days_ago is None else NOW - timedelta(days=days_ago),
        organization=organization,
        contact_name="",
        phone="",
        city=town,
        category=category,
        item="",
        quantity=quantity,
        urgency=urgency,  # type: ignore[arg-type]
        lat=lat,
        lon=lon,
    )


def match(offer_id: str, need_id: str, quantity: int, status: Status) -> ExistingMatch:
    return ExistingMatch(match_id_for(offer_id, need_id), offer_id, need_id, quantity, status)
