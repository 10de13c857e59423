"""What furniture a tab lost, and so what the next write puts back: pure, no I/O.

A LibreOffice save drops the frozen header and cuts the status dropdown to the
rows that existed then; a person may remove a highlight or rename a tab. Each
read reports what a tab has (`TabShape`); this compares it with the tab's style
and lists only what is missing, so a pass with nothing to restore writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from sync.labels import column_spellings
from sync.plan import Restore, Snapshot, TabShape, locate_columns
from sync.styles import TabStyle


def restores(current: Snapshot, styles: Mapping[str, TabStyle]) -> tuple[Restore, ...]:
    """What to put back on each tab the read found, where its furniture is missing."""
    found = []
    for key, shape in current.tabs.items():
        style, grid = styles.get(key), current.get(key)
        if style is None or grid is None:
            continue
        restore = _missing(key, shape, style, grid[0] if grid else [])
        if not restore.is_empty:
            found.append(restore)
    return tuple(found)


def _missing(key: str, shape: TabShape, style: TabStyle, header: list[str]) -> Restore:
    keys = {*style.dropdowns, *(h.column for h in style.highlights)}
    columns = locate_columns(header, {k: column_spellings(k) for k in keys})
    dropdowns = {
        columns[column]: labels
        for column, labels in style.dropdowns.items()
        if column in columns and columns[column] not in shape.dropdowns
    }
    highlights = tuple(
        (columns[h.column], h)
        for h in style.highlights
        if h.column in columns and columns[h.column] not in shape.highlights
    )
    return Restore(
        key,
        freeze=shape.frozen_rows < style.frozen_rows,
        dropdowns=dropdowns,
        highlights=highlights,
        mark=not shape.marked,
    )
