"""`mozhem run` in a real subprocess: passes on schedule, stops cleanly on a signal."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

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


class _Output:
    """Collects a process's stdout on a thread, so the test can wait for text."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, count: int, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.text.count(text) < count:
            time.sleep(0.1)
        return self.text

    def rest(self) -> str:
        self._reader.join(timeout=30)
        return self.text


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
    output = _Output(process)
    try:
        seen = output.wait_for("Read 60 form rows", count=3, timeout=90)
        assert seen.count("Read 60 form rows") >= 3, seen
        assert "Wrote " in seen  # the first pass writes
        assert "Nothing changed; nothing written" in seen  # later passes find nothing new
        process.send_signal(stop_signal)
        process.wait(timeout=60)
        out = output.rest()
        err = process.stderr.read() if process.stderr else ""
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
