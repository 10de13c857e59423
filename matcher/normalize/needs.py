"""NGO needs sheet -> needs: one per category a row asks for."""

from __future__ import annotations

from collections.abc import Sequence

from matcher.model import Need, Problem, ProblemSource, SourceRow, stable_id
from matcher.normalize.answers import parse_urgency, urgency_in_text
from matcher.normalize.categories import OTHER
from matcher.normalize.fields import RowContext
from matcher.normalize.items import column_quantity, read_items
from matcher.normalize.junk import foreign_links, is_header_row, is_spam, is_test_row, junk_code
from matcher.params import NormalizeParams
from matcher.text import fold

DEFAULT_PARAMS = NormalizeParams()

SOURCE: ProblemSource = "needs"
TEXT_FIELDS = ("organization", "contact_name", "item")


def _need_rows(row: SourceRow, params: NormalizeParams) -> tuple[list[Need], list[Problem]]:
    ctx = RowContext.of(SOURCE, row, params)
    if ctx.is_empty():
        ctx.note("", "empty_row")
        return [], ctx.problems
    if is_test_row(ctx.get(key) for key in TEXT_FIELDS):
        field = next(k for k in TEXT_FIELDS if is_test_row([ctx.get(k)]))
        ctx.error(field, "test_row")
        return [], ctx.problems
    if is_header_row(ctx.cells.values()):
        ctx.note("", "header_row")
        return [], ctx.problems
    items = read_items(ctx.get("category"), ctx.get("item"), labels_decide=True)
    things = items.recognized and any(line.category != OTHER or line.kind for line in items.lines)
    everything = " ".join(ctx.get(key) for key in (*TEXT_FIELDS, "city"))
    if is_spam(everything, recognized=items.recognized):
        field = next((k for k, v in ctx.cells.items() if foreign_links(v)), "item")
        ctx.error(field, "spam_row", link=foreign_links(everything)[0])
        return [], ctx.problems
    junk = junk_code([ctx.get("item")], things=things)
    if junk and junk != "help_request":  # an NGO's need is a request by nature
        ctx.error("item", junk)
        return [], ctx.problems
    organization, contact = ctx.get("organization"), ctx.get("contact_name")
    phone = ctx.phone(report_missing=bool(organization or contact))
    if not (phone or organization or contact):
        ctx.error("phone", "no_contact")
        return [], ctx.problems
    if not ctx.get("item") and not items.recognized:
        ctx.error("item", "item_missing")
        return [], ctx.problems
    submitted_at = ctx.timestamp()
    city = ctx.city()
    urgency, understood = parse_urgency(ctx.get("urgency"))
    if not ctx.get("urgency"):  # "СРОЧНО: памперсы" counts when the cell is empty
        urgency = urgency_in_text(ctx.get("item")) or urgency
    if not understood:
        ctx.note("urgency", "urgency_unknown")
    if not items.recognized:
        ctx.error("item", "category_unknown")
    elif all(line.category == OTHER for line in items.lines):
        ctx.note("item", "other_item")
    owner = fold(organization) or fold(contact) or phone
    stamp = submitted_at.isoformat() if submitted_at else ctx.get("submitted_at")
    item_key = fold(ctx.get("item"))
    needs = []
    for line in items.lines:
        quantity = column_quantity(ctx.get("quantity"), line) or line.quantity
        estimated = quantity is None or quantity.estimated
        value = quantity.value if quantity else 1
        # Flagged on the record (the Needs tab shows it), not on Problems.
        needs.append(
            Need(
                need_id=stable_id("N", owner, stamp, line.category, item_key),
                source_row=row.source_row,
                submitted_at=submitted_at,
                organization=organization,
                contact_name=contact,
                phone=phone,
                city=city.name,
                category=line.category,
                item=line.item,
                quantity=value,
                urgency=urgency,
                lat=city.lat,
                lon=city.lon,
                quantity_estimated=estimated,
                **line.item_model(),
            )
        )
    return needs, ctx.problems


def normalize_needs(
    rows: Sequence[SourceRow], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[list[Need], list[Problem]]:
    """Needs (one per row and category) and the problems met on the way.

    Every row gives needs, a problem, or both. A need id depends on the
    organization, the submission time, the category and the item text — not on
    the row's position, its quantity or its urgency. Identical rows are counted
    once, with a note on the repeats.
    """
    problems: list[Problem] = []
    produced: list[Need] = []
    for row in sorted(rows, key=lambda r: r.source_row):
        needs, row_problems = _need_rows(row, params)
        problems.extend(row_problems)
        produced.extend(needs)
    kept: dict[str, Need] = {}
    for need in produced:
        first = kept.get(need.need_id)
        if first is not None:
            problems.append(
                Problem(
                    SOURCE,
                    need.source_row,
                    "",
                    need.item[:200],
                    "duplicate_row",
                    {"kept_row": first.source_row},
                    "note",
                )
            )
            continue
        kept[need.need_id] = need
    problems.sort(key=lambda p: p.source_row)
    return list(kept.values()), problems
