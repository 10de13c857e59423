"""The labelled set (tests/normalize/cases/*.yaml) and how each field is scored.

Shared by the tests (which assert the accuracy targets) and by
benchmarks/normalize_quality.py (which prints the figures and every miss).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from matcher.normalize.answers import parse_urgency, parse_yes_no
from matcher.normalize.dates import parse_timestamp
from matcher.normalize.items import read_items
from matcher.normalize.phones import parse_phone
from matcher.normalize.places import find_place
from matcher.normalize.quantities import quantity_or_estimate

CASES_DIR = Path(__file__).parent / "cases"
#: Cases written after the vocabulary was done, never used to tune it: they
#: measure how well the rules carry over to answers nobody anticipated.
HOLDOUT_DIR = Path(__file__).parent / "holdout"

#: Minimum share of exact answers over the whole labelled set, per field.
TARGETS: dict[str, float] = {
    "categories": 0.97,
    "phones": 0.99,
    "places": 0.97,
    "quantities": 0.95,
    "dates": 0.97,
    "yes_no": 0.95,
    "urgency": 0.95,
}

#: Cases we know we get wrong, by field and case id, with the reason.
KNOWN_MISSES: dict[str, dict[str, str]] = {
    "categories": {
        "categories-213-Дитячі іграшки та книжки": (
            "«книжки» after «та» loses «дитячі»: read as other books beside the toys"
        ),
    },
}


@dataclass(frozen=True, slots=True)
class Case:
    field: str
    id: str
    raw: tuple[Any, ...]
    expected: Any


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    got: Any

    @property
    def ok(self) -> bool:
        return self.got == self.case.expected


def _categories(raw: tuple[Any, ...]) -> Any:
    labels, text = raw
    items = read_items(labels, text, labels_decide=False)
    return sorted(line.category for line in items.lines) if items.recognized else []


def _places(raw: tuple[Any, ...]) -> Any:
    match = find_place(raw[0])
    return match.place.name if match.place else None


def _quantities(raw: tuple[Any, ...]) -> Any:
    found = quantity_or_estimate(raw[0], category=raw[1])
    return [found.value, found.estimated]


def _dates(raw: tuple[Any, ...]) -> Any:
    moment = parse_timestamp(raw[0])
    return moment.isoformat() if moment else None


SCORERS: dict[str, Callable[[tuple[Any, ...]], Any]] = {
    "categories": _categories,
    "phones": lambda raw: parse_phone(raw[0]).e164,
    "places": _places,
    "quantities": _quantities,
    "dates": _dates,
    "yes_no": lambda raw: parse_yes_no(raw[0])[0],
    "urgency": lambda raw: parse_urgency(raw[0])[0],
}


def _split(field: str, entry: list[Any]) -> tuple[tuple[Any, ...], Any]:
    if field == "categories":
        return (entry[0], entry[1]), sorted(entry[2])
    if field == "quantities":
        return (entry[0], entry[1]), [entry[2], entry[3]]
    return (entry[0],), entry[1]


def load_cases(field: str, directory: Path = CASES_DIR) -> list[Case]:
    path = directory / f"{field}.yaml"
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for number, entry in enumerate(entries, start=1):
        raw, expected = _split(field, entry)
        label = " | ".join(str(part) for part in raw if part)[:40] or "empty"
        cases.append(Case(field, f"{field}-{number:03d}-{label}", raw, expected))
    return cases


def score(case: Case) -> Outcome:
    return Outcome(case, SCORERS[case.field](case.raw))


def all_fields() -> list[str]:
    return list(SCORERS)
