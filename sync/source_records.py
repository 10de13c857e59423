"""The offers and needs of a pass, normalized anew only where their source changed.

A source is first *loaded*: when its memory (sync/incremental.py) holds for its
file token (workbook) or for the values read, it is done already; otherwise its
rows are found and split into those the memory knows and those to read. Then
the pending sources are *finished*: the unseen rows are read, on every core
when there are many, and the table is put together.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from matcher.model import Problem, SourceRow
from matcher.params import NormalizeParams
from matcher.vocabulary_files import ProblemCode
from sync.backends.base import Backend, BackendError, Fingerprints
from sync.config import Config, nearest
from sync.errors import EXIT_FIX_INPUT
from sync.incremental import (
    Normalized,
    RowWork,
    SourceMemory,
    Tokens,
    grid_hash,
    normalize_rows,
    reading_key,
    row_work,
    token,
)
from sync.plan import Grid
from sync.sources import column_map, find_headers, source_rows

SourceName = Literal["offers", "needs"]
log = logging.getLogger(__name__)


class SourceNotFound(BackendError):
    """A worksheet named in config.yaml is not in its spreadsheet."""

    exit_code = EXIT_FIX_INPUT


@dataclass(frozen=True)
class SourceRecords:
    """A source normalized: its rows, headers, records and problems, and the file
    token it was loaded under (None where the backend has none)."""

    rows: list[SourceRow]
    headers: dict[str, str]
    records: list[Any]
    problems: list[Problem]
    file_token: str | None = None


@dataclass
class PendingSource:
    """A source whose rows are found but not all read yet."""

    headers: dict[str, str]
    work: RowWork
    memory: SourceMemory
    whole: Normalized
    file_token: str | None

    @property
    def unseen(self) -> int:
        return len(self.work.unseen)

    @property
    def row_count(self) -> int:
        return len(self.work.rows)


def load_source(
    config: Config, backend: Backend, name: SourceName, params: NormalizeParams
) -> SourceRecords | PendingSource:
    """The source as the last pass left it when it did not change; else its rows."""
    source = getattr(config.sources, name)
    headers = column_map(source.columns.model_dump())
    memory = SourceMemory(config.state_path / "normalized", name)
    key = _reading_key(config, name, params)
    known = memory.tokens()
    file_token = _file_token(backend, source.spreadsheet, key)
    if known is not None and file_token is not None and known.file == file_token:
        kept = memory.whole(known.grid)
        if kept is not None:
            return SourceRecords(kept.rows, headers, kept.records, kept.problems, file_token)
    sheet = backend.read_source(source.spreadsheet, source.worksheet)
    if sheet is None:
        raise SourceNotFound(_missing_sheet_message(backend, source.spreadsheet, source.worksheet))
    grid = sheet.grid
    if sheet.locale:
        log.info("%s: locale %s, time zone %s", name, sheet.locale, sheet.time_zone)
    # The locale decides how dates typed as text read.
    grid_token = token("grid", key, f"{grid_hash(grid)}:{sheet.locale}")
    kept = memory.whole(grid_token) if known is not None and known.grid == grid_token else None
    if kept is not None:
        memory.keep_tokens(Tokens(file_token, grid_token))  # saved again, the same values
        return SourceRecords(kept.rows, headers, kept.records, kept.problems, file_token)
    # Headers are checked even with no rows yet: a new Form's sheet has only them.
    where = f"{backend.location(source.spreadsheet)}, sheet '{source.worksheet}'"
    positions = find_headers(grid, headers, where, f"sources.{name}.columns")
    if not _has_data(grid):
        return SourceRecords([], headers, [], [_empty_sheet(name, source.worksheet)], file_token)
    rows = source_rows(grid, positions, sheet.locale)
    whole = Normalized([], [], rows, grid_token)
    return PendingSource(headers, row_work(name, rows, memory.rows(key)), memory, whole, file_token)


def finish(source: SourceRecords | PendingSource, params: NormalizeParams) -> SourceRecords:
    """The source normalized, its memory kept for the next pass."""
    if isinstance(source, SourceRecords):
        return source
    records, problems, rows = normalize_rows(source.work, params)
    source.whole.records, source.whole.problems = records, problems
    source.memory.keep(source.whole, rows, source.file_token)
    return SourceRecords(
        list(source.work.rows), source.headers, records, problems, source.file_token
    )


def normalizing_line(
    offers: SourceRecords | PendingSource, needs: SourceRecords | PendingSource
) -> str | None:
    """What the pass says before normalizing; None when there is nothing to normalize."""
    pending = [s for s in (offers, needs) if isinstance(s, PendingSource)]
    if not any(s.unseen for s in pending):
        return None if not pending else "The offers and needs hold no new or changed rows."
    counts = [(s.unseen, s.row_count) if isinstance(s, PendingSource) else (0, len(s.rows))
              for s in (offers, needs)]  # fmt: skip
    if all(unseen == rows for unseen, rows in counts):
        return f"Normalizing {counts[0][1]} form rows and {counts[1][1]} need rows…"
    return (
        f"Normalizing {counts[0][0]} of {counts[0][1]} form rows and {counts[1][0]} of "
        f"{counts[1][1]} need rows (new or changed since the last pass)…"
    )


def source_token(
    config: Config, backend: Backend, name: SourceName, params: NormalizeParams
) -> str | None:
    """The source's file token now, as `load_source` takes it: its file's hash and what
    decides how its rows read; None where the backend has no hashes, or no file."""
    spreadsheet = getattr(config.sources, name).spreadsheet
    return _file_token(backend, spreadsheet, _reading_key(config, name, params))


def _reading_key(config: Config, name: SourceName, params: NormalizeParams) -> str:
    # The mapping and the sheet decide how rows read, as much as the values do.
    source = getattr(config.sources, name)
    headers = column_map(source.columns.model_dump())
    return reading_key(name, params, source.worksheet, headers)


def _file_token(backend: Backend, spreadsheet: str, key: str) -> str | None:
    if not isinstance(backend, Fingerprints):
        return None  # the values read will tell
    found = backend.fingerprint(spreadsheet)
    return None if found is None else token("file", key, found)


def _has_data(grid: Grid) -> bool:
    # Grids come trimmed, so a second row means at least one non-empty data row.
    return len(grid) > 1


def _empty_sheet(name: SourceName, worksheet: str) -> Problem:
    return Problem(
        source=name,
        source_row=1,
        field="",
        value="",
        code=ProblemCode.EMPTY_SHEET,
        params={"sheet": worksheet},
        severity="note",
    )


def _missing_sheet_message(backend: Backend, spreadsheet: str, worksheet: str) -> str:
    titles = backend.tab_titles(spreadsheet)
    guess = nearest(worksheet, titles)
    hint = f" Did you mean '{guess}'?" if guess else ""
    return (
        f"{backend.location(spreadsheet)}: no sheet '{worksheet}'.{hint} "
        f"Sheets there: {', '.join(titles) or 'none'}. Fix 'worksheet' in config.yaml."
    )
