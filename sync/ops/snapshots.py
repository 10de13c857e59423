"""What a pass read from the coordination spreadsheet, kept before every write.

A snapshot is a file in `state_dir/snapshots/`, one per writing pass, named after
the pass: a gzip-compressed JSON file of the tabs read, or, where the spreadsheet
is a workbook file still holding the bytes the pass read, a zip of that file as
it was and the titles its tabs were found by (no text to encode: at 100,000 rows
the JSON took seconds). `mozhem restore PASS` puts it back. Files older than
`ops.keep_snapshots_days` are deleted after each pass.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sync.backends.base import (
    Fingerprints,
    KeepsReadFiles,
    RemembersWrites,
    SourceSheet,
    WrittenFile,
)
from sync.plan import Grid, SpreadsheetPlan, TabIdentity
from sync.plan import Snapshot as PlanSnapshot
from sync.state import StateStore, stamp

log = logging.getLogger("sync.snapshots")


@dataclass(frozen=True)
class Snapshot:
    pass_id: int
    taken_at: str
    backend: str
    spreadsheet: str
    #: Tab key -> its rows as read; None for a tab that did not exist.
    tabs: dict[str, Grid | None]


@dataclass(frozen=True)
class ReadFile:
    """The workbook file a pass read its tabs from: the hash of the bytes it read, and
    the title each tab was found by (None: not found)."""

    path: Path
    digest: str
    titles: dict[str, str | None]


def snapshot_name(pass_id: int) -> str:
    return f"pass-{pass_id:06d}.json.gz"


def file_snapshot_name(pass_id: int) -> str:
    return f"pass-{pass_id:06d}.zip"


#: The parts of a file snapshot: the snapshot's other fields with the titles, and the file.
_HEAD, _WORKBOOK = "snapshot.json", "workbook.xlsx"


def save(store: StateStore, snapshot: Snapshot, read: ReadFile | None = None) -> str:
    """Write atomically; returns the file's name inside the snapshots folder. With
    `read`, the file itself is kept when it still holds the bytes the tabs were read
    from; else the tabs as JSON."""
    store.snapshots.mkdir(parents=True, exist_ok=True)
    if read is not None:
        name = _save_file(store, snapshot, read)
        if name is not None:
            return name
    name = snapshot_name(snapshot.pass_id)
    path = store.snapshots / name
    temporary = path.with_suffix(".tmp")
    # The fastest level: at 100,000 rows the tabs are ~1 GB of text, and level 6 took
    # seconds more for a file a little smaller.
    with gzip.open(temporary, "wb", compresslevel=1) as file:
        for chunk in json_chunks(snapshot):
            file.write(chunk.encode("utf-8"))
    os.replace(temporary, path)
    return name


#: Rows of a tab encoded at a time: the text of a whole snapshot is never held at once.
_ROWS_PER_CHUNK = 5_000


def json_chunks(snapshot: Snapshot) -> Iterator[str]:
    """The text `json.dumps(snapshot.__dict__, ensure_ascii=False)` gives, in pieces."""
    head = {name: value for name, value in snapshot.__dict__.items() if name != "tabs"}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "tabs": {'
    for index, (key, grid) in enumerate(snapshot.tabs.items()):
        yield (", " if index else "") + json.dumps(key, ensure_ascii=False) + ": "
        if grid is None:
            yield "null"
            continue
        yield "["
        for start in range(0, len(grid), _ROWS_PER_CHUNK):
            rows = json.dumps(grid[start : start + _ROWS_PER_CHUNK], ensure_ascii=False)
            yield (", " if start else "") + rows[1:-1]
        yield "]"
    yield "}}"


def _save_file(store: StateStore, snapshot: Snapshot, read: ReadFile) -> str | None:
    """The snapshot as the file `read` names, copied as it is; None when its bytes are
    no longer those the pass read (or it cannot be read now)."""
    head = {name: value for name, value in snapshot.__dict__.items() if name != "tabs"}
    path = store.snapshots / file_snapshot_name(snapshot.pass_id)
    temporary = path.with_suffix(".tmp")
    digest = hashlib.blake2b()
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(_HEAD, json.dumps({**head, "titles": read.titles}, ensure_ascii=False))
            with (
                read.path.open("rb") as source,
                archive.open(_WORKBOOK, "w", force_zip64=True) as target,
            ):
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    target.write(chunk)
        if digest.hexdigest() != read.digest:
            return None  # saved by someone since the read: the tabs read are kept instead
        os.replace(temporary, path)
        return path.name
    except OSError as error:
        log.debug("%s: kept as JSON instead of a copy: %s", read.path, error)
        return None
    finally:
        temporary.unlink(missing_ok=True)


def load(store: StateStore, name: str) -> Snapshot:
    if name.endswith(".zip"):
        return _load_file(store.snapshots / name)
    with gzip.open(store.snapshots / name, "rb") as file:
        raw: dict[str, Any] = json.loads(file.read().decode("utf-8"))
    return Snapshot(**raw)


def _load_file(path: Path) -> Snapshot:
    """A file snapshot's tabs, read from the file as the pass read them (the same reader,
    so the same text)."""
    from sync.backends.workbook_read import grids_of

    with zipfile.ZipFile(path) as archive:
        head: dict[str, Any] = json.loads(archive.read(_HEAD).decode("utf-8"))
        data = archive.read(_WORKBOOK)
    titles: dict[str, str | None] = head.pop("titles")
    read = grids_of(data, [title for title in titles.values() if title is not None])
    tabs = {key: None if title is None else read.get(title, []) for key, title in titles.items()}
    return Snapshot(**head, tabs=tabs)


def prune(store: StateStore, now: datetime, keep_days: int) -> int:
    """Delete the snapshots of passes started more than `keep_days` ago, and any file
    in the folder the ledger does not name (a process killed while it saved one)
    that is as old."""
    cutoff = now - timedelta(days=keep_days)
    removed = 0
    for record in store.with_snapshots_before(cutoff):
        assert record.snapshot is not None
        (store.snapshots / record.snapshot).unlink(missing_ok=True)
        store.set_snapshot(record.id, None)
        removed += 1
    if store.snapshots.is_dir():
        named = store.snapshot_names()
        for path in store.snapshots.iterdir():
            if path.name not in named and path.stat().st_mtime < cutoff.timestamp():
                path.unlink(missing_ok=True)
                removed += 1
    if removed:
        log.info("deleted %d snapshots older than %d days", removed, keep_days)
    return removed


class RecordingBackend:
    """Wraps the pass's backend: remembers what was read from the coordination
    spreadsheet, lets `before_write` keep it before the first write, and counts
    the HTTP requests a networked backend sends."""

    def __init__(
        self,
        inner: Any,
        coordination: str,
        tabs: Sequence[str],
        before_write: Callable[[Mapping[str, Grid | None], ReadFile | None], None],
    ) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.max_cell_chars: int = inner.max_cell_chars
        self.creates_spreadsheets: bool = inner.creates_spreadsheets
        self.writes_atomically: bool = inner.writes_atomically
        self._coordination = coordination
        self._seen: dict[str, Grid | None] = dict.fromkeys(tabs)
        self._kept = False
        self._before_write = before_write
        #: How the coordination spreadsheet was read: the titles of the one read of its
        #: tabs, which a file snapshot keeps; None after any other read of it.
        self._titles: dict[str, str | None] | None = None
        self._reads = 0
        self.requests = _count_requests(inner)

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> PlanSnapshot:
        grids: PlanSnapshot = self.inner.read(spreadsheet, tabs)
        if spreadsheet == self._coordination:
            self._seen.update({tab: grids.get(tab) for tab in tabs})
            self._reads, self._titles = self._reads + 1, None
        return grids

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> PlanSnapshot:
        grids: PlanSnapshot = self.inner.read_tabs(spreadsheet, tabs)
        if spreadsheet == self._coordination:
            self._seen.update({tab.key: grids.get(tab.key) for tab in tabs})
            self._reads += 1
            self._titles = {tab.key: _title(grids, tab.key) for tab in tabs}
        return grids

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        sheet: SourceSheet | None = self.inner.read_source(spreadsheet, tab)
        return sheet

    def exists(self, spreadsheet: str) -> bool:
        return bool(self.inner.exists(spreadsheet))

    def fingerprint(self, spreadsheet: str) -> str | None:
        """A spreadsheet's fingerprint, so that an unchanged source is not read again,
        and a pass with nothing changed reads nothing (sync/quiet.py). A pass that
        writes has read the coordination spreadsheet in full, for its snapshot."""
        if not isinstance(self.inner, Fingerprints):
            return None
        return self.inner.fingerprint(spreadsheet)

    def last_write(self, spreadsheet: str) -> WrittenFile | None:
        if not isinstance(self.inner, RemembersWrites):
            return None
        return self.inner.last_write(spreadsheet)

    def tab_titles(self, spreadsheet: str) -> list[str]:
        return list(self.inner.tab_titles(spreadsheet))

    def location(self, spreadsheet: str) -> str:
        return str(self.inner.location(spreadsheet))

    def hold(self, spreadsheet: str) -> AbstractContextManager[None]:
        held: AbstractContextManager[None] = self.inner.hold(spreadsheet)
        return held

    def apply(self, plan: SpreadsheetPlan) -> None:
        if not plan.is_empty and not self._kept:
            self._before_write(dict(self._seen), self._read_file())
            # Kept: the write need not hold the read's grids (a GiB at 100,000 rows).
            self._seen, self._kept = {}, True
        self.inner.apply(plan)

    def _read_file(self) -> ReadFile | None:
        """The file every tab kept was read from, when one read of the file gave them all."""
        titles = self._titles
        if self._reads != 1 or titles is None or not isinstance(self.inner, KeepsReadFiles):
            return None
        if any(titles.get(key) is None for key, grid in self._seen.items() if grid is not None):
            return None
        found = self.inner.read_file(self._coordination)
        if found is None:
            return None
        return ReadFile(found[0], found[1], {key: titles.get(key) for key in self._seen})

    @property
    def requests_sent(self) -> int | None:
        return self.requests.count if self.requests else None


def _title(grids: PlanSnapshot, key: str) -> str | None:
    """The title a read found tab `key` by; None when it did not find it (or the read
    did not say)."""
    shape = grids.tabs.get(key)
    if shape is None or grids.get(key) is None:
        return None
    return shape.title or None


class _RequestCounter:
    def __init__(self) -> None:
        self.count = 0


def _count_requests(backend: Any) -> _RequestCounter | None:
    """Count every HTTP request the backend's session sends, retries included."""
    session = getattr(getattr(backend, "http", None), "session", None)
    if session is None or not hasattr(session, "request"):
        return None
    counter = _RequestCounter()
    send = session.request

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter.count += 1
        return send(*args, **kwargs)

    session.request = counted
    return counter


def taken_now(
    pass_id: int, backend: str, spreadsheet: str, tabs: Mapping[str, Grid | None]
) -> Snapshot:
    return Snapshot(pass_id, stamp(datetime.now()), backend, spreadsheet, dict(tabs))
