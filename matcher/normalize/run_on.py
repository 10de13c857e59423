"""Lists typed with no commas on an old phone ("kurtka46 1 sapogi38 kofty3",
"холодильник раб 1 телевизор 2 стул 3"): a segment for each thing and its numbers.

Such a list names a thing, then its size or count, then the next thing. Read
as one segment, each number would go to the thing after it. A list written
count first ("3 куртки 2 свитера") or with a unit before the number ("куртка 2
шт 3 свитера") is left as it is: there the number belongs to the next thing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from matcher.normalize.categories import hits_in
from matcher.normalize.hit_filters import is_container
from matcher.normalize.lexicon import attributes
from matcher.normalize.morph import counted_by, is_adjective
from matcher.text import fold, tokens, translit

#: A word with a number in it: "1", "46", "kurtka46", "2пары", "3r", "валенки1".
_NUMBERED = re.compile(r"[^\W\d_]*\d+[^\W\d_]{0,5}\.?")
_NUMBER = re.compile(r"\d+")
_DIGITS = re.compile(r"[\d.]+")


@lru_cache(maxsize=50_000)
def _names_thing(word: str) -> bool:
    folded = " ".join(translit(token) for token in tokens(fold(_DIGITS.sub(" ", word))))
    toks = tokens(folded)
    return any(not is_container(hit, toks) for hit in hits_in(folded))


@lru_cache(maxsize=50_000)
def run_on_pieces(piece: str) -> tuple[str, ...]:
    """The segment split before each thing that follows a number of the thing before."""
    words = piece.split()
    if len(words) < 3 or _NUMBER.match(words[0]) or not _NUMBER.search(piece):
        return (piece,)  # no number, nothing to split after
    cuts: list[int] = []
    last_thing = 0 if _names_thing(words[0]) else -9  # where the current group's thing is
    for j in range(1, len(words)):
        thing = words[j][0].isalpha() and _names_thing(words[j])
        # "мультиварка 1 б/у кружки 6шт": a short word of its state after the count
        stated = j > 1 and _abbreviation(words[j - 1])
        after = j - 2 if stated else j - 1
        if thing and _NUMBERED.fullmatch(words[after]) and _owned(words, after, last_thing):
            noun = translit(fold(_DIGITS.sub("", words[j])))
            bare = words[j - 1] if _NUMBER.fullmatch(words[j - 1]) else ""
            # "3 zhenskie kurtki", "Шкаф-купе 2 двери": the number counts what follows
            if not is_adjective(noun) and not (bare and counted_by(noun, int(bare))):
                cuts.append(j)
        if thing:
            last_thing = j
    if not cuts:
        return (piece,)
    bounds = [0, *cuts, len(words)]
    return tuple(" ".join(words[a:b]) for a, b in pairwise(bounds))


def _owned(words: list[str], number: int, thing: int) -> bool:
    """The number at `number` is the thing's at `thing`: glued to it, right after it,
    or after one short word ("holodilnik rab 1", "kurtka zhen 48r"); never after
    a heading or a list's comma ("вещи: 10 распашонок")."""
    if number == thing:
        return True  # "kurtka46", "валенки1"
    if _opens_next(words[number - 1]):
        return False  # "вещи: 10 распашонок", "куртки и 4 свитера": it opens what follows
    between = words[thing + 1 : number] if thing >= 0 else []
    # "комбинезоны детские 2", "шафа кухонна навісна 2", "плита 4конф б/у 1"
    return 0 < number - thing <= _MOST_BETWEEN + 1 and all(map(_said_of_it, between))


def _opens_next(word: str) -> bool:
    """A word after which what follows is a thing of its own: a list's mark or "и"."""
    return word.endswith((",", ";", ":")) or fold(word) in _AND


def _letters(word: str) -> str:
    return _DIGITS.sub("", word).strip("./")


def _abbreviation(word: str) -> bool:
    """ "б/у", "раб", "нов": a short word of a thing's state, no adjective that could
    begin the next thing ("3 zhenskie kurtki")."""
    if _NUMBER.search(word) or _opens_next(word):
        return False
    letters = fold(_letters(word))
    # "3 шт Avent": a unit; "5 с фломастерами": what comes with it
    short = 1 < len(letters) <= _SHORT_WORD
    return short and letters not in _WITH and letters not in attributes().units


def _said_of_it(word: str) -> bool:
    """A word that describes the thing before it: an adjective, an abbreviation
    ("раб", "ж.", "б/у") or a number with letters ("4конф")."""
    if _opens_next(word):
        return False
    letters = _letters(word)
    if _NUMBER.search(word):
        return bool(letters) and _NUMBERED.fullmatch(word) is not None
    return 0 < len(letters) <= _SHORT_WORD or is_adjective(translit(fold(word)))


_AND = frozenset({"и", "і", "i", "й", "та", "and", "a", "а"})
_WITH = frozenset({"с", "со", "з", "із", "зі", "для", "без", "на", "под", "під", "от", "від", "до"})
#: A word this short between a thing and its number is an abbreviation ("rab", "zhen", "ж.").
_SHORT_WORD = 4
#: At most this many such words between a thing and its count.
_MOST_BETWEEN = 3
