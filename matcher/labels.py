"""Category and urgency labels (and reason phrases) in ru / uk / en.

The text lives in matcher/data/labels.yaml and is checked when first loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from matcher.model import CATEGORIES
from matcher.params import Language

LANGUAGES: tuple[Language, ...] = ("ru", "uk", "en")
URGENCIES: tuple[str, ...] = ("high", "normal", "low")
PLURAL_FORMS: tuple[str, ...] = ("one", "few", "many")
_FILE = "matcher/data/labels.yaml"


class LabelsFileError(ValueError):
    """matcher/data/labels.yaml is inconsistent: a packaging bug, not a user error."""


def _check_section(data: Mapping[str, Any], section: str, keys: tuple[str, ...]) -> None:
    entries = data.get(section)
    if not isinstance(entries, Mapping):
        raise LabelsFileError(f"{_FILE}: section {section!r} is missing; add it")
    for key in keys:
        if key not in entries:
            raise LabelsFileError(f"{_FILE}: {section}.{key} is missing; add it")
    for key, labels in entries.items():
        for lang in LANGUAGES:
            text = labels.get(lang) if isinstance(labels, Mapping) else None
            if not isinstance(text, str) or not text.strip():
                raise LabelsFileError(f"{_FILE}: {section}.{key}.{lang} is empty; write the text")


@cache
def _data() -> Mapping[str, Any]:
    text = resources.files("matcher").joinpath("data/labels.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, Mapping):
        raise LabelsFileError(f"{_FILE}: expected a mapping at the top level")
    _check_section(data, "categories", CATEGORIES)
    _check_section(data, "urgencies", URGENCIES)
    _check_section(data, "phrases", ())
    days = data.get("days", {})
    for lang in LANGUAGES:
        forms = days.get(lang) if isinstance(days, Mapping) else None
        if not isinstance(forms, Mapping) or any(
            not str(forms.get(f, "")).strip() for f in PLURAL_FORMS
        ):
            raise LabelsFileError(f"{_FILE}: days.{lang} needs the forms {PLURAL_FORMS}")
    return data


def _lookup(section: str, code: str, language: Language) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    entries: Mapping[str, Mapping[str, str]] = _data()[section]
    labels = entries.get(code)
    if labels is None:
        raise KeyError(f"unknown {section[:-1]} code {code!r}; known: {', '.join(entries)}")
    return labels[language]


def category_label(code: str, language: Language) -> str:
    """The coordinators' name of a category code, e.g. ("clothing", "uk") -> "Одяг"."""
    return _lookup("categories", code, language)


def urgency_label(code: str, language: Language) -> str:
    """The coordinators' word for an urgency code, e.g. ("high", "ru") -> "срочно"."""
    return _lookup("urgencies", code, language)


def phrase(key: str, language: Language, **values: object) -> str:
    """A piece of a reason sentence with its placeholders filled."""
    return _lookup("phrases", key, language).format(**values)


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
    forms: Mapping[str, str] = _data()["days"][language]
    return f"{n} {forms[plural_form(n, language)]}"
