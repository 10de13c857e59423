"""`mozhem check` on sheets as people first set them up, and without a network."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest
import requests
from requests.adapters import BaseAdapter

from sync.backends.google import GoogleBackend, connect
from sync.backends.retry import BoundedRetryHTTPClient
from sync.cli import main
from sync.config import Config
from tests.google_harness import FakeTime, GoogleHarness
from tests.harness import Harness

#: A new Form's response sheet: its own question titles, no answers yet.
NEW_FORM_HEADER = [
    "Отметка времени",
    "Имя",
    "Телефон",
    "Город",
    "Что вы отдаёте?",
    "Подробности",
    "Доставка",
]


def test_check_on_headers_without_answers_checks_the_headers(harness: Harness) -> None:
    harness.replace_source("offers", [NEW_FORM_HEADER])
    result = harness.cli("check")
    assert result.code == 2, result.out
    assert "All mapped headers found" not in result.out
    message = result.err.splitlines()[-1]
    assert message.startswith("mozhem: error: ")
    # Every mapped header that is not there is named, with its config key.
    for key, header in [
        ("donor_name", "Ваше имя"),
        ("phone", "Контактный телефон"),
        ("city", "Город / населённый пункт"),
        ("categories", "Чем вы можете помочь?"),
        ("details", "Опишите подробнее (что, сколько, состояние)"),
        ("can_deliver", "Можете ли вы доставить самостоятельно?"),
    ]:
        assert f"'{header}' (config key sources.offers.columns.{key})" in message
    assert "submitted_at" not in message  # that header is right


def test_check_on_right_headers_without_answers_passes_and_says_so(harness: Harness) -> None:
    harness.replace_source("needs", [harness.source("needs")[0]])
    result = harness.cli("check")
    assert result.code == 0, result.err
    assert "no rows yet" in next(line for line in result.out.splitlines() if "needs:" in line)
    assert "All mapped headers found." in result.out


def test_a_sheet_without_even_a_header_row_is_named(harness: Harness) -> None:
    harness.replace_source("needs", [])
    result = harness.cli("check")
    assert result.code == 2
    assert "no header row" in result.err.splitlines()[-1]


class NoNetwork(BaseAdapter):
    """A machine with no network: every connection waits out its timeout, then fails.

    The wait is on the fake clock, so the test measures it without waiting."""

    def __init__(self, time: FakeTime) -> None:
        super().__init__()
        self.time = time
        self.timeouts: list[float] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        timeout = kwargs.get("timeout")
        connect = timeout[0] if isinstance(timeout, tuple) else timeout
        # No timeout would hang for ever; a day stands for that.
        waited = 86_400.0 if connect is None else float(connect)
        self.timeouts.append(waited)
        self.time.now += waited
        raise requests.ConnectTimeout("no route to host (emulated)", request=request)

    def close(self) -> None:
        """Nothing was opened."""


def test_check_without_a_network_gives_up_within_15_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    # The settings people have: requests time out after 30 s, a pass retries for 120 s.
    g.write_config(google={**g.settings["google"], "timeout_seconds": 30})
    time = FakeTime()
    network = NoNetwork(time)

    def offline(config: Config) -> GoogleBackend:
        """Built as production builds it, from the settings `check` gives it."""
        settings = config.google
        client = connect(
            g.emu.credentials(), settings.timeout_seconds, settings.retry_budget_seconds
        )
        client.http_client.session.mount("https://", network)
        http = client.http_client
        assert isinstance(http, BoundedRetryHTTPClient)
        http.retry = dataclasses.replace(
            http.retry, sleep=time.sleep, clock=time.clock, rng=random.Random(7)
        )
        return GoogleBackend(client)

    started = time.now
    code = main(["check", "--config", str(g.config_path)], backend_factory=offline)
    err = capsys.readouterr().err
    assert code == 1
    assert time.now - started <= 15, f"gave up after {time.now - started:g} s"
    assert network.timeouts, "it did try"
    message = err.splitlines()[-1]
    assert message.startswith("mozhem: error: ")
    assert "network" in message and "Traceback" not in err
    assert g.keys["offers"] in message  # the spreadsheet it was reading
