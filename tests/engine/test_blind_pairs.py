"""Blind offer–need pairs (tests/engine/pairs.py): no pair a coordinator marked
no-fit is proposed beyond the floor below, and among needs whose best offer fits
fully the engine picks it as often as the floor says."""

from __future__ import annotations

import pytest

from tests.engine.pairs import PairsReport, load, newest_set, score

#: The most no-fit pairs the engine may propose on the newest set. The goal is 0;
#: this is the measured figure on set P58 when it was first scored on 2026-12-04
#: (a known shortfall: 3 of its 89 no-fit pairs).
MAX_NO_FIT_PROPOSED = 3
#: The least share of full-fit needs where the engine's first choice is the labelled
#: best. The goal is 0.95; measured 22 of 30 on P58 when it was first scored.
MIN_BEST_CHOSEN = 0.73


@pytest.fixture(scope="module")
def report() -> PairsReport:
    return score(load(newest_set()))


def test_the_set_is_large_enough(report: PairsReport) -> None:
    assert report.pairs >= 150


def test_no_fit_pairs_are_not_proposed(report: PairsReport) -> None:
    assert len(report.no_fit_proposed) <= MAX_NO_FIT_PROPOSED, report.no_fit_proposed


def test_the_best_full_fit_is_chosen(report: PairsReport) -> None:
    share = report.full_best_chosen / report.full_best
    assert share >= MIN_BEST_CHOSEN, report.misses
