"""The cells of a table, cleaned once, and the columns offers and needs share:
phone, place, date and the lines named, each read once per distinct answer,
with its problems.

Readers take the cells as arrays over the table and a mask of the rows to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from operator import attrgetter

import numpy as np

from matcher.normalize.categories import OTHER
from matcher.normalize.dates import parse_timestamp
from matcher.normalize.frames import Sheet, columns, map_unique, map_unique_rows
from matcher.normalize.items import ItemLine, Items, read_items
from matcher.normalize.phones import parse_phone
from matcher.normalize.places import PlaceMatch, find_place
from matcher.normalize.problem_log import ProblemLog
from matcher.text import clean_display

#: The notes on a cleaned cell, in the order a row's cell gets them.
_CLEANING_NOTES = (("control_chars_removed", "had_control"), ("text_trimmed", "trimmed"))

Cells = dict[str, np.ndarray]


#: Columns where people list things a line each: a line break ends a thing.
_LISTS = frozenset({"details", "item", "quantity"})


def clean_cells(sheet: Sheet, max_chars: int, log: ProblemLog) -> Cells:
    """Every column of cells as shown: control characters out, whitespace
    collapsed, trimmed; in the columns that list things, lines kept apart."""
    cells: Cells = {}
    marks: list[tuple[int, str, int]] = []  # row position, field, which note
    for key, typed in columns(sheet.typed).items():
        clean = partial(clean_display, max_chars=max_chars, lines=key in _LISTS)
        cleaned = map_unique(typed, clean)
        cells[key] = cleaned.values(attrgetter("text"))
        if not any(c.had_control or c.trimmed for c in cleaned.results):
            continue  # as most columns: no note to make
        for which, (_, attribute) in enumerate(_CLEANING_NOTES):
            hit = np.flatnonzero(cleaned.flags(attrgetter(attribute)))
            marks.extend((pos, key, which) for pos in hit.tolist())
    # few rows have any: each row's notes in its own cells' order, as typed
    marks.sort(key=lambda m: (m[0], list(sheet.rows[m[0]].values).index(m[1]), m[2]))
    log.add(
        np.array([pos for pos, _, _ in marks], dtype=np.intp),
        [key for _, key, _ in marks],
        [_CLEANING_NOTES[which][0] for _, _, which in marks],
        "note",
        each=[{"limit": max_chars} if which else {} for _, _, which in marks],
    )
    return cells


def read_phones(
    phones: np.ndarray, alive: np.ndarray, report_missing: np.ndarray, log: ProblemLog
) -> np.ndarray:
    """E.164 phones ("" when unusable); invalid or (when asked) missing ones are errors."""
    parsed = map_unique(phones, parse_phone, alive)
    code = parsed.values(attrgetter("code"))
    digits = parsed.values(attrgetter("digits"))
    log.error(code == "phone_invalid", "phone", "phone_invalid", digits=digits)
    log.error((code == "phone_missing") & report_missing, "phone", "phone_missing")
    phone = parsed.values(attrgetter("e164"), fill="")
    note = parsed.values(attrgetter("note"))  # on a usable number: guessed or foreign
    log.note(parsed.flags(lambda r: bool(r.note)), "phone", note, phone=phone)
    return phone


def read_timestamps(texts: np.ndarray, alive: np.ndarray, log: ProblemLog) -> np.ndarray:
    """Submission times (None when empty or unreadable)."""
    typed = alive & (texts != "")
    log.note(alive & ~typed, "submitted_at", "date_missing")
    parsed = map_unique(texts, parse_timestamp, typed)
    log.error(typed & parsed.flags(lambda moment: moment is None), "submitted_at", "date_invalid")
    return parsed.values()


def read_cities(texts: np.ndarray, alive: np.ndarray, log: ProblemLog) -> Cells:
    """city (the canonical name, or the cleaned text when unknown), lat and lon."""
    typed = alive & (texts != "")
    log.error(alive & ~typed, "city", "city_missing")
    found = map_unique(texts, _place_answer, typed)
    log.error(found.flags(lambda f: f[1].place is None), "city", "city_unknown")
    guessed = found.flags(lambda f: f[1].place is not None and f[1].guessed)
    name = found.values(lambda f: f[0].name, fill="")
    log.note(guessed, "city", "city_guessed", city=name)
    return {
        "city": name,
        "lat": found.values(lambda f: f[0].lat),
        "lon": found.values(lambda f: f[0].lon),
    }


@dataclass(frozen=True, slots=True)
class City:
    name: str
    lat: float | None = None
    lon: float | None = None


def _place_answer(text: str) -> tuple[City, PlaceMatch]:
    match = find_place(text)
    place = match.place
    return (City(place.name, place.lat, place.lon) if place else City(text)), match


def read_lines(
    labels: np.ndarray, texts: np.ndarray, alive: np.ndarray, *, labels_decide: bool
) -> Cells:
    """What each row names (read_items of its labels and text): its `lines`,
    `line_count`, whether it was `recognized`, names `only_other` lines, and
    names `things` (a category other than "other", or a kind)."""
    read = map_unique_rows(
        [labels, texts], lambda a, b: _read_or_unknown(a, b, labels_decide=labels_decide), alive
    )
    return {
        "lines": read.values(attrgetter("lines")),
        "line_count": read.values(lambda items: len(items.lines), fill=0).astype(np.int64),
        "recognized": read.flags(attrgetter("recognized")),
        "only_other": read.flags(lambda items: all(x.category == OTHER for x in items.lines)),
        "things": read.flags(_names_things),
    }


def _read_or_unknown(labels: str, text: str, *, labels_decide: bool) -> Items:
    """read_items, or, should the reader fail on an answer nobody foresaw, the
    answer as one line of no known category: the row then goes to Problems for a
    coordinator to read, and the pass goes on with every other row."""
    try:
        return read_items(labels, text, labels_decide=labels_decide)
    except Exception:  # one odd answer must not stop the pass
        return Items((ItemLine(OTHER, text or labels, None, stated=False),), recognized=False)


def _names_things(items: Items) -> bool:
    return items.recognized and any(line.category != OTHER or line.kind for line in items.lines)
