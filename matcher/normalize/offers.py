"""Form responses -> offers: one line per category a donor offered."""

from __future__ import annotations

from collections.abc import Sequence

from matcher.model import Offer, Problem, ProblemSource, SourceRow, stable_id
from matcher.normalize.answers import parse_yes_no
from matcher.normalize.categories import OTHER
from matcher.normalize.dedup import Donor, Submission, merge_submissions
from matcher.normalize.fields import RowContext
from matcher.normalize.items import read_items
from matcher.normalize.junk import foreign_links, is_header_row, is_spam, is_test_row, junk_code
from matcher.params import NormalizeParams
from matcher.text import fold

DEFAULT_PARAMS = NormalizeParams()

SOURCE: ProblemSource = "offers"
#: A response with this many categories ticked is a try-out of the form.
TICKED_EVERYTHING = 10
TEXT_FIELDS = ("donor_name", "categories", "details")


def _read(row: SourceRow, params: NormalizeParams) -> tuple[Submission | None, list[Problem]]:
    ctx = RowContext.of(SOURCE, row, params)
    if ctx.is_empty():
        ctx.note("", "empty_row")
        return None, ctx.problems
    if is_test_row(ctx.get(key) for key in TEXT_FIELDS):
        field = next(k for k in TEXT_FIELDS if is_test_row([ctx.get(k)]))
        ctx.error(field, "test_row")
        return None, ctx.problems
    if is_header_row(ctx.cells.values()):
        ctx.note("", "header_row")
        return None, ctx.problems
    items = read_items(ctx.get("categories"), ctx.get("details"), labels_decide=False)
    things = items.recognized and any(line.category != OTHER or line.kind for line in items.lines)
    everything = " ".join(ctx.get(key) for key in (*TEXT_FIELDS, "city"))
    if is_spam(everything, recognized=things):
        field = next((k for k, v in ctx.cells.items() if foreign_links(v)), "details")
        ctx.error(field, "spam_row", link=foreign_links(everything)[0])
        return None, ctx.problems
    junk = junk_code([ctx.get("categories"), ctx.get("details")], things=things)
    if junk is None and len(items.lines) >= TICKED_EVERYTHING:
        junk = "test_row"  # every box ticked: someone trying the form out
    if junk:
        field = "details" if ctx.get("details") else "categories"
        ctx.error(field, junk)
        return None, ctx.problems
    name = ctx.get("donor_name")
    phone = ctx.phone(report_missing=bool(name))
    if not phone and not name:
        ctx.error("phone", "no_contact")
        return None, ctx.problems
    if not name:
        ctx.note("donor_name", "name_missing")
    submitted_at = ctx.timestamp()
    city = ctx.city()
    can_deliver, understood = parse_yes_no(ctx.get("can_deliver"))
    if not understood:
        ctx.note("can_deliver", "can_deliver_unknown")
    if not items.recognized:
        ctx.error("categories" if ctx.get("categories") else "details", "category_unknown")
    elif all(line.category == OTHER for line in items.lines):
        ctx.note("details" if ctx.get("details") else "categories", "other_item")
    sub = Submission(
        row.source_row,
        submitted_at,
        name,
        phone,
        city.name,
        city.lat,
        city.lon,
        can_deliver,
        items.lines,
    )
    return sub, ctx.problems


def _offers_of(donor: Donor) -> tuple[list[Offer], list[Problem]]:
    latest = donor.latest
    start = donor.window_start.isoformat() if donor.window_start else ""
    offers: list[Offer] = []
    problems: list[Problem] = []
    for code, (line, row) in donor.lines.items():
        quantity = line.quantity
        estimated = quantity is None or quantity.estimated
        value = quantity.value if quantity else 1
        # An estimate is flagged on the record (the Offers tab shows it), not on
        # Problems: it is too common to be worth a row there.
        offers.append(
            Offer(
                offer_id=stable_id("O", donor.key, start, code),
                source_row=row,
                submitted_at=latest.submitted_at,
                donor_name=latest.donor_name,
                phone=latest.phone,
                city=latest.city,
                category=code,
                item=line.item,
                quantity=value,
                can_deliver=donor.can_deliver,
                lat=latest.lat,
                lon=latest.lon,
                quantity_estimated=estimated,
                donor_key=donor.key,
                **line.item_model(),
            )
        )
    first = donor.rows[0]
    for row in donor.rows[1:]:
        problems.append(
            Problem(
                SOURCE,
                row,
                "phone",
                latest.phone,
                "duplicate_submission",
                {"first_row": first, "kept_row": latest.source_row},
                "note",
            )
        )
    return offers, problems


def normalize_offers(
    rows: Sequence[SourceRow], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[list[Offer], list[Problem]]:
    """Offers (one per donor and category) and the problems met on the way.

    Every row gives offers, a problem, or both. Offer ids depend on the donor
    (phone, or name when there is no valid phone), the first submission time
    of the donor's dedup window and the category — never on row order.
    """
    problems: list[Problem] = []
    with_phone: list[Submission] = []
    without_phone: list[Submission] = []
    for row in rows:
        sub, row_problems = _read(row, params)
        problems.extend(row_problems)
        if sub is not None:
            (with_phone if sub.phone else without_phone).append(sub)
    donors = merge_submissions(with_phone, params.dedup_days)
    for sub in without_phone:  # no phone: nothing to merge on, each row is its own donor
        donor = Donor("name:" + fold(sub.donor_name), sub.submitted_at, sub)
        donor.rows.append(sub.source_row)
        donor.can_deliver = sub.can_deliver
        donor.lines = {line.category: (line, sub.source_row) for line in sub.lines}
        donors.append(donor)
    offers: list[Offer] = []
    seen: dict[str, int] = {}
    for donor in sorted(donors, key=lambda d: min(d.rows)):
        donor_offers, donor_problems = _offers_of(donor)
        problems.extend(donor_problems)
        for offer in donor_offers:
            if offer.offer_id in seen:
                problems.append(
                    Problem(
                        SOURCE,
                        offer.source_row,
                        "",
                        offer.item[:200],
                        "duplicate_row",
                        {"kept_row": seen[offer.offer_id]},
                        "note",
                    )
                )
                continue
            seen[offer.offer_id] = offer.source_row
            offers.append(offer)
    offers.sort(key=lambda o: (o.source_row, o.offer_id))
    problems.sort(key=lambda p: p.source_row)
    return offers, problems
