"""Yes/no answers ("Да", "так, можу", "нет машины") and urgency ("Очень срочно!!!", "3")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Literal, cast

from dateutil.easter import EASTER_ORTHODOX, easter
from rapidfuzz import process
from rapidfuzz.distance import OSA

from matcher import vocab
from matcher.model import Urgency
from matcher.text import fold, tokens

_PUNCT = re.compile(r"[^\w\s'+?-]+")
YesNo = Literal["yes", "no", "unknown"]


@dataclass(frozen=True, slots=True)
class AnswerTable:
    phrases: dict[str, str]
    words: dict[str, str]


def _table(section: str, allowed: tuple[str, ...]) -> AnswerTable:
    where = f"answers.yaml: {section}"
    raw = vocab.require_mapping(vocab.load_yaml("answers.yaml"), "answers.yaml")
    spec = vocab.require_mapping(raw.get(section), where)
    phrases = vocab.folded_synonyms(spec.get("phrases"), f"{where}.phrases")
    words = vocab.folded_synonyms(spec.get("words"), f"{where}.words")
    bad = (set(phrases.values()) | set(words.values())) - set(allowed)
    if bad:
        raise vocab.VocabularyError(f"{where}: unknown keys {sorted(bad)}; use {allowed}")
    return AnswerTable(phrases, words)


@cache
def yes_no_table() -> AnswerTable:
    return _table("yes_no", ("yes", "no", "unknown"))


@cache
def urgency_table() -> AnswerTable:
    return _table("urgency", ("high", "normal", "low"))


def _key(raw: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(raw)).split()).strip("' ")


def _decide(raw: str, table: AnswerTable) -> str | None:
    key = _key(raw)
    if not key:
        return None
    if key in table.phrases:
        return table.phrases[key]
    stripped = key.strip("+?- ")
    if stripped in table.phrases:
        return table.phrases[stripped]
    for token in tokens(key):
        if token in table.words:
            return table.words[token]
    return None


@lru_cache(maxsize=10_000)
def parse_yes_no(raw: str) -> tuple[bool | None, bool]:
    """(answer, understood). Empty -> (None, True); unreadable -> (None, False)."""
    if not _key(raw or ""):
        return None, True
    decided = _decide(raw, yes_no_table())
    if decided is None:
        return None, False
    return {"yes": True, "no": False}.get(decided), True


def _phrase_inside(key: str, table: AnswerTable, skip: frozenset[str] = frozenset()) -> str | None:
    """The level of the longest phrase found inside a longer answer
    ("нужно, но не срочно" -> low: "не срочно" is longer than "срочно")."""
    best: tuple[int, str] | None = None
    for phrase, level in table.phrases.items():
        if phrase in skip:
            continue
        longer = best is None or len(phrase) > best[0]
        if longer and len(phrase) > 2 and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", key):
            best = (len(phrase), level)
    return best[1] if best else None


#: Marks that say "urgent" with no words: "!!", fire, alarms, SOS, tears.
_URGENT_MARKS = ("!!", "🔥", "❗", "‼", "🆘", "🚨", "⚠", "😭")


def marked_urgent(raw: str) -> bool:
    return any(mark in raw for mark in _URGENT_MARKS)


#: Why a need cannot wait, told instead of "срочно": frost and cold, shelling and
#: the wounded, evacuation, nothing left, no light or water, people on the floor,
#: new arrivals, a room at +8 or a frost of -18.
_HARDSHIP = re.compile(
    r"мороз|холод|мерзн|замерз|обстр|ранен|эваку|евак|бомб|снаряд|подвал|підвал"
    r"|нечем|нічим|нема чим|нечего|нічого|закінч|заканч|законч|скінч|голод"
    r"|(?:нет|немає|нема|без)\s+(?:света|світла|воды|води|газа|газу)"
    r"|(?:света|світла) (?:нет|немає|нема)"
    r"|на полу|на підлозі|на вокзал|прибул|приехал|привезли|в тапк|в кросівк|в кроссовк"
    r"|в осінн|в осенн|в летн|в літн|хворіють|болеют|бронхит|перебит|розбит|разбит"
    r"|(?<!\w)тече(?!\w)|течет|(?<![\w-])[+-]\d{1,2}(?!\d)(?!\s*(?:шт|кг|л|уп|пар))"
)
#: A letter typed three times or more for stress.
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")


#: Where one sentence of an answer ends: "срочно нужны коляски! остальное подождет".
_SENTENCE_END = re.compile(r"[.!?;]+")


@lru_cache(maxsize=10_000)
def parse_urgency(raw: str) -> tuple[Urgency, bool]:
    """(urgency, understood). Empty -> ("normal", True). An answer of several
    sentences is urgent when one of them is."""
    sentences = [s for s in _SENTENCE_END.split(raw or "") if _key(s)]
    if len(sentences) > 1 and any(parse_urgency(s) == ("high", True) for s in sentences):
        return "high", True
    key = _key(raw or "")
    if not key:
        return ("high" if marked_urgent(raw or "") else "normal"), True
    table = urgency_table()
    # "светла нет": a bare "нет" answers the question only when it is the whole answer
    inside = _phrase_inside(key, table, skip=_ANSWERS_ONLY)
    decided = table.phrases.get(key) or inside or _decide(raw, table)
    if decided is None and marked_urgent(raw or ""):
        decided = "high"
    if decided is None:
        toks = tokens(key)
        # "не очень срочно", "не дуже терміново": a negated urgent word is low
        for i, token in enumerate(toks):
            if table.words.get(token) == "high" and "не" in toks[max(0, i - 2) : i]:
                decided = "low"
                break
    if decided is None and _STRETCHED.search(key):
        return parse_urgency(_STRETCHED.sub(r"\1", key))  # "срочнооо", "дуууже треба"
    if decided is None:
        decided = _typo_of(key, table)
    if decided is None and _HARDSHIP.search(key):
        decided = "high"  # "люди спят на полу", "в спортзале +8", "після обстрілу"
    if decided is None:
        return "normal", False
    return cast(Urgency, decided), True


def _typo_of(key: str, table: AnswerTable) -> str | None:
    """ "срочо", "строчно", "не сочно", "срочон": one slip (or two letters swapped)
    from a phrase we know."""
    if len(key) < 5:
        return None
    found = process.extractOne(key, table.phrases.keys(), scorer=OSA.distance,
                               score_cutoff=1)  # fmt: skip
    return table.phrases[found[0]] if found else None


#: How often, by when or what for ("постоянно нужно", "каждую неделю", "к Рождеству",
#: "щоб працював пункт обігріву"): said instead of an urgency, never a hardship.
_NOT_A_SITUATION = re.compile(
    r"^(?:к|ко|до|в|у|на|по|с|з|із|после|після|через|перед|протягом|в течени\w*"
    r"|бажано|желательно|можна|можно|щоб|чтоб\w*|для)\b"
    r"|(?<!\w)(?:нужн\w*|надо|треба|потрібн\w*|хоть|хоч|повторно)(?!\w)"
    r"|постоян|постій|кажд|кожн|щод|щотиж|щоміс|ежед|ежемес|еженед|регуляр|всегда|завжди"
    r"|круглосуточ|цілодоб|\d"
)


def situation_told(raw: str) -> bool:
    """ "воду отключили", "діти сидять в куртках": an urgency cell not understood
    that tells, in a few words, why the need cannot wait."""
    key = _key(raw or "")
    return len(tokens(key)) >= 2 and not _NOT_A_SITUATION.search(key)


_DEADLINE = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?(?!\d)")
#: Days to a deadline typed as a date ("до 20.02"): this soon is urgent, this
#: far can wait.
URGENT_WITHIN_DAYS, LOW_AFTER_DAYS = 7, 31


@dataclass(frozen=True, slots=True)
class MonthWords:
    months: dict[str, int]
    end: frozenset[str]
    middle: frozenset[str]
    #: Word of a holiday -> (day, month).
    holidays: dict[str, tuple[int, int]]
    weekdays: frozenset[str]


@cache
def month_words() -> MonthWords:
    where = "answers.yaml: months"
    raw = vocab.require_mapping(vocab.load_yaml("answers.yaml"), "answers.yaml")
    table = vocab.folded_synonyms(raw.get("months"), where)
    months = {word: int(number) for word, number in table.items()}
    if set(months.values()) != set(range(1, 13)):
        raise vocab.VocabularyError(f"{where}: every month 1-12 needs its words")

    def words(key: str) -> frozenset[str]:
        return frozenset(vocab.require_folded(vocab.require_strings(raw.get(key), key), key))

    holidays: dict[str, tuple[int, int]] = {}
    for word, day_month in vocab.folded_synonyms(raw.get("holidays"), where).items():
        if day_month.startswith("easter"):  # "easter", "easter-49": days from Easter
            holidays[word] = (EASTER_DAY, int(day_month[len("easter") :] or 0))
            continue
        day, month = (int(part) for part in day_month.split("."))
        holidays[word] = (day, month)
    return MonthWords(
        months, words("month_end"), words("month_middle"), holidays, words("weekdays")
    )


#: A holiday's day that says it moves with Orthodox Easter: its "month" is then the
#: days from Easter ("Прощёное воскресенье" is 49 days before).
EASTER_DAY = 0


def _day_in(year: int, day: int, month: int) -> date:
    if day == EASTER_DAY:
        return easter(year, EASTER_ORTHODOX) + timedelta(days=month)
    return date(year, month, day)


#: February's end in a common year: in a leap year the deadline falls a day early.
_ANY_COMMON_YEAR = 2015


def _month_deadline(toks: list[str]) -> tuple[int, int] | None:
    """(day, month) of "до конца февраля", "к 1 сентября", "до середины марта"."""
    words = month_words()
    for i, token in enumerate(toks):
        month = words.months.get(token)
        if month is None:
            continue
        before = toks[i - 1] if i else ""
        if before.isdigit() and 1 <= int(before) <= 31:
            return int(before), month
        if before in words.end:
            return calendar.monthrange(_ANY_COMMON_YEAR, month)[1], month
        return (15 if before in words.middle else 1), month
    for i, token in enumerate(toks):  # "до Нового року", "к Николаю"
        if token not in words.holidays or (i and toks[i - 1] in _OLD_STYLE):
            continue  # ("к Старому Новому году" is another day)
        if set(toks[max(0, i - 2) : i]) & (_BY | _AFTER):
            return words.holidays[token]
    return None


def _after_holiday(toks: list[str]) -> bool:
    """ "можна після Великодня": wanted from a holiday still to come."""
    holidays = month_words().holidays
    return any(t in holidays and set(toks[max(0, i - 2) : i]) & _AFTER for i, t in enumerate(toks))


#: Words that open a deadline: "до пятниці", "к Новому году".
_BY = frozenset({"до", "к", "ко"})
_OLD_STYLE = frozenset({"старому", "старого", "старий", "старый"})
_AFTER = frozenset({"после", "після"})


def _by_weekday(toks: list[str]) -> bool:
    """ "до пятниці", "к понедельнику", "в субботу", "на выходные": a deadline at
    most a week away."""
    weekdays = month_words().weekdays
    for i, t in enumerate(toks):
        if t not in weekdays or i == 0:
            continue
        if toks[i - 1] in _BY:
            return True
        # "в субботу" is when it is wanted; "можно в понедельник" is when it may come
        if toks[i - 1] in _ON and not set(toks[max(0, i - 3) : i - 1]) & _MAY:
            return True
    return False


#: "можно в понедельник": a day it may come, no deadline.
_MAY = frozenset({"можно", "можна", "хоть", "или", "або", "после", "після"})
#: Words before a day of the week it is wanted on: "в субботу", "на выходные".
_ON = frozenset({"в", "во", "на", "у"})
#: "до 10 числа": a day of this month, or of the next once it has passed.
_DAY_OF_MONTH = re.compile(r"(?:до|к|ко)\s+(\d{1,2})\s*(?:-?го\s+)?(?:числа|число)\b", re.I)


#: "после 1 марта", "не раньше 10.01": a day from which the thing is wanted.
_NOT_BEFORE = re.compile(r"\s*(?:после|після|не раньше|не раніше)\b")


def deadline_urgency(raw: str, submitted: datetime | None) -> Urgency | None:
    """Urgency of a deadline in the urgency cell ("до 20.02", "до конца февраля"),
    counted from the row's date."""
    if submitted is None:
        return None
    toks = tokens(fold(raw or ""))
    if _by_weekday(toks):
        return "high"
    found = _DEADLINE.search(raw or "")
    named = None if found else _month_deadline(toks)
    of_month = None if found or named else _DAY_OF_MONTH.search(raw or "")
    if found:
        day, month = int(found.group(1)), int(found.group(2))
    elif named:
        day, month = named
    elif of_month:
        day = int(of_month.group(1))
        month = submitted.month if day >= submitted.day else submitted.month % 12 + 1
    else:
        return None
    try:
        due = _day_in(submitted.year, day, month)
        if due < submitted.date():  # "до 20.02" written in December
            due = _day_in(submitted.year + 1, day, month)
    except ValueError:
        return None
    days = (due - submitted.date()).days
    if _NOT_BEFORE.match(fold(raw)) or _after_holiday(toks):
        return "low"  # "после 15 февраля": wanted from a day still to come
    if days <= URGENT_WITHIN_DAYS:
        return "high"
    return "low" if days > LOW_AFTER_DAYS else "normal"


@lru_cache(maxsize=10_000)
def urgency_in_text(text: str) -> Urgency | None:
    """Urgency written in an item's own text ("СРОЧНО: памперсы"), or None."""
    key = _key(text or "")
    if not key:
        return None
    decided = _phrase_inside(key, urgency_table(), skip=_NOT_IN_ITEMS)
    if decided is None:
        return None
    return cast(Urgency, decided)


#: Words that answer the urgency question alone ("Срочность: нет") but say nothing
#: of it inside an item ("Плита электрическая (газа нет)").
_ANSWERS_ONLY = frozenset({"нет", "ні", "нема", "немає", "no", "да", "так", "yes"})
#: ... and "now" inside an item tells what is, not how soon ("у нас сейчас 25 человек").
_NOT_IN_ITEMS = _ANSWERS_ONLY | {"сейчас", "зараз"}
