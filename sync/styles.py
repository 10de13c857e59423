"""How a coordination tab looks: plain data both backends turn into their own formats.

A style says what every tab of its kind should have: a bold, frozen header;
number formats, widths and wrapping per column key; a height for data rows; a
dropdown on some columns; a highlight on others. The furniture a person's
program may drop (the frozen header, a dropdown's range, a highlight, the tab's
identity) is checked by each read and restored by the next write, only where it
is missing (`Restore` in sync/plan.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

#: integer "0", decimal "0.00", date "31.12.2026", date_time "31.12.2026 14:03".
NumberFormat = Literal["integer", "decimal", "date", "date_time"]


@dataclass(frozen=True, slots=True)
class ColumnStyle:
    number_format: NumberFormat | None = None
    #: Width in characters; None: as wide as the content needs, within bounds.
    width: int | None = None
    #: Long text wraps onto more lines instead of running into the next cell.
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class Highlight:
    """A conditional format: a cell of `column` that holds the number `equals` is tinted."""

    column: str
    equals: float = 0
    #: Background colour, RRGGBB.
    color: str = "F4CCCC"


@dataclass(frozen=True)
class TabStyle:
    columns: Mapping[str, ColumnStyle] = field(default_factory=dict)
    #: Height of the data rows in pixels; None: the program's own.
    row_height: int | None = None
    #: Rows kept in view when scrolling (the header).
    frozen_rows: int = 1
    bold_header: bool = True
    #: Column key -> the labels offered in its dropdown (not enforced: any text is kept).
    dropdowns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    highlights: tuple[Highlight, ...] = ()

    def column(self, key: str) -> ColumnStyle:
        return self.columns.get(key, PLAIN)


PLAIN = ColumnStyle()
#: A tab nobody styled: a bold, frozen header and nothing else.
DEFAULT_STYLE = TabStyle()
