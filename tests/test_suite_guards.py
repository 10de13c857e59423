"""The test suite cannot hang (#9): every test has a time limit, and a retry that
would wait on the real clock fails its test at once."""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from sync.backends.google import connect
from tests.sheets_emulator.emulator import SheetsEmulator

REPO = Path(__file__).resolve().parents[1]


def test_every_test_has_a_time_limit() -> None:
    settings = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert 0 < settings["tool"]["pytest"]["ini_options"]["timeout"] <= 600


def test_a_test_over_its_time_limit_is_stopped(tmp_path: Path) -> None:
    (tmp_path / "test_sleeps.py").write_text(
        "import time\n\ndef test_sleeps():\n    time.sleep(60)\n", "utf-8"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "timeout=2",
         "-c", str(REPO / "pyproject.toml"), "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Timeout" in result.stdout + result.stderr
    assert time.monotonic() - started < 50


def test_a_retry_wait_on_the_real_clock_fails_the_test_at_once() -> None:
    client = connect(SheetsEmulator().credentials(), timeout=10, budget=120)
    policy = client.http_client.retry  # type: ignore[attr-defined]
    started = time.monotonic()
    with pytest.raises(AssertionError, match="injected clock"):
        policy.sleep(30)
    assert time.monotonic() - started < 1
