"""The lease on a coordination spreadsheet that several machines may write (Google).

A workbook has a lock file beside it; a Google spreadsheet has no such thing, so
a pass that is about to write takes a lease: a row of the hidden memory tab
(sync/memory.py) of kind `lease` naming its holder (host, pid and a token of the
pass) and when the hold ends, in UTC. Sheets has no compare-and-set, but it
does serialize appends, so taking the lease is: append the claim, read the tab
back, and hold it only when every lease row above the claim is one this pass's
own read saw and none of them is live. A row above it that the read did not see
means another pass claimed, or wrote and let go, after this pass read: its plan
may be stale, so it writes nothing (sync/backends/google_lease.py does the
requests). A holder renews before its lease runs out and lets go in its last
write; a lease nobody renewed ends by itself, and the next pass takes over.

Pure: times come from the caller's clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

LEASE = "lease"
#: How long a lease holds unless renewed: longer than a pass's writes take, with
#: their retries, and shorter than the usual 15 minutes between passes.
LEASE_TIME = timedelta(minutes=10)
#: A holder renews when less than this is left.
RENEW_WHEN_LEFT = LEASE_TIME / 2
_STAMP = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True, slots=True)
class Lease:
    holder: str
    #: When the hold ends, as written (UTC, to the second).
    until: str
    #: Changed by every write of the holder's row: tells whether that write landed.
    mark: str = ""

    @property
    def ends(self) -> datetime | None:
        try:
            return datetime.strptime(self.until, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            return None  # unreadable: held by nobody

    def live(self, now: datetime) -> bool:
        ends = self.ends
        return ends is not None and ends > now

    def row(self) -> list[str]:
        """The memory tab's row: kind, key, two empty id columns, state, fingerprint."""
        return [LEASE, self.holder, "", "", self.until, self.mark]


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STAMP)


def lease_from(cells: Sequence[str]) -> Lease | None:
    """A memory tab row (kind, key, …, state, fingerprint) as a lease, if it is one."""
    padded = [*cells, *[""] * 6][:6]
    if padded[0].strip() != LEASE or not padded[1].strip():
        return None
    return Lease(padded[1].strip(), padded[4].strip(), padded[5].strip())


@dataclass(frozen=True)
class Refusal:
    """Why a pass may not write: `lease` is live (`held`), or was taken and let go
    since this pass read (`stale`)."""

    lease: Lease
    held: bool


def in_the_way(seen: Sequence[Lease], now: datetime) -> Refusal | None:
    """A live lease the pass's own read found: another pass is writing."""
    live = next((lease for lease in seen if lease.live(now)), None)
    return Refusal(live, held=True) if live else None


def after_claim(
    seen: Sequence[Lease], found: Sequence[Lease], holder: str, now: datetime
) -> Refusal | None:
    """Whether the claim of `holder`, as the read-back `found` shows the lease rows in
    order, holds: every row above it was `seen` by the pass's read and is not live.
    `found` must hold the claim."""
    for lease in found:
        if lease.holder == holder:
            return None
        if lease.live(now):
            return Refusal(lease, held=True)
        if lease not in seen:
            return Refusal(lease, held=False)
    raise ValueError(f"the lease rows read back hold no claim of {holder}")
