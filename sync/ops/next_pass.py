"""`mozhem status`: when the next pass is due, and who will start it.

`mozhem run` says when itself (it writes the time into the ledger before each
wait). A systemd timer or cron keeps its own timetable, out of mozhem's sight:
then status says so, names the scheduler the last passes came from, and
estimates the next pass from the gaps between them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from itertools import pairwise

from sync.ops.starter import BY_HAND, MOZHEM_RUN, describe_scheduler, is_external_scheduler
from sync.state import PassRecord

Alive = Callable[[int], bool]


def next_pass_line(
    loop: Mapping[str, str | None], recent: Sequence[PassRecord], now: datetime, alive: Alive
) -> str:
    """One line; `recent` is the newest passes first."""
    pid = int(loop.get("pid") or 0)
    every = loop.get("every_minutes") or "?"
    if pid and alive(pid) and loop.get("state") == "passing":
        return f"Next pass: one is running now; then every {every} min (mozhem run, pid {pid})"
    if pid and alive(pid) and loop.get("state") == "running":
        due = loop.get("next_due") or "?"
        return f"Next pass: {due}{_in(due, now)} (mozhem run, pid {pid}, every {every} min)"
    scheduled = [p for p in recent if p.kind == "sync" and p.started_by not in (None, BY_HAND)]
    if scheduled and scheduled[0].started_by == MOZHEM_RUN:
        since = loop.get("stopped_at") or scheduled[0].started_at
        return (
            f"Next pass: none: `mozhem run` has not been running since {since}, and nothing "
            "else starts passes here. Start it again (systemctl start mozhem)."
        )
    if scheduled and is_external_scheduler(scheduled[0].started_by):
        return _external(scheduled, now)
    return (
        "Next pass: none scheduled: no `mozhem run` is running, and none of the last passes "
        "was started by a systemd timer or cron. Start `mozhem run`, or install the timer or "
        "the crontab line from deploy/ (README, Operations)."
    )


def _external(scheduled: Sequence[PassRecord], now: datetime) -> str:
    """Passes a systemd timer or cron starts: mozhem cannot know its timetable."""
    who = scheduled[0].started_by
    assert who is not None
    name, shows = describe_scheduler(who)
    line = f"Next pass: scheduled outside mozhem, by {name} ({shows} shows when)."
    starts = [_time(p.started_at) for p in scheduled if p.started_by == who][:6]
    if len(starts) < 2:
        return line + " Too few passes yet to estimate the next."
    gaps = [(newer - older).total_seconds() for newer, older in pairwise(starts)]
    gap = timedelta(seconds=statistics.median(gaps))
    expected = starts[0] + gap
    every = _span(gap.total_seconds())
    if now > expected + max(gap, timedelta(minutes=5)):
        return (
            f"{line} Its passes came every {every}, but none since {starts[0]:%Y-%m-%d %H:%M}:"
            " is it still enabled?"
        )
    return f"{line} Its passes came every {every}: the next about {expected:%Y-%m-%d %H:%M}."


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _in(due: str, now: datetime) -> str:
    try:
        seconds = (_time(due) - now).total_seconds()
    except ValueError:
        return ""
    return " (due now)" if seconds < 0 else f" (in {_span(seconds)})"


def _span(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"
