"""Real `mozhem` processes on a copy of the demo: start, read, signal, wait.

`child_cli.py` beside this file runs the same CLI with one test-only pause or
fault patched in inside the child, so a test can signal a pass that is
certainly in progress, at a known point.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import yaml

REPO = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).resolve().parent / "child_cli.py"


def mozhem() -> list[str]:
    script = Path(sys.executable).parent / "mozhem"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.cli"]


def demo_config(tmp_path: Path, every_minutes: float = 15, **changes: object) -> Path:
    books = tmp_path / "books"
    books.mkdir(exist_ok=True)
    for name in ("offers.xlsx", "needs.xlsx"):
        shutil.copy(REPO / "demo" / name, books / name)
    settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
    settings["workbook"] = {"dir": str(books)}
    settings["state_dir"] = str(tmp_path / "state")
    settings["schedule"] = {"every_minutes": every_minutes}
    settings.update(changes)
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return path


def run(*argv: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*mozhem(), *argv], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


class _Reader:
    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def join(self) -> str:
        self._thread.join(timeout=30)
        return self.text


class Process:
    """A `mozhem` (or child_cli) process whose stdout and stderr are read on threads."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.popen = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            env=env,
        )
        assert self.popen.stdout is not None and self.popen.stderr is not None
        self._out = _Reader(self.popen.stdout)
        self._err = _Reader(self.popen.stderr)

    @classmethod
    def mozhem(cls, *argv: str, cwd: Path) -> Process:
        return cls([*mozhem(), *argv], cwd)

    @classmethod
    def child(cls, hook: str, seconds: float, *argv: str, cwd: Path) -> Process:
        return cls([sys.executable, str(CHILD), hook, str(seconds), *argv], cwd)

    def wait_for(self, text: str, timeout: float = 90, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (self._out.text + self._err.text).count(text) >= count:
                return
            if self.popen.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"never saw {text!r}:\n{self._out.text}\n{self._err.text}")

    def signal(self, signum: int) -> None:
        self.popen.send_signal(signum)

    def wait(self, timeout: float = 90) -> int:
        try:
            return self.popen.wait(timeout=timeout)
        finally:
            if self.popen.poll() is None:
                self.popen.kill()
                self.popen.wait()

    @property
    def out(self) -> str:
        return self._out.join() if self.popen.poll() is not None else self._out.text

    @property
    def err(self) -> str:
        return self._err.join() if self.popen.poll() is not None else self._err.text

    def __enter__(self) -> Process:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()
