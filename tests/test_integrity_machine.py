"""The #9 state machine, 200 small examples on each backend (tests/integrity_machine.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from tests.integrity_machine import GoogleSheets, IntegrityMachine, WorkbookSheets

CI = settings(
    max_examples=200,
    stateful_step_count=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


class WorkbookMachine(IntegrityMachine):
    make_sheets = WorkbookSheets


class GoogleMachine(IntegrityMachine):
    make_sheets = GoogleSheets


# Each example is a few passes of a fraction of a second: more than the default timeout.
TestOnWorkbooks = pytest.mark.timeout(1800)(WorkbookMachine.TestCase)
TestOnWorkbooks.settings = CI
TestOnGoogle = pytest.mark.timeout(1800)(GoogleMachine.TestCase)
TestOnGoogle.settings = CI
