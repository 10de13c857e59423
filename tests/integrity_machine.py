"""A Hypothesis state machine for #9: random source edits, coordinator edits and passes.

It drives a tiny set of sheets (a few form rows, a few needs, all clothing in one
town) through phone corrections, item text edits, quantity changes and deleted
rows in the sources; status changes, deleted rows and a deleted Matches tab on
the coordination spreadsheet; and passes, each by a fresh run with no state_dir
(as another machine would run it). After every pass it checks:

- the invariant: every offer line and need holds, in live pairs, no more than
  its quantity; or it is listed on Problems as over-allocated and this pass
  proposed nothing new on it;
- no pair ever declined (by status or by a deleted row) is proposed again.

`tests/test_integrity_machine.py` runs it on both backends; the benchmark
`benchmarks/integrity_soak.py` runs it longer.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from matcher.model import Status
from matcher.vocabulary_files import ProblemCode
from sync.backends.base import Backend
from sync.backends.workbook import WorkbookBackend
from sync.config import Config, load_config
from sync.labels import column_spellings, parse_status, tab_title
from sync.pipeline import PassResult, run_pass
from sync.plan import Grid, locate_columns
from tests.google_harness import emulated_backend, put_text
from tests.harness import REPO
from tests.sheets_emulator.emulator import SheetsEmulator

OFFER_HEADER = [
    "Отметка времени", "Ваше имя", "Контактный телефон", "Город / населённый пункт",
    "Чем вы можете помочь?", "Опишите подробнее (что, сколько, состояние)",
    "Можете ли вы доставить самостоятельно?",
]  # fmt: skip
NEED_HEADER = [
    "Дата", "Организация", "Контактное лицо", "Телефон", "Город", "Что нужно", "Количество",
    "Срочность",
]  # fmt: skip
TOWN = "Северодонецк"
#: Two answers share a timestamp: told apart by their place among such rows.
OFFER_ROWS = [
    ["01.11.2026 10:00:00", "Ольга", "095 167 90 26", TOWN, "Одежда", "куртки 3 шт", "Да"],
    ["01.11.2026 11:00:00", "Пётр", "050 123 45 67", TOWN, "Одежда", "куртки 2 шт", "Нет"],
    ["01.11.2026 11:00:00", "Анна", "067 765 43 21", TOWN, "Одежда", "куртки 4 шт", "Да"],
]
NEED_ROWS = [
    ["02.11.2026", "Дом", "Алла", "050 111 22 44", "Северодонецк", "куртки", "4", "срочно"],
    ["02.11.2026", "Дом", "Алла", "050 111 22 44", "Северодонецк", "куртки тёплые", "3", ""],
    ["03.11.2026", "Крила", "Іра", "066 222 33 55", "Северодонецк", "куртки", "2", ""],
]
PHONES = ["063 000 11 22", "097 333 44 55", "+380 50 777 88 99"]
STATUSES = ["Предложено", "Связались", "Договорились", "Передано", "Отказ", "Отменено"]
OFFERS, NEEDS, COORDINATION = "offers.xlsx", "needs.xlsx", "coordination.xlsx"
OFFER_TAB, NEED_TAB = "Ответы на форму (1)", "Потребности"


class Sheets:
    """The three spreadsheets, on one backend, edited the way people edit them."""

    def grid(self, name: str) -> Grid:
        raise NotImplementedError

    def put(self, name: str, grid: Grid) -> None:
        raise NotImplementedError

    def coordination(self, tab: str) -> Grid | None:
        raise NotImplementedError

    def put_matches(self, grid: Grid) -> None:
        raise NotImplementedError

    def delete_tab(self, tab: str) -> None:
        raise NotImplementedError

    def backend(self) -> Backend:
        raise NotImplementedError

    def settings(self) -> dict[str, Any]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class WorkbookSheets(Sheets):
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mozhem-machine-"))
        self.put(OFFERS, [OFFER_HEADER, *OFFER_ROWS])
        self.put(NEEDS, [NEED_HEADER, *NEED_ROWS])

    def _tab(self, name: str) -> str:
        return OFFER_TAB if name == OFFERS else NEED_TAB

    def grid(self, name: str) -> Grid:
        found = WorkbookBackend(self.dir).read(name, [self._tab(name)])[self._tab(name)]
        return found or []

    def put(self, name: str, grid: Grid) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = self._tab(name)
        for row in grid:
            sheet.append(row)
        book.save(self.dir / name)

    def coordination(self, tab: str) -> Grid | None:
        if not (self.dir / COORDINATION).exists():
            return None
        title = tab_title(tab, "ru")
        return WorkbookBackend(self.dir).read(COORDINATION, [title])[title]

    def put_matches(self, grid: Grid) -> None:
        book = openpyxl.load_workbook(self.dir / COORDINATION)
        sheet = book[tab_title("matches", "ru")]
        sheet.delete_rows(1, sheet.max_row)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value:
                    sheet.cell(row=r, column=c, value=value).data_type = "s"
        book.save(self.dir / COORDINATION)

    def delete_tab(self, tab: str) -> None:
        book = openpyxl.load_workbook(self.dir / COORDINATION)
        title = tab_title(tab, "ru")
        if title in book.sheetnames:
            del book[title]
            book.save(self.dir / COORDINATION)

    def backend(self) -> Backend:
        return WorkbookBackend(self.dir)

    def settings(self) -> dict[str, Any]:
        return {"backend": "workbook", "workbook": {"dir": str(self.dir)}}

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


class GoogleSheets(Sheets):
    def __init__(self) -> None:
        self.emu = SheetsEmulator()
        self.keys = {
            OFFERS: self.emu.create_spreadsheet("offers", {OFFER_TAB: []}),
            NEEDS: self.emu.create_spreadsheet("needs", {NEED_TAB: []}),
            COORDINATION: self.emu.create_spreadsheet("Координация"),
        }
        self.put(OFFERS, [OFFER_HEADER, *OFFER_ROWS])
        self.put(NEEDS, [NEED_HEADER, *NEED_ROWS])
        self._backend = emulated_backend(self.emu)

    def _tab(self, name: str) -> str:
        return OFFER_TAB if name == OFFERS else NEED_TAB

    def grid(self, name: str) -> Grid:
        return self.emu.values(self.keys[name], self._tab(name))

    def _replace(self, key: str, title: str, grid: Grid) -> None:
        old = self.emu.values(key, title)
        width = max([len(row) for row in [*old, *grid]], default=0)
        self.emu.set_values(key, title, [[""] * width for _ in range(max(len(old), len(grid)))])
        put_text(self.emu, key, title, grid)

    def put(self, name: str, grid: Grid) -> None:
        self._replace(self.keys[name], self._tab(name), grid)

    def coordination(self, tab: str) -> Grid | None:
        title = tab_title(tab, "ru")
        if title not in self.emu.sheet_titles(self.keys[COORDINATION]):
            return None
        return self.emu.values(self.keys[COORDINATION], title)

    def put_matches(self, grid: Grid) -> None:
        self._replace(self.keys[COORDINATION], tab_title("matches", "ru"), grid)

    def delete_tab(self, tab: str) -> None:
        book = self.emu.store.get(self.keys[COORDINATION])
        sheet = book.sheet_by_title(tab_title(tab, "ru"))
        if sheet is not None:
            book.sheets.remove(sheet)
            book.reindex()

    def backend(self) -> Backend:
        return self._backend

    def settings(self) -> dict[str, Any]:
        return {"backend": "google", "google": {"credentials_file": "unused.json"}}


def _config(sheets: Sheets, folder: Path) -> Config:
    settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
    settings.update(sheets.settings())
    if isinstance(sheets, GoogleSheets):
        settings["sources"]["offers"]["spreadsheet"] = sheets.keys[OFFERS]
        settings["sources"]["needs"]["spreadsheet"] = sheets.keys[NEEDS]
        settings["coordination"]["spreadsheet"] = sheets.keys[COORDINATION]
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return load_config(path)


#: How many sequences and steps the machines checked (printed by the benchmark).
COUNTS: Counter[str] = Counter()


class IntegrityMachine(RuleBasedStateMachine):
    """Set `make_sheets` in a subclass to choose the backend."""

    make_sheets: Any = WorkbookSheets

    def __init__(self) -> None:
        super().__init__()
        self.sheets: Sheets = self.make_sheets()
        self.folder = Path(tempfile.mkdtemp(prefix="mozhem-config-"))
        self.config = _config(self.sheets, self.folder)
        self.declined: set[tuple[str, str]] = set()
        #: Declines made since the last pass: a pass learns them only if it sees them
        #: (a row deleted, a status set, and then the whole tab deleted, are not seen).
        self.pending: set[tuple[str, str]] = set()
        self.passes = 0
        COUNTS["sequences"] += 1

    def teardown(self) -> None:
        self.sheets.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- passes ------------------------------------------------------------------
    @rule()
    def sync_pass(self) -> None:
        self._remember_declines()
        self.declined |= self.pending
        self.pending.clear()
        result = run_pass(self.config, self.sheets.backend())
        self.passes += 1
        COUNTS["passes"] += 1
        self._check(result)

    def _remember_declines(self) -> None:
        """What coordinators declined since the last pass: a dead status."""
        for row in self._matches():
            status = parse_status(row.get("status", ""))
            if status is not None and not status.is_live:
                self.pending.add((row["offer_id"], row["need_id"]))

    def _check(self, result: PassResult) -> None:
        appended = [(str(r["offer_id"]), str(r["need_id"])) for r in result.plan.appends]
        again = self.declined & set(appended)
        assert not again, f"declined pairs proposed again: {again}"
        live_offer: Counter[str] = Counter()
        live_need: Counter[str] = Counter()
        for match in result.data.matches.existing:
            if match.status.is_live:
                live_offer[match.offer_id] += match.quantity
                live_need[match.need_id] += match.quantity
        for row in result.plan.appends:
            live_offer[str(row["offer_id"])] += int(row["quantity"])  # type: ignore[call-overload]
            live_need[str(row["need_id"])] += int(row["quantity"])  # type: ignore[call-overload]
        flagged = {
            (p.source, p.source_row)
            for p in result.data.problems
            if p.code == ProblemCode.OVER_ALLOCATED
        }
        touched = {o for o, _ in appended} | {n for _, n in appended}
        records = [("offers", o.offer_id, o.source_row, o.quantity) for o in result.data.offers]
        records += [("needs", n.need_id, n.source_row, n.quantity) for n in result.data.needs]
        for source, record_id, row, quantity in records:
            live = (live_offer if source == "offers" else live_need)[record_id]
            if live > quantity:
                assert (source, row) in flagged, f"{source} row {row}: {live} > {quantity}"
                assert record_id not in touched, f"{source} row {row} got a new pair"
        COUNTS["steps checked"] += 1

    # --- source edits --------------------------------------------------------------
    def _edit(self, name: str, index: int, column: str, value: str) -> None:
        grid = self.sheets.grid(name)
        if len(grid) < 2:
            return
        row = 1 + index % (len(grid) - 1)
        at = grid[0].index(column)
        grid[row] = grid[row] + [""] * (at + 1 - len(grid[row]))
        grid[row][at] = value
        self.sheets.put(name, grid)
        COUNTS["steps checked"] += 0

    @rule(index=st.integers(0, 5), phone=st.sampled_from(PHONES))
    def correct_phone(self, index: int, phone: str) -> None:
        self._edit(OFFERS, index, "Контактный телефон", phone)

    @rule(index=st.integers(0, 5), extra=st.sampled_from([" (XL)", " р. 52", " б/у"]))
    def edit_need_item(self, index: int, extra: str) -> None:
        grid = self.sheets.grid(NEEDS)
        if len(grid) > 1:
            row = 1 + index % (len(grid) - 1)
            self._edit(NEEDS, index, "Что нужно", grid[row][5] + extra)

    @rule(index=st.integers(0, 5), count=st.integers(1, 5))
    def change_offer_quantity(self, index: int, count: int) -> None:
        self._edit(
            OFFERS, index, "Опишите подробнее (что, сколько, состояние)", f"куртки {count} шт"
        )

    @rule(index=st.integers(0, 5), count=st.integers(1, 5))
    def change_need_quantity(self, index: int, count: int) -> None:
        self._edit(NEEDS, index, "Количество", str(count))

    @rule(name=st.sampled_from([OFFERS, NEEDS]), index=st.integers(0, 5))
    def delete_source_row(self, name: str, index: int) -> None:
        grid = self.sheets.grid(name)
        if len(grid) > 1:
            del grid[1 + index % (len(grid) - 1)]
            self.sheets.put(name, grid)

    # --- coordinators' edits -----------------------------------------------------------
    def _matches(self) -> list[dict[str, str]]:
        grid = self.sheets.coordination("matches")
        if not grid:
            return []
        keys = ("match_id", "offer_id", "need_id", "status")
        at = locate_columns(grid[0], {key: column_spellings(key) for key in keys})
        return [{k: row[i] if i < len(row) else "" for k, i in at.items()} for row in grid[1:]]

    @precondition(lambda self: self.passes > 0)
    @rule(index=st.integers(0, 9), status=st.sampled_from(STATUSES))
    def set_status(self, index: int, status: str) -> None:
        grid = self.sheets.coordination("matches")
        if not grid or len(grid) < 2:
            return
        self._remember_declines()
        at = locate_columns(grid[0], {"status": column_spellings("status")})["status"]
        row = 1 + index % (len(grid) - 1)
        grid[row] = grid[row] + [""] * (at + 1 - len(grid[row]))
        grid[row][at] = status
        self.sheets.put_matches(grid)

    @precondition(lambda self: self.passes > 0)
    @rule(index=st.integers(0, 9))
    def delete_match_row(self, index: int) -> None:
        grid = self.sheets.coordination("matches")
        if not grid or len(grid) < 2:
            return
        self._remember_declines()
        at = locate_columns(grid[0], {"match_id": column_spellings("match_id")})["match_id"]
        row = grid[1 + index % (len(grid) - 1)]
        if len(row) > at and row[at]:
            gone = next(m for m in self._matches() if m["match_id"] == row[at])
            self.pending.add((gone["offer_id"], gone["need_id"]))
        self.sheets.put_matches([r for r in grid if r is not row])

    @precondition(lambda self: self.passes > 0)
    @rule()
    def delete_matches_tab(self) -> None:
        # The tab starts afresh: pairs a pass saw declined (by status or by a deleted
        # row) stay declined. Declines made since the last pass went with the tab:
        # no pass saw them, so nothing can remember them.
        self.pending.clear()
        self.sheets.delete_tab("matches")

    @invariant()
    def statuses_read_back(self) -> None:
        for row in self._matches():
            assert parse_status(row["status"] or "Предложено") in set(Status)
