"""Google Sheets through gspread's HTTP client, batched, RAW, with bounded retries.

A pass reads each source tab with one spreadsheets.get, which brings the
spreadsheet's locale and time zone with the cells (google_cells), and the
coordination spreadsheet with one values.batchGet. Writing it, under the
pass's lease, is google_write.py's. A plan with nothing in it sends nothing.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gspread
from gspread.exceptions import APIError
from gspread.utils import extract_id_from_url

from matcher.params import Language
from sync.backends.base import (
    BackendError,
    SourceSheet,
    SpreadsheetNotFound,
    SpreadsheetUnreadable,
)
from sync.backends.google_cells import SOURCE_FIELDS, source_sheet
from sync.backends.google_layout import (
    quote_title,
)
from sync.backends.google_tabs import (
    TABS_FIELDS,
    VALIDATION_FIELDS,
    dropdown_probes,
    dropdowns_found,
    find_tabs,
)
from sync.backends.google_write import PlanWriter
from sync.backends.retry import (
    BoundedRetryHTTPClient,
    RetryBudgetExhausted,
    RetryPolicy,
)
from sync.errors import EXIT_FIX_INPUT, os_reason
from sync.plan import (
    Grid,
    Snapshot,
    SpreadsheetPlan,
    TabIdentity,
    TabShape,
)

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
    # The memory is written after the append (see apply): what it remembers landed.
    writes_atomically = True

    def __init__(
        self,
        client: gspread.Client,
        *,
        language: Language = "ru",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        holder: str | None = None,
    ) -> None:
        self.http = client.http_client
        #: For the lease (sync/lease.py): the coordinators' language of its messages,
        #: the clock it runs on, and who it names (by default this host and process).
        self.language = language
        self.clock = clock
        self.holder = holder

    @staticmethod
    def explain(error: APIError, key: str) -> BackendError:
        return _explain(error, key)

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
        meta = self.call(key, self.http.spreadsheets_get, key, {"fields": "sheets.properties"})
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

    def sheet_ids(self, key: str) -> dict[str, int]:
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

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
        """One spreadsheets.get finds the tabs (by sheetId, else title) and their frozen
        rows and highlights; one values.batchGet reads them; one more spreadsheets.get
        looks at the first and last cell of each dropdown column."""
        key = spreadsheet_key(spreadsheet)
        meta = self.call(key, self.http.spreadsheets_get, key, {"fields": TABS_FIELDS})
        found = find_tabs(meta, tabs)
        titles = [tab.shape.title for tab in found]
        read = self._batch_get(key, titles, {tab.shape.title: tab.shape for tab in found})
        grids: dict[str, Grid | None] = dict.fromkeys((tab.key for tab in tabs), None)
        shapes: dict[str, TabShape] = {}
        for tab in found:
            grids[tab.identity.key] = read[tab.shape.title]
            shapes[tab.identity.key] = read.tabs[tab.shape.title]
        probes = {
            tab.identity.key: dropdown_probes(tab, read[tab.shape.title] or []) for tab in found
        }
        ranges = [cell for probe in probes.values() for _, *cells in probe for cell in cells]
        if ranges:
            params = {"ranges": ranges, "fields": VALIDATION_FIELDS}
            answer = dropdowns_found(self.call(key, self.http.spreadsheets_get, key, params))
            for tab_key, probe in probes.items():
                shape = shapes[tab_key]
                seen = iter(answer.get(shape.sheet_id or 0, []))
                whole = {c for c, *_ in probe if next(seen, False) and next(seen, False)}
                shapes[tab_key] = replace(shape, dropdowns=frozenset(whole))
        return Snapshot(grids, shapes)

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        key = spreadsheet_key(spreadsheet)
        params = {"ranges": quote_title(tab), "fields": SOURCE_FIELDS}
        try:
            answer = self.call(key, self.http.spreadsheets_get, key, params, raw=True)
        except APIError as error:  # 400: the range names no tab
            if tab in self.sheet_ids(key):
                raise _explain(error, key) from error
            return None
        return source_sheet(answer)

    def _batch_get(self, key: str, tabs: list[str], known: dict[str, TabShape]) -> Snapshot:
        grids: dict[str, Grid | None] = {}
        shapes = dict(known)
        if tabs:
            params = {"valueRenderOption": "FORMATTED_VALUE", "majorDimension": "ROWS"}
            answer = self.call(
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

    def hold(self, spreadsheet: str) -> AbstractContextManager[None]:
        """Nothing to hold before the read: apply() takes the lease in the memory tab
        before its first write, and refuses when another pass holds it or wrote
        since this one read (sync/lease.py)."""
        return nullcontext()

    def apply(self, plan: SpreadsheetPlan) -> None:
        if not plan.is_empty:
            PlanWriter(self, spreadsheet_key(plan.spreadsheet), plan).write()

    def batch_get_raw(self, key: str, ranges: list[str], raw: bool = False) -> list[Any]:
        """The value ranges of one values.batchGet, cells as Google keeps them
        (UNFORMATTED_VALUE: text as text, numbers and dates as numbers)."""
        params = {"valueRenderOption": "UNFORMATTED_VALUE", "majorDimension": "ROWS"}
        answer = self.call(key, self.http.values_batch_get, key, ranges, params, raw=raw)
        return list(answer.get("valueRanges", []))

    def call(self, key: str, method: Any, *args: Any, raw: bool = False) -> Any:
        try:
            return method(*args)
        except APIError as error:
            if raw and error.code == 400:
                raise
            raise self.explain(error, key) from error
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
        connect(credentials, config.google.timeout_seconds, config.google.retry_budget_seconds),
        language=config.coordination.language,
    )


def connect(credentials: Any, timeout: float, budget: float) -> gspread.Client:
    client = gspread.Client(auth=credentials, http_client=BoundedRetryHTTPClient)
    client.set_timeout(timeout)
    assert isinstance(client.http_client, BoundedRetryHTTPClient)
    client.http_client.retry = RetryPolicy(budget_seconds=budget)
    return client
