"""Invariants: folding is idempotent; normalizing never raises and never drops a row."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.params import NormalizeParams
from matcher.text import clean_display, fold

OFFER_KEYS = ["submitted_at", "donor_name", "phone", "city", "categories", "details", "can_deliver"]
NEED_KEYS = [
    "submitted_at",
    "organization",
    "contact_name",
    "phone",
    "city",
    "item",
    "quantity",
    "urgency",
    "category",
]
SAMPLES = [
    "Одежда, Посуда",
    "095 167 90 26",
    "Северодонецк",
    "10.12.2014 14:03:27",
    "тест",
    "срочно",
    "Так",
    "",
    " ",
    "http://x.xyz",
    "=1+1",
    "п'ять",
    "ковдру",
    "45234.5",
]
cell = st.one_of(st.text(max_size=60), st.sampled_from(SAMPLES))


def rows_of(keys: list[str]) -> st.SearchStrategy[list[SourceRow]]:
    values = st.fixed_dictionaries({}, optional={key: cell for key in keys})
    return st.lists(values, max_size=6).map(
        lambda dicts: [SourceRow(i + 2, d) for i, d in enumerate(dicts)]
    )


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(), st.booleans())
def test_clean_display_is_idempotent(text: str, lines: bool) -> None:
    once = clean_display(text, lines=lines).text
    assert clean_display(once, lines=lines).text == once


@given(st.lists(st.text(alphabet="абв 12.,", min_size=1), min_size=1, max_size=5))
def test_a_line_break_in_a_list_stays_a_separator(lines: list[str]) -> None:
    """Every line's words survive, in order, on one line; a line that ends
    without a mark of its own ends with "; " before the next."""
    cleaned = clean_display("\n".join(lines), lines=True).text
    assert "\n" not in cleaned
    assert cleaned.replace(";", " ").split() == [w for line in lines for w in line.split()]
    typed = [line.strip() for line in lines if line.strip()]
    ends = [line for line in typed[:-1] if line[-1] not in ".,"]
    assert cleaned.count(";") == len(ends)


@given(st.text(alphabet="іїєґІЇЄҐ'’ʼ ёЁ"))
def test_fold_keeps_ukrainian_letters(text: str) -> None:
    folded = fold(text)
    assert all(ch in "іїєґ' е" for ch in folded)


settings_ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings_
@given(rows_of(OFFER_KEYS))
def test_offers_never_raise_and_never_drop_a_row(rows: list[SourceRow]) -> None:
    offers, problems = normalize_offers(rows, NormalizeParams(max_cell_chars=30))
    accounted = {o.source_row for o in offers} | {p.source_row for p in problems}
    assert {r.source_row for r in rows} <= accounted
    assert len({o.offer_id for o in offers}) == len(offers)


@settings_
@given(rows_of(NEED_KEYS))
def test_needs_never_raise_and_never_drop_a_row(rows: list[SourceRow]) -> None:
    needs, problems = normalize_needs(rows)
    accounted = {n.source_row for n in needs} | {p.source_row for p in problems}
    assert {r.source_row for r in rows} <= accounted
    assert len({n.need_id for n in needs}) == len(needs)
    assert all(n.quantity >= 1 and n.urgency in ("high", "normal", "low") for n in needs)


def test_latin_lookalikes_inside_cyrillic_words_are_folded() -> None:
    from matcher.text import fold

    assert fold("Харкiв") == fold("Харків")
    assert fold("Kharkiv") == "kharkiv"  # a Latin word stays Latin
