"""Medicine and food out of date by the month the donor wrote are never proposed:
they stay an "other" line with their text, for the coordinator to see."""

from __future__ import annotations

from datetime import datetime

import pytest

from matcher.normalize.expiry import expired_when_written, written_expiry
from tests.normalize.rows import offers_of


def categories(details: str, submitted_at: str = "10.12.2014 14:03:27") -> list[str]:
    offers, _ = offers_of(details, "Медикаменты", submitted_at=submitted_at)
    return [o.category for o in offers]


@pytest.mark.parametrize(
    "details",
    [
        "парацетамол сироп детский 3 фл, срок годности до 10.2014",
        "цефтриаксон 1 г 30 фл, срок до 12.2014",  # ends the month it was offered
        "анальгин 5 уп, годен до 2013",
    ],
)
def test_out_of_date_when_written_is_no_medicine_offer(details: str) -> None:
    assert categories(details) == ["other"]


@pytest.mark.parametrize(
    ("details", "submitted_at"),
    [
        ("нурофен 3 уп, годен до 03.2015", "10.12.2014 14:03:27"),
        ("парацетамол сироп, срок годности до 10.2014", "20.09.2014 10:00:00"),
    ],
)
def test_in_date_stays_medicine(details: str, submitted_at: str) -> None:
    assert categories(details, submitted_at) == ["medicine"]


def test_a_date_to_collect_by_is_no_shelf_life() -> None:
    assert written_expiry("куртки 2 шт, забрать до 15.12") is None
    assert written_expiry("гречка 5 кг, забрать до 10.12") is None
    assert not expired_when_written("куртки 2 шт", datetime(2014, 12, 10))
    assert written_expiry("годен до 03/15") == (2015, 3)
