"""A bounded retry for every request gspread sends.

gspread's own BackOffHTTPClient never gives up. This one retries 429, 5xx and
dropped connections with exponential backoff and full jitter, until a total
time budget is spent, and then raises RetryBudgetExhausted. The budget bounds
the waiting for answers too: no try waits longer than what is left of it, so a
machine with no network gives up when the budget is spent, not a timeout later.

An append is not idempotent, nor is a spreadsheets.batchUpdate (it adds tabs,
rows and rules): when the answer to one is lost (a dropped connection, a
timeout or a 5xx) it may still have been applied. Those failures are raised at
once as AmbiguousWrite, so the backend can look before sending it again. A
values.batchUpdate writes the same cells however often it is sent: it is
retried like a read.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread import HTTPClient
from gspread.exceptions import APIError

from sync.backends.base import BackendError

RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class RetryBudgetExhausted(BackendError):
    pass


class AmbiguousWrite(BackendError):
    """The write may or may not have been applied."""


@dataclass
class RetryPolicy:
    budget_seconds: float = 120.0
    base_delay: float = 0.5
    max_delay: float = 16.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))


class BoundedRetryHTTPClient(HTTPClient):
    """gspread's HTTP client with a bounded retry; `retry` is set after construction."""

    retry: RetryPolicy = RetryPolicy()

    def request(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> requests.Response:
        deadline = self.retry.clock() + self.retry.budget_seconds
        attempt = 0
        while True:
            try:
                return self._attempt(deadline, method, endpoint, *args, **kwargs)
            except APIError as error:
                if error.code not in RETRYABLE_STATUS:
                    raise
                failure: Exception = error
                ambiguous = error.code != 429
            except (requests.ConnectionError, requests.Timeout) as error:
                failure, ambiguous = error, True
            except TransportError as error:
                # Getting an access token failed before the request was sent.
                failure, ambiguous = error, False
            except RefreshError as error:
                # Google refused the key itself (revoked, deleted, a wrong clock):
                # waiting does not help. The key's contents are never shown.
                raise BackendError(
                    f"Google refused the service-account key: {_describe(error)}. Check that "
                    "the key is current (IAM > Service accounts > Keys) and the clock is right."
                ) from None
            if ambiguous and _not_idempotent(endpoint):
                raise AmbiguousWrite(
                    f"a write may or may not have been applied: {_describe(failure)}"
                ) from failure
            attempt += 1
            pause = self.retry.delay(attempt)
            if self.retry.clock() + pause >= deadline:
                unreachable = (
                    " Google could not be reached: check this machine's network connection "
                    "and proxy settings."
                    if isinstance(failure, requests.RequestException | TransportError)
                    else ""
                )
                raise RetryBudgetExhausted(
                    f"Google Sheets kept failing for {self.retry.budget_seconds:g} s "
                    f"({attempt} {'attempt' if attempt == 1 else 'attempts'}, last: "
                    f"{_describe(failure)}).{unreachable} "
                    "Nothing is lost: the next pass picks up where this one stopped."
                ) from failure
            self.retry.sleep(pause)

    def _attempt(
        self, deadline: float, method: str, endpoint: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        """One try, waiting for its answer no longer than the budget has left."""
        configured = self.timeout
        self.timeout = _within(configured, deadline - self.retry.clock())
        try:
            return super().request(method, endpoint, *args, **kwargs)
        finally:
            self.timeout = configured


def _not_idempotent(endpoint: str) -> bool:
    """values:append, and spreadsheets/KEY:batchUpdate (not values:batchUpdate)."""
    return endpoint.endswith(":append") or (
        endpoint.endswith(":batchUpdate") and not endpoint.endswith("/values:batchUpdate")
    )


def _within(timeout: Any, left: float) -> Any:
    """`timeout` (seconds, or connect and read seconds), cut to what is `left`."""
    left = max(left, 1e-3)
    if timeout is None:
        return left
    if isinstance(timeout, tuple):
        return tuple(left if part is None else min(part, left) for part in timeout)
    return min(timeout, left)


def _describe(error: Exception) -> str:
    if isinstance(error, APIError):
        return f"HTTP {error.code} {error.error.get('status', '')}".strip()
    if isinstance(error, RefreshError) and error.args:
        # Google's answer, e.g. "invalid_grant: Invalid JWT Signature."
        return str(error.args[0]).splitlines()[0][:200]
    return type(error).__name__
