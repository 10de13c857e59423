"""Seeds, seedlings and live animals: what a village household gives to plant and keep.

"семена помидоров", "рассада капусты", "картошка на посадку": the vegetables named
there are what is planted, not food. "Курей живых 8 голов": the hens are kept, not
eaten. Both are `other/garden` to a coordinator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Protocol, TypeVar

from matcher.normalize.categories import Hit
from matcher.normalize.lexicon import Sense
from matcher.text import fold

SEEDS = Sense("other", "garden/seeds")
LIVESTOCK = Sense("other", "garden/livestock")

#: What grows from a seed: read as food when no one plants it.
_PRODUCE = frozenset(
    {"preserves/pickles", "staples/vegetables", "staples/fruits", "grains/legumes"}
)
#: "на посадку", "посадкова", "насіннєва", "семенной" (not "на посадку не годится").
_PLANTING = re.compile(
    r"(?<!\w)(?:на\s+посадк\w*(?!\w)(?!\s+(?:не|ні)(?!\w))|посадочн\w*|посадков\w*|насіннєв\w*"
    r"|семенн(?:ой|ая|ые|ый|ого|ий|а|і|у)(?!\w))"
)
#: A bare "насіння" is sunflower seeds to eat unless the answer speaks of a garden.
_BARE_SEEDS = re.compile(r"(?<!\w)насінн[яюі]\w*")
_GARDEN = re.compile(
    r"(?<!\w)(?:огород\w*|город(?:ів|и|ам|ах|у)?(?!\w)|грядк\w*|сади(?:ти|ть)|посади\w*"
    r"|посадк\w*|теплиц\w*|на\s+весну|овоч\w*|пакетик\w*)"
)
#: "Курей живых", "8 голов", "несушки": the birds named are alive.
_ALIVE = re.compile(r"(?<!\w)(?:жив(?:ых|ые|ую|ой|ого|і|их|у|а)|голов(?:ы|у)?)(?!\w)")
#: Birds that are meat, or a bedpan ("утка"), when they are not alive.
_BIRDS = re.compile(r"^(?:кур|курк|куриц|курочк|утк|уточ|качк|гус|индю|індик|індич)")


class _HasHits(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def hits(self) -> tuple[Hit, ...]: ...


P = TypeVar("P", bound=_HasHits)


def planted(
    parts: Sequence[P], resense: Callable[[P, Sequence[Hit], Sense], P], boxes: Collection[str]
) -> list[P]:
    """The produce named from the first mention of planting in the details on is
    seed; the birds of an answer that says they are alive are livestock.
    `resense(part, hits, sense)` gives a part with those hits in the new sense;
    `boxes` are the texts typed into the form's "Другое": they speak for themselves
    only («Продукты, насіння» and "квасоля 5 кг, насіння на весну..." give beans
    to eat)."""
    out = list(parts)
    whole = fold(" ".join(p.text for p in parts))
    sowing = False
    for k, part in enumerate(out):
        folded = fold(part.text)
        sows = _sows(part, folded, whole)
        sowing = sowing or (sows and part.text not in boxes)
        if sowing or sows:
            produce = [
                h for h in part.hits if h.sense.category == "food" and h.sense.kind in _PRODUCE
            ]
            if produce:
                out[k] = resense(part, produce, SEEDS)
    if any(h.sense == LIVESTOCK for p in out for h in p.hits) or _ALIVE.search(whole):
        for k, part in enumerate(out):
            birds = [h for h in part.hits if h.sense != LIVESTOCK and _bird(h)]
            if birds:
                out[k] = resense(part, birds, LIVESTOCK)
    return out


def _sows(part: _HasHits, folded: str, whole: str) -> bool:
    if any(h.sense == SEEDS for h in part.hits) or _PLANTING.search(folded):
        return True
    return bool(_BARE_SEEDS.search(folded)) and bool(_GARDEN.search(whole))


def _bird(hit: Hit) -> bool:
    return any(_BIRDS.match(token) for token in hit.tokens) and hit.sense.category in {
        "food",
        "medicine",
    }
