"""Rows that are not real submissions: empty, test entries, spam links."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from matcher import vocab
from matcher.normalize.text import fold, tokens

_PUNCT = re.compile(r"[^\w\s']+")


@dataclass(frozen=True, slots=True)
class JunkVocabulary:
    test_answers: frozenset[str]
    spam_words: frozenset[str]
    link: re.Pattern[str]
    allowed_hosts: tuple[str, ...]


@cache
def junk_vocabulary() -> JunkVocabulary:
    where = "junk.yaml"
    raw = vocab.require_mapping(vocab.load_yaml(where), where)

    def folded(key: str) -> frozenset[str]:
        entries = vocab.require_strings(raw.get(key), f"{where}: {key}")
        return frozenset(vocab.require_folded(entries, f"{where}: {key}"))

    patterns = vocab.require_strings(raw.get("link_patterns"), f"{where}: link_patterns")
    try:
        link = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise vocab.VocabularyError(f"{where}: link_patterns: {exc}") from exc
    test_answers, spam_words = folded("test_answers"), folded("spam_words")
    if test_answers & spam_words:
        raise vocab.VocabularyError(
            f"{where}: {sorted(test_answers & spam_words)} are in both lists; keep one"
        )
    return JunkVocabulary(
        test_answers=test_answers,
        spam_words=spam_words,
        link=link,
        allowed_hosts=tuple(folded("allowed_link_hosts")),
    )


def _answer_key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


@lru_cache(maxsize=50_000)
def is_test_answer(text: str) -> bool:
    key = _answer_key(text)
    return bool(key) and key in junk_vocabulary().test_answers


def is_test_row(cells: Iterable[str]) -> bool:
    """A row whose name/details/item cells are test answers ("тест", "test", "asdf")."""
    return any(is_test_answer(cell) for cell in cells)


def foreign_links(text: str) -> list[str]:
    """Links in `text` to hosts other than the allowed photo/document hosts."""
    voc = junk_vocabulary()
    if "." not in text and "/" not in text:  # no link can be there: skip the regex
        return []
    if not voc.link.search(text):
        return []
    folded = fold(text)
    found = []
    for word in folded.split():
        if voc.link.search(word) and not any(host in word for host in voc.allowed_hosts):
            found.append(word)
    return found


def has_spam_words(text: str) -> bool:
    return any(token in junk_vocabulary().spam_words for token in tokens(fold(text)))


def is_spam(text: str, *, recognized: bool) -> bool:
    """A foreign link with a spam word, or with nothing else we could use."""
    if not foreign_links(text):
        return False
    return has_spam_words(text) or not recognized
