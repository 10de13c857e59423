"""The one loader of the bundled data files, and the models they are checked against.

Every word a coordinator sees is written once, in one YAML file, in each of
the coordinators' languages. A file is read by `load`, validated against its
pydantic model, and a bad file stops the program with one `VocabularyError`
naming the file, the key and what is wrong: it is a packaging bug, not a user
error. Models of this package's files live here; a file of another package
(sync/data/sheet_labels.yaml) has its model next to the code that reads it and
goes through the same `load`.
"""

from __future__ import annotations

import string
from collections.abc import Collection
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    RootModel,
    ValidationError,
    model_validator,
)

from matcher.model import CATEGORIES, Urgency
from matcher.params import Language

#: The coordinators' languages; every text is written in each of them.
LANGUAGES: tuple[Language, ...] = ("ru", "uk", "en")
URGENCIES: tuple[Urgency, ...] = ("high", "normal", "low")
DATA_DIR = Path(__file__).parent / "data"


class VocabularyError(ValueError):
    """A bundled data file is malformed; the message names the file, the key and the fix."""


class ProblemCode(StrEnum):
    """Why a row or a cell could not be used as typed: the key of its message in
    matcher/data/problem_messages.yaml (checked both ways when the file loads)."""

    EMPTY_ROW = "empty_row"
    TEST_ROW = "test_row"
    SPAM_ROW = "spam_row"
    NO_CONTACT = "no_contact"
    PHONE_MISSING = "phone_missing"
    PHONE_INVALID = "phone_invalid"
    CITY_MISSING = "city_missing"
    CITY_UNKNOWN = "city_unknown"
    CITY_GUESSED = "city_guessed"
    CATEGORY_UNKNOWN = "category_unknown"
    DATE_MISSING = "date_missing"
    DATE_INVALID = "date_invalid"
    CAN_DELIVER_UNKNOWN = "can_deliver_unknown"
    URGENCY_UNKNOWN = "urgency_unknown"
    TEXT_TRIMMED = "text_trimmed"
    CONTROL_CHARS_REMOVED = "control_chars_removed"
    DUPLICATE_SUBMISSION = "duplicate_submission"
    DUPLICATE_ROW = "duplicate_row"
    ITEM_MISSING = "item_missing"
    NAME_MISSING = "name_missing"
    UNKNOWN_STATUS = "unknown_status"
    MISSING_MATCH_ID = "missing_match_id"
    DUPLICATE_MATCH_ID = "duplicate_match_id"
    EMPTY_SHEET = "empty_sheet"
    MATCH_ROW_DELETED = "match_row_deleted"
    PHONE_GUESSED = "phone_guessed"
    PHONE_FOREIGN = "phone_foreign"
    MASH_ROW = "mash_row"
    THANKS_ROW = "thanks_row"
    HELP_REQUEST = "help_request"
    AD_ROW = "ad_row"
    FORMULA_ROW = "formula_row"
    HEADER_ROW = "header_row"
    NOTICE_ROW = "notice_row"
    NEED_CLOSED = "need_closed"
    OTHER_ITEM = "other_item"
    CELL_REFRESHED = "cell_refreshed"
    OFFER_PHONE_CORRECTED = "offer_phone_corrected"
    OFFER_ITEM_CORRECTED = "offer_item_corrected"
    NEED_PHONE_CORRECTED = "need_phone_corrected"
    NEED_ITEM_CORRECTED = "need_item_corrected"
    OVER_ALLOCATED = "over_allocated"
    MATCHES_TAB_DELETED = "matches_tab_deleted"
    MEMORY_TAB_MISSING = "memory_tab_missing"
    # Not rows: why a pass on a shared spreadsheet wrote nothing (sync/lease.py).
    LEASE_HELD = "lease_held"
    LEASE_TAKEN_MEANWHILE = "lease_taken_meanwhile"
    LEASE_RAN_OUT = "lease_ran_out"


# --- the loader ----------------------------------------------------------------------

Model = TypeVar("Model", bound=BaseModel)


class _UniqueKeyLoader(yaml.SafeLoader):
    """The safe loader, refusing a key written twice in one mapping: YAML keeps the
    last silently, and the first list of words would vanish."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} is written twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@cache
def read_yaml(path: Path) -> Any:
    """The parsed content of `path` (cached; treat as read-only)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_UniqueKeyLoader)  # a SafeLoader
    except FileNotFoundError as exc:
        raise VocabularyError(f"{_shown(path)}: file is missing from the package") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{_shown(path)}: not valid YAML: {exc}") from exc


@cache
def load(model: type[Model], path: Path) -> Model:
    """`path` validated as `model` (cached), or VocabularyError naming what is wrong."""
    try:
        return model.model_validate(read_yaml(path))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise VocabularyError(f"{_shown(path)}: {where}: {first['msg']}") from None


def _shown(path: Path) -> str:
    """matcher/data/x.yaml rather than the whole path of the installed package."""
    root = DATA_DIR.parents[1]
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def require_keys(
    given: Collection[str], wanted: Collection[str], what: str, *, all_required: bool = True
) -> None:
    """The keys `wanted` (all of them, unless not `all_required`) and no others, or a
    ValueError saying which to add or remove."""
    missing = [key for key in wanted if key not in given] if all_required else []
    extra = sorted(set(given) - set(wanted))
    if missing:
        raise ValueError(f"{what}: {', '.join(missing)} missing; add them")
    if extra:
        raise ValueError(f"{what}: {', '.join(extra)} unknown; remove them or add them to the code")


# --- models shared by every file -------------------------------------------------------


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("the text is empty; write it")
    return text


Text = Annotated[str, AfterValidator(_not_blank)]


class Strict(BaseModel):
    """A part of a data file: no unknown keys, read-only once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Texts(Strict):
    """One thing said in each of the coordinators' languages."""

    ru: Text
    uk: Text
    en: Text

    def __getitem__(self, language: Language) -> str:
        text: str = getattr(self, language)
        return text


# --- matcher/data/categories.yaml ------------------------------------------------------


class Category(Strict):
    #: The one name of the category shown to coordinators.
    labels: Texts


class CategoriesFile(Strict):
    """The categories' names; what people write for them is matcher/data/lexicon.yaml."""

    categories: dict[str, Category]

    @model_validator(mode="after")
    def _every_category(self) -> CategoriesFile:
        require_keys(self.categories, CATEGORIES, "categories")
        return self


def categories_file() -> CategoriesFile:
    return load(CategoriesFile, DATA_DIR / "categories.yaml")


# --- matcher/data/labels.yaml ----------------------------------------------------------


class PluralForms(Strict):
    one: Text
    few: Text
    many: Text


class LabelsFile(Strict):
    """Urgency words, pieces of the reason sentence and the plural forms of "day"."""

    urgencies: dict[str, Texts]
    phrases: dict[str, Texts]
    days: dict[str, PluralForms]

    @model_validator(mode="after")
    def _complete(self) -> LabelsFile:
        require_keys(self.urgencies, URGENCIES, "urgencies")
        require_keys(self.days, LANGUAGES, "days")
        return self


def labels_file() -> LabelsFile:
    return load(LabelsFile, DATA_DIR / "labels.yaml")


# --- matcher/data/problem_messages.yaml ------------------------------------------------


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class ProblemMessage(Texts):
    @model_validator(mode="after")
    def _same_placeholders(self) -> ProblemMessage:
        names = {language: _placeholders(self[language]) for language in LANGUAGES}
        if len(set(names.values())) != 1:
            found = {language: sorted(n) for language, n in names.items()}
            raise ValueError(f"the languages use different placeholders: {found}")
        return self


class ProblemMessagesFile(RootModel[dict[str, ProblemMessage]]):
    """The reason shown on the Problems tab, per problem code: one for each code."""

    model_config = ConfigDict(frozen=True, strict=True)

    @model_validator(mode="after")
    def _one_message_per_code(self) -> ProblemMessagesFile:
        require_keys(self.root, [code.value for code in ProblemCode], "problem codes")
        return self


def problem_messages_file() -> ProblemMessagesFile:
    return load(ProblemMessagesFile, DATA_DIR / "problem_messages.yaml")
