"""Summaries of the coordination sheet: pure functions of its records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from matcher.model import Status


@dataclass(frozen=True)
class MatchSummary:
    total: int
    by_status: dict[Status, int]
    #: category -> status -> count
    by_category: dict[str, dict[Status, int]]


def summarize(matches: Iterable[tuple[str, Status]]) -> MatchSummary:
    """`matches` are (category, status) pairs, one per match."""
    pairs = list(matches)
    by_category: dict[str, Counter[Status]] = {}
    for category, status in pairs:
        by_category.setdefault(category, Counter())[status] += 1
    return MatchSummary(
        total=len(pairs),
        by_status=dict(Counter(status for _, status in pairs)),
        by_category={c: dict(counts) for c, counts in sorted(by_category.items())},
    )


def render_text(summary: MatchSummary) -> str:
    """A plain table: one row per category, one column per status."""
    statuses = list(Status)
    width = max([len("category"), *(len(c) for c in summary.by_category)])
    lines = [f"{'category':<{width}}  " + "  ".join(f"{s.value:>9}" for s in statuses)]
    for category, counts in summary.by_category.items():
        cells = "  ".join(f"{counts.get(s, 0):>9}" for s in statuses)
        lines.append(f"{category:<{width}}  {cells}")
    total = "  ".join(f"{summary.by_status.get(s, 0):>9}" for s in statuses)
    lines.append(f"{'all':<{width}}  {total}")
    return "\n".join(lines)
