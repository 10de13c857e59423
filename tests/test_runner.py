"""`mozhem run` in a real subprocess: passes on schedule, stops cleanly on a signal."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest

from tests.processes import Process, demo_config, run

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_run_passes_at_once_then_on_schedule_and_stops_cleanly(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    config = demo_config(tmp_path, every_minutes=0.03)  # a pass every 1.8 s
    with Process.mozhem("run", "--config", str(config), cwd=tmp_path) as process:
        process.wait_for("ok pass 3:")
        process.signal(stop_signal)
        assert process.wait(timeout=60) == 0, process.err
        err, out = process.err, process.out
    assert re.search(r"ok pass 1: \d+ offers, 25 needs, [1-9]\d* new, \d+ problems, [1-9]", err)
    assert re.search(r"ok pass 2: \d+ offers, 25 needs, 0 new, \d+ problems, 0 written", err)
    assert len(re.findall(r"next pass at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(in \d+ s\)", err)) >= 2
    assert "stopped after" in err
    assert "Traceback" not in err
    assert out == ""  # a service logs; it prints no human summary
    for line in err.splitlines():
        assert LOG_LINE.match(line), line
    status = run("status", "--config", str(config), cwd=tmp_path)
    assert status.returncode == 0
    assert "Health: ok" in status.stdout
    assert "Last successful write: pass 1" in status.stdout
    assert status.stdout.count(" ok ") >= 3
