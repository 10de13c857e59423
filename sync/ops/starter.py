"""Who started a pass: `mozhem run`, a systemd timer, cron or a person.

The ledger keeps it with each pass, so that `mozhem status` can say who
schedules the next one. The deploy/ files name themselves in
MOZHEM_STARTED_BY; without it, the process's surroundings tell.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

MOZHEM_RUN = "mozhem run"
BY_HAND = "by hand"
SYSTEMD = "systemd"
CRON = "cron"
ANOTHER_PROGRAM = "another program"

_CRON_DAEMONS = frozenset({"cron", "crond", "anacron", "busybox"})


def who_started_this_process() -> str:
    named = os.environ.get("MOZHEM_STARTED_BY", "").strip()
    if named:
        return named[:60]
    if sys.stdin is not None and sys.stdin.isatty():
        return BY_HAND
    if os.environ.get("INVOCATION_ID"):  # systemd sets it in every unit it starts
        return SYSTEMD
    if _CRON_DAEMONS & set(_ancestor_names()):
        return CRON
    return ANOTHER_PROGRAM


def _ancestor_names(limit: int = 4) -> Iterator[str]:
    """The command names of the parent processes (Linux /proc; nothing elsewhere)."""
    pid = os.getppid()
    for _ in range(limit):
        if pid <= 1:
            return
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return
        # "pid (name) state ppid …": the name may hold spaces and brackets.
        yield stat[stat.index("(") + 1 : stat.rindex(")")]
        pid = int(stat[stat.rindex(")") + 2 :].split()[1])


def is_external_scheduler(started_by: str | None) -> bool:
    """A pass some scheduler other than `mozhem run` started (not a person)."""
    return started_by not in (None, MOZHEM_RUN, BY_HAND)


def describe_scheduler(started_by: str) -> tuple[str, str]:
    """How to name a scheduler to ops, and the command that shows its timetable."""
    if started_by.endswith(".timer"):
        return f"the systemd timer {started_by}", f"`systemctl list-timers {started_by}`"
    if started_by == SYSTEMD:
        return "systemd", "`systemctl list-timers`"
    if started_by == CRON:
        return "cron", "`crontab -l`"
    return started_by, "its own settings"
