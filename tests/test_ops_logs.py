"""Every log line of a full demo run, in both formats: a timestamp and a level, and no
raw phone, name or credential value anywhere."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

import pytest

from matcher.normalize.phones import parse_phone
from sync.backends.workbook import WorkbookBackend
from tests.google_harness import GoogleHarness
from tests.harness import DEMO, NEEDS_TAB, OFFERS_TAB
from tests.processes import Process, demo_config, run

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")
PERSONAL_COLUMNS = {
    ("offers.xlsx", OFFERS_TAB): ("Ваше имя", "Контактный телефон"),
    ("needs.xlsx", NEEDS_TAB): ("Контактное лицо", "Телефон"),
}


def personal_values() -> set[str]:
    """Every raw phone and name in the demo, and each phone in E.164."""
    found: set[str] = set()
    demo = WorkbookBackend(DEMO)
    for (book, tab), headers in PERSONAL_COLUMNS.items():
        grid = demo.read(book, [tab])[tab]
        assert grid is not None
        columns = [grid[0].index(header) for header in headers]
        for row in grid[1:]:
            for column in columns:
                value = row[column].strip() if column < len(row) else ""
                if len(value) >= 5 and sum(ch.isalnum() for ch in value) >= 5:
                    found.add(value)
                    if parse_phone(value).e164:
                        found.add(parse_phone(value).e164)
    assert len(found) > 100, "the demo's phones and names were found"
    return found


def check_lines(text: str, log_format: str, secrets: set[str]) -> int:
    lines = text.splitlines()
    for line in lines:
        if log_format == "json":
            entry = json.loads(line)
            assert {"time", "level", "message"} <= entry.keys(), line
        else:
            assert LOG_LINE.match(line), line
        leaked = [secret for secret in secrets if secret in line]
        assert not leaked, f"{leaked} in {line}"
    return len(lines)


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_a_full_demo_run_logs_no_phone_and_no_name(tmp_path: Path, log_format: str) -> None:
    secrets = personal_values()
    config = demo_config(tmp_path, every_minutes=0.02)
    flags = ["-v", "--config", str(config)] + (["--log-json"] if log_format == "json" else [])
    logged = 0
    for argv in (
        ["sync"],
        ["sync", "--dry-run"],
        ["check"],
        ["report"],
        ["export", "--out", str(tmp_path / "export")],
        ["status"],
        ["history"],
        ["restore", "1", "--yes"],
        ["sync"],
    ):
        done = run(*argv, *flags, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert not [s for s in secrets if s in done.stdout], argv
        logged += check_lines(done.stderr, log_format, secrets)
    with Process.mozhem("run", *flags, cwd=tmp_path) as process:
        process.wait_for("next pass at", count=2)
        process.signal(signal.SIGTERM)
        assert process.wait() == 0
        logged += check_lines(process.err, log_format, secrets)
    assert logged > 20


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_a_google_pass_logs_no_phone_name_or_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], log_format: str
) -> None:
    secrets = personal_values() | {"emulator-token"}
    g = GoogleHarness(tmp_path, capsys)
    flags = ["-v"] + (["--log-json"] if log_format == "json" else [])
    for argv in (["sync"], ["sync"], ["history"], ["restore", "1", "--yes"]):
        result = g.cli(*flags, *argv)
        assert result.code == 0, result.err
        assert check_lines(result.err, log_format, secrets) >= (1 if argv == ["sync"] else 0)
