"""Form responses -> offers: one line per category a donor offered.

The responses are one frame: each check is a mask over the rows still in
play, each cell reader runs once per distinct answer, and the problems are
collected as a frame and joined back by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from operator import itemgetter

import numpy as np
import pandas as pd

from matcher.model import Offer, Problem, ProblemSource, SourceRow, stable_id
from matcher.normalize.answers import parse_yes_no
from matcher.normalize.dedup import donor_lines, donors_of, merge_submissions
from matcher.normalize.expiry import expired_when_written
from matcher.normalize.fields import (
    Cells,
    clean_cells,
    read_cities,
    read_lines,
    read_phones,
    read_timestamps,
)
from matcher.normalize.frames import (
    columns,
    firsts,
    ints,
    map_unique,
    map_unique_rows,
    objects,
    pick,
    read_sheet,
    table,
)
from matcher.normalize.items import spoiled_as_other
from matcher.normalize.junk import junk_code, looks_like_formula, offers_in
from matcher.normalize.problem_log import (
    EMPTY,
    ProblemLog,
    by_source_row,
    duplicate_rows,
    records,
)
from matcher.normalize.screen import set_aside, without_spam
from matcher.params import NormalizeParams

DEFAULT_PARAMS = NormalizeParams()

SOURCE: ProblemSource = "offers"
#: A response with this many categories ticked is a try-out of the form.
TICKED_EVERYTHING = 10
TEXT_FIELDS = ("donor_name", "categories", "details")
FIELDS = ("submitted_at", "donor_name", "phone", "city", "categories", "details", "can_deliver")


def _submissions(
    rows: Sequence[SourceRow], params: NormalizeParams, log: ProblemLog
) -> pd.DataFrame:
    """The usable responses, one row each: source_row, submitted_at, donor_name,
    phone, city, lat, lon, can_deliver and lines."""
    sheet = read_sheet(rows, FIELDS)
    cells = clean_cells(sheet, params.max_cell_chars, log)
    alive = set_aside(cells, TEXT_FIELDS, log, thing_field="details", lists=False)
    lines = read_lines(cells["categories"], cells["details"], alive, labels_decide=False)
    alive = without_spam(sheet, cells, alive, TEXT_FIELDS, lines["things"], "details", log)
    alive = _without_junk(cells, lines, alive, log)
    named = cells["donor_name"] != ""
    phone = read_phones(cells["phone"], alive, named, log)
    no_contact = alive & (phone == "") & ~named
    log.error(no_contact, "phone", "no_contact")
    alive &= ~no_contact
    log.note(alive & ~named, "donor_name", "name_missing")
    submitted_at = read_timestamps(cells["submitted_at"], alive, log)
    lines["lines"] = _spoiled_out(lines["lines"], cells["details"], submitted_at, alive)
    city = read_cities(cells["city"], alive, log)
    answer = map_unique(cells["can_deliver"], parse_yes_no, alive)
    log.note(answer.flags(lambda a: not a[1]), "can_deliver", "can_deliver_unknown")
    unknown = alive & ~lines["recognized"]
    log.error(unknown, _filled_first(cells, "categories", "details"), "category_unknown")
    other = alive & lines["recognized"] & lines["only_other"]
    log.note(other, _filled_first(cells, "details", "categories"), "other_item")
    usable = {
        "source_row": sheet.source_rows(),
        "submitted_at": submitted_at,
        "donor_name": cells["donor_name"],
        "phone": phone,
        **city,
        "can_deliver": answer.values(itemgetter(0)),
        "lines": lines["lines"],
    }
    at = np.flatnonzero(alive)
    return table({key: values[at] for key, values in usable.items()}, index=at)


def _spoiled_out(
    lines: np.ndarray, details: np.ndarray, submitted_at: np.ndarray, alive: np.ndarray
) -> np.ndarray:
    """Medicine and food out of date when the donor wrote become an "other" line."""
    month = objects(datetime(t.year, t.month, 1) if t else None for t in submitted_at)
    spoiled = map_unique_rows([details, month], expired_when_written, alive).flags(bool)
    if not spoiled.any():
        return lines
    out = lines.copy()
    out[spoiled] = objects(tuple(spoiled_as_other(list(ls))) for ls in lines[spoiled])
    return out


def _without_junk(cells: Cells, lines: Cells, alive: np.ndarray, log: ProblemLog) -> np.ndarray:
    """The rows whose text is a real offer: not a formula, mash, ad, request or thanks."""
    texts = [cells["categories"], cells["details"], lines["things"]]
    junk = map_unique_rows(texts, _junk, alive).values()
    # every box ticked: someone trying the form out, unless the details offer
    # ("всё что есть отдадим, звоните")
    tried_out = alive & ~junk.astype(bool) & (lines["line_count"] >= TICKED_EVERYTHING)
    tried_out &= ~map_unique(cells["details"], offers_in, tried_out).flags(bool)
    junk[tried_out] = "test_row"
    # nothing offered and a formula where the name goes: a row a sheet computed
    blank = alive & (cells["categories"] == "") & (cells["details"] == "")
    junk[map_unique(cells["donor_name"], looks_like_formula, blank).flags(bool)] = "formula_row"
    junky = alive & junk.astype(bool)
    log.error(junky, _filled_first(cells, "details", "categories"), junk)
    return alive & ~junky


def _junk(labels: str, text: str, things: bool) -> str | None:
    return junk_code([labels, text], things=things)


def _filled_first(cells: Cells, first: str, then: str) -> np.ndarray:
    """The field `first` where it has text, else `then`: where a problem points."""
    return pick(cells[first] != "", first, then)


def normalize_offers(
    rows: Sequence[SourceRow], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[list[Offer], list[Problem]]:
    """Offers (one per donor and category) and the problems met on the way.

    Every row gives offers, a problem, or both. Offer ids depend on the donor
    (phone, or name when there is no valid phone), the first submission time
    of the donor's dedup window and the category — never on row order.
    """
    return offers_from_rows(*read_offer_rows(rows, params), params)


def read_offer_rows(
    rows: Sequence[SourceRow], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What each row reads to on its own, the first half of `normalize_offers`: the
    usable responses (one frame row each, in reading order) and the rows' problems
    (problem_log.COLUMNS). A row's reading depends on its cells alone."""
    rows = list(rows)  # read once: a progress counter may be watching
    log = ProblemLog(rows)
    return _submissions(rows, params, log), log.frame()


def offers_from_rows(
    submissions: pd.DataFrame, row_problems: pd.DataFrame, params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[list[Offer], list[Problem]]:
    """The second half of `normalize_offers`: the whole form's offers from what its rows
    read to (`read_offer_rows`), donors merged across rows."""
    merged = merge_submissions(submissions, params.dedup_days)
    donors = donors_of(merged)
    line = _offer_lines(donor_lines(merged), donors)
    ids, line_rows = line["offer_id"], line["source_row"]
    items = objects(item.item for item in line["line"])
    repeats = _repeat_submissions(merged, donors)
    found = by_source_row(row_problems, repeats, duplicate_rows(ids, line_rows, items))
    kept = np.flatnonzero(firsts(ids) == np.arange(len(ids)))  # the others: duplicate_row
    kept = kept[np.lexsort((ids[kept], line_rows[kept]))]  # by row, then id
    return _offers({key: values[kept] for key, values in line.items()}), records(SOURCE, found)


def _offer_lines(lines: pd.DataFrame, donors: pd.DataFrame) -> Cells:
    """Each donor's latest line per category with the donor's details and an offer id."""
    line, donor = columns(lines), columns(donors)
    start = objects(t.isoformat() if t else "" for t in donor["window_start"])
    of = ints(line["donor"])
    joined = {**line, **{key: values[of] for key, values in donor.items()}}
    joined["offer_id"] = objects(
        stable_id("O", key, start, item.category)
        for key, start, item in zip(joined["donor_key"], start[of], joined["line"], strict=True)
    )
    return joined


def _repeat_submissions(merged: pd.DataFrame, donors: pd.DataFrame) -> pd.DataFrame:
    """A note on each later submission a donor's window took in."""
    submission, donor = columns(merged), columns(donors)
    listed = ints(submission["donor"])
    repeat = np.r_[False, listed[1:] == listed[:-1]] if len(listed) else listed.astype(bool)
    if not repeat.any():
        return EMPTY
    of = listed[repeat]
    first_rows, kept_rows = donor["first_row"], donor["kept_row"]
    return table(
        {
            "source_row": submission["source_row"][repeat],
            "field": "phone",
            "value": donor["phone"][of],
            "code": "duplicate_submission",
            "params": objects(
                {"first_row": first, "kept_row": kept}
                for first, kept in zip(first_rows[of].tolist(), kept_rows[of].tolist(), strict=True)
            ),
            "severity": "note",
        }
    )


def _offers(lines: dict[str, np.ndarray]) -> list[Offer]:
    offers = []
    fields = ["offer_id", "source_row", "submitted_at", "donor_name", "phone", "city", "line",
              "can_deliver", "lat", "lon", "donor_key"]  # fmt: skip
    for offer_id, row, at, name, phone, city, line, deliver, lat, lon, key in zip(
        *(lines[c].tolist() for c in fields), strict=True
    ):
        quantity = line.quantity
        # An estimate is flagged on the record (the Offers tab shows it), not on
        # Problems: it is too common to be worth a row there.
        offers.append(
            Offer(
                offer_id=offer_id,
                source_row=row,
                submitted_at=at,
                donor_name=name,
                phone=phone,
                city=city,
                category=line.category,
                item=line.item,
                quantity=quantity.value if quantity else 1,
                can_deliver=deliver,
                lat=lat,
                lon=lon,
                quantity_estimated=quantity is None or quantity.estimated,
                donor_key=key,
                **line.item_model(),
                content_quantity=line.content.value if line.content else 0,
                content_unit=line.content_unit,
                kind_counts=line.kind_counts,
            )
        )
    return offers
