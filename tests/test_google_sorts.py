"""A coordinator sorts Matches while a pass refreshes its cells, on Google (#9).

The pass finds each row by its match_id right before writing; a sort after that
read and before the write would put a refreshed name or phone on another pair's
row. A sort is injected before each request of a refreshing pass in turn; at the
end of the pass every row must hold its own pair's cells, as a pass without the
sort leaves them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.labels import column_label
from tests.google_harness import GoogleHarness
from tests.test_google_backend import rename_donor

#: The columns whose value may differ by when the pass ran.
WHEN = {column_label("created_at", "ru")}


def rows_by_match(g: GoogleHarness) -> dict[str, dict[str, str]]:
    grid = g.coordination("matches")
    header = grid[0]
    at = header.index(column_label("match_id", "ru"))
    return {
        row[at]: {title: (row[i] if i < len(row) else "") for i, title in enumerate(header)
                  if title not in WHEN}
        for row in grid[1:]
        if len(row) > at and row[at]
    }  # fmt: skip


def refreshing_setup(g: GoogleHarness) -> None:
    """After a first pass: three donors renamed in the form, so three rows to refresh."""
    g.sync()
    for which, name in ((0, "Ярослава Ткач"), (3, "Анна Бойко"), (-1, "Мирон Ясько")):
        rename_donor(g, name, which)


def test_a_sort_before_any_request_leaves_every_cell_on_its_own_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    refreshing_setup(g)
    key, title = g.keys["coordination"], g.title("matches")
    donor = g.coordination("matches")[0].index(column_label("donor_name", "ru"))
    before = g.emu.saved()
    g.emu.restore(before)
    assert "Refreshed cells: 0." not in g.sync().out
    expected, count = rows_by_match(g), len(g.emu.requests)
    unsorted = [row[donor] for row in g.coordination("matches")[1:]]
    moved = 0
    for n in range(1, count + 1):
        g.emu.restore(before)
        g.emu.sort_before_request(n, key, title, donor, descending=True)
        result = g.cli("sync")
        where = f"sorted by «Донор», Я to А, before request {n} of {count}"
        assert result.code == 0, f"{where}: {result.err}"
        assert rows_by_match(g) == expected, where
        order = [row[donor] for row in g.coordination("matches")[1:]]
        moved += order != unsorted
    assert moved == count, "every sort moved rows"
