"""Frozen parameters of the pure core, built by the shell from config.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Language = Literal["ru", "uk", "en"]


@dataclass(frozen=True, slots=True)
class NormalizeParams:
    #: Submissions from the same phone within this many days are one donor.
    dedup_days: int = 14
    #: Longest text kept in a cell (Google's limit is 50,000 characters).
    max_cell_chars: int = 50_000


@dataclass(frozen=True, slots=True)
class MatchParams:
    max_distance_km: float = 30.0
    delivery_distance_km: float = 150.0
    urgency_weights: dict[str, int] = field(
        default_factory=lambda: {"high": 3, "normal": 2, "low": 1}
    )
    max_open_per_donor: int | None = None
    max_open_per_ngo: int | None = None
    language: Language = "ru"
    #: "Now" for the age of a need in reasons; passed in so results are repeatable.
    now: datetime | None = None
