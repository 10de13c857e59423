"""What ops needs between passes: the pass lock, the run ledger, and the loop's schedule.

Everything lives in `state_dir`: `sync.lock` (held while a pass runs),
`runs.sqlite3` (the ledger: one row per pass, the matches ever written, when the
next pass is due) and `snapshots/` (what each writing pass read from the
coordination spreadsheet before it wrote).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sync.errors import BusyError, InputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS passes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT NOT NULL,
    pid INTEGER,
    offers INTEGER, needs INTEGER, new_matches INTEGER, problems INTEGER,
    written INTEGER,
    seconds REAL,
    requests INTEGER,
    error TEXT,
    plan TEXT,
    snapshot TEXT,
    started_by TEXT
);
CREATE TABLE IF NOT EXISTS proposed (
    match_id TEXT PRIMARY KEY,
    offer_id TEXT NOT NULL,
    need_id TEXT NOT NULL,
    pass_id INTEGER
);
CREATE TABLE IF NOT EXISTS loop (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

RUNNING, OK, FAILED, INTERRUPTED = "running", "ok", "failed", "interrupted"


class PassAlreadyRunning(BusyError):
    pass


class OpsError(InputError):
    """A history or restore request that cannot be carried out as asked."""


def stamp(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="seconds")


@dataclass(frozen=True)
class PassRecord:
    id: int
    kind: str
    started_at: str
    finished_at: str | None
    outcome: str
    pid: int | None
    offers: int | None
    needs: int | None
    new_matches: int | None
    problems: int | None
    written: int | None
    seconds: float | None
    requests: int | None
    error: str | None
    plan: str | None
    snapshot: str | None
    #: `mozhem run`, a timer, cron or a person (sync.ops.starter); None before it was kept.
    started_by: str | None = None


_COLUMNS = ", ".join(PassRecord.__dataclass_fields__)


class StateStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @property
    def snapshots(self) -> Path:
        return self.directory / "snapshots"

    @property
    def database(self) -> Path:
        return self.directory / "runs.sqlite3"

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the pass lock; a second pass at the same time is refused, not queued.

        The lock is an OS lock on `sync.lock`: a process that dies, even by SIGKILL,
        lets go of it, so a leftover file never blocks the next pass."""
        from filelock import FileLock, Timeout

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
        connection = sqlite3.connect(self.database, timeout=30)
        connection.executescript(_SCHEMA)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(proposed)")}
        if "pass_id" not in columns:  # a ledger from before passes were numbered
            connection.execute("ALTER TABLE proposed ADD COLUMN pass_id INTEGER")
        columns = {row[1] for row in connection.execute("PRAGMA table_info(passes)")}
        if "started_by" not in columns:  # a ledger from before it was kept
            connection.execute("ALTER TABLE passes ADD COLUMN started_by TEXT")
        return connection

    # The ledger.
    def begin(self, kind: str, started: datetime, started_by: str | None = None) -> int:
        with closing(self._connect()) as db, db:
            cursor = db.execute(
                "INSERT INTO passes (kind, started_at, outcome, pid, started_by)"
                " VALUES (?, ?, ?, ?, ?)",
                (kind, stamp(started), RUNNING, os.getpid(), started_by),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def finish(
        self,
        pass_id: int,
        outcome: str,
        *,
        finished: datetime,
        seconds: float,
        counts: Mapping[str, int | None] | None = None,
        error: str | None = None,
        plan: str | None = None,
    ) -> None:
        counts = counts or {}
        with closing(self._connect()) as db, db:
            db.execute(
                "UPDATE passes SET finished_at = ?, outcome = ?, offers = ?, needs = ?,"
                " new_matches = ?, problems = ?, written = ?, seconds = ?, requests = ?,"
                " error = ?, plan = ? WHERE id = ?",
                (
                    stamp(finished),
                    outcome,
                    counts.get("offers"),
                    counts.get("needs"),
                    counts.get("new"),
                    counts.get("problems"),
                    counts.get("written"),
                    round(seconds, 3),
                    counts.get("requests"),
                    error,
                    plan,
                    pass_id,
                ),
            )

    def set_snapshot(self, pass_id: int, name: str | None) -> None:
        with closing(self._connect()) as db, db:
            db.execute("UPDATE passes SET snapshot = ? WHERE id = ?", (name, pass_id))

    def close_abandoned(self) -> list[PassRecord]:
        """Passes left "running" by a process that died; call it holding the lock."""
        if not self.database.exists():
            return []
        with closing(self._connect()) as db, db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM passes WHERE outcome = ?", (RUNNING,)
            ).fetchall()
            db.execute(
                "UPDATE passes SET outcome = ?, error = ? WHERE outcome = ?",
                (INTERRUPTED, "the process running it stopped before it finished", RUNNING),
            )
        return [PassRecord(*row) for row in rows]

    def get(self, pass_id: int) -> PassRecord | None:
        if not self.database.exists():
            return None
        with closing(self._connect()) as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM passes WHERE id = ?", (pass_id,)).fetchone()
        return PassRecord(*row) if row else None

    def passes(self, since: datetime | None = None, limit: int | None = None) -> list[PassRecord]:
        """Newest first."""
        if not self.database.exists():
            return []
        query = f"SELECT {_COLUMNS} FROM passes"
        params: list[object] = []
        if since is not None:
            query += " WHERE started_at >= ?"
            params.append(stamp(since))
        query += " ORDER BY id DESC"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        with closing(self._connect()) as db:
            rows = db.execute(query, params).fetchall()
        return [PassRecord(*row) for row in rows]

    def last(
        self, *, kind: str = "sync", outcomes: tuple[str, ...] = (OK,), wrote: bool = False
    ) -> PassRecord | None:
        """The newest pass of `kind` that ended in one of `outcomes`."""
        if not self.database.exists():
            return None
        marks = ", ".join("?" * len(outcomes))
        query = f"SELECT {_COLUMNS} FROM passes WHERE kind = ? AND outcome IN ({marks})"
        if wrote:
            query += " AND written > 0"
        with closing(self._connect()) as db:
            row = db.execute(query + " ORDER BY id DESC LIMIT 1", (kind, *outcomes)).fetchone()
        return PassRecord(*row) if row else None

    def failures_since(self, pass_id: int, kind: str = "sync") -> list[PassRecord]:
        """The passes of `kind` after `pass_id` that did not end well, oldest first."""
        with closing(self._connect()) as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM passes WHERE kind = ? AND id > ? AND outcome IN (?, ?)"
                " ORDER BY id",
                (kind, pass_id, FAILED, INTERRUPTED),
            ).fetchall()
        return [PassRecord(*row) for row in rows]

    def with_snapshots_before(self, moment: datetime) -> list[PassRecord]:
        if not self.database.exists():
            return []
        with closing(self._connect()) as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM passes WHERE snapshot IS NOT NULL AND started_at < ?",
                (stamp(moment),),
            ).fetchall()
        return [PassRecord(*row) for row in rows]

    def snapshot_names(self) -> set[str]:
        if not self.database.exists():
            return set()
        with closing(self._connect()) as db:
            rows = db.execute("SELECT snapshot FROM passes WHERE snapshot IS NOT NULL").fetchall()
        return {name for (name,) in rows}

    # The matches ever written.
    def remember_matches(
        self, pairs: Iterable[tuple[str, str, str]], pass_id: int | None = None
    ) -> None:
        """Every (match_id, offer_id, need_id) that has been on the Matches tab,
        with the pass that first wrote it."""
        with closing(self._connect()) as db, db:
            db.executemany(
                "INSERT OR IGNORE INTO proposed VALUES (?, ?, ?, ?)",
                ((*pair, pass_id) for pair in pairs),
            )

    def forget_matches_since(self, pass_id: int) -> int:
        """After a restore: the matches first written by that pass or later were undone."""
        with closing(self._connect()) as db, db:
            return db.execute("DELETE FROM proposed WHERE pass_id >= ?", (pass_id,)).rowcount

    def remembered_matches(self) -> dict[str, tuple[str, str]]:
        if not self.database.exists():
            return {}
        with closing(self._connect()) as db:
            rows = db.execute("SELECT match_id, offer_id, need_id FROM proposed").fetchall()
        return {match_id: (offer_id, need_id) for match_id, offer_id, need_id in rows}

    # What `mozhem run` tells `mozhem status`.
    def set_loop(self, **values: str | None) -> None:
        with closing(self._connect()) as db, db:
            db.executemany(
                "INSERT INTO loop (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                values.items(),
            )

    def loop(self) -> dict[str, str | None]:
        if not self.database.exists():
            return {}
        with closing(self._connect()) as db:
            return dict(db.execute("SELECT key, value FROM loop").fetchall())
