"""A cell read back is compared with what a pass would write, whatever form it came in."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sync.cells import Value, from_serial, parse_moment, parse_number, same_value, to_serial

MOMENT = datetime(2026, 11, 21, 14, 3)


@pytest.mark.parametrize(
    ("shown", "wanted", "same"),
    [
        pytest.param("30", 30, True, id="integer"),
        pytest.param("30.00", 30.0, True, id="two-decimals"),
        pytest.param("30,00", 30.0, True, id="decimal-comma"),
        pytest.param("1 000", 1000, True, id="grouped"),
        pytest.param("19.5", 19.5, True, id="fraction"),
        pytest.param("19.50", 19.49, False, id="another-number"),
        pytest.param("30", "30", True, id="text"),
        pytest.param("30", 31, False, id="off-by-one"),
        pytest.param("тридцать", 30, False, id="words-are-not-a-number"),
        pytest.param("21.11.2026 14:03:00", MOMENT, True, id="workbook-date-time"),
        pytest.param("21.11.2026 14:03", MOMENT, True, id="to-the-minute"),
        pytest.param("11/21/2026 14:03:00", MOMENT, True, id="en-us"),
        pytest.param(str(to_serial(MOMENT)), MOMENT, True, id="serial-number"),
        pytest.param("21.11.2026 14:04", MOMENT, False, id="a-minute-later"),
        pytest.param("21.11.2026", date(2026, 11, 21), True, id="date"),
        pytest.param("", 0, False, id="blank-is-not-zero"),
    ],
)
def test_same_value(shown: str, wanted: Value, same: bool) -> None:
    assert same_value(shown, wanted) is same


def test_serial_numbers_round_trip() -> None:
    assert to_serial(datetime(1899, 12, 31)) == 1
    assert to_serial(date(2026, 1, 1)) == 46023
    assert from_serial(to_serial(MOMENT)) == MOMENT


def test_parsers_say_none_for_text() -> None:
    assert parse_number("нет телефона") is None
    assert parse_moment("вчера") is None
    assert parse_moment("5") is not None  # a serial number: 4 January 1900
