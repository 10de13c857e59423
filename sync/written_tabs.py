"""The tabs a pass rewrites whole, known by what the last pass wrote there.

After each pass that may write, the pass notes in state_dir the coordination
spreadsheet's fingerprint (a workbook's content hash) and, per tab it rewrites
whole (Offers, Needs, Problems), the hash and extent of what that tab holds.
When the next pass finds the same fingerprint, nobody has saved the file since:
it reads only the other tabs in full (Matches, which coordinators edit), and
rewrites a tab only when what it would write hashes differently from what is
there. On a backend without fingerprints (Google) every tab is read, as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sync import records_file
from sync.backends.base import Backend, Fingerprints, SpreadsheetNotFound
from sync.incremental import grid_hash
from sync.plan import Grid, Snapshot, SpreadsheetPlan, TabShape


@dataclass
class WrittenTabs:
    """A spreadsheet as the last pass left it: its fingerprint, and per tab rewritten
    whole, the hash and the shape of what the tab holds."""

    fingerprint: str
    tabs: dict[str, tuple[str, TabShape]] = field(default_factory=dict)


@dataclass(frozen=True)
class CoordinationRead:
    """What the pass read, and which whole-rewritten tabs it took from the memory."""

    snapshot: Snapshot
    #: Tab -> the hash of what it holds, for the tabs not read.
    known: Mapping[str, str]


class WrittenMemory:
    def __init__(self, directory: Path, location: str) -> None:
        self.path = directory / "written.pickle"
        self.location = location

    def load(self) -> WrittenTabs | None:
        found = records_file.read(self.path)
        if isinstance(found, dict) and isinstance(found.get(self.location), WrittenTabs):
            return found[self.location]
        return None

    def keep(self, written: WrittenTabs | None) -> None:
        found = records_file.read(self.path)
        kept = found if isinstance(found, dict) else {}
        if written is None:
            kept.pop(self.location, None)
        else:
            kept[self.location] = written
        records_file.write(self.path, kept)


def read_coordination(
    backend: Backend,
    spreadsheet: str,
    tabs: Sequence[str],
    whole: Sequence[str] = (),
    memory: WrittenMemory | None = None,
) -> CoordinationRead:
    """The coordination tabs (none yet when the spreadsheet is still to be created).
    Tabs in `whole` that `memory` vouches for are not read: their grid is left empty
    and their shape is the one noted."""
    known = memory.load() if memory is not None else None
    unsaved = (
        known is not None
        and isinstance(backend, Fingerprints)
        and backend.fingerprint(spreadsheet) == known.fingerprint
    )
    trusted = {t: known.tabs[t] for t in whole if t in known.tabs} if known and unsaved else {}
    try:
        read = backend.read(spreadsheet, [t for t in tabs if t not in trusted])
    except SpreadsheetNotFound:
        if backend.creates_spreadsheets and not backend.exists(spreadsheet):
            return CoordinationRead(Snapshot.nothing(tabs), {})
        raise
    grids: dict[str, Grid | None] = {t: read.get(t) for t in tabs if t not in trusted}
    grids.update({t: [] for t in trusted})
    shapes = {**read.tabs, **{t: shape for t, (_, shape) in trusted.items()}}
    return CoordinationRead(Snapshot(grids, shapes), {t: h for t, (h, _) in trusted.items()})


def without_unchanged(plan: SpreadsheetPlan, read: CoordinationRead) -> SpreadsheetPlan:
    """`plan` without the rewrites of tabs that already hold what it would write."""
    if not read.known:
        return plan
    rewrites = {
        title: grid
        for title, grid in plan.rewrites.items()
        if read.known.get(title) != grid_hash(grid)  # plans hold trimmed grids
    }
    return dataclasses.replace(plan, rewrites=rewrites)


def remember(
    backend: Backend,
    spreadsheet: str,
    memory: WrittenMemory,
    read: CoordinationRead,
    plan: SpreadsheetPlan,
    whole: Sequence[str],
) -> None:
    """Note what the tabs in `whole` hold now that `plan` is applied."""
    if not isinstance(backend, Fingerprints):
        return
    fingerprint = backend.fingerprint(spreadsheet)
    if fingerprint is None:
        memory.keep(None)
        return
    noted: dict[str, tuple[str, TabShape]] = {}
    for title in whole:
        grid = plan.rewrites.get(title)
        if grid is None:
            grid = read.snapshot.get(title)
        if title in read.known and title not in plan.rewrites:
            noted[title] = (read.known[title], read.snapshot.tabs[title])
        elif grid is not None:  # trimmed, as plans and reads hold them
            noted[title] = (grid_hash(grid), TabShape().holding(grid))
    memory.keep(WrittenTabs(fingerprint, noted))
