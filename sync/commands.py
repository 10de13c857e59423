"""What each command does, in terms of the library; the CLI only parses and reports."""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sync import quiet
from sync.backends.base import Backend, BackendError
from sync.config import Config
from sync.layouts import TABS
from sync.ops import snapshots
from sync.ops.progress import Progress, reporting
from sync.ops.signals import StopSignals
from sync.ops.starter import who_started_this_process
from sync.pipeline import PassResult, quiet_result, read_coordination, run_pass
from sync.plan import Grid, Snapshot, SpreadsheetPlan, TabIdentity
from sync.privacy import mask_phones_in
from sync.state import FAILED, INTERRUPTED, OK, OpsError, StateStore, stamp
from sync.tabs import identity

log = logging.getLogger("sync.pass")


@dataclass(frozen=True)
class Outcome:
    pass_id: int | None
    result: PassResult
    seconds: float


def sync_once(config: Config, backend: Backend, *, dry_run: bool = False) -> int:
    """`mozhem sync`: one recorded pass; the human summary on stdout."""
    signals = StopSignals()
    with signals.installed():
        outcome = recorded_pass(
            config, backend, dry_run=dry_run, signals=signals, started_by=who_started_this_process()
        )
    if dry_run:
        print("\n".join(outcome.result.plan.describe()))
    print(summary(outcome.result, dry_run=dry_run))
    return 0


def recorded_pass(
    config: Config,
    backend: Backend,
    *,
    dry_run: bool = False,
    signals: StopSignals | None = None,
    started_by: str | None = None,
) -> Outcome:
    """One pass under the lock, in the ledger, with a snapshot before any write and
    one summary line in the log. A dry run writes nothing and is not recorded.

    Snapshots past ops.keep_snapshots_days go first, whatever becomes of the pass:
    a backend failing for weeks must not fill the disk."""
    store = StateStore(config.state_path)
    signals = signals or StopSignals()
    progress = Progress(config.ops.progress_every_seconds)
    target = backend.hold(config.coordination.spreadsheet)
    with store.exclusive(), target, reporting(progress), signals.passing():
        for record in store.close_abandoned():
            log.warning(
                "pass %d (started %s, pid %s) never finished: its process stopped; "
                "this pass completes its work",
                record.id,
                record.started_at,
                record.pid,
            )
        started, clock = datetime.now(), time.monotonic()
        if dry_run:
            result = _run(config, backend, started, store, dry_run=True)
            return Outcome(None, result, time.monotonic() - clock)
        snapshots.prune(store, started, config.ops.keep_snapshots_days)
        pass_id = store.begin("sync", started, started_by)

        def keep(seen: Mapping[str, Grid | None], read: snapshots.ReadFile | None) -> None:
            snapshot = snapshots.Snapshot(
                pass_id,
                stamp(datetime.now()),
                backend.name,
                config.coordination.spreadsheet,
                dict(seen),
            )
            store.set_snapshot(pass_id, snapshots.save(store, snapshot, read))

        recorder = snapshots.RecordingBackend(backend, config.coordination.spreadsheet, TABS, keep)
        try:
            result = _quiet_or_full(config, recorder, started, store)
        except BaseException as error:
            _record_failure(store, pass_id, "pass", clock, error, recorder.requests_sent)
            raise
        seconds = time.monotonic() - clock
        written = written_count(result.plan) if result.written else 0
        # The pairs written live in the coordination spreadsheet's memory tab now;
        # state_dir keeps only the lock, the ledger and the snapshots.
        facts = {**_counts(result), "written": written, "requests": recorder.requests_sent}
        store.finish(
            pass_id,
            OK,
            finished=datetime.now(),
            seconds=seconds,
            counts=facts,
            plan=plan_summary(result.plan) if result.written else None,
        )
        quiet_line = "" if result.quiet_since is None else "; nothing changed, nothing read"
        log.info(
            "ok pass %d: %d offers, %d needs, %d new, %d problems, %d written, %.1f s%s",
            pass_id,
            *(facts[key] for key in ("offers", "needs", "new", "problems", "written")),
            seconds,
            quiet_line,
            extra={
                "fields": _fields(
                    pass_id, OK, seconds, **facts, quiet=result.quiet_since is not None
                )
            },
        )
        return Outcome(pass_id, result, seconds)


def _quiet_or_full(
    config: Config, backend: Backend, started: datetime, store: StateStore
) -> PassResult:
    """A pass, which stops early when nothing changed since one that found nothing to
    write, or wrote and left nothing to do (sync/quiet.py); a full pass that can tell
    says so for the next."""
    settled = quiet.unchanged_since(config, backend, started)
    if settled is not None:
        _progress(f"Nothing changed since the last pass at {settled.at:%H:%M}; nothing to do.")
        quiet.keep(config, dataclasses.replace(settled, at=started))
        return quiet_result(config, backend, settled)
    quiet.forget(config)
    result = _run(config, backend, started, store)
    if result.settled is not None:
        counts = quiet.Counts(
            result.offer_rows, result.need_rows, result.offers, result.needs, result.problems
        )
        quiet.keep(config, quiet.Settled(started, quiet.pass_key(config), result.settled, counts))
    return result


def record_failure(
    state_path: Path, error: BaseException, started_by: str | None = None, *, log_line: bool = True
) -> None:
    """A pass that failed before it could start (no config, no backend): in the ledger,
    so that `mozhem status` says so, and in the log unless the caller says it itself."""
    store = StateStore(state_path)
    pass_id = store.begin("sync", datetime.now(), started_by)
    _record_failure(store, pass_id, "pass", time.monotonic(), error, log_line=log_line)


def _run(
    config: Config, backend: Backend, started: datetime, store: StateStore, dry_run: bool = False
) -> PassResult:
    return run_pass(
        config,
        backend,
        dry_run=dry_run,
        now=started,
        remembered=store.remembered_matches(),
        progress=_progress,
    )


def _fields(pass_id: int, outcome: str, seconds: float, **more: object) -> dict[str, object]:
    """The summary line's facts, as keys of their own in --log-json."""
    return {
        "event": "pass",
        "pass": pass_id,
        "outcome": outcome,
        **more,
        "seconds": round(seconds, 2),
    }


def _describe(error: BaseException) -> str:
    if isinstance(error, BackendError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def written_count(plan: SpreadsheetPlan) -> int:
    """Rows appended, cells refreshed and rows rewritten: what "N written" counts."""
    rewritten = sum(max(len(r.cells) - 1, 0) for r in plan.rewrites.values())
    return len(plan.appends) + len(plan.updates) + rewritten


def plan_summary(plan: SpreadsheetPlan) -> str:
    """The write plan's headline lines, without one line per row."""
    return "\n".join(line for line in plan.describe() if not line.startswith("    "))


def _progress(step: str) -> None:
    """Steps show on a terminal; in a service's log, -v shows them."""
    log.log(logging.INFO if sys.stderr.isatty() else logging.DEBUG, step)


def _record_failure(
    store: StateStore,
    pass_id: int,
    kind: str,
    clock: float,
    error: BaseException,
    requests: int | None = None,
    *,
    log_line: bool = True,
) -> None:
    """A pass or restore that raised: in the ledger and in one log line."""
    seconds = time.monotonic() - clock
    outcome = FAILED if isinstance(error, Exception) else INTERRUPTED
    message = mask_phones_in(_describe(error))
    counts = {"requests": requests}
    store.finish(
        pass_id, outcome, finished=datetime.now(), seconds=seconds, counts=counts, error=message
    )
    if not log_line:
        return
    log.error(
        "%s %s %d after %.1f s: %s",
        outcome,
        kind,
        pass_id,
        seconds,
        message,
        extra={"fields": _fields(pass_id, outcome, seconds, error=message)},
    )


def _counts(result: PassResult) -> dict[str, int | None]:
    return {
        "offers": result.offers,
        "needs": result.needs,
        "new": result.new_matches,
        "problems": result.problems,
    }


def summary(result: PassResult, *, dry_run: bool = False) -> str:
    if result.quiet_since is not None:
        return (
            f"Nothing changed since the last pass at {result.quiet_since:%H:%M}; nothing to do."
            f"\nProblems: {result.problems} (listed on the Problems tab)."
        )
    lines = [
        f"Read {result.offer_rows} form rows and {result.need_rows} need rows.",
        f"Recognized {result.offers} offer lines and {result.needs} needs.",
        f"New matches: {result.new_matches}. Refreshed cells: {result.updated_cells}.",
        f"Problems: {result.problems} (listed on the Problems tab).",
        _written_line(result, dry_run=dry_run),
    ]
    return "\n".join(lines)


def _written_line(result: PassResult, *, dry_run: bool = False) -> str:
    if dry_run:
        return f"Dry run: nothing written to {result.location}."
    if result.written:
        return f"Wrote {result.location}"
    return f"Nothing changed; nothing written to {result.location}."


def check(config: Config, backend: Backend) -> int:
    """Read every source and the coordination sheet, check headers; write nothing."""
    result = run_pass(config, backend, dry_run=True)
    print(f"Backend: {backend.name}")
    rows = {"offers": result.offer_rows, "needs": result.need_rows}
    for name in ("offers", "needs"):
        source = getattr(config.sources, name)
        empty = "" if rows[name] else " (headers found, no rows yet)"
        where = f"{backend.location(source.spreadsheet)}, sheet '{source.worksheet}'"
        print(f"OK  {name}: {where}{empty}")
    where = result.location
    state = "exists" if backend.exists(config.coordination.spreadsheet) else "created by first sync"
    print(f"OK  coordination: {where} ({state})")
    print("All mapped headers found. Nothing was written.")
    return 0


def export(config: Config, backend: Backend, out: Path, *, excel: bool = False) -> int:
    from sync.export import export_csv, export_excel, prepare_folder

    prepare_folder(out)  # before reading anything: a wrong --out is said at once
    result = run_pass(config, backend, dry_run=True)
    assert result.data is not None  # a dry run never stops early
    language = config.coordination.language
    written = (
        [export_excel(result.data, language, out)]
        if excel
        else export_csv(result.data, language, out)
    )
    for path, replaced in written:
        print(f"{'Replaced' if replaced else 'Wrote'} {path}")
    return 0


def restore(
    config: Config,
    backend: Backend,
    pass_id: int,
    *,
    yes: bool = False,
    ask: Callable[[str], str] | None = None,
) -> int:
    """Put the coordination spreadsheet back as it was before pass `pass_id` wrote."""
    from sync.ops.restore import changes, describe, missing_now, restore_plan

    store = StateStore(config.state_path)
    record = store.get(pass_id)
    if record is None:
        raise OpsError(f"no pass {pass_id} in {store.database}; `mozhem history` lists them.")
    if not record.snapshot:
        why = (
            f"its snapshot is gone (snapshots are kept {config.ops.keep_snapshots_days} days, "
            "ops.keep_snapshots_days)"
            if record.written or record.outcome != OK
            else "it wrote nothing"
        )
        raise OpsError(f"pass {pass_id} cannot be restored: {why}.")
    snap = snapshots.load(store, record.snapshot)
    spreadsheet = config.coordination.spreadsheet
    if snap.spreadsheet != spreadsheet or snap.backend != backend.name:
        raise OpsError(
            f"pass {pass_id} wrote {snap.spreadsheet} ({snap.backend}); config.yaml now names "
            f"{spreadsheet} ({backend.name}). Restore with the config that pass used."
        )
    with store.exclusive(), backend.hold(spreadsheet):
        tabs = _identities(snap.tabs)
        current = read_coordination(backend, spreadsheet, tabs)
        found = [
            dataclasses.replace(c, title=_title(current, c.title))
            for c in changes(snap.tabs, current)
            if c.title not in missing_now(snap.tabs, current)
        ]
        plan = restore_plan(spreadsheet, snap.tabs, current)
        where = backend.location(spreadsheet)
        print(f"Restore {where} to how it was before pass {pass_id} ({record.started_at}):")
        print("\n".join(describe(found, pass_id)))
        for title in missing_now(snap.tabs, current):
            print(f"  {title}: the tab is gone; a restore cannot recreate it")
        if plan.is_empty:
            print("It is already like that; nothing to do.")
            return 0
        if not yes and not _confirm(ask or input):
            print("Nothing was changed.")
            return 0
        _apply_restore(store, backend, plan, current, snap, pass_id)
    print(
        f"Restored {where} to before pass {pass_id}. The matches that pass and later ones "
        "wrote are forgotten: the next pass may propose them again."
    )
    return 0


def _title(current: Snapshot, key: str) -> str:
    """A tab's title as the read found it; its key when the read did not find it."""
    shape = current.tabs.get(key)
    return shape.title if shape is not None and shape.title else key


def _identities(keys: Iterable[str]) -> list[TabIdentity]:
    """The tabs a snapshot holds, found the way the pass finds them: the pipeline's
    own by their identity, any other by its title."""
    return [identity(key) if key in TABS else TabIdentity(key, frozenset({key})) for key in keys]


def _confirm(ask: Callable[[str], str]) -> bool:
    try:
        return ask("Restore? [y/N] ").strip().lower() in ("y", "yes", "д", "да", "т", "так")
    except EOFError:
        return False


def _apply_restore(
    store: StateStore,
    backend: Backend,
    plan: SpreadsheetPlan,
    current: Mapping[str, Grid | None],
    snap: snapshots.Snapshot,
    pass_id: int,
) -> None:
    started, clock = datetime.now(), time.monotonic()
    restore_id = store.begin("restore", started, who_started_this_process())
    # The restore keeps what it replaces, so it can be undone the same way.
    kept = snapshots.Snapshot(
        restore_id, stamp(started), snap.backend, snap.spreadsheet, dict(current)
    )
    store.set_snapshot(restore_id, snapshots.save(store, kept))
    try:
        backend.apply(plan)
    except BaseException as error:
        _record_failure(store, restore_id, "restore", clock, error)
        raise
    forgotten = store.forget_matches_since(pass_id)
    seconds = time.monotonic() - clock
    store.finish(
        restore_id,
        OK,
        finished=datetime.now(),
        seconds=seconds,
        counts={"written": written_count(plan)},
        plan=f"restored to before pass {pass_id}\n" + plan_summary(plan),
    )
    log.info(
        "ok restore %d: back to before pass %d, %d tabs rewritten, %d matches forgotten, %.1f s",
        restore_id,
        pass_id,
        len(plan.rewrites),
        forgotten,
        seconds,
        extra={"fields": {"event": "restore", "pass": restore_id, "restored": pass_id}},
    )
