"""The pipeline's memory, kept in the coordination spreadsheet itself.

A hidden tab, warning-protected on Google, holds what a pass must know whatever
machine runs it and whatever happened to `state_dir`:

- every pair ever written to Matches (`pair`), and whether it is declined — a
  pair in memory whose row is gone counts as declined, so it is never proposed
  again — unless, on a backend whose writes are not all-or-nothing (Google: new
  rows go in after the other tabs, in one request), no pair of the same batch
  of appended rows is on Matches: then those rows were never written, and the
  pair is forgotten;
- the key of every source row ever seen, with its cells' fingerprint (`offers`,
  `needs`; sync/identity.py), so ids survive rows moving and being corrected;
- the ids an earlier version gave records that Matches rows still name (`alias`);
- the lease of the pass that writes the spreadsheet now, or wrote it last, on a
  backend several machines share (`lease`, sync/lease.py), kept as read.

The tab is rewritten whole, only when its content changed, in the pass's one
write. Pure, no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from matcher.params import Language
from sync.cells import Value
from sync.identity import RowMark
from sync.labels import column_spellings
from sync.layouts import MEMORY_COLUMNS, header
from sync.lease import LEASE, Lease, lease_from
from sync.plan import Grid, Rewrite, locate_columns

PAIR, ALIAS = "pair", "alias"
WRITTEN, DECLINED = "written", "declined"
LIVE, GONE = "live", "gone"
ROW_KINDS = ("offers", "needs")


@dataclass(frozen=True, slots=True)
class Pair:
    offer_id: str
    need_id: str
    declined: bool = False
    #: The rows one pass appended: a fingerprint of their match ids.
    batch: str = ""


@dataclass
class Memory:
    #: Whether the spreadsheet had the memory tab when it was read.
    found: bool = False
    pairs: dict[str, Pair] = field(default_factory=dict)
    rows: dict[str, dict[str, RowMark]] = field(
        default_factory=lambda: {kind: {} for kind in ROW_KINDS}
    )
    #: An id an earlier version gave a record -> the record's id now.
    aliases: dict[str, str] = field(default_factory=dict)
    #: The lease rows, in the tab's order: only the backend that writes the lease
    #: changes them (sync/backends/google_lease.py).
    leases: tuple[Lease, ...] = ()

    def translate(self, record_id: str) -> str:
        return self.aliases.get(record_id, record_id)


def read_memory(grid: Grid | None) -> Memory:
    memory = Memory(found=grid is not None)
    if not grid:
        return memory
    at = locate_columns(grid[0], {key: column_spellings(key) for key in MEMORY_COLUMNS})
    if "memory_kind" not in at or "memory_id" not in at:
        return memory
    memory.leases = leases_in(grid)
    for values in grid[1:]:
        cells = {key: values[i].strip() if i < len(values) else "" for key, i in at.items()}
        kind, key = cells["memory_kind"], cells.get("memory_id", "")
        if not key:
            continue
        if kind == PAIR:
            memory.pairs[key] = Pair(
                cells.get("offer_id", ""),
                cells.get("need_id", ""),
                cells.get("memory_state") == DECLINED,
                cells.get("fingerprint", ""),
            )
        elif kind in ROW_KINDS:
            gone = cells.get("memory_state") == GONE
            memory.rows[kind][key] = RowMark(cells.get("fingerprint", ""), gone)
        elif kind == ALIAS:
            memory.aliases[key] = cells.get("offer_id", "") or cells.get("need_id", "")
    return memory


def memory_rewrite(memory: Memory, language: Language) -> Rewrite:
    rows: list[list[Value]] = [list(header(MEMORY_COLUMNS, language))]
    for match_id, pair in sorted(memory.pairs.items()):
        state = DECLINED if pair.declined else WRITTEN
        rows.append([PAIR, match_id, pair.offer_id, pair.need_id, state, pair.batch])
    for kind in ROW_KINDS:
        for key, mark in sorted(memory.rows[kind].items()):
            rows.append([kind, key, "", "", GONE if mark.gone else LIVE, mark.fingerprint])
    for old, new in sorted(memory.aliases.items()):
        side = (new, "") if new.startswith("O-") else ("", new)
        rows.append([ALIAS, old, *side, "", ""])
    rows += [list(lease.row()) for lease in memory.leases]
    return Rewrite(rows, MEMORY_COLUMNS)


def leases_in(grid: Grid | None) -> tuple[Lease, ...]:
    """The lease rows of a memory tab, in its order (the tab's own column order: the
    pipeline wrote it, nobody moves its columns)."""
    found = (lease_from(row) for row in (grid or [])[1:] if row[:1] == [LEASE])
    return tuple(lease for lease in found if lease is not None)


def without_leases(rows: Iterable[list[Value]]) -> list[list[Value]]:
    return [row for row in rows if row[:1] != [LEASE]]


def batch_of(match_ids: Iterable[str]) -> str:
    """What the rows appended by one pass share."""
    return (
        "B-" + hashlib.blake2b("\x1f".join(sorted(match_ids)).encode(), digest_size=5).hexdigest()
    )


def with_pairs(
    memory: Memory, pairs: Iterable[tuple[str, Pair]], declined: Mapping[str, bool]
) -> Memory:
    """`memory` with `pairs` added and each pair's declined state as `declined` says
    (a pair `declined` does not name keeps its state)."""
    merged = dict(memory.pairs)
    for match_id, pair in pairs:
        merged.setdefault(match_id, pair)
    for match_id, is_declined in declined.items():
        if match_id in merged:
            old = merged[match_id]
            merged[match_id] = Pair(old.offer_id, old.need_id, is_declined, old.batch)
    return Memory(True, merged, memory.rows, memory.aliases, memory.leases)
