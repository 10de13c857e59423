"""Blind offer–need pairs (tests/engine/blind/*.yaml): each group is one need
and a few offers from the same town, every pair labelled fit / partial / no-fit
by an author who never saw the vocabulary or the engine, with the offer a
coordinator would propose first.

Each group goes through the whole core as the pass runs it: the rows are read
by the normalizers, then matched by the engine. Shared by the tests and by
benchmarks/match_fit_quality.py, which prints every figure and every miss.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from matcher.contents import in_content_units
from matcher.engine import propose
from matcher.model import Proposal, SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import MatchParams

BLIND_DIR = Path(__file__).parent / "blind"
NOW = datetime(2014, 12, 20, 12, 0)
STAMP = "10.12.2014 10:00:00"


def load(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def newest_set() -> Path:
    """The set written last: the highest number ("P10" after "P9")."""
    return max(BLIND_DIR.glob("P*.yaml"), key=lambda path: int(path.stem[1:]))


@dataclass(slots=True)
class GroupResult:
    group: str
    best: str | None
    best_label: str | None
    #: Offer row id -> what the engine proposed to the need from it (units).
    proposed: dict[str, int]
    #: Offer row id -> the fit level of its proposal.
    levels: dict[str, int]
    labels: dict[str, str]

    @property
    def choice(self) -> str | None:
        """The engine's first choice: the best fit, then the most units."""
        if not self.proposed:
            return None
        return min(self.proposed, key=lambda o: (self.levels[o], -self.proposed[o], o))

    @property
    def no_fit_proposed(self) -> list[str]:
        return [o for o in self.proposed if self.labels[o] == "no-fit"]


def form_row(k: int, offer: dict[str, Any]) -> SourceRow:
    return SourceRow(
        k + 2,
        {
            "submitted_at": STAMP,
            "donor_name": f"Донор {k}",
            "phone": f"+38050{1000000 + k:07d}",
            "city": str(offer.get("city", "")),
            "categories": str(offer.get("categories", "")),
            "details": str(offer.get("details", "")),
            "can_deliver": str(offer.get("can_deliver", "")),
        },
    )


def need_row(need: dict[str, Any]) -> SourceRow:
    return SourceRow(
        2,
        {
            "submitted_at": STAMP,
            "organization": "Фонд",
            "contact_name": "Ирина",
            "phone": "+380951234567",
            "city": str(need.get("city", "")),
            "item": str(need.get("item", "")),
            "quantity": str(need.get("quantity", "")),
            "urgency": str(need.get("urgency", "")),
        },
    )


def run_group(group: dict[str, Any]) -> GroupResult:
    rows = [form_row(k, o) for k, o in enumerate(group["offers"])]
    row_of = {row.source_row: o["id"] for row, o in zip(rows, group["offers"], strict=True)}
    offers, _ = normalize_offers(rows)
    needs, _ = normalize_needs([need_row(group["need"])])
    proposals: list[Proposal] = propose(in_content_units(offers), needs, [], MatchParams(now=NOW))
    line_of = {o.offer_id: row_of[o.source_row] for o in offers}
    proposed: dict[str, int] = {}
    levels: dict[str, int] = {}
    for p in proposals:
        row_id = line_of[p.offer_id]
        proposed[row_id] = proposed.get(row_id, 0) + p.quantity
        levels[row_id] = min(levels.get(row_id, p.fit_level), p.fit_level)
    labels = {o["id"]: o["label"] for o in group["offers"]}
    best = group.get("best")
    return GroupResult(
        group["group"], best, labels.get(best) if best else None, proposed, levels, labels
    )


@dataclass(slots=True)
class PairsReport:
    groups: int = 0
    pairs: int = 0
    no_fit_pairs: int = 0
    no_fit_proposed: list[str] = field(default_factory=list)
    full_best: int = 0
    full_best_chosen: int = 0
    partial_best: int = 0
    partial_best_chosen: int = 0
    misses: list[str] = field(default_factory=list)


def score(groups: list[dict[str, Any]]) -> PairsReport:
    report = PairsReport()
    for group in groups:
        result = run_group(group)
        report.groups += 1
        report.pairs += len(result.labels)
        report.no_fit_pairs += sum(1 for v in result.labels.values() if v == "no-fit")
        report.no_fit_proposed += [f"{result.group}: {o}" for o in result.no_fit_proposed]
        if result.best_label == "fit":
            report.full_best += 1
            chosen = result.choice == result.best
            report.full_best_chosen += chosen
        elif result.best_label == "partial":
            report.partial_best += 1
            chosen = result.choice == result.best
            report.partial_best_chosen += chosen
        else:
            continue
        if not chosen:
            report.misses.append(
                f"{result.group}: labelled best {result.best} ({result.best_label}),"
                f" engine chose {result.choice}; proposed {result.proposed}"
            )
    return report
