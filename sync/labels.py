"""Labels shown to coordinators, loaded from data/sheet_labels.yaml and checked.

Labels are written in the coordinators' language and read back leniently:
any language, any case, the usual spelling variants. The file goes through the
one loader of data files (matcher/vocabulary_files.py), against the model below.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from matcher.model import Status
from matcher.params import Language
from matcher.text import fold
from matcher.vocabulary_files import LANGUAGES, Strict, Texts, load, require_keys

SHEET_LABELS = Path(__file__).parent / "data" / "sheet_labels.yaml"
#: What a coordinator answers on the Re-confirm tab: the things are still there, or gone.
RECONFIRM_ANSWERS = ("still", "gone")


class SheetLabelsFile(Strict):
    """Every label of the coordination spreadsheet, in ru, uk and en."""

    tabs: dict[str, Texts]
    statuses: dict[str, Texts]
    #: Extra spellings people type for a status; matched after casefolding.
    status_variants: dict[str, list[str]] = Field(default_factory=dict)
    columns: dict[str, Texts]
    sources: dict[str, Texts]
    roles: dict[str, Texts]
    reconfirm_answers: dict[str, Texts]
    reconfirm_variants: dict[str, list[str]] = Field(default_factory=dict)
    severities: dict[str, Texts]
    answers: dict[str, Texts]

    @model_validator(mode="after")
    def _complete(self) -> SheetLabelsFile:
        statuses = [status.value for status in Status]
        require_keys(self.statuses, statuses, "statuses")
        require_keys(self.status_variants, statuses, "status_variants", all_required=False)
        require_keys(self.sources, ("offers", "needs", "matches"), "sources")
        require_keys(self.severities, ("error", "note"), "severities")
        require_keys(self.answers, ("yes", "no", "no_phone"), "answers")
        require_keys(self.roles, ("donor", "ngo"), "roles")
        require_keys(self.reconfirm_answers, RECONFIRM_ANSWERS, "reconfirm_answers")
        require_keys(
            self.reconfirm_variants, RECONFIRM_ANSWERS, "reconfirm_variants", all_required=False
        )
        self.status_spellings()
        self.answer_spellings()
        return self

    def status_spellings(self) -> dict[str, str]:
        """Folded spelling -> status code; a spelling may name one status only."""
        return _spellings(self.statuses, self.status_variants, "status")

    def answer_spellings(self) -> dict[str, str]:
        """Folded spelling -> re-confirm answer; a spelling may name one answer only."""
        return _spellings(self.reconfirm_answers, self.reconfirm_variants, "answer")


def _spellings(
    labels: Mapping[str, Texts], variants: Mapping[str, list[str]], what: str
) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, texts in labels.items():
        shown = [texts[language] for language in LANGUAGES]
        for spelling in [code, *shown, *variants.get(code, [])]:
            named = lookup.setdefault(fold(spelling), code)
            if named != code:
                raise ValueError(f"{what} spelling {spelling!r} names {named} and {code}")
    return lookup


def _data() -> SheetLabelsFile:
    return load(SheetLabelsFile, SHEET_LABELS)


@cache
def _status_lookup() -> Mapping[str, Status]:
    return {spelling: Status(code) for spelling, code in _data().status_spellings().items()}


def status_label(status: Status, language: Language) -> str:
    return _data().statuses[status.value][language]


def status_labels(language: Language) -> list[str]:
    return [status_label(status, language) for status in Status]


def parse_status(text: str) -> Status | None:
    """The status a coordinator meant, or None when it cannot be read."""
    return _status_lookup().get(fold(text).strip(" .!"))


def column_label(key: str, language: Language) -> str:
    return _data().columns[key][language]


def column_keys() -> list[str]:
    """Every column key a coordination tab may have."""
    return list(_data().columns)


def column_spellings(key: str) -> frozenset[str]:
    """Every folded header under which column `key` is recognized."""
    labels = _data().columns[key]
    return frozenset({fold(key), *(fold(labels[language]) for language in LANGUAGES)})


def tab_title(key: str, language: Language) -> str:
    return _data().tabs[key][language]


def tab_titles(key: str) -> frozenset[str]:
    """Every title tab `key` has gone by, in any language."""
    return frozenset(_data().tabs[key][language] for language in LANGUAGES)


def answer_label(key: str, language: Language) -> str:
    return _data().answers[key][language]


def role_label(role: str, language: Language) -> str:
    return _data().roles[role][language]


def reconfirm_label(answer: str, language: Language) -> str:
    return _data().reconfirm_answers[answer][language]


def reconfirm_labels(language: Language) -> tuple[str, ...]:
    return tuple(reconfirm_label(answer, language) for answer in RECONFIRM_ANSWERS)


@cache
def _answer_lookup() -> Mapping[str, str]:
    return _data().answer_spellings()


def parse_reconfirm(text: str) -> str | None:
    """ "still" or "gone" for what a coordinator typed; None when blank or unreadable."""
    return _answer_lookup().get(fold(text).strip(" .!"))


def source_label(source: str, language: Language) -> str:
    return _data().sources[source][language]


def severity_label(severity: str, language: Language) -> str:
    return _data().severities[severity][language]


def yes_no_label(value: bool | None, language: Language) -> str:
    if value is None:
        return ""
    return _data().answers["yes" if value else "no"][language]
