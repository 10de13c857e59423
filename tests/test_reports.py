from __future__ import annotations

from matcher.model import Status
from reports.summary import render_text, summarize


def test_summary_counts_per_category_and_status() -> None:
    summary = summarize(
        [
            ("clothing", Status.PROPOSED),
            ("clothing", Status.DECLINED),
            ("kitchenware", Status.PROPOSED),
        ]
    )
    assert summary.total == 3
    assert summary.by_status == {Status.PROPOSED: 2, Status.DECLINED: 1}
    assert summary.by_category["clothing"] == {Status.PROPOSED: 1, Status.DECLINED: 1}
    lines = render_text(summary).splitlines()
    assert lines[0].split()[:3] == ["category", "proposed", "contacted"]
    assert lines[-1].split() == ["all", "2", "0", "0", "0", "1", "0"]
