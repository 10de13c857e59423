"""Rows that are not real submissions: empty, test entries, spam links."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from matcher import vocab
from matcher.normalize.categories import glued_things, hits_in
from matcher.normalize.lexicon import attributes
from matcher.normalize.morph import (
    is_first_name,
    is_known_word,
    is_past_verb,
    is_prefixed_word,
    is_told_to,
    lemmas,
)
from matcher.normalize.numbers import NUMBER_WORDS
from matcher.normalize.still_missing import more_asked
from matcher.text import CYRILLIC_LETTER, fold, tokens, translit

_PUNCT = re.compile(r"[^\w\s']+")


@dataclass(frozen=True, slots=True)
class JunkVocabulary:
    test_answers: frozenset[str]
    spam_words: frozenset[str]
    link: re.Pattern[str]
    allowed_hosts: tuple[str, ...]


@cache
def junk_vocabulary() -> JunkVocabulary:
    where = "junk.yaml"
    raw = vocab.require_mapping(vocab.load_yaml(where), where)

    def folded(key: str) -> frozenset[str]:
        entries = vocab.require_strings(raw.get(key), f"{where}: {key}")
        return frozenset(vocab.require_folded(entries, f"{where}: {key}"))

    patterns = vocab.require_strings(raw.get("link_patterns"), f"{where}: link_patterns")
    try:
        link = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise vocab.VocabularyError(f"{where}: link_patterns: {exc}") from exc
    test_answers, spam_words = folded("test_answers"), folded("spam_words")
    if test_answers & spam_words:
        raise vocab.VocabularyError(
            f"{where}: {sorted(test_answers & spam_words)} are in both lists; keep one"
        )
    return JunkVocabulary(
        test_answers=test_answers,
        spam_words=spam_words,
        link=link,
        allowed_hosts=tuple(folded("allowed_link_hosts")),
    )


def _answer_key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


@lru_cache(maxsize=50_000)
def is_test_answer(text: str) -> bool:
    key = _answer_key(text)
    return bool(key) and key in junk_vocabulary().test_answers


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def foreign_links(text: str) -> list[str]:
    """Links in `text` to hosts other than the allowed photo/document hosts."""
    voc = junk_vocabulary()
    text = _EMAIL.sub(" ", text)  # "пишите на olha.k@gmail.com": an address, no link
    if "." not in text and "/" not in text:  # no link can be there: skip the regex
        return []
    if not voc.link.search(text):
        return []
    folded = fold(text)
    found = []
    for word in folded.split():
        if voc.link.search(word) and not any(host in word for host in voc.allowed_hosts):
            found.append(word)
    return found


def has_spam_words(text: str) -> bool:
    return any(token in junk_vocabulary().spam_words for token in tokens(fold(text)))


def is_spam(text: str, *, recognized: bool) -> bool:
    """A foreign link with a spam word, or with nothing else we could use."""
    if not foreign_links(text):
        return False
    return has_spam_words(text) or not recognized


#: Words in an answer beyond which a request or a thank-you inside it does not
#: make it junk, as long as it names things.
LONG_ANSWER_TOKENS = 30
_REPEATED_UNIT = re.compile(r"^(.{1,3}?)\1{2,}$", re.DOTALL)
_FORMULA = re.compile(r"^\s*[=+\-@]")
#: A cell that is a spreadsheet function, a cell reference or an error value and
#: nothing else: "=SUM(A1:A5)", "=A1", '="Одежда"&"Обувь"', "#N/A".
_SHEET_FORMULA = re.compile(
    r"^\s*(?:=\s*[A-Za-zА-Яа-я.]+\s*\(.*\)|=\s*[A-Za-z]{1,3}\d+(?:\s*[-+*/&]\s*[A-Za-z]{1,3}\d+)*|"
    r"=\s*\".*\"\s*&.*|"
    r"#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|Н/Д|ССЫЛКА!|ЗНАЧ!|ДЕЛ/0!|ИМЯ\?|ЧИСЛО!|ПУСТО!))"
    r"\s*$",
    re.DOTALL,
)
_SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
#: A name in quotes: «Можем – поможем!», «Теплый дом».
_QUOTED = re.compile(r"«[^»]*»")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю",
                  "йцукенгшщзхї", "фівапролджє")  # fmt: skip


def looks_like_formula(text: str) -> bool:
    """ "=IMPORTRANGE(...)", "+380...", "-": what a sheet would take for a formula."""
    return bool(_FORMULA.match(text))


def _repeated(text: str) -> bool:
    """ "аааааа", "!!!!!!", "хахахаха", "....", "вещи вещи вещи вещи": one unit over
    and over."""
    compact = re.sub(r"\s+", "", text.casefold())
    words = text.casefold().split()
    if len(words) >= 4 and len(set(words)) == 1:
        return True
    return len(compact) >= 3 and (len(set(compact)) <= 2 or bool(_REPEATED_UNIT.match(compact)))


#: Every run of four keys along a keyboard row ("фыва", "asdf").
_KEYBOARD_RUNS = frozenset(row[i : i + 4] for row in _KEYBOARD_ROWS for i in range(len(row) - 3))


def _keyboard_run(token: str) -> bool:
    return any(token[i : i + 4] in _KEYBOARD_RUNS for i in range(len(token) - 3))


def _a_word(word: str) -> bool:
    return is_known_word(word) or is_prefixed_word(word) or bool(glued_things(word))


def _mash(toks: list[str]) -> bool:
    """Letters that form no word either dictionary knows, or runs along the keyboard."""
    words = [t for t in toks if not any(ch.isdigit() for ch in t) and len(t) >= 3]
    if not words or any(_BELARUSIAN in t for t in words):
        return False
    if any(_keyboard_run(t) for t in words):
        return True
    return not any(_a_word(t) or is_known_word(translit(t)) for t in words)


#: Vowels of both alphabets: a "word" of three letters or more without one is mash.
_VOWELS = frozenset("аеёиоуыэюяіїєaeiouy")


def _standing_alone(words: frozenset[str]) -> re.Pattern[str]:
    """Any of the words or phrases, standing alone, the longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, ordered))})(?![\w-])")


@cache
def _test_words() -> re.Pattern[str]:
    """Any word of a test entry, standing alone ("тест", "проверка связи"), but not a
    test that is a thing: "тест полоски", "тест на беременность"."""
    alone = _standing_alone(attributes().signals["test"]).pattern
    return re.compile(alone + r"(?!\s+(?:полоск|полос|смужк|на\s+беремен|на\s+вагітн))")


#: A one-word answer that says "there is" or "yes".
_YES = frozenset({"є", "да", "так"})
#: The Belarusian "ў": words of a language neither dictionary knows, no mash.
_BELARUSIAN = "ў"


def _all_mash(toks: list[str]) -> bool:
    """Every word is a run along the keyboard, has no vowel, or is Cyrillic no
    dictionary knows ("ролдж зщшгн ывап 12", "12ываф2 3ыва"; digits set aside)."""
    if any(_BELARUSIAN in t for t in toks):
        return False
    words = [w for t in toks for w in re.split(r"\d+", t) if len(w) >= 3]
    # "3к4е5н6г7ш8щ": letters typed between digits, read together
    words += [w for t in toks if len(w := re.sub(r"\d+", "", t)) >= 4 and len(w) < len(t) - 2]
    return bool(words) and all(
        _keyboard_run(w)
        or not _VOWELS & set(w)
        or _repeated(w)  # "dfgdfgdfg", "ооо"
        # words no dictionary knows, unless known words typed together ("ПЛИТАЭЛЕКТРИЧЕСКАЯ")
        # only Cyrillic words are looked up: "Możemy" is Polish, no mash
        or (CYRILLIC_LETTER.search(w) is not None and not _a_word(w))
        for w in words
    )


#: "шо вам треба", "кому нужно": the need of whoever takes the things;
#: "пока нужно", "якщо потрібно": for as long as it lasts.
_YOURS = frozenset(
    ["вам", "кому", "кому-то", "комусь", "пока", "поки", "если", "якщо", "коли", "когда"]
)


def _others_need(toks: list[str], signals: dict[str, frozenset[str]]) -> set[str]:
    asked = signals["request"]
    return {t for i, t in enumerate(toks) if i and toks[i - 1] in _YOURS and t in asked}


#: "Нужен адрес куда отправить", "прошу дати контакт сім'ї": where to send the gift.
_WHERE_TO = frozenset({"адрес", "адреса", "адресу", "контакт", "контакти", "контакты", "контакту"})


def _where_to_send(toks: list[str], signals: dict[str, frozenset[str]]) -> set[str]:
    """Request words that ask only where the gift should go."""
    asked = signals["request"] | signals["own_request"] | signals["plea"]
    return {t for i, t in enumerate(toks) if t in asked and set(toks[i + 1 : i + 3]) & _WHERE_TO}


def _signal_words(toks: list[str]) -> set[str]:
    """The tokens and their first lemma: lists hold forms or lemmas, not both.
    A word after "не" says the opposite ("нам уже не надо", "помочь не могу"); a
    verb in the past tense keeps its form ("получили": received, not "получить")."""
    kept = [t for i, t in enumerate(toks) if i == 0 or toks[i - 1] not in ("не", "ні")]
    out = set(kept)
    for token in kept:
        if not is_past_verb(token):
            out.update(lemmas(token)[1:2])
    return out


def _offer_words(words: set[str], toks: list[str], signals: dict[str, frozenset[str]]) -> set[str]:
    return ((words & signals["offer"]) | (set(toks) & signals["give"])) - _family(toks)


#: Who a writer has at home: "маю 3 дітей", "у меня двое детей".
_FAMILY = frozenset(
    ["дитина", "ребенок", "ребёнок", "дети", "діти", "сын", "син", "дочь", "донька", "дочка",
     "внук", "онук", "внучка", "онука", "мама", "муж", "чоловік"]
)  # fmt: skip


def _family(toks: list[str]) -> set[str]:
    """ "маю 3 дітей", "имею ребенка-инвалида": the family a writer has, no offer."""
    out = set()
    for i, tok in enumerate(toks[:-1]):
        counted = toks[i + 1].isdigit() or bool(set(lemmas(toks[i + 1])) & NUMBER_WORDS.keys())
        after = toks[i + 2] if counted and i + 2 < len(toks) else toks[i + 1]
        if set(lemmas(after.split("-")[0])) & _FAMILY:  # "дитину-інваліда" too
            out.add(tok)
    return out


def _asked(toks: list[str], signals: dict[str, frozenset[str]]) -> set[str]:
    """Offer words in a question for a giver: "может кто отдаст?"."""
    offered = signals["offer"] | signals["give"]
    return {
        tok for k, tok in enumerate(toks) if tok in offered and set(toks[max(0, k - 2) : k]) & _WHO
    }


#: "Может кто отдаст?", "хто може віддати": a question for a giver, no offer.
_WHO = frozenset({"кто", "хто", "кто-нибудь", "хтось", "кто-то"})


def _collects(toks: list[str], signals: dict[str, frozenset[str]]) -> set[str]:
    """Offer words the writer's own errand follows ("можу забрати сам": the writer
    would collect, not give)."""
    return {
        tok
        for i, tok in enumerate(toks)
        if tok in signals["offer"] and set(toks[i + 1 : i + 3]) & signals["pickup"]
    }


#: "С Новым Годом", "з Різдвом": a greeting.
_GREETING = re.compile(
    r"\b(?:с|з|со) (?:новым годом|новим роком|рождеством|різдвом|праздник\w*|свят\w*)\b"
)
#: "у меня есть", "в нас є", "хотим помочь": the writer has something to give,
#: after a thank-you too.
_HAS = re.compile(
    r"\b(?:у|в) (?:меня|нас|мене) (?:есть|є)\b"
    r"|\b(?:хочу|хотим|хочемо|хотіли|хотели) (?:(?:тоже|теж|також|и|і|сами|сама|сам|самі) )?"
    r"(?:помочь|допомогти)\b"
)


#: A question to the call-center whether it has, or can give, what the writer lacks.
_ASKS_YOU = re.compile(
    r"\b(?:есть ли у вас|чи є у вас|є у вас\b.*\?|можете ли (?:вы )?помочь|"
    r"чи можете (?:ви )?допомогти|не могли бы вы помочь)"
)
#: "можете ли вы привезти нам уголь?": something brought to the writer; its verb
#: offers nothing.
_BRING_US = re.compile(
    r"\b(?:можете ли|не могли бы|чи можете|чи не могли б)(?: вы| ви)? (\w+) (?:нам|мне|мені)\b"
)


def _errand(toks: list[str], signals: dict[str, frozenset[str]]) -> bool:
    """ "можете ли вы помочь вывезти шкаф?": the donor's errand, not a plea."""
    return bool(set(toks) & signals["errand"])


def _has(toks: list[str]) -> bool:
    return bool(_HAS.search(" ".join(toks)))


#: Offer words that say only what the writer is able or ready to do.
_ABLE = frozenset(
    [
        "могу",
        "можу",
        "можем",
        "можемо",
        "могли",
        "змогли",
        "готов",
        "готова",
        "готові",
        "готовы",
        "маю",
        "имею",
    ]
)


def _pleads(toks: list[str], signals: dict[str, frozenset[str]]) -> bool:
    """A request that says who asks ("ищу", "просит ліки"), unless it is the donor's
    errand ("просит забрать", "просят передать другим")."""
    errand = signals["errand"] | signals["give"]
    return any(not after & errand for after in _after_own_requests(toks, signals))


_WORK = frozenset({"работа", "работу", "робота", "роботу", "работы", "роботи"})


def _seeks_work(toks: list[str], signals: dict[str, frozenset[str]]) -> bool:
    """ "ищу работу грузчика", "нужна работа мужу": the writer looks for work."""
    asked = signals["request"] | signals["own_request"]
    return any(tok in _WORK and i and toks[i - 1] in asked for i, tok in enumerate(toks))


def _asks_to_collect(toks: list[str], signals: dict[str, frozenset[str]]) -> bool:
    """ "просит забрать", "прошу вывезти": the writer asks for things to be taken."""
    return any(after & signals["errand"] for after in _after_own_requests(toks, signals))


def _after_own_requests(toks: list[str], signals: dict[str, frozenset[str]]) -> list[set[str]]:
    """The two words after each word that says who asks ("просит забрать")."""
    return [set(toks[i + 1 : i + 3]) for i, tok in enumerate(toks) if tok in signals["own_request"]]


def _opens_with_request(toks: list[str], signals: dict[str, frozenset[str]]) -> bool:
    """ "СРОЧНО НУЖНЫ ПАМПЕРСЫ", "Потрібна коляска": a row that opens with a request,
    unless the donor's errand follows it ("нужно вывезти шкаф") or it is the donor's
    question ("нужны ли вам вещи?")."""
    words = [tok for tok in toks if tok not in signals["lead_in"]]
    if not words or words[0] not in signals["request"]:
        return False
    return not set(words[1:3]) & signals["errand"] and words[1:2] != ["ли"]


_COUNTS = re.compile(r"(?<![\d.,:])\d{1,4}(?![\d.,:])")
#: A greeting that opens a message ("Вітаю з Канади!").
_HELLO = frozenset({"вітаю", "вітаємо"})
#: Receiving: the thanks of someone helped.
_RECEIVED = frozenset({"получила", "получили", "получил", "отримала", "отримали", "отримав",
                       "привезли", "дали", "выдали", "видали"})  # fmt: skip
#: Counts with their unit ("12 кг", "35 шт", "12 з одягом"), not ages or sizes.
_UNIT_COUNTS = re.compile(
    r"(?<![\d.,:])\d{1,4}\s*(?:шт|кг|пар|пач|уп|короб|мішк|мешк|банк|банок|комплект|набор"
    r"|набір|ящик|пакет|[зс]\s)"
)


def junk_code(texts: Iterable[str], *, things: bool) -> str | None:
    """Why a row's free text is not a real offer or need, as a problem code; None if it is.

    `things` says whether anything offered or needed was recognized in it.
    """
    cells = [t for t in texts if t and t.strip()]
    if not cells:
        return None
    if all(looks_like_formula(t) or _SYMBOLS_ONLY.match(t) for t in cells) and not things:
        return "formula_row"
    if not things and not any(ch.isalpha() for cell in cells for ch in cell):
        return "test_row"  # "1" in every cell: no word at all, the form tried out
    if _SHEET_FORMULA.match(cells[-1]):
        return "formula_row"  # ticked boxes, then a formula where the details go
    if all(_repeated(t) for t in cells) or (len(cells) > 1 and _repeated(cells[-1])):
        return "mash_row"
    folded = fold(_QUOTED.sub(" ", " ".join(cells)))  # «Можем – поможем!» is a name
    toks = tokens(folded)
    signals = attributes().signals
    # "nam nuzhna pomosh": signal words typed in Latin letters too
    cyrillic = [translit(t) for t in toks]
    words = _signal_words(toks) | (_signal_words(cyrillic) if cyrillic != toks else set())
    words -= _others_need(toks, signals) | _where_to_send(toks, signals)
    by_cell = [tokens(fold(cell)) for cell in cells]
    details = by_cell[-1]
    if any(len(cell) <= 8 and _test_words().search(" ".join(cell)) for cell in (toks, details)):
        return "test_row"  # in the details alone too: boxes ticked to try the form
    collects = _collects(toks, signals)
    asked = _asked(toks, signals)  # "может кто отдаст?" offers nothing
    offering = _offer_words(words, toks, signals) - collects - asked
    brought = _BRING_US.search(folded)
    if brought:
        offering.discard(brought.group(1))
    offers = bool(offering)
    # A long answer that names things is an offer told at length, whatever else it says.
    told = things and len(toks) > LONG_ANSWER_TOKENS
    # "нужна куртка, можем забрать сами": a request, and the writer would collect
    asks = words & signals["request"] and (words & signals["self"] or collects) and not offers
    opens = any(_opens_with_request(cell, signals) for cell in by_cell) and not offers
    # "нужна кровать. Кто может отдать?" ("пряжу якщо хтось передасть" asks for less)
    seeks = bool(asked and words & signals["request"]) and not offers
    # "Нужны 2 разнорабочих на склад, оплата ежедневно": an employer asks for workers
    hires = bool(set(toks) & signals["hiring"]) and not _seeks_work(toks, signals)
    # "отдаёт уголь, машину просит нашу": what the donor asks for beside a gift
    # ("ищем жилье, можем помогать по хозяйству" still pleads)
    gives = offering - _ABLE - signals["free"] - signals["give"]
    pleads = _pleads(toks, signals) and not (gives and things)
    # "цукерки 12 кг, мандарини 20 кг, іграшки 35 шт. Потрібно щоб хтось забрав":
    # a list of things counted, and a word on how they will travel
    counted_list = things and len(_UNIT_COUNTS.findall(folded)) >= 3
    if (asks or opens or seeks or pleads) and not told and not hires and not counted_list:
        return "help_request"
    # a long plea that names what the family lacks and offers nothing
    if told and words & signals["plea"] and not offers and not collects:
        return "help_request"
    ads = words & signals["ad"]
    # "пишите в вайбер" beside things offered is how to reach the donor
    selling = len(ads) >= 2 and bool(ads - signals["contact"])
    if ads and (
        foreign_links(" ".join(cells))
        or (not offering - signals["free"] and not told and (selling or not things))
    ):
        return "ad_row"
    # "Вітаю з Канади! Відправили 15 коробок": a hello, no thanks
    hello = any(cell[:1] and cell[0] in _HELLO for cell in by_cell)
    thanks = signals["thanks"] - (_HELLO if hello else set())
    opens_with_thanks = bool(set(toks[:6]) & thanks)  # long thanks, nothing offered
    # "получили квартиру, вещей лишних много... просит забрать": things to collect
    collected = things and _asks_to_collect(toks, signals)
    # "КОМБИНЕЗОНЫ 2 ШТ И ПАЛЬТО ... СПАСИБО ВАМ ЗА РАБОТУ": things counted, then thanks
    # for the work, nothing received
    closing = things and not opens_with_thanks and bool(_UNIT_COUNTS.search(folded))
    closing = closing and not set(toks) & _RECEIVED
    thanked = words & thanks and not offers and not _has(toks) and not collected and not closing
    # "зібрали: одяг 7 мішків, набори 20 шт, ковдри 10. ... дякуємо всім": a list first
    listed = things and not opens_with_thanks and len(_COUNTS.findall(folded)) >= 3
    if thanked and not listed and (not told or opens_with_thanks):
        return "thanks_row"
    # "а де можна отримати допомогу?": a question about where to get help
    if not things and "?" in " ".join(cells) and words & signals["request"] and not offers:
        return "help_request"
    # "Есть ли у вас зимние куртки? Очень нужно", "Можете ли вы помочь с инсулином?"
    if (_ASKS_YOU.search(folded) or brought) and not offers and not _errand(toks, signals):
        return "help_request"
    if not things and _GREETING.search(folded):
        return "thanks_row"  # "С Новым Годом всех!!!": a greeting, no need
    if not things and _mash(toks):
        return "mash_row"
    garbage = (len(details) <= 2 and _mash(details)) or _all_mash(details)
    # "ы": a lone letter or two where the details go
    garbage = garbage or (
        len(details) == 1
        and len(details[0]) <= 2
        and details[0].isalpha()
        and details[0] not in _YES  # "є": there is
    )
    if details and garbage and not hits_in(fold(cells[-1])):
        return "mash_row"  # ticked boxes, then garbage where the details go
    return None


def offers_in(text: str) -> bool:
    """Whether a text says the writer gives ("отдадим", "можу передати")."""
    toks = tokens(fold(text))
    signals = attributes().signals
    return bool(_offer_words(_signal_words(toks), toks, signals) - _asked(toks, signals))


def still_asks(item: str, quantity: str = "") -> bool:
    """ "получили 3 из 5, нужно ещё 2", "обогреватели — ещё 3, спасибо", "куртки (вже
    отримали 6 з 15) | ще 9": a need row that thanks and asks for more."""
    folded = fold(item)
    requested = _signal_words(tokens(folded)) & attributes().signals["request"]
    return bool(requested) or more_asked(folded) or more_asked(fold(quantity))


def notice_kind(item: str) -> str:
    """ "notice" for "ВАЖНО! Принимаем только чистые вещи", "note" for a row that
    calls the sheet's own people ("ВСЕМ: склад закрыт"), "heading" for "ДЛЯ
    МНОГОДЕТНЫХ:" (a note or a heading when it names nothing), "" for anything
    else. A request word makes it a need."""
    signals = attributes().signals
    toks = tokens(fold(item))
    if not toks or set(toks) & signals["request"]:
        return ""
    if toks[0] in signals["notice"] or _told_not_to(toks):
        return "notice"
    if _addressed(item, signals):
        return "note"  # a need when it names things: "Девочки, ... по 2 простыни на кровать"
    return "heading" if item.rstrip().endswith(":") else ""


#: The first word of a row and the comma, colon or "!" after it.
_OPENING_WORD = re.compile(r"^\W*(\w+)\s*[,:!]")


def _told_not_to(toks: list[str]) -> bool:
    """ "НЕ ЗВОНИТЕ в интернат после 20:00", "Оля, не ставь сюда памперсы": the sheet's
    own people told what not to do, not a need."""
    return any(
        toks[k] == "не" and is_told_to(toks[k + 1]) for k in range(min(len(toks) - 1, _OPENING))
    )


#: How far into a row an instruction still opens it ("Оля, не ставь").
_OPENING = 3


def _addressed(item: str, signals: dict[str, frozenset[str]]) -> bool:
    """ "ВСЕМ: склад закрыт", "Ребята, кто едет в Лисичанск": a row that opens by
    calling the sheet's own people."""
    opening = _OPENING_WORD.match(fold(item))
    word = opening.group(1) if opening else ""
    return bool(word) and (word in signals["addressee"] or is_first_name(word))


@cache
def _closed_pattern() -> re.Pattern[str]:
    return _standing_alone(attributes().signals["closed"])


def closed_need(*cells: str) -> bool:
    """True when a need row says it is met or no longer wanted ("одеяла — ВЫПОЛНЕНО",
    "вещи уже привезли, больше не надо"), unless it goes on to ask for something
    else ("Телевизор уже не нужен, нужен DVD плеер")."""
    return any(cell and _closed_only(fold(cell)) for cell in cells)


def _closed_only(folded: str) -> bool:
    closed = _closed_pattern().search(folded)
    if closed is None or _IN_PART.match(folded, closed.end()):
        return False  # "закрыто частично — осталось 800 кг": still open
    if _STILL_OPEN.search(folded[: closed.start()]):
        return False  # "ИПП - ещё 150, жгуты - закрыто": one part still asked for
    after = folded[closed.end() :]
    if _INSTEAD.search(after) and hits_in(after):
        return False  # "зимние сапоги уже не надо!! теперь резиновые сапожки"
    return not still_asks(after)


#: "теперь", "натомість": what the row asks for instead of what it no longer needs.
_INSTEAD = re.compile(r"(?<!\w)(?:теперь|тепер|зато|зате|натомість|вместо|замість)(?!\w)")
_IN_PART = re.compile(r"\W*(?:частично|частково|наполовину)")
_STILL_OPEN = re.compile(r"(?<!\w)(?:еще|ще|остаток|осталось|залишилось|залишок)(?!\w)")


#: A cell with one of these makes its row a total row.
_TOTALS = frozenset({"итого", "всього", "разом", "всего", "итог"})
#: Dates, phones and numbers: no letter in them, nor in what they fold to.
_LETTERLESS = re.compile(r"[0-9\s.,:;/()+\-]*")


@cache
def _header_words_have_letters() -> bool:
    return all(any(ch.isalpha() for ch in word) for word in attributes().signals["header"])


def total_heading(cell: str) -> str:
    """header_cell for the item cell, where a total also heads a longer text
    ("Всего по декабрю", "Итого за месяц")."""
    kind = header_cell(cell)
    if kind or not cell or _LETTERLESS.fullmatch(cell):
        return kind
    first = fold(cell).strip().split(" ", 1)[0].strip(" :.")
    return "total" if first in _TOTALS else ""


def header_cell(cell: str) -> str:
    """What a cell says of its row: "total" (a total row, "ИТОГО"), "header" (a header
    word: a row with two is a header pasted again inside a sheet), or ""."""
    if not (cell and cell.strip()):
        return ""
    if _LETTERLESS.fullmatch(cell) and _header_words_have_letters():
        return ""  # skips folding a sheet's worth of distinct dates and phones
    folded = fold(cell).strip(" :.")
    if folded in _TOTALS:
        return "total"
    return "header" if folded in attributes().signals["header"] else ""
