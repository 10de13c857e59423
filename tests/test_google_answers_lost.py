"""A request whose answer never comes back, at every request of a pass on Google (#9).

Google may have applied it ("applied-drop", "applied-timeout") or not ("timeout").
Either way the pass must end with the spreadsheet exactly as a pass without the
fault leaves it: no tab twice, no "already exists", no Matches row twice, every
coordinator's edit kept, the memory tab the same.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sync.plan import Grid
from tests.google_harness import GoogleHarness
from tests.test_google_backend import SCENARIOS, coordination_tabs, faulty_pass, reference_pass

ANSWER_LOST = ("applied-drop", "applied-timeout", "timeout")


def spreadsheet_state(g: GoogleHarness) -> dict[str, object]:
    titles = g.tab_titles()
    memory: Grid = g.coordination("memory") if g.title("memory") in titles else []
    return {
        "tabs": coordination_tabs(g),
        "titles": sorted(titles),
        "memory": [row for row in memory if row[:1] != ["lease"]],
    }


@pytest.mark.parametrize("how", ANSWER_LOST)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_an_answer_lost_at_any_request_converges_within_the_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scenario: str, how: str
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    before, count = reference_pass(g, SCENARIOS[scenario])
    expected = spreadsheet_state(g)
    assert count >= 4
    for n in range(1, count + 1):
        result = faulty_pass(g, before, n, how)
        where = f"{how} at request {n} of {count}"
        assert result.code == 0, f"{where}: {result.err}"
        assert "Traceback" not in result.err, where
        assert spreadsheet_state(g) == expected, where
        ids = Counter(m["match_id"] for m in g.matches())
        assert max(ids.values()) == 1, where
