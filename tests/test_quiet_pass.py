"""A pass where nothing changed: it has nothing to write, and once a pass has found
that, or has written and left nothing more to do, the next one stops before
reading anything (sync/quiet.py) until a source, the coordination workbook, the
config, the code or the day changes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import time_machine

from benchmarks.varied_rows import FORM_FIELDS, NEED_FIELDS, form_rows, need_rows
from matcher.instance import age_days
from sync import quiet
from sync.backends.workbook import WorkbookBackend
from sync.config import load_config
from sync.pipeline import run_pass
from tests.harness import NEEDS_TAB, NEW_FORM_ROW, OFFERS_TAB, WorkbookHarness
from tests.processes import demo_config, run

MORNING, EVENING = datetime(2026, 11, 30, 8, 0), datetime(2026, 11, 30, 20, 0)
NEXT_MORNING = datetime(2026, 12, 1, 8, 5)
QUIET = "Nothing changed since the last pass at"


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes()).hexdigest()


def test_two_passes_on_unchanged_inputs_leave_the_second_nothing_to_write(
    tmp_path: Path,
) -> None:
    """Varied answers, as people write them (offers counted in pieces for needs in
    kilograms among them), and a second pass later the same day: nothing to add,
    nothing to refresh, the workbook as the first pass left it."""
    harness = WorkbookHarness(tmp_path, capsys=None)  # type: ignore[arg-type]  # no CLI here
    more = {
        ("offers.xlsx", OFFERS_TAB): [[r[f] for f in FORM_FIELDS] for r in form_rows(200, seed=5)],
        ("needs.xlsx", NEEDS_TAB): [[r[f] for f in NEED_FIELDS] for r in need_rows(40, seed=6)],
    }
    for (name, tab), rows in more.items():
        book = openpyxl.load_workbook(harness.dir / name)
        for row in rows:
            book[tab].append(row)
        book.save(harness.dir / name)
    config = load_config(harness.config_path)
    first = run_pass(config, WorkbookBackend(config.workbook_dir), now=MORNING)
    assert first.written and first.new_matches > 100
    before = _digest(harness.coordination_path)
    second = run_pass(config, WorkbookBackend(config.workbook_dir), now=EVENING)
    assert (second.new_matches, second.updated_cells, dict(second.plan.rewrites)) == (0, 0, {})
    assert second.plan.is_empty and not second.written
    assert _digest(harness.coordination_path) == before


def test_an_age_changes_at_midnight_only() -> None:
    assert age_days(datetime(2026, 11, 29, 23, 50), datetime(2026, 11, 30, 0, 10)) == 1
    assert age_days(datetime(2026, 11, 29, 0, 10), datetime(2026, 11, 29, 23, 50)) == 0
    assert age_days(datetime(2026, 11, 20, 18, 0), datetime(2026, 11, 30, 9, 0)) == 10


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def settled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: time_machine.Coordinates
) -> WorkbookHarness:
    """The demo after a pass that wrote and one that stopped early after it."""
    harness = WorkbookHarness(tmp_path, capsys)
    assert "Wrote " in harness.sync().out
    clock.shift(600)
    assert f"{QUIET} 08:00; nothing to do." in harness.sync().out
    clock.shift(600)
    return harness


def _is_quiet(harness: WorkbookHarness) -> bool:
    """Whether the next pass stopped early; a pass that did not read both sources and
    the workbook (its steps on stderr, with -v) and matched."""
    result = harness.sync("-v")
    steps = [line.split(" ", 3)[3] for line in result.err.splitlines()]
    if QUIET in result.out:
        assert any(step.startswith(QUIET) and step.endswith("; nothing to do.") for step in steps)
        assert not [s for s in steps if s.startswith(("Reading", "Matching", "Writing"))]
        assert "nothing changed, nothing read" in steps[-1]
        return True
    assert "Reading the offers, the needs and the coordination spreadsheet…" in steps
    assert any(step.startswith("Matching ") for step in steps)
    return False


def test_a_pass_after_one_that_found_nothing_to_write_reads_nothing(
    settled: WorkbookHarness,
) -> None:
    before = settled.coordination_path.stat()
    result = settled.sync()
    problems = len(settled.coordination("problems")) - 1
    assert result.out.splitlines() == [
        f"{QUIET} 08:10; nothing to do.",
        f"Problems: {problems} (listed on the Problems tab).",
    ]
    after = settled.coordination_path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert _is_quiet(settled)


def test_a_coordinators_edit_makes_a_full_pass(settled: WorkbookHarness) -> None:
    declined = settled.matches()[0]["match_id"]
    settled.edit_match(declined, "status", "Отказ")
    settled.edit_match(declined, "notes", "уже отдали")
    assert not _is_quiet(settled)
    row = next(m for m in settled.matches() if m["match_id"] == declined)
    assert (row["status"], row["notes"]) == ("Отказ", "уже отдали")


def test_a_saved_workbook_with_nothing_edited_makes_a_full_pass(
    settled: WorkbookHarness,
) -> None:
    """Opened and saved as it was: other bytes, so the pass cannot tell; it reads."""
    book = openpyxl.load_workbook(settled.coordination_path)
    book.save(settled.coordination_path)
    assert not _is_quiet(settled)


def test_an_edited_source_makes_a_full_pass(settled: WorkbookHarness) -> None:
    settled.append_source_row("offers", NEW_FORM_ROW)
    result = settled.sync()
    assert "Read 61 form rows" in result.out and "Wrote " in result.out
    # It wrote what it found, and left nothing more to do.
    assert _is_quiet(settled)
    edited = settled.source("needs")
    edited[1][6] = "12"  # an NGO corrects a quantity
    settled.replace_source("needs", edited)
    assert not _is_quiet(settled)


def test_the_pass_after_one_that_wrote_over_a_value_takes_its_note_off(
    settled: WorkbookHarness,
) -> None:
    """The pass that writes the source's value over a coordinator's leaves a note on
    Problems, which the pass after it takes off: that one must not stop early."""
    match = settled.matches()[0]
    settled.edit_match(match["match_id"], "donor_name", "Кто-то другой")
    assert "Refreshed cells: 1." in settled.sync().out
    assert "Кто-то другой" in str(settled.coordination("problems"))
    assert not _is_quiet(settled)
    assert "Кто-то другой" not in str(settled.coordination("problems"))
    assert _is_quiet(settled)  # that pass wrote too, and left nothing to do


def test_the_next_day_makes_a_full_pass(
    settled: WorkbookHarness, clock: time_machine.Coordinates
) -> None:
    clock.move_to(NEXT_MORNING)
    result = settled.sync()
    assert QUIET not in result.out
    # Every need waited a day more: the pass had something to do.
    assert "Refreshed cells: 0." not in result.out


@pytest.mark.parametrize(
    "change",
    [{"offers": {"reconfirm_after_days": 10}}, {"matching": {"max_distance_km": 31.0}}],
    ids=["reconfirm-days", "distance"],
)
def test_a_changed_config_makes_a_full_pass(
    settled: WorkbookHarness, change: dict[str, object]
) -> None:
    settled.write_config(**change)
    assert not _is_quiet(settled)


def test_a_config_saved_again_unchanged_keeps_the_pass_quiet(settled: WorkbookHarness) -> None:
    settled.config_path.write_text(
        "# saved again\n" + settled.config_path.read_text("utf-8"), "utf-8"
    )
    assert _is_quiet(settled)


def test_new_code_makes_a_full_pass(
    settled: WorkbookHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quiet, "code_key", lambda: "the next release")
    assert not _is_quiet(settled)
    monkeypatch.undo()
    assert not _is_quiet(settled)  # and back: the key it kept is the release's


def test_dry_run_and_export_read_everything_and_keep_the_quiet_state(
    settled: WorkbookHarness, tmp_path: Path
) -> None:
    kept = (settled.root / "state" / quiet.FILE).read_bytes()
    dry = settled.sync("--dry-run")
    assert "Read 60 form rows" in dry.out and "Dry run: nothing written" in dry.out
    exported = settled.cli("export", "--out", str(tmp_path / "out"))
    assert exported.code == 0, exported.err
    assert len((tmp_path / "out" / "matches.csv").read_text("utf-8-sig").splitlines()) > 1
    assert (settled.root / "state" / quiet.FILE).read_bytes() == kept
    assert _is_quiet(settled)


def test_real_processes_stop_early_until_a_coordinator_saves(tmp_path: Path) -> None:
    config = demo_config(tmp_path)

    def sync() -> str:
        done = run("sync", "--config", str(config), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "Wrote " in sync()
    assert QUIET in sync()
    workbook = tmp_path / "books" / "coordination.xlsx"
    book = openpyxl.load_workbook(workbook)
    book["Пары"]["B2"] = "перезвонить в пятницу"
    book.save(workbook)
    edited = _digest(workbook)
    assert "Read 60 form rows" in sync()  # a note is no work for the pass: nothing written
    assert _digest(workbook) == edited
    assert QUIET in sync()
