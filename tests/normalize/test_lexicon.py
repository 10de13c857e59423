"""The item lexicon (matcher/data/lexicon.yaml): it loads, its `words` are
dictionary lemmas, every kind and item is labelled, and it is much larger than the
category vocabulary it replaced."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pymorphy3
import pytest

from matcher import vocab
from matcher.model import CATEGORIES
from matcher.normalize.lexicon import attributes, lexicon
from matcher.text import fold

#: Entries under each category's `words` in the vocabulary the lexicon replaced:
#: matcher/data/categories.yaml at commit 75889ed
#: (`git show 75889ed:matcher/data/categories.yaml`, HEAD~1 when the lexicon landed).
OLD_WORD_COUNTS = {
    "clothing": 83,
    "shoes": 48,
    "medicine": 57,
    "furniture": 35,
    "kitchenware": 53,
    "hygiene": 67,
    "food": 91,
    "children": 36,
    "toys": 34,
    "bedding": 31,
    "appliances": 53,
    "other": 8,
}
GROWTH = 3


def _raw() -> dict[str, Any]:
    return vocab.load_yaml("lexicon.yaml")["categories"]


def _parts() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every word list of the file with its place: "clothing.generic", "clothing.outerwear"."""
    for code, category in _raw().items():
        for name in ("generic", "weak"):
            if category.get(name):
                yield f"{code}.{name}", category[name]
        yield from _kind_parts(code, category.get("kinds", {}))


def _kind_parts(where: str, kinds: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each kind and each finer item under it ("clothing.outerwear.jackets")."""
    for kind, spec in kinds.items():
        yield f"{where}.{kind}", spec
        yield from _kind_parts(f"{where}.{kind}", spec.get("items", {}))


@pytest.fixture(scope="module")
def analyzers() -> tuple[Any, Any]:
    return pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")


def _known_lemma(word: str, analyzers: tuple[Any, Any]) -> bool:
    # Entries are folded (ё as е, one apostrophe), so the lemma is folded too.
    return any(
        analyzer.word_is_known(word) and fold(analyzer.parse(word)[0].normal_form) == word
        for analyzer in analyzers
    )


def test_the_lexicon_loads() -> None:
    lex = lexicon()
    assert set(lex.words) and set(lex.phrases)
    assert {sense.category for sense in lex.words.values()} == set(CATEGORIES)


def test_every_word_is_a_lemma_pymorphy_knows(analyzers: tuple[Any, Any]) -> None:
    failures = []
    for where, spec in _parts():
        for word in spec.get("words", []):
            if not _known_lemma(word, analyzers):
                ru, uk = (analyzer.parse(word)[0].normal_form for analyzer in analyzers)
                failures.append(f"{where}: {word!r} (ru lemma {ru!r}, uk lemma {uk!r})")
    assert not failures, (
        f"{len(failures)} entries under `words` are not lemmas pymorphy3 knows;"
        " move them to `typed`:\n" + "\n".join(failures)
    )


def test_the_words_the_loader_checks_are_the_words_in_the_file() -> None:
    in_file = {word for _, spec in _parts() for word in spec.get("words", [])}
    assert lexicon().lemmas == in_file


def test_each_category_is_at_least_three_times_the_old_vocabulary() -> None:
    counts = Counter(sense.category for sense in lexicon().words.values())
    short = [
        f"{code}: {counts[code]} entries, needs {GROWTH * old}"
        for code, old in OLD_WORD_COUNTS.items()
        if counts[code] < GROWTH * old
    ]
    assert set(OLD_WORD_COUNTS) == set(CATEGORIES)
    assert not short, "categories below 3x the old categories.yaml:\n" + "\n".join(short)


def test_every_kind_has_ru_uk_and_en_labels() -> None:
    labels = lexicon().kind_labels
    missing = []
    for code, category in _raw().items():
        for where, _ in _kind_parts(code, category.get("kinds", {})):
            kind = where.removeprefix(f"{code}.").replace(".", "/")
            got = labels.get((code, kind), {})
            empty = [lang for lang in ("ru", "uk", "en") if not str(got.get(lang, "")).strip()]
            if empty:
                missing.append(f"{where}: no {', '.join(empty)} label")
    assert not missing, "\n".join(missing)


def test_every_context_sense_names_a_kind_of_the_lexicon() -> None:
    known = set(lexicon().kind_labels)
    senses = attributes().context_senses
    assert senses
    for word_sense, other in senses.items():
        for sense in (word_sense, other):
            assert (sense.category, sense.kind) in known, sense


def test_every_accessory_and_its_owner_name_kinds_of_the_lexicon() -> None:
    known = set(lexicon().kind_labels)
    owners = attributes().accessories_of
    assert owners
    for accessory, owner in owners.items():
        for sense in (accessory, owner):
            assert (sense.category, sense.kind) in known, sense
