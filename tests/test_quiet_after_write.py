"""The pass right after one that wrote: it stops early when nothing changed since
that write and the write left nothing more to do (sync/quiet.py), and is a full
pass otherwise: after anyone's save, and after a write whose notes go at the next
pass. Real workbooks, real passes, real `mozhem` processes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from benchmarks.varied_rows import FORM_FIELDS, NEED_FIELDS, form_rows, need_rows
from sync.backends.workbook import WorkbookBackend
from sync.config import load_config
from sync.pipeline import PassResult, run_pass
from sync.plan import SpreadsheetPlan
from tests.harness import NEEDS_TAB, OFFERS_TAB, WorkbookHarness
from tests.processes import demo_config, run

QUIET = "Nothing changed since the last pass at"
MORNING, NOON = datetime(2026, 11, 30, 8, 0), datetime(2026, 11, 30, 12, 0)


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes()).hexdigest()


def _syncer(tmp_path: Path) -> tuple[Callable[[], str], Path]:
    config = demo_config(tmp_path)

    def sync() -> str:
        done = run("sync", "--config", str(config), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return sync, tmp_path / "books" / "coordination.xlsx"


def _edit(workbook: Path, tab: str, cell: str, value: str) -> None:
    """As a coordinator typing into a cell and saving."""
    book = openpyxl.load_workbook(workbook)
    book[tab][cell] = value
    book.save(workbook)


def test_real_processes_stop_early_right_after_a_write(tmp_path: Path) -> None:
    sync, workbook = _syncer(tmp_path)
    assert "Wrote " in sync()
    written = _digest(workbook)
    assert QUIET in sync()
    assert QUIET in sync()
    assert _digest(workbook) == written


def test_real_processes_read_a_coordinators_save_after_the_write(tmp_path: Path) -> None:
    sync, workbook = _syncer(tmp_path)
    assert "Wrote " in sync()
    _edit(workbook, "Пары", "A2", "Отказ")
    _edit(workbook, "Пары", "B2", "уже отдали")
    out = sync()
    assert QUIET not in out and "Read 60 form rows" in out
    assert [cell.value for cell in openpyxl.load_workbook(workbook)["Пары"][2][:2]] == [
        "Отказ",
        "уже отдали",
    ]


def test_real_processes_after_a_write_over_a_coordinators_value(tmp_path: Path) -> None:
    """The note about a value written over goes at the pass after the one that wrote
    it: that pass must be a full one, and the one after it may stop early."""
    sync, workbook = _syncer(tmp_path)
    assert "Wrote " in sync()
    header = [cell.value for cell in openpyxl.load_workbook(workbook)["Пары"][1]]
    donor = openpyxl.utils.get_column_letter(header.index("Донор") + 1)
    _edit(workbook, "Пары", f"{donor}2", "Кто-то другой")
    assert "Refreshed cells: 1." in sync()
    out = sync()
    assert QUIET not in out and "Wrote " in out
    assert QUIET in sync()


@pytest.fixture
def harness(tmp_path: Path) -> WorkbookHarness:
    """The demo with varied answers as people write them added to both sources."""
    harness = WorkbookHarness(tmp_path, capsys=None)  # type: ignore[arg-type]  # no CLI here
    more = {
        ("offers.xlsx", OFFERS_TAB): [[r[f] for f in FORM_FIELDS] for r in form_rows(200, seed=7)],
        ("needs.xlsx", NEEDS_TAB): [[r[f] for f in NEED_FIELDS] for r in need_rows(40, seed=8)],
    }
    for (name, tab), rows in more.items():
        book = openpyxl.load_workbook(harness.dir / name)
        for row in rows:
            book[tab].append(row)
        book.save(harness.dir / name)
    return harness


def _pass(harness: WorkbookHarness, backend: WorkbookBackend | None = None) -> PassResult:
    config = load_config(harness.config_path)
    return run_pass(config, backend or WorkbookBackend(config.workbook_dir), now=MORNING)


def _new_rows(harness: WorkbookHarness) -> None:
    for row in form_rows(3, seed=9):
        harness.append_source_row("offers", [row[f] for f in FORM_FIELDS])


def _contact_written_over(harness: WorkbookHarness) -> None:
    harness.edit_match(harness.matches()[0]["match_id"], "donor_name", "Кто-то другой")


def _phone_corrected(harness: WorkbookHarness) -> None:
    paired = {m["need_id"] for m in harness.matches()}
    needs = harness.rows("needs")
    row = next(i for i, n in enumerate(needs, start=2) if n["need_id"] in paired)
    source_row = int(needs[row - 2]["source_row"])
    grid = harness.source("needs")
    grid[source_row - 1][3] = "+380 67 000 11 22"  # the NGO corrects its phone
    harness.replace_source("needs", grid)


def _row_deleted(harness: WorkbookHarness) -> None:
    book = openpyxl.load_workbook(harness.coordination_path)
    book[harness.title("matches")].delete_rows(2)
    book.save(harness.coordination_path)


def _declined(harness: WorkbookHarness) -> None:
    harness.edit_match(harness.matches()[0]["match_id"], "status", "Отказ")


@pytest.mark.parametrize(
    ("change", "follow_up"),
    [
        (None, False),
        (_new_rows, False),
        (_declined, False),
        (_row_deleted, False),
        (_contact_written_over, True),
        (_phone_corrected, True),
    ],
    ids=["nothing", "new-rows", "declined", "row-deleted", "written-over", "phone-corrected"],
)
def test_a_write_kept_as_settled_leaves_a_full_pass_nothing_to_write(
    harness: WorkbookHarness, change: Callable[[WorkbookHarness], None] | None, follow_up: bool
) -> None:
    """Whatever changed before a writing pass: when it says the next pass may stop
    early, a full pass on what it wrote writes nothing, and the hash it keeps is the
    workbook's; when it leaves notes for the next pass, it says so."""
    wrote = _pass(harness)
    if change is not None:
        change(harness)
        wrote = _pass(harness)
    assert wrote.written
    if follow_up:
        assert wrote.settled is None
    else:
        assert wrote.settled is not None
        assert wrote.settled.coordination == _digest(harness.coordination_path)
    after = _pass(harness)
    assert after.plan.is_empty == (wrote.settled is not None)


class _SavedMeanwhile(WorkbookBackend):
    """A coordinator saves the workbook between the pass's read and its write."""

    def apply(self, plan: SpreadsheetPlan) -> None:
        book = openpyxl.load_workbook(self.path(plan.spreadsheet))
        book["Пары"]["B2"] = "перезвонить завтра"
        book.save(self.path(plan.spreadsheet))
        super().apply(plan)


def test_a_save_between_the_read_and_the_write_makes_the_next_pass_a_full_one(
    harness: WorkbookHarness,
) -> None:
    """The write keeps the coordinator's save, which the pass never read: what it
    wrote is not what a pass read, so nothing is kept as settled."""
    assert _pass(harness).written
    harness.append_source_row("offers", [form_rows(1, seed=10)[0][f] for f in FORM_FIELDS])
    config = load_config(harness.config_path)
    wrote = _pass(harness, _SavedMeanwhile(config.workbook_dir))
    assert wrote.written and wrote.settled is None
    assert openpyxl.load_workbook(harness.coordination_path)["Пары"]["B2"].value == (
        "перезвонить завтра"
    )
