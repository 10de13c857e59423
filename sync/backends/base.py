"""The one interface every backend implements; the pass sees nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sync.plan import Grid, SpreadsheetPlan


class BackendError(Exception):
    """A spreadsheet could not be read or written; the message says why and what to do."""


class SpreadsheetNotFound(BackendError):
    pass


class SpreadsheetBusy(BackendError):
    """Someone holds the spreadsheet open in a way that our write would clobber."""


class Backend(Protocol):
    name: str
    #: The longest text one cell holds in this backend.
    max_cell_chars: int

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> dict[str, Grid | None]:
        """Every named tab as rows of strings exactly as typed; None for a missing tab.

        One round trip per spreadsheet. Raises SpreadsheetNotFound.
        """
        ...

    def exists(self, spreadsheet: str) -> bool: ...

    def tab_titles(self, spreadsheet: str) -> list[str]: ...

    def apply(self, plan: SpreadsheetPlan) -> None:
        """Carry out `plan`, creating the spreadsheet if it does not exist."""
        ...

    def location(self, spreadsheet: str) -> str:
        """Where a person finds the spreadsheet: a file path or a URL."""
        ...
