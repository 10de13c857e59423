"""Writing one plan to a Google coordination spreadsheet, under the pass's lease.

In this order, each request only when the plan needs it:

1. the lease (sync/backends/google_lease.py): a values.append of the claim to
   the memory tab, and one values.batchGet reading it back with the Matches tab
   (so rows are found by match_id where they are now); on a spreadsheet without
   a memory tab, the claim goes in the batch that creates it;
2. one spreadsheets.batchUpdate: new tabs, more rows, furniture to restore, and
   the lease renewed. When its answer is lost, the lease row tells whether it
   landed: it is sent again only if not;
3. one values.batchUpdate: rewritten tabs and refreshed cells (before the
   append: an append inserts rows, which may land above rows we address);
4. one values.append of the new Matches rows, none whose id is there already;
5. after refreshing cells, one values.get of Matches, to put right any cell a
   sort sent to another row (google_repair.py), and again after each repair;
6. one values.batchUpdate of the memory tab, which lets the lease go: last, so
   that the memory never names a row that did not land.

Without an append or refreshed cells, 3 and 6 are one request.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from gspread.exceptions import APIError

from sync.backends.base import BackendError
from sync.backends.google_layout import (
    append_rows,
    furniture_requests,
    growth_requests,
    new_headers,
    new_keyed_rows,
    new_tab_requests,
    quote_title,
    rewrite_ranges,
    update_ranges,
)
from sync.backends.google_lease import LeaseKeeper
from sync.backends.google_repair import MatchRows, match_rows, misplaced
from sync.backends.retry import AmbiguousWrite
from sync.layouts import MEMORY
from sync.plan import CellUpdate, KeyedTab, Rewrite, SpreadsheetPlan

if TYPE_CHECKING:
    from sync.backends.google import GoogleBackend

#: Sends of one batch or append whose answers are lost, before the pass gives up.
_SENDS = 3
#: Reads after a write to Matches that may each find cells a sort misplaced.
_REPAIR_ROUNDS = 4


class PlanWriter:
    def __init__(self, backend: GoogleBackend, key: str, plan: SpreadsheetPlan) -> None:
        self.backend = backend
        self.key = key
        self.plan = plan
        self.created = {tab.key for tab in plan.new_tabs}
        self.lease = LeaseKeeper(backend, key, plan)
        # A plan from a pass always finds or creates the memory tab; one made otherwise
        # (a restore of a spreadsheet that lost it) has nowhere to hold a lease.
        self.leased = MEMORY in plan.basis or MEMORY in self.created

    def write(self) -> None:
        if not self.leased:
            self._write()
            return
        self.lease.refuse_if_in_the_way()
        try:
            self._write()
        except BaseException:
            self.lease.let_go_after_failure()
            raise

    def _write(self) -> None:
        plan, keyed = self.plan, self.plan.keyed_tab
        keyed_exists = keyed is not None and keyed.key not in self.created
        addressed = keyed_exists and bool(plan.appends or plan.updates)
        before: MatchRows | None = None
        if self.leased and MEMORY not in self.created:
            also = [quote_title(keyed.title)] if keyed and addressed else []
            ranges = self.lease.claim(also)
            before = match_rows(ranges[0], keyed) if keyed and addressed else None
        self._structure()
        if keyed and addressed and before is None:
            before = self._read_matches(keyed)
        data: list[dict[str, Any]] = []
        sent: list[CellUpdate] = []
        if keyed and keyed.key in self.created:
            # A brand-new tab: header and rows go in with the other values, no append.
            header = next(t.header for t in plan.new_tabs if t.key == keyed.key)
            limit = self.backend.max_cell_chars
            data.append(new_keyed_rows(keyed.title, header, keyed, plan.appends, limit))
        elif keyed and before is not None:
            sent = [u for u in plan.updates if u.key in before.at]
            columns = before.columns(keyed)
            limit = self.backend.max_cell_chars
            data += update_ranges(keyed.title, sent, columns, before.at, limit)
        appending = bool(keyed_exists and plan.appends)
        others = {k: v for k, v in plan.rewrites.items() if k != MEMORY}
        data = new_headers(plan) + self._rewrites(others) + data
        memory = plan.rewrites.get(MEMORY)
        if not appending and not sent:
            self._values(data + self.lease.final_ranges(memory))
        else:
            self._values(data)
            if appending and keyed and before is not None:
                self._append(keyed, before)
            if sent and keyed and before is not None:
                self._repair(keyed, sent, before)
            self._values(self.lease.final_ranges(memory))
        self.lease.let_go = True

    # --- the requests -----------------------------------------------------------
    def _structure(self) -> None:
        """New tabs, more rows or columns where a rewrite outgrows its grid, the formats
        of rewritten tabs, the furniture to restore, and the lease.

        Tab ids come from the plan; any it does not carry are looked up, once."""
        plan = self.plan
        carried = {t: s.sheet_id for t, s in plan.basis.items() if s.sheet_id is not None}
        looked_up: dict[str, int] = {}

        def sheet_id(tab: str) -> int:
            if tab in carried:
                return carried[tab]
            if not looked_up:
                looked_up.update(self.backend.sheet_ids(self.key))
            return looked_up[plan.title_of(tab)]

        requests: list[dict[str, Any]] = []
        if plan.new_tabs:
            requests += new_tab_requests(plan, carried or self.backend.sheet_ids(self.key))
        requests += growth_requests(plan, self.created, sheet_id)
        requests += furniture_requests(plan, sheet_id)
        if not requests:
            return
        if MEMORY in self.created:
            memory = next(t for t in plan.new_tabs if t.key == MEMORY)
            sheet = _added_id(requests, memory.title)
            requests.append(self.lease.creation_request(sheet, memory.header))
        elif self.leased:
            requests.append(self.lease.renewal_request(sheet_id(MEMORY)))
        self._batch(requests)

    def _batch(self, requests: list[dict[str, Any]]) -> None:
        """One spreadsheets.batchUpdate, sent again only when it did not land."""
        backend, body = self.backend, {"requests": requests}
        for _attempt in range(_SENDS):
            try:
                backend.call(self.key, backend.http.batch_update, self.key, body, raw=True)
                return
            except AmbiguousWrite:
                if self._landed():
                    return
            except APIError as error:
                if error.code == 400 and self.created:
                    raise self.lease.after_conflict(error) from error
                raise backend.explain(error, self.key) from error
        raise BackendError(
            f"{backend.location(self.key)}: could not confirm the new tabs and "
            "rows; the next pass will retry."
        )

    def _landed(self) -> bool:
        """Whether the batch whose answer was lost was applied: the lease row it renewed
        says so; without a lease, the tabs it created (a batch is all or nothing)."""
        if self.leased:
            return self.lease.landed()
        titles = self.backend.sheet_ids(self.key)
        return bool(self.created) and all(t.title in titles for t in self.plan.new_tabs)

    def _values(self, data: list[dict[str, Any]]) -> None:
        if data:
            self.lease.keep()
            body = {"valueInputOption": "RAW", "data": data}
            self.backend.call(self.key, self.backend.http.values_batch_update, self.key, body)

    def _rewrites(self, rewrites: dict[str, Rewrite]) -> list[dict[str, Any]]:
        limit = self.backend.max_cell_chars
        return rewrite_ranges(replace(self.plan, rewrites=rewrites), limit) if rewrites else []

    def _read_matches(self, keyed: KeyedTab) -> MatchRows:
        ranges = self.backend.batch_get_raw(self.key, [quote_title(keyed.title)])
        return match_rows(ranges[0], keyed)

    def _append(self, keyed: KeyedTab, present: MatchRows) -> None:
        """Append new rows, but none whose id is `present` already; after an ambiguous
        failure, look before appending again.

        A tab left empty (a pass that stopped after creating it) gets its header first.
        """
        pending = [row for row in self.plan.appends if str(row[keyed.key_column]) not in present.at]
        header = present.header
        for _attempt in range(_SENDS):
            if not pending:
                return
            labels = header if header is not None else list(keyed.labels.values())
            rows = append_rows(labels, keyed, pending, self.backend.max_cell_chars)
            if header is None:
                rows = [list[str | int | float](labels), *rows]
            params = {"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"}
            self.lease.keep()
            try:
                self.backend.call(
                    self.key,
                    self.backend.http.values_append,
                    self.key,
                    f"{quote_title(keyed.title)}!A1",
                    params,
                    {"values": rows, "majorDimension": "ROWS"},
                )
                return
            except AmbiguousWrite:
                now = self._read_matches(keyed)
                header = now.header
                pending = [row for row in pending if row[keyed.key_column] not in now.at]
        if pending:
            raise BackendError(
                f"{keyed.title}: could not confirm the new rows; the next pass will retry."
            )

    def _repair(self, keyed: KeyedTab, sent: list[CellUpdate], before: MatchRows) -> None:
        """Read Matches again and put right what a sort misdirected, until nothing is."""
        limit = self.backend.max_cell_chars
        for _round in range(_REPAIR_ROUNDS):
            fixes = misplaced(keyed, sent, before, self._read_matches(keyed), limit)
            if not fixes:
                return
            self._values(fixes)
        raise BackendError(
            f"{keyed.title}: rows kept moving while this pass refreshed their cells; "
            "the next pass puts them right."
        )


def _added_id(requests: list[dict[str, Any]], title: str) -> int:
    """The sheetId an addSheet request of `requests` gives the tab titled `title`."""
    for request in requests:
        properties = request.get("addSheet", {}).get("properties", {})
        if properties.get("title") == title:
            return int(properties["sheetId"])
    raise ValueError(f"no addSheet for {title!r}")
