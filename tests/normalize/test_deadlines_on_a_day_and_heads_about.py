"""A day of the week a thing is wanted on ("в суботу", "на выходные") is urgent,
one it may come on ("можно в понедельник") is not; Epiphany and the Meeting of the
Lord are holidays a deadline is given by; "до 10 числа" is a day of this month;
"можна поступово" and "після потепління" can wait; "семей около 60" are heads
to multiply by; a thing named in the plural then a bare number is counted."""

from __future__ import annotations

import pytest

from tests.normalize.rows import counts_of, need_counts, needs_of


def _urgency(urgency: str, submitted_at: str = "05.12.2014") -> str:
    needs, _ = needs_of("одеяла", "5", urgency, submitted_at=submitted_at)
    return str(needs[0].urgency)


@pytest.mark.parametrize(
    ("urgency", "submitted_at", "expected"),
    [
        ("в суботу", "05.12.2014", "high"),
        ("на выходные", "05.12.2014", "high"),
        ("можно в понедельник", "05.12.2014", "normal"),
        ("к Крещению", "14.01.2015", "high"),  # 19.01, five days
        ("до Стрітення", "12.02.2015", "high"),  # 15.02, three days
        ("до Стрітення", "05.12.2014", "low"),
        ("желательно до 10 числа", "05.03.2015", "high"),
        ("желательно до 10 числа", "12.03.2015", "normal"),  # the 10th of April
        ("можна поступово", "05.12.2014", "low"),
        ("після потепління", "05.12.2014", "low"),
    ],
)
def test_deadlines_by_a_day_a_holiday_or_a_day_of_the_month(
    urgency: str, submitted_at: str, expected: str
) -> None:
    assert _urgency(urgency, submitted_at) == expected


def test_about_so_many_families_are_heads_to_multiply_by() -> None:
    assert need_counts("сухпайки для семей", "по 2 набори на сім'ю, семей около 60") == {
        "food": 120
    }


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Холодильники 3 шт, обогреватели 15 шт, электрочайники 24", {"appliances": 42}),
        ("обогреватели 20, электрочайники 30", {"appliances": 50}),
        # a screen's size stays a size
        ("телевизоры 32, 2 шт", {"appliances": 2}),
    ],
)
def test_a_thing_named_in_the_plural_then_a_number_is_counted(
    details: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, "Бытовая техника") == expected
