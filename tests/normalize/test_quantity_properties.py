"""Properties of reading counts: a number that is a size, a dimension, an age, a
power, a year or a list number never becomes a count, and counts come only
from what was written."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.normalize.items import read_items
from matcher.normalize.numbers import NUMBER_WORDS

#: Things named in the singular, so that a thing with no count reads as one.
THINGS = ["куртка", "пальто", "сапоги", "кроватка", "обогреватель", "простыня", "свитер",
          "чоботи", "ковдра", "коляска", "комбинезон", "стіл", "памперсы"]  # fmt: skip

#: A number and the words around it that make it something other than a count.
NOT_COUNTS = [
    "{n} размер", "размер {n}", "р. {n}", "{n} р-р", "рост {n}", "зріст {n}", "{n}р",
    "на {n} лет", "на {n} років", "{n} міс", "{n} месяцев", "до {n} лет",
    "{n} кВт", "{n},5 кВт", "{n} Вт",
    "{n}х{m}", "{n} x {m}", "{n}*{m}",
]  # fmt: skip
YEARS = ["годен до {y}", "{y} г.в.", "{y} року", "выпуска {y} года"]
#: "2) сапоги", "3. Пальто": a dot ends a sentence unless a capital follows.
LIST_MARKERS = ["{k}) {thing}", "{k}. {Thing}"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(THINGS),
    st.sampled_from(NOT_COUNTS),
    st.integers(2, 190),
    st.integers(2, 300),
    st.booleans(),
)
def test_a_size_age_power_or_dimension_is_never_a_count(thing, pattern, n, m, before):
    words = pattern.format(n=n, m=m)
    text = f"{words} {thing}" if before else f"{thing} {words}"
    for line in read_items("", text, labels_decide=False).lines:
        assert line.quantity is None or line.quantity.value not in {n, m}, (text, line)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(THINGS), st.sampled_from(YEARS), st.integers(1990, 2030))
def test_a_year_is_never_a_count(thing, pattern, year):
    text = f"{thing}, {pattern.format(y=year)}"
    for line in read_items("", text, labels_decide=False).lines:
        assert line.quantity is None or line.quantity.value < 100, (text, line)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(THINGS), min_size=1, max_size=4), st.sampled_from(LIST_MARKERS))
def test_list_numbers_are_never_counts(things, marker):
    text = " ".join(
        marker.format(k=k + 2, thing=t, Thing=t.capitalize()) for k, t in enumerate(things)
    )
    total = sum(
        line.quantity.value
        for line in read_items("", text, labels_decide=False).lines
        if line.quantity
    )
    assert total <= len(things), text  # each thing named once counts one at most


_COUNTED = st.tuples(
    st.sampled_from(THINGS),
    st.one_of(st.none(), st.integers(1, 500), st.sampled_from(["два", "три", "пять", "десяток"])),
    st.sampled_from(["", " шт", " пар", " пакета", " штук"]),
)


def _written_numbers(text: str) -> int:
    digits = sum(int(d) for d in re.findall(r"\d+", text))
    words = sum(NUMBER_WORDS.get(w, 0) for w in re.findall(r"[^\W\d_]+", text.casefold()))
    return digits + words


@settings(max_examples=300, deadline=None)
@given(st.lists(_COUNTED, min_size=1, max_size=5), st.sampled_from([", ", " и ", "; ", " та "]))
def test_counts_never_exceed_what_was_written(items, separator):
    parts = [thing if count is None else f"{thing} {count}{unit}" for thing, count, unit in items]
    text = separator.join(parts)
    total = sum(
        line.quantity.value
        for line in read_items("", text, labels_decide=False).lines
        if line.quantity
    )
    # every count is a number written in the text, or one for a thing named without one
    assert total <= _written_numbers(text) + len(items), text
