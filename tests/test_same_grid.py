"""Whether a tab holds what a pass would write: cell by cell, trailing blanks aside."""

from __future__ import annotations

from datetime import datetime

import pytest

from sync.plan import Cells, Grid, same_grid, trim_grid


@pytest.mark.parametrize(
    ("read", "wanted", "same"),
    [
        pytest.param([["a", "b"], ["1", ""]], [["a", "b"], [1]], True, id="number-as-read"),
        pytest.param([["a", "", ""], [], [""]], [["a"]], True, id="trailing-blanks"),
        pytest.param(None, [["a"]], False, id="no-tab"),
        pytest.param(None, [[""], []], True, id="no-tab-nothing-wanted"),
        pytest.param([["a"], ["x"]], [["a"], ["y"]], False, id="last-row-differs"),
        pytest.param([["a"], ["x"]], [["a"]], False, id="a-row-more"),
        pytest.param([["a", "x"]], [["a"]], False, id="a-cell-more"),
        pytest.param([["a"], ["", "x"]], [["a"], ["x"]], False, id="cell-moved"),
        pytest.param(
            [["01.12.2026 10:00:00"]], [[datetime(2026, 12, 1, 10)]], True, id="date-as-read"
        ),
    ],
)
def test_same_grid(read: Grid | None, wanted: Cells, same: bool) -> None:
    copies = trim_grid(read or []), [list(row) for row in wanted]
    assert same_grid(read, wanted) is same
    assert trim_grid(read or []) == copies[0] and wanted == copies[1]  # neither is changed
