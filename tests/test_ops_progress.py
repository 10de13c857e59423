"""Progress inside a long step: a bar on a terminal, a line every N seconds without one."""

from __future__ import annotations

import logging

import pytest

from sync.ops.progress import Counted, Progress, active, reporting


class Ticking:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def test_without_a_terminal_a_line_at_most_every_n_seconds(
    caplog: pytest.LogCaptureFixture,
) -> None:
    progress = Progress(every_seconds=10, tty=False, clock=Ticking())
    with caplog.at_level(logging.INFO, logger="sync.progress"):
        assert list(progress.iterate(range(100), "form rows normalized", 100)) == list(range(100))
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 10
    assert lines[0] == "form rows normalized: 10 of 100"
    assert lines[-1] == "form rows normalized: 100 of 100"


def test_on_a_terminal_a_bar(capsys: pytest.CaptureFixture[str]) -> None:
    progress = Progress(tty=True)
    assert sum(progress.iterate(range(500), "rows read", 500)) == sum(range(500))
    assert "rows read" in capsys.readouterr().err


def test_counted_rows_report_to_the_reporter_in_force(caplog: pytest.LogCaptureFixture) -> None:
    rows = Counted(list(range(30)), "rows written")
    assert list(rows) == list(range(30))  # outside a pass: silent
    assert len(rows) == 30 and rows[3] == 3
    with (
        caplog.at_level(logging.INFO, logger="sync.progress"),
        reporting(Progress(every_seconds=5, tty=False, clock=Ticking())),
    ):
        assert isinstance(active(), Progress)
        assert list(rows) == list(range(30))
    assert [r.getMessage() for r in caplog.records][-1] == "rows written: 30 of 30"
