"""What a pass holds at scale: one string per distinct text read, a snapshot written
in pieces that read back as the whole, and the read's grids let go once kept."""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from sync.backends.workbook import WorkbookBackend
from sync.backends.workbook_read import grids_of
from sync.ops import snapshots
from sync.ops.snapshots import RecordingBackend, Snapshot, json_chunks
from sync.plan import Grid, Rewrite, SpreadsheetPlan, TabIdentity, TabShape
from sync.state import StateStore


def test_a_read_keeps_one_string_for_each_distinct_text(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Пары"
    second = book.create_sheet("Память")
    for sheet in (first, second):
        sheet.append(["O-1a2b3c", "+380 95 167 90 26", 3, 3.0])
    path = tmp_path / "book.xlsx"
    book.save(path)
    grids = grids_of(path.read_bytes(), ["Пары", "Память"])
    assert grids["Пары"] == grids["Память"] == [["O-1a2b3c", "+380 95 167 90 26", "3", "3"]]
    for one, other in zip(grids["Пары"][0], grids["Память"][0], strict=True):
        assert one is other


def test_a_snapshot_is_written_in_pieces_that_read_back_as_the_whole(tmp_path: Path) -> None:
    tabs: dict[str, Grid | None] = {
        "matches": [["match_id", "статус"], *[[f"M-{i}", "«Предложено»\n"] for i in range(12_001)]],
        "gone": None,
        "empty": [],
        "memory": [["pair"]],
    }
    snapshot = Snapshot(7, "2026-12-01 10:00", "workbook", "coordination.xlsx", tabs)
    text = "".join(json_chunks(snapshot))
    assert text == json.dumps(snapshot.__dict__, ensure_ascii=False)
    store = StateStore(tmp_path / "state")
    name = snapshots.save(store, snapshot)
    assert snapshots.load(store, name) == snapshot
    with gzip.open(store.snapshots / name, "rb") as file:
        assert file.read().decode("utf-8") == text


class _Backend:
    name = "workbook"
    max_cell_chars = 50_000
    creates_spreadsheets = True
    writes_atomically = True

    def __init__(self) -> None:
        self.applied: list[SpreadsheetPlan] = []

    def apply(self, plan: SpreadsheetPlan) -> None:
        self.applied.append(plan)


def test_the_grids_read_are_kept_once_before_the_first_write_then_let_go() -> None:
    kept: list[dict[str, Grid | None]] = []
    inner = _Backend()
    recorder = RecordingBackend(
        inner, "coordination.xlsx", ["matches"], lambda seen, read: kept.append(dict(seen))
    )
    recorder._seen["matches"] = [["match_id"], ["M-1"]]
    plan = SpreadsheetPlan(
        "coordination.xlsx",
        rewrites={"matches": Rewrite([["match_id"], ["M-2"]])},
        basis={"matches": TabShape(title="Пары")},
    )
    recorder.apply(plan)
    recorder.apply(plan)
    assert kept == [{"matches": [["match_id"], ["M-1"]]}]
    assert recorder._seen == {}
    assert inner.applied == [plan, plan]


def _recorded_read(folder: Path) -> tuple[RecordingBackend, list[str]]:
    """A workbook with a Matches tab and a coordinator's, read through a recorder that
    keeps its snapshot (the name it was saved under) at the first write."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Пары"
    sheet.append(["match_id", "Заметки"])
    sheet.append(["M-1", "позвонить\nвечером"])
    book.create_sheet("Свой").append(["=1+1", 3.0])
    book.save(folder / "c.xlsx")
    store = StateStore(folder / "state")
    names: list[str] = []

    def keep(seen: Mapping[str, Grid | None], read: snapshots.ReadFile | None) -> None:
        taken = Snapshot(1, "2026-12-01 10:00", "workbook", "c.xlsx", dict(seen))
        names.append(snapshots.save(store, taken, read))

    recorder = RecordingBackend(WorkbookBackend(folder), "c.xlsx", ["matches", "own", "gone"], keep)
    titles = {"matches": "Пары", "own": "Свой", "gone": "Нет"}
    identities = [TabIdentity(key, frozenset({title})) for key, title in titles.items()]
    recorder.read_tabs("c.xlsx", identities)
    return recorder, names


def _a_write() -> SpreadsheetPlan:
    return SpreadsheetPlan(
        "c.xlsx",
        rewrites={"matches": Rewrite([["match_id"], ["M-2"]])},
        basis={"matches": TabShape(title="Пары")},
    )


def test_a_workbook_read_unchanged_is_kept_as_its_file_and_loads_as_the_tabs_read(
    tmp_path: Path,
) -> None:
    recorder, names = _recorded_read(tmp_path)
    seen = dict(recorder._seen)
    recorder.apply(_a_write())
    assert names == ["pass-000001.zip"]
    loaded = snapshots.load(StateStore(tmp_path / "state"), names[0])
    assert loaded == Snapshot(1, "2026-12-01 10:00", "workbook", "c.xlsx", seen)
    assert loaded.tabs["own"] == [["=1+1", "3"]] and loaded.tabs["gone"] is None


def test_a_workbook_saved_between_the_read_and_the_write_is_kept_as_the_tabs_read(
    tmp_path: Path,
) -> None:
    recorder, names = _recorded_read(tmp_path)
    seen = dict(recorder._seen)
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    book["Пары"]["B2"] = "набрала, не ответили"
    book.save(tmp_path / "c.xlsx")
    recorder.apply(_a_write())
    assert names == ["pass-000001.json.gz"]
    store = StateStore(tmp_path / "state")
    assert snapshots.load(store, names[0]).tabs == seen
    assert sorted(path.name for path in store.snapshots.iterdir()) == names  # no leftovers
