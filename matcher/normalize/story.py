"""A home, work, a ride or volunteers a donor names while telling their story,
not offering: "нас приютили в Святогорске", "чоловік знайшов роботу", "Водители
нашего АТП собрали", "я дома всегда", "у которой частный дом"."""

from __future__ import annotations

from matcher.normalize.asides import MONEY_WORDS, aside
from matcher.normalize.categories import OTHER, Hit
from matcher.normalize.morph import (
    is_adjective,
    is_instrumental,
    is_nominative_first,
    is_past_verb,
    is_verb,
)
from matcher.text import translit

#: The kinds of `other` a story names in passing.
_STORY_KINDS = ("services", "shelter", "transport")

#: Whom help came to: "нам помогли", "нас прихистили".
_US = frozenset({"нам", "нас", "мне", "мені", "меня", "мене"})
#: How far from "нам помогли" a thing still belongs to that story.
_STORY_SPAN = 6

#: "я дома всегда", "у неё дома", "маю вдома": at home, no home given.
_AT_HOME = frozenset({"дома", "вдома", "удома"})
#: "своё жильё", "на своей машине": the writer's own.
_OWN = frozenset({"свой", "своя", "своё", "свое", "свою", "своє", "свій", "своей", "своїй",
                  "своим", "своїм", "своего", "свого"})  # fmt: skip
#: "у которой частный дом", "у неё дома": whose the place is.
_WHOSE = frozenset({"которой", "которых", "которого", "котрої", "котрих", "якої", "яких",
                    "неё", "нее", "него", "них", "неї", "нього", "їх", "меня", "мене", "нас",
                    "вас", "тебя", "тебе"})  # fmt: skip
_AT = frozenset({"у", "в"})
#: Words that say whose a home is: the adjectives before it stop there.
_OWNERS = _OWN | _WHOSE
#: A home given: these beside it make it an offer after all.
_GIVING_HOME = frozenset({"пустить", "пустити", "пустим", "пустимо", "принять", "прийняти",
                          "приму", "прийму", "поселить", "поселити", "поселим", "поселимо",
                          "пожить", "пожити", "жить", "жити", "свободна", "свободный",
                          "свободная", "вільна", "вільний", "бесплатно", "безкоштовно",
                          "приютить", "прихистити", "предоставить", "надати"})  # fmt: skip

#: People who gave or carried: "Водители нашего АТП собрали", "Our volunteer".
_PEOPLE = ("волонтер", "водител", "водій", "водії", "водія", "водіям", "volunteer")
_OURS = frozenset({"наш", "наша", "наши", "наші", "нашего", "нашої", "ваш", "ваша", "ваши",
                   "ваші", "our", "your", "через", "от", "від", "з", "із", "у"})  # fmt: skip
#: "Везе волонтер до Львова": the volunteer carries the goods.
_CARRYING = ("вез", "відвез", "отвез", "довез", "привез")

#: "оплатимо доставку": the donor pays for their own goods' delivery.
_PAYING = ("оплат", "оплач", "сплат", "сплач")


def told(hit: Hit, toks: list[str]) -> bool:
    """True when an `other` thing of a story's kind is part of the story told."""
    if hit.sense.category != OTHER or not hit.sense.kind.startswith(_STORY_KINDS):
        return False
    return (
        _happened(hit, toks)
        or _came_to_us(hit, toks)
        or _at_home(hit, toks)
        or _people_who_gave(hit, toks)
        or _paid_delivery(hit, toks)
        or _at_work(hit, toks)
        or _occupation(hit, toks)
        or aside(hit, toks)
    )


#: "Працюю доглядальницею", "работала медсестрой": the writer's job, told.
_WORKING = frozenset({"работаю", "работал", "работала", "работает", "працюю", "працював",
                      "працювала", "працює", "служу", "служив", "служил"})  # fmt: skip


def _occupation(hit: Hit, toks: list[str]) -> bool:
    # finite verbs only: "могу работать водителем" offers the work
    # "Працюю доглядальницею", "работаю в Риме сиделкой"
    before = set(toks[max(0, hit.start - 3) : hit.start])
    return bool(before & _WORKING) and is_instrumental(toks[hit.start])


#: "з дівчатами з роботи", "на работе собрали": where the givers work.
_WORKPLACE = frozenset({"роботи", "работы", "роботі", "работе"})
_FROM_OR_AT = frozenset({"з", "із", "зі", "с", "со", "на"})


def _at_work(hit: Hit, toks: list[str]) -> bool:
    before = toks[hit.start - 1] if hit.start else ""
    return toks[hit.start] in _WORKPLACE and before in _FROM_OR_AT


def _happened(hit: Hit, toks: list[str]) -> bool:
    """ "которых поселили", "знайшов роботу", "помогли с жильём": a thing named by
    a verb in the past, or the object of one, is what happened."""
    if is_past_verb(toks[hit.start]):
        return True
    if toks[hit.start] in MONEY_WORDS:
        return False  # "собрали деньги" may be money offered
    before = [t for t in toks[max(0, hit.start - 3) : hit.start] if not is_adjective(t)]
    if before and before[-1] in {"с", "з", "із", "со", "на"}:
        before = before[:-1]  # "помогли с жильём", "влаштувався на роботу"
    # "освободилась квартира" names the home as the subject: still offered
    return bool(before) and is_past_verb(before[-1]) and not is_nominative_first(toks[hit.start])


def _came_to_us(hit: Hit, toks: list[str]) -> bool:
    """ "летом нам помогли волонтеры", "нас прихистили добрі люди": help the
    writer got, near the thing."""
    near = range(max(0, hit.start - _STORY_SPAN), min(len(toks), hit.end + _STORY_SPAN))
    return any(
        toks[i] in _US and any(is_past_verb(t) for t in toks[max(0, i - 2) : i + 3]) for i in near
    )


def _at_home(hit: Hit, toks: list[str]) -> bool:
    """ "я дома всегда", "у которой частный дом", "своє житло": the writer's or
    another's own home, with no word of giving it."""
    if not hit.sense.kind.startswith("shelter") or set(toks) & _GIVING_HOME:
        return False
    if toks[hit.start] in _AT_HOME and not (hit.start and toks[hit.start - 1].isdigit()):
        return True
    start = hit.start
    while start > 0 and is_adjective(toks[start - 1]) and toks[start - 1] not in _OWNERS:
        start -= 1
    before = toks[max(0, start - 2) : start]
    whose = len(before) == 2 and before[0] in _AT and before[1] in _WHOSE
    return whose or bool(before[-1:] and before[-1] in _OWN)


def _people_who_gave(hit: Hit, toks: list[str]) -> bool:
    """ "Водители нашего АТП собрали", "Скинулись водіями", "через волонтерів":
    people who gave or carry the goods, not a service offered."""
    token = translit(toks[hit.start])
    if not token.startswith(_PEOPLE) and not toks[hit.start].startswith(_PEOPLE):
        return False
    start = hit.start
    while start > 0 and hit.start - start < 2 and is_adjective(toks[start - 1]):
        start -= 1  # "від Харківських волонтерів": through the adjectives
    before = toks[start - 1] if start else ""
    after = toks[hit.end + 1 : hit.end + 4]
    acted = (bool(after) and is_verb(after[0])) or any(is_past_verb(t) for t in after)
    # "Скинулись водіями" (not "буду волонтером": one who offers to be one)
    by_them = is_instrumental(toks[hit.start]) and toks[hit.start].endswith("ми")
    return before in _OURS or before.startswith(_CARRYING) or acted or by_them


def _paid_delivery(hit: Hit, toks: list[str]) -> bool:
    """ "оплатимо доставку": paying for the goods to travel is no transport offered."""
    return hit.sense.kind.startswith("transport") and any(
        t.startswith(_PAYING) for t in toks[max(0, hit.start - 2) : hit.start]
    )
