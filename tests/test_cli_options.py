"""Options common to every command work before the command and after it."""

from __future__ import annotations

import re
import shutil
import signal
from pathlib import Path

import pytest
import yaml

from sync.backends import open_backend
from sync.backends.base import Backend
from sync.cli import COMMANDS, LEDGER_COMMANDS, build_parser, main
from sync.config import Config
from tests.harness import DEMO, REPO

#: What each command needs besides the common options; {root} is its folder.
EXTRA = {"export": ["--out", "{root}/export"], "restore": ["1", "--yes"]}
ALL_COMMANDS = sorted([*COMMANDS, *LEDGER_COMMANDS])


def _setup(root: Path) -> Path:
    """A copy of the demo with its own state, and one pass already made."""
    books = root / "books"
    books.mkdir(parents=True)
    for name in ("offers.xlsx", "needs.xlsx"):
        shutil.copy(DEMO / name, books / name)
    settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
    settings["workbook"] = {"dir": str(books)}
    settings["state_dir"] = str(root / "state")
    path = root / "settings" / "prod.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    assert main(["sync", "--config", str(path)]) == 0
    return path


def _stop_after_the_first_pass(config: Config) -> Backend:
    """`mozhem run` stops on SIGTERM once the pass in progress is done."""
    signal.raise_signal(signal.SIGTERM)
    return open_backend(config)


def _run(argv: list[str], root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv, backend_factory=_stop_after_the_first_pass if "run" in argv else None)
    out, err = capsys.readouterr()
    # Log times, the minute a report was made ("Данные на 01.12.2026 09:05") and the
    # last pass's ("since the last pass at 19:52"): the two runs compared may fall
    # on either side of a minute.
    times = re.compile(
        r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?(,\d+)?|\d\d\.\d\d\.\d{4} \d\d:\d\d|\bat \d\d:\d\d\b"
    )
    seconds = re.compile(r"\d+\.\d+ s\b")  # how long a pass took
    return code, *(
        seconds.sub("N s", times.sub("TIME", text.replace(str(root), "ROOT")))
        for text in (out, err)
    )


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_config_and_verbose_before_or_after_the_command_give_the_same_result(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # No ./config.yaml here: a --config that is ignored shows at once.
    monkeypatch.chdir(tmp_path)
    results = []
    for order, root in (("before", tmp_path / "a"), ("after", tmp_path / "b")):
        config = str(_setup(root))
        extra = [part.format(root=root) for part in EXTRA.get(command, [])]
        if order == "before":
            argv = ["--config", config, "-v", command, *extra]
        else:
            argv = [command, *extra, "-v", "--config", config]
        results.append(_run(argv, root, capsys))
    before, after = results
    assert before[0] == 0, before[2]
    assert before == after
    if command in ("sync", "run"):
        assert " INFO " in before[2]  # -v took effect


@pytest.mark.parametrize("command", ALL_COMMANDS)
@pytest.mark.parametrize(
    "argv",
    [
        ["--config", "P", "-v", "{command}"],
        ["-v", "{command}", "--config", "P"],
        ["{command}", "--config", "P", "-v"],
        ["--config", "other.yaml", "{command}", "--verbose", "--config", "P"],
    ],
)
def test_common_options_parse_in_any_position(command: str, argv: list[str]) -> None:
    extra = EXTRA.get(command, [])
    words = [w.format(command=command) for w in argv]
    at = words.index(command) + 1
    args = build_parser().parse_args([*words[:at], *extra, *words[at:]])
    assert args.config == Path("P")
    assert args.verbose is True
    assert args.command == command


def test_defaults_when_the_options_are_not_given() -> None:
    args = build_parser().parse_args(["status"])
    assert args.config == Path("config.yaml")
    assert args.verbose is False
