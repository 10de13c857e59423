"""Passes that normalize only what changed give the same sheets as passes that
normalize everything, and skip what did not change."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

import matcher
from benchmarks.varied_rows import FORM_FIELDS, form_rows
from sync import incremental
from sync.backends.workbook import WorkbookBackend
from sync.config import Config, load_config
from sync.layouts import TABS
from sync.ops.snapshots import RecordingBackend
from sync.pipeline import run_pass
from sync.plan import Snapshot, TabIdentity
from tests.harness import OFFERS_TAB, Harness, WorkbookHarness

T1, T2, T3 = datetime(2026, 11, 20, 9, 0), datetime(2026, 11, 20, 9, 15), datetime(2026, 11, 21)


class CountingBackend(WorkbookBackend):
    """A workbook backend that notes which spreadsheets it read, and which tabs."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.reads: list[str] = []
        self.tabs: list[str] = []

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        self.reads.append(spreadsheet)
        self.tabs.extend(tabs)
        return super().read(spreadsheet, tabs)

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
        self.reads.append(spreadsheet)
        self.tabs.extend(tab.key for tab in tabs)
        return super().read_tabs(spreadsheet, tabs)


def _world(root: Path) -> Config:
    """A copy of the demo workbooks with a config.yaml and a state_dir of its own."""
    root.mkdir(parents=True, exist_ok=True)
    harness = WorkbookHarness(root, capsys=None)  # type: ignore[arg-type]  # no CLI here
    return load_config(harness.config_path)


def _change_the_form(config: Config) -> None:
    """A donor corrects a row, one row is deleted, and new answers arrive."""
    path = config.workbook_dir / "offers.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book[OFFERS_TAB]
    sheet.cell(row=3, column=6).value = "кастрюли 4 шт, сковородка, чайник"
    sheet.delete_rows(10)
    for row in form_rows(25, seed=11):
        sheet.append([row[field] for field in FORM_FIELDS])
    book.save(path)


def _pass(config: Config, now: datetime) -> None:
    run_pass(config, WorkbookBackend(config.workbook_dir), now=now)


def _sheets(config: Config) -> dict[str, object]:
    path = config.workbook_dir / config.coordination.spreadsheet
    book = openpyxl.load_workbook(path)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def test_an_incremental_pass_writes_the_sheets_a_full_recompute_writes(tmp_path: Path) -> None:
    kept, fresh = _world(tmp_path / "kept"), _world(tmp_path / "fresh")
    for config in (kept, fresh):
        _pass(config, T1)
        _change_the_form(config)
    shutil.rmtree(fresh.state_path / "normalized")  # forget every row: read all again
    _pass(kept, T2)
    _pass(fresh, T2)
    assert _sheets(kept) == _sheets(fresh)
    # And once more with nothing changed: the memory of the whole source answers.
    _pass(kept, T3)
    shutil.rmtree(fresh.state_path / "normalized")
    _pass(fresh, T3)
    assert _sheets(kept) == _sheets(fresh)


def _steps(config: Config, backend: WorkbookBackend) -> list[str]:
    steps: list[str] = []
    run_pass(config, backend, now=T2, progress=steps.append)
    return steps


def _after_a_pass(tmp_path: Path) -> tuple[Config, CountingBackend]:
    """A world after its first pass, and a backend that notes what the next one reads."""
    config = _world(tmp_path)
    _pass(config, T1)
    return config, CountingBackend(config.workbook_dir)


def test_an_unchanged_workbook_is_neither_read_nor_normalized_again(tmp_path: Path) -> None:
    config, backend = _after_a_pass(tmp_path)
    steps = _steps(config, backend)
    assert backend.reads == [config.coordination.spreadsheet]
    assert not [step for step in steps if step.startswith("Normalizing")]


def test_only_new_and_changed_rows_are_read_again(tmp_path: Path) -> None:
    config = _world(tmp_path)
    _pass(config, T1)
    _change_the_form(config)
    steps = _steps(config, WorkbookBackend(config.workbook_dir))
    rows = len(
        WorkbookBackend(config.workbook_dir).read("offers.xlsx", [OFFERS_TAB])[OFFERS_TAB] or []
    )
    # 25 new rows and the corrected one; the needs did not change.
    assert f"Normalizing 26 of {rows - 1} form rows and 0 of 25 need rows" in "\n".join(steps)


def test_a_new_vocabulary_reads_every_row_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _world(tmp_path)
    _pass(config, T1)
    monkeypatch.setattr(incremental, "vocabulary_key", lambda: "another vocabulary")
    steps = _steps(config, WorkbookBackend(config.workbook_dir))
    assert "Normalizing 60 form rows and 25 need rows…" in steps


@pytest.mark.parametrize(
    "changed", ["data/lexicon.yaml", "data/geonames_ua.json.gz", "normalize/items.py"]
)
def test_the_reading_key_follows_every_vocabulary_and_reader_file(
    tmp_path: Path, changed: str
) -> None:
    package = tmp_path / "matcher"
    shutil.copytree(Path(matcher.__file__).parent, package)
    sources = Path(incremental.sources.__file__)
    before = incremental.code_key(package, sources)
    (package / "normalize" / "__pycache__").mkdir(exist_ok=True)
    (package / "normalize" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert incremental.code_key(package, sources) == before  # caches are no reader
    with (package / changed).open("ab") as file:
        file.write(b"\n")
    assert incremental.code_key(package, sources) != before
    assert incremental.vocabulary_key() == incremental.code_key(
        Path(matcher.__file__).parent, sources
    )


def test_a_memory_that_cannot_be_read_is_no_memory(tmp_path: Path) -> None:
    config = _world(tmp_path)
    _pass(config, T1)
    for path in (config.state_path / "normalized").iterdir():
        path.write_bytes(b"not what the pass wrote")
    steps = _steps(config, WorkbookBackend(config.workbook_dir))
    assert "Normalizing 60 form rows and 25 need rows…" in steps


def test_on_google_unchanged_values_are_not_normalized_again(harness: Harness) -> None:
    harness.sync()
    second = harness.sync("-v")  # the steps are log lines
    assert "Normalizing" not in second.err
    new = ["21.11.2026 10:00:00", "Ніна", "050 111 22 33", "Лисичанськ", "Посуда", "тарілки", "Так"]
    harness.append_source_row("offers", new)
    third = harness.sync("-v")
    assert "Normalizing 1 of 61 form rows and 0 of 25 need rows" in third.err


def test_a_recorded_pass_skips_unchanged_sources_and_reads_all_it_snapshots(
    tmp_path: Path,
) -> None:
    config, backend = _after_a_pass(tmp_path)
    seen: dict[str, object] = {}
    recorder = RecordingBackend(
        backend, config.coordination.spreadsheet, TABS, lambda grids, read: seen.update(grids)
    )
    run_pass(config, recorder, now=T2)
    assert backend.reads == [config.coordination.spreadsheet]  # the sources are as they were
    assert sorted(backend.tabs) == sorted(TABS)  # the snapshot holds every tab, in full
