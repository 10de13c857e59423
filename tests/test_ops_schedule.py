"""`mozhem run` under a controlled clock: the schedule, the back-off after repeated
failures, recovery, config changes between passes, and snapshots kept for so many days."""

from __future__ import annotations

import itertools
import logging
import os
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

import openpyxl
import pytest
import time_machine
import yaml

from sync import runner
from sync.backends import open_backend
from sync.backends.base import Backend, BackendError
from sync.commands import recorded_pass
from sync.config import Config, load_config
from sync.ops.status import status
from sync.runner import Loop, wait_minutes
from sync.state import StateStore
from tests.processes import demo_config

START = datetime(2026, 11, 30, 11, 0, 0)


class ScriptedPasses:
    """Stands in for the pass: records when it ran, and fails where the script has an F."""

    def __init__(self, script: str, each: Callable[[int], None] | None = None) -> None:
        self.script = script
        self.starts: list[datetime] = []
        self.intervals: list[float] = []
        self.each = each

    def __call__(self, config: Config, backend: object, **kwargs: object) -> None:
        self.starts.append(datetime.now())
        self.intervals.append(config.schedule.every_minutes)
        if self.each:
            self.each(len(self.starts))
        if self.script[len(self.starts) - 1] == "F":
            raise BackendError("Google Sheets kept failing")

    def gaps(self) -> list[float]:
        return [(b - a).total_seconds() / 60 for a, b in itertools.pairwise(self.starts)]


def no_backend(config: Config) -> Backend:
    """The scripted passes need none."""
    return cast(Backend, object())


def run_loop(config_path: Path, passes: ScriptedPasses, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "recorded_pass", passes)
    with time_machine.travel(START, tick=False) as traveller:
        loop = Loop(load_config(config_path), no_backend, sleep=traveller.shift)
        loop.run(max_passes=len(passes.script))


@pytest.fixture
def config_path(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Path:
    caplog.set_level(logging.INFO)
    return demo_config(tmp_path, every_minutes=15)


def test_a_pass_at_once_then_one_every_interval(
    config_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    passes = ScriptedPasses("....")
    run_loop(config_path, passes, monkeypatch)
    assert passes.starts[0] == START
    assert passes.gaps() == [15, 15, 15]
    assert "next pass at 2026-11-30 11:15:00 (in 15 min)" in caplog.text
    assert "next pass at 2026-11-30 11:45:00 (in 15 min)" in caplog.text


def test_repeated_failures_back_off_and_a_success_recovers(
    config_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    passes = ScriptedPasses("FFFFF...")
    run_loop(config_path, passes, monkeypatch)
    # One failure keeps the interval; then it doubles, up to schedule.max_backoff_minutes.
    assert passes.gaps() == [15, 30, 60, 120, 120, 15, 15]
    assert "5 failed passes in a row, so waiting longer" in caplog.text
    assert "recovered after 5 failed passes" in caplog.text


@pytest.mark.parametrize(
    ("failures", "minutes"), [(0, 15), (1, 15), (2, 30), (3, 60), (4, 120), (9, 120)]
)
def test_wait_minutes(failures: int, minutes: float) -> None:
    assert wait_minutes(15, 120, failures) == minutes
    assert wait_minutes(180, 120, failures) == 180  # never shorter than the interval


def test_config_changes_apply_at_the_next_pass_and_a_broken_one_keeps_the_last_good(
    config_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    settings = yaml.safe_load(config_path.read_text("utf-8"))

    def edit(number: int) -> None:
        if number == 1:
            settings["schedule"] = {"every_minutes": 5}
            config_path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
        if number == 2:
            settings["schedule"] = {"every_minuts": 60}
            config_path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
        if number == 4:
            settings["schedule"] = {"every_minutes": 10}
            config_path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")

    passes = ScriptedPasses(".....", each=edit)
    run_loop(config_path, passes, monkeypatch)
    assert passes.intervals == [15, 5, 5, 5, 10]
    assert passes.gaps() == [15, 5, 5, 5]
    errors = [r for r in caplog.records if "config not reloaded" in r.getMessage()]
    assert len(errors) == 2  # before each pass that ran with the old config
    assert all(r.levelname == "ERROR" for r in errors)
    assert "unknown key 'schedule.every_minuts'" in errors[0].getMessage()
    assert "config.yaml is valid again" in caplog.text


def test_status_says_failing_since_when_and_why_then_ok(
    tmp_path: Path, config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books = tmp_path / "books"
    shutil.move(books, tmp_path / "away")
    with time_machine.travel(START, tick=False) as traveller:
        loop = Loop(load_config(config_path), open_backend, sleep=traveller.shift)
        loop.run(max_passes=3)
        status(load_config(config_path).state_path)
        out = capsys.readouterr().out
        assert "Health: FAILING since 2026-11-30 11:00:00 (3 passes in a row)" in out
        assert "no such workbook" in out
        assert "Last successful write: none yet" in out
        shutil.move(tmp_path / "away", books)
        traveller.shift(timedelta(minutes=15))  # passes ran at 11:00, 11:15 and 11:45
        Loop(load_config(config_path), open_backend, sleep=traveller.shift).run(max_passes=1)
        status(load_config(config_path).state_path)
        out = capsys.readouterr().out
        assert "Health: ok (last pass 4 at 2026-11-30 12:00:00" in out
        assert "Last successful write: pass 4 at 2026-11-30 12:00:00" in out


def test_snapshots_are_kept_for_keep_snapshots_days(tmp_path: Path, config_path: Path) -> None:
    config = load_config(config_path)
    store = StateStore(config.state_path)
    with time_machine.travel(START, tick=False) as traveller:
        recorded_pass(config, open_backend(config))
        assert store.get(1) and store.get(1).snapshot  # type: ignore[union-attr]
        traveller.shift(timedelta(days=29))
        _add_need(tmp_path, "пледы")
        recorded_pass(config, open_backend(config))
        assert len(list(store.snapshots.iterdir())) == 2
        traveller.shift(timedelta(days=2))  # pass 1 is now 31 days old
        _add_need(tmp_path, "подушки")
        recorded_pass(config, open_backend(config))
    assert [p.snapshot is not None for p in store.passes()] == [True, True, False]
    assert sorted(path.name for path in store.snapshots.iterdir()) == [
        "pass-000002.zip",
        "pass-000003.zip",
    ]


def _add_need(tmp_path: Path, item: str) -> None:
    path = tmp_path / "books" / "needs.xlsx"
    book = openpyxl.load_workbook(path)
    book["Потребности"].append(["21.11.2026", "Фонд «Опора»", "Ирина", "", "Харьков", item, 5])
    book.save(path)


def test_the_interval_counts_from_the_end_of_a_slow_pass(
    config_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        passes = ScriptedPasses("...", each=lambda n: traveller.shift(timedelta(minutes=4)))
        monkeypatch.setattr(runner, "recorded_pass", passes)
        loop = Loop(load_config(config_path), no_backend, sleep=traveller.shift)
        loop.run(max_passes=3)
    assert passes.gaps() == [19, 19]  # 4 minutes of pass, then 15 of wait
    assert not loop.scheduler.jobs  # the job is gone with the loop


def test_status_shows_the_next_pass_while_mozhem_run_waits_and_that_it_stopped(
    config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = load_config(config_path).state_path
    seen: dict[str, str] = {}

    def backend(config: Config) -> Backend:
        if "passing" not in seen and StateStore(state).passes():
            status(state)
            seen["passing"] = capsys.readouterr().out
        return open_backend(config)

    with time_machine.travel(START, tick=False) as traveller:

        def sleep(seconds: float) -> None:
            if "waiting" not in seen:
                status(state)
                seen["waiting"] = capsys.readouterr().out
            traveller.shift(seconds)

        Loop(load_config(config_path), backend, sleep=sleep).run(max_passes=2)
        status(state)
        seen["stopped"] = capsys.readouterr().out
    pid = os.getpid()
    assert (
        f"Next pass: 2026-11-30 11:15:00 (in 15 min) (mozhem run, pid {pid}, every 15 min)"
        in seen["waiting"]
    )
    assert "Last successful write: pass 1 at 2026-11-30 11:00:00" in seen["waiting"]
    assert (
        f"Next pass: one is running now; then every 15 min (mozhem run, pid {pid})"
        in (seen["passing"])
    )
    assert (
        "Next pass: none: `mozhem run` has not been running since 2026-11-30 11:15:00"
        in seen["stopped"]
    )


def test_old_snapshots_go_even_when_every_pass_fails_and_so_do_stray_files(
    tmp_path: Path, config_path: Path
) -> None:
    config = load_config(config_path)
    store = StateStore(config.state_path)
    with time_machine.travel(START, tick=False) as traveller:
        recorded_pass(config, open_backend(config))
        stray = store.snapshots / "pass-000099.json.gz.tmp"  # a save cut by a kill
        stray.write_bytes(b"\x1f\x8b")
        os.utime(stray, (START.timestamp(), START.timestamp()))
        traveller.shift(timedelta(days=31))
        fresh = store.snapshots / "pass-000100.json.gz.tmp"
        fresh.write_bytes(b"\x1f\x8b")
        os.utime(fresh, (datetime.now().timestamp(), datetime.now().timestamp()))
        shutil.move(tmp_path / "books", tmp_path / "away")  # from now on every pass fails
        with pytest.raises(BackendError):
            recorded_pass(config, open_backend(config))
    assert [(p.outcome, p.snapshot) for p in store.passes()] == [("failed", None), ("ok", None)]
    assert [path.name for path in store.snapshots.iterdir()] == [fresh.name]
