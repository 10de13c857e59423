"""Faults around the workbook write (#9), with real files and real processes: a save a
coordinator makes while the pass writes is never overwritten, a killed pass leaves
no phones in temporary files, and the lock belongs to the workbook, not to state_dir."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml

from sync.backends import open_backend
from sync.backends.base import Backend
from sync.backends.workbook import WorkbookBackend
from sync.cli import main
from sync.config import Config, load_config
from sync.labels import column_label
from sync.pipeline import run_pass
from sync.state import PassAlreadyRunning
from tests.harness import NEW_FORM_ROW, Harness, WorkbookHarness, _read
from tests.processes import Process, demo_config, run

NEW_NEED = ["21.11.2026", "Фонд «Опора»", "Ирина", "+380501112233", "Харьков", "пледы", "5"]

#: A coordinator's save, by another process: a status and a note on the first pair.
COORDINATOR_SAVE = """
import sys, openpyxl
path, title, status_column, notes_column, status, note = sys.argv[1:]
book = openpyxl.load_workbook(path)
sheet = book[title]
sheet.cell(row=2, column=int(status_column), value=status)
sheet.cell(row=2, column=int(notes_column), value=note)
book.save(path)
"""


@pytest.fixture
def h(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> WorkbookHarness:
    return WorkbookHarness(tmp_path, capsys)


def _column(h: Harness, key: str) -> int:
    return h.coordination("matches")[0].index(column_label(key, "ru")) + 1


def _coordinator_saves(h: WorkbookHarness, note: str) -> None:
    """Another process saves the workbook, as Excel or LibreOffice would."""
    argv = [str(h.coordination_path), h.title("matches"), str(_column(h, "status"))]
    argv += [str(_column(h, "notes")), "Отказ", note]
    subprocess.run([sys.executable, "-c", COORDINATOR_SAVE, *argv], check=True, timeout=60)


def _sync_with(h: WorkbookHarness, before_replace: Callable[[Path], None]) -> tuple[int, str, str]:
    def factory(config: Config) -> Backend:
        return WorkbookBackend(config.workbook_dir, before_replace=before_replace)

    h.capsys.readouterr()
    code = main(["sync", "--config", str(h.config_path)], backend_factory=factory)
    out, err = h.capsys.readouterr()
    return code, out, err


def test_a_save_during_the_write_is_kept_and_the_write_is_redone_on_it(
    h: WorkbookHarness,
) -> None:
    h.sync()
    before = len(h.matches())
    h.append_source_row("offers", NEW_FORM_ROW)
    saves: list[Path] = []

    def coordinator_saves_once(path: Path) -> None:
        if not saves:
            saves.append(path)
            _coordinator_saves(h, "звонила, не нужно")

    code, _, err = _sync_with(h, coordinator_saves_once)
    assert code == 0, err
    rows = h.matches()
    assert (rows[0]["status"], rows[0]["notes"]) == ("Отказ", "звонила, не нужно")
    assert len(rows) > before  # the pass's own write went in too
    assert len({row["match_id"] for row in rows}) == len(rows)


def test_a_workbook_saved_again_during_the_second_write_gives_up_the_pass(
    h: WorkbookHarness,
) -> None:
    h.sync()
    h.append_source_row("offers", NEW_FORM_ROW)
    count = len(h.matches())
    saves: list[str] = []

    def coordinator_keeps_saving(path: Path) -> None:
        saves.append(f"сохранение {len(saves) + 1}")
        _coordinator_saves(h, saves[-1])

    code, _, err = _sync_with(h, coordinator_keeps_saving)
    assert code == 1
    assert err.splitlines()[-1] == (
        f"mozhem: error: {h.coordination_path} was saved by someone else while this pass "
        "was writing it. Nothing was written over their save; the next pass works from it."
    )
    assert len(saves) == 2  # one retry, then it gives up
    rows = h.matches()
    assert rows[0]["notes"] == "сохранение 2" and len(rows) == count
    assert h.sync().code == 0  # the next pass completes the work
    assert h.matches()[0]["notes"] == "сохранение 2" and len(h.matches()) > count


def test_a_save_to_a_tab_the_pass_rewrites_gives_up_instead_of_redoing(
    h: WorkbookHarness,
) -> None:
    h.sync()
    h.append_source_row("offers", NEW_FORM_ROW)

    def coordinator_types_on_offers(path: Path) -> None:
        book = openpyxl.load_workbook(path)
        book[h.title("offers")].cell(row=2, column=30, value="моя пометка")
        book.save(path)

    code, _, err = _sync_with(h, coordinator_types_on_offers)
    assert code == 1 and "was saved by someone else" in err
    assert "моя пометка" in h.coordination("offers")[1]


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


PHONE = re.compile(rb"\+?380[\d ]{9,13}")


def test_a_pass_killed_while_writing_leaves_no_phones_in_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = demo_config(tmp_path)
    books = tmp_path / "books"
    private_tmp = tmp_path / "tmpdir"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))  # the children's $TMPDIR
    argv = ("sync", "--config", str(config))
    with Process.child("pause-writing-sheet", 60, *argv, cwd=tmp_path) as p:
        p.wait_for("PAUSED WRITING SHEET")
        p.signal(signal.SIGKILL)
        assert p.wait() == -signal.SIGKILL
    left = _files_under(books / ".coordination.xlsx.mozhem-tmp")
    # The kill caught openpyxl's sheet files, with phones in them, in the pass's folder.
    assert any(PHONE.search(path.read_bytes()) for path in left), left
    assert _files_under(private_tmp) == []
    after = run(*argv, cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert _files_under(private_tmp) == []
    assert {p.name for p in books.iterdir()} == {
        "offers.xlsx", "needs.xlsx", "coordination.xlsx", ".coordination.xlsx.mozhem-lock"
    }  # fmt: skip


def test_a_temporary_workbook_left_beside_it_is_removed_by_the_next_pass(tmp_path: Path) -> None:
    config = demo_config(tmp_path)
    books = tmp_path / "books"
    assert run("sync", "--config", str(config), cwd=tmp_path).returncode == 0
    book = openpyxl.load_workbook(books / "needs.xlsx")
    book["Потребности"].append(NEW_NEED)
    book.save(books / "needs.xlsx")
    argv = ("sync", "--config", str(config))
    with Process.child("pause-in-save", 60, *argv, cwd=tmp_path) as p:
        p.wait_for("PAUSED IN SAVE")
        p.signal(signal.SIGKILL)
        p.wait()
    # An older pass kept its temporary workbook beside the workbook itself.
    (books / ".coordination-old1234.tmp").write_bytes(b"PK partial")
    assert len(_files_under(books / ".coordination.xlsx.mozhem-tmp")) == 1
    # Even a pass that writes nothing clears what the killed one left.
    assert run(*argv, "--dry-run", cwd=tmp_path).returncode == 0
    assert {p.name for p in books.iterdir()} == {
        "offers.xlsx", "needs.xlsx", "coordination.xlsx", ".coordination.xlsx.mozhem-lock"
    }  # fmt: skip


def test_two_configs_with_different_state_dirs_cannot_write_one_workbook_at_once(
    tmp_path: Path,
) -> None:
    config = demo_config(tmp_path)
    settings = yaml.safe_load(config.read_text("utf-8"))
    settings["state_dir"] = str(tmp_path / "other-state")
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    argv = ("sync", "--config", str(config))
    with Process.child("pause-before-write", 90, *argv, cwd=tmp_path) as p:
        p.wait_for("PAUSED BEFORE WRITE")
        second = run("sync", "--config", str(other), cwd=tmp_path)
        (tmp_path / "RELEASE").touch()
        assert p.wait() == 0, p.err
    assert second.returncode == 3, second.stderr
    assert ".coordination.xlsx.mozhem-lock" in second.stderr
    assert "whatever its config's state_dir" in second.stderr
    grid = _read(tmp_path / "books" / "coordination.xlsx", "Пары")
    at = grid[0].index(column_label("match_id", "ru"))
    ids = [row[at] for row in grid[1:]]
    assert len(ids) == len(set(ids)) > 0


def test_the_writer_never_appends_a_match_id_already_there(harness: Harness) -> None:
    harness.sync()
    harness.append_source_row("offers", NEW_FORM_ROW)
    config = load_config(harness.config_path)
    backend = harness.cli_options().get("backend_factory", open_backend)(config)
    plan = run_pass(config, backend, dry_run=True).plan
    assert plan.appends
    backend.apply(plan)
    # Another pass (another config, another machine) applies the same plan. On Google
    # its lease refuses it first: the spreadsheet was written since the plan's read.
    if harness.backend == "google":
        with pytest.raises(PassAlreadyRunning, match="записал другой запуск"):
            backend.apply(plan)
    else:
        backend.apply(plan)
    ids = [row["match_id"] for row in harness.matches()]
    assert len(ids) == len(set(ids))
