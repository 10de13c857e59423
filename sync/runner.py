"""`mozhem run`: a pass at once, then one every schedule.every_minutes, until stopped.

The `schedule` library keeps the timetable: one job, the pass, whose interval
counts from the end of the pass before, so passes never overlap or bunch up
after a slow one.

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

import schedule

from sync.backends.base import Backend, BackendError
from sync.commands import record_failure, recorded_pass
from sync.config import Config, ConfigError, load_config
from sync.ops.signals import StopSignals
from sync.ops.starter import MOZHEM_RUN
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
        sleep: Callable[[float], None] = time.sleep,
        signals: StopSignals | None = None,
    ) -> None:
        self.config = config
        self.factory = factory
        self.sleep = sleep
        self.signals = signals or StopSignals()
        self.failures = 0
        self.passes = 0
        self.max_passes: int | None = None
        self.config_error: str | None = None
        self.scheduler = schedule.Scheduler()
        self.job: schedule.Job | None = None

    @property
    def store(self) -> StateStore:
        return StateStore(self.config.state_path)

    def run(self, max_passes: int | None = None) -> int:
        self.max_passes = max_passes
        every = self.config.schedule.every_minutes
        log.info("a pass now, then every %g minutes; Ctrl-C or SIGTERM stops", every)
        self.job = job = self.scheduler.every(self._wait_seconds()).seconds.do(self._pass_job)
        try:
            with self.signals.installed():
                self.scheduler.run_all()  # the first pass, at once
                while self.scheduler.jobs and not self.signals.stopping:
                    assert job.next_run is not None
                    self._announce(job.next_run)
                    self._idle()
                    self.scheduler.run_pending()
        finally:  # a second signal ends the loop by an exception
            self.scheduler.clear()
            self.store.set_loop(state="stopped", next_due=None, stopped_at=stamp(datetime.now()))
        log.info("stopped after %d passes", self.passes)
        return 0

    def _pass_job(self) -> type[schedule.CancelJob] | None:
        """The job: reload the config, pass, then set the wait before the next one."""
        self._reload()
        self._one_pass()
        self.passes += 1
        if self.signals.stopping or self.passes == self.max_passes:
            return schedule.CancelJob
        assert self.job is not None
        self.job.interval = self._wait_seconds()  # schedule counts it from now, the pass's end
        return None

    def _idle(self) -> None:
        """Sleep until the next pass is due, in short naps so a signal stops it at once."""
        while not self.signals.stopping:
            seconds = self.scheduler.idle_seconds
            if seconds is None or seconds <= 0:
                return
            self.sleep(min(1.0, seconds))

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
        self.store.set_loop(
            pid=str(os.getpid()),
            state="passing",
            next_due=None,
            stopped_at=None,
            every_minutes=f"{self.config.schedule.every_minutes:g}",
            config_error=self.config_error,
        )

    def _one_pass(self) -> None:
        """A failed pass is logged and recorded; the loop goes on."""
        try:
            backend = self.factory(self.config)
        except BackendError as error:
            record_failure(self.config.state_path, error, started_by=MOZHEM_RUN)
            self._failed()
            return
        try:
            recorded_pass(self.config, backend, signals=self.signals, started_by=MOZHEM_RUN)
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

    def _wait_seconds(self) -> int:
        """Whole seconds, as `schedule` takes them; at least one."""
        schedule_settings = self.config.schedule
        minutes = wait_minutes(
            schedule_settings.every_minutes, schedule_settings.max_backoff_minutes, self.failures
        )
        return max(1, round(minutes * 60))

    def _announce(self, due: datetime) -> None:
        """The log line and the ledger entry `mozhem status` reads."""
        seconds = max((due - datetime.now()).total_seconds(), 0.0)
        when = stamp(due)
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


def _span(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def run_forever(config: Config, factory: BackendFactory) -> int:
    return Loop(config, factory).run()
