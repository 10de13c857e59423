"""The newest blind set, written by authors who never saw the vocabulary or the
code: the reading figures stay at or above what they were when it was scored
first (tests/normalize/blind.py explains the sets; the benchmark prints every
miss). A floor below the issue's goal is a known shortfall, named in FLOORS."""

from __future__ import annotations

import pytest

from tests.normalize.blind import GOALS, newest_needs_set, newest_set, score_set

#: Figure -> the least share the newest blind set must keep. Where the measured
#: share fell short of the goal (GOALS), the floor is the measured share rounded
#: down: a known shortfall, not a goal met (set BM, scored first on 2026-12-04:
#: offer categories 476/516, free-text answers 54/72, offer quantities 649/728,
#: need categories 181/190, need quantities 184/199, urgency 172/190, junk kept
#: out of the needs 29/30; the other figures met their goals: junk kept out of
#: the offers 84/84, phones flagged 100/100).
SHORT_OF_GOAL: dict[str, float] = {
    "offer categories": 0.92,
    "offer categories, free text": 0.75,
    "offer quantities": 0.89,
    "need categories": 0.95,
    "need quantities": 0.92,
    "urgency": 0.90,
    "junk kept out (needs)": 0.96,
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


#: Figures of need rows -> the least share the newest set of need rows must keep
#: (set BM, scored first on 2026-12-04: need categories 181/190, need quantities
#: 184/199, urgency 172/190 and junk kept out of the needs 29/30 short of their
#: goals; phones flagged 100/100 met its goal).
NEED_FLOORS: dict[str, float] = {
    "need categories": 0.95,
    "need quantities": 0.92,
    "junk kept out (needs)": 0.96,
    "urgency": 0.90,
    "phones flagged (guessed/foreign)": GOALS["phones flagged (guessed/foreign)"],
}


@pytest.fixture(scope="module")
def needs_report():  # type: ignore[no-untyped-def]
    return score_set(newest_needs_set())


@pytest.mark.parametrize("figure", list(NEED_FLOORS))
def test_figure_holds_on_the_newest_set_of_need_rows(needs_report, figure: str) -> None:  # type: ignore[no-untyped-def]
    tally = needs_report.figures[figure]
    assert tally.total > 0, f"the set has no case for {figure}"
    assert tally.share >= NEED_FLOORS[figure], (figure, tally.ok, tally.total)
