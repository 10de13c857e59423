"""Words typed without spaces are read as the known words they are made of;
typos, names and keyboard mash are not split."""

from __future__ import annotations

import pytest

from matcher.normalize.categories import glued_things
from matcher.normalize.morph import unglued


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("холодильникднепр", ("холодильник", "днепр")),
        ("креслодва", ("кресло", "два")),
        ("вещиженские", ("вещи", "женские")),
        # the fewest words, then the longest: not "курт каи две"
        ("курткаидвекофтыикроссовки", ("куртка", "и", "две", "кофты", "и", "кроссовки")),
        ("размершапкаишарф", ("размер", "шапка", "и", "шарф")),
        # a typo, mash and a known word stay whole
        ("курточкии", ()),
        ("фывапролджэ", ()),
        ("переселенцев", ()),
    ],
)
def test_unglued(token: str, words: tuple[str, ...]) -> None:
    assert unglued(token) == words


@pytest.mark.parametrize("token", ["самовывоз", "трехстворчатый", "одноконфорочная"])
def test_a_word_whose_parts_name_no_thing_is_not_split(token: str) -> None:
    assert glued_things(token) == ()
