"""Word forms through pymorphy3, Russian and Ukrainian, cached per token."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import pymorphy3

from matcher.text import fold

#: pymorphy3 only knows these scripts (and fails on characters with no Unicode name).
_ANALYZABLE = re.compile(r"^[a-zа-яёіїєґ'-]+$")


@cache
def _analyzers() -> tuple[Any, Any]:
    return pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=200_000)
def is_known_word(token: str) -> bool:
    """True when either dictionary knows the token as typed."""
    if not _ANALYZABLE.match(token):
        return False
    ru, uk = _analyzers()
    return bool(ru.word_is_known(token) or uk.word_is_known(token))


@lru_cache(maxsize=50_000)
def is_prefixed_word(token: str) -> bool:
    """A known word behind a known prefix: "электроконвектор", "минипечь"."""
    if not _ANALYZABLE.match(token):
        return False
    return any(
        type(method[0]).__name__ == "KnownPrefixAnalyzer"
        for analyzer in _analyzers()
        for parse in analyzer.parse(token)[:1]
        for method in parse.methods_stack
    )


@lru_cache(maxsize=200_000)
def lemmas(token: str) -> tuple[str, ...]:
    """Folded dictionary forms of a folded token, most trustworthy first.

    Lemmas from the dictionaries that know the word; guesses only when neither
    does. The token itself is always first.
    """
    if not _ANALYZABLE.match(token):
        return (token,)
    ru, uk = _analyzers()
    known: list[str] = []
    guessed: list[str] = []
    for analyzer in (ru, uk):
        target = known if analyzer.word_is_known(token) else guessed
        for parse in analyzer.parse(token)[:4]:
            target.append(fold(parse.normal_form))
    out: list[str] = [token]
    # a word one dictionary knows is not read by the other's guesses ("мелкие" is
    # no form of a guessed "мелки")
    for lemma in known or guessed:
        if lemma not in out:
            out.append(lemma)
    return tuple(out)


@lru_cache(maxsize=200_000)
def number_of(token: str) -> str:
    """How a noun is counted as typed: "one" (сковорода, штаны), "many"
    (кастрюли) or "mass" (белье: no count of its own); "" for a word that is
    not a noun ("детские", "для")."""
    if not _ANALYZABLE.match(token):
        return "one"
    ru, uk = _analyzers()
    known = [a for a in (ru, uk) if a.word_is_known(token)] or [ru, uk]
    parses = [p for a in known for p in a.parse(token)[:4] if "NOUN" in p.tag]
    if not parses:
        return ""
    if any("Sgtm" in p.tag for p in parses[:1]):
        return "mass"
    if any("Pltm" in p.tag or "Fixd" in p.tag for p in parses[:1]):
        return "one"  # "штаны", "санки": one thing named in the plural; "пальто"
    plural = any("plur" in p.tag and ({"nomn", "accs"} & p.tag.grammemes) for p in parses)
    return "many" if plural else "one"


@lru_cache(maxsize=50_000)
def is_numeral(token: str) -> bool:
    """True when a dictionary reads the token as a number word ("трьох", "пятью")."""
    if not _ANALYZABLE.match(token):
        return False
    ru, uk = _analyzers()
    return any(_numeral_first(a.parse(token)[:2]) for a in (ru, uk))


def _numeral_first(parses: list[Any]) -> bool:
    """A number parse among the first two, unless a far likelier parse comes
    first: "семью" is a family (0.77) long before it is seven (0.22)."""
    top = parses[0].score if parses else 0.0
    return any("NUMR" in p.tag and p.score >= top / 2 for p in parses)


@lru_cache(maxsize=100_000)
def is_instrumental(token: str) -> bool:
    """True when the dictionaries read the noun first in the instrumental case
    ("автобусом", "машиною"): the means by which, not the thing."""
    return any("ablt" in str(tag) for tag in _first_tags(token))


def _first_tags(token: str) -> list[Any]:
    """The first reading of the token by each dictionary that knows it."""
    if not _ANALYZABLE.match(token):
        return []
    return [a.parse(token)[0].tag for a in _analyzers() if a.word_is_known(token)]


@lru_cache(maxsize=100_000)
def first_cases(token: str) -> frozenset[str]:
    """The cases the dictionaries read a noun in first ("квартире": loct; "шкафу":
    loc2); empty for a word neither knows as a noun."""
    return frozenset(
        case
        for tag in _first_tags(token)
        if "NOUN" in tag.grammemes
        for case in ("loct", "loc2", "gent", "datv")
        if case in tag.grammemes
    )


@lru_cache(maxsize=100_000)
def is_verb(token: str) -> bool:
    """True when a dictionary reads the token first as a verb or an infinitive."""
    return any({"VERB", "INFN"} & tag.grammemes for tag in _first_tags(token))


@lru_cache(maxsize=100_000)
def is_past_verb(token: str) -> bool:
    """True when a dictionary reads the token first as a verb in the past tense
    ("получили", "отримала"): what happened, not what is asked."""
    return any({"VERB", "past"} <= tag.grammemes for tag in _first_tags(token))


@lru_cache(maxsize=100_000)
def is_nominative_first(token: str) -> bool:
    """True when a dictionary reads the token first as a noun in the nominative
    ("квартира" in "освободилась квартира"): the subject, not what was done to."""
    return any({"NOUN", "nomn"} <= tag.grammemes for tag in _first_tags(token))


@lru_cache(maxsize=100_000)
def is_genitive_plural_first(token: str) -> bool:
    """True when a dictionary reads the token first as a plural noun in the genitive
    ("курток", "ковдр"; not "ботинок", read first as one boot)."""
    return any({"NOUN", "gent", "plur"} <= tag.grammemes for tag in _first_tags(token))


@lru_cache(maxsize=100_000)
def is_ordinal(token: str) -> bool:
    """True when the Russian dictionary reads the token as an ordinal ("восьмой";
    the Ukrainian one does not mark ordinals)."""
    if not _ANALYZABLE.match(token):
        return False
    ru, _ = _analyzers()
    return any("Anum" in str(p.tag) for p in ru.parse(token)[:2])


@lru_cache(maxsize=100_000)
def is_adjective(token: str) -> bool:
    """True when the dictionaries read the token first as an adjective or a
    participle ("ватные", "детские"), never as a noun."""
    firsts = _first_tags(token)
    return bool(firsts) and all({"ADJF"} & t.grammemes or {"PRTF"} & t.grammemes for t in firsts)


@lru_cache(maxsize=100_000)
def counted_by(token: str, count: int) -> bool:
    """True when the noun has the form a count before it asks for: "2 двери",
    "4 свитера" (genitive singular), "5 курток" (genitive plural). One asks for the
    form a noun names itself by, so it tells nothing and gives False."""
    if not _ANALYZABLE.match(token) or count % 10 == 1:
        return False
    few = count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)
    wanted = {"gent", "sing"} if few else {"gent", "plur"}
    return any(wanted <= p.tag.grammemes for a in _analyzers() for p in a.parse(token))


@lru_cache(maxsize=100_000)
def is_genitive_plural(token: str) -> bool:
    """True when a dictionary reads the token as a plural noun in the genitive
    ("пар", "мішків"): the form a word for "a few" or "many" takes after it."""
    if not _ANALYZABLE.match(token):
        return False
    ru, uk = _analyzers()
    return any(
        {"NOUN", "gent", "plur"} <= p.tag.grammemes
        for a in (ru, uk)
        if a.word_is_known(token)
        for p in a.parse(token)[:3]
    )


#: Words typed together without spaces ("ХОЛОДИЛЬНИКДНЕПР", "креслодва"): the least
#: number of known words that make up a token no dictionary knows.
_GLUED_MIN = 9
_PIECE_MIN = 3
_PIECES_MAX = 6
#: Short words a glued text may hold between things: "шапкаишарф".
_JOINING = frozenset({"и", "і", "й", "та"})
GLUED_RE = re.compile(rf"[a-zа-яёіїєґ']{{{_GLUED_MIN},}}")


@lru_cache(maxsize=50_000)
def unglued(token: str) -> tuple[str, ...]:
    """The known words a long unknown token is made of, or () when it is no such
    string (a typo, a name, mash). Fewest words first, then the longest words
    ("куртка и две", not "курт каи две")."""
    if not GLUED_RE.fullmatch(token) or is_known_word(token):
        return ()
    size = len(token)
    # best[i]: (words, -sum of squared word lengths, where the last word starts) for token[:i]
    best: list[tuple[int, int, int] | None] = [None] * (size + 1)
    best[0] = (0, 0, 0)
    for end in range(1, size + 1):
        for start in range(end):
            before = best[start]
            word = token[start:end]
            if before is None or before[0] >= _PIECES_MAX:
                continue
            if len(word) < _PIECE_MIN and word not in _JOINING:
                continue
            cost = (before[0] + 1, before[1] - len(word) ** 2, start)
            current = best[end]
            if (current is None or cost[:2] < current[:2]) and is_known_word(word):
                best[end] = cost
    if best[size] is None:
        return ()
    pieces: list[str] = []
    end = size
    while end:
        found = best[end]
        assert found is not None
        pieces.append(token[found[2] : end])
        end = found[2]
    if pieces[0] in _JOINING or pieces[-1] in _JOINING:
        return ()  # "курточкии": a letter typed twice, not "and"
    return tuple(reversed(pieces))


@lru_cache(maxsize=50_000)
def is_first_name(token: str) -> bool:
    """True when a dictionary reads the token first as a first name called by
    ("оля", "саша"; not "семена", Семён's genitive)."""
    return any(
        "Name" in tag.grammemes and {"nomn", "voct"} & tag.grammemes for tag in _first_tags(token)
    )


@lru_cache(maxsize=50_000)
def is_told_to(token: str) -> bool:
    """True when the Russian dictionary reads the verb as said to "you" ("звоните",
    "ставь", "везите"): an imperative or a second person."""
    if not _ANALYZABLE.match(token):
        return False
    ru, _ = _analyzers()
    return ru.word_is_known(token) and any(
        "VERB" in p.tag and ({"impr"} & p.tag.grammemes or {"2per"} & p.tag.grammemes)
        for p in ru.parse(token)[:2]
    )


@lru_cache(maxsize=50_000)
def is_animate(token: str) -> bool:
    """True when a dictionary reads the token first as a noun for people or animals
    ("переселенок", "детей", "женщин-переселенок")."""
    last = token.rsplit("-", 1)[-1]
    return any({"NOUN", "anim"} <= tag.grammemes for tag in _first_tags(last))
