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

from matcher.contents import in_content_units
from matcher.engine import propose
from sync import collector, quiet
from sync.allocation import check_allocation
from sync.backends.base import Backend, RemembersWrites, SpreadsheetNotFound, WrittenFile
from sync.config import Config
from sync.coordination import read_matches
from sync.corrections import correction_notes
from sync.keyed_header import check_header
from sync.labels import column_label, tab_title
from sync.layouts import MATCH_COLUMNS, MATCHES, MEMORY, NEEDS, OFFERS, RECONFIRM, TABS
from sync.memory import read_memory
from sync.overwrites import overwrite_notes
from sync.plan import Snapshot, SpreadsheetPlan, TabIdentity
from sync.planner import PassData, build_plan, refreshes
from sync.recall import identify, recall_decisions
from sync.source_records import SourceNotFound, finish, load_source, normalizing_line
from sync.tabs import IDENTITIES, matches_tab
from sync.worklists import read_answers, retired_offers

__all__ = ["PassResult", "SourceNotFound", "quiet_result", "read_coordination", "run_pass"]

log = logging.getLogger(__name__)


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
    #: None for a pass that stopped early, nothing having changed (sync/quiet.py).
    data: PassData | None
    #: What the pass worked from, where the backend hashes its files (sync/quiet.py).
    inputs: quiet.Inputs | None = None
    #: The time of the pass nothing changed since, for a pass that stopped early.
    quiet_since: datetime | None = None
    #: What a full pass would find nothing to write in, when the pass can tell: what
    #: it read, or the workbook as it wrote it (sync/quiet.py).
    settled: quiet.Inputs | None = None


def run_pass(
    config: Config,
    backend: Backend,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    remembered: Mapping[str, tuple[str, str]] | None = None,
    progress: Callable[[str], None] = lambda step: None,
) -> PassResult:
    """One pass. The memory of pairs written and declined is read from the
    coordination spreadsheet's hidden tab; `remembered` (match_id -> pair, from an
    older state_dir) is used only when that tab is missing. `progress` hears each step."""
    with collector.paused():
        return _run_pass(config, backend, dry_run, now or datetime.now(), remembered, progress)


def _run_pass(
    config: Config,
    backend: Backend,
    dry_run: bool,
    now: datetime,
    remembered: Mapping[str, tuple[str, str]] | None,
    progress: Callable[[str], None],
) -> PassResult:
    progress("Reading the offers, the needs and the coordination spreadsheet…")
    params = config.normalize_params(backend.max_cell_chars)
    offers_loaded = load_source(config, backend, "offers", params)
    needs_loaded = load_source(config, backend, "needs", params)
    coordination = config.coordination.spreadsheet
    # Hashed before the read: a save in between makes the hash older than what was
    # read, and the next pass then a full one, never the other way round.
    coordination_hash = quiet.coordination_hash(config, backend)
    current = read_coordination(backend, coordination, IDENTITIES)
    language = config.coordination.language
    found = current.tabs.get(MATCHES)
    check_header(current.get(MATCHES) or [], matches_tab(language, found.title if found else None))
    step = normalizing_line(offers_loaded, needs_loaded)
    if step:
        progress(step)
    offers_source, needs_source = finish(offers_loaded, params), finish(needs_loaded, params)
    offers, offer_problems = offers_source.records, offers_source.problems
    needs, need_problems = needs_source.records, needs_source.problems
    identified = identify(
        offers_source.rows,
        offers,
        offer_problems,
        needs_source.rows,
        needs,
        read_memory(current.get(MEMORY)),
    )
    offers, needs = identified.offers, identified.needs
    matches = read_matches(current.get(MATCHES))
    memory, lost = recall_decisions(
        matches,
        identified,
        matches_tab_found=current.get(MATCHES) is not None,
        spreadsheet_known=any(current.get(key) is not None for key in TABS if key != MEMORY),
        legacy_pairs=remembered or {},
        memory_title=tab_title(MEMORY, language),
        atomic=backend.writes_atomically,
    )
    answers = read_answers(current.get(RECONFIRM))
    retired = {memory.translate(offer_id) for offer_id in retired_offers(answers)}
    match_params = dataclasses.replace(config.match_params(), now=now)
    progress(f"Matching {len(offers)} offer lines with {len(needs)} needs…")
    available = in_content_units(offer for offer in offers if offer.offer_id not in retired)
    allocation = check_allocation(available, needs, matches.existing)
    proposals = propose(allocation.offers, allocation.needs, matches.existing, match_params)
    paired = {m.offer_id for m in matches.existing} | {m.need_id for m in matches.existing}
    offer_notes = correction_notes("offers", offers, current.get(OFFERS), paired, language)
    need_notes = correction_notes("needs", needs, current.get(NEEDS), paired, language)
    data = PassData(
        offers=offers,
        needs=needs,
        problems=[
            *lost,
            *offer_problems,
            *offer_notes,
            *need_problems,
            *need_notes,
            *allocation.problems,
            *matches.problems,
        ],
        matches=matches,
        proposals=proposals,
        source_headers={
            "offers": offers_source.headers,
            "needs": needs_source.headers,
            "matches": {key: column_label(key, language) for key in MATCH_COLUMNS},
        },
        answers=answers,
        memory=memory,
    )
    # The cells the plan writes over are noted on Problems, which the plan rewrites.
    updates = refreshes(data, language, now)
    notes = overwrite_notes(updates, matches)
    data = dataclasses.replace(data, problems=[*data.problems, *notes])
    reconfirm_after_days = config.offers.reconfirm_after_days
    plan = build_plan(coordination, current, data, language, now, reconfirm_after_days, updates)
    del current  # the grids read: the write must not hold them as well (a GiB at 100,000 rows)
    wrote = not dry_run and not plan.is_empty
    if wrote:
        progress(f"Writing {backend.location(coordination)}…")
        backend.apply(plan)
    _log_counts(data, plan)
    tokens = (offers_source.file_token, needs_source.file_token, coordination_hash)
    # Notes that compare what this pass read with what it wrote (and pairs recalled
    # from an old state_dir): a full pass on the written workbook would drop them.
    legacy = bool(remembered) and not identified.memory.found
    follow_up = bool(lost or offer_notes or need_notes or notes or legacy)
    written = _last_write(backend, coordination)
    settled = quiet.settled_inputs(tokens, written, wrote=wrote, follow_up=follow_up)
    return PassResult(
        offer_rows=len(offers_source.rows),
        need_rows=len(needs_source.rows),
        offers=len(offers),
        needs=len(needs),
        new_matches=len(plan.appends),
        updated_cells=len(plan.updates),
        problems=len(data.problems),
        plan=plan,
        location=backend.location(coordination),
        written=wrote,
        data=data,
        inputs=_inputs(*tokens),
        settled=None if dry_run else settled,
    )


def quiet_result(config: Config, backend: Backend, settled: quiet.Settled) -> PassResult:
    """What a pass says when nothing changed since `settled`: its counts, nothing written."""
    counts = settled.counts
    coordination = config.coordination.spreadsheet
    return PassResult(
        offer_rows=counts.offer_rows,
        need_rows=counts.need_rows,
        offers=counts.offers,
        needs=counts.needs,
        new_matches=0,
        updated_cells=0,
        problems=counts.problems,
        plan=SpreadsheetPlan(spreadsheet=coordination),
        location=backend.location(coordination),
        written=False,
        data=None,
        inputs=settled.inputs,
        quiet_since=settled.at,
    )


def _last_write(backend: Backend, spreadsheet: str) -> WrittenFile | None:
    return backend.last_write(spreadsheet) if isinstance(backend, RemembersWrites) else None


def _inputs(offers: str | None, needs: str | None, coordination: str | None) -> quiet.Inputs | None:
    if offers is None or needs is None or coordination is None:
        return None
    return quiet.Inputs(offers, needs, coordination)


def read_coordination(backend: Backend, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
    """The coordination tabs, by key; none yet when the spreadsheet is still to be created."""
    try:
        return backend.read_tabs(spreadsheet, tabs)
    except SpreadsheetNotFound:
        if backend.creates_spreadsheets and not backend.exists(spreadsheet):
            return Snapshot.nothing(tab.key for tab in tabs)
        raise


def _log_counts(data: PassData, plan: SpreadsheetPlan) -> None:
    log.debug(
        "normalized %d offer lines and %d needs; %d problems; %d new matches",
        len(data.offers),
        len(data.needs),
        len(data.problems),
        len(plan.appends),
    )
