"""The requests of a pass's lease on a Google coordination spreadsheet (sync/lease.py).

- Taken before the first write: by appending a claim to the memory tab and
  reading the tab back; on a spreadsheet that has no memory tab yet, by the
  batchUpdate that creates it, which writes the claim into it (a batch is all or
  nothing, and only one can create the tab).
- Renewed in every spreadsheets.batchUpdate (an updateCells of the holder's row
  with a new mark: reading the row tells whether a batch whose answer was lost
  landed), and before any other write when less than half of it is left.
- Let go in the pass's last write, which rewrites the memory tab with the
  holder's row ended; after a failure, by ending that row alone.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import socket
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from gspread.exceptions import APIError

from matcher.messages import render
from matcher.params import Language
from matcher.vocabulary_files import ProblemCode
from sync.backends.base import BackendError
from sync.backends.google_layout import quote_title, rewrite_ranges
from sync.backends.retry import AmbiguousWrite
from sync.cells import Value
from sync.errors import MozhemError
from sync.layouts import MEMORY, MEMORY_COLUMNS
from sync.lease import (
    LEASE_TIME,
    RENEW_WHEN_LEFT,
    Lease,
    Refusal,
    after_claim,
    in_the_way,
    lease_from,
    stamp,
)
from sync.memory import without_leases
from sync.plan import Grid, Rewrite, SpreadsheetPlan
from sync.state import PassAlreadyRunning

if TYPE_CHECKING:
    from sync.backends.google import GoogleBackend

log = logging.getLogger(__name__)
_ROW = re.compile(r"![A-Z]+(\d+)")
#: Claims sent before giving up, when their answers keep getting lost.
_CLAIMS = 3


class LeaseHeld(PassAlreadyRunning):
    """Another pass holds the lease, or wrote after this pass read: exit 3."""


class LeaseRanOut(BackendError):
    """This pass outlived its lease: it stops writing."""


def this_holder() -> str:
    """Who a lease names: the machine and process (to find them), and a token of the pass."""
    return f"{socket.gethostname()} pid {os.getpid()} #{secrets.token_hex(3)}"


class LeaseKeeper:
    def __init__(self, backend: GoogleBackend, key: str, plan: SpreadsheetPlan) -> None:
        self.backend = backend
        self.key = key
        self.plan = plan
        self.holder: str = backend.holder or this_holder()
        self.clock: Callable[[], datetime] = backend.clock
        self.language: Language = backend.language
        self.title = plan.title_of(MEMORY)
        #: Our lease row (1-based) and what it says, once claimed.
        self.row: int | None = None
        self.lease: Lease | None = None
        #: The memory tab as the claim's read found it, lease rows included.
        self.memory_read: Grid | None = None
        self.marks = 0
        self.let_go = False

    # --- taking it ------------------------------------------------------------
    def refuse_if_in_the_way(self) -> None:
        refusal = in_the_way(self.plan.leases, self.clock())
        if refusal:
            raise self._refused(refusal)

    def claim(self, also: list[str]) -> list[dict[str, Any]]:
        """Append our claim and read the memory tab back, with the ranges `also` in the
        same request (UNFORMATTED); their value ranges. Raises LeaseHeld when the claim
        does not hold."""
        self.lease = self._fresh(self.clock())
        for _attempt in range(_CLAIMS):
            try:
                answer = self.backend.call(
                    self.key,
                    self.backend.http.values_append,
                    self.key,
                    f"{quote_title(self.title)}!A1",
                    {"valueInputOption": "RAW", "insertDataOption": "OVERWRITE"},
                    {"values": [self.lease.row()], "majorDimension": "ROWS"},
                )
                self.row = _row_of(answer.get("updates", {}).get("updatedRange", ""))
            except AmbiguousWrite:
                pass  # the read below tells whether it landed
            ranges = self.backend.batch_get_raw(self.key, [quote_title(self.title), *also])
            self.memory_read = [[str(c) for c in row] for row in ranges[0].get("values", [])]
            found = self._found()
            if any(lease.holder == self.holder for _, lease in found):
                self.row = next(n for n, lease in found if lease.holder == self.holder)
                refusal = after_claim(
                    self.plan.leases, [lease for _, lease in found], self.holder, self.clock()
                )
                if refusal:
                    raise self._refused(refusal)
                return ranges[1:]
            if self.row is not None:  # it landed, and was written over: someone wrote
                raise self._refused(self._newcomer(found))
        raise BackendError(
            f"{self.title}: could not confirm this pass's lease; the next pass will retry."
        )

    def creation_request(self, sheet_id: int, header: tuple[str, ...]) -> dict[str, Any]:
        """For the batch that creates the memory tab: its header and our claim, so that
        whoever creates the tab holds the lease."""
        self.lease = self._fresh(self.clock())
        self.row = 2
        self.memory_read = [list(header), self.lease.row()]
        return _update_cells(sheet_id, 0, self.memory_read)

    def renewal_request(self, sheet_id: int) -> dict[str, Any]:
        """For a spreadsheets.batchUpdate: our row, renewed and newly marked."""
        assert self.row is not None
        self.lease = self._fresh(self.clock())
        return _update_cells(sheet_id, self.row - 1, [self.lease.row()])

    def landed(self) -> bool:
        """Whether the last batch carrying our row's newest mark was applied."""
        return self._read_memory() and any(lease == self.lease for _, lease in self._found())

    def after_conflict(self, error: APIError) -> MozhemError:
        """A batch creating tabs was refused (400): another pass created them first?"""
        if not self._read_memory():
            return self.backend.explain(error, self.key)
        now = self.clock()
        for _, lease in self._found():
            if lease.holder != self.holder and (lease.live(now) or lease not in self.plan.leases):
                self.row = None  # not ours to let go
                return self._refused(Refusal(lease, held=lease.live(now)))
        return self.backend.explain(error, self.key)

    # --- keeping it -----------------------------------------------------------
    def keep(self) -> None:
        """Before a write: stop when the lease ran out, renew it when it runs low."""
        if self.lease is None:
            return
        now, ends = self.clock(), self.lease.ends
        if ends is None or now >= ends:
            message = render(ProblemCode.LEASE_RAN_OUT, {"until": self.lease.until}, self.language)
            raise LeaseRanOut(f"{self.backend.location(self.key)}: {message}")
        if ends - now < RENEW_WHEN_LEFT:
            self.lease = self._fresh(now)
            self._write_row(self.lease)

    # --- letting go -----------------------------------------------------------
    def final_ranges(self, rewrite: Rewrite | None) -> list[dict[str, Any]]:
        """The memory tab as the pass leaves it: its rows (the plan's, else as the claim
        read them), then our lease, ended; over every row the tab had."""
        if self.lease is None:
            return [] if rewrite is None else self._ranges(rewrite.cells, 0)
        read: list[list[Value]] = [list(row) for row in self.memory_read or []]
        rows = without_leases(rewrite.cells if rewrite else read)
        ended = replace(self.lease, until=stamp(self.clock()), mark="")
        reach = max(len(self.memory_read or []), self.row or 0)
        return self._ranges([*rows, ended.row()], reach)

    def let_go_after_failure(self) -> None:
        """A pass that failed after claiming ends its lease row, wherever it is now."""
        if self.lease is None or self.let_go:
            return
        self.let_go = True
        try:
            now = self.clock()
            if self._read_memory():
                for number, lease in self._found():
                    if lease.holder == self.holder and lease.live(now):
                        self.row = number
                        self._write_row(replace(self.lease, until=stamp(now), mark=""))
        except Exception as error:  # the lease then ends by itself
            log.debug("the lease could not be let go: %s", type(error).__name__)

    # --- helpers ----------------------------------------------------------------
    def _fresh(self, now: datetime) -> Lease:
        self.marks += 1
        return Lease(self.holder, stamp(now + LEASE_TIME), f"m{self.marks}")

    def _read_memory(self) -> bool:
        """Read the memory tab into `memory_read`; False when there is none."""
        try:
            ranges = self.backend.batch_get_raw(self.key, [quote_title(self.title)], raw=True)
        except APIError as error:
            if error.code == 400:
                return False
            raise
        self.memory_read = [[str(c) for c in row] for row in ranges[0].get("values", [])]
        return True

    def _newcomer(self, found: list[tuple[int, Lease]]) -> Refusal:
        """Who wrote the memory tab over our claim: a lease this pass's read did not see."""
        now = self.clock()
        new = [lease for _, lease in found if lease not in self.plan.leases]
        lease = new[0] if new else Lease("?", "")
        return Refusal(lease, held=lease.live(now))

    def _found(self) -> list[tuple[int, Lease]]:
        found = []
        for number, cells in enumerate(self.memory_read or [], start=1):
            lease = lease_from(cells) if number > 1 else None
            if lease is not None:
                found.append((number, lease))
        return found

    def _write_row(self, lease: Lease) -> None:
        assert self.row is not None
        body = {
            "valueInputOption": "RAW",
            "data": [{"range": f"{quote_title(self.title)}!A{self.row}", "values": [lease.row()]}],
        }
        self.backend.call(self.key, self.backend.http.values_batch_update, self.key, body)

    def _ranges(self, cells: list[list[Any]], reach: int) -> list[dict[str, Any]]:
        shape = self.plan.basis.get(MEMORY)
        plan = self.plan
        if shape is not None:
            grown = replace(shape, rows=max(shape.rows, reach), columns=max(shape.columns, 6))
            plan = replace(plan, basis={**plan.basis, MEMORY: grown})
        memory = Rewrite(cells, MEMORY_COLUMNS)
        return rewrite_ranges(replace(plan, rewrites={MEMORY: memory}), self.backend.max_cell_chars)

    def _refused(self, refusal: Refusal) -> LeaseHeld:
        lease = refusal.lease
        code = ProblemCode.LEASE_HELD if refusal.held else ProblemCode.LEASE_TAKEN_MEANWHILE
        holder = lease.holder.split(" #")[0]
        message = render(code, {"holder": holder, "until": lease.until}, self.language)
        return LeaseHeld(f"{self.backend.location(self.key)}: {message}")


def _update_cells(sheet_id: int, first_row: int, rows: list[list[str]]) -> dict[str, Any]:
    cells = [{"values": [{"userEnteredValue": {"stringValue": v}} for v in row]} for row in rows]
    start = {"sheetId": sheet_id, "rowIndex": first_row, "columnIndex": 0}
    return {"updateCells": {"start": start, "rows": cells, "fields": "userEnteredValue"}}


def _row_of(updated_range: str) -> int | None:
    found = _ROW.search(updated_range)
    return int(found.group(1)) if found else None
