"""What ops relies on, proven with real processes, real files and a real second process:
signals during a pass, the pass lock, atomic workbook saves, phones masked in the log."""

from __future__ import annotations

import re
import signal
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.child_cli import RAW_PHONE
from tests.processes import Process, demo_config, run


def _ledger(tmp_path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(tmp_path / "state" / "runs.sqlite3") as db:
        return db.execute("SELECT id, outcome FROM passes ORDER BY id").fetchall()


def _paused(config: Path, seconds: float, command: str) -> Process:
    """`mozhem COMMAND` whose pass waits before its first write (see child_cli.py)."""
    argv = (command, "--config", str(config))
    return Process.child("pause-before-write", seconds, *argv, cwd=config.parent)


def _coordination(tmp_path: Path) -> Path:
    return tmp_path / "books" / "coordination.xlsx"


@pytest.mark.parametrize("command", ["sync", "run"])
def test_sigterm_during_a_pass_lets_it_finish_and_exits_0(tmp_path: Path, command: str) -> None:
    config = demo_config(tmp_path)
    with _paused(config, 90, command) as p:
        p.wait_for("PAUSED BEFORE WRITE")
        p.signal(signal.SIGTERM)
        p.wait_for("SIGTERM: finishing the pass in progress")
        (tmp_path / "RELEASE").touch()  # the pass goes on to its write
        code = p.wait()
        assert code == 0, p.err
        assert "SIGTERM: finishing the pass in progress" in p.err
        assert re.search(r"ok pass 1: \d+ offers, 25 needs, [1-9]\d* new", p.err)
    assert _coordination(tmp_path).exists()
    assert _ledger(tmp_path) == [(1, "ok")]  # `run` starts no second pass


def test_a_second_ctrl_c_stops_at_once_and_releases_the_lock(tmp_path: Path) -> None:
    config = demo_config(tmp_path)
    with _paused(config, 60, "run") as p:
        p.wait_for("PAUSED BEFORE WRITE")
        p.signal(signal.SIGINT)
        p.wait_for("Ctrl-C: finishing the pass in progress")
        p.signal(signal.SIGINT)
        code = p.wait(timeout=10)  # far sooner than the 60 s pause
        assert code == 128 + signal.SIGINT, p.err
        assert "Ctrl-C again: stopping now" in p.err
        assert "mozhem: error: stopped at once by a second Ctrl-C" in p.err.splitlines()[-1]
        assert "Traceback" not in p.err
    assert not _coordination(tmp_path).exists()  # abandoned before its write
    assert _ledger(tmp_path) == [(1, "interrupted")]
    after = run("sync", "--config", str(config), cwd=tmp_path)
    assert after.returncode == 0, after.stderr  # the lock was released
    assert _ledger(tmp_path) == [(1, "interrupted"), (2, "ok")]


def test_two_syncs_at_once_one_runs_and_the_other_exits_3(tmp_path: Path) -> None:
    config = demo_config(tmp_path)
    with _paused(config, 90, "sync") as p:
        p.wait_for("PAUSED BEFORE WRITE")
        second = run("sync", "--config", str(config), cwd=tmp_path)
        (tmp_path / "RELEASE").touch()
        assert second.returncode == 3, second.stderr
        assert "another pass holds" in second.stderr and "sync.lock" in second.stderr
        assert second.stdout == ""
        assert p.wait() == 0, p.err
    assert _ledger(tmp_path) == [(1, "ok")]  # exactly one pass ran


def test_the_pass_lock_alone_refuses_a_second_pass_on_the_same_state_dir(tmp_path: Path) -> None:
    """Two workbooks, so no workbook lock stands between the passes: only state_dir's
    sync.lock does, as on Google Sheets, where there is no workbook lock."""
    config = demo_config(tmp_path)
    (tmp_path / "other").mkdir()
    other = demo_config(tmp_path / "other", state_dir=str(tmp_path / "state"))
    with _paused(config, 90, "sync") as p:
        p.wait_for("PAUSED BEFORE WRITE")
        second = run("sync", "--config", str(other), cwd=tmp_path)
        (tmp_path / "RELEASE").touch()
        assert second.returncode == 3, second.stderr
        assert f"another pass holds {tmp_path / 'state' / 'sync.lock'}" in second.stderr
        assert p.wait() == 0, p.err
    assert _ledger(tmp_path) == [(1, "ok")]
    assert not (tmp_path / "other" / "books" / "coordination.xlsx").exists()
    assert run("sync", "--config", str(other), cwd=tmp_path).returncode == 0
    assert _ledger(tmp_path) == [(1, "ok"), (2, "ok")]


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_pass(tmp_path: Path) -> None:
    config = demo_config(tmp_path)
    with _paused(config, 60, "sync") as p:
        p.wait_for("PAUSED BEFORE WRITE")
        p.signal(signal.SIGKILL)
        assert p.wait() == -signal.SIGKILL
    assert (tmp_path / "state" / "sync.lock").exists()
    assert _ledger(tmp_path) == [(1, "running")]
    after = run("sync", "--config", str(config), cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert "pass 1 (started" in after.stderr and "never finished" in after.stderr
    assert _ledger(tmp_path) == [(1, "interrupted"), (2, "ok")]
    history = run("history", "--config", str(config), cwd=tmp_path)
    assert "interrupted" in history.stdout and "stopped before it finished" in history.stdout


def test_a_pass_killed_while_saving_leaves_the_previous_workbook_whole(tmp_path: Path) -> None:
    config = demo_config(tmp_path)
    assert run("sync", "--config", str(config), cwd=tmp_path).returncode == 0
    book = _coordination(tmp_path)
    before = book.read_bytes()
    # A new need, so the next pass writes the workbook again.
    needs = openpyxl.load_workbook(tmp_path / "books" / "needs.xlsx")
    sheet = needs["Потребности"]
    sheet.append(["21.11.2026", "Фонд «Опора»", "Ирина", "+380501112233", "Харьков", "пледы", 5])
    needs.save(tmp_path / "books" / "needs.xlsx")
    with Process.child("pause-in-save", 60, "sync", "--config", str(config), cwd=tmp_path) as p:
        p.wait_for("PAUSED IN SAVE")
        p.signal(signal.SIGKILL)
        p.wait()
    assert book.read_bytes() == before
    assert {"Пары", "Пари", "Matches"} & set(openpyxl.load_workbook(book).sheetnames)
    again = run("sync", "--config", str(config), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert book.read_bytes() != before


@pytest.mark.parametrize("command", ["sync", "run"])
@pytest.mark.parametrize("log_format", ["text", "json"])
def test_a_phone_in_an_error_is_masked_by_the_log_handler(
    tmp_path: Path, command: str, log_format: str
) -> None:
    config = demo_config(tmp_path)
    argv = [command, "--config", str(config)] + (["--log-json"] if log_format == "json" else [])
    with Process.child("raise-with-phone", 0, *argv, cwd=tmp_path) as p:
        if command == "run":
            p.wait_for("next pass at")
            p.signal(signal.SIGTERM)
        code = p.wait()
        err = p.err
    assert code == (1 if command == "sync" else 0), err
    assert "ValueError" in err and "Traceback" in err  # the traceback went through the log
    assert RAW_PHONE not in err + p.out
    assert "+380******026" in err
