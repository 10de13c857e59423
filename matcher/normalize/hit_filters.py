"""Which of the things a segment names it offers: not the purpose of another
thing ("шкаф для одежды"), not the goods someone carries or repairs, not the
vehicle or people they travel by, not an adjective that only says which sort,
not a bed size beside linen, not a weak word beside a real one."""

from __future__ import annotations

import re

from matcher.normalize.asides import MONEY_WORDS
from matcher.normalize.categories import OTHER, Hit, lemma_in, token_lemmas, token_sense
from matcher.normalize.gazetteer import is_town
from matcher.normalize.lexicon import attributes
from matcher.normalize.morph import (
    first_cases,
    is_adjective,
    is_animate,
    is_genitive_plural,
    is_instrumental,
    number_of,
)
from matcher.normalize.story import told
from matcher.text import latin_readings, plain_latin, translit

#: A thing after one of these, behind another thing, is what that thing is for:
#: "шкаф для одежды" is furniture, "деньги на лекарства" is money, "матраци до ліжок" bedding.
_PURPOSE = frozenset({"для", "на", "под", "під", "от", "від", "в", "у", "во", "к", "до"})


def is_container(hit: Hit, toks: list[str]) -> bool:
    """A jar, a bag, a bucket: what things come in, named as a unit."""
    if hit.start != hit.end:
        return False
    units = attributes().units
    if plain_latin(toks[hit.start]) in units:  # "worki", "kartonów"
        return True
    # "banok" is "банок", "mishkiv" is "мішків"
    readings = latin_readings(toks[hit.start]) or (toks[hit.start],)
    return any(
        token in units or any(lemma in units for lemma in token_lemmas(token)) for token in readings
    )


def kept_hits(hits: tuple[Hit, ...], toks: list[str]) -> tuple[Hit, ...]:
    """Drop what a segment names only in passing: the purpose of another thing,
    and a weak word ("вещи") beside a real one."""
    out: list[Hit] = []
    purpose_end = -2  # where the last thing named as a purpose ends
    # "peredam cherez busyk": how the goods travel, typed in Latin letters
    cyrillic = [translit(t) if t.isascii() else t for t in toks]
    for hit in hits:
        # "для перевозки вещей": a thing after "для", and what it governs, is a
        # purpose; "порошок для ручной стирки": a finer thing of the one before is not
        after_for = toks[hit.start - 1 : hit.start] == ["для"] and _measured(toks, hit.start - 2)
        purpose = (
            bool(out)
            and _after_purpose(hit, toks, heading=not out[-1].sense.kind)
            and not _goes_on(hit, out, toks)
        )
        # "зібрали для гуртожитку: ковдри 6", "кровать 3 шт, подойдёт для общежития":
        # a place things are for
        for_place = (
            hit.sense.category == OTHER
            and toks[hit.start - 1 : hit.start] == ["для"]
            and any(h.sense.category != OTHER for h in hits if h is not hit)
        )
        purpose = purpose or after_for or for_place or _bed_of(hit, toks)
        purpose = (purpose and not refines(hit, out)) or _paid_for(hit, toks)
        if purpose or _governed(hit, toks, purpose_end):
            purpose_end = hit.end
        elif _quantifier(hit, toks) or _bars(hit, out, toks):
            continue
        elif not (
            _sent_by(hit, cyrillic)
            or _carried(hit, cyrillic)
            or _place(hit, toks)
            or _from_town(hit, toks)
            or _medium(hit, toks)
            or _handle(hit, toks)
            or _addressed(hit, toks)
            or told(hit, toks)
            or _occasion(hit, toks)
            or _how_paid(hit, toks)
            or _counted_for(hit, hits, toks)
        ):
            out.append(hit)
    if len(out) > 1:  # "штаны ватные": an adjective beside a thing describes it,
        # unless it names a finer thing of its kind ("консервы рыбные")
        nouns = [
            h
            for h in out
            if not _lone_adjective(h, toks)
            or refines(h, out)
            or any(_sorts(h, o, toks) for o in out)
        ]
        if all(is_container(h, toks) for h in nouns):
            # "постельное 3 комплекта": a unit is no thing an adjective describes; the
            # adjective of the unit's category names the thing
            held = {h.sense.category for h in nouns}
            nouns = [h for h in out if h.sense.category in held]
        out = nouns or out
        out = [o for o in out if not any(_sorts(h, o, toks) for h in out)]
    # "комплекты постельного двуспалка": a bed-size word beside a thing is its size
    sized = [
        h
        for h in out
        if h.start == h.end and lemma_in(toks[h.start], attributes().size_words) in _BED_SIZES
    ]
    if sized and len({h.sense.category for h in out}) > 1:
        out = [h for h in out if h not in sized]
    strong = {h.sense.category for h in out if not h.sense.weak and not is_container(h, toks)}
    return tuple(
        h
        for h in out
        if (not h.sense.weak or not (strong - {h.sense.category}))
        and not (_counted_unit(h, toks) and strong - {h.sense.category})
    )


def _counted_unit(hit: Hit, toks: list[str]) -> bool:
    """ "шторы 2 комплекта": a unit that is also a thing, counted after another
    thing, is that thing's unit."""
    return is_container(hit, toks) and hit.start > 0 and toks[hit.start - 1].isdigit()


#: Bed sizes of attributes.yaml size_words: "двуспалка" beside linen is its size.
_BED_SIZES = frozenset({"полуторный", "двуспальный", "односпальный", "евро"})


def _after_purpose(hit: Hit, toks: list[str], *, heading: bool = False) -> bool:
    """ "для комнаты", "для игровой комнаты": the thing is what another is for. After
    a category's heading, people it is for come before the things ("Гигиена для
    женщин-переселенок: прокладки")."""
    before = toks[max(0, hit.start - 2) : hit.start]
    return bool(before) and (
        before[-1] in _PURPOSE
        or (
            len(before) == 2
            and before[0] in _FOR
            and before[1] not in _PURPOSE
            and not (heading and is_animate(before[1]))
        )
        or _for_a_place_of(toks[max(0, hit.start - 3) : hit.start])
    )  # "на своей машине" is how, not what for; "для пункта питания" is what for


def _for_a_place_of(before: list[str]) -> bool:
    """ "для пункта выдачи продуктов": "для", then two nouns of no one in the
    genitive, a place or a service the thing is for."""
    return (
        len(before) == 3
        and before[0] in _FOR
        and all("gent" in first_cases(word) and not is_animate(word) for word in before[1:])
    )


_FOR = frozenset({"для", "под", "під"})
_EACH_ONE = re.compile(r"(?:кажд|кожн|кожен)")
_IN = frozenset({"в", "у", "во"})


def _goes_on(hit: Hit, out: list[Hit], toks: list[str]) -> bool:
    """ "жаропонижающие в таблетках", "жаропонижающие для детей (сироп …)": the form
    the thing before comes in, or whom it is for, then more of the same category."""
    if out[-1].sense.category != hit.sense.category:
        return False
    before = toks[max(0, hit.start - 2) : hit.start]
    whom = len(before) == 2 and before[0] in _FOR and lemma_in(before[1], attributes().audience)
    return before[-1] in _IN or bool(whom)


def _bed_of(hit: Hit, toks: list[str]) -> bool:
    """ "одеяла на взрослые кровати", "бельё на двуспальную кровать": a thing after
    "на" and a word for whom or what size says what another thing is for."""
    before = toks[max(0, hit.start - 2) : hit.start]
    if hit.sense.category != "furniture":
        return False
    if before[-1:] == ["на"] and toks[:1] == ["по"]:
        return True  # "рушники, по одному на ліжко"
    if len(before) < 2 or before[0] != "на":
        return False  # "на немовля: повзунки" names whom the clothes are for
    if _EACH_ONE.match(before[1]):
        return True  # "на каждую кровать по 2 простыни"
    attrs = attributes()
    return any(
        lemma_in(before[1], table) is not None for table in (attrs.audience, attrs.size_words)
    )


def _measured(toks: list[str], i: int) -> bool:
    """ "1 л для консервации": an amount before "для" leaves the thing after it as
    the only thing named, and a purpose ("аппарат для измерения давления" is the
    thing after it)."""
    if i < 0:
        return False
    token = toks[i]
    return token.isdigit() or token in attributes().units


#: Words joining the things of a list: "на лекарства или продукты" (a purpose goes
#: on past them), "перевезти речі чи меблі" (the verb before the first thing).
_LIST_JOINERS = frozenset({"или", "або", "и", "і", "й", "та", "чи"})


def _governed(hit: Hit, toks: list[str], purpose_end: int) -> bool:
    """The thing right after a purpose, or after a purpose and "или", is part of it."""
    if purpose_end < 0:
        return False
    return hit.start == purpose_end + 1 or (
        hit.start == purpose_end + 2 and toks[purpose_end + 1] in _LIST_JOINERS
    )


def _quantifier(hit: Hit, toks: list[str]) -> bool:
    """ "кілька пар", "кілька теплих светрів": a word for "a few" that is also a
    thing (sprats) counts the noun after it."""
    token = toks[hit.start]
    after = [t for t in toks[hit.end + 1 : hit.end + 4] if not is_adjective(t)]
    nxt = after[0] if after else ""
    return hit.start == hit.end and token in attributes().vague and is_genitive_plural(nxt)


_BAR = frozenset({"плитка", "плитки", "плиток", "плитку"})


def _bars(hit: Hit, out: list[Hit], toks: list[str]) -> bool:
    """ "шоколад 60 плиток", "2 плитки шоколаду": bars of chocolate, no hot plates."""
    if hit.start != hit.end or toks[hit.start] not in _BAR:
        return False
    counted = hit.start > 0 and toks[hit.start - 1].isdigit()
    food_before = bool(out) and out[-1].sense.category == "food"
    return (counted and food_before) or toks[hit.end + 1 : hit.end + 2] in (
        ["шоколада"],
        ["шоколаду"],
    )


#: "кошти на закупівлю ліків": buying, between money and what it is for.
_PURCHASE = frozenset({"закупівлю", "закупку", "покупку", "придбання", "купівлю", "закупівлі",
                       "buy", "purchase"})  # fmt: skip
_SORTS_BOUGHT = frozenset({"winter", "warm", "new", "kids", "baby", "children's"})
_FUNDS = MONEY_WORDS | {"средства", "средств", "кошт"}


#: "купили на собранные средства": bought with; what follows is how it was paid.
_BOUGHT = frozenset({"купили", "купил", "купила", "закупили", "придбали", "куплено", "куплені"})


def _how_paid(hit: Hit, toks: list[str]) -> bool:
    """ "купили на деньги что собрали на работе", "купили на собранные средства":
    the money and where it came from are no thing offered ("купили на рынке
    сапоги" still offers the boots)."""
    for j in range(max(0, hit.start - 6), hit.start - 1):
        if toks[j] in _BOUGHT and toks[j + 1] == "на":
            return bool(set(toks[j + 2 : hit.end + 1]) & _FUNDS)
    return False


#: Someone else buying with the money given: "организация, которая покупает лекарства".
_BUYS = frozenset({"покупает", "покупают", "купує", "купують", "закупает", "закупают",
                   "закуповує", "закуповують", "buys"})  # fmt: skip
_WHICH = frozenset({"которая", "который", "которые", "яка", "який", "які", "that", "who"})


#: What a sum is spent on follows these: "на продукты", "for medicines".
_SPENT_ON = _PURPOSE | {"for", "to"}


def _is_money(tok: str) -> bool:
    return attributes().not_after.get(tok) == "money" or tok in MONEY_WORDS


def _paid_for(hit: Hit, toks: list[str]) -> bool:
    """ "2000 грн на продукты": what a sum of money is for is not offered."""
    near = set(toks[max(0, hit.start - 3) : hit.start])
    if near & _BUYS and (near & _WHICH or any(_is_money(tok) for tok in toks[: hit.start])):
        return True  # "1000 грн на карту организации, которая покупает лекарства"
    before = toks[max(0, hit.start - 6) : hit.start]
    # "money for winter clothes", "гроші на теплі речі": what sort of thing it buys
    while before and (before[-1] in _SORTS_BOUGHT or is_adjective(before[-1])):
        before = before[:-1]
    if before and before[-1] in _PURCHASE:
        before = before[:-1]
    before = before[-4:]
    if not before or before[-1] not in _SPENT_ON:
        return False
    return any(_is_money(tok) for tok in before[:-1])


def _sorts(adjective: Hit, noun: Hit, toks: list[str]) -> bool:
    """ "сапоги рыбацкие резиновые": an adjective near a noun that names another
    item of the noun's kind says which sort of it; the noun then says nothing more."""
    kind = noun.sense.kind
    return (
        adjective is not noun
        and _lone_adjective(adjective, toks)
        and adjective.sense.category == noun.sense.category
        and kind.split("/")[0] == adjective.sense.kind.split("/")[0] != ""
        and adjective.sense.kind != kind
        and not kind.startswith(adjective.sense.kind + "/")  # "пральний порошок автомат"
        and abs(adjective.start - noun.start) <= 2
        # "консервы мясные/рыбные": two adjectives never cancel each other
        and not _lone_adjective(noun, toks)
    )


def _lone_adjective(hit: Hit, toks: list[str]) -> bool:
    """A thing named by one adjective alone ("ватные", "рыбные")."""
    return hit.start == hit.end and is_adjective(toks[hit.start])


def refines(hit: Hit, others: list[Hit]) -> bool:
    sense = hit.sense
    return any(
        o.sense.category == sense.category and sense.kind.startswith(o.sense.kind + "/")
        for o in others
        if o is not hit and o.sense.kind
    )


#: Verbs of bringing one's own goods: "привезу", "довеземо", "доставлю".
_BRINGING = ("привез", "довез", "достав", "завез")
#: Verbs of sending: "передам автобусом" says how, not what.
_SENDING = ("переда", "отправ", "відправ", "пересла", "пересил", "вышл", "вишл", "пошл")


def _carried(hit: Hit, toks: list[str]) -> bool:
    """ "могу отвезти вещи", "через волонтерів": goods another carries, a channel
    they travel by, or what a service is done to ("ремонтировать холодильники")
    are not offered."""
    signals = attributes().signals
    before = toks[max(0, hit.start - 2) : hit.start]
    # people and vehicles: "через польських волонтерів", "через знайомого водія бусу"
    channel = set(toks[max(0, hit.start - 3) : hit.start]) & signals["channel"]
    if hit.sense.category == OTHER and channel:
        return True
    # "после ремонта: шифер 15 листов": the occasion, not a service done to it
    if hit.start > 2 and toks[hit.start - 1] in _LIST_JOINERS:
        verb = set(token_lemmas(toks[hit.start - 3]))  # "перевезти речі чи меблі"
    elif before and before[0] not in _WHEN:
        verb = set(token_lemmas(before[-1]))
    else:
        verb = set()
    if verb & signals["service"]:
        return True
    # "есть газель, могу перевезти уголь", "могу развезти уголь по адресам": the
    # coal is what a vehicle offered carries
    carried = bool(verb & signals["carry"])
    if not carried or not hit.sense.kind:
        return carried
    # ("Вожу бус щотижня": the vehicle itself is offered)
    return hit.sense.kind != "transport" and (bool(verb & _ROUND) or _vehicle_named(toks))


#: Carrying round many addresses: a vehicle's work, whoever's the goods.
_ROUND = frozenset({"развезти", "розвезти", "развозить", "розвозити"})


def _vehicle_named(toks: list[str]) -> bool:
    return any((s := token_sense(t)) is not None and s.kind == "transport" for t in toks)


def _counted_for(hit: Hit, hits: tuple[Hit, ...], toks: list[str]) -> bool:
    """ "постільна білизна — на 20 ліжок": how many of another thing it is for (a
    segment that opens so describes the one before)."""
    before = toks[max(0, hit.start - 2) : hit.start]
    if len(before) < 2 or before[0] != "на" or not before[1].isdigit():
        return False
    # "на 20 ліжок", "на 2 кровати" (no "на 5: комбінезон", a size)
    if "gent" not in first_cases(toks[hit.start]):
        return False
    return hit.start == 2 or any(h.sense.category != hit.sense.category for h in hits)


def _sent_by(hit: Hit, toks: list[str]) -> bool:
    """A vehicle that carries the goods ("передам автобусом", "отправляем машину")
    is not transport offered ("через автобус" is a channel: `_carried`)."""
    if not hit.sense.kind.startswith(("transport", "kitchen_other/containers")):
        return False  # "Відправимо контейнером": a container the goods travel in
    # "передам автобусом", "Відправляємо гуманітарну вантажівку"
    verb = [t for t in toks[max(0, hit.start - 3) : hit.start] if not is_adjective(t)][-1:]
    sent = bool(verb) and verb[0].startswith(_SENDING)
    # "можем привезти на машине", "довезу на своїй машині": how the goods travel
    # ("могу отвезти людей на своей машине" offers the ride)
    on = [t for t in toks[max(0, hit.start - 2) : hit.start] if not is_adjective(t)][-1:]
    brought = any(t.startswith(_BRINGING) for t in toks)
    # "на грузовом такси": a phrase opens with its adjective
    where = first_cases(toks[hit.start]) & {"loct", "datv"} or hit.start != hit.end
    if brought and on == ["на"] and where:
        return True
    # "Бус йде 25.01 до Харкова", "2 раза в неделю ходит автобус": a vehicle that runs
    near = toks[max(0, hit.start - 3) : hit.end + 3]
    moving = set(near) & _RUNS or any(t.startswith(_FITS_IN) for t in near)
    sending = any(t.startswith(_SENDING) for t in toks)
    # "передам с водителем автобуса": the driver's vehicle, as the driver is
    driver = hit.start > 0 and _vehicle_by(toks[hit.start - 1])
    instrumental = is_instrumental(toks[hit.start]) or driver
    return (
        sent
        or bool(moving)
        or (sending and instrumental)
        or _load(hit, toks)
        or bool(set(toks[max(0, hit.start - 3) : hit.start]) & _IF)
    )


def _vehicle_by(token: str) -> bool:
    return is_vehicle(token) and is_instrumental(token)


def is_vehicle(token: str) -> bool:
    """A word for a vehicle (not for carrying: "перевезення гуманітарки" offers it)."""
    sense = token_sense(token)
    return bool(sense and sense.kind.startswith("transport")) and not token.startswith(_CARRIAGE)


_CARRIAGE = ("перевоз", "перевез", "доставк", "транспорт", "вивоз", "вывоз", "вантажоперевез",
             "грузоперевоз", "евакуац", "эвакуац")  # fmt: skip


#: Aid as a load: "машина гуманитарки", "бус допомоги".
_AID = frozenset({"помощи", "допомоги", "гуманитарки", "гуманітарки", "гуманитарной",
                  "гуманітарної", "гуманки"})  # fmt: skip


def _load(hit: Hit, toks: list[str]) -> bool:
    """ "Собрали 2 машины: продукты", "Зібрано 3 машини речей", "3 бусики допомоги":
    vehicles named with what they were loaded with measure it."""
    end = hit.end + 1
    if end < len(toks) and toks[end] in _AID and is_vehicle(toks[hit.start]):
        return True
    return hit.start > 0 and toks[hit.start - 1].isdigit() and vehicles_loaded(toks, hit.start)


def vehicles_loaded(toks: list[str], start: int) -> bool:
    """True when the vehicles named from `start` on are followed by their load: aid,
    or a thing ("2 машины: продукты", "3 бусики (мікроавтобуси) допомоги")."""
    end = start
    while end < len(toks) and is_vehicle(toks[end]):
        end += 1
    if end == start or end == len(toks):
        return False
    loaded = token_sense(toks[end])
    return toks[end] in _AID or (loaded is not None and not loaded.kind.startswith("transport"))


#: "тільки якщо є транспорт", "если у вас будет машина": the receiver's vehicle.
_IF = frozenset({"если", "якщо", "коли", "когда"})


#: What a bus, a van or a driver does on its route.
_RUNS = frozenset({"йде", "іде", "идет", "идёт", "ходит", "ходить", "ездит", "їздить", "едет",
                   "їде", "приедет", "приїде", "поедет", "поїде", "везе", "везет", "везёт",
                   "отправляется", "відправляється", "курсирует", "курсує", "буде", "будет",
                   "прибуде", "прибудет", "приходить", "приходит", "прийде", "придет", "придёт",
                   "приїжджає", "приезжает", "виїжджає", "выезжает", "їдуть", "едут",
                   "виїжджають", "выезжают", "відходить", "отходит", "вирушає"})  # fmt: skip
#: "не влазить у машину", "в 3 машины не влезет": a vehicle as a measure of room.
_FITS_IN = ("влаз", "влез", "влїз", "поміст", "помест", "вміст", "вмест")


#: "в квартире", "на антресолях", "з квартири": where things are, or come from.
_AT = frozenset({"в", "во", "у", "на", "з", "із", "зі", "из", "с", "со"})
_SHOPS = frozenset({"аптека"})
_BOARDS = frozenset({"доска", "дошка"})
_SORTED_OUT = frozenset(
    {
        "разобрала",
        "разобрали",
        "разобрал",
        "розібрала",
        "розібрали",
        "розібрав",
        "перебрала",
        "перебрали",
        "перебрав",
    }
)
_HOME = frozenset({"дома", "вдома"})
_NEAR = frozenset({"біля", "возле", "около", "напротив", "навпроти", "поряд", "коло"})
#: Things that are places as often as they are given.
_PLACES = frozenset({"furniture", "other/shelter", "appliances/large"})
#: Verbs of settling people: the place after one is where they live.
_SETTLING = frozenset({"заселяем", "заселяємо", "заселили", "заселяют", "заселяють", "поселили",
                       "расселили", "розселили", "заселяется", "заселяється"})  # fmt: skip


def _place(hit: Hit, toks: list[str]) -> bool:
    """ "вещи остались в квартире", "что-то на антресолях", "дом 14 кв 52": a
    room, a piece of furniture or a house named as the place things are (or an
    address) is not given."""
    where = {hit.sense.category, f"{hit.sense.category}/{hit.sense.kind.split('/')[0]}"}
    before = toks[hit.start - 1] if hit.start else ""
    if before in _AT and lemma_in(toks[hit.start], _SHOPS):
        return True  # "закупили в аптеці": where it was bought
    if before in _AT and lemma_in(toks[hit.start], _BOARDS):
        return True  # "с доски:", "з дошки оголошень": where the need was read
    if not where & _PLACES or hit.start != hit.end:
        return False
    sorted_out = before in _SORTED_OUT or (
        before in _HOME and hit.start > 1 and toks[hit.start - 2] in _SORTED_OUT
    )  # "Разобрали дома шкафы"
    if hit.sense.category == "furniture" and sorted_out:
        return True  # "розібрали шафу": the things came out of it
    after = toks[hit.end + 1] if hit.end + 1 < len(toks) else ""
    if hit.sense.category == OTHER and after.isdigit():
        return True  # "дом 14": an address
    cases = first_cases(toks[hit.start])
    if before in _AT and bool(cases & {"loct", "loc2", "gent", "datv"}):
        return True  # "в шафі лежать іграшки", "мерзнут на лавочке"
    if before in _NEAR and bool(cases & {"gent", "datv"}):
        return True  # "живу біля гуртожитку", "напротив общаги"
    if before == "по" and "datv" in cases and hit.sense.category == OTHER:
        return True  # "собирали по общежитиям": where things were gathered
    # "в неотапливаемых домах": a word that describes the place between
    described = hit.start > 1 and toks[hit.start - 2] in _AT and bool(cases & {"loct", "loc2"})
    if described and before.isalpha() and token_sense(before) is None:
        return True
    if before in _IN and hit.sense.category == OTHER:
        return True  # "переезжает в дом престарелых": where someone goes
    if hit.sense.category == OTHER and before in _SETTLING:
        return True  # "заселяем общежитие": where people live
    # "по 2 на кімнату": what each room gets; "будинок-інтернат": who asks, no home asked for
    if hit.sense.category == OTHER and (_counted_per(toks, hit.start) or _institution(toks, hit)):
        return True
    into = hit.start > 1 and toks[hit.start - 2] in _IN and is_adjective(before)
    if into and hit.sense.category == OTHER and not cases:  # "у кімнату", not "у будинку"
        return True  # "телевізор у спільну кімнату": where the thing goes
    # "в подвале дома", "при расселении общежития": whose place another thing is
    owner = (
        hit.sense.category == OTHER
        and "gent" in cases
        and len(before) > 2
        and number_of(before) in {"one", "many"}
    )
    # "квартиру сдаем": let to others, not given
    near = set(toks[max(0, hit.start - 2) : hit.end + 3])  # a slice from -1 would wrap
    let = hit.sense.category == OTHER and bool(near & _LET)
    # "Переїжджаємо в іншу квартиру", "розбираємо гараж і дачу": the story of the things
    story = hit.sense.category == OTHER and bool(
        set(toks[max(0, hit.start - 4) : hit.end + 2]) & _MOVING
    )
    return owner or let or story


#: "дом престарелых", "будинок дитини": a home that is an institution.
_WHOSE_HOME = frozenset({"престарілих", "престарелых", "ребенка", "дитини", "малютки", "малюка",
                         "інвалідів", "инвалидов", "ветеранів", "ветеранов"})  # fmt: skip


def _institution(toks: list[str], hit: Hit) -> bool:
    word = toks[hit.start]
    after = toks[hit.end + 1] if hit.end + 1 < len(toks) else ""
    return "інтернат" in word or "интернат" in word or after in _WHOSE_HOME


#: "каждую", "кожен": each one of the rooms or floors named next.
_EACH = ("кажд", "кожн", "кожен")


def _counted_per(toks: list[str], at: int) -> bool:
    """ "по 2 на кімнату", "1 на комнату", "в каждую комнату", "на кожен поверх": a
    room or a floor that says how many are asked, one lot for each."""
    before = toks[at - 1] if at else ""
    if before.startswith(_EACH):
        return at > 1 and toks[at - 2] in {"на", "в", "у"}
    return before == "на" and ("по" in toks[:at] or (at > 1 and toks[at - 2].isdigit()))


_FROM = frozenset({"из", "з", "із", "зі", "с", "со"})
#: "снял при ремонте", "після ремонту": when, not a service offered.
_WHEN = frozenset({"при", "после", "після", "из-за", "через", "время", "час"})


_HANDMADE = frozenset({"ручна", "ручной", "ручная", "ручної", "ручну", "ручную"})


def _occasion(hit: Hit, toks: list[str]) -> bool:
    """ "Бойлер, снял при ремонте": a service word after "при", "после" names the
    occasion the thing came from."""
    before = translit(toks[hit.start - 1]) if hit.start else ""  # "posle remonta"
    if hit.sense.kind == "services" and before in _HANDMADE:
        return True  # "ручна робота бабусі": made by hand, no work offered
    # "в'яжу при ліхтарику": the circumstance
    return (hit.sense.kind == "services" and before in _WHEN) or (
        hit.sense.category == OTHER and before == "при"
    )


def _from_town(hit: Hit, toks: list[str]) -> bool:
    """ "переселенцы с Антрацита": a town the writer comes from, not coal."""
    if hit.start != hit.end or not hit.start or toks[hit.start - 1] not in _FROM:
        return False
    word = toks[hit.start]
    return "gent" in first_cases(word) and is_town(token_lemmas(word))


#: Letting, selling or having got a home: "квартиру сдаем пустую", "получили
#: квартиру" give no shelter.
_LET = frozenset({"сдаем", "сдаю", "сдам", "здаємо", "здаю", "здам", "продаем", "продаю",
                  "продам", "продаємо", "получили", "получила", "получил", "отримали",
                  "отримала", "отримав", "сняли", "зняли", "купили", "продажу",
                  "продаж"})  # fmt: skip


#: Moving out, clearing or selling a home: where the things come from, not shelter.
_MOVING = frozenset({"продали", "продала", "продав", "продана", "продан", "продано", "продаже",
                     "продажі", "переезжаем", "переезжаю", "переехали", "переїжджаємо",
                     "переїжджаю", "переїхали", "освобождаем", "звільняємо", "чистим",
                     "чистимо", "розбираємо", "разбираем", "прибираємо", "убираем"})  # fmt: skip


#: "Уважаемые волонтеры!", "Шановні пенсіонери": whom the text speaks to.
_DEAR = frozenset({"уважаемые", "уважаемый", "шановні", "шановний", "дорогие", "дорогі",
                   "милые", "милі", "любі", "родные", "рідні"})  # fmt: skip


def _addressed(hit: Hit, toks: list[str]) -> bool:
    return hit.start > 0 and toks[hit.start - 1] in _DEAR


#: Kinds that carry news: "по телевизору", "по радио", "по телефону".
_MEDIA = ("electronics", "household/phones")


def _medium(hit: Hit, toks: list[str]) -> bool:
    """ "бачила по телевізору", "договорились по телефону": how the writer heard
    or spoke, not a thing given."""
    kind = f"{hit.sense.category}/{hit.sense.kind}"
    near = toks[max(0, hit.start - 2) : hit.start] + toks[hit.end + 1 : hit.end + 3]
    if hit.sense.kind.startswith(_MEDIA) and any(t.startswith(_WATCHING) for t in near):
        return True  # "Телевизор смотрю, вижу": what the writer watches
    return (
        hit.start > 0
        and toks[hit.start - 1] == "по"
        and (hit.sense.kind.startswith(_MEDIA) or kind.startswith("other/household/phones"))
        # "по ТВ": an abbreviation no dictionary declines
        and ("datv" in first_cases(toks[hit.start]) or toks[hit.start] in _ABBREVIATED_MEDIA)
    )


_ABBREVIATED_MEDIA = frozenset({"тв", "tv"})
_WATCHING = ("смотр", "дивл", "дивит", "гляд", "погляд", "подивил", "посмотр")
#: Messengers: the word after one is a name to write to ("skype roman_ostrava").
_MESSENGERS = frozenset({"skype", "скайп", "скайпі", "скайпе", "viber", "вайбер", "вайбері",
                         "telegram", "телеграм", "телеграмі", "facebook", "фейсбук",
                         "fb"})  # fmt: skip


def _handle(hit: Hit, toks: list[str]) -> bool:
    """ "пишіть на skype roman_ostrava": a user name, not a thing (a novel)."""
    return hit.start > 0 and toks[hit.start - 1] in _MESSENGERS


def asks_for_itself(toks: list[str]) -> bool:
    """ "нам бы нужна коляска", "нам самим нужен обогреватель": in an offer, what the
    writer asks for is not offered ("нам уже не нужна" is)."""
    signals = attributes().signals
    return any(
        tok in signals["asker"]
        and any(
            word in signals["request"] and toks[j - 1] not in ("не", "ні")
            for j, word in enumerate(toks[i + 1 : i + 4], start=i + 1)
        )
        for i, tok in enumerate(toks)
    )
