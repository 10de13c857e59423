"""`mozhem status` on the next pass: set by `mozhem run`, or by a systemd timer or cron
that mozhem cannot see, which status must say rather than guess wrong."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from sync.ops.next_pass import next_pass_line
from sync.ops.starter import who_started_this_process
from sync.state import PassRecord
from tests.processes import demo_config, run

NOW = datetime(2026, 11, 30, 11, 40, 0)
RUNNING_LOOP = {"pid": "4242", "state": "running", "next_due": "2026-11-30 11:55:00"}


def passes(*started: tuple[str, str | None]) -> list[PassRecord]:
    """Ledger rows, newest first, from (start time, who started it)."""
    blank = PassRecord(0, "sync", "", None, "ok", 1, *(None,) * 10)
    return [
        dataclasses.replace(
            blank, id=len(started) - i, started_at=f"2026-11-30 {at}:00", started_by=by
        )
        for i, (at, by) in enumerate(started)
    ]


TIMER = "mozhem-sync.timer"
CASES = [
    pytest.param(
        {**RUNNING_LOOP, "every_minutes": "15"},
        passes(("11:39", "mozhem run")),
        "Next pass: 2026-11-30 11:55:00 (in 15 min) (mozhem run, pid 4242, every 15 min)",
        id="mozhem-run-waiting",
    ),
    pytest.param(
        {**RUNNING_LOOP, "state": "passing", "every_minutes": "15"},
        passes(("11:39", "mozhem run")),
        "Next pass: one is running now; then every 15 min (mozhem run, pid 4242)",
        id="mozhem-run-passing",
    ),
    pytest.param(
        {"pid": "999999", "state": "running", "next_due": "2026-11-30 11:30:00"},
        passes(("11:15", "mozhem run")),
        "Next pass: none: `mozhem run` has not been running since 2026-11-30 11:15:00, and "
        "nothing else starts passes here. Start it again (systemctl start mozhem).",
        id="mozhem-run-killed",
    ),
    pytest.param(
        {},
        passes(("11:30", TIMER), ("11:15", TIMER), ("11:00", TIMER)),
        "Next pass: scheduled outside mozhem, by the systemd timer mozhem-sync.timer "
        "(`systemctl list-timers mozhem-sync.timer` shows when). Its passes came every "
        "15 min: the next about 2026-11-30 11:45.",
        id="systemd-timer",
    ),
    pytest.param(
        {"pid": "999999", "state": "stopped", "stopped_at": "2026-11-30 10:00:00"},
        passes(("11:37", "by hand"), ("11:30", "cron"), ("11:15", "cron"), ("10:00", "mozhem run")),
        "Next pass: scheduled outside mozhem, by cron (`crontab -l` shows when). Its passes "
        "came every 15 min: the next about 2026-11-30 11:45.",
        id="cron-with-a-pass-by-hand-between",
    ),
    pytest.param(
        {},
        passes(("09:30", "cron"), ("09:15", "cron"), ("09:00", "cron")),
        "Next pass: scheduled outside mozhem, by cron (`crontab -l` shows when). Its passes "
        "came every 15 min, but none since 2026-11-30 09:30: is it still enabled?",
        id="cron-overdue",
    ),
    pytest.param(
        {},
        passes(("11:30", "systemd")),
        "Next pass: scheduled outside mozhem, by systemd (`systemctl list-timers` shows "
        "when). Too few passes yet to estimate the next.",
        id="systemd-one-pass",
    ),
    pytest.param(
        {},
        passes(("11:30", "by hand"), ("11:00", None)),
        "Next pass: none scheduled: no `mozhem run` is running, and none of the last passes "
        "was started by a systemd timer or cron. Start `mozhem run`, or install the timer or "
        "the crontab line from deploy/ (README, Operations).",
        id="by-hand",
    ),
]


@pytest.mark.parametrize(("loop", "recent", "line"), CASES)
def test_the_next_pass_line(
    loop: dict[str, str | None], recent: list[PassRecord], line: str
) -> None:
    assert next_pass_line(loop, recent, NOW, alive=lambda pid: pid == 4242) == line


def _who(tmp_path: Path, env: dict[str, str], parent: str | None = None) -> str:
    """who_started_this_process() in a real process, with no terminal, under `parent`."""
    probe = "from sync.ops.starter import who_started_this_process as w; print(w())"
    argv = [sys.executable, "-c", probe]
    if parent:  # a shell copied under the name of a daemon, as cron starts a job
        shell = tmp_path / parent
        shutil.copy("/bin/sh", shell)
        argv = [str(shell), "-c", f"{sys.executable} -c '{probe}'; true"]
    clean = {k: v for k, v in os.environ.items() if k not in ("MOZHEM_STARTED_BY", "INVOCATION_ID")}
    done = subprocess.run(
        argv, env={**clean, **env}, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("env", "parent", "who"),
    [
        pytest.param({"MOZHEM_STARTED_BY": TIMER}, None, TIMER, id="named-by-the-unit"),
        pytest.param({"INVOCATION_ID": "0f1e2d"}, None, "systemd", id="systemd"),
        pytest.param({}, "cron", "cron", id="cron"),
        pytest.param({}, None, "another program", id="a-script"),
    ],
)
def test_who_started_a_pass(tmp_path: Path, env: dict[str, str], parent: str, who: str) -> None:
    assert _who(tmp_path, env, parent) == who


def test_a_person_at_a_terminal_started_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOZHEM_STARTED_BY", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert who_started_this_process() == "by hand"


def test_under_a_timer_status_says_the_schedule_is_outside_mozhem(tmp_path: Path) -> None:
    config = demo_config(tmp_path)
    for _ in range(2):
        done = subprocess.run(
            [*_mozhem(), "sync", "--config", str(config)],
            env={**os.environ, "MOZHEM_STARTED_BY": TIMER},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    status = run("status", "--config", str(config), cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "Health: ok" in status.stdout
    assert (
        "Next pass: scheduled outside mozhem, by the systemd timer mozhem-sync.timer "
        "(`systemctl list-timers mozhem-sync.timer` shows when). Its passes came every"
    ) in status.stdout
    assert "Last successful write: pass 1 at" in status.stdout


def test_a_sync_that_cannot_start_is_a_failed_pass_in_status(tmp_path: Path) -> None:
    """Under cron nobody reads the error line: status must show the failure."""
    config = demo_config(tmp_path)
    assert run("sync", "--config", str(config), cwd=tmp_path).returncode == 0
    settings = yaml.safe_load(config.read_text("utf-8"))
    settings["schedule"] = {"every_minuts": 15}
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    for _ in range(2):
        done = subprocess.run(
            [*_mozhem(), "sync", "--config", str(config)],
            env={**os.environ, "MOZHEM_STARTED_BY": "cron"},
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines()[-1].startswith("mozhem: error: ")
    status = run("status", "--config", str(config), cwd=tmp_path).stdout
    assert "Health: FAILING since" in status and "(2 passes in a row)" in status
    assert "unknown key 'schedule.every_minuts'" in status
    assert "Last successful write: pass 1 at" in status
    dry = run("sync", "--dry-run", "--config", str(config), cwd=tmp_path)
    assert dry.returncode == 2
    assert "(2 passes in a row)" in run("status", "--config", str(config), cwd=tmp_path).stdout


def _mozhem() -> list[str]:
    from tests.processes import mozhem

    return mozhem()
