"""The data files with the words coordinators see: one loader, one error, one source each."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from matcher import messages, vocab
from matcher.labels import category_label
from matcher.model import CATEGORIES
from matcher.vocabulary_files import (
    DATA_DIR,
    LANGUAGES,
    CategoriesFile,
    LabelsFile,
    ProblemCode,
    ProblemMessagesFile,
    VocabularyError,
    load,
    read_yaml,
)
from sync.labels import SHEET_LABELS, SheetLabelsFile

REPO = Path(__file__).resolve().parents[1]
FILES = [
    (CategoriesFile, DATA_DIR / "categories.yaml"),
    (LabelsFile, DATA_DIR / "labels.yaml"),
    (ProblemMessagesFile, DATA_DIR / "problem_messages.yaml"),
    (SheetLabelsFile, SHEET_LABELS),
]


def changed(tmp_path: Path, path: Path, change: Any) -> Path:
    """A copy of the bundled file at `path`, edited by `change(data)`."""
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    copy = tmp_path / path.name
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return copy


@pytest.mark.parametrize(("model", "path"), FILES, ids=[path.name for _, path in FILES])
def test_every_bundled_file_loads(model: Any, path: Path) -> None:
    assert load(model, path)


def test_a_yaml_code_the_code_does_not_know_is_refused(tmp_path: Path) -> None:
    path = DATA_DIR / "problem_messages.yaml"
    extra = {"ru": "x", "uk": "x", "en": "x"}
    bad = changed(tmp_path, path, lambda data: data.update(cell_on_fire=extra))
    with pytest.raises(VocabularyError, match="cell_on_fire unknown; remove them"):
        load(ProblemMessagesFile, bad)


def test_a_problem_code_without_a_message_is_refused(tmp_path: Path) -> None:
    path = DATA_DIR / "problem_messages.yaml"
    bad = changed(tmp_path, path, lambda data: data.pop(ProblemCode.PHONE_INVALID.value))
    with pytest.raises(VocabularyError, match="phone_invalid missing; add them"):
        load(ProblemMessagesFile, bad)


def test_every_problem_code_is_raised_somewhere() -> None:
    """A code with a message that no code path raises is dead text: remove it."""
    source = "\n".join(
        path.read_text("utf-8")
        for package in ("matcher", "sync")
        for path in (REPO / package).rglob("*.py")
        if path.name != "vocabulary_files.py"
    )
    unused = [
        code.value
        for code in ProblemCode
        if f'"{code.value}"' not in source and f"ProblemCode.{code.name}" not in source
    ]
    assert unused == []


def test_languages_of_one_message_use_the_same_placeholders(tmp_path: Path) -> None:
    path = DATA_DIR / "problem_messages.yaml"
    bad = changed(tmp_path, path, lambda data: data["city_unknown"].update(uk="{city}"))
    with pytest.raises(VocabularyError, match=r"problem_messages\.yaml: city_unknown: .*placeh"):
        load(ProblemMessagesFile, bad)


def test_an_empty_text_names_the_file_and_the_key(tmp_path: Path) -> None:
    bad = changed(
        tmp_path, DATA_DIR / "labels.yaml", lambda data: data["urgencies"]["high"].update(uk=" ")
    )
    with pytest.raises(VocabularyError, match=r"labels\.yaml: urgencies\.high\.uk: .*empty"):
        load(LabelsFile, bad)


def test_a_status_spelling_may_name_one_status_only(tmp_path: Path) -> None:
    bad = changed(
        tmp_path, SHEET_LABELS, lambda data: data["status_variants"]["agreed"].append("отказ")
    )
    with pytest.raises(VocabularyError, match="'Отказ' names agreed and declined"):
        load(SheetLabelsFile, bad)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", CATEGORIES)
def test_a_category_has_one_name_the_one_in_categories_yaml(code: str, language: str) -> None:
    categories = read_yaml(DATA_DIR / "categories.yaml")["categories"]
    assert category_label(code, language) == categories[code]["labels"][language]  # type: ignore[arg-type]


def test_category_names_are_not_written_twice(tmp_path: Path) -> None:
    again = {"medicine": {"ru": "Лекарства", "uk": "Ліки", "en": "Medicine"}}
    bad = changed(tmp_path, DATA_DIR / "labels.yaml", lambda data: data.update(categories=again))
    with pytest.raises(VocabularyError, match="categories: Extra inputs are not permitted"):
        load(LabelsFile, bad)


def test_one_error_class_and_one_list_of_languages() -> None:
    assert vocab.VocabularyError is VocabularyError
    assert messages.LANGUAGES is LANGUAGES
    assigned = [
        str(path.relative_to(REPO))
        for package in ("matcher", "sync", "reports")
        for path in (REPO / package).rglob("*.py")
        if re.search(r"^LANGUAGES\b.*=", path.read_text("utf-8"), re.MULTILINE)
    ]
    assert assigned == ["matcher/vocabulary_files.py"]
