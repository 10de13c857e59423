"""Rows that are not real submissions: empty, test entries, spam links."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from matcher import vocab
from matcher.normalize.lexicon import attributes
from matcher.normalize.morph import is_known_word, lemmas
from matcher.text import fold, tokens, translit

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


#: Words in an answer beyond which a request or a thank-you inside it does not
#: make it junk, as long as it names things.
LONG_ANSWER_TOKENS = 30
_REPEATED_UNIT = re.compile(r"^(.{1,3}?)\1{2,}$", re.DOTALL)
_FORMULA = re.compile(r"^\s*[=+\-@]")
_SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю",
                  "йцукенгшщзхї", "фівапролджє")  # fmt: skip


def _repeated(text: str) -> bool:
    """ "аааааа", "!!!!!!", "хахахаха", "....": one short unit over and over."""
    compact = re.sub(r"\s+", "", text.casefold())
    return len(compact) >= 3 and (len(set(compact)) <= 2 or bool(_REPEATED_UNIT.match(compact)))


def _keyboard_run(token: str) -> bool:
    return len(token) >= 4 and any(
        token[i : i + 4] in row for row in _KEYBOARD_ROWS for i in range(len(token) - 3)
    )


def _mash(toks: list[str]) -> bool:
    """Letters that form no word either dictionary knows, or runs along the keyboard."""
    words = [t for t in toks if not any(ch.isdigit() for ch in t) and len(t) >= 3]
    if not words:
        return False
    if any(_keyboard_run(t) for t in words):
        return True
    return not any(is_known_word(t) or is_known_word(translit(t)) for t in words)


def _signal_words(toks: list[str]) -> set[str]:
    """The tokens and their first lemma: lists hold forms or lemmas, not both."""
    out = set(toks)
    for token in toks:
        out.update(lemmas(token)[1:2])
    return out


def junk_code(texts: Iterable[str], *, things: bool) -> str | None:
    """Why a row's free text is not a real offer or need, as a problem code; None if it is.

    `things` says whether anything offered or needed was recognized in it.
    """
    cells = [t for t in texts if t and t.strip()]
    if not cells:
        return None
    if all(_FORMULA.match(t) or _SYMBOLS_ONLY.match(t) for t in cells) and not things:
        return "formula_row"
    if all(_repeated(t) for t in cells):
        return "mash_row"
    toks = tokens(fold(" ".join(cells)))
    words = _signal_words(toks)
    signals = attributes().signals
    folded = fold(" ".join(cells))
    tests = [w for w in signals["test"] if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", folded)]
    if tests and len(toks) <= 8:
        return "test_row"
    offers = bool(words & signals["offer"])
    # A long answer that names things is an offer told at length, whatever else it says.
    told = things and len(toks) > LONG_ANSWER_TOKENS
    if words & signals["request"] and words & signals["self"] and not offers and not told:
        return "help_request"
    ads = words & signals["ad"]
    if ads and (
        foreign_links(" ".join(cells))
        or (not offers and not told and (len(ads) >= 2 or not things))
    ):
        return "ad_row"
    if words & signals["thanks"] and not offers and not told:
        return "thanks_row"
    if not things and _mash(toks):
        return "mash_row"
    details = tokens(fold(cells[-1]))
    if len(cells) > 1 and details and len(details) <= 2 and _mash(details):
        return "mash_row"  # ticked boxes, then garbage where the details go
    return None


def is_header_row(cells: Iterable[str]) -> bool:
    """A header row pasted again, or a total row ("ИТОГО"), inside a sheet."""
    header = attributes().signals["header"]
    folded = [fold(c).strip(" :.") for c in cells if c and c.strip()]
    hits = sum(1 for c in folded if c in header)
    totals = {"итого", "всього", "разом", "всего", "итог"}
    return hits >= 2 or any(c in totals for c in folded)
