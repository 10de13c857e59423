"""What tests steer: the per-minute quota, injected faults, hooks, and the request log."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError, quota_exceeded, server_error

READ_KINDS = frozenset({"spreadsheets.get", "values.get", "values.batchGet"})
#: Faults before the server acts ("drop": the connection fails; "timeout": no answer
#: in time), and after it applied the request ("applied-drop", "applied-timeout": the
#: request took effect, its answer is lost).
FAULTS = frozenset({"500", "503", "429", "drop", "timeout", "applied-drop", "applied-timeout"})
APPLIED_FAULTS = frozenset({"applied-drop", "applied-timeout"})


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    url: str
    kind: str
    body: Any
    status: int = 0  # 0 when the connection was dropped


def is_sheets(kind: str) -> bool:
    return not kind.startswith("drive.")


def is_read(kind: str) -> bool:
    return kind in READ_KINDS


class Quota:
    """Google's per-user limits: requests counted over the last 60 seconds."""

    def __init__(self, reads: int, writes: int, clock: Callable[[], float]):
        self.limits = {"Read": reads, "Write": writes}
        self.clock = clock
        self.served: dict[str, deque[float]] = {"Read": deque(), "Write": deque()}

    def admit(self, kind: str) -> None:
        """Raises 429 when one more request of this kind would exceed its limit."""
        bucket = "Read" if is_read(kind) else "Write"
        now = self.clock()
        served = self.served[bucket]
        while served and served[0] <= now - 60:
            served.popleft()
        if len(served) >= self.limits[bucket]:
            raise quota_exceeded(bucket, self.limits[bucket])
        served.append(now)


class DroppedConnection(Exception):
    """The request is lost before it reaches the server."""


class TimedOut(Exception):
    """No answer came back in time (whether or not the server acted)."""


@dataclass
class Schedule:
    """Faults and hooks keyed by the absolute number of the request they fire on."""

    served: int = 0
    faults: dict[int, str] = field(default_factory=dict)
    hooks: dict[int, list[Callable[[Any], None]]] = field(default_factory=dict)

    def add_fault(self, n: int, how: str) -> None:
        if how not in FAULTS:
            raise ValueError(f"how must be one of {sorted(FAULTS)}, not {how!r}")
        if n < 1:
            raise ValueError("n counts from 1: the next request is 1")
        self.faults[self.served + n] = how

    def add_hook(self, n: int, fn: Callable[[Any], None]) -> None:
        if n < 1:
            raise ValueError("n counts from 1: the next request is 1")
        self.hooks.setdefault(self.served + n, []).append(fn)

    def next_request(self) -> tuple[list[Callable[[Any], None]], str | None]:
        self.served += 1
        return self.hooks.pop(self.served, []), self.faults.pop(self.served, None)


def fault_error(how: str, kind: str) -> ApiError:
    if how == "drop":
        raise DroppedConnection()
    if how == "timeout":
        raise TimedOut()
    if how == "429":
        return quota_exceeded("Read" if is_read(kind) else "Write", 60)
    return server_error(int(how))
