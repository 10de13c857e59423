"""Donor dedup: the same phone within `dedup_days` is one donor.

Submissions of one phone are sorted by time; a window opens at a submission
and takes every later one within `dedup_days` of its first (anchored there,
not chained from one submission to the next). A repeat updates the donor
(latest name, city, delivery answer) and the lines by category (the latest
details for a category win); it never doubles them. The window's first
timestamp goes into the offer id, so ids survive reordering and edits.
Submissions without a phone are not merged: each is a donor keyed by its name.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from matcher.normalize.frames import (
    columns,
    explode,
    factorize,
    filled,
    ints,
    map_unique,
    objects,
    table,
)
from matcher.text import fold

_MICROSECONDS = timedelta(microseconds=1)


def merge_submissions(subs: pd.DataFrame, dedup_days: int) -> pd.DataFrame:
    """`subs` (source_row, submitted_at, donor_name, phone, …, in reading order)
    in merge order, with each one's `donor` and `donor_key`. Donors are numbered
    as they are listed: by their lowest row, ties in the order they were formed."""
    column = columns(subs)
    rows = ints(column["source_row"])
    sequence, window, keys = _windows(column, rows, dedup_days)
    donor = _listed(window, rows[sequence])
    merge_order = np.argsort(donor, kind="stable")
    taken = sequence[merge_order]
    merged = {key: values[taken] for key, values in column.items()}
    return table({**merged, "donor": donor[merge_order], "donor_key": keys[merge_order]})


def _windows(
    column: dict[str, np.ndarray], rows: np.ndarray, dedup_days: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The submissions in the order they are merged (each phone's by time, then
    those without a phone), the window each falls in, and its donor key."""
    phone, times = column["phone"], column["submitted_at"]
    phoned, alone = np.flatnonzero(phone != ""), np.flatnonzero(phone == "")
    group, _ = factorize(phone[phoned])  # numbered as first met
    moment = _microseconds(times[phoned])
    # as sorted() by (time or datetime.min, row) did, ties kept in reading order
    by_time = np.lexsort((np.arange(len(phoned)), rows[phoned], moment, group))
    timed = _known(times[phoned][by_time])
    opens = _window_opens(group[by_time], timed, moment[by_time], _window(dedup_days, moment))
    windows = int(opens.sum())
    sequence = np.concatenate([phoned[by_time], alone])
    window = np.concatenate([np.cumsum(opens) - 1, windows + np.arange(len(alone))])
    names = map_unique(column["donor_name"][alone], _name_key).values()
    return sequence, window, np.concatenate([phone[phoned][by_time], names])


def _listed(window: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Each submission's donor, numbered by the window's lowest row, ties as formed."""
    count = int(window.max()) + 1 if len(window) else 0
    lowest = np.full(count, np.iinfo(np.int64).max)
    np.minimum.at(lowest, window, rows)
    place = np.empty(count, dtype=np.intp)
    place[np.lexsort((np.arange(count), lowest))] = np.arange(count)
    return place[window]


def _name_key(name: str) -> str:
    return "name:" + fold(name)


def _microseconds(times: np.ndarray) -> np.ndarray:
    """Times as integer microseconds, an unknown time as datetime.min."""
    moments = [datetime.min if t is None else t for t in times]
    return np.array(moments, dtype="datetime64[us]").astype(np.int64)


def _window(dedup_days: int, moment: np.ndarray) -> int:
    """The window in microseconds, no wider than the times span (so sums cannot overflow)."""
    days = timedelta(days=max(dedup_days, 0)) // _MICROSECONDS
    span = int(moment.max() - moment.min()) + 1 if len(moment) else 0
    return min(days, span)


def _window_opens(
    group: np.ndarray, timed: np.ndarray, moment: np.ndarray, window: int
) -> np.ndarray:
    """Which submissions (sorted by group, then time) open a dedup window.

    A run of submissions without a time is one window; in a run with times,
    a window opens at the run's first and then at the first one more than
    `window` after the last opening.
    """
    count = len(group)
    changes = np.ones(count, dtype=bool)
    changes[1:] = (group[1:] != group[:-1]) | (timed[1:] != timed[:-1])
    run = np.cumsum(changes) - 1
    opens = changes.copy()
    reach = _reach(run, moment, window)
    frontier = np.flatnonzero(changes & timed)
    while frontier.size:  # one step per window of the longest run
        after = reach[frontier] + 1
        inside = after < count
        frontier, after = frontier[inside], after[inside]
        frontier = after[run[after] == run[frontier]]
        opens[frontier] = True
    return opens


def _reach(run: np.ndarray, moment: np.ndarray, window: int) -> np.ndarray:
    """For each submission, the last one of its run at most `window` after it.

    Times are ranked together with time + window, so (run, rank) packs into
    one sorted integer key that a single searchsorted can scan.
    """
    count = len(moment)
    if not count:
        return np.zeros(0, dtype=np.intp)
    _, ranks = np.unique(np.concatenate([moment, moment + window]), return_inverse=True)
    width = int(ranks.max()) + 1
    keys = run * width + ranks[:count]
    return np.searchsorted(keys, run * width + ranks[count:], side="right") - 1


def donors_of(merged: pd.DataFrame) -> pd.DataFrame:
    """One row per donor (by `donor`): key, window_start, the latest submission's
    row, time and phone, the latest name, city and delivery answer given, and
    the window's first row."""
    column = columns(merged)
    donor = ints(column["donor"])
    count = int(donor.max()) + 1 if len(donor) else 0
    first = np.full(count, len(donor))
    np.minimum.at(first, donor, np.arange(len(donor)))
    last = _latest_where(donor, np.ones(len(donor), dtype=bool), count)
    named = _latest_where(donor, column["donor_name"] != "", count)
    placed = _latest_where(donor, column["city"] != "", count)
    answered = _latest_where(donor, _known(column["can_deliver"]), count)
    return table(
        {
            "donor_key": column["donor_key"][first],
            "window_start": column["submitted_at"][first],
            "first_row": column["source_row"][first],
            "kept_row": column["source_row"][last],
            "submitted_at": column["submitted_at"][last],
            "phone": column["phone"][last],
            "donor_name": _taken(column["donor_name"], named, ""),
            # coordinates come with the city they belong to
            "city": _taken(column["city"], placed, ""),
            "lat": _taken(column["lat"], placed, None),
            "lon": _taken(column["lon"], placed, None),
            "can_deliver": _taken(column["can_deliver"], answered, None),
        }
    )


def _latest_where(donor: np.ndarray, given: np.ndarray, count: int) -> np.ndarray:
    """Per donor, the position of its last submission where `given` holds, or -1."""
    latest = np.full(count, -1)
    at = np.flatnonzero(given)
    np.maximum.at(latest, donor[at], at)
    return latest


def _known(values: np.ndarray) -> np.ndarray:
    return np.fromiter((value is not None for value in values), dtype=bool, count=len(values))


def _taken(values: np.ndarray, at: np.ndarray, fill: object) -> np.ndarray:
    out = filled(len(at), fill)
    out[at >= 0] = values[at[at >= 0]]
    return out


def donor_lines(merged: pd.DataFrame) -> pd.DataFrame:
    """One row per donor and category, in the order categories were first offered,
    with the latest line for it and that line's source row."""
    column = columns(merged)
    of, line = explode(column["lines"])
    donor = ints(column["donor"])[of]
    category = objects(item.category for item in line)
    pairs, _ = factorize(objects(zip(donor.tolist(), category, strict=True)))  # first offered first
    latest = np.full(int(pairs.max()) + 1 if len(pairs) else 0, -1)
    np.maximum.at(latest, pairs, np.arange(len(pairs)))
    return table(
        {
            "donor": donor[latest],
            "category": category[latest],
            "source_row": column["source_row"][of[latest]],
            "line": line[latest],
        }
    )
