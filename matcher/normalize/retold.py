"""What the writer meant when the text says it twice or takes a count back.

Donors paste their answer twice, correct a count as they type ("куртки 4 шт,
ой ні, 3") and mention what is already gone ("10 вже забрали в школу"). Read
as typed, each adds counts that do not exist. `as_meant` rewrites the text so
that each thing is counted once, with the count the writer settled on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.normalize.morph import lemmas
from matcher.normalize.quantities import quantity_vocabulary

_SPACE = re.compile(r"\s+")
_WORD_NUMBER = (
    r"(?:одн[аиуео]|один|два|две|дві|три|чотири|четыре|пять|п'ять|шесть|шість|сім|семь"
    r"|вісім|восемь|дев'ять|девять|десять)"
)
_NUMBER = rf"(?:\d{{1,5}}|{_WORD_NUMBER})"
#: Words that open a correction: "ой", "ні, помилилась", "вернее", "перезвонила".
_MARKER = (
    r"(?:ой|упс|ні|нет|нi|не(?=\s*,)|хотя\s+нет|хоча\s+ні|вибачте|извините|пардон|сорри"
    r"|вернее|вірніше|точнее|точніше|поправка|виправлення|исправление"
    r"|помилилась|помилилася|помилився|ошиблась|ошибся|перезвонила|перезвонил"
    r"|передзвонила|передзвонив|посчитала|посчитал|пересчитала|пересчитал|порахувала"
    r"|порахував|перерахувала|перерахував)"
)
#: "ой не 2 а 1 шкаф", "вещей не 6 а 4 пакета": the first number was wrong.
_NOT_BUT = re.compile(rf"\bне\s+({_NUMBER})\s*,?\s+а\s+({_NUMBER})\b", re.IGNORECASE)
#: "одеял 2 а не 3": the count said first is the right one.
_BUT_NOT = re.compile(rf"\b({_NUMBER})(\s*,?\s+а\s+не\s+{_NUMBER})\b", re.IGNORECASE)
#: "ой ні, 3", "Ой, буряка 3 мішки", "ні, помилилась — 2 ковдри", "вернее один":
#: the marker, at most two words, then the count meant.
_TAKEN_BACK = re.compile(
    rf"(?<![\w'])({_MARKER})(?![\w'])[\s,:—–-]*(?:[^\W\d_][\w'-]*[\s,:—–-]+){{0,2}}?"
    rf"({_NUMBER})(?![\w'])",
    re.IGNORECASE,
)
#: "10 вже забрали в школу", "две дочка не отдала", "одна побита": counted once,
#: then given elsewhere, kept or broken; the clause says nothing more is given.
_GONE = re.compile(
    rf"(?<![\w'])({_NUMBER})(?:\s+[^\W\d_][\w'-]*)??\s+(?:(?:(?:уже|вже)\s+)?(?:отдал[аи]?"
    r"|віддал[аи]?|віддав|забрал[аи]?|забрав|продал[аи]?|продав|раздал[аи]?|роздал[аи]?"
    r"|роздав|потерял[аи]?|загубил[аи]?|загубив|(?:оставлю|залишу)(?=\s*(?:[.,;!?]|$)))"
    r"|не\s+(?:отдал[аи]?|віддал[аи]?|віддав)|(?:побит|розбит|разбит|прострочен"
    r"|просрочен|разбил|розбил|порван|сломан|зламан)\w*)(?![\w'])(?:(?!\s(?:и|і|та|й)\s)[^,.;!?\n()])*",
    re.IGNORECASE,
)
#: "уже отдали", "вже забрали": given or taken already.
_ALREADY_GONE = r"(?:уже|вже)\s+(?:отдал\w*|віддал\w*|віддав|забрал\w*|забрав)"
#: "Торік давав 10 банок", "вже давала в жовтні 5 мішків", "На прошлой неделе
#: приносила 2 сумки": what was given before, not now.
_GAVE_BEFORE = (
    r"(?:уже|вже|торік|раньше|раніше|прошл\w+\s+\w+|минул\w+\s+\w+)\s+(?:\w+\s+){0,2}?"
    r"(?:давал|давав|передавал|передав|отдавал|віддавав|приносил|приносив|привозил|привозив)\w*"
)
#: "хотя нет, стулья уже забрали", "передумали": something listed is no longer given.
_WITHDRAWN = re.compile(
    rf"(?<![\w'])(?:хотя\s+нет|хоча\s+ні|передумал\w*|не\s+отда[её]м|не\s+віддаємо"
    rf"|{_ALREADY_GONE})(?![\w'])",
    re.IGNORECASE,
)
#: "... Только шкаф", "Є тільки 2 стільці і табуретка": the last sentence says what is
#: left to give.
_ONLY_LEFT = re.compile(
    r"(?:^|[.,;!?]\s*)(?:а\s+|є\s+|есть\s+)?(?:только|тільки|лише)\s+"
    r"(?!(?:для|по|в|у|на|самовывоз|самовивіз|сам|зараз|сейчас)(?![\w']))([^.;!?\n]+)[.!\s]*$",
    re.IGNORECASE,
)
_EMPTY_CLAUSES = re.compile(r"\s*[,.;](?:\s*([,.;]))+")  # the last mark stays
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_MARKERS = frozenset(re.findall(r"[^\W\d_|()?:]+", _MARKER))
#: What ends a clause: "Ковдри 3, ні, 2" holds two.
_CLAUSE_MARKS = ",.;!?\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_LAST_NUMBER = re.compile(rf"(?<![\w'.,])({_NUMBER})(?![\w'])", re.IGNORECASE)
_WORDS_AFTER = re.compile(r"(?:\s+(?!(?:і|и|та|й)\b)[^\W\d_][\w'-]*){0,2}")


@lru_cache(maxsize=50_000)
def as_meant(text: str) -> str:
    """The text with a doubled paste said once, corrections applied and counts of
    what is already gone left out. Text with none of these comes back as is."""
    if not text:
        return text
    kept = _without_withheld(_only_left(_left_over(said_once(text))))
    meant = _GONE.sub("", _taken_back(_not_but(kept)))
    return text if meant == text else _EMPTY_CLAUSES.sub(r"\1", meant)


#: "..., лишилось 5", "залишилось 4 пакети": what is left, after what is gone.
_LEFT = re.compile(
    rf"[\s,;—–-]*(?:а\s+)?(?:остал\w*|залишил\w*|лишил\w*)\s+({_NUMBER})(?![\w'])"
    r"(?:\s+[^\W\d_][\w'-]*)?",
    re.IGNORECASE,
)
#: "3 пакети вже віддала в церкву", "3 вже забрали": the clause right before it.
_GONE_BEFORE_LEFT = re.compile(
    rf"({_NUMBER})(\s+[^\W\d_][\w'-]*)?\s+(?:уже|вже)\s+[^\W\d_]+[^,.;!?\n]*$",
    re.IGNORECASE,
)


def _left_over(text: str) -> str:
    """ "книжки 8 шт — 3 вже забрали, лишилось 5", "Було 7 пакетів…, 3 пакети вже
    віддала, залишилось 4 пакети": what is left replaces the count first said (of
    the same word, when the gone count names one), and the rest of the story goes."""
    for left in _LEFT.finditer(text):
        head = text[: left.start()]
        gone = _GONE_BEFORE_LEFT.search(head)
        if gone is None:
            continue
        before = list(_LAST_NUMBER.finditer(head, 0, gone.start()))
        if gone.group(2):  # "3 пакети": the count of "пакетів" before it
            unit = _stems(gone.group(2))
            before = [n for n in before if unit & _stems(_words_after(head, n.end()))]
        if not before:
            continue
        first = before[-1]
        kept = text[first.end() : gone.start()].rstrip(" ,;—–-")
        return text[: first.start()] + left.group(1) + kept + text[left.end() :]
    return text


def _words_after(text: str, position: int) -> str:
    found = _WORDS_AFTER.match(text, position)
    return found.group() if found else ""


def said_once(text: str) -> str:
    """ "Шкаф, комод. Шкаф, комод.": an answer pasted twice is said once."""
    words = _SPACE.split(text.strip())
    half = len(words) // 2
    if len(words) < 4 or len(words) % 2 or words[:half] != words[half:]:
        return text
    return " ".join(words[:half])


def _only_left(text: str) -> str:
    """ "диван и 2 кресла. Кресла не отдаем, передумали, только диван": after taking
    something back, the writer's closing "только ..." is all that is given."""
    only = _ONLY_LEFT.search(text)
    if only is None or not _WITHDRAWN.search(text, 0, only.start()):
        return text
    return only.group(1)


#: "не предлагаю", "оставлю себе", "продала", "уже отдали соседям": a thing the
#: sentence names is not given.
_WITHHELD = re.compile(
    r"(?<![\w'])(?:не\s+(?:предлагаю|пропоную|отдаю|віддаю|отдам|віддам|отдаем|віддаємо)"
    r"|передумал\w*|(?:уже|вже)\s+(?:нету|нет|нема|немає)"
    r"|(?:помочь|допомогти|передать|передати|отдать|віддати)\s+не\s+(?:могу|можу|можем|можемо)"
    r"|не\s+(?:могу|можу|можем|можемо)\s+(?:помочь|допомогти|передать|передати|отдать|віддати)"
    r"|оставлю\s+себе|оставляю\s+себе|залишу\s+собі|залишаю\s+собі|продал[аи]?|продав"
    rf"|{_ALREADY_GONE}|(?P<before>{_GAVE_BEFORE}))(?![\w'])",
    re.IGNORECASE,
)
#: What still offers after such words: "..., а посуду могу отдать".
_STILL_OFFERS = re.compile(
    r"(?<![\w'])(?:есть|є|остал\w*|залиш\w*|могу|можу|можем|можемо|отдам|віддам|отдаем"
    r"|віддаємо|но|але|а)(?![\w'])|\d",
    re.IGNORECASE,
)
#: "Шафу віддам, а ... не віддам": the sentence gives something before it keeps back.
_GIVES = re.compile(
    r"(?<![\w'])(?:отдам|віддам|отдаю|віддаю|отдадим|віддамо|передам|подарю|могу|можу|можем"
    r"|можемо)(?![\w'])",
    re.IGNORECASE,
)
#: "второй уже отдали", "одну вже віддала": one of those counted, not the whole thing.
_ONE_OF_THEM = re.compile(
    rf"(?<![\w'])(?:{_WORD_NUMBER}|второй|другий|другу|остальн\w*|решт\w*)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: A sentence ends at a mark and a space, not inside "т.к." or "т. е.".
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:т\.\s?[кедп]|т\.\s?н|и\.\s?т\.\s?д|р|г|ул|вул|см)\.$")


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if out and _ABBREVIATION_END.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _without_withheld(text: str) -> str:
    """ "шкаф, кресло. Холодильник тоже есть но он сломан, не предлагаю": what the
    writer keeps back goes (`_kept_of`), when something else is left."""
    sentences = _sentences(text)
    if len(sentences) < 2 and "," not in text:
        return text
    kept = [_kept_of(sentence) for sentence in sentences]
    left = " ".join(k for k in kept if k).strip()
    return left if left and kept != sentences else text


def _kept_of(sentence: str) -> str:
    """The sentence without what it keeps back, clause by clause ("Одежду уже отдала,
    а обувь передумала"): "" when all of it goes."""
    kept = _kept_once(sentence)
    while kept and kept != sentence:
        sentence, kept = kept, _kept_once(kept)
    return kept


def _kept_once(sentence: str) -> str:
    """The sentence without the first thing it keeps back. One of several gone
    ("второй уже отдали") or a sentence that gives something first stays; a clause
    of its own goes whatever follows it, a whole sentence only when nothing after
    the refusal offers ("..., а посуду могу отдать")."""
    held = _WITHHELD.search(sentence)
    if held is None:
        return sentence
    before = sentence[: held.start()]
    if _ONE_OF_THEM.search(before) or _GIVES.search(before):
        return sentence
    part = _held_part(sentence, held)
    if part != sentence:
        return sentence.replace(part, "", 1)
    return sentence if _STILL_OFFERS.search(sentence, held.end()) else ""


def _held_part(sentence: str, held: re.Match[str]) -> str:
    """The clause that keeps a thing back when it names the thing itself ("кухонний
    гарнітур не віддаю") or tells what was given before ("Торік давав 10 банок");
    the whole sentence when the clause is only the refusal ("..., не предлагаю")."""
    start = _clause_opening(sentence, held.start())
    if sentence[start : held.start()].strip(" —–-").casefold() in _BUT and start:
        start = _clause_opening(sentence, start - 1)  # "диван, але передумала"
    if not sentence[start : held.start()].strip(" —–-") and not held.group("before"):
        return sentence
    ends = [at for mark in ",)" if (at := sentence.find(mark, held.end())) >= 0]
    return sentence[start : min(ends, default=len(sentence))]


def _clause_opening(sentence: str, end: int) -> int:
    """Where the clause that ends at `end` opens: after a comma, a colon or "("."""
    return max(sentence.rfind(mark, 0, end) for mark in ",:(") + 1


_BUT = frozenset({"але", "но", "а", "та", "однак", "однако"})


def _value(number: str) -> int | None:
    if number.isdigit():
        return int(number)
    return quantity_vocabulary().numbers.get(number.casefold())


def _not_but(text: str) -> str:
    """ "шкаф 2 шт, ой не 2 а 1 шкаф, второй уже отдали": the wrong count, typed
    earlier, becomes the right one; the correction's own clause goes. "одеял 2 а
    не 3": the wrong count after the right one goes."""
    text = _BUT_NOT.sub(r"\1", text)
    while found := _NOT_BUT.search(text):
        wrong, right = found.group(1), found.group(2)
        start, end = _clause_start(text, found.start()), _clause_end(text, found.end())
        earlier = [m for m in _LAST_NUMBER.finditer(text, 0, start) if m.group(1) == wrong]
        if not earlier:  # nothing to correct: the right count stays where it was said
            text = text[: found.start()] + right + text[found.end() :]
            continue
        last = earlier[-1]
        text = text[: last.start()] + right + text[last.end() : start] + text[end:]
    return text


def _taken_back(text: str) -> str:
    """ "Куртки дитячі 4 шт, ой ні, 3": the count just before the marker becomes
    the one after it; the correction itself goes."""
    position = 0
    while found := _TAKEN_BACK.search(text, position):
        marker, position = found.start(1), found.end()
        wrong = _count_before(text, marker, found)
        if wrong is None or _value(found.group(2)) is None:
            continue
        tail = _WORDS_AFTER.match(text, found.end())
        end = tail.end() if tail else found.end()
        right = found.group(2)
        if lead := _A_BEFORE.search(text[:marker].rstrip()):
            marker = lead.start()  # "а ні, 4" goes whole
        text = text[: wrong.start()] + right + text[wrong.end() : marker] + text[end:]
        position = marker
    return text


def _count_before(text: str, marker: int, found: re.Match[str]) -> re.Match[str] | None:
    """The count a marker takes back: the last one before it, with at most two
    words between ("картопля 30 мішків, ой"), one after "нет"/"ні"; or, when the
    correction names its thing ("Ой, буряка 3"), the last count of that thing."""
    head = _A_BEFORE.sub("", text[:marker].rstrip()).rstrip()  # "6 флаконів, а ні, 4"
    if not head:
        return None
    said_no = found.group(1).casefold() in _NO
    marked = head[-1] in ",.;!?(:—–-"
    if said_no and not marked and not _same_unit(text, found):
        return None  # "обуви нет, 3 куртки": a plain "нет" inside a clause
    counts = list(_LAST_NUMBER.finditer(head))
    words = text[found.end(1) : found.start(2)]
    named = _stems(words)
    if named:
        for count in reversed(counts):
            if named & _stems(_clause_around(head, count.start())):
                return count
    if not counts or not (marked or said_no or not _WORD.search(words)):
        return None  # "Куртки 3 шт ой какие красивые, 2 свитера": no correction
    between = _WORD.findall(head[counts[-1].end() :])
    if said_no:  # "посуд — ні, 2 ковдри": a "no", not a correction
        return counts[-1] if len(between) <= 1 and head[-1] not in ";!?(:—–-" else None
    return counts[-1] if len(between) <= 2 else None


_A_BEFORE = re.compile(r"(?:(?<=\s)|^)а$")
_NO = frozenset({"нет", "ні", "нi", "не"})


def _same_unit(text: str, found: re.Match[str]) -> bool:
    """ "книжки 10 штук нет 8 штук": a "no" with no mark before it corrects a count
    when the new count has the old one's word after it."""
    head = text[: found.start(1)].rstrip()
    before = _WORD.findall(head[-20:])
    after = _WORD.match(text[found.end() :].lstrip())
    return bool(
        before and after and _LAST_NUMBER.search(head[-25:]) and after.group() == before[-1]
    )


def _stems(text: str) -> set[str]:
    """Dictionary forms of the longer words: "чашок" and "чашки" are one thing."""
    out: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if len(word) > 3 and word not in _MARKERS:
            out.update(lemmas(word))
    return out


def _clause_around(text: str, position: int) -> str:
    return text[_clause_start(text, position) : _clause_end(text, position)]


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts (after the last delimiter)."""
    return max(text.rfind(mark, 0, max(position, 0)) for mark in _CLAUSE_MARKS) + 1


def _clause_end(text: str, position: int) -> int:
    found = _CLAUSE_END.search(text, position)
    return found.start() if found else len(text)
