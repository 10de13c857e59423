"""The dashboard as plain text, for `mozhem report` in a terminal: the same sections as
the Dashboard tab and the HTML report, in the coordinators' language."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from matcher.params import Language
from reports.dashboard import Dashboard, headers
from reports.labels import phrase, section_title


def render_text(board: Dashboard, now: datetime, language: Language) -> str:
    lines = [
        phrase("title", language),
        phrase("generated", language, when=now.strftime("%d.%m.%Y %H:%M")),
        phrase("totals", language, offers=board.offers, needs=board.needs, matches=board.matches),
    ]
    for section in board.sections:
        lines += ["", section_title(section.key, language)]
        lines += _table(section.table, language)
    return "\n".join(lines)


def _table(table: pd.DataFrame, language: Language) -> list[str]:
    if table.empty:
        return ["  " + phrase("nothing", language)]
    names = headers(table, language)
    cells = [[shown(value) for value in row] for row in table.itertuples(index=False)]
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]
    widths = [max(len(name), *(len(row[i]) for row in cells)) for i, name in enumerate(names)]

    def line(values: list[str]) -> str:
        parts = [
            v.rjust(w) if right else v.ljust(w)
            for v, w, right in zip(values, widths, numeric, strict=True)
        ]
        return ("  " + "  ".join(parts)).rstrip()

    return [line(names), *(line(row) for row in cells)]


def shown(value: object) -> str:
    """A cell of a report table as text: dates day first, no "nan"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return "—"
    if isinstance(value, datetime | pd.Timestamp):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
