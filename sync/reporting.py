"""`mozhem report`: the dashboard of the coordination spreadsheet, as text or as an HTML file.

It reads the coordination tabs once (Matches, Offers, Needs, Problems, as the
last pass left them and coordinators edited them) and summarizes them with the
same functions as the Dashboard tab; no matching runs, so it is quick.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sync.backends.base import Backend, BackendError, SpreadsheetNotFound
from sync.config import Config
from sync.layouts import MATCHES
from sync.report_frames import Frames, tab_frames
from sync.tabs import IDENTITIES

REPORT_FILE = "report.html"


def report(config: Config, backend: Backend, out: Path | None, now: datetime | None = None) -> int:
    """Print the summary in the coordinators' language, or write it to `out` as HTML."""
    from reports.dashboard import dashboard

    now = now or datetime.now()
    language = config.coordination.language
    frames = read_frames(config, backend)
    board = dashboard(frames.offers, frames.needs, frames.matches, frames.problems, now, language)
    if out is None:
        from reports.text import render_text

        print(render_text(board, now, language))
        return 0
    from reports.html import render_html

    out.mkdir(parents=True, exist_ok=True)
    path = out / REPORT_FILE
    path.write_text(render_html(board, now, language), encoding="utf-8")
    print(f"Wrote {path}")
    return 0


def read_frames(config: Config, backend: Backend) -> Frames:
    spreadsheet = config.coordination.spreadsheet
    not_yet = BackendError(
        f"{backend.location(spreadsheet)} has no Matches tab yet: run mozhem sync."
    )
    try:
        current = backend.read_tabs(spreadsheet, IDENTITIES)
    except SpreadsheetNotFound:
        if backend.creates_spreadsheets and not backend.exists(spreadsheet):
            raise not_yet from None
        raise
    if current.get(MATCHES) is None:
        raise not_yet
    return tab_frames(current)
