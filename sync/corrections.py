"""Notes for records a person corrected in their source: same id, new content.

An offer or a need keeps its id when its row is corrected (sync/identity.py).
The pass compares each record with the row the Offers or Needs tab showed for
the same id after the last pass; a changed phone or item text of a record that
has pairs on Matches gets a note on Problems («Донор исправил телефон…»), since
the pass refreshes those pairs' contact cells. Pure, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from matcher.model import Need, Offer, Problem
from matcher.params import Language
from matcher.vocabulary_files import ProblemCode
from sync.cells import same_value
from sync.display import dial_ready
from sync.labels import column_spellings
from sync.plan import Grid, locate_columns

_CODES = {
    ("offers", "phone"): ProblemCode.OFFER_PHONE_CORRECTED,
    ("offers", "item"): ProblemCode.OFFER_ITEM_CORRECTED,
    ("needs", "phone"): ProblemCode.NEED_PHONE_CORRECTED,
    ("needs", "item"): ProblemCode.NEED_ITEM_CORRECTED,
}


def _shown(grid: Grid | None, id_key: str) -> dict[str, dict[str, str]]:
    """Record id -> its phone and item as the tab shows them."""
    if not grid:
        return {}
    keys = (id_key, "phone", "item")
    at = locate_columns(grid[0], {key: column_spellings(key) for key in keys})
    if id_key not in at:
        return {}
    shown = {}
    for row in grid[1:]:
        cells = {key: row[i] if i < len(row) else "" for key, i in at.items()}
        if cells[id_key]:
            shown[cells[id_key]] = cells
    return shown


def correction_notes(
    source: str,
    records: Iterable[Offer | Need],
    tab: Grid | None,
    paired: set[str],
    language: Language,
) -> list[Problem]:
    """One note per corrected phone or item of a record with pairs (`paired` ids)."""
    id_key = "offer_id" if source == "offers" else "need_id"
    before: Mapping[str, dict[str, str]] = _shown(tab, id_key)
    notes = []
    for record in records:
        record_id = getattr(record, id_key)
        old = before.get(record_id)
        if old is None or record_id not in paired:
            continue
        now = {"phone": dial_ready(record.phone, language), "item": record.item}
        for field, value in now.items():
            if field in old and not same_value(old[field], value):
                notes.append(
                    Problem(
                        source="offers" if source == "offers" else "needs",
                        source_row=record.source_row,
                        field="details" if (source, field) == ("offers", "item") else field,
                        value=old[field],
                        code=_CODES[(source, field)],
                        params={"new": value},
                        severity="note",
                    )
                )
    return notes
