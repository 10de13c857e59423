"""One plan, both backends, the same sheets: the Backend contract, checked cell by cell.

Each scenario applies the same plans to a real temporary .xlsx workbook and to a
Google spreadsheet in the Sheets API emulator (through real gspread), then reads
both back and compares every cell. A plan is computed from a read; it is applied
either by the backend object that read, or by a new one that never read anything,
as when the read happened in another process: the result must not differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sync.backends.base import Backend
from sync.backends.workbook import WorkbookBackend
from sync.layouts import (
    MATCH_COLUMNS,
    MATCHES,
    MEMORY,
    NEED_LAYOUT,
    NEEDS,
    OFFERS,
    PROBLEMS,
    TABS,
)
from sync.lease import LEASE
from sync.memory import leases_in
from sync.plan import CellUpdate, Grid, Rewrite, Snapshot, SpreadsheetPlan, TabShape, trim_grid
from sync.tabs import IDENTITIES, matches_tab, new_tab, tab_styles
from tests.google_harness import emulated_backend
from tests.sheets_emulator.emulator import SheetsEmulator

LANGUAGE = "ru"


class Side:
    """Where one backend keeps the coordination spreadsheet; `fresh()` is a backend
    object that has never read or written anything."""

    name: str
    spreadsheet: str

    def fresh(self) -> Backend:
        raise NotImplementedError


class WorkbookSide(Side):
    name = "workbook"

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.spreadsheet = "coordination.xlsx"

    def fresh(self) -> Backend:
        return WorkbookBackend(self.directory)


class GoogleSide(Side):
    name = "google"

    def __init__(self) -> None:
        self.emu = SheetsEmulator()
        # A person creates the spreadsheet and shares it; the pass adds the tabs.
        self.spreadsheet = self.emu.create_spreadsheet("Координация")

    def fresh(self) -> Backend:
        return emulated_backend(self.emu)


def table(tag: str, rows: int, columns: int) -> Grid:
    """A header and `rows` rows of distinct text, `columns` wide."""
    header = [f"{tag} {c}" for c in range(columns)]
    return [header, *([f"{tag}{r}.{c}" for c in range(columns)] for r in range(1, rows + 1))]


def match_row(n: int, phone: str = "+380950000000") -> dict[str, str]:
    return {
        "match_id": f"M-{n}",
        "status": "Предложено",
        "donor_phone": phone,
        "offer_id": f"O-{n}",
        "need_id": f"N-{n}",
    }


PlanMaker = Callable[[str, Snapshot], SpreadsheetPlan]


def plan(spreadsheet: str, read: Snapshot, **parts: object) -> SpreadsheetPlan:
    """A plan computed from `read`: it creates the tabs the read did not find."""
    new = tuple(new_tab(t, LANGUAGE) for t in TABS if read.get(t) is None)
    return SpreadsheetPlan(
        spreadsheet,
        new_tabs=new,
        keyed_tab=matches_tab(LANGUAGE),
        styles=tab_styles(LANGUAGE),
        basis=read.tabs,
        # As a pass's plan does: the leases its read saw go after them.
        leases=leases_in(read.get(MEMORY)),
        **parts,  # type: ignore[arg-type]
    )


def first_pass(spreadsheet: str, read: Snapshot) -> SpreadsheetPlan:
    return plan(
        spreadsheet,
        read,
        appends=tuple(match_row(n) for n in range(1, 4)),
        rewrites={
            OFFERS: Rewrite(table("offer", 8, 6)),
            NEEDS: Rewrite(table("need", 5, 4)),
            PROBLEMS: Rewrite(table("problem", 3, 3)),
        },
    )


def rewrite(title: str, grid: Grid) -> PlanMaker:
    return lambda spreadsheet, read: plan(spreadsheet, read, rewrites={title: Rewrite(grid)})


def keyed(appends: Sequence[dict[str, str]], updates: Sequence[CellUpdate]) -> PlanMaker:
    return lambda spreadsheet, read: plan(
        spreadsheet, read, appends=tuple(appends), updates=tuple(updates)
    )


def only(*tabs: str) -> PlanMaker:
    """The first pass, as if the spreadsheet had only `tabs` so far."""

    def make(spreadsheet: str, read: Snapshot) -> SpreadsheetPlan:
        full = first_pass(spreadsheet, read)
        return SpreadsheetPlan(
            spreadsheet,
            new_tabs=tuple(t for t in full.new_tabs if t.key in tabs),
            keyed_tab=full.keyed_tab if MATCHES in tabs else None,
            appends=full.appends if MATCHES in tabs else (),
            rewrites={t: g for t, g in full.rewrites.items() if t in tabs},
            styles=full.styles,
            basis=full.basis,
            leases=full.leases,
        )

    return make


@dataclass(frozen=True)
class Step:
    make: PlanMaker
    #: "same": the backend object that read applies; "other": a new one that never read.
    applied_by: str = "other"


@dataclass(frozen=True)
class Scenario:
    steps: tuple[Step, ...]
    #: Tab -> what it must hold at the end, on both backends.
    expected: dict[str, Grid] = field(default_factory=dict)


SHRUNK = table("offer*", 3, 2)
GROWN = table("offer+", 1_200, 3)
SCENARIOS = {
    "first pass, applied by the reader": Scenario(
        (Step(first_pass, "same"),), {OFFERS: table("offer", 8, 6)}
    ),
    "first pass, applied by a backend that never read": Scenario(
        (Step(first_pass),), {OFFERS: table("offer", 8, 6)}
    ),
    "a rewritten tab shrinks, applied by the reader": Scenario(
        (Step(first_pass), Step(rewrite(OFFERS, SHRUNK), "same")), {OFFERS: SHRUNK}
    ),
    "a rewritten tab shrinks, applied by a backend that never read": Scenario(
        (Step(first_pass), Step(rewrite(OFFERS, SHRUNK))), {OFFERS: SHRUNK}
    ),
    "a rewritten tab empties, applied by a backend that never read": Scenario(
        (Step(first_pass), Step(rewrite(NEEDS, table("need", 0, 2)))),
        {NEEDS: table("need", 0, 2)},
    ),
    "a rewritten tab outgrows its grid, applied by a backend that never read": Scenario(
        (Step(first_pass), Step(rewrite(OFFERS, GROWN))), {OFFERS: GROWN}
    ),
    "matches updated and appended, applied by a backend that never read": Scenario(
        (
            Step(first_pass),
            Step(
                keyed(
                    [match_row(4), match_row(5)],
                    [CellUpdate("M-2", "donor_phone", "+380951111111")],
                )
            ),
        )
    ),
    "tabs added next to existing ones, applied by a backend that never read": Scenario(
        (Step(only(MATCHES, OFFERS)), Step(first_pass), Step(rewrite(OFFERS, SHRUNK))),
        {OFFERS: SHRUNK, NEEDS: table("need", 5, 4)},
    ),
}


def run(side: Side, scenario: Scenario) -> dict[str, Grid | None]:
    return dict(run_and_read(side, scenario))


def run_and_read(side: Side, scenario: Scenario) -> Snapshot:
    for step in scenario.steps:
        reader = side.fresh()
        exists = reader.exists(side.spreadsheet)
        read = reader.read_tabs(side.spreadsheet, IDENTITIES) if exists else Snapshot.nothing(TABS)
        applier = reader if step.applied_by == "same" else side.fresh()
        applier.apply(step.make(side.spreadsheet, read))
    return side.fresh().read_tabs(side.spreadsheet, IDENTITIES)


def furniture(read: Snapshot) -> dict[str, tuple[object, ...]]:
    """Each tab's title, frozen rows, full dropdown columns and highlighted columns."""
    return {
        key: (shape.title, shape.frozen_rows, shape.dropdowns, shape.highlights, shape.marked)
        for key, shape in read.tabs.items()
    }


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Side, Side]:
    return WorkbookSide(tmp_path), GoogleSide()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_one_plan_gives_the_same_sheets_on_both_backends(
    sides: tuple[Side, Side], scenario: str
) -> None:
    workbook, google = (run(side, SCENARIOS[scenario]) for side in sides)
    # Google's memory tab also holds the lease of the last pass that wrote (sync/lease.py),
    # where a workbook has a lock file beside it.
    if google[MEMORY] is not None:
        google[MEMORY] = [row for row in google[MEMORY] or [] if row[:1] != [LEASE]]
    for title in TABS:
        assert workbook[title] == google[title], title
    for title, grid in SCENARIOS[scenario].expected.items():
        assert google[title] == trim_grid(grid), title


def test_the_same_furniture_on_both_backends(sides: tuple[Side, Side]) -> None:
    scenario = SCENARIOS["first pass, applied by the reader"]
    workbook, google = (furniture(run_and_read(side, scenario)) for side in sides)
    assert workbook == google
    assert google[MATCHES][1:3] == (1, frozenset({MATCH_COLUMNS.index("status")}))
    assert google[NEEDS][3] == frozenset({NEED_LAYOUT.keys.index("proposed_qty")})


def test_exists_is_false_for_a_spreadsheet_that_is_not_there(
    sides: tuple[Side, Side],
) -> None:
    for side in sides:
        assert not side.fresh().exists("no-such-spreadsheet.xlsx"), side.name


def test_exists_is_true_once_the_spreadsheet_has_tabs(sides: tuple[Side, Side]) -> None:
    for side in sides:
        run(side, Scenario((Step(first_pass),)))
        assert side.fresh().exists(side.spreadsheet), side.name


def test_a_plan_must_say_it_read_every_tab_it_writes_to() -> None:
    with pytest.raises(ValueError, match="'offers', which its read did not find"):
        SpreadsheetPlan("c", rewrites={OFFERS: Rewrite([["x"]])})
    with pytest.raises(ValueError, match="'matches', which its read did not find"):
        SpreadsheetPlan("c", keyed_tab=matches_tab(LANGUAGE), appends=(match_row(1),))
    with pytest.raises(ValueError, match="creates tab 'offers', which its read found"):
        SpreadsheetPlan("c", new_tabs=(new_tab(OFFERS, LANGUAGE),), basis={OFFERS: TabShape()})
    assert SpreadsheetPlan("c", rewrites={OFFERS: Rewrite([["x"]])}, basis={OFFERS: TabShape()})
