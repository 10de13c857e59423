"""The tabs a pass wrote are not parsed again by the next read while the file holds
what the pass left (sync/backends/workbook_kept.py); whatever anyone saved since is
read. Real workbooks and real passes; each read with kept tabs is checked against a
read that parses every tab."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from sync.backends import workbook, xlsx_stream
from sync.backends.workbook import WorkbookBackend
from sync.backends.workbook_kept import WrittenTabs
from sync.backends.xlsx_parts import sheet_parts, tab_checksums
from sync.cli import main
from sync.config import load_config
from sync.plan import Cells, NewTab, Rewrite, Snapshot, SpreadsheetPlan, TabIdentity
from sync.styles import ColumnStyle, TabStyle
from sync.tabs import IDENTITIES
from tests.processes import demo_config

OFFERS, NEEDS, RECONFIRM, PROBLEMS = "Предложения", "Потребности", "Перепроверить", "Проблемы"


def _sync(config: Path) -> None:
    assert main(["sync", "--config", str(config)]) == 0


def _reads(config: Path) -> tuple[Snapshot, Snapshot, frozenset[str]]:
    """The coordination workbook read with the pass's kept tabs, and parsed in full;
    and the titles the first read took as kept."""
    settings = load_config(config)
    kept = WorkbookBackend(
        settings.workbook_dir, written_tabs=WrittenTabs(settings.state_path / "written-tabs")
    )
    spreadsheet = settings.coordination.spreadsheet
    with_kept = kept.read_tabs(spreadsheet, IDENTITIES)
    parsed = WorkbookBackend(settings.workbook_dir).read_tabs(spreadsheet, IDENTITIES)
    return with_kept, parsed, kept.kept_tabs(spreadsheet)


def _same(with_kept: Snapshot, parsed: Snapshot) -> None:
    assert dict(with_kept.grids) == dict(parsed.grids)
    assert dict(with_kept.tabs) == dict(parsed.tabs)


@pytest.fixture
def synced(tmp_path: Path) -> tuple[Path, Path]:
    """A demo config after its first pass; and its coordination workbook."""
    config = demo_config(tmp_path)
    _sync(config)
    return config, tmp_path / "books" / "coordination.xlsx"


def test_the_next_read_takes_every_tab_the_pass_wrote_as_kept(synced: tuple[Path, Path]) -> None:
    config, _ = synced
    with_kept, parsed, kept = _reads(config)
    assert len(kept) == 8
    _same(with_kept, parsed)


def test_a_coordinators_save_is_read_and_kept_by_the_next_pass(
    synced: tuple[Path, Path],
) -> None:
    """An answer typed on Re-confirm, a column of their own on Offers, a note on Needs:
    the file saved by a spreadsheet program, every tab is parsed again."""
    config, path = synced
    book = openpyxl.load_workbook(path)
    offers, reconfirm = book[OFFERS], book[RECONFIRM]
    offers.cell(row=1, column=offers.max_column + 1, value="Кто звонил")
    offers.cell(row=2, column=offers.max_column, value="Марина")
    reconfirm.cell(row=1, column=reconfirm.max_column + 1, value="Заметка")
    reconfirm.cell(row=2, column=reconfirm.max_column, value="перезвонить в пятницу")
    book[NEEDS]["A2"] = "исправила руками"
    book.save(path)
    with_kept, parsed, kept = _reads(config)
    assert kept == frozenset()
    _same(with_kept, parsed)
    assert "Марина" in _row(with_kept, "offers", 1)
    assert _row(with_kept, "needs", 1)[0] == "исправила руками"
    assert "перезвонить в пятницу" in _row(with_kept, "reconfirm", 1)
    _sync(config)  # a full pass: what they typed in their own columns stays
    book = openpyxl.load_workbook(path, read_only=True)
    assert "Марина" in [c.value for c in next(book[OFFERS].iter_rows(min_row=2))]
    assert "перезвонить в пятницу" in [c.value for c in next(book[RECONFIRM].iter_rows(min_row=2))]


def _row(snapshot: Snapshot, key: str, index: int) -> list[str]:
    grid = snapshot[key]
    assert grid is not None
    return grid[index]


def _replace_part(path: Path, part: str, edit: bytes, by: bytes, level: int | None = None) -> None:
    """`path` with one part's bytes changed and every other part copied as stored, as a
    tool that edits the zip in place would leave it (deflated at `level`, that of the
    program that wrote the file)."""
    copy = path.with_name("edited.xlsx")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(copy, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == part:
                assert edit in data
                data = data.replace(edit, by, 1)
            new.writestr(info, data, info.compress_type, level)
    shutil.move(copy, path)


def test_an_edit_of_one_tabs_part_alone_is_read(synced: tuple[Path, Path]) -> None:
    """A number typed over in the Needs tab's part, every other part as it was."""
    config, path = synced
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(archive)[NEEDS]
        xml = archive.read(part)
    number = re.search(rb'<c r="([A-Z]+)2"[^>]*><v>(\d+)</v>', xml)
    assert number is not None
    column = openpyxl.utils.column_index_from_string(number.group(1).decode()) - 1
    _replace_part(path, part, number.group(), number.group().replace(b"<v>", b"<v>987654"))
    with_kept, parsed, kept = _reads(config)
    assert NEEDS not in kept and OFFERS in kept
    assert _row(with_kept, "needs", 1)[column] == "987654" + number.group(2).decode()
    _same(with_kept, parsed)


@pytest.mark.parametrize("part", ["xl/styles.xml", "docProps/core.xml"])
def test_an_edit_outside_the_worksheets_has_every_tab_parsed(
    synced: tuple[Path, Path], part: str
) -> None:
    config, path = synced
    with zipfile.ZipFile(path) as archive:
        found = archive.read(part)
    _replace_part(path, part, found[-20:], found[-20:].replace(b">", b" >", 1))
    with_kept, parsed, kept = _reads(config)
    assert kept == frozenset()
    _same(with_kept, parsed)


def test_passes_on_new_rows_keep_what_a_read_gives(synced: tuple[Path, Path]) -> None:
    """New source rows: the next pass rewrites tabs and edits Matches; what it keeps
    is what a read of the file gives, and a pass on top of that writes what a pass
    that parsed everything writes."""
    config, path = synced
    _add_offer_row(path)
    _sync(config)
    with_kept, parsed, kept = _reads(config)
    assert OFFERS in kept and PROBLEMS in kept
    _same(with_kept, parsed)


def test_tabs_of_another_workbook_are_not_taken(synced: tuple[Path, Path]) -> None:
    config, path = synced
    shutil.copy(path, path.with_name("other.xlsx"))
    settings = load_config(config)
    backend = WorkbookBackend(
        settings.workbook_dir, written_tabs=WrittenTabs(settings.state_path / "written-tabs")
    )
    backend.read_tabs("other.xlsx", IDENTITIES)
    assert backend.kept_tabs("other.xlsx") == frozenset()


STYLE = TabStyle(
    columns={
        "count": ColumnStyle(number_format="integer"),
        "score": ColumnStyle(number_format="decimal"),
        "day": ColumnStyle(number_format="date"),
        "when": ColumnStyle(number_format="date_time"),
    }
)
KEYS = ("text", "count", "score", "day", "when")


def _tab(cells: Cells, basis: Snapshot | None = None) -> SpreadsheetPlan:
    tab = NewTab("T", keys=KEYS, header=tuple(str(v) for v in cells[0]))
    return SpreadsheetPlan(
        "c.xlsx",
        new_tabs=() if basis else (tab,),
        rewrites={"T": Rewrite(cells, KEYS)},
        styles={"T": STYLE},
        basis=basis.tabs if basis else {},
    )


ROWS: list[list[object]] = [
    ["plain", 3, 0.57, date(2026, 12, 1), datetime(2026, 12, 1, 10, 30)],
    ["  spaces  ", -7, 2.5, date(1999, 1, 31), datetime(2026, 12, 1, 10, 30, 59)],
    ["line\nfeed", 0, 1e-05, datetime(2026, 12, 1, 10, 0), date(2026, 12, 2)],
    ["ї є ґ ʼ & <x>", 2**40, 123456.75, "", ""],
    ["=1+1", "", "", "", ""],
]
#: Values a read may give back as other text: each makes its tab parsed next time.
DOUBTFUL: list[object] = [
    "carriage\rreturn",
    "bell\x07",
    "x" * 40_000,
    0.1 + 0.2,
    2**60,
    datetime(2026, 12, 1, 10, 30, 0, 5),
]


@pytest.mark.parametrize("head_rows", [200, 1])
def test_kept_values_are_the_text_a_read_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, head_rows: int
) -> None:
    """Text, numbers and dates, written by openpyxl or streamed."""
    monkeypatch.setattr(workbook, "HEAD_ROWS", head_rows)
    backend = WorkbookBackend(tmp_path, written_tabs=WrittenTabs(tmp_path / "kept"))
    cells: Cells = [list(KEYS), *ROWS]  # type: ignore[list-item]
    backend.apply(_tab(cells))
    identity = [TabIdentity("T", frozenset({"T"}))]
    read = backend.read_tabs("c.xlsx", identity)
    assert backend.kept_tabs("c.xlsx") == frozenset({"T"})
    assert read["T"] == WorkbookBackend(tmp_path).read_tabs("c.xlsx", identity)["T"]
    for value in DOUBTFUL:
        backend.apply(_tab([*cells, ["doubt", value]], basis=read))  # type: ignore[list-item]
        read = backend.read_tabs("c.xlsx", identity)
        assert backend.kept_tabs("c.xlsx") == frozenset(), value


def test_kept_values_of_one_value_in_columns_of_every_look(tmp_path: Path) -> None:
    """The same number or date, again and again, in columns whose formats differ: each
    cell is kept as its own column shows it."""
    backend = WorkbookBackend(tmp_path, written_tabs=WrittenTabs(tmp_path / "kept"))
    moment = datetime(2026, 12, 1, 10, 30)
    rows: list[list[object]] = [
        [2.5, 2, 2.5, moment, moment],
        [7, 2.5, 7, date(2026, 12, 1), date(2026, 12, 1)],
        [moment, 3, 2.5, moment, date(2026, 12, 1)],
        [date(2026, 12, 1), 2**40, 2.0, moment, moment],
    ]
    cells: Cells = [list(KEYS), *rows * 3]  # type: ignore[list-item]
    backend.apply(_tab(cells))
    identity = [TabIdentity("T", frozenset({"T"}))]
    read = backend.read_tabs("c.xlsx", identity)
    assert backend.kept_tabs("c.xlsx") == frozenset({"T"})
    assert read["T"] == WorkbookBackend(tmp_path).read_tabs("c.xlsx", identity)["T"]
    # A number in a date column reads as a date: that tab is parsed next time.
    backend.apply(_tab([*cells, ["x", 1, 2.5, 2.5, moment]], basis=read))
    read = backend.read_tabs("c.xlsx", identity)
    assert backend.kept_tabs("c.xlsx") == frozenset()


def test_kept_tabs_are_kept_emptied_as_the_file_has_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The part of each kept tab emptied of rows, kept for openpyxl's look at the tabs'
    furniture, is what emptying the file's part gives; after a pass on new rows too.
    (Rows past the first streamed, as at 100,000 rows.)"""
    monkeypatch.setattr(workbook, "HEAD_ROWS", 1)
    config = demo_config(tmp_path)
    _sync(config)
    path = tmp_path / "books" / "coordination.xlsx"
    for _ in range(2):
        settings = load_config(config)
        kept = WrittenTabs(settings.state_path / "written-tabs")
        data = path.read_bytes()
        checksums = tab_checksums(io.BytesIO(data))
        known = kept.emptied(path, checksums)
        assert set(known) == set(kept.index(path)) and {OFFERS, NEEDS} <= set(known)
        xlsx_stream._EMPTIED.clear()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sheet_parts(archive)
            for title, part in known.items():
                assert part == xlsx_stream.emptied_part(archive.read(parts[title]), title)
        _add_offer_row(path)
        _sync(config)


def test_furniture_changed_in_a_kept_tabs_part_alone_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Offers tab's panes unfrozen in its part, every other part as it was: the read
    finds the tab as the file has it, not as kept emptied."""
    monkeypatch.setattr(workbook, "HEAD_ROWS", 1)
    config = demo_config(tmp_path)
    _sync(config)
    path = tmp_path / "books" / "coordination.xlsx"
    settings = load_config(config)
    known = WrittenTabs(settings.state_path / "written-tabs").emptied(
        path, tab_checksums(io.BytesIO(path.read_bytes()))
    )
    assert OFFERS in known
    with_kept, parsed, kept = _reads(config)
    assert with_kept.tabs["offers"].frozen_rows == 1
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(archive)[OFFERS]
        xml = archive.read(part)
    pane = re.search(rb"<pane [^>]*/>", xml)
    assert pane is not None
    _replace_part(path, part, pane.group(), b"", xlsx_stream._LEVEL)
    with_kept, parsed, kept = _reads(config)
    assert OFFERS not in kept and NEEDS in kept
    assert with_kept.tabs["offers"].frozen_rows == 0
    _same(with_kept, parsed)


def _add_offer_row(path: Path) -> None:
    """A new form row in the offers workbook beside the coordination workbook."""
    offers_book = path.parent / "offers.xlsx"
    book = openpyxl.load_workbook(offers_book)
    sheet = book.active
    assert sheet is not None
    sheet.append([sheet.cell(row=2, column=c).value for c in range(1, sheet.max_column + 1)])
    book.save(offers_book)
