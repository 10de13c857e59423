"""What a pass recalls from the coordination spreadsheet: ids and decisions.

- `identify` gives offers and needs ids from their source rows' keys
  (sync/identity.py), with the keys the memory tab remembers;
- `recall_decisions` brings the Matches rows to those ids (rows an earlier
  version wrote name records by older ids: `alias` in memory), and counts every
  remembered pair whose row is gone as declined — also when the whole Matches
  tab was deleted. Pure, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matcher.model import ExistingMatch, Need, Offer, Problem, SourceRow, Status
from matcher.vocabulary_files import ProblemCode
from sync.coordination import MatchesSheet, record_deleted_rows_as_declined
from sync.identity import need_base, offer_base, rekey_needs, rekey_offers, row_keys
from sync.memory import Memory, Pair
from sync.replacing import replaced


@dataclass(frozen=True)
class Identified:
    offers: list[Offer]
    needs: list[Need]
    memory: Memory
    #: The id an earlier version would have given each record -> its id now.
    legacy: Mapping[str, str]


def identify(
    offer_rows: Sequence[SourceRow],
    offers: Sequence[Offer],
    offer_problems: Sequence[Problem],
    need_rows: Sequence[SourceRow],
    needs: Sequence[Need],
    memory: Memory,
) -> Identified:
    offer_keys, offer_marks = row_keys(offer_rows, offer_base, memory.rows["offers"])
    need_keys, need_marks = row_keys(need_rows, need_base, memory.rows["needs"])
    new_offers, offer_legacy = rekey_offers(offers, offer_problems, offer_keys)
    new_needs, need_legacy = rekey_needs(needs, need_keys)
    rows = {"offers": offer_marks, "needs": need_marks}
    remembered = Memory(memory.found, memory.pairs, rows, memory.aliases, memory.leases)
    return Identified(new_offers, new_needs, remembered, {**offer_legacy, **need_legacy})


def recall_decisions(
    sheet: MatchesSheet,
    identified: Identified,
    *,
    matches_tab_found: bool,
    spreadsheet_known: bool,
    legacy_pairs: Mapping[str, tuple[str, str]],
    memory_title: str,
    atomic: bool = True,
) -> tuple[Memory, list[Problem]]:
    """Translate the rows' ids, add the pairs whose row is gone as declined, and
    say what was lost; the memory as it stands now (this pass's appends aside)."""
    memory = identified.memory
    current = {o.offer_id for o in identified.offers} | {n.need_id for n in identified.needs}
    aliases = dict(memory.aliases)
    referenced = {m.offer_id for m in sheet.existing} | {m.need_id for m in sheet.existing}
    referenced |= {p.offer_id for p in memory.pairs.values()}
    referenced |= {p.need_id for p in memory.pairs.values()}
    for old, new in identified.legacy.items():
        if old in referenced and old not in current and old != new:
            aliases.setdefault(old, new)
    problems: list[Problem] = []
    pairs = dict(memory.pairs)
    if not memory.found:
        if spreadsheet_known:
            problems.append(_loud(ProblemCode.MEMORY_TAB_MISSING, memory_title))
        for match_id, (offer_id, need_id) in legacy_pairs.items():
            pairs.setdefault(match_id, Pair(offer_id, need_id))
    sheet.existing = [_translated(m, aliases) for m in sheet.existing]
    if not atomic and matches_tab_found:
        landed = {p.batch for m, p in pairs.items() if m in sheet.rows}
        pairs = {m: p for m, p in pairs.items() if not p.batch or p.batch in landed or p.declined}
    gone = {
        match_id: (aliases.get(p.offer_id, p.offer_id), aliases.get(p.need_id, p.need_id))
        for match_id, p in pairs.items()
        if match_id not in sheet.rows
    }
    if matches_tab_found:
        record_deleted_rows_as_declined(sheet, gone)
    elif gone:
        # The tab starts afresh, but a pair once declined stays declined; the others
        # are forgotten, and proposed again when they are still the best.
        kept = {m: ids for m, ids in gone.items() if pairs[m].declined}
        sheet.existing += [ExistingMatch(m, o, n, 0, Status.DECLINED) for m, (o, n) in kept.items()]
        pairs = {m: p for m, p in pairs.items() if m in kept}
        problems.append(_loud(ProblemCode.MATCHES_TAB_DELETED, str(len(kept))))
    for match in sheet.existing:
        batch = pairs[match.match_id].batch if match.match_id in pairs else ""
        dead = not match.status.is_live
        pairs[match.match_id] = Pair(match.offer_id, match.need_id, dead, batch)
    return Memory(True, pairs, memory.rows, aliases, memory.leases), problems


def _translated(match: ExistingMatch, aliases: Mapping[str, str]) -> ExistingMatch:
    return replaced(
        match,
        offer_id=aliases.get(match.offer_id, match.offer_id),
        need_id=aliases.get(match.need_id, match.need_id),
    )


def _loud(code: ProblemCode, value: str) -> Problem:
    return Problem(
        source="matches", source_row=0, field="", value=value, code=code, params={"value": value}
    )
