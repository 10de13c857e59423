"""Ctrl-C and SIGTERM: the first lets the pass in progress finish, the second stops at once.

A pass is never cut by the first signal: `mozhem sync` finishes it and exits 0,
`mozhem run` finishes it and does not start another. A second signal during a
pass raises `Interrupted` where the pass is: the lock is released and the
ledger says "interrupted" on the way out. Workbook writes are atomic, and a
Google pass cut short is completed by the next one.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

log = logging.getLogger("sync.signals")

_NAMES: dict[int, str] = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}


class Interrupted(BaseException):
    """A second stop signal during a pass: leave now."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped at once by a second {_NAMES.get(signum, str(signum))}")
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class StopSignals:
    """Remembers that a stop was asked for, and whether a pass is under way."""

    def __init__(self) -> None:
        self.stopping = False
        self.in_pass = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        name = _NAMES.get(signum, str(signum))
        if self.stopping and self.in_pass:
            log.error(
                "%s again: stopping now; the pass in progress is abandoned and the lock "
                "released. Nothing half-written stays: the next pass completes the work.",
                name,
            )
            raise Interrupted(signum)
        if not self.stopping and self.in_pass:
            log.warning(
                "%s: finishing the pass in progress, then stopping. Send it again to stop at once.",
                name,
            )
        elif not self.stopping:
            log.info("%s: stopping.", name)
        self.stopping = True

    @contextmanager
    def installed(self) -> Iterator[StopSignals]:
        if threading.current_thread() is not threading.main_thread():
            yield self  # only the main thread may take signals
            return
        previous: dict[int, Any] = {
            sig: signal.signal(sig, self.handle) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            yield self
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    @contextmanager
    def passing(self) -> Iterator[None]:
        """Mark the block as a pass in progress."""
        self.in_pass = True
        try:
            yield
        finally:
            self.in_pass = False
