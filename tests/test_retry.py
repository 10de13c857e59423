"""The bounded retry every Google request goes through, against the Sheets emulator."""

from __future__ import annotations

import random
from typing import Any

import gspread
import pytest
import requests
from gspread.exceptions import APIError
from requests.adapters import BaseAdapter

from sync.backends.base import BackendError
from sync.backends.google import GoogleBackend, connect
from sync.backends.retry import (
    AmbiguousWrite,
    BoundedRetryHTTPClient,
    RetryBudgetExhausted,
    RetryPolicy,
)
from sync.layouts import MATCH_COLUMNS, MATCHES, header
from sync.plan import SpreadsheetPlan, TabShape
from sync.tabs import matches_tab
from tests.google_harness import FakeTime
from tests.sheets_emulator.adapter import SHEETS_PREFIX, EmulatorAdapter
from tests.sheets_emulator.emulator import SheetsEmulator

FAULTS = ("500", "503", "429", "drop")


class UpperBound(random.Random):
    """Jitter that always picks the largest delay allowed, to see the bound grow."""

    def uniform(self, a: float, b: float) -> float:
        return b


@pytest.fixture
def emu() -> SheetsEmulator:
    return SheetsEmulator()


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


def wired_client(
    emu: SheetsEmulator, clock: FakeTime, budget: float = 60.0, rng: random.Random | None = None
) -> gspread.Client:
    """A client built as production builds it, answered by the emulator, never sleeping."""
    client = connect(emu.credentials(), timeout=10, budget=budget)
    emu.attach(client)
    assert isinstance(client.http_client, BoundedRetryHTTPClient)
    client.http_client.retry = RetryPolicy(
        budget_seconds=budget, sleep=clock.sleep, clock=clock.clock, rng=rng or random.Random(1)
    )
    return client


def wired(
    emu: SheetsEmulator, clock: FakeTime, budget: float = 60.0, rng: random.Random | None = None
) -> BoundedRetryHTTPClient:
    http = wired_client(emu, clock, budget, rng).http_client
    assert isinstance(http, BoundedRetryHTTPClient)
    return http


def test_connect_builds_a_bounded_client_with_the_budget_and_timeout(emu: SheetsEmulator) -> None:
    client = connect(emu.credentials(), timeout=7, budget=42)
    assert isinstance(client.http_client, BoundedRetryHTTPClient)
    assert client.http_client.retry.budget_seconds == 42
    assert client.http_client.timeout == 7


@pytest.mark.parametrize("how", FAULTS)
def test_a_transient_failure_is_retried_after_a_pause(
    emu: SheetsEmulator, clock: FakeTime, how: str
) -> None:
    key = emu.create_spreadsheet("s", {"Sheet1": [["a", "b"]]})
    http = wired(emu, clock)
    emu.fail_request(1, how)
    answer = http.values_get(key, "Sheet1")
    assert answer["values"] == [["a", "b"]]
    assert emu.count("values.get") == 2
    assert len(clock.sleeps) == 1 and 0 <= clock.sleeps[0] <= 1.0


def test_delays_grow_and_are_jittered(emu: SheetsEmulator, clock: FakeTime) -> None:
    key = emu.create_spreadsheet("s", {"Sheet1": [["a"]]})
    http = wired(emu, clock, budget=1_000, rng=UpperBound())
    for n in range(1, 8):
        emu.fail_request(n, "503")
    http.values_get(key, "Sheet1")
    # The bound doubles from 1 s and stops at max_delay (16 s).
    assert clock.sleeps == [1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 16.0]

    jittered = FakeTime()
    http.retry = RetryPolicy(
        budget_seconds=1_000, sleep=jittered.sleep, clock=jittered.clock, rng=random.Random(3)
    )
    for n in range(1, 8):
        emu.fail_request(n, "429")
    http.values_get(key, "Sheet1")
    bounds = [1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 16.0]
    assert all(0 <= d <= b for d, b in zip(jittered.sleeps, bounds, strict=True))
    assert jittered.sleeps != bounds, "full jitter: delays are random within the bound"
    assert len(set(jittered.sleeps)) == len(jittered.sleeps)


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda emu, key: (emu.make_private(key), key)[1], 403),
        (lambda emu, key: "no-such-spreadsheet", 404),
        (lambda emu, key: key, 400),
    ],
)
def test_client_errors_are_not_retried(
    emu: SheetsEmulator, clock: FakeTime, make: Any, code: int
) -> None:
    key = make(emu, emu.create_spreadsheet("s"))
    http = wired(emu, clock)
    with pytest.raises(APIError) as raised:
        http.values_get(key, "'No such tab'!A1" if code == 400 else "Sheet1")
    assert raised.value.code == code
    assert len(emu.requests) == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("how", FAULTS)
def test_it_gives_up_when_the_budget_is_spent(
    emu: SheetsEmulator, clock: FakeTime, how: str
) -> None:
    key = emu.create_spreadsheet("s")
    http = wired(emu, clock, budget=30)
    for n in range(1, 200):
        emu.fail_request(n, how)
    with pytest.raises(RetryBudgetExhausted) as raised:
        http.values_get(key, "Sheet1")
    message = str(raised.value)
    assert "kept failing for 30 s" in message
    assert "next pass" in message
    assert ("ConnectionError" if how == "drop" else f"HTTP {how}") in message
    assert isinstance(raised.value, BackendError)  # the CLI turns it into exit code 1
    assert sum(clock.sleeps) <= 30
    assert len(emu.requests) == len(clock.sleeps) + 1 >= 3


def test_the_budget_is_counted_per_request(emu: SheetsEmulator, clock: FakeTime) -> None:
    key = emu.create_spreadsheet("s")
    http = wired(emu, clock, budget=30)
    for _ in range(3):
        emu.fail_request(1, "503")
        http.values_get(key, "Sheet1")
    assert len(clock.sleeps) == 3


APPEND_PARAMS = {"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"}


@pytest.mark.parametrize("how", ["500", "503", "drop"])
def test_an_append_whose_answer_is_lost_is_not_retried_blindly(
    emu: SheetsEmulator, clock: FakeTime, how: str
) -> None:
    key = emu.create_spreadsheet("s", {"Sheet1": [["h"]]})
    http = wired(emu, clock)
    emu.fail_request(1, how)
    with pytest.raises(AmbiguousWrite):
        http.values_append(key, "Sheet1!A1", dict(APPEND_PARAMS), {"values": [["x"]]})
    assert emu.count("values.append") == 1
    assert clock.sleeps == []


def test_an_append_refused_for_quota_is_retried(emu: SheetsEmulator, clock: FakeTime) -> None:
    # 429 means Google did not apply it: safe to send again.
    key = emu.create_spreadsheet("s", {"Sheet1": [["h"]]})
    http = wired(emu, clock)
    emu.fail_request(1, "429")
    http.values_append(key, "Sheet1!A1", dict(APPEND_PARAMS), {"values": [["x"]]})
    assert emu.values(key, "Sheet1") == [["h"], ["x"]]
    assert len(clock.sleeps) == 1


class LoseAnswerOnce(BaseAdapter):
    """The append reaches Google and is applied, but its answer never comes back."""

    def __init__(self, inner: EmulatorAdapter) -> None:
        super().__init__()
        self.inner = inner
        self.lost = 0

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        response = self.inner.send(request, *args, **kwargs)
        if ":append" in (request.url or "") and self.lost == 0:
            self.lost += 1
            raise requests.exceptions.ConnectionError("answer lost", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def _matches_sheet(emu: SheetsEmulator) -> tuple[str, SpreadsheetPlan]:
    labels = header(MATCH_COLUMNS, "ru")
    existing = [{"match_id": "m-old", "status": "Предложено"}.get(k, "") for k in MATCH_COLUMNS]
    key = emu.create_spreadsheet("coordination", {"Пары": [labels, existing]})
    rows = tuple({"match_id": f"m-{i}", "status": "Предложено", "notes": ""} for i in range(3))
    # Computed from a read that found the header and one row.
    shape = TabShape(rows=2, columns=len(labels), grid_rows=1000, grid_columns=26, title="Пары")
    plan = SpreadsheetPlan(key, keyed_tab=matches_tab("ru"), appends=rows, basis={MATCHES: shape})
    return key, plan


def _match_ids(emu: SheetsEmulator, key: str) -> list[str]:
    at = MATCH_COLUMNS.index("match_id")
    return [row[at] for row in emu.values(key, "Пары")[1:]]


@pytest.mark.parametrize("lost", ["applied", "not applied"])
def test_a_retried_append_does_not_duplicate_rows(
    emu: SheetsEmulator, clock: FakeTime, lost: str
) -> None:
    key, plan = _matches_sheet(emu)
    client = wired_client(emu, clock)
    if lost == "applied":
        client.http_client.session.mount(SHEETS_PREFIX, LoseAnswerOnce(EmulatorAdapter(emu)))
    else:
        emu.fail_request(2, "drop")  # 1 is the read of match ids before writing
    GoogleBackend(client).apply(plan)
    assert _match_ids(emu, key) == ["m-old", "m-0", "m-1", "m-2"]
    kinds = [r.kind for r in emu.requests]
    assert kinds == ["values.batchGet", "values.append", "values.batchGet"] + (
        [] if lost == "applied" else ["values.append"]
    )


def test_an_append_that_keeps_failing_stops_with_a_message(
    emu: SheetsEmulator, clock: FakeTime
) -> None:
    key, plan = _matches_sheet(emu)
    client = wired_client(emu, clock)
    for n in (2, 4, 6):
        emu.fail_request(n, "503")
    with pytest.raises(BackendError, match="could not confirm the new rows"):
        GoogleBackend(client).apply(plan)
    assert _match_ids(emu, key) == ["m-old"]
