"""The Dashboard: the summaries as labelled tables, in the coordinators' language.

One list of sections feeds the Dashboard tab (reports/sheet.py), the printed
summary (reports/text.py) and the HTML report (reports/html.py). Pure: frames
in, tables out. A table's columns are column keys (their headers are the
sheet's labels); its cells are what a reader sees: labels instead of codes,
numbers as numbers, weeks as dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from matcher.labels import category_label
from matcher.model import Status
from matcher.params import Language
from reports.summaries import (
    delivery_time,
    needs_coverage,
    oldest_urgent_needs,
    open_needs_by_place,
    problems_by_kind,
    status_funnel,
    waiting_offers_by_age,
    weekly_activity,
)
from sync.labels import column_label, status_label

#: Rows a section shows at most, so the tab fits on one screen.
TOP_ROWS = 10
WEEKS = 8


@dataclass(frozen=True)
class Section:
    key: str
    #: Columns are column keys; cells are as shown.
    table: pd.DataFrame


@dataclass(frozen=True)
class Dashboard:
    sections: tuple[Section, ...]
    #: Whole-spreadsheet counts: offer lines, needs, matches.
    offers: int
    needs: int
    matches: int
    #: Funnel, missing by category, weekly trend: what the charts draw (codes kept).
    funnel: pd.DataFrame
    missing_by_category: pd.DataFrame
    weekly: pd.DataFrame

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def dashboard(
    offers: pd.DataFrame,
    needs: pd.DataFrame,
    matches: pd.DataFrame,
    problems: pd.DataFrame,
    now: datetime,
    language: Language,
) -> Dashboard:
    coverage = needs_coverage(needs, matches)
    open_needs = open_needs_by_place(needs, coverage)
    funnel = status_funnel(matches)
    weekly = weekly_activity(offers, needs, matches, weeks=WEEKS)

    def category(codes: pd.Series) -> pd.Series:
        return codes.map(lambda code: category_label(code, language))

    sections = (
        Section(
            "open_needs",
            open_needs.head(TOP_ROWS)
            .assign(category=lambda t: category(t["category"]))
            .rename(columns={"needs": "needs_count", "missing": "missing_qty"}),
        ),
        Section(
            "waiting_offers",
            waiting_offers_by_age(offers, matches, now).rename(columns={"offers": "offers_count"}),
        ),
        Section(
            "funnel",
            funnel.assign(
                status=funnel["status"].map(lambda code: status_label(Status(code), language))
            ).rename(columns={"matches": "matches_count"}),
        ),
        Section("delivery_time", delivery_time(matches)),
        Section(
            "oldest_urgent",
            oldest_urgent_needs(needs, coverage, now, TOP_ROWS).rename(
                columns={"missing": "missing_qty"}
            ),
        ),
        Section(
            "weekly",
            weekly.assign(week=weekly["week"].dt.date).rename(
                columns={"offers": "offers_count", "needs": "needs_count"}
            ),
        ),
        Section(
            "problems",
            problems_by_kind(problems)
            .head(TOP_ROWS)
            .rename(columns={"problems": "problems_count"}),
        ),
    )
    missing = open_needs.groupby("category", as_index=False).agg(missing=("missing", "sum"))
    missing = missing.sort_values(["missing", "category"], ascending=[False, True]).assign(
        label=lambda t: category(t["category"])
    )
    return Dashboard(sections, len(offers), len(needs), len(matches), funnel, missing, weekly)


def headers(table: pd.DataFrame, language: Language) -> list[str]:
    return [column_label(str(key), language) for key in table.columns]
