"""The one interface every backend implements; the pass sees nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sync.plan import Grid, SpreadsheetPlan


class BackendError(Exception):
    """A spreadsheet could not be read or written; the message says why and what to do."""


class SpreadsheetNotFound(BackendError):
    pass


class SpreadsheetBusy(BackendError):
    """Someone holds the spreadsheet open in a way that our write would clobber."""


@dataclass(frozen=True)
class SourceSheet:
    """A source tab as rows of strings, and the settings of the spreadsheet it is in.

    Cells that hold a real date or date-time come as "10.12.2014 14:03:27" (day
    first, as the workbook shows them); a date typed as text comes as typed, to be
    read in `locale`'s order. `locale` ("en_GB") and `time_zone` ("Europe/Kyiv")
    are "" when the file has none (a workbook).
    """

    grid: Grid
    locale: str = ""
    time_zone: str = ""


class Backend(Protocol):
    name: str
    #: The longest text one cell holds in this backend.
    max_cell_chars: int

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> dict[str, Grid | None]:
        """Every named tab as rows of strings exactly as typed; None for a missing tab.

        One round trip per spreadsheet. Raises SpreadsheetNotFound.
        """
        ...

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        """One source tab (None when missing) with its spreadsheet's locale and time
        zone, in one round trip. Raises SpreadsheetNotFound."""
        ...

    def exists(self, spreadsheet: str) -> bool: ...

    def tab_titles(self, spreadsheet: str) -> list[str]: ...

    def apply(self, plan: SpreadsheetPlan) -> None:
        """Carry out `plan`, creating the spreadsheet if it does not exist."""
        ...

    def location(self, spreadsheet: str) -> str:
        """Where a person finds the spreadsheet: a file path or a URL."""
        ...
