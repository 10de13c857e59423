"""The labelled set: every case as a test, and the accuracy targets per field."""

from __future__ import annotations

import pytest

from .labelled import KNOWN_MISSES, TARGETS, all_fields, load_cases, score

CASES = [case for field in all_fields() for case in load_cases(field)]


def test_the_labelled_set_is_large_enough() -> None:
    assert len(CASES) >= 400


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case) -> None:  # type: ignore[no-untyped-def]
    if case.id in KNOWN_MISSES.get(case.field, {}):
        pytest.xfail(KNOWN_MISSES[case.field][case.id])
    outcome = score(case)
    assert outcome.got == case.expected


@pytest.mark.parametrize("field", all_fields())
def test_accuracy_meets_target(field: str) -> None:
    outcomes = [score(case) for case in load_cases(field)]
    accuracy = sum(o.ok for o in outcomes) / len(outcomes)
    misses = [o.case.id for o in outcomes if not o.ok]
    assert accuracy >= TARGETS[field], misses
