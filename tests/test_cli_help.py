"""Every command has help text, and the installed console script runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sync.cli import COMMANDS, LEDGER_COMMANDS, build_parser, main

REPO = Path(__file__).resolve().parents[1]
ALL_COMMANDS = sorted([*COMMANDS, *LEDGER_COMMANDS])


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: mozhem {command}" in out
    assert "--config" in out
    subparsers = build_parser()._subparsers
    assert subparsers is not None
    helps = {a.dest: a.help for a in subparsers._group_actions[0]._choices_actions}  # type: ignore[attr-defined]
    assert helps[command], f"{command} has no one-line help"


def test_top_level_help_lists_the_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.cli", "--help"], capture_output=True, text=True, check=True
    )
    for command in ALL_COMMANDS:
        assert command in done.stdout


@pytest.mark.parametrize("argv", [["--help"], ["status"], ["history"]])
def test_help_and_status_load_no_heavy_library(argv: list[str]) -> None:
    """What makes them answer at once (benchmarks/startup.py measures it)."""
    heavy = ["pydantic", "pandas", "openpyxl", "gspread", "ortools", "scipy", "pymorphy3"]
    probe = (
        "import sys\n"
        "from sync.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print([name for name in {heavy!r} if name in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
