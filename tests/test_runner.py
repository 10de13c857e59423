"""`mozhem run` in a real subprocess: passes on schedule, stops cleanly on a signal."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def _mozhem() -> list[str]:
    script = Path(sys.executable).parent / "mozhem"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.cli"]


def _demo_config(tmp_path: Path, every_minutes: float) -> Path:
    books = tmp_path / "books"
    books.mkdir()
    for name in ("offers.xlsx", "needs.xlsx"):
        shutil.copy(REPO / "demo" / name, books / name)
    settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
    settings["workbook"] = {"dir": str(books)}
    settings["state_dir"] = str(tmp_path / "state")
    settings["schedule"] = {"every_minutes": every_minutes}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return path


def _wait_for(process: subprocess.Popen[str], text: str, count: int, timeout: float) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    os.set_blocking(process.stdout.fileno(), False)
    while time.monotonic() < deadline and seen.count(text) < count:
        chunk = process.stdout.read()
        seen += chunk or ""
        time.sleep(0.1)
    return seen


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_run_passes_at_once_then_on_schedule_and_stops_cleanly(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    config = _demo_config(tmp_path, every_minutes=0.03)  # a pass every 1.8 s
    process = subprocess.Popen(
        [*_mozhem(), "run", "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        seen = _wait_for(process, "Read 60 form rows", count=3, timeout=90)
        assert seen.count("Read 60 form rows") >= 3, seen
        assert "Wrote " in seen  # the first pass writes
        assert "Nothing changed; nothing written" in seen  # later passes find nothing new
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Stopped." in out
    assert "Traceback" not in err
    status = subprocess.run(
        [*_mozhem(), "status", "--config", str(config)], capture_output=True, text=True, check=True
    )
    assert status.stdout.count(" ok ") >= 3
