"""A deadline given by a day of the week ("до пятниці") is at most a week away:
urgent. One given by a holiday ("до Різдва", "к Николаю") is counted from the
row's date like "до 20.02"; "к Старому Новому году" is not New Year."""

from __future__ import annotations

import pytest

from tests.normalize.rows import needs_of


def _urgency(urgency: str, submitted_at: str = "05.12.2014") -> str:
    needs, _ = needs_of("одеяла", "5", urgency, submitted_at=submitted_at)
    return str(needs[0].urgency)


@pytest.mark.parametrize(
    "urgency", ["треба до пятніці", "до п'ятниці", "до неділі", "к понедельнику", "асап"]
)
def test_a_weekday_deadline_is_urgent(urgency: str) -> None:
    assert _urgency(urgency) == "high"


@pytest.mark.parametrize("urgency", ["можно в понедельник", "после пятницы"])
def test_a_weekday_without_by_is_no_deadline(urgency: str) -> None:
    assert _urgency(urgency) != "high"


@pytest.mark.parametrize(
    ("urgency", "submitted_at", "expected"),
    [
        ("до Різдва", "03.01.2015", "high"),  # 4 days
        ("до Нового року!", "28.12.2014", "high"),
        ("к Николаю", "15.12.2014", "high"),
        ("до Нового року", "05.12.2014", "normal"),  # 27 days
        ("к Старому Новому году", "03.01.2015", "normal"),  # 14.01, not 1.01
    ],
)
def test_a_holiday_deadline_counts_from_the_rows_date(
    urgency: str, submitted_at: str, expected: str
) -> None:
    assert _urgency(urgency, submitted_at) == expected
