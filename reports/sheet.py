"""The Dashboard tab: the dashboard's sections laid out to fit on one screen.

Two columns of tables side by side, each table under its title, with a blank
column between; the pass rewrites the tab whole when a number changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from matcher.params import Language
from reports.dashboard import Dashboard, Section, headers
from reports.labels import phrase, section_title
from sync.cells import Value
from sync.plan import Cells, trim_grid

#: Left and right, top to bottom.
LEFT = ("open_needs", "funnel", "delivery_time", "weekly")
RIGHT = ("waiting_offers", "oldest_urgent", "problems")


def dashboard_cells(board: Dashboard, language: Language) -> Cells:
    left = _stack([board.section(key) for key in LEFT], language)
    right = _stack([board.section(key) for key in RIGHT], language)
    gap = max((len(row) for row in left), default=0) + 1
    height = max(len(left), len(right))
    rows: list[list[Value]] = [[phrase("title", language)], []]
    for n in range(height):
        here = left[n] if n < len(left) else []
        there = right[n] if n < len(right) else []
        rows.append([*here, *[""] * (gap - len(here)), *there] if there else list(here))
    return trim_grid(rows)


def _stack(sections: Sequence[Section], language: Language) -> list[list[Value]]:
    rows: list[list[Value]] = []
    for section in sections:
        rows.append([section_title(section.key, language)])
        rows.append(list(headers(section.table, language)))
        if section.table.empty:
            rows.append([phrase("nothing", language)])
        rows += [[_cell(v) for v in line] for line in section.table.itertuples(index=False)]
        rows.append([])
    return rows


def _cell(value: Any) -> Value:
    """A table's value as a cell: numbers and dates stay so; nothing known is blank."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value
