"""`mozhem run`: a pass at once, then every schedule.every_minutes, until stopped.

- The first Ctrl-C (SIGINT) or SIGTERM lets the pass in progress finish, then
  the loop stops; between passes it stops at once. A second signal during a
  pass abandons it at once (see sync.ops.signals).
- A failed pass is logged and the loop goes on: the next pass converges. After
  repeated failures the wait doubles each time, up to
  schedule.max_backoff_minutes; the first pass that succeeds brings the usual
  interval back.
- config.yaml is read again before every pass: a change takes effect without
  a restart. A new config that does not validate is logged at every pass, and
  the last good one is used until it is fixed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime

from sync.backends.base import Backend, BackendError
from sync.commands import record_failure, recorded_pass
from sync.config import Config, ConfigError, load_config
from sync.ops.signals import StopSignals
from sync.sources import HeaderNotFound
from sync.state import PassAlreadyRunning, StateStore, stamp

log = logging.getLogger("sync.run")

BackendFactory = Callable[[Config], Backend]


def wait_minutes(every: float, max_backoff: float, failures: int) -> float:
    """The usual interval, doubled for each failure in a row after the first."""
    if failures < 2:
        return every
    return min(every * 2 ** (failures - 1), max(max_backoff, every))


class Loop:
    def __init__(
        self,
        config: Config,
        factory: BackendFactory,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        signals: StopSignals | None = None,
    ) -> None:
        self.config = config
        self.factory = factory
        self.clock = clock
        self.sleep = sleep
        self.signals = signals or StopSignals()
        self.failures = 0
        self.passes = 0
        self.config_error: str | None = None

    @property
    def store(self) -> StateStore:
        return StateStore(self.config.state_path)

    def run(self, max_passes: int | None = None) -> int:
        every = self.config.schedule.every_minutes
        log.info("a pass now, then every %g minutes; Ctrl-C or SIGTERM stops", every)
        with self.signals.installed():
            while not self.signals.stopping:
                self._reload()
                started = self.clock()
                self._one_pass()
                self.passes += 1
                if max_passes is not None and self.passes >= max_passes:
                    break
                if self.signals.stopping:
                    break
                self._wait_until(started + self._wait_seconds())
        self.store.set_loop(state="stopped", next_due=None)
        log.info("stopped after %d passes", self.passes)
        return 0

    def _reload(self) -> None:
        try:
            fresh = load_config(self.config.path)
        except ConfigError as error:
            self.config_error = str(error)
            log.error(
                "config not reloaded: %s The last good config stays in use; this is "
                "logged before every pass until the file is fixed.",
                error,
            )
        else:
            if self.config_error:
                log.info("config.yaml is valid again; using it")
            elif fresh != self.config:
                log.info("config.yaml changed; this pass uses the new settings")
            self.config, self.config_error = fresh, None
        self.store.set_loop(config_error=self.config_error)

    def _one_pass(self) -> None:
        """A failed pass is logged and recorded; the loop goes on."""
        try:
            backend = self.factory(self.config)
        except BackendError as error:
            record_failure(self.config, error)
            self._failed()
            return
        try:
            recorded_pass(self.config, backend, signals=self.signals)
        except PassAlreadyRunning as error:
            log.warning("skipping this pass: %s", error)
            return
        except (BackendError, HeaderNotFound, ConfigError):
            self._failed()  # the failed-pass line is in the log already
            return
        except Exception:
            log.exception("the pass failed unexpectedly; the loop goes on")
            self._failed()
            return
        if self.failures:
            log.info("recovered after %d failed passes", self.failures)
        self.failures = 0

    def _failed(self) -> None:
        self.failures += 1

    def _wait_seconds(self) -> float:
        schedule = self.config.schedule
        return (
            wait_minutes(schedule.every_minutes, schedule.max_backoff_minutes, self.failures) * 60
        )

    def _wait_until(self, due: float) -> None:
        seconds = max(due - self.clock(), 0.0)
        when = stamp(datetime.fromtimestamp(due))
        backoff = (
            f"; {self.failures} failed passes in a row, so waiting longer"
            if self.failures >= 2
            else ""
        )
        log.info(
            "next pass at %s (in %s)%s",
            when,
            _span(seconds),
            backoff,
            extra={
                "fields": {
                    "event": "next_pass",
                    "due": when,
                    "in_seconds": round(seconds, 1),
                    "failures": self.failures,
                }
            },
        )
        self.store.set_loop(
            pid=str(os.getpid()),
            state="running",
            next_due=when,
            every_minutes=f"{self.config.schedule.every_minutes:g}",
        )
        while not self.signals.stopping and self.clock() < due:
            self.sleep(min(1.0, due - self.clock()))


def _span(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def run_forever(config: Config, factory: BackendFactory) -> int:
    return Loop(config, factory).run()
