"""Every command has help text, and the installed console script runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sync.cli import COMMANDS, build_parser, main


@pytest.mark.parametrize("command", sorted(COMMANDS))
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
    for command in COMMANDS:
        assert command in done.stdout
