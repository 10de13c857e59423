"""`mozhem status` and `mozhem history`: read the ledger; import nothing heavy.

Both find `state_dir` in config.yaml without validating the whole file, so they
answer at once, and still answer when the config is broken — when ops needs
them most.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from sync.ops.next_pass import next_pass_line
from sync.state import RUNNING, OpsError, PassRecord, StateStore


def status(state_path: Path) -> int:
    """Health, the next scheduled pass, the last successful write, the last passes."""
    store = StateStore(state_path)
    recent = store.passes(limit=20)
    next_pass = next_pass_line(store.loop(), recent, datetime.now(), _alive)
    if not recent:
        print(f"No passes recorded in {state_path} yet.")
        print(next_pass)
        return 0
    print(_health_line(store))
    for running in (p for p in recent if p.outcome == RUNNING and p.pid and _alive(p.pid)):
        print(f"Running now: pass {running.id}, started {running.started_at} (pid {running.pid})")
    print(next_pass)
    config_error = store.loop().get("config_error")
    if config_error:
        print(f"Config: not reloaded, the last good one is in use: {config_error}")
    wrote = store.last(wrote=True)
    print(
        f"Last successful write: pass {wrote.id} at {wrote.started_at} ({wrote.written} written)"
        if wrote
        else "Last successful write: none yet"
    )
    print("Last passes:")
    for line in history_lines(recent[:5]):
        print(f"  {line}")
    return 0


def state_dir_of(config_path: Path) -> Path:
    """`state_dir` from config.yaml, resolved against the file's folder, read without
    the full validation (which costs a third of a second of imports). A file that
    cannot be read so simply goes through load_config, whose message says why."""
    import yaml

    try:
        raw = yaml.safe_load(config_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raw = None
    given = raw.get("state_dir", ".mozhem") if isinstance(raw, dict) else None
    if not isinstance(given, str) or not given:
        from sync.config import load_config

        return load_config(config_path).state_path
    relative = Path(given)
    return relative if relative.is_absolute() else config_path.resolve().parent / relative


def _health_line(store: StateStore) -> str:
    good = store.last()
    failing = store.failures_since(good.id if good else 0)
    if not failing:
        assert good is not None
        return f"Health: ok (last pass {good.id} at {good.started_at}, {good.seconds or 0:.1f} s)"
    first, latest = failing[0], failing[-1]
    count = f"{len(failing)} pass{'es' if len(failing) > 1 else ''} in a row"
    return f"Health: FAILING since {first.started_at} ({count}): {latest.error}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def parse_age(text: str) -> timedelta:
    """'7d', '12h', '30m', '2w' -> a timedelta."""
    units = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
    number, unit = text[:-1], text[-1:].lower()
    if unit not in units or not number.isdigit():
        raise OpsError(f"--since {text!r}: give a number and a unit, e.g. 30m, 12h, 7d or 2w.")
    return timedelta(**{units[unit]: int(number)})


def history(state_path: Path, since: str | None = None) -> int:
    store = StateStore(state_path)
    after = datetime.now() - parse_age(since) if since else None
    passes = store.passes(since=after, limit=None if since else 50)
    if not passes:
        print(f"No passes recorded in {state_path}" + (f" in the last {since}." if since else "."))
        return 0
    print(HISTORY_HEADER)
    for line in history_lines(passes):
        print(line)
    if not since:
        print("(the last 50; --since 7d shows a week)")
    return 0


HISTORY_HEADER = (
    "pass   started              took    outcome      offers  needs  new  problems  written"
    "  requests  restorable"
)


def history_lines(passes: list[PassRecord]) -> list[str]:
    lines = []
    for p in passes:
        took = f"{p.seconds:.1f} s" if p.seconds is not None else "—"
        outcome = p.outcome if p.kind == "sync" else f"{p.kind} {p.outcome}"

        def n(value: int | None) -> str:
            return "—" if value is None else str(value)

        line = (
            f"{p.id:<6} {p.started_at:<20} {took:>7} {outcome:<12} {n(p.offers):>6} "
            f"{n(p.needs):>6} {n(p.new_matches):>4} {n(p.problems):>9} {n(p.written):>8} "
            f"{n(p.requests):>9}  {'yes' if p.snapshot else 'no'}"
        )
        if p.error:
            line += f"\n       {p.error}"
        if p.plan:
            line += "".join(f"\n       {plan_line.strip()}" for plan_line in p.plan.splitlines())
        lines.append(line)
    return lines
