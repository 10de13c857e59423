"""Phones and names never reach the logs; credentials are never committed."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sync.privacy import PhoneMaskingFilter, mask_phone, mask_phones_in

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        pytest.param("+380951679026", "+380******026", id="e164"),
        pytest.param("095 167 90 26", "095****026", id="spaced"),
        pytest.param("(06452) 4-12-33", "064****233", id="landline"),
        pytest.param("12345", "***45", id="too-short-to-matter"),
    ],
)
def test_mask_phone(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


def test_phones_inside_text_are_masked_and_other_numbers_kept() -> None:
    text = "donor +38(050)123-45-67 offered 3 items on 21.11.2026"
    assert mask_phones_in(text) == "donor +380******567 offered 3 items on 21.11.2026"


def test_iso_dates_and_times_in_log_messages_are_kept() -> None:
    text = "next pass at 2026-11-30 11:45:00; donor 2026-11-30 +380951679026"
    assert (
        mask_phones_in(text) == "next pass at 2026-11-30 11:45:00; donor 2026-11-30 +380******026"
    )


def test_the_logging_filter_masks_phones_in_arguments(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.privacy")
    logger.addFilter(PhoneMaskingFilter())
    with caplog.at_level(logging.INFO, logger="test.privacy"):
        logger.info("calling %s about %s", "+380951679026", "куртки")
    assert "+380951679026" not in caplog.text
    assert "+380******026 about куртки" in caplog.text


def test_a_verbose_pass_logs_no_phone_number(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sync.cli",
            "sync",
            "--dry-run",
            "-v",
            "--config",
            str(REPO / "config.yaml"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    # The steps are logged (rows are normalized only when the repo's state_dir has not
    # seen them yet, so the first step is the one every pass logs).
    assert "DEBUG Reading the offers" in done.stderr
    assert not re.search(r"\+380\d{9}|\b0\d{2} ?\d{3} ?\d{2} ?\d{2}\b", done.stderr)
    assert "Бабушка" not in done.stderr and "Оксана" not in done.stderr


def test_credentials_are_ignored_by_git() -> None:
    ignored = (REPO / ".gitignore").read_text()
    assert "credentials.json" in ignored
    example = (REPO / "credentials.example.json").read_text()
    assert "NOT-A-REAL-KEY" in example
