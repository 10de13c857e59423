"""One sync pass: read → normalize → match → write plan → apply.

The pass receives its backend; it never builds one. Every read happens before
any write, so a bad header or a missing sheet stops it with nothing written.
Only what changed since the last pass is normalized (sync/incremental.py).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from matcher.engine import propose
from sync.backends.base import Backend
from sync.config import Config
from sync.coordination import read_matches, record_deleted_rows_as_declined
from sync.labels import column_label
from sync.layouts import MATCH_COLUMNS, NEEDS, OFFERS, PROBLEMS, TABS
from sync.overwrites import overwrite_notes
from sync.plan import Snapshot, SpreadsheetPlan
from sync.planner import PassData, build_plan
from sync.source_records import SourceNotFound, finish, load_source, normalizing_line
from sync.written_tabs import WrittenMemory, remember, without_unchanged
from sync.written_tabs import read_coordination as read_tabs

__all__ = ["PassResult", "SourceNotFound", "read_coordination", "run_pass"]

log = logging.getLogger(__name__)
#: The tabs a pass rewrites whole: known by their hash when nobody saved the file since.
REWRITTEN_WHOLE = (OFFERS, NEEDS, PROBLEMS)


@dataclass(frozen=True)
class PassResult:
    offer_rows: int
    need_rows: int
    offers: int
    needs: int
    new_matches: int
    updated_cells: int
    problems: int
    plan: SpreadsheetPlan
    location: str
    written: bool
    data: PassData


def run_pass(
    config: Config,
    backend: Backend,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    remembered: Mapping[str, tuple[str, str]] | None = None,
    progress: Callable[[str], None] = lambda step: None,
) -> PassResult:
    """One pass. `remembered` holds every match ever written (match_id -> pair),
    so a row a coordinator deleted is not proposed again; `progress` hears each step."""
    now = now or datetime.now()
    progress("Reading the offers, the needs and the coordination spreadsheet…")
    params = config.normalize_params(backend.max_cell_chars)
    offers_loaded = load_source(config, backend, "offers", params)
    needs_loaded = load_source(config, backend, "needs", params)
    coordination = config.coordination.spreadsheet
    language = config.coordination.language
    written = WrittenMemory(config.state_path / "normalized", backend.location(coordination))
    read = read_tabs(backend, coordination, TABS, REWRITTEN_WHOLE, written)
    current = read.snapshot
    step = normalizing_line(offers_loaded, needs_loaded)
    if step:
        progress(step)
    offers_source, needs_source = finish(offers_loaded, params), finish(needs_loaded, params)
    offers, offer_problems = offers_source.records, offers_source.problems
    needs, need_problems = needs_source.records, needs_source.problems
    matches = read_matches(current.get("Matches"))
    if current.get("Matches") is not None:
        record_deleted_rows_as_declined(matches, remembered or {})
    match_params = dataclasses.replace(config.match_params(), now=now)
    progress(f"Matching {len(offers)} offer lines with {len(needs)} needs…")
    proposals = propose(offers, needs, matches.existing, match_params)
    data = PassData(
        offers=offers,
        needs=needs,
        problems=[*offer_problems, *need_problems, *matches.problems],
        matches=matches,
        proposals=proposals,
        source_headers={
            "offers": offers_source.headers,
            "needs": needs_source.headers,
            "matches": {key: column_label(key, language) for key in MATCH_COLUMNS},
        },
    )
    plan = build_plan(coordination, current, data, language, now)
    notes = overwrite_notes(plan.updates, matches)
    if notes:
        # The notes go on Problems, which the plan rewrites: plan again with them.
        data = dataclasses.replace(data, problems=[*data.problems, *notes])
        plan = build_plan(coordination, current, data, language, now)
    plan = without_unchanged(plan, read)
    if not dry_run:
        if not plan.is_empty:
            progress(f"Writing {backend.location(coordination)}…")
            backend.apply(plan)
        remember(backend, coordination, written, read, plan, REWRITTEN_WHOLE)
    _log_counts(data, plan)
    return PassResult(
        offer_rows=offers_source.rows,
        need_rows=needs_source.rows,
        offers=len(offers),
        needs=len(needs),
        new_matches=len(plan.appends),
        updated_cells=len(plan.updates),
        problems=len(data.problems),
        plan=plan,
        location=backend.location(coordination),
        written=not dry_run and not plan.is_empty,
        data=data,
    )


def read_coordination(backend: Backend, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
    """The coordination tabs; none yet when the spreadsheet is still to be created."""
    return read_tabs(backend, spreadsheet, tabs).snapshot


def _log_counts(data: PassData, plan: SpreadsheetPlan) -> None:
    log.debug(
        "normalized %d offer lines and %d needs; %d problems; %d new matches",
        len(data.offers),
        len(data.needs),
        len(data.problems),
        len(plan.appends),
    )
