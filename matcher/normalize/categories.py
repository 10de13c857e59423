"""Category detection from checkbox answers and free text (ru, uk, mixed).

The vocabulary is matcher/data/categories.yaml. A text is cut into segments
("детская одежда 2 пакета, посуда" -> two segments); each token is looked up
as typed, then by its lemmas (pymorphy3, ru and uk), then, for unknown words
only, by a small edit distance (rapidfuzz), so "одеждп" and "медикамнты" are
found but the name "Надежда" is not read as "одежда".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matcher import vocab
from matcher.model import CATEGORIES
from matcher.normalize.morph import is_known_word, lemmas
from matcher.normalize.text import fold, tokens

OTHER = "other"
_SEGMENT_SPLIT = re.compile(
    r"[,;\n•·|+]|\.\s|\s[-–—]\s|\s(?:и|і|й|та|а также|а ще|а еще|плюс|also|and)\s",
    re.IGNORECASE,
)
FUZZY_MIN_LEN = 5


@dataclass(frozen=True, slots=True)
class Vocabulary:
    words: dict[str, str]
    phrases: dict[tuple[str, str], str]
    gap_words: frozenset[str]
    negators_before: frozenset[str]
    negators_after: frozenset[str]
    labels: dict[str, dict[str, str]]
    fuzzy_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a free-text answer and the categories it names, in order."""

    text: str
    codes: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    where = "categories.yaml"
    raw = vocab.require_mapping(vocab.load_yaml(where), where)
    cats = vocab.require_mapping(raw.get("categories"), f"{where}: categories")
    unknown = set(cats) - set(CATEGORIES)
    missing = set(CATEGORIES) - set(cats)
    if unknown or missing:
        raise vocab.VocabularyError(
            f"{where}: categories must be exactly {', '.join(CATEGORIES)};"
            f" unknown {sorted(unknown)}, missing {sorted(missing)}"
        )
    word_groups: dict[str, list[str]] = {}
    phrase_groups: dict[str, list[str]] = {}
    labels: dict[str, dict[str, str]] = {}
    for code, spec in cats.items():
        spec = vocab.require_mapping(spec, f"{where}: {code}")
        w = f"{where}: {code}.words"
        word_groups[code] = vocab.require_folded(vocab.require_strings(spec.get("words"), w), w)
        p = f"{where}: {code}.phrases"
        phrase_groups[code] = vocab.require_folded(
            vocab.require_strings(spec.get("phrases") or [], p), p
        )
        for phrase in phrase_groups[code]:
            if len(phrase.split(" ")) != 2:
                raise vocab.VocabularyError(f"{p}: {phrase!r} must be exactly two words")
        lab = vocab.require_mapping(spec.get("labels"), f"{where}: {code}.labels")
        labels[code] = {lang: str(lab[lang]) for lang in ("ru", "uk", "en") if lang in lab}
        if len(labels[code]) != 3:
            raise vocab.VocabularyError(f"{where}: {code}.labels needs ru, uk and en")
    words = vocab.synonym_table(word_groups, f"{where}: words")
    phrase_table = vocab.synonym_table(phrase_groups, f"{where}: phrases")
    phrases = {tuple(k.split(" ")): v for k, v in phrase_table.items()}
    neg = vocab.require_mapping(raw.get("negators", {}), f"{where}: negators")

    def folded_set(value: object, key: str) -> frozenset[str]:
        entries = vocab.require_strings(value or [], f"{where}: {key}")
        return frozenset(vocab.require_folded(entries, f"{where}: {key}"))

    return Vocabulary(
        words=words,
        phrases=phrases,  # type: ignore[arg-type]
        gap_words=folded_set(raw.get("gap_words"), "gap_words"),
        negators_before=folded_set(neg.get("before"), "negators.before"),
        negators_after=folded_set(neg.get("after"), "negators.after"),
        labels=labels,
        fuzzy_keys=tuple(sorted(k for k in words if len(k) >= FUZZY_MIN_LEN)),
    )


def category_label(code: str, language: str) -> str:
    return vocabulary().labels.get(code, {}).get(language, code)


def _fuzzy(candidate: str) -> str | None:
    voc = vocabulary()
    limit = 1 if len(candidate) <= 7 else 2
    found = process.extract(
        candidate, voc.fuzzy_keys, scorer=OSA.distance, score_cutoff=limit, limit=3
    )
    if not found:
        return None
    best = min(score for _, score, _ in found)
    codes = {voc.words[key] for key, score, _ in found if score == best}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=200_000)
def token_lemmas(token: str) -> tuple[str, ...]:
    if token.isdigit() or len(token) < 2:
        return (token,)
    return lemmas(token)


@lru_cache(maxsize=200_000)
def token_category(token: str) -> str | None:
    """The category a single folded token names, or None."""
    if len(token) < 2 or any(ch.isdigit() for ch in token):
        return None
    words = vocabulary().words
    for lemma in token_lemmas(token):
        if lemma in words:
            return words[lemma]
    if "-" in token:
        for part in token.split("-"):
            code = token_category(part)
            if code:
                return code
        return None
    if len(token) >= FUZZY_MIN_LEN and not is_known_word(token):
        for candidate in token_lemmas(token):
            code = _fuzzy(candidate)
            if code:
                return code
    return None


def _phrase(left: str, right: str) -> str | None:
    phrases = vocabulary().phrases
    for a in token_lemmas(left):
        for b in token_lemmas(right):
            code = phrases.get((a, b)) or phrases.get((b, a))
            if code:
                return code
    return None


def _negated(toks: list[str], start: int, end: int) -> bool:
    voc = vocabulary()
    before = toks[start - 1] if start > 0 else ""
    after = toks[end + 1] if end + 1 < len(toks) else ""
    return before in voc.negators_before or after in voc.negators_after


@lru_cache(maxsize=100_000)
def codes_in(folded: str) -> tuple[str, ...]:
    """Category codes named in one folded segment, in order of appearance."""
    toks = tokens(folded)
    found: list[str] = []
    used: set[int] = set()
    gaps = vocabulary().gap_words
    for i in range(len(toks) - 1):
        pairs = [(i, i + 1)]
        if i + 2 < len(toks) and toks[i + 1] in gaps:
            pairs.append((i, i + 2))
        for left, right in pairs:
            if left in used or right in used:
                continue
            code = _phrase(toks[left], toks[right])
            if code:
                used.update(range(left, right + 1))
                if not _negated(toks, left, right):
                    found.append(code)
    for i, token in enumerate(toks):
        if i in used:
            continue
        code = token_category(token)
        if code and not _negated(toks, i, i):
            found.append(code)
    return tuple(dict.fromkeys(found))


def split_segments(text: str) -> list[str]:
    """Display pieces of a free-text answer, split at commas, 'и', 'та' and the like."""
    return [part.strip(" .:()[]\"'«»") for part in _SEGMENT_SPLIT.split(text) if part.strip()]


def segments(text: str) -> list[Segment]:
    out = []
    for piece in split_segments(text):
        if piece:
            out.append(Segment(piece, codes_in(fold(piece))))
    return out


def find_categories(text: str) -> tuple[str, ...]:
    """All codes named anywhere in `text`, in order; "other" only if nothing else.

    Returns () when nothing is recognized (the caller reports it).
    """
    found: list[str] = []
    for segment in segments(text):
        found.extend(segment.codes)
    unique = tuple(dict.fromkeys(found))
    real = tuple(code for code in unique if code != OTHER)
    return real or unique
