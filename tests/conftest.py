from __future__ import annotations

from pathlib import Path

import pytest

from tests.google_harness import GoogleHarness
from tests.harness import Harness, WorkbookHarness

BACKENDS = ["workbook", "google"]


@pytest.fixture(params=BACKENDS)
def harness(
    request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Harness:
    """The same pipeline tests run on every backend."""
    if request.param == "workbook":
        return WorkbookHarness(tmp_path, capsys)
    if request.param == "google":
        return GoogleHarness(tmp_path, capsys)
    raise AssertionError(request.param)


def refuse_real_wait(seconds: float) -> None:
    raise AssertionError(
        f"a retry was about to wait {seconds:g} s on the real clock: give the retry policy "
        "an injected clock and sleep (tests/google_harness.py FakeTime)"
    )


@pytest.fixture(autouse=True)
def retries_wait_on_injected_clocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A retry policy built as production builds it waits on the real clock; in a test,
    such a wait fails the test at once instead of sleeping (or hanging, were the
    retry budget ever ignored). Tests inject FakeTime where a retry may wait."""
    import time

    import sync.backends.google as google
    from sync.backends.retry import RetryPolicy

    def policy(**settings: object) -> RetryPolicy:
        made = RetryPolicy(**settings)  # type: ignore[arg-type]
        if made.sleep is time.sleep:
            made.sleep = refuse_real_wait
        return made

    monkeypatch.setattr(google, "RetryPolicy", policy)
