"""Dates read by the order the spreadsheet's locale writes them, never by a guess."""

from __future__ import annotations

from datetime import datetime

import pytest

from matcher.normalize.dates import day_first_in, parse_timestamp

DEC_10 = datetime(2014, 12, 10, 14, 3, 27)
OCT_12 = datetime(2014, 10, 12, 14, 3, 27)
DEC_25 = datetime(2014, 12, 25, 14, 3, 27)


@pytest.mark.parametrize(
    ("locale", "day_first"),
    [
        pytest.param("ru_RU", True, id="ru_RU"),
        pytest.param("uk_UA", True, id="uk_UA"),
        pytest.param("en_GB", True, id="en_GB"),
        pytest.param("en_US", False, id="en_US"),
        pytest.param("en-US", False, id="en-US-dash"),
        pytest.param("", None, id="no-locale"),
    ],
)
def test_day_first_by_locale(locale: str, day_first: bool | None) -> None:
    assert day_first_in(locale) is day_first


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        pytest.param("10/12/2014 14:03:27", True, DEC_10, id="en_GB-slash-day-first"),
        pytest.param("12/10/2014 14:03:27", False, DEC_10, id="en_US-slash-month-first"),
        pytest.param("10.12.2014 14:03:27", True, DEC_10, id="ru-dots"),
        pytest.param("10.12.2014 14:03:27", False, DEC_10, id="dots-day-first-in-en_US"),
        pytest.param("25/12/2014 14:03:27", False, DEC_25, id="one-way"),
        pytest.param("12/25/2014 14:03:27", True, DEC_25, id="one-way-gb"),
        pytest.param("2014-12-10 14:03:27", True, DEC_10, id="iso"),
        pytest.param("41983.58572916667", True, DEC_10, id="serial"),
        pytest.param("10/12/2014 14:03:27", None, OCT_12, id="no-locale-month-first"),
    ],
)
def test_slashes_follow_the_locale(text: str, day_first: bool | None, expected: datetime) -> None:
    assert parse_timestamp(text, day_first) == expected


def test_without_a_locale_the_workbook_reading_is_unchanged() -> None:
    assert parse_timestamp("12/10/2014 14:03:27") == DEC_10
    assert parse_timestamp("25/12/2014") == datetime(2014, 12, 25)
