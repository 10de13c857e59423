"""What each command does, in terms of the library; the CLI only parses and reports."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

from reports.summary import render_text, summarize
from sync.backends.base import Backend, BackendError
from sync.config import Config
from sync.coordination import category_code, read_matches
from sync.layouts import MATCHES
from sync.pipeline import PassResult, read_coordination, run_pass
from sync.state import StateStore

log = logging.getLogger(__name__)


def sync_once(config: Config, backend: Backend, *, dry_run: bool = False) -> int:
    store = StateStore(config.state_path)
    started = datetime.now()
    with store.exclusive():
        remembered = store.remembered_matches()
        try:
            result = run_pass(
                config,
                backend,
                dry_run=dry_run,
                now=started,
                remembered=remembered,
                progress=_progress,
            )
        except Exception as error:
            store.record(started, "failed", {}, f"{type(error).__name__}: {error}")
            raise
        if not dry_run:
            # Only after the write succeeded: a row we failed to write was never there.
            store.remember_matches(_pairs_on_sheet(result))
            store.record(started, "ok", _counts(result), _written_line(result))
    if dry_run:
        print("\n".join(result.plan.describe()))
    print(summary(result, dry_run=dry_run))
    return 0


def _progress(step: str) -> None:
    """Steps go to stderr, so stdout keeps only the summary."""
    print(step, file=sys.stderr, flush=True)


def _pairs_on_sheet(result: PassResult) -> list[tuple[str, str, str]]:
    existing = [(m.match_id, m.offer_id, m.need_id) for m, _ in result.data.matches.on_sheet()]
    appended = [(row["match_id"], row["offer_id"], row["need_id"]) for row in result.plan.appends]
    return existing + appended


def _counts(result: PassResult) -> dict[str, int]:
    return {
        "offers": result.offers,
        "needs": result.needs,
        "new_matches": result.new_matches,
        "problems": result.problems,
    }


def summary(result: PassResult, *, dry_run: bool = False) -> str:
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


def report(config: Config, backend: Backend) -> int:
    spreadsheet = config.coordination.spreadsheet
    grid = read_coordination(backend, spreadsheet, [MATCHES])[MATCHES]
    if grid is None:
        raise BackendError(
            f"{backend.location(spreadsheet)} has no Matches tab yet: run mozhem sync."
        )
    sheet = read_matches(grid)
    pairs = [
        (category_code(row.cells.get("category", "")), m.status) for m, row in sheet.on_sheet()
    ]
    print(f"Matches on {backend.location(spreadsheet)}: {len(pairs)}")
    print(render_text(summarize(pairs)))
    return 0


def export(config: Config, backend: Backend, out: Path) -> int:
    from sync.export import export_csv, prepare_folder

    prepare_folder(out)  # before reading anything: a wrong --out is said at once
    result = run_pass(config, backend, dry_run=True)
    for path, replaced in export_csv(result.data, config.coordination.language, out):
        print(f"{'Replaced' if replaced else 'Wrote'} {path}")
    return 0


def status(config: Config) -> int:
    runs = StateStore(config.state_path).recent()
    if not runs:
        print(f"No passes recorded in {config.state_path} yet.")
        return 0
    for run in runs:
        counts = (
            f"offers {run.offers}, needs {run.needs}, new matches {run.new_matches}, "
            f"problems {run.problems}"
            if run.outcome == "ok"
            else ""
        )
        print(f"{run.started_at}  {run.outcome:<7} {counts}  {run.message}")
    return 0
