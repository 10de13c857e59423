"""Donor dedup: the same phone within `dedup_days` is one donor.

Submissions of one phone are sorted by time; a window opens at a submission
and takes every later one within `dedup_days` of its first. A repeat updates
the donor (latest name, city, delivery answer) and the lines by category (the
latest details for a category win); it never doubles them. The window's first
timestamp goes into the offer id, so ids survive reordering and edits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from matcher.normalize.items import ItemLine


@dataclass(slots=True)
class Submission:
    """One usable form row of a donor."""

    source_row: int
    submitted_at: datetime | None
    donor_name: str
    phone: str
    city: str
    lat: float | None
    lon: float | None
    can_deliver: bool | None
    lines: tuple[ItemLine, ...]


@dataclass(slots=True)
class Donor:
    """A donor's merged submissions within one dedup window."""

    key: str
    window_start: datetime | None
    latest: Submission
    lines: dict[str, tuple[ItemLine, int]] = field(default_factory=dict)  # code -> (line, row)
    rows: list[int] = field(default_factory=list)
    can_deliver: bool | None = None


def donor_key(sub: Submission) -> str:
    return sub.phone


def _order(sub: Submission) -> tuple[datetime, int]:
    return (sub.submitted_at or datetime.min, sub.source_row)


def merge_submissions(subs: Iterable[Submission], dedup_days: int) -> list[Donor]:
    """Donors from submissions that have a valid phone (others are not merged)."""
    groups: dict[str, list[Submission]] = defaultdict(list)
    for sub in subs:
        groups[donor_key(sub)].append(sub)
    window = timedelta(days=max(dedup_days, 0))
    donors: list[Donor] = []
    for key, group in groups.items():
        current: Donor | None = None
        for sub in sorted(group, key=_order):
            if current is None or not _same_window(current, sub, window):
                current = Donor(key, sub.submitted_at, sub)
                donors.append(current)
            _absorb(current, sub)
    return donors


def _same_window(donor: Donor, sub: Submission, window: timedelta) -> bool:
    if donor.window_start is None or sub.submitted_at is None:
        return donor.window_start is None and sub.submitted_at is None
    return sub.submitted_at - donor.window_start <= window


def _absorb(donor: Donor, sub: Submission) -> None:
    donor.rows.append(sub.source_row)
    previous = donor.latest
    donor.latest = Submission(
        sub.source_row,
        sub.submitted_at,
        sub.donor_name or previous.donor_name,
        sub.phone,
        sub.city or previous.city,
        sub.lat if sub.city else previous.lat,
        sub.lon if sub.city else previous.lon,
        sub.can_deliver,
        sub.lines,
    )
    if sub.can_deliver is not None:
        donor.can_deliver = sub.can_deliver
    for line in sub.lines:
        donor.lines[line.category] = (line, sub.source_row)
