"""Rows set aside before anything is read from them: empty, test, header, spam.

Each check takes the rows still in play (a mask) and returns those that pass
it, recording a problem on the others.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matcher.normalize.fields import Cells
from matcher.normalize.frames import Sheet, first_true, map_unique, map_unique_rows
from matcher.normalize.junk import (
    foreign_links,
    header_cell,
    is_spam,
    is_test_answer,
    total_heading,
)
from matcher.normalize.problem_log import ProblemLog


def set_aside(
    cells: Cells, text_fields: Sequence[str], log: ProblemLog, *, thing_field: str, lists: bool
) -> np.ndarray:
    """The rows that are not empty, test answers or a header pasted again.
    `thing_field` holds what a row names (a total row says "ИТОГО" there); in a
    sheet that `lists` things (needs), a total also heads it ("Всего за месяц"),
    while a donor's "Всего 3 пакета" is an offer."""
    written = np.column_stack([cells[key] != "" for key in cells])
    empty = np.asarray(~written.any(axis=1))
    log.note(empty, "", "empty_row")
    alive = ~empty
    # a name, details or item cell that is a test answer ("тест", "asdf")
    tests = {key: map_unique(cells[key], is_test_answer, alive).flags(bool) for key in text_fields}
    test = np.logical_or.reduce(list(tests.values()))
    log.error(test, first_true(tests), "test_row")
    alive &= ~test
    # a header row pasted again (two header words), or a total row
    kinds = [
        map_unique(
            cells[key], total_heading if lists and key == thing_field else header_cell, alive
        ).values(fill="")
        for key in cells
    ]
    kind = np.column_stack(kinds)
    header = alive & (
        _totals(kind, written, list(cells), thing_field) | ((kind == "header").sum(axis=1) >= 2)
    )
    log.note(header, "", "header_row")
    return alive & ~header


#: A row this short with a total word ("ИТОГО | 845") is a total row wherever the word is.
_TOTAL_ROW_CELLS = 3


def _totals(kind: np.ndarray, written: np.ndarray, keys: list[str], thing_field: str) -> np.ndarray:
    """Total rows: "ИТОГО" where the item goes, or a total word in a short row. A
    fund named «Разом» ("together", and "total" in Ukrainian) is no total row."""
    total = kind == "total"
    in_text = total[:, keys.index(thing_field)]
    short = total.any(axis=1) & (written.sum(axis=1) <= _TOTAL_ROW_CELLS)
    return np.asarray(in_text | short)


def without_spam(
    sheet: Sheet,
    cells: Cells,
    alive: np.ndarray,
    text_fields: Sequence[str],
    recognized: np.ndarray,
    default_field: str,
    log: ProblemLog,
) -> np.ndarray:
    """The rows that are not spam: a foreign link with a spam word, or with nothing usable."""
    everything = cells[text_fields[0]]
    for key in [*text_fields[1:], "city"]:
        everything = everything + " " + cells[key]
    spam = map_unique_rows(
        [everything, recognized], lambda text, known: is_spam(text, recognized=known), alive
    ).flags(bool)
    # few rows are spam: the first cell with a link, in the row's own order, by a plain loop
    at = np.flatnonzero(spam).tolist()
    fields = [_linked_field(sheet, cells, pos, default_field) for pos in at]
    links = [foreign_links(everything[pos])[0] for pos in at]
    log.error(spam, fields, "spam_row", link=links)
    return alive & ~spam


def _linked_field(sheet: Sheet, cells: Cells, pos: int, default: str) -> str:
    keys = sheet.rows[pos].values
    return next((key for key in keys if foreign_links(cells[key][pos])), default)
