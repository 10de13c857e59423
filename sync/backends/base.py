"""The one interface every backend implements; the pass sees nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from sync.errors import EXIT_FIX_INPUT, MozhemError
from sync.plan import Grid, Snapshot, SpreadsheetPlan, TabIdentity


class BackendError(MozhemError):
    """A spreadsheet could not be read or written; the message says why and what to do."""


class SpreadsheetNotFound(BackendError):
    """No spreadsheet where config.yaml says: a key, a URL or a file name to fix."""

    exit_code = EXIT_FIX_INPUT


class SpreadsheetUnreadable(BackendError):
    """The spreadsheet is there, but we may not open it, or it is not one we can read."""


class SpreadsheetUnwritable(BackendError):
    """The spreadsheet could not be written; nothing of it was changed."""


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
    """Reads spreadsheets and applies write plans; the pass sees nothing else.

    The contract, which tests/test_backend_conformance.py checks on every backend
    by applying the same plans and comparing the sheets cell by cell:

    - A backend object keeps no state between calls. `apply(plan)` needs nothing
      but the plan: what the plan was computed from travels in `plan.basis` (the
      size of every tab the read found, and the tab's id where the backend has
      one), so a plan gives the same sheets whether the object that applies it
      read the spreadsheet, another object did, or another process.
    - `apply` may look at the spreadsheet again right before writing, to find the
      keyed rows where they are now, or a tab's id the plan does not carry; it
      never assumes the sheet is as an earlier call of its own saw it.
    - A rewritten tab holds exactly the plan's grid afterwards: whatever its read
      found beyond that grid is cleared.
    - Text stays text (a leading "=" is never a formula), numbers are numbers and
      dates are dates, each with the number format its column's style names.
    - Tabs are addressed by key. A tab the plan creates gets its identity, its
      style and its furniture; furniture in `plan.restores` goes back in the same
      write as the values.
    """

    name: str
    #: The longest text one cell holds in this backend.
    max_cell_chars: int
    #: Whether `apply` creates a spreadsheet that does not exist yet. A workbook
    #: does (a new file); on Google a person creates and shares it.
    creates_spreadsheets: bool
    #: Whether apply() writes all of a plan or nothing (a workbook is replaced whole);
    #: on Google, new Matches rows go in after the other tabs (sync/memory.py, `new`).
    writes_atomically: bool

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        """Every named tab as rows of strings exactly as typed (None for a missing tab),
        with the shape of each tab found, for the plan computed from it.

        One round trip per spreadsheet. Raises SpreadsheetNotFound.
        """
        ...

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
        """The pipeline's own tabs, found by their identity (else by a title they may
        have) and keyed by `TabIdentity.key`, with their furniture in each shape:
        frozen rows, the columns whose dropdown reaches the end of the tab, the
        columns with a highlight, and whether the tab carries its identity.

        Raises SpreadsheetNotFound.
        """
        ...

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        """One source tab (None when missing) with its spreadsheet's locale and time
        zone, in one round trip. Raises SpreadsheetNotFound."""
        ...

    def exists(self, spreadsheet: str) -> bool:
        """Whether the spreadsheet is there (whether or not we may open it)."""
        ...

    def tab_titles(self, spreadsheet: str) -> list[str]: ...

    def hold(self, spreadsheet: str) -> AbstractContextManager[None]:
        """Held by a pass from before its read to after its write: a second pass on
        the same spreadsheet is refused (PassAlreadyRunning), whatever its config's
        state_dir. Taking it removes what an earlier killed pass left behind."""
        ...

    def apply(self, plan: SpreadsheetPlan) -> None:
        """Carry out `plan`, and only it; a plan with nothing in it writes nothing.

        Creates the spreadsheet when it does not exist and `creates_spreadsheets`.
        """
        ...

    def location(self, spreadsheet: str) -> str:
        """Where a person finds the spreadsheet: a file path or a URL."""
        ...


@runtime_checkable
class Fingerprints(Protocol):
    """A backend that can tell, without reading a spreadsheet's values, whether it
    changed: a local file has a content hash; Google has no such thing in our scope."""

    def fingerprint(self, spreadsheet: str) -> str | None:
        """A token that differs whenever the spreadsheet's content differs; None when
        the spreadsheet is not there."""
        ...


@dataclass(frozen=True)
class WrittenFile:
    """A spreadsheet's fingerprint (see Fingerprints) as a write found it and as it
    left it."""

    #: None when the write created it.
    found: str | None
    left: str


@runtime_checkable
class RemembersWrites(Protocol):
    """A backend that can say what its last write of a spreadsheet found and left."""

    def last_write(self, spreadsheet: str) -> WrittenFile | None:
        """The last write of `spreadsheet` by this backend object; None when none
        completed (or the last one failed)."""
        ...


@runtime_checkable
class KeepsReadFiles(Protocol):
    """A backend whose spreadsheets are files: it can say which file a read of the
    tabs read, and the hash of the bytes it read (`hashlib.blake2b`, hex)."""

    def read_file(self, spreadsheet: str) -> tuple[Path, str] | None:
        """The file the last `read_tabs` of `spreadsheet` read and its bytes' hash; None
        when this backend object read none."""
        ...
