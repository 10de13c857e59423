"""Ids that name a submission, not its content: a source row's stable key.

A row's key is its *base* — the Form's submission timestamp for a form row; the
date and the organization (else the contact person) for a need row — and its
place among the rows sharing that base ("#1", "#2"…, in sheet order the first
time they are seen). The base is hashed, so the key holds no personal data.

Rows sharing a base are told apart across passes by a fingerprint of their
cells, kept in the memory tab (sync/memory.py): a row whose cells are unchanged
keeps its key wherever it moved; a row whose cells changed takes the key left
free by its group, in sheet order; a new row takes a number never used in its
group. A key whose row was deleted is kept as gone, so it is never given to
another row (unless the same cells come back). Pure, no I/O.

An offer line's id is the key of the first row of its donor's dedup window and
the category; a need's id is its row's key and the category. So a corrected
phone, name or item text changes the record, never its id.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from matcher.model import Need, Offer, Problem, SourceRow, stable_id
from matcher.normalize.dates import parse_timestamp
from matcher.text import fold
from matcher.vocabulary_files import ProblemCode
from sync.replacing import replaced


@dataclass(frozen=True, slots=True)
class RowMark:
    """What the memory keeps of a source row: its cells' fingerprint, and whether the
    row is still there."""

    fingerprint: str
    gone: bool = False


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()


def _moment(text: str) -> str:
    moment = parse_timestamp(text)
    return moment.isoformat() if moment else fold(text)


def offer_base(row: SourceRow) -> str:
    """A form row's base: when the Form received it."""
    return _digest("offer\x1f" + _moment(row.get("submitted_at")))


def need_base(row: SourceRow) -> str:
    """A need row's base: its date and who asks (the organization, else the contact)."""
    owner = fold(row.get("organization")) or fold(row.get("contact_name"))
    return _digest("need\x1f" + _moment(row.get("submitted_at")) + "\x1f" + owner)


def fingerprint(row: SourceRow) -> str:
    return _digest("\x1f".join(f"{k}={row.values[k]}" for k in sorted(row.values)))


def _ordinal(key: str) -> int:
    return int(key.rpartition("#")[2] or 0)


def row_keys(
    rows: Sequence[SourceRow],
    base_of: Callable[[SourceRow], str],
    remembered: Mapping[str, RowMark],
) -> tuple[dict[int, str], dict[str, RowMark]]:
    """Each row's key (by source_row), and what to remember of every key ever used."""
    groups: dict[str, list[SourceRow]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r.source_row):
        groups[base_of(row)].append(row)
    known: dict[str, dict[str, RowMark]] = defaultdict(dict)
    for key, mark in remembered.items():
        known[key.rpartition("#")[0]][key] = mark
    keys: dict[int, str] = {}
    memory: dict[str, RowMark] = {k: RowMark(m.fingerprint, True) for k, m in remembered.items()}
    for base, members in groups.items():
        prints = {row.source_row: fingerprint(row) for row in members}
        for source_row, key in _assign(base, members, prints, known.get(base, {})).items():
            keys[source_row] = key
            memory[key] = RowMark(prints[source_row])
    return keys, memory


def _assign(
    base: str, members: list[SourceRow], prints: Mapping[int, str], known: Mapping[str, RowMark]
) -> dict[int, str]:
    """source_row -> key, for the rows of one group (`prints`: each row's fingerprint)."""
    by_print: dict[str, list[str]] = defaultdict(list)
    for key in sorted(known, key=_ordinal):
        by_print[known[key].fingerprint].append(key)
    assigned: dict[int, str] = {}
    for row in members:  # unchanged rows keep their key wherever they moved
        candidates = by_print.get(prints[row.source_row])
        if candidates:
            assigned[row.source_row] = candidates.pop(0)
    taken = set(assigned.values())
    free = [k for k in sorted(known, key=_ordinal) if k not in taken and not known[k].gone]
    used = max((_ordinal(k) for k in known), default=0)
    for row in members:
        if row.source_row in assigned:
            continue
        if free:  # a row whose cells changed: the key its group left free
            assigned[row.source_row] = free.pop(0)
        else:
            used += 1
            assigned[row.source_row] = f"{base}#{used}"
    return assigned


def rekey_offers(
    offers: Iterable[Offer], problems: Iterable[Problem], keys: Mapping[int, str]
) -> tuple[list[Offer], dict[str, str]]:
    """Offers with ids from their donor window's first row; and old id -> new id."""
    first_row: dict[int, int] = {
        p.source_row: int(p.params["first_row"])
        for p in problems
        if p.code == ProblemCode.DUPLICATE_SUBMISSION and "first_row" in p.params
    }
    rekeyed, legacy = [], {}
    for offer in offers:
        row = first_row.get(offer.source_row, offer.source_row)
        new = stable_id("O", keys.get(row, f"row{row}"), offer.category)
        legacy[offer.offer_id] = new
        rekeyed.append(replaced(offer, offer_id=new))
    return rekeyed, legacy


def rekey_needs(
    needs: Iterable[Need], keys: Mapping[int, str]
) -> tuple[list[Need], dict[str, str]]:
    """Needs with ids from their row's key; and old id -> new id."""
    rekeyed, legacy = [], {}
    for need in needs:
        key = keys.get(need.source_row, f"row{need.source_row}")
        new = stable_id("N", key, need.category)
        legacy[need.need_id] = new
        rekeyed.append(replaced(need, need_id=new))
    return rekeyed, legacy
