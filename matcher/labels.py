"""Category and urgency labels (and reason phrases) in ru / uk / en.

Category names come from matcher/data/categories.yaml, the rest from
matcher/data/labels.yaml; both are checked when first loaded
(matcher/vocabulary_files.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from matcher.params import Language
from matcher.vocabulary_files import LANGUAGES, Texts, categories_file, labels_file


def _lookup(entries: Mapping[str, Texts], what: str, code: str, language: Language) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    texts = entries.get(code)
    if texts is None:
        raise KeyError(f"unknown {what} code {code!r}; known: {', '.join(entries)}")
    return texts[language]


@cache  # called for every row of the Offers and Needs tabs
def category_label(code: str, language: Language) -> str:
    """The coordinators' name of a category code, e.g. ("clothing", "uk") -> "Одяг"."""
    categories = categories_file().categories
    labels = {name: category.labels for name, category in categories.items()}
    return _lookup(labels, "category", code, language)


@cache
def urgency_label(code: str, language: Language) -> str:
    """The coordinators' word for an urgency code, e.g. ("high", "ru") -> "срочно"."""
    return _lookup(labels_file().urgencies, "urgency", code, language)


def phrase(key: str, language: Language, **values: object) -> str:
    """A piece of a reason sentence with its placeholders filled."""
    return _phrase_template(key, language).format(**values)


@cache  # a pass words a few phrases for each of its proposals
def _phrase_template(key: str, language: Language) -> str:
    return _lookup(labels_file().phrases, "phrase", key, language)


def plural_form(n: int, language: Language) -> str:
    """The CLDR-style plural class of `n`: "one", "few" or "many"."""
    n = abs(n)
    if language == "en":
        return "one" if n == 1 else "many"
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def days_text(n: int, language: Language) -> str:
    """ "5 дней", "2 дні", "1 day"."""
    forms = labels_file().days[language]
    return f"{n} {getattr(forms, plural_form(n, language))}"
