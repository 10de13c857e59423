"""One source row's cells, cleaned, with the problems found on the way.

Shared by offers and needs: display cleanup, phone, place, date and the notes
that go with them. Each helper returns the value and records its problem on
the `RowContext`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from matcher.model import Problem, ProblemSource, Severity, SourceRow
from matcher.normalize.dates import parse_timestamp
from matcher.normalize.phones import parse_phone
from matcher.normalize.places import find_place
from matcher.params import NormalizeParams
from matcher.text import clean_display


@dataclass(frozen=True, slots=True)
class City:
    name: str
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class RowContext:
    """The cleaned cells of one row and the problems recorded so far."""

    source: ProblemSource
    row: SourceRow
    params: NormalizeParams
    cells: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def of(cls, source: ProblemSource, row: SourceRow, params: NormalizeParams) -> RowContext:
        ctx = cls(source, row, params)
        for key, raw in row.values.items():
            if not isinstance(raw, str):
                raw = "" if raw is None else str(raw)
            cleaned = clean_display(raw, params.max_cell_chars)
            ctx.cells[key] = cleaned.text
            if cleaned.had_control:
                ctx.note(key, "control_chars_removed")
            if cleaned.trimmed:
                ctx.note(key, "text_trimmed", limit=params.max_cell_chars)
        return ctx

    def get(self, key: str) -> str:
        return self.cells.get(key, "")

    def is_empty(self) -> bool:
        return not any(self.cells.values())

    def add(self, key: str, code: str, severity: Severity, **params: Any) -> None:
        value = self.row.get(key) if key in self.row.values else ""
        if len(value) > 200:  # keep Problems readable; the source row has the rest
            value = value[:200] + "…"
        self.problems.append(
            Problem(self.source, self.row.source_row, key, value, code, params, severity)
        )

    def error(self, key: str, code: str, **params: Any) -> None:
        self.add(key, code, "error", **params)

    def note(self, key: str, code: str, **params: Any) -> None:
        self.add(key, code, "note", **params)

    def phone(self, key: str = "phone", *, report_missing: bool = True) -> str:
        result = parse_phone(self.get(key))
        if result.code == "phone_invalid":
            self.error(key, "phone_invalid", digits=result.digits)
        elif result.code == "phone_missing" and report_missing:
            self.error(key, "phone_missing")
        if result.note:
            self.note(key, result.note, phone=result.e164)
        return result.e164

    def city(self, key: str = "city") -> City:
        text = self.get(key)
        if not text:
            self.error(key, "city_missing")
            return City("")
        match = find_place(text)
        if match.place is None:
            self.error(key, "city_unknown")
            return City(text)
        if match.guessed:
            self.note(key, "city_guessed", city=match.place.name)
        return City(match.place.name, match.place.lat, match.place.lon)

    def timestamp(self, key: str = "submitted_at") -> datetime | None:
        text = self.get(key)
        if not text:
            self.note(key, "date_missing")
            return None
        moment = parse_timestamp(text)
        if moment is None:
            self.error(key, "date_invalid")
        return moment
