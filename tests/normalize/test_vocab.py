"""The vocabulary files load, validate, and bad ones fail with a useful message."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import vocab
from matcher.messages import LANGUAGES, messages, render_problem
from matcher.model import Problem
from matcher.normalize.answers import urgency_table, yes_no_table
from matcher.normalize.junk import junk_vocabulary
from matcher.normalize.lexicon import attributes, lexicon
from matcher.normalize.phones import mask_phone
from matcher.normalize.places import gazetteer
from matcher.normalize.quantities import quantity_vocabulary
from matcher.vocabulary_files import VocabularyError, read_yaml

INTEGRATOR_CODES = [
    "unknown_status",
    "missing_match_id",
    "duplicate_match_id",
    "empty_sheet",
]


def test_every_bundled_file_loads() -> None:
    lexicon()
    attributes()
    quantity_vocabulary()
    yes_no_table()
    urgency_table()
    junk_vocabulary()
    assert len(gazetteer().places) > 5000
    assert messages()


def test_synonyms_must_be_disjoint() -> None:
    with pytest.raises(vocab.VocabularyError, match="both 'a' and 'b'"):
        vocab.synonym_table({"a": ["x"], "b": ["x"]}, "test.yaml")


def test_entries_must_be_normalized() -> None:
    with pytest.raises(vocab.VocabularyError, match="write it as 'одежда'"):
        vocab.require_folded(["Одёжда".replace("ё", "е")], "test.yaml")


def test_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys; the words under the first would vanish."""
    path = tmp_path / "lexicon.yaml"
    path.write_text("kind:\n  phrases: [a b]\n  words: [c]\n  phrases: [d e]\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="'phrases' is written twice"):
        read_yaml(path)


def test_entries_must_not_be_empty() -> None:
    with pytest.raises(vocab.VocabularyError, match="empty"):
        vocab.require_strings(["ok", " "], "test.yaml")


@pytest.mark.parametrize("code", sorted(messages()) + INTEGRATOR_CODES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_renders_in_every_language(code: str, language: str) -> None:
    problem = Problem(
        "offers", 2, "phone", "x", code, {"digits": 3, "sheet": "Matches", "header": "Телефон"}
    )
    text = render_problem(problem, language)  # type: ignore[arg-type]
    assert text and "{" not in text and code in messages()


def test_phone_message_is_the_volunteers_words() -> None:
    problem = Problem("offers", 2, "phone", "12345", "phone_invalid", {"digits": 5})
    assert render_problem(problem, "ru").startswith(
        "Телефон не распознан: проверьте количество цифр"
    )


@pytest.mark.parametrize(
    ("value", "masked"),
    [("+380951679026", "+380******026"), ("095 167 90 26", "095****026"), ("", "")],
)
def test_mask_phone(value: str, masked: str) -> None:
    assert mask_phone(value) == masked
