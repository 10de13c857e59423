"""The gazetteer: every Ukrainian place in geonames (population >= 500, shipped
in matcher/data/geonames_ua.json.gz, see matcher/geonames.py),
with its Ukrainian, Russian and Latin names, plus matcher/data/places.yaml
(canonical Russian names, aliases, villages geonames lacks, oblast hints).
Built once per process; `places.py` answers lookups against it.

Matching keys are "loose": folded, then є/э→е, і/ї/ы/й→и, ґ→г, soft and hard
signs and apostrophes dropped, so "Сєвєродонецьк", "Северодонецк" and
"Северодонецьк" meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from matcher import geonames, vocab
from matcher.text import CYRILLIC_LETTER, fold

_LOOSE = str.maketrans(
    {
        "є": "е",
        "э": "е",
        "і": "и",
        "ї": "и",
        "ы": "и",
        "й": "и",
        "ґ": "г",
        "ь": None,
        "ъ": None,
        "'": None,
        "-": " ",
    }
)
_RUSSIAN_ONLY = re.compile(r"^[а-яё][а-яё -]*$")
_PART_SPLIT = re.compile(r"[,;/()\n|]|\s[-–—]\s")
FUZZY_CUTOFF = 86
SURE_FUZZY = 92


def loose(text: str) -> str:
    """Matching key: folded, Ukrainian/Russian letter pairs merged, signs dropped."""
    return " ".join(fold(text).translate(_LOOSE).split())


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    admin1: str
    population: int


@dataclass(slots=True)
class Gazetteer:
    places: list[Place]
    index: dict[str, list[int]]  # loose key -> place indexes
    keys: list[str]  # loose keys long enough for fuzzy matching
    kind_words: frozenset[str]
    street_words: frozenset[str]
    oblast_stems: dict[str, str]  # stem -> admin1
    home_oblasts: tuple[str, ...]


def _ua_entries() -> list[dict[str, Any]]:
    """Ukrainian entries of geonames' cities500, from the file the package ships."""
    return geonames.ua_entries()


def _russian_name(entry: dict[str, Any]) -> str:
    """The Russian form among geonames' alternate names (closest to the Ukrainian)."""
    alternates = entry.get("alternatenames") or []
    names = [unicodedata.normalize("NFC", str(n)) for n in alternates]
    cyrillic = [n for n in names if CYRILLIC_LETTER.search(n)]
    if not cyrillic:
        return str(entry["name"])
    latin = str(entry["name"]).lower()
    # geonames' main name is the Ukrainian name romanized: its Cyrillic twin is Ukrainian
    ukrainian = max(cyrillic, key=lambda n: fuzz.ratio(_uk_latin(n), latin))
    russian = [n for n in cyrillic if n != ukrainian and _RUSSIAN_ONLY.match(n.lower())]
    if not russian:
        return ukrainian
    target = loose(ukrainian)
    return max(russian, key=lambda n: (fuzz.ratio(loose(n), target), -len(n)))


_UK_LATIN = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "h",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "є": "ye",
        "ж": "zh",
        "з": "z",
        "и": "y",
        "і": "i",
        "ї": "yi",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ь": "",
        "ю": "yu",
        "я": "ya",
        "'": "",
        "’": "",
        "ы": "y",
        "э": "e",
        "ё": "yo",
        "ъ": "",
    }
)


def _uk_latin(name: str) -> str:
    """Ukrainian national romanization, near enough to compare with geonames' names."""
    return name.lower().translate(_UK_LATIN)


def _folded_list(raw: object, where: str) -> list[str]:
    return vocab.require_folded(vocab.require_strings(raw or [], where), where)


@cache
def gazetteer() -> Gazetteer:
    where = "places.yaml"
    raw = vocab.require_mapping(vocab.load_yaml(where), where)
    entries = _ua_entries()
    by_id = {int(str(e["geonameid"])): i for i, e in enumerate(entries)}
    places = [
        Place(
            name=_russian_name(e),
            lat=float(str(e["latitude"])),
            lon=float(str(e["longitude"])),
            admin1=str(e.get("admin1code") or ""),
            population=int(str(e.get("population") or 0)),
        )
        for e in entries
    ]
    index: dict[str, list[int]] = {}

    def add(name: str, i: int) -> None:
        key = loose(name)
        if key and i not in index.setdefault(key, []):
            index[key].append(i)

    for i, e in enumerate(entries):
        for name in [str(e["name"]), *[str(n) for n in e.get("alternatenames") or []]]:
            if CYRILLIC_LETTER.search(name) or name.isascii():
                add(name, i)
    names = vocab.require_mapping(raw.get("names"), f"{where}: names")
    claimed: dict[str, str] = {}
    for canonical, spec in names.items():
        w = f"{where}: names.{canonical}"
        spec = vocab.require_mapping(spec, w)
        aliases = _folded_list(spec.get("aliases"), f"{w}.aliases")
        if "geonameid" in spec:
            gid = int(spec["geonameid"])
            if gid not in by_id:
                raise vocab.VocabularyError(f"{w}: geonameid {gid} is not a Ukrainian place")
            i = by_id[gid]
            known = {loose(str(n)) for n in entries[i].get("alternatenames") or []}
            if not ({loose(canonical), *map(loose, aliases)} & known):
                raise vocab.VocabularyError(
                    f"{w}: geonameid {gid} is {entries[i]['name']}, which has none of these"
                    " names; check the id"
                )
            old = places[i]
            places[i] = Place(str(canonical), old.lat, old.lon, old.admin1, old.population)
        else:
            try:
                lat, lon = float(spec["lat"]), float(spec["lon"])
            except (KeyError, TypeError, ValueError) as exc:
                raise vocab.VocabularyError(f"{w}: give geonameid or lat and lon") from exc
            places.append(Place(str(canonical), lat, lon, str(spec.get("admin1", "")), 0))
            i = len(places) - 1
        for alias in [str(canonical), *aliases]:
            key = loose(alias)
            if claimed.get(key, canonical) != canonical:
                raise vocab.VocabularyError(
                    f"{w}: alias {alias!r} is also given for {claimed[key]!r}; keep it in one"
                )
            claimed[key] = str(canonical)
            index[key] = [i]  # an explicit alias wins over geonames' namesakes
    oblasts = vocab.require_mapping(raw.get("oblasts"), f"{where}: oblasts")
    stems = vocab.synonym_table(
        {str(k): _folded_list(v, f"{where}: oblasts.{k}") for k, v in oblasts.items()},
        f"{where}: oblasts",
    )
    return Gazetteer(
        places=places,
        index=index,
        keys=[k for k in index if len(k) >= 4],
        kind_words=frozenset(_folded_list(raw.get("kind_words"), f"{where}: kind_words")),
        street_words=frozenset(_folded_list(raw.get("street_words"), f"{where}: street_words")),
        oblast_stems=stems,
        home_oblasts=tuple(_folded_list(raw.get("home_oblasts"), f"{where}: home_oblasts")),
    )


#: People a place must have for a word after "из" to be read as the town: villages
#: named like things ("Коляска") are left out.
_TOWN_PEOPLE = 10_000


@lru_cache(maxsize=20_000)
def is_town(lemma_forms: tuple[str, ...]) -> bool:
    """True when one of the word's dictionary forms names a town ("антрацит")."""
    gaz = gazetteer()
    return any(
        gaz.places[i].population >= _TOWN_PEOPLE
        for form in lemma_forms
        for i in gaz.index.get(loose(form), ())
    )
