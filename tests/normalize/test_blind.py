"""The newest blind set, written by authors who never saw the vocabulary or the
code: the reading figures stay at or above what they were when it was scored
first (tests/normalize/blind.py explains the sets; the benchmark prints every
miss). A floor below the issue's goal is a known shortfall, named in FLOORS."""

from __future__ import annotations

import pytest

from tests.normalize.blind import GOALS, newest_set, score_set

#: Figure -> the least share the newest blind set must keep. Where the measured
#: share fell short of the goal (GOALS), the floor is the measured share rounded
#: down: a known shortfall, not a goal met (set AW, scored first on 2026-12-02:
#: offer categories 488/524, free-text answers 63/72, offer quantities 705/772;
#: the other figures met their goals: need categories 184/189, need quantities
#: 185/190, junk kept out of the offers 75/76 and of the needs 31/31, urgency
#: 186/189, phones flagged 95/96).
SHORT_OF_GOAL: dict[str, float] = {
    "offer categories": 0.93,
    "offer categories, free text": 0.87,
    "offer quantities": 0.91,
}
FLOORS: dict[str, float] = {**GOALS, **SHORT_OF_GOAL}


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return score_set(newest_set())


@pytest.mark.parametrize("figure", list(FLOORS))
def test_figure_holds_on_the_newest_blind_set(report, figure: str) -> None:  # type: ignore[no-untyped-def]
    tally = report.figures[figure]
    assert tally.total > 0, f"the blind set has no case for {figure}"
    misses = [line for lines in report.misses.values() for line in lines][:20]
    assert tally.share >= FLOORS[figure], (figure, tally.ok, tally.total, misses)


def test_the_newest_blind_set_is_large_enough() -> None:
    report = score_set(newest_set())
    offers = (
        report.figures["offer categories"].total + report.figures["junk kept out (offers)"].total
    )
    needs = report.figures["need categories"].total + report.figures["junk kept out (needs)"].total
    assert offers >= 600 and needs >= 200
