"""Labels shown to coordinators, loaded from data/sheet_labels.yaml and checked.

Labels are written in the coordinators' language and read back leniently:
any language, any case, the usual spelling variants.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from matcher.model import Status
from matcher.normalize.text import fold
from matcher.params import Language

LANGUAGES: tuple[Language, ...] = ("ru", "uk", "en")


class LabelFileError(ValueError):
    """The bundled label file is inconsistent; a packaging bug, not a user error."""


@cache
def _data() -> Mapping[str, Any]:
    text = resources.files("sync").joinpath("data/sheet_labels.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    for section in ("statuses", "columns", "sources", "severities", "answers"):
        for key, labels in data[section].items():
            missing = [lang for lang in LANGUAGES if not str(labels.get(lang, "")).strip()]
            if missing:
                raise LabelFileError(f"{section}.{key}: no label for {', '.join(missing)}")
    if set(data["statuses"]) != {s.value for s in Status}:
        raise LabelFileError("statuses: must list exactly the match statuses")
    return data


@cache
def _status_lookup() -> Mapping[str, Status]:
    lookup: dict[str, Status] = {}
    data = _data()
    for code, labels in data["statuses"].items():
        spellings = [code, *labels.values(), *data["status_variants"].get(code, [])]
        for spelling in spellings:
            key = fold(spelling)
            if lookup.get(key, Status(code)) != Status(code):
                raise LabelFileError(f"status spelling {spelling!r} names two statuses")
            lookup[key] = Status(code)
    return lookup


def status_label(status: Status, language: Language) -> str:
    return str(_data()["statuses"][status.value][language])


def status_labels(language: Language) -> list[str]:
    return [status_label(status, language) for status in Status]


def parse_status(text: str) -> Status | None:
    """The status a coordinator meant, or None when it cannot be read."""
    return _status_lookup().get(fold(text).strip(" .!"))


def column_label(key: str, language: Language) -> str:
    return str(_data()["columns"][key][language])


def column_spellings(key: str) -> frozenset[str]:
    """Every folded header under which column `key` is recognized."""
    labels = _data()["columns"][key]
    return frozenset({fold(key), *(fold(label) for label in labels.values())})


def source_label(source: str, language: Language) -> str:
    return str(_data()["sources"][source][language])


def severity_label(severity: str, language: Language) -> str:
    return str(_data()["severities"][severity][language])


def yes_no_label(value: bool | None, language: Language) -> str:
    if value is None:
        return ""
    return str(_data()["answers"]["yes" if value else "no"][language])
