"""The records the pipeline passes around: pure data, no I/O.

Field names are the canonical ones (docs/architecture.md, Records); they are also the columns
of the CSV export.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

CATEGORIES: tuple[str, ...] = (
    "clothing",
    "shoes",
    "medicine",
    "furniture",
    "kitchenware",
    "hygiene",
    "food",
    "children",
    "toys",
    "bedding",
    "appliances",
    "other",
)

Urgency = Literal["high", "normal", "low"]
ProblemSource = Literal["offers", "needs", "matches"]
Severity = Literal["error", "note"]


class Status(StrEnum):
    PROPOSED = "proposed"
    CONTACTED = "contacted"
    AGREED = "agreed"
    DELIVERED = "delivered"
    DECLINED = "declined"
    CANCELLED = "cancelled"

    @property
    def is_live(self) -> bool:
        """A live match holds its quantity; a dead one frees it."""
        return self not in (Status.DECLINED, Status.CANCELLED)

    @property
    def is_open(self) -> bool:
        """Open proposals count against the per-donor and per-NGO caps."""
        return self in (Status.PROPOSED, Status.CONTACTED)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of a source sheet, keyed by canonical field name.

    `source_row` is 1-based with the header as row 1. Values are the strings
    exactly as typed (never numericised).
    """

    source_row: int
    values: Mapping[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, "") or ""


@dataclass(frozen=True, slots=True)
class Offer:
    offer_id: str
    source_row: int
    submitted_at: datetime | None
    donor_name: str
    phone: str  # E.164, or "" when the raw value was not a valid number
    city: str  # canonical place name, or the cleaned text when unknown
    category: str
    item: str
    quantity: int
    can_deliver: bool | None
    lat: float | None = None
    lon: float | None = None
    quantity_estimated: bool = False
    #: Who offers: lines of one donor share it (the phone, or the name and row).
    donor_key: str = ""
    kind: str = ""  # item kinds under the category, joined by "+"; "" = not said
    audience: str = ""  # men | women | adult | children | baby, joined by "+"
    season: str = ""  # winter | summer
    size: str = ""  # as written: "48", "44-46", "XL", "4"
    unit: str = ""  # pieces | pairs | sets | bags | kg | packs | boxes | liters | jars
    #: What the bags or boxes counted hold in all, in `content_unit`: "2 мешка по
    #: 50 кг" is 2 bags, content 100 kg. 0 when not said.
    content_quantity: int = 0
    content_unit: str = ""
    #: How many of each kind the line holds, when each was counted on its own:
    #: "baby_food/formula=3;canned/meat=12;grains/pasta=" (pasta: no count). "" when
    #: the counts cannot be told apart; matching then takes the whole quantity.
    kind_counts: str = ""


@dataclass(frozen=True, slots=True)
class Need:
    need_id: str
    source_row: int
    submitted_at: datetime | None
    organization: str
    contact_name: str
    phone: str
    city: str
    category: str
    item: str
    quantity: int
    urgency: Urgency
    lat: float | None = None
    lon: float | None = None
    quantity_estimated: bool = False
    kind: str = ""
    audience: str = ""
    season: str = ""
    size: str = ""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """A row (or a cell of it) we could not use as typed, and why.

    `code` keys a message in matcher/data/problem_messages.yaml; `params` fill
    its placeholders. The text is rendered in the coordinators' language by
    `matcher.messages.render_problem`.
    """

    source: ProblemSource
    source_row: int
    field: str
    value: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = "error"


@dataclass(frozen=True, slots=True)
class ExistingMatch:
    """A match already on the Matches tab, with the coordinators' status."""

    match_id: str
    offer_id: str
    need_id: str
    quantity: int
    status: Status


@dataclass(frozen=True, slots=True)
class Alternative:
    """A next-best offer for a need, shown beside a proposal for that need."""

    offer_id: str
    item: str
    fit_level: int
    distance_km: float | None


@dataclass(frozen=True, slots=True)
class Proposal:
    match_id: str
    offer_id: str
    need_id: str
    category: str
    quantity: int
    score: float
    #: Why: a `matcher.reasons.ReasonFacts`, worded where the sheet is written.
    facts: Any = None
    distance_km: float | None = None
    #: 0 when the offer fits the need on every point the need states.
    fit_level: int = 0
    #: Up to two other offers a coordinator could turn to for the same need.
    alternatives: tuple[Alternative, ...] = ()


#: Several values of one item-model field ("men+women", "outerwear/jackets+knitwear").
JOIN = "+"


#: The unit of a need that states no count: offers in any unit will do.
ANY_UNIT = "any"


def joined(values: Iterable[str]) -> str:
    """Values as one field: sorted, each once, empty ones left out."""
    return JOIN.join(sorted({v for v in values if v}))


def split_joined(value: str) -> frozenset[str]:
    """The values of a field written by `joined`."""
    return frozenset(v for v in value.split(JOIN) if v)


def within(path: str, head: str) -> bool:
    """Whether a kind path is `head` or one of its finer kinds ("outerwear/coats"
    within "outerwear"; "outerwear_x" is not)."""
    return path == head or path.startswith(head + "/")


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on `parts`, never on row order."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()
    return f"{prefix}-{digest}"


def match_id_for(offer_id: str, need_id: str) -> str:
    return stable_id("M", offer_id, need_id)
