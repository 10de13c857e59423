"""NGO needs sheet -> needs: one per category a row asks for.

Like offers, the rows are one frame read check by check, each cell reader
run once per distinct answer; then each row's lines are exploded into one
row per category.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from functools import cache, partial
from operator import itemgetter

import numpy as np
import pandas as pd

from matcher.model import ANY_UNIT, Need, Problem, ProblemSource, SourceRow, Urgency, stable_id
from matcher.normalize.answers import (
    deadline_urgency,
    parse_urgency,
    situation_told,
    urgency_in_text,
)
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
    explode,
    firsts,
    ints,
    map_unique,
    map_unique_rows,
    objects,
    read_sheet,
    table,
)
from matcher.normalize.items import ItemLine, column_quantity
from matcher.normalize.junk import closed_need, junk_code, notice_kind, still_asks
from matcher.normalize.problem_log import ProblemLog, by_source_row, duplicate_rows, records
from matcher.normalize.quantities import Quantity
from matcher.normalize.screen import set_aside, without_spam
from matcher.params import NormalizeParams
from matcher.text import fold

DEFAULT_PARAMS = NormalizeParams()
#: parse_urgency, or a memo of it for one table.
_UrgencyOf = Callable[[str], tuple[Urgency, bool]]

SOURCE: ProblemSource = "needs"
TEXT_FIELDS = ("organization", "contact_name", "item")
FIELDS = ("submitted_at", "organization", "contact_name", "phone", "city", "category", "item",
          "quantity", "urgency")  # fmt: skip


def _usable_rows(
    rows: Sequence[SourceRow], params: NormalizeParams, log: ProblemLog
) -> pd.DataFrame:
    """The rows that give needs: their cleaned cells, lines, phone, moment (the
    time read), city, lat, lon and urgency_level."""
    sheet = read_sheet(rows, FIELDS)
    cells = clean_cells(sheet, params.max_cell_chars, log)
    alive = set_aside(cells, TEXT_FIELDS, log, thing_field="item", lists=True)
    lines = read_lines(cells["category"], cells["item"], alive, labels_decide=True)
    alive = without_spam(sheet, cells, alive, TEXT_FIELDS, lines["recognized"], "item", log)
    junk = map_unique_rows([cells["item"], lines["things"]], _junk, alive).values()
    junky = alive & junk.astype(bool) & (junk != "help_request")  # a need is a request by nature
    thanks = junky & (junk == "thanks_row")
    # "куртки (вже отримали 6 з 15) | ще 9": a thanks that asks for the rest
    junky &= ~map_unique_rows([cells["item"], cells["quantity"]], still_asks, thanks).flags(bool)
    log.error(junky, "item", junk)
    alive &= ~junky
    kind = map_unique(cells["item"], notice_kind, alive).values(fill="")
    names_things = lines["recognized"] & ~lines["only_other"]
    notice = (kind == "notice") | (((kind == "heading") | (kind == "note")) & ~names_things)
    notice &= alive & (cells["quantity"] == "")
    log.error(notice, "item", "notice_row")
    alive &= ~notice
    # "закрыто" in any cell: the item's, the quantity's ("отримали 6, закрито") or
    # the urgency's ("вже закрили, дякуємо!")
    texts = [cells["item"], cells["quantity"], cells["urgency"]]
    closed = map_unique_rows(texts, closed_need, alive).flags(bool)
    log.error(closed, "item", "need_closed")
    alive &= ~closed
    named = (cells["organization"] != "") | (cells["contact_name"] != "")
    phone = read_phones(cells["phone"], alive, named, log)
    no_contact = alive & (phone == "") & ~named
    log.error(no_contact, "phone", "no_contact")
    alive &= ~no_contact
    no_item = alive & (cells["item"] == "") & ~lines["recognized"]
    log.error(no_item, "item", "item_missing")
    alive &= ~no_item
    moment = read_timestamps(cells["submitted_at"], alive, log)
    city = read_cities(cells["city"], alive, log)
    urgency_of = cache(parse_urgency)  # each answer once, whichever column it is in
    cells = _swap_if_swapped(cells, alive, urgency_of)
    urgency = _urgency(cells, moment, alive, log, urgency_of)
    log.error(alive & ~lines["recognized"], "item", "category_unknown")
    log.note(alive & lines["recognized"] & lines["only_other"], "item", "other_item")
    usable = {
        **cells,
        **lines,
        "source_row": sheet.source_rows(),
        "phone": phone,
        "moment": moment,
        "urgency_level": urgency,
        **city,
    }
    at = np.flatnonzero(alive)
    return table({key: values[at] for key, values in usable.items()}, index=at)


def _junk(text: str, things: bool) -> str | None:
    return junk_code([text], things=things)


def _swap_if_swapped(cells: Cells, alive: np.ndarray, urgency_of: _UrgencyOf) -> Cells:
    """ "Количество: не срочно", "Срочность: 20 шт": the two cells typed into each
    other's column are read as meant."""
    quantity, urgency = cells["quantity"], cells["urgency"]
    typed = alive & (quantity != "") & (urgency != "")
    swap = map_unique_rows([quantity, urgency], partial(_swapped, urgency_of), typed).flags(bool)
    if not swap.any():
        return cells
    return {
        **cells,
        "quantity": np.where(swap, urgency, quantity),
        "urgency": np.where(swap, quantity, urgency),
    }


def _swapped(urgency_of: _UrgencyOf, quantity: str, urgency: str) -> bool:
    if urgency_of(urgency)[1]:
        return False
    worded = not any(ch.isdigit() for ch in quantity)  # "2" is also an urgency code
    return worded and urgency_of(quantity)[1] and any(ch.isdigit() for ch in urgency)


def _urgency(
    cells: Cells, moment: np.ndarray, alive: np.ndarray, log: ProblemLog, urgency_of: _UrgencyOf
) -> np.ndarray:
    """The urgency column, or (when it is empty) urgency written in the item or the
    quantity, or (when the column is not understood) a deadline in it counted from
    the row's date."""
    answer = map_unique(cells["urgency"], urgency_of, alive)
    level = answer.values(itemgetter(0))
    blank = alive & (cells["urgency"] == "")  # "СРОЧНО: памперсы" counts when the cell is empty
    said = map_unique(cells["item"], urgency_in_text, blank).values()
    # "срочно 20 фл." in the quantity cell counts as well
    counted = map_unique(cells["quantity"], _urgent_in_text, blank).values()
    level[blank] = [
        text or quantity or column
        for text, quantity, column in zip(said[blank], counted[blank], level[blank], strict=True)
    ]
    unknown = answer.flags(lambda a: not a[1])
    # "до 20.02": a deadline, counted from the row's date (only its day matters)
    day = objects(None if at is None else at.date() for at in moment)
    found = map_unique_rows([cells["urgency"], day], _deadline, unknown)
    deadline, dated = found.values(), found.flags(lambda due: due is not None)
    level[dated] = deadline[dated]
    # "село відрізане, магазин не працює": why it cannot wait, told instead
    told = map_unique(cells["urgency"], situation_told, unknown & ~dated).flags(bool)
    level[told] = "high"
    log.note(unknown & ~dated & ~told, "urgency", "urgency_unknown")
    return level


def _urgent_in_text(text: str) -> Urgency | None:
    """ "срочно 20 фл.": an urgent word; "не горит" as the whole cell: can wait.
    "по можливості" there is how many, not when; "уточню завтра" is when the count
    comes."""
    if _TOLD_LATER.search(fold(text)):
        return None
    found = urgency_in_text(text)
    if found == "high":
        return found
    if any(ch.isdigit() for ch in text):
        return None  # "3" is how many, not the urgency code 3
    level, understood = parse_urgency(text)
    how_many = any(word in fold(text) for word in ("можлив", "возможн"))
    return level if understood and level == "low" and not how_many else None


#: "уточню завтра", "скажемо пізніше": the count will be told.
_TOLD_LATER = re.compile(r"(?<!\w)(?:уточн|скаж|сообщ|повідом|напиш|дозвон)\w*")


def _deadline(raw: str, day: date | None) -> Urgency | None:
    return deadline_urgency(raw, None if day is None else datetime.combine(day, time()))


def normalize_needs(
    rows: Sequence[SourceRow], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[list[Need], list[Problem]]:
    """Needs (one per row and category) and the problems met on the way.

    Every row gives needs, a problem, or both. A need id depends on the
    organization, the submission time, the category and the item text — not on
    the row's position, its quantity or its urgency. Identical rows are counted
    once, with a note on the repeats.
    """
    return needs_from_rows(*read_need_rows(rows, params))


def read_need_rows(
    rows: Sequence[SourceRow], params: NormalizeParams = DEFAULT_PARAMS
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What each row reads to on its own, the first half of `normalize_needs`: the
    usable rows (one frame row each, by source row) and the rows' problems
    (problem_log.COLUMNS). A row's reading depends on its cells alone."""
    rows = sorted(rows, key=lambda r: r.source_row)
    log = ProblemLog(rows)
    return _usable_rows(rows, params, log), log.frame()


def needs_from_rows(
    usable: pd.DataFrame, row_problems: pd.DataFrame
) -> tuple[list[Need], list[Problem]]:
    """The second half of `normalize_needs`: the sheet's needs from what its rows read
    to (`read_need_rows`), a repeated need kept once."""
    lines = _need_lines(usable)
    items = objects(line.item for line in lines["line"])
    found = by_source_row(
        row_problems, duplicate_rows(lines["need_id"], lines["source_row"], items)
    )
    kept = firsts(lines["need_id"]) == np.arange(len(items))
    return _needs({key: values[kept] for key, values in lines.items()}), records(SOURCE, found)


def _need_lines(usable: pd.DataFrame) -> Cells:
    """One row per line of each usable row (exploded), with its quantity and need id."""
    row = columns(usable)
    folded = {key: map_unique(row[key], fold).values() for key in TEXT_FIELDS}
    owner = folded["organization"]
    owner = np.where(owner != "", owner, folded["contact_name"])
    owner = np.where(owner != "", owner, row["phone"])
    stamp = objects(
        moment.isoformat() if moment else typed
        for moment, typed in zip(row["moment"], row["submitted_at"], strict=True)
    )
    of, line = explode(row["lines"])
    only_line = ints(row["line_count"])[of] == 1
    row_lines = objects(tuple(items) for items in row["lines"])
    counted = map_unique_rows(
        [row["quantity"][of], line, only_line, row_lines[of]], _column_quantity
    )
    need_id = objects(
        stable_id("N", owner, stamp, item.category, item_key)
        for owner, stamp, item, item_key in zip(
            owner[of], stamp[of], line, folded["item"][of], strict=True
        )
    )
    return {
        **{key: values[of] for key, values in row.items()},
        "line": line,
        "counted": counted.values(),
        "need_id": need_id,
    }


def _column_quantity(
    column: str, line: ItemLine, only_line: bool, row_lines: tuple[ItemLine, ...]
) -> tuple[Quantity | None, str]:
    if _totals_the_item(column, line, row_lines):
        return None, ""  # the item's own counts stand
    row_items = tuple((each.category, each.item) for each in row_lines)
    return column_quantity(column, line, only_line=only_line, row_items=row_items)


def _totals_the_item(column: str, line: ItemLine, row_lines: tuple[ItemLine, ...]) -> bool:
    """ "куртки 20, ботинки 20 пар | 40", "щетки 100, паста 100 | 100": a bare number
    that sums up, or repeats, the counts the item cell already gives each thing."""
    total = column.strip()
    if not total.isdigit() or not all(each.stated and each.quantity for each in row_lines):
        return False
    own = [each.quantity.value for each in row_lines if each.quantity]
    if len(own) > 1 and sum(own) == int(total):
        return True
    return line.things > 1 and own == [int(total) * line.things]


def _needs(lines: Cells) -> list[Need]:
    needs = []
    fields = ["need_id", "source_row", "moment", "organization", "contact_name", "phone",
              "city", "line", "counted", "urgency_level", "lat", "lon"]  # fmt: skip
    for (
        need_id,
        row,
        at,
        organization,
        contact,
        phone,
        city,
        line,
        counted,
        urgency,
        lat,
        lon,
    ) in zip(*(lines[c].tolist() for c in fields), strict=True):
        by_column, column_unit = counted
        # "кроватка и коляска" with no number: the need states no count
        quantity = by_column or (line.quantity if line.stated else None)
        # Flagged on the record (the Needs tab shows it), not on Problems.
        needs.append(
            Need(
                need_id=need_id,
                source_row=row,
                submitted_at=at,
                organization=organization,
                contact_name=contact,
                phone=phone,
                city=city,
                category=line.category,
                item=line.item,
                quantity=quantity.value if quantity else 1,
                urgency=urgency,
                lat=lat,
                lon=lon,
                quantity_estimated=quantity is None or quantity.estimated,
                # a need that states no count takes offers counted in any unit
                **{
                    **line.item_model(),
                    "unit": (column_unit or line.unit) if quantity else ANY_UNIT,
                },
            )
        )
    return needs
