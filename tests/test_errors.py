"""Every mistake people make with files ends in one line and the right exit code.

One row per mistake: a file that is not what it should be, a folder that cannot
be read or written, a config or key file that cannot be used. Each row runs
through the real CLI on every backend it applies to, and ends in exactly one
`mozhem: error:` line that names the file and says what to do, never in a
traceback; with `-v` the traceback comes first and the line still ends it.

Permission rows need a process that file permissions apply to. As root, that
process is run without the capabilities that let root read and write any file
(`setpriv`), so the same rows run for root and for everybody else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from sync.cli import main
from tests.google_harness import GoogleHarness
from tests.harness import REPO, CliResult, Harness, WorkbookHarness

#: The OLE2 signature every old .xls (and every password-protected workbook) starts with.
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


@dataclass(frozen=True)
class Setup:
    """What a row did to the files: the command to run and the file its message names."""

    argv: list[str]
    names: str


@dataclass(frozen=True)
class Mistake:
    id: str
    backends: tuple[str, ...]
    make: Callable[[Harness], Setup]
    code: int
    #: What the message says besides the file's name: what is wrong, what to do.
    says: tuple[str, ...]
    #: How the command runs: in this process with the harness's backend, in this
    #: process with the backend production builds (credentials rows), or in a
    #: process that file permissions apply to.
    run: str = "harness"
    needs: tuple[str, ...] = field(default=())


def _books(h: Harness) -> Path:
    assert isinstance(h, WorkbookHarness)
    return h.dir


def _offers(h: Harness) -> Path:
    return _books(h) / "offers.xlsx"


def _coordination(h: Harness) -> Path:
    return _books(h) / "coordination.xlsx"


def _damage(make: Callable[[bytes], bytes], argv: str = "check") -> Callable[[Harness], Setup]:
    def damaged(h: Harness) -> Setup:
        _offers(h).write_bytes(make(_offers(h).read_bytes()))
        return Setup([argv], str(_offers(h)))

    return damaged


def _old_xls(h: Harness) -> Setup:
    (_books(h) / "offers.xls").write_bytes(OLE2 + bytes(4096))
    sources = h.settings["sources"]
    sources["offers"]["spreadsheet"] = "offers.xls"
    h.write_config(sources=sources)
    return Setup(["check"], str(_books(h) / "offers.xls"))


def _damaged_coordination(h: Harness) -> Setup:
    h.sync()
    _coordination(h).write_bytes(b"PK\x03\x04" + bytes(100))
    return Setup(["sync"], str(_coordination(h)))


def _missing_workbook(h: Harness) -> Setup:
    if isinstance(h, GoogleHarness):
        coordination = {**h.settings["coordination"], "spreadsheet": "no-such-key"}
        h.write_config(coordination=coordination)
        return Setup(["check"], "no-such-key")
    sources = h.settings["sources"]
    sources["needs"]["spreadsheet"] = "needs-2026.xlsx"
    h.write_config(sources=sources)
    return Setup(["sync"], str(_books(h) / "needs-2026.xlsx"))


def _folder_for_a_workbook(h: Harness) -> Setup:
    (_books(h) / "needs-folder.xlsx").mkdir()
    sources = h.settings["sources"]
    sources["needs"]["spreadsheet"] = "needs-folder.xlsx"
    h.write_config(sources=sources)
    return Setup(["check"], str(_books(h) / "needs-folder.xlsx"))


def _wrong_worksheet(h: Harness) -> Setup:
    sources = h.settings["sources"]
    sources["offers"]["worksheet"] = "Ответы на форму (2)"
    h.write_config(sources=sources)
    return Setup(["check"], "Ответы на форму (2)")


def _no_access(h: Harness) -> Setup:
    assert isinstance(h, GoogleHarness)
    h.emu.make_private(h.keys["needs"])
    return Setup(["check"], h.keys["needs"])


def _config_saved_as(encoding: str) -> Callable[[Harness], Setup]:
    def saved(h: Harness) -> Setup:
        text = yaml.safe_dump(h.settings, allow_unicode=True)
        h.config_path.write_bytes(text.encode(encoding))
        return Setup(["check"], str(h.config_path))

    return saved


def _config_folder(h: Harness) -> Setup:
    h.config_path.unlink()
    h.config_path.mkdir()
    return Setup(["status"], str(h.config_path))


def _export_to(where: Callable[[Path], Path]) -> Callable[[Harness], Setup]:
    def export(h: Harness) -> Setup:
        out = where(h.root)
        return Setup(["export", "--out", str(out)], str(out))

    return export


def _a_file(root: Path) -> Path:
    (root / "report.txt").write_text("not a folder", "utf-8")
    return root / "report.txt"


def _under_a_file(root: Path) -> Path:
    return _a_file(root) / "export"


def _locked_folder(root: Path) -> Path:
    (root / "locked").mkdir()
    (root / "locked").chmod(0o555)
    return root / "locked"


def _pass_running(h: Harness) -> Setup:
    return Setup(["sync"], str(h.root / "state" / "sync.lock"))


def _key(h: Harness, content: bytes) -> Setup:
    path = h.root / "key.json"
    path.write_bytes(content)
    h.write_config(google={"credentials_file": str(path)})
    return Setup(["check"], str(path))


def _unreadable(path: Callable[[Harness], Path], argv: str) -> Callable[[Harness], Setup]:
    def locked(h: Harness) -> Setup:
        if argv == "report":
            h.sync()
        path(h).chmod(0o000)
        return Setup([argv], str(path(h)))

    return locked


def _unwritable_books(h: Harness) -> Setup:
    _books(h).chmod(0o555)
    return Setup(["sync"], str(_books(h)))


def _missing_key(h: Harness) -> Setup:
    path = h.root / "missing-key.json"
    h.write_config(google={"credentials_file": str(path)})
    return Setup(["check"], str(path))


def _unreadable_key(h: Harness) -> Setup:
    setup = _key(h, b'{"type": "service_account"}')
    Path(setup.names).chmod(0o000)
    return setup


WORKBOOK, GOOGLE, BOTH = ("workbook",), ("google",), ("workbook", "google")
NOT_AN_XLSX = ("not an .xlsx workbook", "save it as")

MISTAKES = [
    # Spreadsheets that cannot be read or written: exit 1.
    Mistake("corrupt-workbook", WORKBOOK, _damage(lambda b: b"Name;Phone\n" + b[:50]), 1,
            NOT_AN_XLSX),
    Mistake("truncated-workbook", WORKBOOK, _damage(lambda b: b[: len(b) // 2], "sync"), 1,
            ("damaged or incomplete", "backup")),
    Mistake("empty-workbook", WORKBOOK, _damage(lambda b: b""), 1,
            ("empty", "backup")),
    Mistake("xls-workbook", WORKBOOK, _old_xls, 1, (".xls", "save it as", ".xlsx")),
    Mistake("xls-named-xlsx", WORKBOOK, _damage(lambda b: OLE2 + bytes(4096)), 1,
            (".xls", "save it as", ".xlsx")),
    Mistake("damaged-coordination-workbook", WORKBOOK, _damaged_coordination, 1,
            ("damaged or incomplete", "backup")),
    Mistake("unreadable-workbook", WORKBOOK, _unreadable(_offers, "check"), 1,
            ("permission denied", "the user who runs mozhem"), run="unprivileged"),
    Mistake("unreadable-coordination-workbook", WORKBOOK, _unreadable(_coordination, "report"),
            1, ("permission denied", "the user who runs mozhem"), run="unprivileged"),
    Mistake("unreadable-folder", WORKBOOK, _unreadable(_books, "check"), 1,
            ("permission denied", "the user who runs mozhem"), run="unprivileged"),
    Mistake("unwritable-folder", WORKBOOK, _unwritable_books, 1,
            ("permission denied", "coordination.xlsx", "nothing was written"), run="unprivileged"),
    Mistake("no-access", GOOGLE, _no_access, 1, ("no access", "client_email")),
    Mistake("export-at-a-file", BOTH, _export_to(_a_file), 1, ("is a file", "--out")),
    Mistake("export-under-a-file", BOTH, _export_to(_under_a_file), 1,
            ("is a file", "--out")),
    Mistake("export-unwritable-folder", WORKBOOK, _export_to(_locked_folder), 1,
            ("permission denied", "--out"), run="unprivileged"),
    # Mistakes to fix in config.yaml, a header or a key file: exit 2.
    Mistake("missing-workbook", BOTH, _missing_workbook, 2, ("config.yaml",)),
    Mistake("folder-for-a-workbook", WORKBOOK, _folder_for_a_workbook, 2,
            ("folder", "config.yaml")),
    Mistake("wrong-worksheet", BOTH, _wrong_worksheet, 2,
            ("Did you mean 'Ответы на форму (1)'", "config.yaml")),
    Mistake("config-in-cp1251", BOTH, _config_saved_as("cp1251"), 2,
            ("not UTF-8", "cp1251", "save it as UTF-8")),
    Mistake("config-in-utf16", BOTH, _config_saved_as("utf-16"), 2,
            ("not UTF-8", "UTF-16", "save it as UTF-8")),
    Mistake("config-is-a-folder", BOTH, _config_folder, 2, ("folder", "--config")),
    Mistake("unreadable-config", WORKBOOK, _unreadable(lambda h: h.config_path, "check"), 2,
            ("permission denied", "the user who runs mozhem"), run="unprivileged"),
    Mistake("key-missing", GOOGLE, _missing_key, 2,
            ("google.credentials_file", "GOOGLE_APPLICATION_CREDENTIALS"), run="production"),
    Mistake("key-is-a-json-list", GOOGLE, lambda h: _key(h, b'[{"type": "service_account"}]'),
            2, ("JSON list", "service-account key", "Keys"), run="production"),
    Mistake("key-not-json", GOOGLE, lambda h: _key(h, b"client_email: x@y\n"), 2,
            ("not JSON", "service-account key"), run="production"),
    Mistake("key-unreadable", GOOGLE, _unreadable_key, 2,
            ("permission denied", "the user who runs mozhem"), run="unprivileged"),
    # A pass that is already running: exit 3.
    Mistake("pass-already-running", BOTH, _pass_running, 3, ("another pass", "wait"),
            needs=("lock",)),
]  # fmt: skip


ROWS = [
    pytest.param(mistake, backend, id=f"{mistake.id}-{backend}")
    for mistake in MISTAKES
    for backend in mistake.backends
]


@cache
def _unprivileged_prefix() -> list[str]:
    """How to start a process that file permissions apply to."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    # Without these capabilities root is held to a file's mode like its owner.
    prefix = [setpriv or "setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    if setpriv is None or subprocess.run([*prefix, "true"], check=False).returncode != 0:
        pytest.skip(
            "runs as root, and root cannot drop the capabilities that let it read and write "
            "any file here (setpriv is missing or refused): a permission problem cannot be made"
        )
    return prefix


def _run(h: Harness, mistake: Mistake, setup: Setup, verbose: bool) -> CliResult:
    argv = [*setup.argv, *(["-v"] if verbose else []), "--config", str(h.config_path)]
    if mistake.run == "unprivileged":
        env = {k: v for k, v in os.environ.items() if k != "GOOGLE_APPLICATION_CREDENTIALS"}
        done = subprocess.run(
            [*_unprivileged_prefix(), sys.executable, "-m", "sync.cli", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=300,
            check=False,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)
    if mistake.run == "production":
        h.capsys.readouterr()
        code = main(argv)
        captured = h.capsys.readouterr()
        return CliResult(code, captured.out, captured.err)
    h.capsys.readouterr()
    code = main(argv, **h.cli_options())
    captured = h.capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


@pytest.mark.parametrize(("mistake", "backend"), ROWS)
def test_every_mistake_ends_in_one_line_with_its_exit_code(
    mistake: Mistake,
    backend: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    if mistake.run == "unprivileged":
        _unprivileged_prefix()
    h: Harness = (
        WorkbookHarness(tmp_path, capsys)
        if backend == "workbook"
        else GoogleHarness(tmp_path, capsys)
    )
    setup = mistake.make(h)
    lock = FileLock(h.root / "state" / "sync.lock") if "lock" in mistake.needs else None
    if lock is not None:
        (h.root / "state").mkdir(exist_ok=True)
        lock.acquire()
    try:
        plain = _run(h, mistake, setup, verbose=False)
        verbose = _run(h, mistake, setup, verbose=True)
    finally:
        if lock is not None:
            lock.release()
        for path in (h.root, *h.root.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)

    lines = plain.err.splitlines()
    assert plain.code == mistake.code, plain.err
    assert "Traceback" not in plain.err
    assert [line for line in lines if line.startswith("mozhem: error: ")] == lines[-1:], plain.err
    message = lines[-1]
    assert setup.names in message
    for words in mistake.says:
        assert words in message
    # -v: the same line, after the traceback.
    assert verbose.code == mistake.code
    assert "Traceback (most recent call last)" in verbose.err
    assert verbose.err.splitlines()[-1] == message


def test_the_rows_cover_both_backends_and_every_exit_code() -> None:
    assert {m.code for m in MISTAKES} == {1, 2, 3}
    assert {b for m in MISTAKES for b in m.backends} == {"workbook", "google"}
