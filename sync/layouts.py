"""The coordination spreadsheet's tabs and their columns, each declared once.

A column is declared by key. The key names its header (`columns` in
sync/data/sheet_labels.yaml, in the coordinators' language) and, for a field of
the canonical record (docs/architecture.md, Records), the column of the CSV export.
Every grid a pass writes, every header it recognizes and every export is built
from these declarations; nothing else lists columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from matcher.labels import category_label, urgency_label
from matcher.messages import render_problem
from matcher.model import Need, Offer, Problem
from matcher.params import Language
from sync.cells import Value
from sync.display import dial_ready
from sync.labels import (
    column_label,
    severity_label,
    source_label,
    yes_no_label,
)
from sync.plan import Cells, trim_grid
from sync.styles import PLAIN, ColumnStyle, Highlight, NumberFormat, TabStyle

#: The coordination tabs, by key: a key names a tab for good, whatever its title.
MATCHES = "matches"
CALL_TODAY = "call_today"
RECONFIRM = "reconfirm"
OFFERS = "offers"
NEEDS = "needs"
PROBLEMS = "problems"
DASHBOARD = "dashboard"
#: Hidden: the pipeline's memory of written and declined pairs (sync/memory.py).
MEMORY = "memory"
#: In the order a new spreadsheet shows them.
TABS = (MATCHES, CALL_TODAY, RECONFIRM, OFFERS, NEEDS, PROBLEMS, DASHBOARD, MEMORY)

Record = TypeVar("Record")
#: A column that shows any record of a kind shows records of each narrower kind.
Shown = TypeVar("Shown", contravariant=True)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far a need is covered: quantities proposed (still live), agreed, delivered,
    and still missing (reports.summaries.needs_coverage)."""

    proposed: int = 0
    agreed: int = 0
    delivered: int = 0
    missing: int = 0


@dataclass(frozen=True)
class View:
    """What a cell shows besides its record: the coordinators' language, the header
    each canonical field has in its source sheet (per source), and each need's coverage."""

    language: Language
    source_headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    coverage: Mapping[str, Coverage] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Column(Generic[Shown]):
    key: str
    #: The cell on the tab: text, a number or a date.
    shown: Callable[[Shown, View], Value]
    #: The value in the CSV export; None: not a field of the canonical record.
    exported: Callable[[Shown, View], Any] | None = None
    style: ColumnStyle = PLAIN


def canonical(
    key: str, shown: Callable[[Any, View], Value] | None = None, style: ColumnStyle = PLAIN
) -> Column[Any]:
    """A field of the canonical record: exported as it is, shown as text unless `shown`."""
    return Column(
        key,
        shown or (lambda record, view: str(getattr(record, key))),
        lambda record, view: getattr(record, key),
        style,
    )


def number(key: str, style: NumberFormat = "integer") -> Column[Any]:
    """A field of the canonical record shown as the number it is (0 when there is none)."""
    return canonical(key, lambda record, view: getattr(record, key) or 0, ColumnStyle(style))


@dataclass(frozen=True)
class Layout(Generic[Record]):
    """A tab rewritten whole: one row per record, in `order`."""

    key: str
    columns: tuple[Column[Record], ...]
    order: Callable[[Record], Any]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)

    @property
    def style(self) -> TabStyle:
        return TabStyle(columns={c.key: c.style for c in self.columns if c.style != PLAIN})

    def grid(self, records: Iterable[Record], view: View) -> Cells:
        rows = [
            [column.shown(record, view) for column in self.columns]
            for record in sorted(records, key=self.order)
        ]
        return trim_grid([header(self.keys, view.language), *rows])

    def export_columns(self) -> list[str]:
        return [column.key for column in self.columns if column.exported is not None]

    def export_rows(self, records: Iterable[Record], view: View) -> list[dict[str, Any]]:
        exported = [(c.key, c.exported) for c in self.columns if c.exported is not None]
        return [
            {key: value(record, view) for key, value in exported}
            for record in sorted(records, key=self.order)
        ]


def header(keys: Sequence[str], language: Language) -> list[str]:
    return [column_label(key, language) for key in keys]


def _when(value: datetime | None) -> Value:
    return value or ""


def _category(record: Offer | Need, view: View) -> str:
    return category_label(record.category, view.language)


def _estimated(record: Offer | Need, view: View) -> str:
    return yes_no_label(record.quantity_estimated or None, view.language)


#: A phone people dial from the sheet: «+380 50 123 45 67».
PHONE = ColumnStyle(width=18)
WHEN = ColumnStyle("date_time", width=16)

#: The columns an offer line and a need share, in the same place on both tabs.
_SUBMITTED = (
    number("source_row"),
    canonical("submitted_at", lambda r, v: _when(r.submitted_at), WHEN),
)
_WHAT_AND_WHERE = (
    canonical("phone", lambda r, view: dial_ready(r.phone, view.language), PHONE),
    canonical("city"),
    canonical("category", _category),
    canonical("item"),
    number("quantity"),
    Column("estimated", _estimated),
)

OFFER_LAYOUT: Layout[Offer] = Layout(
    OFFERS,
    (
        canonical("offer_id"),
        *_SUBMITTED,
        canonical("donor_name"),
        *_WHAT_AND_WHERE,
        canonical("can_deliver", lambda o, view: yes_no_label(o.can_deliver, view.language)),
    ),
    order=lambda o: (o.source_row, o.category, o.offer_id),
)


def _covered(key: str) -> Column[Need]:
    """A coverage quantity of a need (the pass's, not a field of the record)."""
    kind = key.removesuffix("_qty")
    return Column(
        key,
        lambda n, view: getattr(view.coverage.get(n.need_id, Coverage()), kind),
        style=ColumnStyle("integer", width=10),
    )


NEED_LAYOUT: Layout[Need] = Layout(
    NEEDS,
    (
        canonical("need_id"),
        *_SUBMITTED,
        canonical("organization"),
        canonical("contact_name"),
        *_WHAT_AND_WHERE,
        canonical("urgency", lambda n, view: urgency_label(n.urgency, view.language)),
        *(_covered(key) for key in ("proposed_qty", "agreed_qty", "delivered_qty", "missing_qty")),
    ),
    order=lambda n: (n.source_row, n.category, n.need_id),
)
#: A need nothing is proposed for stands out.
NOTHING_PROPOSED = Highlight("proposed_qty", equals=0)

#: Long values are cut on the Problems tab; the full text stays in its source.
PROBLEM_VALUE_CHARS = 500
_SOURCE_ORDER = {"offers": 0, "needs": 1, "matches": 2}


def _shorten(value: str) -> str:
    return value if len(value) <= PROBLEM_VALUE_CHARS else value[: PROBLEM_VALUE_CHARS - 1] + "…"


def _problem_field(p: Problem, view: View) -> str:
    """The field as its source sheet names it: the header config.yaml maps it to."""
    return view.source_headers.get(p.source, {}).get(p.field, p.field)


def _reason(p: Problem, view: View) -> str:
    """Why, in the coordinators' language: on the tab and in the export alike."""
    return render_problem(p, view.language)


PROBLEM_LAYOUT: Layout[Problem] = Layout(
    PROBLEMS,
    (
        canonical("source", lambda p, view: source_label(p.source, view.language)),
        canonical("source_row", lambda p, view: p.source_row or "", ColumnStyle("integer")),
        Column("field", _problem_field, lambda p, view: p.field),
        Column("value", lambda p, view: _shorten(p.value), lambda p, view: p.value),
        Column("problem", _reason, _reason),
        Column("severity", lambda p, view: severity_label(p.severity, view.language)),
    ),
    order=lambda p: (_SOURCE_ORDER[p.source], p.source_row, p.field, p.code),
)

# --- Matches: rows are appended and updated by key, never rewritten --------------------

#: Written by coordinators; the pipeline fills them only when it creates a row.
COORDINATOR_COLUMNS = ("status", "notes")
#: The two sides of a pair, each with a phone to dial.
_DONOR_SIDE = ("donor_name", "donor_phone", "donor_city", "offer_item", "can_deliver")
_NGO_SIDE = ("organization", "contact_name", "ngo_phone", "ngo_city", "need_item")
#: Contact details the pipeline keeps current on existing rows.
REFRESHED_COLUMNS = ("urgency", *_DONOR_SIDE, *_NGO_SIDE)
#: What a caller needs first, left to right: the status and notes to write, how
#: urgent and how long waiting, each side with a phone to dial, then why; the
#: technical ids last.
MATCH_COLUMNS = (
    *COORDINATOR_COLUMNS,
    "urgency",
    "days_waiting",
    *_DONOR_SIDE,
    *_NGO_SIDE,
    "category",
    "quantity",
    "reason",
    "alternatives",
    "score",
    "created_at",
    "delivered_at",
    "match_id",
    "offer_id",
    "need_id",
)
#: Wide enough to read, wrapped, in rows tall enough for three lines.
_LONG_TEXT = ColumnStyle(width=45, wrap=True)
MATCH_STYLE = TabStyle(
    columns={
        "notes": ColumnStyle(width=35, wrap=True),
        "days_waiting": ColumnStyle("integer", width=10),
        "donor_phone": PHONE,
        "ngo_phone": PHONE,
        "quantity": ColumnStyle("integer", width=10),
        "reason": _LONG_TEXT,
        "alternatives": _LONG_TEXT,
        "score": ColumnStyle("decimal", width=9),
        "created_at": WHEN,
        "delivered_at": WHEN,
    },
    row_height=48,
)
#: The canonical match record (docs/architecture.md), the columns of matches.csv.
MATCH_FIELDS = (
    "match_id",
    "offer_id",
    "need_id",
    "category",
    "quantity",
    "score",
    "status",
    "reason",
)

# --- Call today and Re-confirm: work lists the pass rewrites (sync/worklists.py) --------

CALL_COLUMNS = (
    "person", "phone", "urgency", "days_waiting", "item", "quantity", "other", "other_phone",
    "match_id",
)  # fmt: skip
CALL_STYLE = TabStyle(
    columns={
        "person": ColumnStyle(width=32),
        "phone": PHONE,
        "days_waiting": ColumnStyle("integer", width=10),
        "item": ColumnStyle(width=32, wrap=True),
        "quantity": ColumnStyle("integer", width=10),
        "other": ColumnStyle(width=28),
        "other_phone": PHONE,
    }
)
#: The pipeline's columns, and the coordinator's answer and when the pass first saw it.
RECONFIRM_COLUMNS = (
    "offer_id", "donor_name", "phone", "city", "item", "quantity", "submitted_at",
    "days_waiting", "answer", "checked_at",
)  # fmt: skip
RECONFIRM_STYLE = TabStyle(
    columns={
        "phone": PHONE,
        "item": ColumnStyle(width=32, wrap=True),
        "quantity": ColumnStyle("integer", width=10),
        "submitted_at": WHEN,
        "days_waiting": ColumnStyle("integer", width=10),
        "answer": ColumnStyle(width=14),
        "checked_at": ColumnStyle("date", width=12),
    }
)

MEMORY_COLUMNS = (
    "memory_kind", "memory_id", "offer_id", "need_id", "memory_state", "fingerprint",
)  # fmt: skip

TAB_COLUMNS: Mapping[str, tuple[str, ...]] = {
    MATCHES: MATCH_COLUMNS,
    CALL_TODAY: CALL_COLUMNS,
    RECONFIRM: RECONFIRM_COLUMNS,
    OFFERS: OFFER_LAYOUT.keys,
    NEEDS: NEED_LAYOUT.keys,
    PROBLEMS: PROBLEM_LAYOUT.keys,
    DASHBOARD: (),
    MEMORY: MEMORY_COLUMNS,
}
