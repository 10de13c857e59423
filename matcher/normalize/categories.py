"""What a piece of text names: categories and item kinds, in ru, uk and mixed.

The vocabulary is the item lexicon (matcher/data/lexicon.yaml). A text is cut
into segments ("детская одежда 2 пакета, посуда" -> two segments); each token
is looked up as typed, then by its lemmas (pymorphy3, ru and uk), then, for
unknown words only, by a small edit distance (rapidfuzz), so "одеждп" and
"медикамнты" are found but the name "Надежда" is not read as "одежда".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matcher.normalize.gazetteer import is_town
from matcher.normalize.lexicon import FUZZY_MIN_LEN, GAP_WORDS, Sense, attributes, lexicon
from matcher.normalize.morph import is_adjective, is_known_word, lemmas, unglued
from matcher.text import CYRILLIC_LETTER, TOKEN_RE, fold, latin_readings, plain_latin, tokens

OTHER = "other"
#: The rest of a list of sizes, ages or measures after its first number: "38, 39
#: р.", "9 секций", "41 по 2 пары". A comma or an "и" before it does not split.
_SIZE_RUN = (
    r"\s?\d{1,3}(?:\s?(?:,|и|і)\s?\d{1,3})*\s?"
    r"(?:р\b|р\.|рр|р-р|разм|розм|лет|рок|год|міс|мес|секц|по\s|мл\b|мг\b|мм\b|см\b|л\b|литр|літр|дюйм)"
)
_AND = r"(?:и|і|й|та|а также|а ще|а еще|плюс|also|and|ещё|еще|ще|также|також)"
_SEGMENT_SPLIT = re.compile(
    # list numbers ("2) сапоги", "1 - стол"), then the usual separators
    r"(?:^|\.?\s)\d{1,2}\)\s+(?=[^\W\d_])|(?:^|(?<=\D[,;])|(?<=\n))\s*\d{1,2}\s?[-–—]\s(?=[^\W\d_])"
    rf"|\s[-–—•*](?=[^\W\d_\s])|(?<!\d),|,(?!\d)(?!{_SIZE_RUN})|[;\n•·|]|(?<!\d)\+"
    r"|\.\s(?![\d(])(?<!\bул\.\s)(?<!\bвул\.\s)(?<!\bпер\.\s)(?<!\bпр\.\s)(?<!\bмед\.\s)(?<!\bруб\.\s)(?<!\bгрн\.\s)|\s[-–—]\s"
    r"|\s\d{1,2}\)\s|^\d{1,2}\)\s|(?<=\S)/\s(?=[^\W\d_])"
    rf"|(?<!\d)\s{_AND}\s|(?<=\d)\s{_AND}\s(?!{_SIZE_RUN})",
    re.IGNORECASE,
)

#: "Посылка 20 коробок: одежда 12, обувь 5, игрушки 3": a count of boxes or bags that
#: sums the counts after the colon, or spans several categories ("6 коробок: одежда
#: и продукты"), heads the list; "3 мешка: куртки, кофты" counts the bags, and "40
#: наборів: крупа, олія" the sets.
_COUNTED_HEADING = re.compile(
    r"(\d+)\s(?:коробк\w*|коробок|ящик\w*|мешк\w*|мешок|мішк\w*|мішок|пакет\w*|сумк\w*|сумок"
    r"|посылк\w*|посилк\w*|палет\w*|box\w*|parcels?|bags|pallets|karton\w*|paczk\w*|paczek):\s",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A word (or phrase) of a folded segment and what it names."""

    start: int  # token index
    end: int  # token index, inclusive
    sense: Sense
    tokens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a free-text answer and the categories it names, in order."""

    text: str
    codes: tuple[str, ...]


def _fuzzy(candidate: str) -> Sense | None:
    lex = lexicon()
    limit = 1 if len(candidate) <= 7 else 2
    found = process.extract(
        candidate, lex.fuzzy_keys, scorer=OSA.distance, score_cutoff=limit, limit=3
    )
    if not found:
        return None
    best = min(score for _, score, _ in found)
    if process.extractOne(candidate, _describing_words(), scorer=OSA.distance, score_cutoff=best):
        return None  # "зимнии" is "зимние" mistyped, no "зимники"
    senses = {lex.words[key] for key, score, _ in found if score == best}
    return senses.pop() if len(senses) == 1 else None


@cache
def _describing_words() -> tuple[str, ...]:
    """Words for whom, for which season, and everyday words: a typo near one of them
    names no thing."""
    attrs = attributes()
    words = (*attrs.audience, *attrs.season, *attrs.signals["everyday"])
    return tuple(w for w in words if len(w) >= FUZZY_MIN_LEN)


@lru_cache(maxsize=200_000)
def token_lemmas(token: str) -> tuple[str, ...]:
    if token.isdigit() or len(token) < 2:
        return (token,)
    return lemmas(token)


def lemma_in(word: str, table: dict[str, str] | frozenset[str]) -> str | None:
    """What `table` holds for the word as typed or for one of its lemmas: the
    value of a dict, the matching form of a set; None when neither has it."""
    for form in (word, *token_lemmas(word)):
        if form in table:
            return table[form] if isinstance(table, dict) else form
    return None


@lru_cache(maxsize=200_000)
def token_sense(token: str) -> Sense | None:
    """What a single folded token names, or None. An English word is not read as
    Russian typed in Latin letters ("woman" is no "роман")."""
    if len(token) < 2 or any(ch.isdigit() for ch in token):
        return None
    known = _known_sense(token)
    if known is not None:
        return known
    plain = plain_latin(token)
    words = lexicon().words
    if plain in words:  # "żywność", "mydło": a word from abroad, in plain letters
        return words[plain]
    # "kurtka", "kartoplia", "dytiachoho odiahu": Russian or Ukrainian in Latin
    # letters, read exactly before any typo of a word from abroad
    readings = latin_readings(token) if token not in attributes().latin_words else ()
    for reading in readings:
        known = _known_sense(reading)
        if known is not None:
            return known
    if "-" in token:  # "книжки-розмальовки": a part that names a category over "other"
        senses = [sense for part in token.split("-") if (sense := token_sense(part))]
        return next((s for s in senses if s.category != OTHER), senses[0] if senses else None)
    # a unit ("компл") is not a typo of a thing ("комп")
    unit = token in attributes().units or token.rstrip(".") in attributes().units
    if len(token) >= FUZZY_MIN_LEN and not unit and not is_known_word(token):
        for candidate in token_lemmas(token):
            sense = _fuzzy(candidate)
            if sense:
                return sense
    # a reading that is a word of its own ("posylki": посылки) is no typo of a thing
    if any(is_known_word(reading) for reading in readings):
        return None
    for reading in readings:  # with a typo too ("krossovki", "holodylnyk"), unless
        # the word names a town ("Sloviansk" is no "словник")
        if is_town((reading, *token_lemmas(reading))):
            return None
        sense = token_sense(reading)
        if sense is not None:
            return sense
    return None


def _known_sense(token: str) -> Sense | None:
    """What the vocabulary lists for the token or one of its lemmas."""
    words = lexicon().words
    if token in words:
        return words[token]
    return next((words[lemma] for lemma in token_lemmas(token) if lemma in words), None)


@lru_cache(maxsize=50_000)
def glued_things(token: str) -> tuple[str, ...]:
    """ "холодильникднепр", "креслодва": the words of a token typed without spaces,
    when the token names nothing itself and one of its words names a thing (so
    "трехстворчатый" and "самовывоз" stay whole); () otherwise."""
    pieces = unglued(token)
    if not pieces or token_sense(token) is not None:
        return ()
    named = [token_sense(piece) for piece in pieces]
    return pieces if any(s is not None and s.category != OTHER for s in named) else ()


def token_category(token: str) -> str | None:
    sense = token_sense(token)
    return sense.category if sense else None


def phrase_sense(left: str, right: str) -> Sense | None:
    phrases = lexicon().phrases
    for a in token_lemmas(left):
        for b in token_lemmas(right):
            sense = phrases.get((a, b)) or phrases.get((b, a))
            if sense:
                return sense
    return None


#: "one" in the forms that name one of a thing: "нет одного бортика" (one denied),
#: "у одной" (one of them).
ONE_FORMS = frozenset(
    {"один", "одна", "одно", "одне", "одну", "одного", "одной", "однієї", "одній"}
)


def _negated(toks: list[str], start: int, end: int) -> bool:
    attrs = attributes()
    before = toks[start - 1] if start > 0 else ""
    # "нет горячей воды", "нет одного бортика": a thing described or counted, then denied
    described = is_adjective(before) or before in ONE_FORMS
    if start > 1 and described and toks[start - 2] in ("нет", "немає", "нема"):
        before = toks[start - 2]
    after = toks[end + 1 : end + 3]
    if after[:1] and after[0] in _JOINERS:  # "меблів і техніки не маємо": both denied
        after = toks[end + 3 : end + 5]
    gone = set(after) & attrs.negators_gone and set(after) & attrs.negators_already
    kept = after[:1] == ["не"] and after[1:] and after[1] in attrs.signals["offer"]
    # "одежды уже нет": none left
    none_left = after[:1] and after[0] in attrs.negators_already and after[1:2] == ["нет"]
    return (
        before in attrs.negators_before
        or (bool(after) and after[0] in attrs.negators_after)
        or bool(none_left)
        or bool(gone)
        or bool(kept)  # "баллон не отдаю"
        or _ticked_by_mistake(toks[end + 1 : end + 6], before in attrs.negators_ticking)
    )


def _ticked_by_mistake(after: list[str], ticked_before: bool = False) -> bool:
    """ "мебель отметила случайно", "Мебель случайно отметила", "технику нажала по
    ошибке", "обувь и белье отметила случайно", "Отметила мебель случайно": the words
    right after a category (other categories joined to it aside), with a verb of
    ticking before or after it, say its box was ticked by mistake; so does "Мебель
    отметил т.к. не нашел куда" (for want of a better box)."""
    attrs = attributes()
    ticked = ticked_before or bool(set(after) & attrs.negators_ticking)
    if (
        after[:1]
        and after[0] in attrs.negators_ticking
        and _NO_BETTER_BOX.match(" ".join(after[1:]))
    ):
        return True
    seen: list[str] = []
    for token in after:
        if token in attrs.negators_mistake_alone or (token in attrs.negators_mistake and ticked):
            return True
        joined = token in _JOINERS or (
            bool(seen) and seen[-1] in _JOINERS and bool(token_sense(token))
        )
        if token not in attrs.negators_ticking and token not in _FILLERS and not joined:
            return False
        seen.append(token)
    return False


#: "остальное нажала случайно": every other box ticked by mistake.
_THE_REST = frozenset({"остальное", "остальные", "інше", "інші", "решта", "прочее"})


@lru_cache(maxsize=10_000)
def rest_ticked_by_mistake(folded: str) -> bool:
    """ "Есть только детская одежда, остальное нажала случайно": the boxes the
    answer does not name were ticked by mistake."""
    toks = tokens(folded)
    return any(
        tok in _THE_REST and _ticked_by_mistake(toks[i + 1 : i + 6]) for i, tok in enumerate(toks)
    )


#: Words between a category and its "по ошибке": "нажала по ошибке", "я случайно".
_FILLERS = frozenset({"по", "через", "я", "тоже", "теж", "случайно", "випадково"})
#: "Мебель отметил т.к. не нашел куда": ticked for want of a better box.
_NO_BETTER_BOX = re.compile(
    r"(?:т\s*к|так как|потому что|бо|тому що)\s+не\s+"
    r"(?:нашел|нашла|нашёл|знайшла|знайшов|знал|знала|знаю|знав)"
)
_JOINERS = frozenset({"и", "і", "й", "та", "или", "або"})


@lru_cache(maxsize=100_000)
def hits_in(folded: str) -> tuple[Hit, ...]:
    """Every word or phrase of a folded segment that names a thing, in token order."""
    toks = tokens(folded)
    for i in _medical_abbreviations(folded, toks):
        toks[i] = "медицинские"
    found: list[Hit] = []
    used: set[int] = set()
    # words side by side first: "средство для мытья посуды" is dish soap ("мытья
    # посуды"), not a cleaner ("средство для мытья") beside dishes
    adjacent = [(i, i + 1) for i in range(len(toks) - 1)]
    gapped = [(i, i + 2) for i in range(len(toks) - 2) if toks[i + 1] in GAP_WORDS]
    pairs = [(left, right, sense) for left, right in adjacent + gapped
             if (sense := phrase_sense(toks[left], toks[right])) is not None]  # fmt: skip
    # the finer of two overlapping phrases first: "пральний порошок автомат" is
    # machine detergent ("порошок автомат"), not detergent with a stray word
    pairs.sort(key=lambda pair: -pair[2].kind.count("/"))
    for left, right, sense in pairs:
        if left in used or right in used:
            continue
        used.update(range(left, right + 1))
        if not _negated(toks, left, right):
            found.append(Hit(left, right, sense, tuple(toks[left : right + 1])))
    found += _shared_heads(found, toks, used)
    for i, token in enumerate(toks):
        if i in used:
            continue
        sense = token_sense(token)
        if sense and not _negated(toks, i, i):
            found.append(Hit(i, i, sense, (token,)))
    found.sort(key=lambda hit: hit.start)
    return tuple(_pull_ups(_machines_named(found)))


#: "машинка" after the word that says which machine is that machine, no toy car.
_MACHINE_HEADS = frozenset(
    ["машинка", "машинки", "машинку", "машина", "машину", "машини", "машины", "машинок"]
)


#: "трусики Pampers", "Huggies Pants": pull-up diapers, no underwear.
_PULL_UPS = frozenset(["трусики", "трусиків", "трусиках", "pants"])


def _pull_ups(found: list[Hit]) -> list[Hit]:
    """Underwear words beside a diaper name the diaper's shape."""
    diapers = [h for h in found if h.sense.kind.startswith("diapers")]
    if not diapers:
        return found
    touching = {h.start - 1 for h in diapers} | {h.end + 1 for h in diapers}
    return [
        h
        for h in found
        if not (h.start == h.end and h.tokens[0] in _PULL_UPS and h.start in touching)
        or h.sense.kind.startswith("diapers")
    ]


def _machines_named(found: list[Hit]) -> list[Hit]:
    """ "стіральна машинка", "швейна машинка": the adjective names the machine."""
    out: list[Hit] = []
    for hit in found:
        before = out[-1] if out else None
        machine = hit.start == hit.end and hit.tokens[0] in _MACHINE_HEADS
        named = before and before.end == hit.start - 1 and before.sense.kind
        if machine and named and before and before.sense.category != hit.sense.category:
            out[-1] = Hit(before.start, hit.end, before.sense, (*before.tokens, *hit.tokens))
            continue
        out.append(hit)
    return out


def _medical_abbreviations(folded: str, toks: list[str]) -> set[int]:
    """ "перчатки мед.", "маски мед. одноразові": "мед." after a thing is "медицинский",
    no honey ("картопля і мед." is honey)."""
    return {
        i
        for i, m in enumerate(TOKEN_RE.finditer(folded))
        if m.group(0) == "мед"
        and folded[m.end() : m.end() + 1] == "."
        and i
        and token_sense(toks[i - 1]) is not None
    }


#: Words between alternatives that share one head: "автоматические или механические".
_ALTERNATIVES = frozenset({"или", "або", "чи", "и", "і", "та", "or", "and"})


def _shared_heads(found: list[Hit], toks: list[str], used: set[int]) -> list[Hit]:
    """ "тонометры (автоматические или механические)": the second word makes a
    phrase with the first one's head, so it names a thing of its own."""
    out: list[Hit] = []
    for hit in [h for h in found if h.end == h.start + 1]:
        j = hit.end + 1
        while j < len(toks):
            k = j + 1 if toks[j] in _ALTERNATIVES else j
            if k >= len(toks) or k in used:
                break
            sense = phrase_sense(toks[hit.start], toks[k])
            if sense is None or sense.category != hit.sense.category:
                break
            used.add(k)
            # spans from the head: a phrase, not an adjective standing alone
            out.append(Hit(hit.start, k, sense, (toks[hit.start], toks[k])))
            j = k + 1
    return out


@lru_cache(maxsize=100_000)
def denied_in(folded: str) -> frozenset[str]:
    """Categories a folded answer names only to say they are not there: "обуви
    нет", "без одежды", "Постільна білизна — ні"."""
    attrs = attributes()
    negators = (
        attrs.negators_before
        | attrs.negators_after
        | attrs.negators_gone
        | attrs.negators_already
        | attrs.negators_mistake
        | attrs.negators_mistake_alone
    )
    toks = tokens(folded)
    if not set(toks) & negators:
        return frozenset()
    plain = " ".join("x" if tok in negators else tok for tok in toks)
    return frozenset(codes_in(plain)) - frozenset(codes_in(" ".join(toks)))


@lru_cache(maxsize=100_000)
def codes_in(folded: str) -> tuple[str, ...]:
    """Category codes named in one folded segment, in order of appearance."""
    return tuple(dict.fromkeys(hit.sense.category for hit in hits_in(folded)))


#: "Пальто.\n2. Куртка": a small number at the start of a line or after a full
#: stop, a dot and a capital letter. Case matters here: "сапоги 39. Ещё" and
#: "тушонка 5. Ще є" end a sentence with a count, and "2. куртки" is rare.
_LIST_NUMBER = re.compile(
    r"(?:^|(?<=[\n.;,])|(?<=[\n.;,]\s))(?:1\d|20|[1-9])\.\s+(?=[А-ЯЁІЇЄҐA-Z])"
)


#: "1. куртка 2. брюки", "1- свитер 2- брюки", "1 - курток 6": numbers that run
#: make a list.
_ANY_LIST_NUMBER = re.compile(r"(?:^|(?<=[\s.;,]))(1\d|20|[1-9])(?:[.-]|\s[-–—])\s+(?=[^\W\d_])")


def _list_numbers(text: str) -> re.Pattern[str]:
    """Numbers that run 1., 2., 3. mark a list even before a small letter."""
    found = [int(m.group(1)) for m in _ANY_LIST_NUMBER.finditer(text)]
    running = len(found) >= 2 and found == list(range(found[0], found[0] + len(found)))
    return _ANY_LIST_NUMBER if running else _LIST_NUMBER


#: Brackets with digits inside: "(на 5, 7 и 9 лет)", "(одно 48, другое 50)".
_NUMBERED_BRACKETS = re.compile(r"\([^()\n]*\d[^()\n]*\)")
#: Stand-ins for the separators inside such brackets while the text is split.
_HELD = str.maketrans({",": "\ue000", ";": "\ue001"})
_RELEASED = str.maketrans({"\ue000": ",", "\ue001": ";", "\ue002": " "})


#: Things named in brackets right after a count: "настольные игры 2 (Монополия,
#: лото)", "4 шт (монополія, лото...)" are examples of what was counted.
_EXAMPLES = re.compile(r"(?<=\d)(\s*(?:[^\W\d_]+\.?\s*)?)(\([^()\n\d]*\))")


def _hold_brackets(text: str) -> str:
    """Sizes, ages and counts listed in brackets belong to the thing before them,
    and so do examples of a count: the list inside is not split (its spaces stand
    in so that "и" splits nothing)."""
    text = _EXAMPLES.sub(lambda found: found.group(1) + _hidden(found.group(2)), text)
    return _NUMBERED_BRACKETS.sub(_held, text)


def _hidden(inside: str) -> str:
    return inside.translate(_HELD).replace(" ", "\ue002")


def _held(found: re.Match[str]) -> str:
    inside = found.group(0)
    if not all(re.search(r"\d", piece) for piece in inside.split(",")):
        return inside  # "(пальто, 2 куртки, костюм)": things listed, each its own
    return _hidden(inside)


def split_segments(text: str) -> list[str]:
    """Display pieces of a free-text answer, split at commas, 'и', 'та', list numbers
    (not inside brackets that list numbers)."""
    if "(" in text:
        return [p.translate(_RELEASED) for p in _split(_hold_brackets(text))]
    return _split(text)


def _split(text: str) -> list[str]:
    marker = _list_numbers(text)
    chunks = marker.split(text)
    if marker is _ANY_LIST_NUMBER:  # its group captures the numbers: every other piece
        chunks = chunks[::2]
    chunks = [c for c in chunks if c]
    chunks = [_SPACED_SLASH.sub(_slash_as_comma, chunk) for chunk in chunks]
    pieces = [p for chunk in chunks for p in _SEGMENT_SPLIT.split(_counted_heading_cut(chunk))]
    return [_trimmed(part) for part in _packs_rejoined(pieces) if part and part.strip()]


#: "Норваск 5мг 30 таб, 1 уп": tablets counted, then the packs that hold them.
_TABLETS_END = re.compile(r"\d\s*(?:таб|табл|таблеток|таблетки|капс|капсул|амп|ампул)\.?\s*$", re.I)
_PACKS_START = re.compile(r"^\s*\d+\s*(?:уп|упак|упаковк|упаковок|пач|пачк|пачок|пачек)", re.I)


def _packs_rejoined(pieces: list[str | None]) -> list[str]:
    """Pieces with a count of packs joined back to the tablets they hold."""
    out: list[str] = []
    for piece in pieces:
        if piece is None:
            continue
        if out and _TABLETS_END.search(out[-1]) and _PACKS_START.match(piece):
            out[-1] = f"{out[-1]} {piece.strip()}"
        else:
            out.append(piece)
    return out


#: "гречка 5кг / рис 5кг": a spaced slash between words lists things.
_SPACED_SLASH = re.compile(r"(?<=[^\W_]{2})\s/\s(?=[^\W\d_])")
_LAST_WORD = re.compile(r"[^\W\d_]+(?=\W*$)")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _slash_as_comma(found: re.Match[str]) -> str:
    """A comma for a slash between words of one script; "2 saci / 2 мешка" is the
    same thing said in two languages, and stays one piece."""
    before = _LAST_WORD.search(found.string[: found.start()])
    after = _FIRST_WORD.search(found.string, found.end())
    if before is None or after is None:
        return found.group(0)
    cyrillic = [bool(CYRILLIC_LETTER.search(word.group(0))) for word in (before, after)]
    return ", " if cyrillic[0] == cyrillic[1] else found.group(0)


#: A whole number, not part of a decimal, a range or a date.
_PLAIN_NUMBER = re.compile(r"(?<![\d.,-])\d+(?![\d]|[.,-]\d)")


def _counted_heading_cut(chunk: str) -> str:
    """The chunk with its counted heading's colon made a separator."""
    heading = _COUNTED_HEADING.search(chunk)
    if heading is None:
        return chunk
    rest = chunk[heading.end() :]
    sums = sum(int(n) for n in _PLAIN_NUMBER.findall(rest)) == int(heading.group(1))
    if not sums and len(codes_in(fold(rest))) < 2:
        return chunk  # "3 мешка: куртки, кофты, шапки": the bags are the clothes' count
    return f"{chunk[: heading.end() - 2]}; {rest}"


#: "монитор 22''": two apostrophes or a double prime typed for the inch mark.
_INCH_MARKS = re.compile(r"(?<=\d)\s?(?:''|’’|″)")


def _trimmed(piece: str) -> str:
    """Brackets and quotes around a piece go; an inch mark after a number stays
    ('телевизор 21"' is a screen size, not 21 televisions)."""
    text = _INCH_MARKS.sub('"', piece).strip(" .:()[]'«»")
    if text.count("(") > text.count(")"):
        text += ")"  # "обувь (коробка)": a bracket that closes one opened inside stays
    inches = re.search(r'\d\s*["”″]$', text)
    return text if inches else text.strip('"')


def segments(text: str) -> list[Segment]:
    out = []
    for piece in split_segments(text):
        if piece:
            out.append(Segment(piece, codes_in(fold(piece))))
    return out
