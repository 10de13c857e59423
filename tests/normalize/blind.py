"""Blind sets: form rows and need rows written, with their expected reading, by
authors who never saw the vocabulary or the normalizer (tests/normalize/blind/).

Each set is a folder: `offers*.yaml` and `needs*.yaml`, rows as typed plus what
a careful coordinator reads in them. Shared by the benchmark
(benchmarks/normalize_quality.py), which prints every figure and every miss by
class, and by the tests, which pin the figures the issue asks for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from matcher.model import Need, Offer, SourceRow
from matcher.normalize import normalize_needs, normalize_offers

BLIND_DIR = Path(__file__).parent / "blind"
FLAGGED = {"guessed": "phone_guessed", "foreign": "phone_foreign"}
#: The order the benchmark prints figures in, with the goal of each.
GOALS: dict[str, float] = {
    "offer categories": 0.97,
    "offer categories, free text": 0.95,
    "need categories": 0.97,
    "offer quantities": 0.95,
    "need quantities": 0.95,
    "junk kept out (offers)": 0.97,
    "junk kept out (needs)": 0.97,
    "real rows kept (offers)": 0.97,
    "real rows kept (needs)": 0.97,
    "urgency": 0.97,
    "phones flagged (guessed/foreign)": 0.95,
    "phones not flagged when fine": 0.95,
}


def blind_sets() -> list[Path]:
    """The blind sets in the order they were written: A, B, ..., Z, AA, AB."""
    return sorted(
        (p for p in BLIND_DIR.iterdir() if p.is_dir()), key=lambda p: (len(p.name), p.name)
    )


def newest_set() -> Path:
    """The blind set written last that holds form rows and need rows alike."""
    return [p for p in blind_sets() if any(p.glob("offers*.yaml"))][-1]


def newest_needs_set() -> Path:
    """The blind set written last that holds need rows (AY holds need rows only)."""
    return [p for p in blind_sets() if any(p.glob("needs*.yaml"))][-1]


def load(directory: Path, prefix: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(directory.glob(f"{prefix}*.yaml")):
        rows.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return rows


@dataclass(slots=True)
class Tally:
    ok: int = 0
    total: int = 0

    def add(self, good: bool) -> None:
        self.ok += good
        self.total += 1

    @property
    def share(self) -> float:
        return self.ok / self.total if self.total else 1.0


@dataclass(slots=True)
class Report:
    figures: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    #: Miss class -> lines naming the row, what was expected and what was read.
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def check(self, figure: str, good: bool, miss_class: str, text: str) -> None:
        self.figures[figure].add(good)
        if not good:
            self.misses[miss_class].append(text)


def _as_source(values: dict[str, Any]) -> SourceRow:
    return SourceRow(2, {k: "" if v is None else str(v) for k, v in values.items()})


def _expected_lines(case: dict[str, Any]) -> dict[str, Any]:
    return dict(case["expect"].get("categories") or {})


def _quantity_ok(expected: Any, record: Offer | Need) -> bool:
    wanted = (expected or {}).get("quantity")
    if wanted is None:
        return record.quantity_estimated and record.quantity == 1
    return record.quantity == int(wanted)


def _show(case: dict[str, Any], keys: Iterable[str]) -> str:
    row = case["row"]
    return " | ".join(f"{k}={row.get(k, '')!r}" for k in keys if row.get(k))


def score_offers(cases: list[dict[str, Any]], report: Report) -> None:
    for case in cases:
        offers, problems = normalize_offers([_as_source(case["row"])])
        expect = case["expect"]
        codes = {p.code for p in problems}
        shown = f"{case['id']}: {_show(case, ('categories', 'details'))}"
        if expect.get("junk"):
            report.check(
                "junk kept out (offers)",
                not offers,
                f"junk kept: {expect.get('junk_kind') or 'junk'}",
                f"{shown} -> {sorted({o.category for o in offers})}",
            )
            continue
        report.check("real rows kept (offers)", bool(offers), "real row dropped",
                     f"{shown} -> {sorted(codes)}")  # fmt: skip
        wanted = _expected_lines(case)
        got = {o.category: o for o in offers}
        good = set(got) == set(wanted)
        detail = f"{shown} -> expected {sorted(wanted)}, read {sorted(got)}"
        report.check("offer categories", good, "categories", detail)
        if expect.get("free_text"):
            report.check("offer categories, free text", good, "categories (free text)", detail)
        for code, line in wanted.items():
            if code in got:
                offer = got[code]
                report.check(
                    "offer quantities",
                    _quantity_ok(line, offer),
                    "quantity",
                    f"{shown} -> {code}: expected {(line or {}).get('quantity')},"
                    f" read {offer.quantity}{'~' if offer.quantity_estimated else ''}",
                )
        _score_phone(case, codes, report, shown)


def score_needs(cases: list[dict[str, Any]], report: Report) -> None:
    for case in cases:
        needs, problems = normalize_needs([_as_source(case["row"])])
        expect = case["expect"]
        codes = {p.code for p in problems}
        shown = f"{case['id']}: {_show(case, ('item', 'quantity', 'urgency'))}"
        if expect.get("junk"):
            report.check("junk kept out (needs)", not needs, "junk kept (needs)",
                         f"{shown} -> {sorted({n.category for n in needs})}")  # fmt: skip
            continue
        report.check("real rows kept (needs)", bool(needs), "real need dropped",
                     f"{shown} -> {sorted(codes)}")  # fmt: skip
        wanted = _expected_lines(case)
        got = {n.category: n for n in needs}
        report.check("need categories", set(got) == set(wanted), "need categories",
                     f"{shown} -> expected {sorted(wanted)}, read {sorted(got)}")  # fmt: skip
        for code, line in wanted.items():
            if code in got:
                need = got[code]
                report.check(
                    "need quantities",
                    _quantity_ok(line, need),
                    "need quantity",
                    f"{shown} -> {code}: expected {(line or {}).get('quantity')},"
                    f" read {need.quantity}{'~' if need.quantity_estimated else ''}",
                )
        if needs:
            urgency = needs[0].urgency
            wanted = expect.get("urgency")
            report.check("urgency", urgency == wanted, "urgency",
                         f"{shown} -> expected {wanted}, read {urgency}")  # fmt: skip
        _score_phone(case, codes, report, shown)


def _score_phone(case: dict[str, Any], codes: set[str], report: Report, shown: str) -> None:
    flag = case["expect"].get("phone", "ok")
    phone = f"{case['id']}: phone={case['row'].get('phone', '')!r}"
    if flag in FLAGGED:
        report.check("phones flagged (guessed/foreign)", FLAGGED[flag] in codes,
                     f"phone not flagged ({flag})", f"{phone} -> {sorted(codes)}")  # fmt: skip
    elif flag == "ok":
        noted = codes & set(FLAGGED.values())
        report.check("phones not flagged when fine", not noted, "phone flagged wrongly",
                     f"{phone} -> {sorted(noted)}")  # fmt: skip


def score_set(directory: Path) -> Report:
    report = Report()
    score_offers(load(directory, "offers"), report)
    score_needs(load(directory, "needs"), report)
    return report
