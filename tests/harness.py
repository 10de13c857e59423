"""Run the real CLI against a copy of the demo, on a chosen backend.

A harness owns a temporary folder with a config.yaml and the three
spreadsheets, and edits them the way a person would: through openpyxl for
workbooks, through the Sheets emulator's cells for Google.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from sync.cli import main
from sync.labels import column_spellings
from sync.plan import Grid, locate_columns

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo"
OFFERS_TAB = "Ответы на форму (1)"
NEEDS_TAB = "Потребности"
#: A new answer on the Form: two categories, so two offer lines.
NEW_FORM_ROW = [
    "21.11.2026 10:15:00",
    "Оксана",
    "+380 67 555 12 34",
    "Лисичанск",
    "Средства гигиены, Продукты (долгого хранения)",
    "шампунь 3 шт, крупа 5 кг",
    "Да",
]


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


class Harness:
    """Shared behaviour; subclasses say where the spreadsheets live."""

    backend = "workbook"

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys
        self.config_path = root / "config.yaml"
        self.settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
        self.settings["state_dir"] = str(root / "state")

    def write_config(self, **changes: object) -> None:
        self.settings.update(changes)
        self.config_path.write_text(yaml.safe_dump(self.settings, allow_unicode=True), "utf-8")

    def cli(self, *argv: str) -> CliResult:
        self.capsys.readouterr()
        code = main([*argv, "--config", str(self.config_path)], **self.cli_options())
        captured = self.capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    def cli_options(self) -> dict[str, Any]:
        return {}

    def sync(self, *extra: str) -> CliResult:
        result = self.cli("sync", *extra)
        assert result.code == 0, result.err
        return result

    # Reading and editing, in terms of spreadsheets and tabs.
    def coordination(self, tab: str) -> Grid:
        raise NotImplementedError

    def source(self, name: str) -> Grid:
        raise NotImplementedError

    def replace_source(self, name: str, grid: Grid) -> None:
        raise NotImplementedError

    def edit_coordination(self, tab: str, row: int, column: int, value: str) -> None:
        raise NotImplementedError

    def append_source_row(self, name: str, values: Sequence[str]) -> None:
        grid = self.source(name)
        self.replace_source(name, [*grid, list(values)])

    def matches(self) -> list[dict[str, str]]:
        """The Matches tab as dicts keyed by column key."""
        grid = self.coordination("Matches")
        keys = ("match_id", "status", "notes", "offer_id", "need_id", "quantity", "category")
        columns = locate_columns(grid[0], {key: column_spellings(key) for key in keys})
        return [
            {key: row[i] if i < len(row) else "" for key, i in columns.items()} for row in grid[1:]
        ]

    def edit_match(self, match_id: str, key: str, value: str) -> None:
        grid = self.coordination("Matches")
        column = locate_columns(grid[0], {key: column_spellings(key)})[key]
        row = next(i for i, r in enumerate(grid, start=1) if r and r[0] == match_id)
        self.edit_coordination("Matches", row, column + 1, value)


class WorkbookHarness(Harness):
    backend = "workbook"

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        super().__init__(root, capsys)
        self.dir = root / "books"
        self.dir.mkdir()
        for name in ("offers.xlsx", "needs.xlsx"):
            shutil.copy(DEMO / name, self.dir / name)
        self.write_config(workbook={"dir": str(self.dir)})

    def _path(self, name: str) -> tuple[Path, str]:
        source = self.settings["sources"][name]
        return self.dir / source["spreadsheet"], source["worksheet"]

    def coordination(self, tab: str) -> Grid:
        return _read(self.dir / self.settings["coordination"]["spreadsheet"], tab)

    def source(self, name: str) -> Grid:
        return _read(*self._path(name))

    def replace_source(self, name: str, grid: Grid) -> None:
        path, tab = self._path(name)
        book = openpyxl.load_workbook(path)
        sheet = book[tab]
        sheet.delete_rows(1, sheet.max_row)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value:
                    cell = sheet.cell(row=r, column=c, value=value)
                    cell.data_type = "s"
        book.save(path)

    def edit_coordination(self, tab: str, row: int, column: int, value: str) -> None:
        path = self.dir / self.settings["coordination"]["spreadsheet"]
        book = openpyxl.load_workbook(path)
        book[tab].cell(row=row, column=column, value=value)
        book.save(path)


def _read(path: Path, tab: str) -> Grid:
    from sync.backends.workbook import WorkbookBackend

    grid = WorkbookBackend(path.parent).read(path.name, [tab])[tab]
    assert grid is not None, f"{path} has no tab {tab}"
    return grid
