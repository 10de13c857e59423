"""Places: what people type as a city -> canonical name + coordinates, looked
up in the gazetteer (`gazetteer.py`). Lookups are cached per distinct answer;
names are shown as canonical Russian names with Cyrillic intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from matcher.normalize.gazetteer import (
    FUZZY_CUTOFF,
    SURE_FUZZY,
    Gazetteer,
    Place,
    gazetteer,
    loose,
)
from matcher.text import fold, tokens

__all__ = ["Place", "PlaceMatch", "find_place", "gazetteer", "loose"]

_PART_SPLIT = re.compile(r"[,;/()\n|]|\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    place: Place | None
    guessed: bool = False  # found by edit distance only


def _oblast_of(token: str, gaz: Gazetteer) -> str | None:
    for stem, admin1 in gaz.oblast_stems.items():
        if token.startswith(stem):
            return admin1
    return None


def _split(folded: str, gaz: Gazetteer) -> tuple[list[list[str]], str | None]:
    """Answer parts as token lists with kind/region words removed, and an oblast hint."""
    hint: str | None = None
    parts: list[list[str]] = []
    region_markers = {"обл", "область", "области", "області", "обл.", "oblast", "region", "лнр"}
    for part in _PART_SPLIT.split(folded):
        toks = tokens(part.replace(".", " "))
        if any(t in gaz.street_words for t in toks):
            continue
        kept: list[str] = []
        for j, tok in enumerate(toks):
            nxt = toks[j + 1] if j + 1 < len(toks) else ""
            prev = toks[j - 1] if j else ""
            oblast = _oblast_of(tok, gaz)
            adjective = tok.endswith(("ской", "ская", "ська", "ській", "ського", "ської", "ская"))
            if oblast and (nxt in region_markers or prev in region_markers or adjective):
                hint = hint or oblast
                continue
            if tok in gaz.kind_words or tok.isdigit():
                continue
            kept.append(tok)
        if kept:
            parts.append(kept)
    return parts, hint


def _best(candidates: list[int], hint: str | None, gaz: Gazetteer) -> Place:
    def rank(i: int) -> tuple[bool, bool, bool, int]:
        p = gaz.places[i]
        return (
            p.admin1 == hint,
            p.population >= 15_000,
            p.admin1 in gaz.home_oblasts,
            p.population,
        )

    return gaz.places[max(candidates, key=rank)]


def _exact(toks: list[str], hint: str | None, gaz: Gazetteer) -> Place | None:
    """The longest run of tokens (whole part first) that names a place."""
    for size in range(len(toks), 0, -1):
        for start in range(len(toks) - size + 1):
            key = loose(" ".join(toks[start : start + size]))
            if key in gaz.index:
                return _best(gaz.index[key], hint, gaz)
    return None


def _fuzzy(toks: list[str], hint: str | None, gaz: Gazetteer) -> tuple[Place, float] | None:
    best: tuple[Place, float] | None = None
    for size in range(min(len(toks), 3), 0, -1):
        for start in range(len(toks) - size + 1):
            key = loose(" ".join(toks[start : start + size]))
            if len(key) < 5:
                continue
            found = process.extractOne(key, gaz.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if found and (best is None or found[1] > best[1]):
                best = (_best(gaz.index[found[0]], hint, gaz), found[1])
    return best


@lru_cache(maxsize=50_000)
def find_place(text: str) -> PlaceMatch:
    """The place a city answer names; PlaceMatch(None) when none is found."""
    gaz = gazetteer()
    parts, hint = _split(fold(text), gaz)
    for toks in parts:
        place = _exact(toks, hint, gaz)
        if place:
            return PlaceMatch(place)
    best: tuple[Place, float] | None = None
    for toks in parts:
        found = _fuzzy(toks, hint, gaz)
        if found and (best is None or found[1] > best[1]):
            best = found
    if best:
        return PlaceMatch(best[0], guessed=best[1] < SURE_FUZZY)
    return PlaceMatch(None)
