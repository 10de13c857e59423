"""Google Sheets through gspread's HTTP client, batched, RAW, with bounded retries.

A pass reads each source tab with one spreadsheets.get, which brings the
spreadsheet's locale and time zone with the cells (google_cells), and the
coordination spreadsheet with one values.batchGet. Writing the coordination
spreadsheet takes at most, in this order: one spreadsheets.batchUpdate (new
tabs, or more rows for a growing tab), one values.get of Matches right before
writing (so rows are found by match_id where they are now), one
values.batchUpdate (rewritten tabs and refreshed cells), and one values.append
(new matches). A plan with nothing in it sends nothing.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gspread
from gspread.exceptions import APIError
from gspread.utils import extract_id_from_url

from sync.backends.base import (
    BackendError,
    SourceSheet,
    SpreadsheetNotFound,
    SpreadsheetUnreadable,
)
from sync.backends.google_cells import SOURCE_FIELDS, source_sheet
from sync.backends.google_layout import (
    append_rows,
    growth_requests,
    new_keyed_rows,
    new_tab_requests,
    quote_title,
    rewrite_ranges,
    update_ranges,
)
from sync.backends.retry import (
    AmbiguousWrite,
    BoundedRetryHTTPClient,
    RetryBudgetExhausted,
    RetryPolicy,
)
from sync.errors import EXIT_FIX_INPUT, os_reason
from sync.plan import Grid, KeyedTab, Snapshot, SpreadsheetPlan, TabShape, locate_columns

if TYPE_CHECKING:
    from sync.config import Config

SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
#: Google refuses a cell longer than this.
GOOGLE_CELL_LIMIT = 50_000
_CLIPPED_RANGE = re.compile(r"!([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def spreadsheet_key(value: str) -> str:
    """Accept a spreadsheet's key or its URL."""
    return extract_id_from_url(value) if "/" in value else value.strip()


class GoogleBackend:
    """Keeps no state between calls: a plan carries what it was computed from."""

    name = "google"
    max_cell_chars = GOOGLE_CELL_LIMIT
    # A person creates and shares the spreadsheet; the pass only adds tabs.
    creates_spreadsheets = False

    def __init__(self, client: gspread.Client) -> None:
        self.http = client.http_client

    def location(self, spreadsheet: str) -> str:
        return f"https://docs.google.com/spreadsheets/d/{spreadsheet_key(spreadsheet)}"

    def exists(self, spreadsheet: str) -> bool:
        key = spreadsheet_key(spreadsheet)
        try:
            self.http.spreadsheets_get(key, {"fields": "spreadsheetId"})
        except APIError as error:
            if error.code == 404:
                return False
            if error.code == 403:
                return True  # it is there; reading it says how to get access
            raise _explain(error, key) from error
        return True

    def tab_titles(self, spreadsheet: str) -> list[str]:
        return list(self._tab_shapes(spreadsheet_key(spreadsheet)))

    def _tab_shapes(self, key: str) -> dict[str, TabShape]:
        """Every tab's grid and id (values not read), with one spreadsheets.get."""
        meta = self._call(key, self.http.spreadsheets_get, key, {"fields": "sheets.properties"})
        shapes = {}
        for sheet in meta.get("sheets", []):
            properties = sheet["properties"]
            grid = properties.get("gridProperties", {})
            shapes[properties["title"]] = TabShape(
                grid_rows=grid.get("rowCount", 0),
                grid_columns=grid.get("columnCount", 0),
                sheet_id=properties["sheetId"],
            )
        return shapes

    def _sheet_ids(self, key: str) -> dict[str, int]:
        shapes = self._tab_shapes(key).items()
        return {title: shape.sheet_id for title, shape in shapes if shape.sheet_id is not None}

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        key = spreadsheet_key(spreadsheet)
        try:
            return self._batch_get(key, list(tabs), {})
        except APIError as error:
            if error.code != 400:
                raise
        # A tab is missing: learn which tabs there are (and their ids), read those.
        shapes = self._tab_shapes(key)
        found = self._batch_get(key, [t for t in tabs if t in shapes], shapes)
        return Snapshot({tab: found.get(tab) for tab in tabs}, found.tabs)

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        key = spreadsheet_key(spreadsheet)
        params = {"ranges": quote_title(tab), "fields": SOURCE_FIELDS}
        try:
            answer = self._call(key, self.http.spreadsheets_get, key, params, raw=True)
        except APIError as error:  # 400: the range names no tab
            if tab in self._sheet_ids(key):
                raise _explain(error, key) from error
            return None
        return source_sheet(answer)

    def _batch_get(self, key: str, tabs: list[str], known: dict[str, TabShape]) -> Snapshot:
        grids: dict[str, Grid | None] = {}
        shapes = dict(known)
        if tabs:
            params = {"valueRenderOption": "FORMATTED_VALUE", "majorDimension": "ROWS"}
            answer = self._call(
                key,
                self.http.values_batch_get,
                key,
                [quote_title(t) for t in tabs],
                params,
                raw=True,
            )
            for tab, value_range in zip(tabs, answer.get("valueRanges", []), strict=True):
                grid = [[str(cell) for cell in row] for row in value_range.get("values", [])]
                shape = known.get(tab) or _grid_shape(value_range.get("range", ""))
                shapes[tab] = shape.holding(grid)
                grids[tab] = grid
        return Snapshot(grids, shapes)

    def apply(self, plan: SpreadsheetPlan) -> None:
        if plan.is_empty:
            return
        key = spreadsheet_key(plan.spreadsheet)
        created = {tab.title for tab in plan.new_tabs}
        keyed = plan.keyed_tab
        self._structure(key, plan, created)
        data: list[dict[str, Any]] = []
        fresh_header: list[str] | None = None
        if keyed and keyed.title in created:
            # A brand-new tab: header and rows go in with the other values, no append.
            header = next(t.header for t in plan.new_tabs if t.title == keyed.title)
            data.append(new_keyed_rows(keyed.title, header, keyed, plan.appends, GOOGLE_CELL_LIMIT))
        elif keyed and (plan.appends or plan.updates):
            # Rows are found where they are now, right before writing. The updates go
            # out before the append: an append inserts rows, which may land above
            # rows we address (Google's "table" ends at the first blank row).
            fresh_header, rows_by_key = self._fresh_keys(key, keyed)
            columns = locate_columns(fresh_header or [], keyed.spellings)
            data += update_ranges(
                keyed.title, plan.updates, columns, rows_by_key, GOOGLE_CELL_LIMIT
            )
        data = rewrite_ranges(plan, GOOGLE_CELL_LIMIT) + data
        if data:
            body = {"valueInputOption": "RAW", "data": data}
            self._call(key, self.http.values_batch_update, key, body)
        if keyed and keyed.title not in created and plan.appends:
            self._append(key, fresh_header, plan)

    def _structure(self, key: str, plan: SpreadsheetPlan, created: set[str]) -> None:
        """New tabs, and more rows or columns where a rewrite outgrows its grid.

        Tab ids come from the plan; any it does not carry are looked up, once."""
        carried = {t: s.sheet_id for t, s in plan.basis.items() if s.sheet_id is not None}
        looked_up = cache(lambda: self._sheet_ids(key))

        def sheet_id(title: str) -> int:
            return carried[title] if title in carried else looked_up()[title]

        requests: list[dict[str, Any]] = []
        if plan.new_tabs:
            taken = carried or looked_up()
            requests += new_tab_requests(plan, taken, self._new_sheet_id)
        requests += growth_requests(plan, created, sheet_id)
        if requests:
            self._call(key, self.http.batch_update, key, {"requests": requests})

    def _fresh_keys(self, key: str, keyed: KeyedTab) -> tuple[list[str] | None, dict[str, int]]:
        """Header (None for an empty tab) and match_id -> sheet row, read right before writing."""
        answer = self._call(key, self.http.values_get, key, quote_title(keyed.title))
        rows = [[str(c) for c in row] for row in answer.get("values", [])]
        if not rows:
            return None, {}
        at = locate_columns(rows[0], keyed.spellings).get(keyed.key_column, 0)
        found = {row[at]: n for n, row in enumerate(rows[1:], start=2) if len(row) > at and row[at]}
        return rows[0], found

    def _append(self, key: str, header: list[str] | None, plan: SpreadsheetPlan) -> None:
        """Append new rows; after an ambiguous failure, look before appending again.

        A tab left empty (a pass that stopped after creating it) gets its header first.
        """
        keyed = plan.keyed_tab
        assert keyed is not None
        pending = list(plan.appends)
        for _attempt in range(3):
            labels = header if header is not None else list(keyed.labels.values())
            rows = append_rows(labels, keyed, pending, GOOGLE_CELL_LIMIT)
            if header is None:
                rows = [labels, *rows]
            params = {"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"}
            try:
                self._call(
                    key,
                    self.http.values_append,
                    key,
                    f"{quote_title(keyed.title)}!A1",
                    params,
                    {"values": rows, "majorDimension": "ROWS"},
                )
                return
            except AmbiguousWrite:
                header, present = self._fresh_keys(key, keyed)
                pending = [row for row in pending if row[keyed.key_column] not in present]
                if not pending:
                    return
        raise BackendError(
            f"{keyed.title}: could not confirm the new rows; the next pass will retry."
        )

    @staticmethod
    def _new_sheet_id(title: str, taken: set[int]) -> int:
        candidate = zlib.crc32(title.encode("utf-8")) % 2_000_000_000 + 1
        while candidate in taken:
            candidate += 1
        return candidate

    def _call(self, key: str, method: Any, *args: Any, raw: bool = False) -> Any:
        try:
            return method(*args)
        except APIError as error:
            if raw and error.code == 400:
                raise
            raise _explain(error, key) from error
        except RetryBudgetExhausted as error:
            raise RetryBudgetExhausted(f"{self.location(key)}: {error}") from error


def _grid_shape(clipped: str) -> TabShape:
    """A tab's grid, from the range Google clips a whole-tab read to ('T'!A1:Z1000)."""
    found = _CLIPPED_RANGE.search(clipped)
    if not found:
        return TabShape()
    columns = gspread.utils.a1_to_rowcol(f"{found.group(3)}1")[1]
    return TabShape(grid_rows=int(found.group(4)), grid_columns=columns)


def _explain(error: APIError, key: str) -> BackendError:
    where = f"https://docs.google.com/spreadsheets/d/{key}"
    message = error.error.get("message", str(error))
    if error.code == 404:
        return SpreadsheetNotFound(f"{where}: not found. Check the key or URL in config.yaml.")
    if error.code == 403:
        return SpreadsheetUnreadable(
            f"{where}: no access ({message}). Share the spreadsheet with the service "
            "account's e-mail (client_email in the key file) as an editor."
        )
    return BackendError(f"{where}: Google Sheets answered {error.code}: {message}")


class CredentialsError(BackendError):
    """The service-account key is missing, unreadable or not a key: fix the file or config."""

    exit_code = EXIT_FIX_INPUT


#: Where a person gets a key; said whenever the key file is not one.
GET_A_KEY = (
    "Download a JSON key for the service account (IAM & Admin > Service accounts > Keys "
    "> Add key) and point google.credentials_file at it."
)


def credentials_path(config: Config) -> Path:
    configured = config.google.credentials_file
    if configured is not None and _present(config.resolve(configured)):
        return config.resolve(configured)
    from_env = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS", "")
    if from_env and _present(Path(from_env)):
        return Path(from_env)
    tried = [f"{config.resolve(configured)}"] if configured is not None else []
    tried += [from_env] if from_env else []
    looked = f" at {' or '.join(tried)}" if tried else ""
    raise CredentialsError(
        f"No service-account key found{looked}: set google.credentials_file in config.yaml "
        "or GOOGLE_APPLICATION_CREDENTIALS. See 'Use with Google Sheets' in README.md."
    )


def _present(path: Path) -> bool:
    """A file is there, or something we may not look at (reading it says which)."""
    try:
        return path.is_file()
    except OSError:
        return True


def key_info(path: Path) -> dict[str, Any]:
    """The key file's JSON object. Its contents are never echoed: they are a secret."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CredentialsError(
            f"{path}: {os_reason(error)}: the service-account key cannot be read. Give the "
            "user who runs mozhem permission to read it (and nobody else), then run again."
        ) from error
    try:
        info = json.loads(data)
    except ValueError:
        raise CredentialsError(
            f"{path}: not JSON, so not a service-account key. {GET_A_KEY}"
        ) from None
    if isinstance(info, list):
        raise CredentialsError(
            f"{path}: a JSON list, not a service-account key (one JSON object with "
            f'"type": "service_account"). {GET_A_KEY}'
        )
    if not isinstance(info, dict):
        raise CredentialsError(f"{path}: not a service-account key. {GET_A_KEY}")
    if "installed" in info or "web" in info:
        raise CredentialsError(
            f"{path}: an OAuth client file, not a service-account key. {GET_A_KEY}"
        )
    if info.get("type", "service_account") != "service_account":
        raise CredentialsError(
            f"{path}: a key of type '{info['type']}', not a service-account key. {GET_A_KEY}"
        )
    return info


def open_google_backend(config: Config) -> GoogleBackend:
    from google.oauth2.service_account import Credentials

    path = credentials_path(config)
    info = key_info(path)
    try:
        credentials = Credentials.from_service_account_info(info, scopes=list(SCOPES))
    except (ValueError, KeyError) as error:
        # The key's contents are never echoed: they are a secret.
        raise CredentialsError(
            f"{path}: not a usable service-account key ({type(error).__name__}). {GET_A_KEY}"
        ) from None
    return GoogleBackend(
        connect(credentials, config.google.timeout_seconds, config.google.retry_budget_seconds)
    )


def connect(credentials: Any, timeout: float, budget: float) -> gspread.Client:
    client = gspread.Client(auth=credentials, http_client=BoundedRetryHTTPClient)
    client.set_timeout(timeout)
    assert isinstance(client.http_client, BoundedRetryHTTPClient)
    client.http_client.retry = RetryPolicy(budget_seconds=budget)
    return client
