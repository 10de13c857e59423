"""What ops needs between passes: a lock so passes never overlap, and a run log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from sync.errors import BusyError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    offers INTEGER, needs INTEGER, new_matches INTEGER, problems INTEGER,
    message TEXT
);
CREATE TABLE IF NOT EXISTS proposed (
    match_id TEXT PRIMARY KEY,
    offer_id TEXT NOT NULL,
    need_id TEXT NOT NULL
);
"""


class PassAlreadyRunning(BusyError):
    pass


@dataclass(frozen=True)
class RunRecord:
    started_at: str
    finished_at: str
    outcome: str
    offers: int | None
    needs: int | None
    new_matches: int | None
    problems: int | None
    message: str


class StateStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the pass lock; a second pass at the same time is refused, not queued."""
        self.directory.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.directory / "sync.lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise PassAlreadyRunning(
                f"another pass holds {lock.lock_file}; wait for it to finish"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _connect(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.directory / "runs.sqlite3")
        connection.executescript(_SCHEMA)
        return connection

    def record(self, started: datetime, outcome: str, counts: dict[str, int], message: str) -> None:
        with closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO runs (started_at, finished_at, outcome, offers, needs, new_matches,"
                " problems, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    started.isoformat(timespec="seconds"),
                    datetime.now().isoformat(timespec="seconds"),
                    outcome,
                    counts.get("offers"),
                    counts.get("needs"),
                    counts.get("new_matches"),
                    counts.get("problems"),
                    message,
                ),
            )

    def remember_matches(self, pairs: Iterable[tuple[str, str, str]]) -> None:
        """Every (match_id, offer_id, need_id) that has been on the Matches tab."""
        with closing(self._connect()) as db, db:
            db.executemany("INSERT OR IGNORE INTO proposed VALUES (?, ?, ?)", pairs)

    def remembered_matches(self) -> dict[str, tuple[str, str]]:
        if not (self.directory / "runs.sqlite3").exists():
            return {}
        with closing(self._connect()) as db:
            rows = db.execute("SELECT match_id, offer_id, need_id FROM proposed").fetchall()
        return {match_id: (offer_id, need_id) for match_id, offer_id, need_id in rows}

    def recent(self, limit: int = 10) -> list[RunRecord]:
        if not (self.directory / "runs.sqlite3").exists():
            return []
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT started_at, finished_at, outcome, offers, needs, new_matches, problems,"
                " message FROM runs ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [RunRecord(*row) for row in rows]
