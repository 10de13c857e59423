"""Category and urgency labels in the coordinators' languages."""

from __future__ import annotations

import pytest

from matcher.labels import category_label, days_text, urgency_label
from matcher.model import CATEGORIES


@pytest.mark.parametrize("language", ["ru", "uk", "en"])
@pytest.mark.parametrize("code", CATEGORIES)
def test_every_category_has_a_label(code, language):
    assert category_label(code, language).strip()


@pytest.mark.parametrize(
    ("code", "language", "label"),
    [
        pytest.param("clothing", "ru", "Одежда", id="ru-clothing"),
        pytest.param("clothing", "uk", "Одяг", id="uk-clothing"),
        pytest.param("children", "en", "Children's goods", id="en-children"),
    ],
)
def test_category_label(code, language, label):
    assert category_label(code, language) == label


@pytest.mark.parametrize(
    ("code", "language", "label"),
    [
        pytest.param("high", "ru", "срочно", id="ru-high"),
        pytest.param("high", "uk", "терміново", id="uk-high"),
        pytest.param("low", "en", "not urgent", id="en-low"),
    ],
)
def test_urgency_label(code, language, label):
    assert urgency_label(code, language) == label


@pytest.mark.parametrize(
    ("n", "language", "text"),
    [
        pytest.param(1, "ru", "1 день", id="ru-1"),
        pytest.param(2, "ru", "2 дня", id="ru-2"),
        pytest.param(5, "ru", "5 дней", id="ru-5"),
        pytest.param(12, "ru", "12 дней", id="ru-12"),
        pytest.param(101, "ru", "101 день", id="ru-101"),
        pytest.param(1, "uk", "1 день", id="uk-1"),
        pytest.param(2, "uk", "2 дні", id="uk-2"),
        pytest.param(5, "uk", "5 днів", id="uk-5"),
        pytest.param(1, "en", "1 day", id="en-1"),
        pytest.param(2, "en", "2 days", id="en-2"),
    ],
)
def test_days_text(n, language, text):
    assert days_text(n, language) == text


def test_unknown_code_names_the_known_ones():
    with pytest.raises(KeyError, match="clothing"):
        category_label("socks", "ru")
