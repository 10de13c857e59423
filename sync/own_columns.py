"""Columns coordinators add to a rewritten tab stay, each cell with its record.

Offers and Needs are rewritten whole, but a coordinator may add a column of their
own («Кто звонил», «Проверено»). Its cells are kept by the record's id, so a
cell stays with its offer whatever the new order of rows, and the column stays
where the coordinator put it. A row whose record is gone from the source stays
too, at the end, while a coordinator's cell in it holds text: nothing typed is
dropped. Cells come back as text, as the read showed them. Pure, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from sync.cells import Value
from sync.labels import column_spellings
from sync.plan import Grid, Rewrite, locate_columns


def keep_own_columns(current: Grid | None, rewrite: Rewrite, id_key: str) -> Rewrite:
    """`rewrite` with the columns of `current` that are not the pipeline's, kept by
    `id_key`; as it is when there are none, or no id column to key them by."""
    if not current or not rewrite.cells:
        return rewrite
    header = current[0]
    ours = locate_columns(header, {key: column_spellings(key) for key in rewrite.keys})
    if id_key not in ours:
        return rewrite
    theirs = [i for i in range(len(header)) if i not in ours.values() and _used(current, i)]
    if not theirs:
        return rewrite
    order = _order(header, ours, theirs, rewrite.keys)
    id_at, wanted_id = ours[id_key], rewrite.keys.index(id_key)
    typed = {row[id_at]: row for row in current[1:] if len(row) > id_at and row[id_at]}
    rows: list[list[Value]] = [[_title(c, header, rewrite) for c in order]]
    seen = set()
    for row in rewrite.cells[1:]:
        record = str(row[wanted_id]) if wanted_id < len(row) else ""
        seen.add(record)
        rows.append([_cell(c, row, typed.get(record)) for c in order])
    for record, old in typed.items():
        if record not in seen and any(_at(old, i).strip() for i in theirs):
            mine = [record if key == id_key else "" for key in rewrite.keys]
            rows.append([_cell(c, mine, old) for c in order])
    keys = tuple(rewrite.keys[c] if isinstance(c, int) else "" for c in order)
    return Rewrite(rows, keys)


#: A column of the new grid: the pipeline's (its index in the rewrite), or a
#: coordinator's (("theirs", its index in the grid read)).
_Column = int | tuple[str, int]


def _order(
    header: Sequence[str], ours: dict[str, int], theirs: list[int], keys: Sequence[str]
) -> list[_Column]:
    """Columns where the read found them; the pipeline's that it did not, at the end."""
    at = {index: keys.index(key) for key, index in ours.items()}
    order: list[_Column] = []
    for index in range(len(header)):
        if index in at:
            order.append(at[index])
        elif index in theirs:
            order.append(("theirs", index))
    return order + [i for i in range(len(keys)) if i not in at.values()]


def _title(column: _Column, header: Sequence[str], rewrite: Rewrite) -> Value:
    if isinstance(column, int):
        return rewrite.cells[0][column] if column < len(rewrite.cells[0]) else ""
    return header[column[1]]


def _cell(column: _Column, row: Sequence[Value], old: Sequence[str] | None) -> Value:
    if isinstance(column, int):
        return row[column] if column < len(row) else ""
    return _at(old, column[1]) if old is not None else ""


def _at(row: Sequence[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _used(grid: Grid, index: int) -> bool:
    return any(_at(row, index).strip() for row in grid)
