"""`mozhem run`: a pass at once, then every schedule.every_minutes, until stopped.

Ctrl-C (SIGINT) or SIGTERM stops the loop between passes, or lets the pass in
progress finish first.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from types import FrameType

import schedule

from sync.backends.base import Backend, BackendError
from sync.commands import sync_once
from sync.config import Config
from sync.sources import HeaderNotFound
from sync.state import PassAlreadyRunning

log = logging.getLogger(__name__)


class _StopFlag:
    def __init__(self) -> None:
        self.stopped = False

    def stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopped = True


def run_forever(config: Config, factory: Callable[[Config], Backend]) -> int:
    flag = _StopFlag()
    previous = {sig: signal.signal(sig, flag.stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    minutes = config.schedule.every_minutes
    scheduler = schedule.Scheduler()
    scheduler.every(max(round(minutes * 60), 1)).seconds.do(_one_pass, config, factory)
    print(f"Running a pass now and then every {minutes:g} minutes. Ctrl-C stops.", flush=True)
    try:
        _one_pass(config, factory)
        while not flag.stopped:
            scheduler.run_pending()
            time.sleep(0.2)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("Stopped.", flush=True)
    return 0


def _one_pass(config: Config, factory: Callable[[Config], Backend]) -> None:
    """A failed pass is reported and the loop goes on; the next pass converges."""
    try:
        sync_once(config, factory(config))
    except (BackendError, HeaderNotFound, PassAlreadyRunning) as error:
        print(f"mozhem: pass failed: {error}", flush=True)
    except Exception:
        log.exception("pass failed unexpectedly")
        print("mozhem: pass failed unexpectedly; see the log above.", flush=True)
    print("", flush=True)
