"""Donor dedup windows over a frame of submissions: anchored at the window's
first submission, ends included, submissions without a time apart."""

from __future__ import annotations

from matcher.normalize import normalize_offers
from matcher.params import NormalizeParams
from tests.normalize.test_offers import form_row


def _donors(*stamps: str, days: int = 14) -> tuple[list[set[int]], list[tuple[int, dict]]]:
    """Which rows end up as one donor, and the duplicate_submission notes."""
    rows = [form_row(n, submitted_at=s) for n, s in enumerate(stamps, start=2)]
    offers, problems = normalize_offers(rows, NormalizeParams(dedup_days=days))
    repeats = [(p.source_row, dict(p.params)) for p in problems if p.code == "duplicate_submission"]
    windows = [{offer.source_row} for offer in offers]  # an offer keeps its window's last row
    for row, params in repeats:
        next(w for w in windows if params["kept_row"] in w).update({row, params["first_row"]})
    return sorted(windows, key=min), repeats


def test_a_window_is_anchored_at_its_first_submission_not_chained() -> None:
    # day 10 is within 14 days of day 0, day 20 only of day 10: it opens a new window
    windows, repeats = _donors("01.12.2014 10:00:00", "11.12.2014 10:00:00", "21.12.2014 10:00:00")
    assert windows == [{2, 3}, {4}]
    assert repeats == [(3, {"first_row": 2, "kept_row": 3})]


def test_the_window_includes_its_last_second() -> None:
    at_end = _donors("01.12.2014 10:00:00", "15.12.2014 10:00:00")[0]
    after = _donors("01.12.2014 10:00:00", "15.12.2014 10:00:01")[0]
    assert at_end == [{2, 3}]
    assert after == [{2}, {3}]


def test_rows_are_merged_in_time_order_whatever_their_place() -> None:
    # row 2 is the later submission: it is the one kept, row 3 opens the window
    windows, repeats = _donors("12.12.2014 10:00:00", "10.12.2014 10:00:00")
    assert windows == [{2, 3}]
    assert repeats == [(2, {"first_row": 3, "kept_row": 2})]


def test_the_same_moment_keeps_the_later_row() -> None:
    _, repeats = _donors("10.12.2014 10:00:00", "10.12.2014 10:00:00")
    assert repeats == [(3, {"first_row": 2, "kept_row": 3})]


def test_submissions_without_a_time_are_one_window_apart_from_timed_ones() -> None:
    windows, repeats = _donors("", "10.12.2014 10:00:00", "вчера", "11.12.2014 10:00:00")
    assert windows == [{2, 4}, {3, 5}]
    assert repeats == [
        (4, {"first_row": 2, "kept_row": 4}),
        (5, {"first_row": 3, "kept_row": 5}),
    ]


def test_no_window_merges_only_the_same_moment() -> None:
    windows, _ = _donors(
        "10.12.2014 10:00:00", "10.12.2014 10:00:00", "10.12.2014 10:00:01", days=0
    )
    assert windows == [{2, 3}, {4}]


def test_the_latest_answers_win_but_blanks_do_not_erase() -> None:
    rows = [
        form_row(2, donor_name="Оля", city="Лисичанськ", can_deliver="Да"),
        form_row(3, submitted_at="11.12.2014 10:00:00", donor_name="", city="", can_deliver=""),
        form_row(4, submitted_at="12.12.2014 10:00:00", donor_name="Ольга", city="Ньюландия"),
    ]
    [offer], _ = normalize_offers(rows)
    assert (offer.donor_name, offer.can_deliver, offer.source_row) == ("Ольга", True, 4)
    # the coordinates come with the city they belong to: an unknown one has none
    assert (offer.city, offer.lat, offer.lon) == ("Ньюландия", None, None)
    [earlier], _ = normalize_offers(rows[:2])  # the latest submission left them blank
    assert (earlier.donor_name, earlier.can_deliver, earlier.source_row) == ("Оля", True, 3)
    assert earlier.city == "Лисичанск" and earlier.lat is not None


def test_rows_without_a_phone_are_never_merged_but_identical_ones_are_counted_once() -> None:
    rows = [
        form_row(2, phone="", submitted_at="10.12.2014 10:00:00"),
        form_row(3, phone="", submitted_at="11.12.2014 10:00:00"),
        form_row(4, phone="", submitted_at="10.12.2014 10:00:00", donor_name="оля"),
    ]
    offers, problems = normalize_offers(rows)
    assert [o.source_row for o in offers] == [2, 3]
    assert [(p.source_row, p.code, dict(p.params)) for p in problems if p.severity == "note"] == [
        (4, "duplicate_row", {"kept_row": 2})
    ]
