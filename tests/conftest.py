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
