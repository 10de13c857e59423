"""The pipeline tests on the Google backend: real gspread, the Sheets API emulator in process.

The offers and needs spreadsheets are built from the demo workbooks; the
coordination spreadsheet starts empty and shared with the service account, as a
person would create it. Every CLI call gets a backend built exactly as
production builds one (`connect`), with the emulator attached and a retry
policy that never really sleeps.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gspread.utils import rowcol_to_a1

from matcher.params import Language
from sync.backends.google import GoogleBackend, connect
from sync.backends.retry import RetryPolicy
from sync.backends.workbook import WorkbookBackend
from sync.config import Config
from sync.plan import Grid
from tests.harness import DEMO, NEEDS_TAB, OFFERS_TAB, Harness
from tests.sheets_emulator import cells
from tests.sheets_emulator.emulator import SheetsEmulator
from tests.sheets_emulator.errors import CELL_LIMIT

#: What FakeTime's clock reads 0 at, as the time of day a lease is written in.
WALL_EPOCH = datetime(2026, 11, 30, 12, 0, tzinfo=UTC) - timedelta(seconds=1_000)


class FakeTime:
    """A clock that moves only when the retry policy sleeps, or a test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def wall(self) -> datetime:
        """The same clock as a time of day (UTC), for the lease."""
        return WALL_EPOCH + timedelta(seconds=self.now)

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def as_typed(value: str, locale: str = "en_US") -> str:
    """What a person types so that the cell keeps `value` as text ("007", "+380…", "=…",
    a date in the spreadsheet's locale)."""
    if value == "":
        return value
    cell = cells.entered(value, user_entered=True, locale=locale)
    keeps_text = cell is not None and cell.formula is None and cell.value == value
    return value if keeps_text else "'" + value


def put_text(emu: SheetsEmulator, key: str, tab: str, grid: Grid, start: str = "A1") -> None:
    """Typed values, text kept as text. A cell over Google's limit cannot be typed; it is
    placed directly, so that reading such a sheet can be tested at all."""
    typed: list[list[Any]] = []
    long_cells: list[tuple[int, int, str]] = []
    locale = emu.store.get(key).locale
    for r, row in enumerate(grid):
        line: list[Any] = []
        for c, value in enumerate(row):
            if len(value) > CELL_LIMIT:
                long_cells.append((r, c, value))
                line.append("")
            else:
                line.append(as_typed(value, locale))
        typed.append(line)
    emu.set_values(key, tab, typed, start=start)
    if long_cells:
        sheet = emu.store.get(key).sheet_by_title(tab)
        assert sheet is not None
        row0, col0 = _anchor(start)
        for r, c, value in long_cells:
            sheet.cells[(row0 + r, col0 + c)] = cells.Cell(value)


def _anchor(start: str) -> tuple[int, int]:
    from gspread.utils import a1_to_rowcol

    row, col = a1_to_rowcol(start)
    return row - 1, col - 1


def emulated_backend(
    emu: SheetsEmulator,
    time: FakeTime | None = None,
    budget: float = 120.0,
    language: Language = "ru",
    holder: str | None = None,
) -> GoogleBackend:
    """A Google backend built as production builds one (`connect`), talking to `emu`,
    with a retry policy that never really sleeps and a lease on the same fake clock."""
    time = time or FakeTime()
    client = connect(emu.credentials(), timeout=10, budget=budget)
    emu.attach(client)
    client.http_client.retry = RetryPolicy(  # type: ignore[attr-defined]
        budget_seconds=budget, sleep=time.sleep, clock=time.clock, rng=random.Random(7)
    )
    return GoogleBackend(client, language=language, clock=time.wall, holder=holder)


class GoogleHarness(Harness):
    backend = "google"

    def __init__(
        self,
        root: Path,
        capsys: pytest.CaptureFixture[str],
        emu: SheetsEmulator | None = None,
        budget: float = 120.0,
    ) -> None:
        root.mkdir(parents=True, exist_ok=True)
        super().__init__(root, capsys)
        self.emu = emu or SheetsEmulator()
        self.time = FakeTime()
        self.budget = budget
        #: Who this harness's passes say hold the lease (by default: host, pid, token).
        self.holder: str | None = None
        self.keys: dict[str, str] = {}
        demo = WorkbookBackend(DEMO)
        for name, book, tab in (
            ("offers", "offers.xlsx", OFFERS_TAB),
            ("needs", "needs.xlsx", NEEDS_TAB),
        ):
            grid = demo.read(book, [tab])[tab]
            assert grid is not None
            self.keys[name] = self.emu.create_spreadsheet(name, {tab: []})
            put_text(self.emu, self.keys[name], tab, grid)
        # A person creates the coordination spreadsheet and shares it; the pass adds tabs.
        self.keys["coordination"] = self.emu.create_spreadsheet("Координация")
        sources = self.settings["sources"]
        sources["offers"]["spreadsheet"] = self.keys["offers"]
        # A URL works as well as a key.
        sources["needs"]["spreadsheet"] = (
            f"https://docs.google.com/spreadsheets/d/{self.keys['needs']}/edit#gid=0"
        )
        self.write_config(
            backend="google",
            sources=sources,
            coordination={
                **self.settings["coordination"],
                "spreadsheet": self.keys["coordination"],
            },
            google={"credentials_file": str(root / "no-key-needed.json")},
        )

    # Building backends as production does.
    def backend_factory(self, config: Config) -> GoogleBackend:
        language = config.coordination.language
        return emulated_backend(self.emu, self.time, self.budget, language, self.holder)

    def cli_options(self) -> dict[str, object]:
        return {"backend_factory": self.backend_factory}

    # Reading and editing through the emulator.
    def _source(self, name: str) -> tuple[str, str]:
        return self.keys[name], self.settings["sources"][name]["worksheet"]

    def coordination(self, tab: str) -> Grid:
        return self.emu.values(self.keys["coordination"], self.title(tab))

    def source(self, name: str) -> Grid:
        return self.emu.values(*self._source(name))

    def replace_source(self, name: str, grid: Grid) -> None:
        key, tab = self._source(name)
        old = self.emu.values(key, tab)
        width = max([len(row) for row in [*old, *grid]], default=0)
        height = max(len(old), len(grid))
        blank: Grid = [[""] * width for _ in range(height)]
        self.emu.set_values(key, tab, blank)  # "" clears a cell
        put_text(self.emu, key, tab, grid)

    def tab_titles(self) -> list[str]:
        return self.emu.sheet_titles(self.keys["coordination"])

    def rename_tab(self, tab: str, title: str) -> None:
        self.emu.rename_sheet(self.keys["coordination"], self.title(tab), title)
        self.renamed[tab] = title

    def drop_furniture(self, tab: str) -> None:
        key, title = self.keys["coordination"], self.title(tab)
        self.emu.set_frozen_rows(key, title, 0)
        self.emu.clear_data_validations(key, title)

    def furniture(self, tab: str) -> tuple[int, list[tuple[int, int, int | None]]]:
        key, title = self.keys["coordination"], self.title(tab)
        dropdowns = [
            (span["startColumnIndex"], span.get("startRowIndex", 0), span.get("endRowIndex"))
            for span in (v["range"] for v in self.emu.data_validations(key, title))
        ]
        return self.emu.frozen_rows(key, title), dropdowns

    def edit_coordination(self, tab: str, row: int, column: int, value: str) -> None:
        key, title = self.keys["coordination"], self.title(tab)
        put_text(self.emu, key, title, [[value]], rowcol_to_a1(row, column))
