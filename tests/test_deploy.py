"""The deployment files name commands and options that exist."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

import pytest

from sync.cli import build_parser

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _unit(name: str) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / name, encoding="utf-8")
    return unit


def _mozhem_arguments(command_line: str) -> list[str]:
    words = shlex.split(command_line)
    start = next(i for i, word in enumerate(words) if word.endswith("/mozhem"))
    return words[start + 1 :]


@pytest.mark.parametrize(
    ("unit", "command"), [("mozhem.service", "run"), ("mozhem-sync.service", "sync")]
)
def test_each_service_runs_a_real_command(unit: str, command: str) -> None:
    service = _unit(unit)["Service"]
    args = build_parser().parse_args(_mozhem_arguments(service["ExecStart"]))
    assert args.command == command
    assert service["KillSignal"] == "SIGTERM"  # the pass in progress finishes
    assert int(service["TimeoutStopSec"]) >= 120


def test_the_timer_starts_the_one_pass_service() -> None:
    timer = _unit("mozhem-sync.timer")
    assert timer["Timer"]["OnCalendar"] == "*:0/15"
    service = _unit("mozhem-sync.service")["Service"]
    assert service["SuccessExitStatus"] == "3"
    # So that `mozhem status` names the timer as what schedules the passes.
    assert "MOZHEM_STARTED_BY=mozhem-sync.timer" in service.get("Environment", "")


def test_the_crontab_line_runs_one_pass_every_15_minutes() -> None:
    lines = [
        line
        for line in (DEPLOY / "crontab").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(lines) == 1
    fields = lines[0].split(maxsplit=5)
    assert fields[:5] == ["*/15", "*", "*", "*", "*"]
    command = fields[5].split("&&")[1].split(">")[0]
    assert build_parser().parse_args(_mozhem_arguments(command)).command == "sync"
    assert command.split()[0] == "MOZHEM_STARTED_BY=cron"
