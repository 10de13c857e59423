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
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

from sync import quiet
from sync.cli import main
from sync.labels import column_keys, column_spellings, tab_title
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
        #: Tab key -> the title a person renamed it to.
        self.renamed: dict[str, str] = {}

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

    def full_sync(self, *extra: str) -> CliResult:
        """A pass that reads everything, the quiet state kept forgotten (sync/quiet.py):
        to see that a full pass has nothing left to write."""
        (self.root / "state" / quiet.FILE).unlink(missing_ok=True)
        return self.sync(*extra)

    # Reading and editing, in terms of spreadsheets and tabs (by key: "matches").
    def title(self, tab: str) -> str:
        """The title of a coordination tab: as renamed, else as the configured language says."""
        return self.renamed.get(tab) or tab_title(tab, self.settings["coordination"]["language"])

    def rename_tab(self, tab: str, title: str) -> None:
        """As a person renaming a tab in their spreadsheet program."""
        raise NotImplementedError

    def coordination(self, tab: str) -> Grid:
        raise NotImplementedError

    def source(self, name: str) -> Grid:
        raise NotImplementedError

    def replace_source(self, name: str, grid: Grid) -> None:
        raise NotImplementedError

    def edit_coordination(self, tab: str, row: int, column: int, value: str) -> None:
        raise NotImplementedError

    def tab_titles(self) -> list[str]:
        raise NotImplementedError

    def drop_furniture(self, tab: str) -> None:
        """As a LibreOffice save does: no frozen header, the dropdown cut to a few rows."""
        raise NotImplementedError

    def furniture(self, tab: str) -> tuple[int, list[tuple[int, int, int | None]]]:
        """Frozen rows, and each dropdown as (column, first row, last row or None: to the
        end), 0-based, as the spreadsheet itself holds them."""
        raise NotImplementedError

    def append_source_row(self, name: str, values: Sequence[str]) -> None:
        grid = self.source(name)
        self.replace_source(name, [*grid, list(values)])

    def rows(self, tab: str, keys: Sequence[str] | None = None) -> list[dict[str, str]]:
        """A coordination tab as dicts keyed by column key (every key its header has)."""
        grid = self.coordination(tab)
        if not grid:
            return []
        spellings = {key: column_spellings(key) for key in keys or column_keys()}
        columns = locate_columns(grid[0], spellings)
        return [
            {key: row[i] if i < len(row) else "" for key, i in columns.items()} for row in grid[1:]
        ]

    def matches(self) -> list[dict[str, str]]:
        """The Matches tab as dicts keyed by column key."""
        return self.rows("matches")

    def edit_match(self, match_id: str, key: str, value: str) -> None:
        self.edit_row("matches", "match_id", match_id, key, value)

    def edit_row(self, tab: str, id_key: str, id_value: str, key: str, value: str) -> None:
        """Type `value` into column `key` of the row whose `id_key` column holds `id_value`."""
        grid = self.coordination(tab)
        columns = locate_columns(grid[0], {k: column_spellings(k) for k in (id_key, key)})
        at = columns[id_key]
        row = next(i for i, r in enumerate(grid, start=1) if len(r) > at and r[at] == id_value)
        self.edit_coordination(tab, row, columns[key] + 1, value)


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

    @property
    def coordination_path(self) -> Path:
        return self.dir / self.settings["coordination"]["spreadsheet"]

    def coordination(self, tab: str) -> Grid:
        return _read(self.coordination_path, self.title(tab))

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
        book = openpyxl.load_workbook(self.coordination_path)
        book[self.title(tab)].cell(row=row, column=column, value=value)
        book.save(self.coordination_path)

    def tab_titles(self) -> list[str]:
        return list(openpyxl.load_workbook(self.coordination_path, read_only=True).sheetnames)

    def rename_tab(self, tab: str, title: str) -> None:
        book = openpyxl.load_workbook(self.coordination_path)
        book[self.title(tab)].title = title
        book.save(self.coordination_path)
        self.renamed[tab] = title

    def drop_furniture(self, tab: str) -> None:
        book = openpyxl.load_workbook(self.coordination_path)
        sheet = book[self.title(tab)]
        sheet.freeze_panes = None
        for validation in sheet.data_validations.dataValidation:
            first = next(iter(validation.sqref.ranges))
            cut = CellRange(min_col=first.min_col, min_row=2, max_col=first.max_col, max_row=10)
            validation.sqref = MultiCellRange(cut.coord)
        book.save(self.coordination_path)

    def furniture(self, tab: str) -> tuple[int, list[tuple[int, int, int | None]]]:
        sheet = openpyxl.load_workbook(self.coordination_path)[self.title(tab)]
        frozen = coordinate_to_tuple(sheet.freeze_panes)[0] - 1 if sheet.freeze_panes else 0
        dropdowns = [
            (cells.min_col - 1, cells.min_row - 1, cells.max_row)
            for validation in sheet.data_validations.dataValidation
            for cells in validation.sqref.ranges
        ]
        return frozen, dropdowns


def _read(path: Path, tab: str) -> Grid:
    from sync.backends.workbook import WorkbookBackend

    grid = WorkbookBackend(path.parent).read(path.name, [tab])[tab]
    assert grid is not None, f"{path} has no tab {tab}"
    return grid
