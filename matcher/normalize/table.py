"""A source table read row by row, then put together: the seam for incremental passes.

`normalize_offers` and `normalize_needs` read every row and then work on the
whole table (donor dedup, duplicate rows). Here the two halves are apart, so a
caller can keep what a row read to and read only the rows that changed:

    reads = [read_offer_row(row, params) for row in rows]   # per row, pure
    offers, problems = offers_from_reads(reads, params)     # the table

gives exactly what `normalize_offers(rows, params)` gives (and the same for
needs); tests/normalize/test_table.py holds the two to that. A row's reading
depends on its values alone, apart from the row number it carries, so a read
kept from an earlier pass is moved to the row's place now with `read_at`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from matcher.model import Need, Offer, Problem, ProblemSource, SourceRow
from matcher.normalize import needs as need_reader
from matcher.normalize import offers as offer_reader
from matcher.normalize.dedup import Donor, Submission, merge_submissions
from matcher.params import NormalizeParams
from matcher.text import fold

DEFAULT_PARAMS = NormalizeParams()


@dataclass(frozen=True, slots=True)
class OfferRead:
    """What one form row reads to: a submission (None when the row gives none)."""

    submission: Submission | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class NeedRead:
    """What one needs row reads to: its needs (one per category) and its problems."""

    needs: tuple[Need, ...]
    problems: tuple[Problem, ...]


def read_offer_row(row: SourceRow, params: NormalizeParams = DEFAULT_PARAMS) -> OfferRead:
    submission, problems = offer_reader._read(row, params)
    return OfferRead(submission, tuple(problems))


def read_need_row(row: SourceRow, params: NormalizeParams = DEFAULT_PARAMS) -> NeedRead:
    needs, problems = need_reader._need_rows(row, params)
    return NeedRead(tuple(needs), tuple(problems))


def read_at(read: OfferRead | NeedRead, source_row: int) -> OfferRead | NeedRead:
    """The same reading, for the same values found at `source_row`."""
    problems = tuple(_moved(p, source_row) for p in read.problems)
    if isinstance(read, OfferRead):
        sub = read.submission
        return OfferRead(None if sub is None else _moved(sub, source_row), problems)
    return NeedRead(tuple(_moved(n, source_row) for n in read.needs), problems)


Moved = TypeVar("Moved", Problem, Submission, Need)


def _moved(record: Moved, source_row: int) -> Moved:
    if record.source_row == source_row:
        return record
    return dataclasses.replace(record, source_row=source_row)


def offers_from_reads(
    reads: Iterable[OfferRead], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[list[Offer], list[Problem]]:
    """The offers of a whole form, from its rows' reads: as `normalize_offers` gives them."""
    problems: list[Problem] = []
    by_phone: list[Submission] = []
    by_name: list[Submission] = []
    for read in reads:
        problems.extend(read.problems)
        if read.submission is not None:
            (by_phone if read.submission.phone else by_name).append(read.submission)
    donors = merge_submissions(by_phone, params.dedup_days)
    donors += [_donor_alone(sub) for sub in by_name]
    offers: list[Offer] = []
    kept_at: dict[str, int] = {}
    for donor in sorted(donors, key=lambda d: min(d.rows)):
        donor_offers, donor_problems = offer_reader._offers_of(donor)
        problems.extend(donor_problems)
        for offer in donor_offers:
            if offer.offer_id in kept_at:
                problems.append(_repeat(offer_reader.SOURCE, offer, kept_at[offer.offer_id]))
            else:
                kept_at[offer.offer_id] = offer.source_row
                offers.append(offer)
    offers.sort(key=lambda o: (o.source_row, o.offer_id))
    problems.sort(key=lambda p: p.source_row)
    return offers, problems


def _donor_alone(sub: Submission) -> Donor:
    """A submission with no phone: nothing to merge on, so it is a donor of its own."""
    donor = Donor("name:" + fold(sub.donor_name), sub.submitted_at, sub)
    donor.rows.append(sub.source_row)
    donor.can_deliver = sub.can_deliver
    donor.lines = {line.category: (line, sub.source_row) for line in sub.lines}
    return donor


def needs_from_reads(reads: Sequence[NeedRead]) -> tuple[list[Need], list[Problem]]:
    """The needs of a whole sheet, from its rows' reads in row order: as
    `normalize_needs` gives them (a repeated need is kept once, with a note)."""
    problems: list[Problem] = []
    kept: dict[str, Need] = {}
    for read in reads:
        problems.extend(read.problems)
        for need in read.needs:
            first = kept.get(need.need_id)
            if first is None:
                kept[need.need_id] = need
            else:
                problems.append(_repeat(need_reader.SOURCE, need, first.source_row))
    problems.sort(key=lambda p: p.source_row)
    return list(kept.values()), problems


def _repeat(source: ProblemSource, record: Offer | Need, kept_row: int) -> Problem:
    return Problem(
        source,
        record.source_row,
        "",
        record.item[:200],
        "duplicate_row",
        {"kept_row": kept_row},
        "note",
    )
