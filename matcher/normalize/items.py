"""What a row offers or needs: one line per category, each with its own text,
count and item model (kinds, audience, season, size, unit).

"Одежда, Посуда" + "детская одежда 2 пакета, кастрюли" gives
clothing ("детская одежда 2 пакета", 2 bags, children) and kitchenware
("кастрюли", no count). A count binds to its own thing: "постельное бельё и
три сковородки" is kitchenware 3 and bedding with no count; counts of one
category add up: "3 пары ботинок и 2 пары сапог" is shoes 5.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from matcher.model import joined, split_joined, within
from matcher.normalize.asides import MONEY_WORDS, money_spent_on_things
from matcher.normalize.categories import (
    OTHER,
    Hit,
    denied_in,
    glued_things,
    hits_in,
    lemma_in,
    phrase_sense,
    rest_ticked_by_mistake,
    split_segments,
    token_lemmas,
    token_sense,
)
from matcher.normalize.circumstances import is_home_named, is_occasion, offers_a_roof
from matcher.normalize.garden import planted
from matcher.normalize.hit_filters import asks_for_itself, is_container, kept_hits
from matcher.normalize.lexicon import Sense, attributes, lexicon
from matcher.normalize.morph import (
    GLUED_RE,
    is_adjective,
    is_genitive_plural,
    is_instrumental,
    is_verb,
    number_of,
)
from matcher.normalize.numbers import (
    HOLDERS,
    MEDICINE_FORMS,
    PAIR_WORDS,
    SACKS,
    Count,
    named_forms,
    read_numbers,
    unit_named,
)
from matcher.normalize.per_person import (
    ONE_EACH_CATEGORIES,
    counts_only_people,
    heads_only,
    kits_for_people,
    per_head,
)
from matcher.normalize.per_size import per_size, sizes_asked, without_sizes
from matcher.normalize.quantities import Quantity
from matcher.normalize.retold import as_meant
from matcher.normalize.run_on import run_on_pieces
from matcher.normalize.still_missing import partly_met
from matcher.normalize.summaries import without_summaries
from matcher.text import TOKEN_RE, fold, tokens

#: Characters a spreadsheet would take for a formula; they prefix real text too.
_FORMULA_PREFIX = re.compile(r"^[\s=+\-@]+")
#: Measures that are per unit beside a holder (numbers.HOLDERS): "мешок сахара 50 кг".
_MEASURED = frozenset({"kg", "liters", "tons"})


@dataclass(frozen=True, slots=True)
class ItemLine:
    category: str
    item: str
    quantity: Quantity | None  # None: the text states no count
    kind: str = ""  # item kinds joined by "+", "" when only the category is named
    audience: str = ""
    season: str = ""
    size: str = ""
    unit: str = ""
    #: False when the quantity only counts things named one by one, none with a number.
    stated: bool = True
    #: True when the line comes from a ticked box alone, with no words of its own.
    from_label: bool = False
    #: How many things the text names for this line ("шкаф, сервант" is 2).
    things: int = 0
    #: What the holders counted hold, when every count is such a holder and says
    #: it: "сахар 2 мешка по 50 кг" is 2 bags holding 100 kg.
    content: Quantity | None = None
    content_unit: str = ""
    #: How many of each kind, when the line names several kinds each counted on its
    #: own: "buckwheat=10;formula=3;pasta=" (no count written for the pasta).
    kind_counts: str = ""

    def item_model(self) -> dict[str, str]:
        """The fields an Offer or a Need carries for matching item to item."""
        return {
            "kind": self.kind,
            "audience": self.audience,
            "season": self.season,
            "size": self.size,
            "unit": self.unit,
        }


@dataclass(frozen=True, slots=True)
class Items:
    lines: tuple[ItemLine, ...]
    recognized: bool  # False: nothing named a category, the line is "other"


@dataclass(slots=True)
class _Part:
    """One segment: its text, the things it names and the numbers in it."""

    text: str
    hits: tuple[Hit, ...]
    counts: list[tuple[str, Count]] = field(default_factory=list)  # (category, count)
    sizes: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    season: tuple[str, ...] = ()
    #: Seasons only a thing's name says ("пуховик"): a season written out wins.
    season_by_thing: tuple[str, ...] = ()
    #: True when the only things named are containers ("20 банок").
    containers: bool = False
    #: Categories named only as what another thing comes with ("кроватка с матрасом").
    accessories: tuple[str, ...] = ()
    #: True when the writer asks for it ("нам бы нужна коляска"): no offer.
    asks: bool = False
    #: True when the segment opens with "с"/"з" before its first thing ("желательно
    #: с матрасиком"): it may say what the thing before it comes with.
    opens_with: bool = False
    #: Seasons only a material hints at ("флис", "вязаный"): any season said wins.
    season_hinted: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(hit.sense.category for hit in self.hits))

    def concrete(self, code: str) -> bool:
        """True when the segment names a thing of `code`, not only the category."""
        return any(h.sense.category == code and h.sense.kind for h in self.hits)


#: "очки +1.5, +2, +3": a lens's diopters, never a count ("+ 2 пачки" adds two).
_DIOPTERS = re.compile(
    r"(?<![\w+])\+\d{1,2}(?:[.,]\d{1,2})?(?!\d|[.,]\d)"
    r"(?=\s*(?:$|[,;)/—–-]|\+|(?:до|и|і|й|та|в|у|по|диоптр\w*|дптр)(?!\w)))"
)
#: Times, dates and month-years: "17:00", "12.12.2014", "12.2015", "до 25.12".
_DATES = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)|(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)"
    r"|(?<!\d)\d{1,2}[./](?:19|20)\d{2}(?!\d)"
    r"|(?<![\d.])(?:[12]\d|3[01]|0?[1-9])-(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0[1-9])(?![\d.,])"
    r"|(?<!\w)(?:до|к|после|після|от|від|с|з)\s+(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0[1-9])(?![\d.,])"
)
#: Words that name a kind with numbers: "коляска 2 в 1", "1,5 сп." (a bed size).
_LITRES = r"(?:л|литр\w*|літр\w*)"
_KIND_NUMBERS = (
    (re.compile(r"(?<![\d,.])[2-5]\s*(?:в|in)\s*1(?![\d,.])"), " "),
    # "3х літрові банки", "трилитровые": a jar's size, never a count
    (
        re.compile(
            r"(?<![\d,.])\d\s*-?\s*[хx]?\s*-?\s*(?:литров|літров)"
            r"(?:ые|ых|ая|ую|ой|ый|ий|ыми|і|а|их|ими)(?!\w)"
        ),
        " ",
    ),
    # "инсулин 100 ЕД/мл", "40 мг/мл": a strength, never a count
    (
        re.compile(
            r"(?<![\d,.])\d{1,4}(?:[.,]\d+)?\s*(?:ед|од|мо|iu|ме|мг|mg|мкг)\s*/\s*(?:мл|ml)\b"
        ),
        " ",
    ),
    # "состояние 5 из 5": a mark, never a count
    (re.compile(r"(?<![\d,.])\d{1,2}\s*(?:из|з|із)\s*\d{1,2}(?![\d,.])"), " "),
    (re.compile(r"(?<![\d,.])1[,.]5\s*-?\s*сп(?:\.|\b)"), " полуторный "),
    (re.compile(r"(?<![\d,.])2\s*-?\s*сп(?:\.|\b)"), " двуспальный "),
    (re.compile(r"(?<![\d,.])1\s*-?\s*сп(?:\.|\b)"), " односпальный "),
    # "кровать односп.", "двусп": the bed's size abbreviated, never "одно" counted
    (re.compile(r"(?<![^\W\d_])одно\s*-?\s*сп(?:\.|(?![^\W\d_]))"), " односпальный "),
    (re.compile(r"(?<![^\W\d_])(?:двух?|дво)\s*-?\s*сп(?:\.|(?![^\W\d_]))"), " двуспальный "),
    # "комод 4 ящика", "морозильна камера 3 шухляди": its drawers, doors, sections
    (
        re.compile(
            r"((?:комод|тумб|шкаф|шаф|морозил|камер|стенк|сервант|шифоньер|радиатор|обогреват)"
            r"[^\W\d_]*(?:[\s-]+[^\W\d_]+){0,2}[\s,]+)\d{1,2}\s*-?\s*"
            r"(?:ящик|шухляд|двер|створ|секц|полк|полиц)[^\W\d_]*"
        ),
        r"\1",
    ),
    # "газові балони 50 л — 8 шт": a gas bottle's size
    (
        re.compile(
            rf"((?:балон|баллон)[^\W\d_]*(?:\s+[^\W\d_]+){{0,2}}\s+)\d{{1,3}}\s*{_LITRES}\b"
        ),
        r"\1",
    ),
    # "мед 3 л банки 4 шт": the jar's volume, then how many jars
    (
        re.compile(
            rf"(?<![\d,.])\d{{1,2}}(?:[.,]\d)?\s*{_LITRES}\.?\s+"
            r"(?=(?:банк|бутыл|бутл|пляш)\w*\s+\d)"
        ),
        " ",
    ),
)
_DASH_RANGE = re.compile(r"(?<=\d) ?[—–] ?(?=\d)")  # "5—7": a range typed with a long dash
_FROM_TO = re.compile(r"(?:от|від|с|з)\s+(\d+)\s+(?:до|по)\s+(\d+)")
_DIMENSIONS = re.compile(r"(\d)\s*[xх×*]\s*(?=\d)")
#: "Шовный материал 3/0": a suture's gauge, never a count.
_SUTURE_GAUGE = re.compile(r"(?<![\d/,.])\d{1,2}/0(?![\d/,.])")
#: "матрас 1,9х0,8": a dimension in metres, its decimal marks dropped so it reads as one.
_DECIMAL_DIMENSIONS = re.compile(
    r"(?<![\d,.])\d[.,]\d{1,2}\s*[xх×*]\s*\d(?:[.,]\d{1,2})?(?![\d,.])"
    r"|(?<![\d,.])\d\s*[xх×*]\s*\d\.\d{1,2}(?![\d,.])"
)
#: Latin letters with a model's number glued on ("Geoby C706", "Omron M2"): no
#: count ("x2" says twice).
_MODEL_CODE = re.compile(r"(?<![^\W_])[a-wyz][a-z]{0,2}\d+(?![^\W_])")
_LETTER_DIGIT = re.compile(
    r"(?<=[^\W\d_])(?<!\b[аa])(?=\d)|(?<=\d)(?=[^\W\d_])(?!x{1,3}l\b)"
)  # "а4": a paper size stays one word
#: "курток-3шт": a hyphen between a word and its count.
_WORD_DASH_COUNT = re.compile(r"(?<=[^\W\d_]{3})-(?=\d)|(?<=\dр)-(?=\d)")  # "36р-2пары"


def _strip_formula(text: str) -> str:
    return _FORMULA_PREFIX.sub("", text or "")


#: An age a child's things are for: "3y", "1-3y", "6-9m" (sizes as numbers.py writes them).
_CHILD_AGE = re.compile(r"^(?:1[0-7]|\d)(?:-(?:1[0-7]|\d))?y$|^\d{1,2}(?:-\d{1,2})?m$")
#: A phone number, a link or a time of day inside the text: never counts.
_PHONE_OR_LINK = re.compile(
    r"(?:\+?3?8?[\s-]*)?\(?0\d{2}\)?[\s-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)"
    r"|\+\d[\d\s()-]{9,}\d"
    r"|(?:https?://|www\.)\S+"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)|(?:после|після|пiсля)\s+\d{1,2}(?!\d)"  # times of day
)


#: "Звоните с 9 до 20", "в рабочее время с 8 до 17", "по вторникам с 10 до 13": hours,
#: never a count.
_CALL_HOURS = re.compile(
    r"((?:звон|дзвон|телефон|заб[еи]р|забра|приход|приїзд|приезж|врем|час|работа|працю"
    r"|понедел|понеділ|вторник|вівтор|сред|серед|четвер|пятниц|п'ятниц|суббот|субот"
    r"|воскрес|неділ)\w*[^.;\n\d]{0,30}?)(?:с|з|від|от)\s*\d{1,2}(?:[:.]\d{2})?\s*"
    r"(?:до|-)\s*\d{1,2}(?:[:.]\d{2})?",
    re.IGNORECASE,
)
#: "з 9 до 18", "Пн-пт 10-17", "24/7": opening hours with no word of context, never a
#: count ("от 9 до 14 лет" is an age, "с 10 до 15 шт" a count).
_OPEN_HOURS = re.compile(
    r"(?:(?<!\w)(?:с|з|від|от)\s*|(?<!\w)(?:пн|пон)\s*[-–]\s*(?:пт|птн|сб|нд|вс)\.?\s*)"
    r"(?:[6-9]|1[0-2])(?:[:.]00)?\s*(?:до|-|–)\s*(?:1[3-9]|2[0-3])(?:[:.]00)?(?![\d:.])"
    r"(?!\s*(?:лет|рок|рік|год|міс|мес|р\b|разм|розм|см|кг|шт|пар|уп|\+))"
    r"|(?<![\d/])24\s*/\s*7(?![\d/])",
    re.IGNORECASE,
)

#: "3 майстри", "2 юристи", "8 волонтёров": how many people help, never a count of
#: what is given.
_HELPERS = re.compile(
    r"(?<![\d.,])\d{1,3}\s+(?=(?:юрист|адвокат|консультант|майстр|мастер|волонт|парикмах"
    r"|перукар|психолог|репетитор|лікар|врач|педагог|вчител|учител))",
    re.IGNORECASE,
)

#: "школа №57", "№ 3": the number of a thing, never a count or a size.
_NUMBER_SIGN = re.compile(r"№\s*\d+")
#: "склад 50-100 м2", "кімната 18 кв.м": an area, never a count of the thing.
_AREA = re.compile(
    r"(?<![\d,.])(\d+(?:[.,]\d+)?(?:\s*-\s*\d+)?)\s*(?:м2|м²|m2|кв\.?\s*м\w*\.?)(?!\w)",
    re.IGNORECASE,
)


def _area_count(found: re.Match[str]) -> str:
    """In a quantity cell the area asked for is the count: "50 м2" is fifty."""
    return f" {found.group(1)} "


#: In a quantity cell: "1 000" is a thousand, and "30/30/30" a count per thing listed.
_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}) (\d{3})(?![\d,.])")
_SLASHED_COUNTS = re.compile(r"(?<=\d)\s?/\s?(?=\d)")


#: "на СТО": a car-repair shop, not a hundred, when the rest is not in capitals.
_CAR_SERVICE = re.compile(r"(?<!\w)СТО(?!\w)")
#: "30 м3", "5 м³" (folded to "м3"), "2 куб.м": cubic metres, not a count of 3.
_CUBIC_METRES = re.compile(r"(?<![^\W\d_])(?:м3|куб\.\s?м|м\.\s?куб)(?![\w])\.?")


#: "вітамін С 30": the vitamin's letter, not "с" (from) before an age.
_VITAMIN_C = re.compile(r"\b((?:витамин|вітамін)\w*)\s+[сcCС]\b", re.IGNORECASE)
#: "брали за 4500": what a thing cost, read as a price ("цена 4500").
_PAID_FOR = re.compile(
    r"\b(?:брали|брал|брала|брав|купляли|купували|покупали|купили|купила|купив)"
    r"\s+(?:его\s+|її\s+|ее\s+|её\s+|їх\s+|их\s+)?за(?=\s+\d)",
    re.IGNORECASE,
)


def _prepared(piece: str, *, quantity_cell: bool = False, glued: bool = False) -> str:
    """The folded segment, dates, phones and links dropped, glued digits spaced
    ("куртка46р"), "от 5 до 7" written as the range "5-7"."""
    formula = piece.lstrip().startswith("=")  # "=B12*3": a cell reference, no model
    if any(ch.islower() for ch in piece):
        piece = _CAR_SERVICE.sub("автосервис", piece)
    if quantity_cell:
        piece = _SLASHED_COUNTS.sub(" ", _THOUSANDS.sub(r"\1\2", piece))
    piece = _PAID_FOR.sub("цена", _VITAMIN_C.sub(r"\1", _strip_formula(piece)))
    piece = _HELPERS.sub("", _OPEN_HOURS.sub(" ", _CALL_HOURS.sub(r"\1 ", piece)))
    piece = _NUMBER_SIGN.sub(" ", _PHONE_OR_LINK.sub(" ", _SUTURE_GAUGE.sub(" ", piece)))
    # ("плівка | 50 м2" asks for fifty square metres)
    piece = _AREA.sub(_area_count if quantity_cell else " ", piece)
    folded = _INTO_NOSE.sub(r"для \1", _CUBIC_METRES.sub("куб", fold(piece)))
    if not formula:
        folded = _MODEL_CODE.sub(" ", folded)
    folded = _LETTER_DIGIT.sub(" ", _WORD_DASH_COUNT.sub(" ", _DATES.sub(" ", folded)))
    folded = _DASH_RANGE.sub("-", _SIZE_COUNTS.sub(_size_count, folded))
    if glued or piece.isupper():
        folded = GLUED_RE.sub(_spaced, folded)  # typed in capitals, or with no spaces
    folded = _FROM_TO.sub(r"\1-\2", folded)
    for pattern, replacement in _KIND_NUMBERS:
        folded = pattern.sub(replacement, folded)
    folded = _DECIMAL_DIMENSIONS.sub(lambda found: re.sub(r"[.,]", "", found.group(0)), folded)
    return _DIMENSIONS.sub(r"\1х", folded)


#: "капли в нос" are nose drops, as "капли для носа" are.
_INTO_NOSE = re.compile(r"(?<![^\W\d_])[ву]\s+(нос|ніс)(?![^\W\d_])")


#: Letters per space in an ordinary text; far fewer spaces than this: words glued.
_WORD_LENGTH = 30


#: A size and its count in a shop's or an NGO's list: "40-2пар", "р.41-5",
#: "68-74: 4", "36-40 — 10 пар" (a count after a size, not a range of sizes).
_SIZE_COUNTS = re.compile(
    r"(?<![\w.:-])(?P<mark>р\.?\s?)?(?P<size>\d{2,3}(?:-\d{2,3})?)"
    r"(?P<sep>-|\s?[:—–]\s?)(?P<count>[1-9]\d{0,2})(?![\d:]|[.,]\d)(?P<unit>\s?(?:пар|шт))?"
)
_SMALLEST_SIZE = 15
#: "L-40, XL-30 уп.": a letter size and its count in a quantity cell.
_LETTER_SIZE_COUNTS = re.compile(
    r"(?<![\w-])(?:x{0,3}[sml]|\d?xl)\s?[-—–:]\s?(?P<count>\d{1,3})(?!\d)"
)


#: "s-3шт", "xl 2": a letter size and a bare count after it, in a donor's list.
_LETTER_SIZE_THEN_COUNT = re.compile(
    r"(?<![\w-])(x{0,3}[sml]|\d?xl)\s?(?:[-—–:]\s?|\s)(\d{1,3})(?!\d|[.,]\d)(\s?(?:шт|пар))?",
    re.IGNORECASE,
)


def _letter_size_counts(text: str) -> str:
    """ "футболки s-3шт m-4шт", "s 2, m 3, xl 2": each letter size's count in pieces
    (a dash, or two sizes counted, tells a count from a size's own number)."""
    found = list(_LETTER_SIZE_THEN_COUNT.finditer(text))
    if not found or (len(found) < 2 and "-" not in found[0].group(0)):
        return text
    return _LETTER_SIZE_THEN_COUNT.sub(
        lambda m: f"{m.group(1)} {m.group(2)}{m.group(3) or 'шт'}", text
    )


def _size_count(found: re.Match[str], counts_only: bool = False) -> str:
    size, count, sep = found["size"], int(found["count"]), found["sep"].strip()
    if int(size.split("-")[0]) < _SMALLEST_SIZE:
        return found[0]
    if sep == "-" and ("-" in size or count >= int(size) or not (found["mark"] or found["unit"])):
        return found[0]  # "40-42", "р. 44-46": sizes, not a size and its count
    return f"{'' if counts_only else 'р.' + size} {count}{found['unit'] or ''}"


def _typed_glued(text: str) -> bool:
    """ "диван-книжка,креслодва,столжурнальный": an answer with hardly a space."""
    return len(text) >= _WORD_LENGTH // 2 and text.count(" ") * _WORD_LENGTH < len(text)


def _spaced(glued: re.Match[str]) -> str:
    """ "ХОЛОДИЛЬНИКДНЕПР" typed without spaces: the words it is made of."""
    return " ".join(glued_things(glued.group(0))) or glued.group(0)


def _seasons(described: list[_Part]) -> list[str]:
    """A segment's seasons written out win over those its things' names say; a
    segment naming no thing ("пуховик, весна-осень") speaks for the line."""
    loose = [s for p in described if not p.hits for s in p.season]
    if loose:
        return loose + [s for p in described if p.hits for s in p.season]
    said = [s for p in described for s in p.season or p.season_by_thing]
    return said or [s for p in described for s in p.season_hinted]


def _axis_values(
    folded: str, toks: list[str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Audiences, seasons written out, seasons only a thing's name says, and seasons
    only a material hints at."""
    attrs = attributes()
    audience: list[str] = []
    season: list[str] = []
    for phrase, (axis, value) in attrs.phrases.items():
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            (audience if axis == "audience" else season).append(value)
    # "зима-літо": a hyphen joins two seasons
    words = [part for token in toks for part in (token, *token.split("-")[1:])]
    by_thing: list[str] = []  # "пуховик" is for winter unless the text says "весна-осень"
    hinted: list[str] = []  # "флис": winter, unless any season is said
    offering = attrs.signals["offer"]
    for i, token in enumerate(words):
        if token in offering and words[i - 1 : i] != ["для"]:
            continue  # "дам 2 куртки": I'll give; "для дам": ladies'
        for lemma in (token.split("-")[0] if "-" in token else token, *token_lemmas(token)):
            if lemma in attrs.audience:
                audience.append(attrs.audience[lemma])
                break
            if lemma in attrs.season:
                said = hinted if token in attrs.season_hints else season
                (by_thing if token_sense(token) else said).append(attrs.season[lemma])
                break
    return (
        tuple(dict.fromkeys(audience)),
        tuple(dict.fromkeys(season)),
        tuple(by_thing),
        tuple(dict.fromkeys(hinted)),
    )


#: The kind of a thing its text says does not work (fit.yaml unusable_kinds).
BROKEN = "broken"
#: The kind of a need line that names only what another thing comes with.
ACCESSORY = "accessory"


def _only_accessory(code: str, parts: list[_Part]) -> bool:
    own = [p for p in parts if code in p.codes]
    return bool(own) and all(code in p.accessories for p in own)


@cache
def _broken_pattern() -> re.Pattern[str]:
    words = sorted(attributes().signals["broken"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _says_broken(text: str) -> bool:
    return bool(_broken_pattern().search(fold(text)))


def _not_repairs(hits: tuple[Hit, ...], folded: str) -> tuple[Hit, ...]:
    """ "холодильник, потрібен ремонт компресора": a repair the thing needs is no
    offer of repairs; the segment then says how the thing before it is."""
    found = _broken_pattern().search(folded)
    if not found:
        return hits
    said = set(tokens(found.group(0)))
    # "пральна машина, не зливає воду": what the fault is about is nothing offered
    about = len(tokens(folded[: found.end()]))
    return tuple(
        h
        for h in hits
        if (h.sense.category != OTHER or not set(h.tokens) <= said) and h.start != about
    )


#: "40 boxes of winter clothing", "40 boxes of children's winter clothes": the
#: English "of" puts the thing a word or two further.
_OF = "of"


def _bind(
    counts: tuple[Count, ...], hits: tuple[Hit, ...], toks: list[str], *, cell: bool = False
) -> list[tuple[str, Count]]:
    """Each count to the thing it belongs to: the thing after it ("3 куртки"),
    else the nearest thing before it ("куртки 3 шт"); containers only as a last
    resort. A count with its unit right after a thing is that thing's ("кофты 5 шт
    юбки 2 шт")."""
    things = [h for h in hits if not is_container(h, toks)] or list(hits)
    out: list[tuple[str, Count]] = []
    # "кроватей 12 матрасов 12", a quantity cell's "колготки 30 пар шапки 20": each
    # thing first, its count right after it ("шафа 2 матраци" counts the mattresses)
    just_before = {h.end + 1: h for h in things}
    head_first = (
        len(counts) > 1
        and bool(things)
        and things[0].start == 0
        and all(c.token in just_before for c in counts)
        and (cell or all(is_genitive_plural(toks[c.token - 1]) for c in counts))
    )
    if head_first:
        return [(just_before[c.token].sense.category, c) for c in counts]
    for count in counts:
        reach = count.token + (5 if _OF in toks[count.token + 1 : count.token + 3] else 3)
        after = [h for h in things if count.token < h.start <= reach]
        before = [h for h in things if h.end < count.token]
        # "3 куртки 2 пары сапог": the unit's own thing follows it in the genitive
        owned = any(h.start == count.token + 2 for h in after) and is_genitive_plural(
            toks[count.token + 2]
        )
        trailing = count.unit and before and before[-1].end == count.token - 1 and not owned
        hit = before[-1] if trailing else after[0] if after else (before[-1] if before else None)
        out.append((hit.sense.category if hit else "", count))
    return out


#: Where the segment before's things are placed when a segment borrows them.
_FAR = 10


@lru_cache(maxsize=100_000)
def _part(
    piece: str, context: tuple[Hit, ...] = (), *, quantity_cell: bool = False, glued: bool = False
) -> _Part:
    """One segment read; `context` is the thing of the segment before, for a
    segment that names none ("сапоги 41, 42": the 42 is a size too)."""
    folded = _prepared(piece, quantity_cell=quantity_cell, glued=glued)
    toks = tokens(folded)
    hits = _not_repairs(kept_hits(hits_in(folded), toks), folded)
    # the segment before's things, placed out of this segment: no word here is theirs
    borrowed = tuple(replace(hit, start=-_FAR, end=-_FAR) for hit in context)
    numbers = read_numbers(folded, hits or borrowed, quantity_cell=quantity_cell)
    audience, season, season_by_thing, season_hinted = _axis_values(folded, toks)
    counts = _bind(numbers.counts, hits, toks, cell=quantity_cell)
    things = tuple(h for h in hits if not is_container(h, toks))
    return _Part(
        piece,
        things or hits,
        counts,
        numbers.sizes,
        audience,
        season,
        tuple(dict.fromkeys(season_by_thing)),
        bool(hits) and not things,
        _accessories(things or hits, toks),
        asks_for_itself(toks),
        _opens_with(things or hits, toks),
        season_hinted,
    )


#: "кроватка с матрасом", "ліжечко з матрацом": what a thing comes with.
_WITH = frozenset({"с", "со", "з", "із", "зі"})


def _accessories(hits: tuple[Hit, ...], toks: list[str]) -> tuple[str, ...]:
    """Categories whose every thing here follows "с"/"з" behind a thing of another
    category, in the same segment."""

    def comes_with(k: int) -> bool:
        hit = hits[k]
        return (
            k > 0
            and hit.start > 0
            and toks[hit.start - 1] in _WITH
            and any(h.sense.category != hit.sense.category for h in hits[:k])
        )

    codes = {h.sense.category for h in hits}
    return tuple(
        code
        for code in codes
        if all(comes_with(k) for k, h in enumerate(hits) if h.sense.category == code)
    )


#: Words that may open a segment saying what the thing before comes with:
#: "кроватка, желательно с матрасиком".
_PREFERABLY = frozenset({"желательно", "бажано", "можно", "можна", "лучше", "краще", "и", "і",
                         "а", "также", "також", "или", "або"})  # fmt: skip


def _opens_with(hits: tuple[Hit, ...], toks: list[str]) -> bool:
    opening = toks[: hits[0].start] if hits else []
    return bool(opening) and opening[-1] in _WITH and set(opening) <= _WITH | _PREFERABLY


def _comes_along(part: _Part, before: _Part) -> bool:
    """A segment that opens with "с"/"з" and names things of other categories than
    the segment before ("кроватка, желательно с матрасиком")."""
    return part.opens_with and bool(before.codes) and not set(part.codes) & set(before.codes)


def _shared_modifier(part: _Part, before: _Part) -> _Part:
    """ "одноразовые тарелки и стаканы": a lone thing after a phrase takes the
    phrase's first word when the two make a phrase of its category too."""
    if len(part.hits) != 1 or not before.hits or before.hits[-1].start == before.hits[-1].end:
        return part
    hit, modifier = part.hits[0], before.hits[-1].tokens[0]
    sense = phrase_sense(modifier, hit.tokens[0]) if hit.start == hit.end else None
    if sense is None or sense.category != hit.sense.category or sense == hit.sense:
        return part
    return replace(part, hits=(Hit(hit.start, hit.end, sense, hit.tokens),))


def _not_repeated(free: list[str], text: str) -> list[str]:
    """Text typed under «Другое» that the details name again ("санки" + "Санки 2 шт")."""
    if not free or not text:
        return free

    def things(piece: str) -> set[tuple[str, str]]:
        return {(h.sense.category, h.sense.kind) for h in _part(piece).hits}

    named = {thing for piece in split_segments(text) for thing in things(piece)}

    def again(thing: tuple[str, str]) -> bool:  # "обогреватель" + "масляный обогреватель"
        code, kind = thing
        return any(c == code and within(k, kind) for c, k in named)

    # the words the details read as things
    words = {t for piece in split_segments(text) for h in _part(piece).hits for t in h.tokens}

    def typed_again(piece: str) -> bool:  # "подушки" + "диванные подушки декоративные"
        own = [t for t in tokens(fold(piece)) if len(t) > 2 and t not in _OTHER_BOX]
        return bool(own) and all(t in words for t in own)

    return [
        piece
        for piece in free
        if not typed_again(piece) and (not things(piece) or not all(map(again, things(piece))))
    ]


#: The form's "Другое:" before the text typed there.
_OTHER_BOX = frozenset({"другое", "інше", "other"})


#: What a container may hold when something else is named beside it: jars hold
#: food, medicine or cleaning goods, never clothes ("плед, банки штук 30").
_JARS_HOLD = frozenset({"food", "medicine", "hygiene"})


_EMPTY = frozenset({"пустые", "пустых", "пустая", "пустой", "порожні", "порожніх", "порожня",
                    "порожній"})  # fmt: skip


def _holds(part: _Part, held: set[str]) -> bool:
    """Whether a part naming only containers ("20 банок") counts what the others name."""
    if any(count.total for _, count in part.counts):
        return True  # "огірки, помідори, всього банок 25": the jars hold what was listed
    if set(part.codes) & held or set(tokens(fold(part.text))) & _EMPTY:
        return False  # "банки пустые 15": jars given as jars
    units = {lemma_in(hit.tokens[0], attributes().units) for hit in part.hits if hit.tokens}
    return not ("jars" in units and not held & _JARS_HOLD)


def _without_things(part: _Part) -> _Part:
    loose = [("", count) for _, count in part.counts]
    return _Part(
        part.text,
        (),
        loose,
        part.sizes,
        part.audience,
        part.season,
        part.season_by_thing,
        season_hinted=part.season_hinted,
    )


def _totals_of_one_kind(parts: list[_Part]) -> list[_Part]:
    """ "Всего 20 пакетов: одежда 12, обувь 5, игрушки 3": a total that is the sum
    of the counts written next to it adds nothing, and one typed beside a
    category already counted in an answer counting several ("…, одежда 8 вещей.
    В сумме 22") is no count of that category. A total of a list with no counts
    of its own ("крупи, цукор, консерви (разом кг 20)") stays its count."""
    counts: list[tuple[str, Count]] = []
    beside: list[str] = []  # the category each count was typed beside
    last = ""
    for part in parts:
        for code, count in part.counts:
            counts.append((code, count))
            beside.append(code or last)
        last = part.codes[-1] if part.codes else last
    counted = {c for c, n in counts if c and not n.total}
    for at, (_, total) in enumerate(counts):
        if total.total and (
            _sums(total.value, counts[at + 1 :])
            or _sums(total.value, counts[at - 1 :: -1] if at else [])
            or (len(counted) > 1 and beside[at] in counted)
        ):
            return [replace(p, counts=[(c, n) for c, n in p.counts if not n.total]) for p in parts]
    return parts


def _sums(total: int, run: list[tuple[str, Count]]) -> bool:
    """Whether counts of two categories or more next to a total, taken in order, add
    up to it ("гр. «Солнышко» — 12 пакетов, … Всего 28 пакетов одежды" names no
    category before its total, which stays the count)."""
    added, codes = 0, set()
    for code, count in run:
        if count.total:
            return False
        added += count.value
        codes.add(code)
        if added == total:
            return len(codes - {""}) > 1
    return False


def _box_key(text: str) -> str:
    return " ".join(re.sub(r"[()]", " ", fold(text)).split())


@dataclass(slots=True)
class _Boxes:
    """A checkbox answer: the ticked boxes' categories (with the box's own words,
    for a line that has nothing else), the vague boxes, and the free text typed
    under «Другое»."""

    codes: list[str] = field(default_factory=list)
    words: dict[str, str] = field(default_factory=dict)
    vague: list[str] = field(default_factory=list)
    free: list[str] = field(default_factory=list)


def _label_codes(labels: str) -> _Boxes:
    out = _Boxes()
    boxes = attributes().vague_boxes
    for piece in split_segments(_strip_formula(labels)):
        part = _part(piece)
        key = _box_key(piece)
        if key in boxes:
            out.vague.append(boxes[key])
            out.words.setdefault(boxes[key], piece)
            continue
        if key in attributes().form_boxes:
            codes: tuple[str, ...] = (attributes().form_boxes[key],)
        elif (
            part.hits
            and all(not hit.sense.kind for hit in part.hits)
            and not part.counts
            and not any(ch.isdigit() for ch in piece)
        ):
            codes = part.codes  # "ОДЕЖДА ПОСУДА": boxes typed with no comma between
        else:
            out.free.append(piece)
            continue
        for code in codes:
            out.codes.append(code)
            out.words.setdefault(code, piece)
    return out


def _form(part: _Part, code: str) -> str:
    """ "one" when the segment names a single thing of `code` ("сковорода"),
    "many" for a plural or a mass noun ("кастрюли", "бельё"): no count then."""
    substances = attributes().substances
    forms = {
        "many"
        if _is_substance(f"{code}/{h.sense.kind}", substances)
        else _head_form(h.tokens, code)
        for h in part.hits
        if h.sense.category == code and h.sense.kind
    }
    return "one" if forms <= {"one"} else "many"


def _is_substance(path: str, substances: tuple[str, ...]) -> bool:
    return any(within(path, s) for s in substances)


def _head_form(toks: tuple[str, ...], code: str) -> str:
    """How the head noun of a hit is counted: "стульчик для кормления" is one
    (the first noun), "зимние сапоги" one pair (things worn in pairs)."""
    attrs = attributes()
    for tok in toks:
        if code == "shoes" or lemma_in(tok, attrs.paired) or tok in attrs.plural_names_of_one:
            return "one"
        form = number_of(tok)
        if form:
            return form
    return "one"


def _total(
    code: str,
    own: list[_Part],
    extra: list[Count],
    attached: dict[int, list[Count]],
    listed_after: int = 0,
) -> tuple[Quantity | None, int, bool]:
    """The line's count, how many things it names, and whether a number was written.

    Counts of one category add up. A single thing named without a count is one,
    as a person reads "кастрюли 2 шт, сковорода" as three; things named in the
    plural without a count leave the total unknown. "по 20 шт" after several
    things is twenty of each; bags and boxes, when counted, are the count.
    """
    things = len(own)
    listed = _list_total(own, code, attached)
    if listed is not None:
        return listed, things, True
    counts: list[Count] = []
    singles = 0
    unknown = 0
    # "сковорода, тарелки 6 шт, ложки, вилки по 6": "по" counts its segment's things
    # and reaches back over those with no count, up to one counted on its own; a
    # single thing it does not reach is one
    run = run_singles = uncovered = reach = 0
    named_before = _named_before_counted(own, code, attached)
    whole_computer = code == OTHER and _whole_computer_named(own)
    for part in own:
        mine = [c for cat, c in part.counts if cat == code] + attached.get(id(part), [])
        if any(not c.each for c in mine):  # "10 пачок по 1 кг": the packs count
            mine = [c for c in mine if not c.each]
        if {c.unit for c in mine} & HOLDERS:  # "мешок сахара 50 кг": the bag counts, not the kg
            mine = [c for c in mine if c.unit not in _MEASURED]
        counts += mine
        if mine:
            if all(c.each for c in mine):
                reach = max(reach, run + _kinds_named(part, code))
            else:
                uncovered += run_singles
            run = run_singles = 0
        if not [c for c in mine if not c.each] and _counted_when_named(part, code, whole_computer):
            if id(part) in named_before:
                continue
            if _form(part, code) == "one":
                singles += 1
                run_singles += not mine
            else:
                unknown += 1
            run += not mine
    uncovered += run_singles
    counts += extra
    totals = [k for k, c in enumerate(counts) if c.total]
    if totals:  # "шпроты 5, сгущенка 10, всего 30": the writer's own sum of what came before
        last = totals[-1]
        after = [c for c in counts[last + 1 :] if not c.each]
        total = counts[last].value + sum(c.value for c in after)
        return Quantity(total, any(c.estimated for c in counts[last:])), things, True
    each = [c for c in counts if c.each]
    plain = [c for c in counts if not c.each]
    own_sizes = max((_listed_sizes(part) for part in own), default=0)
    estimated = any(c.estimated for c in counts)
    if any(c.unit in SACKS for c in plain):  # the bags count; single things beside them add
        return Quantity(sum(c.value for c in plain) + singles, estimated), things, True
    if each:
        named = singles + unknown
        # "ботинки 42, 43, 44 р. - по 2 пары": two of each size listed for one thing
        sizes = own_sizes if named <= 1 else 0
        sizes += listed_after if named <= 1 else 0
        # "ложки вилки по 6 шт": six of each thing the segment names
        # (a ticked box with no thing named in the text: "по 2 на каждого")
        things_each = max((_kinds_named(p, code) for p in own), default=0)
        if plain:
            total = sum(c.value for c in plain) + uncovered + each[0].value * max(1, sizes, reach)
            return Quantity(total, estimated), things, True
        total = sum(c.value for c in plain) + each[0].value * max(1, named, sizes, things_each)
        return Quantity(total, estimated), things, True
    # things named in the plural with no count add nothing the text states, but
    # "куртки рост 140, 146, 152" names one of each size it lists
    listed_sizes = own_sizes + listed_after
    if code == "clothing" and unknown == 1 and not plain and not singles and listed_sizes >= 2:
        return Quantity(listed_sizes, True), things, False
    total = sum(c.value for c in plain) + singles
    quantity = Quantity(total, estimated or singles > 0 or unknown > 0) if total else None
    return quantity, things, bool(plain)


#: Things outside the taxonomy counted one by one when named ("дрель і болгарка"
#: are two); coal, a ride, a room or a service named has no count.
_COUNTED_OTHER = frozenset({"household/power", "household/phones", "household/sewing",
                            "household/computers", "household/music",
                            "building/tools", "building/plumbing",
                            "pets/pet_supplies"})  # fmt: skip
#: "Инструменты: дрель, молоток": the heading names no thing of its own.
_HEADINGS = frozenset({"инструмент", "інструмент", "инструменты", "інструменти"})


#: "компьютер (системник + монитор)" is one computer: its parts named beside a
#: word for the whole add nothing.
_WHOLE_COMPUTER = re.compile(
    r"(?<![^\W\d_])(?:комп(?:ьютер|'ютер)\w*|комп(?:ы|и|а|ів|ов)?|пк|pc)(?![^\W\d_'])"
)
_COMPUTER_PARTS = ("систем", "монит", "моніт", "клав", "мыш", "миш")


def _computer_parts(part: _Part, whole_named: bool) -> bool:
    computers = [h for h in part.hits if h.sense.kind == "household/computers"]
    return (
        whole_named
        and bool(computers)
        and all(h.tokens[0].startswith(_COMPUTER_PARTS) for h in computers)
    )


def _whole_computer_named(parts: list[_Part]) -> bool:
    return any(_WHOLE_COMPUTER.search(fold(part.text)) for part in parts)


def _counted_when_named(part: _Part, code: str, whole_computer: bool = False) -> bool:
    if code != OTHER:
        return part.concrete(code)
    if _computer_parts(part, whole_computer):
        return False
    return any(
        h.sense.category == OTHER
        and h.sense.kind in _COUNTED_OTHER
        and h.tokens[0] not in _HEADINGS
        for h in part.hits
    )


def _named_before_counted(
    own: list[_Part], code: str, attached: dict[int, list[Count]]
) -> set[int]:
    """ "Вяжу носки и варежки. Готово: носки 15 пар, варежки 10 пар": a run of
    things first named with no count, every one counted after, adds nothing."""

    def kinds(part: _Part) -> set[str]:
        return {h.sense.kind for h in part.hits if h.sense.category == code and h.sense.kind}

    def counted(part: _Part) -> bool:
        return any(cat == code for cat, _ in part.counts) or bool(attached.get(id(part)))

    out: set[int] = set()
    runs = [(seen, list(run)) for seen, run in itertools.groupby(own, key=counted)]
    for k, (seen, run) in enumerate(runs):
        if seen:
            continue
        named = set().union(*map(kinds, run))
        later = set().union(*(kinds(p) for after, parts in runs[k + 1 :] if after for p in parts))
        if len(named) > 1 and named <= later:  # "куртка, куртки детские 2 шт" is three
            out.update(id(p) for p in run)
    return out


def _content(quantity: Quantity | None, counts: list[Count]) -> tuple[Quantity | None, str]:
    """What the counted holders hold, when they are all the line counts."""
    plain = [c for c in counts if not c.each and c.unit not in _MEASURED]  # "12кг мешок"
    units = {c.holds_unit for c in plain}
    if not quantity or not plain or len(units) != 1 or not all(c.holds for c in plain):
        return None, ""
    if quantity.value != sum(c.value for c in plain):
        return None, ""  # other things counted beside the holders
    return Quantity(sum(c.value * c.holds for c in plain), quantity.estimated), units.pop()


def _kinds_named(part: _Part, code: str) -> int:
    """Kinds a segment names, a heading aside ("крупы гречка рис": two)."""
    return len(_finest({hit.sense.kind for hit in part.hits if hit.sense.category == code}))


def _kinds_offered_as_choice(part: _Part, code: str) -> set[str]:
    """Kinds typed with a slash beside a finer kind of theirs: "свитера/кофты"."""
    hits = [h for h in part.hits if h.sense.category == code and h.sense.kind]
    if len(hits) < 2 or "/" not in part.text:
        return set()
    folded = _prepared(part.text)
    spans = [m.span() for m in TOKEN_RE.finditer(folded)]

    def slashed(a: Hit, b: Hit) -> bool:
        first, second = (a, b) if a.end < b.start else (b, a)
        if second.start != first.end + 1 or second.start >= len(spans):
            return False
        return folded[spans[first.end][1] : spans[second.start][0]].strip() == "/"

    return {
        h.sense.kind
        for h in hits
        for f in hits
        if f.sense.kind.startswith(h.sense.kind + "/") and slashed(h, f)
    }


def _finest(kinds: Collection[str]) -> list[str]:
    """The kinds no other of them names more finely ("grains/groats" beside
    "grains/groats/rice" is its heading)."""
    return [k for k in kinds if not any(o.startswith(k + "/") for o in kinds)]


def _another_sort(part: _Part) -> bool:
    """ "мячи футбольные, волейбольные", "обувь 43-45, женская 38-40": another sort
    of the thing before, named by its adjective (with its sizes)."""
    toks = [t for t in tokens(fold(part.text)) if not _SIZE_TOKEN.fullmatch(t)]
    if set(toks) <= _CONDITION:
        return False  # "перчатки мед., одноразовые": how the things are, no other sort
    return not part.hits and not part.counts and bool(toks) and all(map(is_adjective, toks))


#: Words of a thing's condition: after a thing they describe it.
_CONDITION = frozenset(
    {"одноразовые", "одноразові", "одноразовый", "одноразовий", "новые", "нові", "новый",
     "новий", "чистые", "чисті", "целые", "цілі", "стерильные", "стерильні", "рабочие",
     "робочі", "хорошие", "добрі", "б", "у"}
)  # fmt: skip


_SIZE_TOKEN = re.compile(r"\d+(?:-\d+)?|р|р-р|рр|размер|розмір")


_ONE_SIZE = re.compile(r"\d+[ym]?|[A-Z]+")


def _listed_sizes(part: _Part) -> int:
    """How many single sizes or ages a segment lists ("42, 43, 44", "на 3, 5 и 7
    лет"; ranges aside)."""
    return len([size for size in part.sizes if _ONE_SIZE.fullmatch(size)])


def _line(code: str, parts: list[_Part], fallback: str, single: bool) -> ItemLine:
    own = [p for p in parts if code in p.codes]
    loose = [p for p in parts if not p.codes]
    extra = [c for p in own for cat, c in p.counts if not cat and single]
    # a count with no thing of its own goes to the thing before it ("шапка - 2 шт"),
    # but a total after things of several categories ("Всего 65 единиц") is all of theirs
    shared = _shared_totals(parts)
    following = _following(code, parts)
    attached = {
        key: [c for c in found if not _size_like(c, code) and id(c) not in shared]
        for key, found in _orphans(following).items()
    }
    if single and not own:
        extra += [c for p in loose for cat, c in p.counts if not cat]
    counted = [c for c in extra if not _size_like(c, code)]
    # "брюки р. 48, 50, 52, 54 — по 3 шт": the sizes listed a segment each count too
    listed = len({s for _, p in following for s in p.sizes if _ONE_SIZE.fullmatch(s)})
    quantity, things, stated = _total(code, own, counted, attached, listed)
    held = [c for p in own for cat, c in p.counts if cat == code] + counted
    content = _content(quantity, held + [c for found in attached.values() for c in found])
    # "мячи футбольные, волейбольные": a lone adjective after a thing is one more
    things += sum(1 for _, part in following if _another_sort(part))

    # "таблетки от кашля", "детское питание, пюре фруктовые": a finer item beside
    # its kind, in the segment or after it as a heading, names what is meant; but
    # "свитера/кофты" offers a choice, the kind itself among them
    kinds = [k for p in own for k in _kinds_of(p, code)]
    choices = {k for p in own for k in _kinds_offered_as_choice(p, code)}
    finest = set(_finest(kinds))
    kind = joined([k for k in dict.fromkeys(kinds) if k in choices or k in finest])
    named = own[:-1] if own and _total_by_name(own, code, attached) else own
    # "куртка, 2 кофты, всего 5 вещей": the total's word names no kind either
    named = [p for p in named if not any(cat == code and c.total for cat, c in p.counts)]
    if len(named) > 1 and _sums_up(named[-1], fallback):
        named = named[:-1]  # "крупи, макарони — сухі продукти": what the list is
    if any(not _kinds_of(p, code) for p in named):
        kind = ""  # a segment names the category only: any kind of it
    # "куртки 5 шт, размеры 50-54": a segment naming no thing describes the one before
    described = own + loose if single else own + [part for _, part in following]
    item = ", ".join(p.text for p in described) or fallback
    if own and _says_broken(item):
        kind = BROKEN  # "холодильник, не работает, на запчасти": no family's fridge
    units = [c.unit for p in own for cat, c in p.counts if cat == code and c.unit]
    units += [c.unit for c in extra if c.unit]
    units += [c.unit for found in attached.values() for c in found if c.unit]  # "…, пакет"
    if set(units) & HOLDERS:  # "порошок 3 кг, 4 пачки": the packs count, so their unit
        units = [u for u in units if u not in _MEASURED] + [u for u in units if u in _MEASURED]
    if units[:1] == ["pieces"] and _KIT.search(fold(item)):
        units[0] = "sets"  # "гигиенические наборы ... 40 шт": forty kits
    sizes = [
        s for s in dict.fromkeys(s for p in described for s in p.sizes) if not _itself(s, kind)
    ]
    if code == "medicine":
        sizes = _one_form(sizes, described)
    if code == "shoes" and quantity and not stated:
        quantity = _pair_per_size(quantity, sizes)
    audience = joined([a for p in described for a in p.audience])
    if not audience and any(_CHILD_AGE.match(size) or size in _CHILD_BEDS for size in sizes):
        audience = "children"  # "одяг на 3 роки", "матрасик в кроватку" are for a child
    if not audience and code == "shoes" and _child_shoe_sizes(sizes):
        audience = "children"  # "валенки 29, 31, 32": no grown-up wears these sizes
    if not audience and code == "shoes" and _men_shoe_sizes(sizes):
        audience = "men"  # "берцы 44 и 45": women's and children's shoes stop below
    if not audience and code == "clothing" and _child_heights(sizes):
        audience = "children"  # "комбезы рост 68 и 74": a child's height in cm
    return ItemLine(
        category=code,
        item=item,
        quantity=quantity,
        kind=kind,
        audience=audience,
        season=joined(_seasons(described)),
        size=", ".join(sizes),
        unit=units[0] if units else "",
        from_label=not own,
        things=things,
        stated=stated,
        content=content[0],
        content_unit=content[1],
        kind_counts=_kind_counts(code, own, attached, quantity, kind),
    )


def _kind_counts(
    code: str,
    own: list[_Part],
    attached: dict[int, list[Count]],
    quantity: Quantity | None,
    kind: str,
) -> str:
    """ "крупа 10 кг, тушенка 12 банок, смесь 3 уп": ten, twelve and three of three
    kinds, so that a need for formula is offered three, not twenty-five. Only when
    every segment names one kind and the counts per kind add up to the line's."""
    if quantity is None or "+" not in kind:
        return ""
    per: dict[str, int | None] = {}
    for part in own:
        kinds = set(_finest(_kinds_of(part, code)))
        mine = [c for cat, c in part.counts if cat == code] + attached.get(id(part), [])
        if len(kinds) != 1 or any(c.each or c.total for c in mine):
            return ""
        value = sum(c.value for c in mine) if mine else (1 if _form(part, code) == "one" else None)
        (one,) = kinds
        before = per.get(one, 0)
        per[one] = None if value is None or before is None else before + value
    known = sum(v for v in per.values() if v is not None)
    if set(per) != set(kind.split("+")) or known != quantity.value:
        return ""
    return ";".join(f"{k}={'' if v is None else v}" for k, v in sorted(per.items()))


#: "продуктовые наборы", "гігієнічні набори": kits, counted as sets in any unit word.
_KIT = re.compile(r"(?<!\w)(?:набор|набір)")
_IN_BRACKETS = re.compile(r"\([^()]*\)")

#: The largest EU shoe size only children wear.
_LARGEST_CHILD_SHOE = 34


def _one_form(sizes: list[str], described: list[_Part]) -> list[str]:
    """ "Цефекон Д свечи 50 мг и 100 мг": the form named holds for every dose of the
    line; tablets are only implied by a dose typed alone, so a named form wins."""
    forms = [s for s in sizes if s in MEDICINE_FORMS]
    if "таблетки" not in forms or len(forms) < 2:
        return sizes
    named = named_forms(tok for p in described for tok in tokens(fold(p.text)))
    return sizes if "таблетки" in named else [s for s in sizes if s != "таблетки"]


def _child_shoe_sizes(sizes: list[str]) -> bool:
    numbers = _size_numbers(sizes)
    return bool(numbers) and all(n <= _LARGEST_CHILD_SHOE for n in numbers)


#: Shoe sizes no woman or child commonly wears ("42 и 44": both from 42, one from 43).
_MEN_SHOE_FROM, _MEN_ONLY_SHOE = 42, 43
#: Clothing sizes that are a child's height in cm, one at least past where adult
#: sizes stop ("рост 68 и 74").
_CHILD_HEIGHTS = range(50, 159)
_TALLER_THAN_ADULT_SIZES = 74


def _size_numbers(sizes: list[str]) -> list[int]:
    """The sizes as numbers, or none when any of them is no plain number ("XL", "3y")."""
    numbers = [n for size in sizes for n in size.split("-")]
    return [int(n) for n in numbers] if all(n.isdigit() for n in numbers) else []


def _men_shoe_sizes(sizes: list[str]) -> bool:
    numbers = _size_numbers(sizes)
    return bool(numbers) and min(numbers) >= _MEN_SHOE_FROM and max(numbers) >= _MEN_ONLY_SHOE


def _child_heights(sizes: list[str]) -> bool:
    numbers = _size_numbers(sizes)
    return (
        bool(numbers)
        and all(n in _CHILD_HEIGHTS for n in numbers)
        and max(numbers) >= _TALLER_THAN_ADULT_SIZES
    )


def _pair_per_size(quantity: Quantity, sizes: list[str]) -> Quantity:
    """ "сапожки 24, 26, 27 р." with no count: a pair of each size listed."""
    listed = [s for s in sizes if s.isdigit()]
    return Quantity(len(listed), False) if len(listed) > quantity.value else quantity


def _list_total(own: list[_Part], code: str, attached: dict[int, list[Count]]) -> Quantity | None:
    """ "варення, соління, компоти — штук 20 банок", "машинки, книжки, всего 7":
    a count after a list of things with no counts of their own is the list's total."""
    if len(own) < 2:
        return None
    last = own[-1]
    if _total_by_name(own, code, attached):  # "шапки, шарфы, варежки, ~70 вещей"
        counted = [c for cat, c in last.counts if cat == code and not c.each]
        return Quantity(sum(c.value for c in counted), any(c.estimated for c in counted))
    if not _uncounted(own[:-1], code, attached):
        return None
    trailing = attached.get(id(last), [])
    if not trailing or any(cat == code for cat, _ in last.counts):
        return None
    estimated = any(c.estimated for c in trailing)
    if all(c.each for c in trailing):  # "нурофен, парацетамол, по 10 упаковок": ten of each
        return Quantity(sum(c.value for c in trailing) * len(own), estimated)
    # "Сахар и мука, 2 мешка по 50 кг": the bags count, not what each holds
    return Quantity(sum(c.value for c in trailing if not c.each), estimated)


#: Words that count things of any kind: "~70 вещей", "3 игрушки" after a list.
_THINGS = frozenset(
    [
        "вещь",
        "вещи",
        "вещей",
        "речі",
        "речей",
        "предмет",
        "предмета",
        "предметы",
        "предметов",
        "предмети",
        "предметів",
        "единиц",
        "одиниць",
        "штук",
        "позиций",
        "позицій",
        "наименований",
        "найменувань",
        "игрушки",
        "игрушек",
        "іграшки",
        "іграшок",
    ]
)


def _total_by_name(own: list[_Part], code: str, attached: dict[int, list[Count]]) -> bool:
    """ "шапки, шарфы, варежки и носки, ~70 вещей": things with no count of their own,
    then a word for things with one: the count of them all, which names no kind of
    its own ("одеяло, постельное 2 комплекта" names one more thing)."""
    *listed, last = own
    counted = [c for cat, c in last.counts if cat == code and not c.each]
    return (
        bool(listed)
        and len(counted) == 1
        and counted[0].unit not in HOLDERS  # "…, пакет детских вещей" is one more thing
        and not _kinds_of(last, code)
        and bool(set(tokens(fold(last.text))) & _THINGS)
        and all(_kinds_of(part, code) for part in listed)
        and _uncounted(listed, code, attached)
    )


def _uncounted(parts: list[_Part], code: str, attached: dict[int, list[Count]]) -> bool:
    """No part has a count of `code` of its own, in it or right after it."""
    return not any(
        attached.get(id(part)) or any(cat == code for cat, _ in part.counts) for part in parts
    )


def _kinds_of(part: _Part, code: str) -> list[str]:
    """The kinds a segment names; a category word beside them is their heading
    ("засоби гігієни (шампунь", "посуда: миски")."""
    return [h.sense.kind for h in part.hits if h.sense.category == code and h.sense.kind]


def _size_like(count: Count, code: str) -> bool:
    """A bare number left after a list of sizes ("сапоги 41, 42"): a size too."""
    if count.unit:
        return False
    if code == "shoes":
        return 15 <= count.value <= 48
    return code == "clothing" and 36 <= count.value <= 190


def _following(code: str, parts: list[_Part]) -> list[tuple[_Part, _Part]]:
    """Thing-less segments right after a segment whose last thing is of `code`,
    each with that segment ("шапка - 2 шт", "куртки 5 шт, размеры 50-54")."""
    out: list[tuple[_Part, _Part]] = []
    last: _Part | None = None
    for part in parts:
        if part.codes:
            last = part
        elif last is not None and _last_thing(last) == code:
            out.append((last, part))
    return out


def _last_thing(part: _Part) -> str:
    """The category of the segment's last thing that is no accessory: in "ліжечко з
    матрацом, 2 шт" the count is the crib's."""
    main = [code for code in part.codes if code not in part.accessories]
    return (main or list(part.codes))[-1]


def _shared_totals(parts: list[_Part]) -> set[int]:
    """Totals standing alone that sum up things of more than one category (by id):
    "одежда 17, обувь 11, … Всего 65 единиц" is the grand total of the list."""
    seen: set[str] = set()
    counted = 0
    out: set[int] = set()
    for part in parts:
        seen.update(c for c in part.codes if c != OTHER)
        for _, count in part.counts:
            grand = count.total and not part.codes and len(seen) > 1 and count.value == counted
            if grand:
                out.add(id(count))
            elif not count.total:
                counted += count.value
    return out


def _orphans(following: list[tuple[_Part, _Part]]) -> dict[int, list[Count]]:
    """Counts of thing-less segments (`_following`), by the segment they follow
    (keyed by id() of that segment)."""
    out: dict[int, list[Count]] = {}
    for last, part in following:
        out.setdefault(id(last), []).extend(c for cat, c in part.counts if not cat)
    return out


def column_quantity(
    column: str,
    line: ItemLine,
    *,
    only_line: bool = False,
    row_items: tuple[tuple[str, str], ...] = (),
) -> tuple[Quantity | None, str]:
    """The count a need's quantity cell gives `line` and the unit it counts in
    ("100 кг", "20 уп"; "" when none): "20", "по 20 шт" (of each thing), or
    "курток 30, обуви 20 пар" (per thing). When `line` is the row's only one,
    every count in the cell is its ("котлов 2, половников 4"). A count headed by a word
    of the line's item is its, unless the row's line of the count's own category names
    that word too (`row_items`: category and item of each of the row's lines)."""
    # "нужно 40, уже привезли 15": 25; "по 1 на номер, 40 номерів, 15 вже є": 15 there
    missing, had = partly_met(column)
    column = missing or column
    if per_size(column):  # "по 2 пары каждого размера", "по паре на размер"
        listed = _column_counts(without_sizes(column), line, only_line, row_items)
        each = listed[0].value if listed else 1
        unit = next((c.unit for c in listed if c.unit), "")
        return Quantity(each * sizes_asked(line.size, line.category, column), False), unit
    # the line's own text alone, when the cell is empty: "по мішку муки на двір, дворів 60"
    for_all = per_head(column, line.item) if only_line or not column.strip() else None
    if for_all:  # "по 2 кг на семью, 25 семей": fifty kilograms
        # "одеяла и подушки | по 1 на человека": one of each ("по 4 матраса" names its own)
        things = _things_listed(line) if for_all[2] else 1
        asked = for_all[0] * things
        left = asked - had if 0 < had < asked else asked
        return Quantity(left, False), unit_named(for_all[1])
    if not only_line and counts_only_people(column):
        return None, ""  # "одеяла, вода, еда | человек 40": how many people, not things
    counts = _column_counts(column, line, only_line, row_items)
    kits = kits_for_people(column, line.item) if only_line and not counts else None
    if kits:  # "продуктовые наборы | на 80 семей": a set for each family
        return Quantity(kits, True), ""
    heads = heads_only(column) if only_line and _one_thing(line) else None
    if heads:  # "зимние куртки для детей | на 27 детей": a jacket each
        return Quantity(heads, False), ""
    if not counts:
        return None, ""
    unit = next((c.unit for c in counts if c.unit), "")
    if counts[0].each:
        return Quantity(counts[0].value * _each_of(line), counts[0].estimated), unit
    return Quantity(sum(c.value for c in counts), any(c.estimated for c in counts)), unit


def _things_listed(line: ItemLine) -> int:
    """How many things a need's item lists one after another: "одеяла и подушки" two;
    "белье, комплекты" (one kind named twice) and "аптечки (с жгутом)" one."""
    kinds = len(line.kind.split("+")) if line.kind else line.things
    item = line.item
    if _KIT.search(fold(item)):  # "продуктовые наборы (крупа, масло)": what a kit holds
        item = _IN_BRACKETS.sub("", item)
    listed = sum(1 for piece in split_segments(item) if _part(piece).hits)
    return max(1, min(kinds, listed))


def _one_thing(line: ItemLine) -> bool:
    """A line asking for one thing ("куртки", "матрасы"), of which each takes one."""
    return (
        line.category in ONE_EACH_CATEGORIES
        and bool(line.kind)
        and "+" not in line.kind
        and line.things <= 1
    )


#: "шприци 2 мл, 5 мл, 10 мл", "катетеры №16, №18": sorts listed by a measure or a number.
_LISTED_MEASURES = re.compile(
    r"(?:(?<!\w)(?:№|no)\s*\d+|\d+(?:[.,]\d+)?\s*(?:мл|ml|г|мг|mg|см|мм)\b)"
)


def _each_of(line: ItemLine) -> int:
    """What "по 5 пар" multiplies: the things named, or the sizes listed of one
    thing ("обувь 39, 40, 41, 42"; weight classes and ages aside), the sorts
    listed by a measure or a number, or the stages of a formula ("Nan 1 / Nan 2")."""
    formula = line.kind == "baby_food/formula"
    sizes = [s for s in line.size.split(", ") if s and (s.isdigit() or s.isalpha() or formula)]
    # "Анальгин 2 мл амп. №10, Димедрол 1 мл амп. №10": measures of two things named
    # are their doses and packs, not sorts of one
    sorts = len(set(_LISTED_MEASURES.findall(fold(line.item)))) if line.things <= 1 else 0
    return max(1, line.things, len(sizes), sorts, _things_in_pieces(line))


def _things_in_pieces(line: ItemLine) -> int:
    """ "Тарелки, чашки, ложки вилки": each piece's things of the line's category,
    a piece naming two ("ложки вилки") counting both; "аптечки (с жгутом)": what is in
    brackets comes with the thing."""
    total = 0
    for piece in split_segments(_IN_BRACKETS.sub("", line.item)):
        if _CHOICE.search(fold(piece)):
            total += 1  # "кровати или раскладушки": one or the other
            continue
        # ("Посуд: тарілки, чашки": the heading names no thing of its own)
        hits = _part(piece).hits
        senses = {h.sense for h in hits if h.sense.category == line.category and h.sense.kind}
        total += sum(
            1
            for sense in senses
            if not any(o != sense and within(sense.kind, o.kind) for o in senses)
        )
    return total


_CHOICE = re.compile(r"(?<!\w)(?:или|або|чи|либо|or)(?!\w)")


def _column_counts(
    column: str, line: ItemLine, only_line: bool, row_items: tuple[tuple[str, str], ...]
) -> list[Count]:
    if not column:
        return []
    paired = line.category == "shoes" or line.unit == "pairs" or _names_paired(line.item)
    if paired and fold(column).strip(" .!") in PAIR_WORDS:
        return [Count(1, False, "pairs", 0)]  # "пару" of boots is one pair
    # "36-40 — 10 пар, 41-45 — 10 пар": the counts; the item keeps the sizes
    folded = fold(column)
    listed = _SIZE_COUNTS.sub(lambda found: _size_count(found, counts_only=True), folded)
    listed = _LETTER_SIZE_COUNTS.sub(r" \g<count>", listed)
    column = listed if listed != folded else column
    # "куртки 15 валенки 15": a segment per thing, as in the item text
    pieces = [p for piece in split_segments(column) for p in run_on_pieces(piece)]
    parts = [_part(piece, quantity_cell=True) for piece in pieces]
    written = line.size.split(", ")
    lows = {size.split("-")[0] for size in written}
    # "Сапожки р. 24-28 | 24-28", "р. 38 | 38": the item's own sizes typed again, not
    # a count; "куртки 12-16 років | 12" counts twelve
    headed = [
        (p, cat, c)
        for p, cat, c in _headed_counts(parts)
        if c.unit or str(c.value) not in (lows if c.estimated else written)
    ]
    counted = [(cat, c) for _, cat, c in headed]
    # "круги 5, памперсы 30 уп.": a count headed by a word of this line's item is its
    mine = [c for p, cat, c in headed if _headed_here(p, cat, line, row_items)]
    if only_line and counted:  # the row's only line: every count of the cell is its
        return [c for _, c in counted if not c.each] or [c for _, c in counted]
    if mine:
        return mine
    codes = [code for code, _ in row_items]
    # "20 комплектів і 20 пар" beside "форма і кеди": the pairs are the shoes'
    pairs = [c for _, c in counted if c.unit == "pairs"]
    # (a word of a category the row does not ask for heads nothing: "5 комплектов")
    unheaded = not any(set(p.codes) & set(codes) for p, _, c in headed if c.unit != "pairs")
    if (
        pairs
        and len(pairs) < len(counted)
        and "shoes" in codes
        and len(set(codes)) > 1
        and unheaded
    ):
        return [c for _, c in counted if (c.unit == "pairs") == (line.category == "shoes")]
    if any(p.codes for p in parts if not p.containers):
        return []  # the cell counts other things
    # "1 + 1 пара" beside "пальто, чоботи": a count for each line, in the row's order
    # (an "other" line may stand after the things it was written before: no order)
    each_line = len(counted) == len(codes) == len(set(codes)) > 1 and OTHER not in codes
    items = [item for _, item in row_items]  # each line its own words, none inside another
    each_line = each_line and not any(a in b for a, b in itertools.permutations(items, 2))
    if each_line and not any(cat or c.each for cat, c in counted):
        return [counted[codes.index(line.category)][1]]
    loose = [c for _, c in counted]
    plain = [c for c in loose if not c.each]
    return plain or loose[:1]


def _headed_here(
    part: _Part, category: str, line: ItemLine, row_items: tuple[tuple[str, str], ...]
) -> bool:
    """Whether a count of the quantity cell is `line`'s: "чайников 3" beside the lines
    "чайники електричні" and "термоси" heads the kettles whatever category the word
    alone has; a word of no line's item, or of several, leaves it to the category."""
    named = {code for code, item in row_items if _headed_by_item(part, item)}
    if len(named) == 1:
        return named == {line.category}
    return category == line.category


def _headed_by_item(part: _Part, item: str) -> bool:
    """Whether a word of a quantity cell's segment ("круги 5", "наборы 80") is one of
    the item's own words, inflected or not ("противопролежневые круги")."""
    words = [t for t in tokens(fold(part.text)) if len(t) >= 4 and t.isalpha()]
    item_words = tokens(fold(item))
    return any(w[: max(4, len(w) - 2)] in t for w in words for t in item_words)


def _headed_counts(parts: list[_Part]) -> list[tuple[_Part, str, Count]]:
    """Each count of a quantity cell with its category: "продукты - 100 наб.,
    гигиена - 50 наб." counts each thing in the segment after it."""
    out: list[tuple[_Part, str, Count]] = []
    for k, part in enumerate(parts):
        before = parts[k - 1] if k else None
        # "суміш — 40 банок": the jars name no thing of their own
        plain = not part.codes or part.containers
        heading = before and not before.counts and len(before.codes) == 1 and plain
        for cat, count in part.counts:
            if heading and before and (not cat or part.containers):
                cat = before.codes[0]
            out.append((part, cat, count))
    return out


def _names_paired(item: str) -> bool:
    """ "костыли | пара": a thing used in pairs, so "пара" is one pair."""
    return any(lemma_in(tok, attributes().paired) for tok in tokens(fold(item)))


def _ordered(codes: list[str]) -> list[str]:
    unique = list(dict.fromkeys(codes))
    real = [code for code in unique if code != OTHER]
    return real or unique


@lru_cache(maxsize=50_000)
def read_items(labels: str, text: str, *, labels_decide: bool) -> Items:
    """Lines for the categories named in `labels` (a checkbox answer or a category
    cell) and in the free `text`.

    With `labels_decide`, recognized labels alone set the categories (a need's
    category column); otherwise labels and text are combined (a donor's
    checkboxes plus what the details mention). "other" stays only when it
    names a thing (coal, a bicycle), or when nothing else is named.
    """
    typed, text = text, _letter_size_counts(as_meant(text))  # "ой ні, 3": as settled
    text = without_summaries(text)  # "… = 24", "Итого: одежды 12, обуви 5 пар"
    text = _DIOPTERS.sub(" ", text)
    boxes = _label_codes(labels)
    label_codes, vague = boxes.codes, boxes.vague
    free = _not_repeated(boxes.free, text)
    segments = [piece for segment in split_segments(text) for piece in run_on_pieces(segment)]
    pieces = [*free, *segments] if text or free else []
    glued = _typed_glued(text)
    parts: list[_Part] = []
    context: tuple[Hit, ...] = ()  # the last thing named: "сапоги 40, 41, 42"
    ticked = {*label_codes, *vague}
    for k, piece in enumerate(pieces):
        part = _part(piece, glued=glued)
        if not labels_decide and part.asks:
            continue  # "нам бы нужна коляска": the donor's own need
        if piece not in free and _heading(piece, part, pieces[k + 1 : k + 2], ticked):
            continue
        if not part.hits and context:
            part = _part(piece, context, glued=glued)
        if parts and _comes_along(part, parts[-1]):
            part = replace(part, accessories=part.codes)
        if parts:
            part = _shared_modifier(part, parts[-1])
        context = part.hits or context
        parts.append(part)
    parts = _totals_of_one_kind(parts)
    held = {c for p in parts if not p.containers for c in p.codes}
    if held:  # "консервы, 20 банок": the jars hold food; "банки, крышки" are kitchenware
        parts = [_without_things(p) if p.containers and _holds(p, held) else p
                 for p in parts]  # fmt: skip
    parts = _in_context(parts, {*label_codes, *vague})
    parts = planted(parts, _resensed_all, free)
    parts = _without_owned_accessories(parts)
    if any(c != OTHER for p in parts for c in p.codes):
        # (not when the answer offers carrying: "перевезти мебель, грузчики свои")
        carrying = any(h.sense.kind == "transport" for p in parts for h in p.hits)
        parts = [p for p in parts if p.text in free or not _delivery_only(p)]
        if not carrying:
            parts = [p for p in parts if p.text in free or not _loading_only(p)]
        homes = any(is_home_named(h) for p in parts for h in p.hits)
        if homes and not offers_a_roof(f"{labels} {text}"):
            parts = _without_homes_named(parts, free)
        parts = [_without_things(p) if _only_whom_for(p) else p for p in parts]
        parts = [q for p in parts if (q := p if p.text in free else _without_occasions(p))]
        parts = [_without_bracketed_home(p) for p in parts]
        if not labels_decide:  # "транспорт: вывезти мебель" asks for the vehicle
            parts = [_without_vehicle_heading(p) for p in parts]
        answer = tokens(fold(text))
        boxed = tokens(fold(" ".join(boxes.free)))  # "Другое: гроші" offers the money
        if not set(boxed) & MONEY_WORDS:
            parts = [p for p in parts if p.text in free or not _collected_money(p, answer)]
        if "clothing" not in ticked and not labels_decide:
            parts = [p for p in parts if p.text in free or not _things_in_passing(p, parts)]
    # "Обуви нет", "Постільна білизна — ні": what the answer says is not there
    denied = denied_in(fold(typed)) if typed else frozenset()  # also in what as_meant cut
    if typed and text != typed:  # "Шкаф тоже передумали отдавать": its box goes too
        denied = denied | (_named_codes(typed) - _named_codes(text))
    parts = [p for p in parts if not p.codes or not set(p.codes) <= denied]
    text_codes = [c for p in parts for c in p.codes]
    other_things = any(h.sense.category == OTHER and h.sense.kind for p in parts for h in p.hits)
    # a box the details answer under another category, or deny, goes
    label_codes = [
        c for c in label_codes if c in text_codes or not (c in denied or _explained(c, parts))
    ]
    if text and rest_ticked_by_mistake(fold(text)):
        label_codes = [c for c in label_codes if c in text_codes]
    additive = fold(text).lstrip().startswith(_ALSO)  # «Одежда», "и немного посуды"
    # (the box's own words beside it, "Одежда, могу консультировать", are no details)
    detail_codes = [c for p in parts if p.text not in free for c in p.codes]
    if len(label_codes) == 1 and detail_codes and label_codes[0] not in text_codes and not additive:
        label_codes = []  # «Одежда», "тапочки 5 пар": one box, the details name something else
    if not text_codes:  # a vague box stands for its category only when nothing else is said
        label_codes += vague
    if labels_decide and [c for c in label_codes if c != OTHER]:
        codes = _ordered(label_codes)
    else:
        codes = _ordered(label_codes + text_codes)
        if other_things and OTHER not in codes:
            codes.append(OTHER)
    recognized = bool(codes)
    if not codes:
        codes = [OTHER]
    single = len(codes) == 1
    fallback = ", ".join([*free, typed] if typed else free) or labels
    lines = [_line(code, parts, fallback, single) for code in codes]
    if labels_decide:  # a need for a crib with a mattress: the mattress alone is no match
        lines = [
            replace(line, kind=ACCESSORY) if _only_accessory(line.category, parts) else line
            for line in lines
        ]
    if not labels_decide and _expired(text):
        lines = spoiled_as_other(lines)
        single = len(lines) == 1
    if single:  # one category: the whole answer, exactly as typed, is its text
        lines = [replace(lines[0], item=fallback)]
    # a box the details say nothing about keeps the box's own words, not the details
    lines = [
        replace(line, item=boxes.words[line.category])
        if line.from_label and not single and line.category in boxes.words
        else line
        for line in lines
    ]
    return Items(tuple(_implied(line) for line in lines), recognized)


#: What must not be given once out of date.
_PERISHABLE = frozenset({"medicine", "food"})
_EXPIRED = re.compile(
    r"(?<!\w)(?:просроч|простроч|expired)|(?:истек|закінчився) (?:срок|термін)"
    # "срок годн. истек в ноябре", "термін придатності закінчився"
    r"|(?:срок|термін)\w* (?:\w+\.? )?(?:истек|закінчився|вийшов|вышел)(?!\w)"
)


#: "всё не просрочено", "без просрочки", "Просрочки нет": said to be in date.
_NOT_EXPIRED = re.compile(
    r"(?<!\w)(?:не|без|нет|нема|немає)\s+(?:\w+\s+)?(?:просроч|простроч)\w*"
    r"|(?<!\w)(?:просроч|простроч)\w*\s+(?:нет|нема|немає|не\s+\w+)"
    # "есть просроченные - их выбросим": the ones out of date go, the rest is given
    r"|(?<!\w)(?:просроч|простроч)\w*[^.!]{0,25}(?:выброс|выкин|викин|викид|утилиз)\w*"
)


def _expired(text: str) -> bool:
    return bool(text) and bool(_EXPIRED.search(_NOT_EXPIRED.sub(" ", fold(text))))


def spoiled_as_other(lines: list[ItemLine]) -> list[ItemLine]:
    """ "нурофен, просрочен в сентябре": medicine and food out of date are never
    proposed; they stay as an "other" line, with their text, for the coordinator."""
    spoiled = [line for line in lines if line.category in _PERISHABLE]
    if not spoiled:
        return lines
    others = [line for line in lines if line.category == OTHER]
    kept = [line for line in lines if line.category not in {*_PERISHABLE, OTHER}]
    item = ", ".join(line.item for line in [*others, *spoiled] if line.item)
    return [*kept, replace(spoiled[0], category=OTHER, kind="", item=item, audience="", season="")]


#: "своя машина", "власним транспортом", "Транспорт — наш": whose vehicle it is.
_OWN = frozenset({"свой", "своя", "свою", "своим", "своей", "своем", "своєю", "своїм", "своєму",
                  "своїй", "свої", "своих", "своїх", "свій", "власний", "власним", "власною",
                  "власній", "наш", "наша", "нашим", "нашою", "нашій", "нашей", "моей", "моїй",
                  "моєю", "моим", "моїм", "личный", "личным", "особистим"})  # fmt: skip


#: "є речі": what there is, offered.
_THERE_IS = frozenset({"есть", "є", "имеется", "маю", "имею", "отдам", "віддам", "отдаю", "віддаю",
                       "отдадим", "віддамо", "передам", "передаю"})  # fmt: skip


def _collected_money(part: _Part, answer: list[str]) -> bool:
    """A part naming only money collected to buy the things given (`asides`)."""
    only_money = bool(part.hits) and all(h.sense.category == OTHER for h in part.hits)
    return only_money and money_spent_on_things(tokens(fold(part.text)), answer)


def _without_vehicle_heading(part: _Part) -> _Part:
    """ "Машина з Києва 14 лютого: одяг 30 мішків", "собрал бус: одежда": a vehicle
    before a colon heads what it carries."""
    head, colon, rest = part.text.partition(":")
    if not colon or not any(h.sense.kind.startswith("transport") for h in part.hits):
        return part
    before, after = set(tokens(fold(head))), set(tokens(fold(rest)))
    carried = any(h.sense.category != OTHER and h.tokens[0] in after for h in part.hits)
    if not carried:  # ("Бус: можу перевезти меблі": the furniture carried is no thing)
        return part
    kept = _keeping(part, lambda h: not (h.sense.kind.startswith("transport")
                                         and h.tokens[0] in before - after))  # fmt: skip
    return kept or part


def _things_in_passing(part: _Part, parts: list[_Part]) -> bool:
    """ "Хотим чтобы вещи пошли людям", "вещи передать сложно": "things" said in
    passing, uncounted and undescribed, in a clause of its own (a verb or a "не"
    in it: "вещи и игрушки" lists them), beside things named, with no clothes box
    ticked, are not clothes offered."""
    toks = tokens(fold(part.text))
    return (
        bool(part.hits)
        and any(t == "не" or (is_verb(t) and t not in _THERE_IS) for t in toks)
        and all(h.sense.weak and h.sense.category == "clothing" for h in part.hits)
        and not (part.counts or part.sizes or part.audience or part.season)
        and any(h.sense.category != "clothing" for p in parts for h in p.hits)
    )


def _only_whom_for(part: _Part) -> bool:
    """ "кровать 3 шт, подойдёт для общежития": a segment that names only the place
    or the people the other things are for."""
    toks = tokens(fold(part.text))
    return bool(part.hits) and all(
        h.sense.category == OTHER and toks[h.start - 1 : h.start] == ["для"] for h in part.hits
    )


def _without_bracketed_home(part: _Part) -> _Part:
    """ "Электроплиты настольные (общежитие переселенцев)": a home in brackets after a
    thing says where the thing goes; no shelter is asked or given."""
    if "(" not in part.text or not any(h.sense.kind == "shelter" for h in part.hits):
        return part
    inside = set(tokens(fold(" ".join(_BRACKETED.findall(part.text)))))
    outside = set(tokens(fold(_BRACKETED.sub(" ", part.text))))
    kept = tuple(
        h for h in part.hits if not (h.sense.kind == "shelter" and h.tokens[0] in inside - outside)
    )
    if len(kept) == len(part.hits) or not kept:
        return part
    return replace(part, hits=kept)


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _delivery_only(part: _Part) -> bool:
    """ "Цукор 2 мішки, можу підвезти", "привеземо своїм бусом", "Нужен транспорт":
    beside things given, transport carried by a verb, owned, used as the means or
    asked for says how they come, not that transport is offered."""
    if not part.hits or not all(h.sense.kind.startswith("transport") for h in part.hits):
        return False
    toks = set(tokens(fold(part.text)))
    asked = toks & attributes().signals["request"]  # "Нужен транспорт": the donor needs it
    return any(is_verb(h.tokens[0]) or is_instrumental(h.tokens[-1]) for h in part.hits) or bool(
        toks & _OWN or asked
    )


#: Loading: "могу помочь погрузить", "с грузчиками", "поможет спустить".
_LOADING = ("погруз", "загруз", "вантаж", "грузчик", "спуст", "вынес", "винес", "занес")


def _loading_only(part: _Part) -> bool:
    """ "отдам шкаф, могу помочь погрузить": beside things given, help loading them
    is part of giving them, not a service offered."""
    return bool(part.hits) and all(
        h.sense.kind == "services" and h.tokens[-1].startswith(_LOADING) for h in part.hits
    )


def _keeping(part: _Part, keep: Callable[[Hit], bool]) -> _Part | None:
    """The part with only the hits `keep` accepts: itself when it keeps them all,
    None when it keeps none."""
    kept = tuple(h for h in part.hits if keep(h))
    if len(kept) == len(part.hits):
        return part
    return replace(part, hits=kept) if kept else None


def _without_occasions(part: _Part) -> _Part | None:
    if not any(h.sense.kind == "services" for h in part.hits):
        return part
    folded = fold(part.text)
    return _keeping(part, lambda h: not is_occasion(h, folded))


def _without_homes_named(parts: list[_Part], free: list[str]) -> list[_Part]:
    """Parts without the homes they name only as where things are (`is_home_named`)."""
    kept: list[_Part] = []
    dropped = False
    for part in parts:
        # "Общежитие №3, комната 412": what goes on after a home is the home's too
        if dropped and not part.hits:
            continue
        # (a part that names only a home goes, and its numbers count nothing)
        homeless = part if part.text in free else _keeping(part, lambda h: not is_home_named(h))
        dropped = homeless is None
        if homeless is not None:
            kept.append(homeless)
    return kept


def _named_codes(text: str) -> frozenset[str]:
    """The categories of the things a text names."""
    return frozenset(c for piece in split_segments(text) for c in _part(piece).codes)


def _heading(piece: str, part: _Part, after: list[str], ticked: set[str]) -> bool:
    """«Детские вещи - это ходунки и манеж»: a ticked box's name typed again before
    the things it stands for is a heading; read alone it would be another thing
    (children's clothes). With nothing named after it, it is the thing itself."""
    key = _box_key(piece)
    box = attributes().form_boxes.get(key) or attributes().vague_boxes.get(key)
    return box in ticked and part.codes != (box,) and bool(after) and bool(_part(after[0]).hits)


def _in_context(parts: list[_Part], ticked: set[str]) -> list[_Part]:
    """A word of two senses ("ходунки") in the sense of the category the response
    is about, when its own is not: ticked, or named by another thing."""
    parts = _under_box(parts, ticked)
    table = attributes().context_senses
    if not any(h.sense in table for p in parts for h in p.hits):
        return parts
    senses = [h.sense for p in parts for h in p.hits]
    named = Counter(sense.category for sense in senses)
    out = []
    for part in parts:
        for hit in part.hits:
            other = table.get(hit.sense)
            own = hit.sense.category
            grown = {"adult", "men", "women"} & set(part.audience)  # "книги для взрослых"
            phrase = hit.start != hit.end  # "чайник эмалированный" says which sense
            if other is None or own in ticked or grown or phrase:
                continue
            # "тетради, фломастеры": another thing of its own category says which
            if named[own] > 1 and not _several_of_a_sense(hit.sense, senses):
                continue
            if other.category in ticked or named[other.category]:
                part = _resensed(part, hit, other)
        out.append(part)
    return out


def _under_box(parts: list[_Part], ticked: set[str]) -> list[_Part]:
    """Things read in the sense of a ticked box (`box_senses`)."""
    table = attributes().box_senses
    out = []
    for part in parts:
        manual = _MANUAL.search(fold(part.text))  # "ручная, не электрическая": no appliance
        for hit in part.hits:
            other = table.get(hit.sense)
            if other is not None and other.category in ticked and not manual:
                part = _resensed(part, hit, other)
        out.append(part)
    return out


_MANUAL = re.compile(r"(?<!\w)(?:ручн|ножн|механич|не\s+электр|не\s+електр)")


def _without_owned_accessories(parts: list[_Part]) -> list[_Part]:
    """ "Коляска трансформер, дождевик к ней": an accessory beside the thing it
    belongs to is part of it."""
    owners = attributes().accessories_of
    named = {h.sense for p in parts for h in p.hits}
    owned = {sense for sense, owner in owners.items() if sense in named and owner in named}
    if not owned:
        return parts
    out = []
    for part in parts:
        # ("дождевик на коляску" names the accessory as a thing of its own)
        things = tuple(h for h in part.hits if h.sense not in owned or h.start != h.end)
        if len(things) < len(part.hits):
            part = replace(part, hits=things)
        out.append(part)
    return out


#: Things named several at a time ("олівці, пластилін"): more of the same sense
#: still take the context's.
_NAMED_IN_SETS = frozenset({Sense("other", "household/art")})


def _several_of_a_sense(sense: Sense, senses: list[Sense]) -> bool:
    return sense in _NAMED_IN_SETS and all(
        s == sense for s in senses if s.category == sense.category
    )


def _resensed(part: _Part, hit: Hit, sense: Sense) -> _Part:
    return _resensed_all(part, (hit,), sense)


def _resensed_all(part: _Part, hits: Sequence[Hit], sense: Sense) -> _Part:
    """`part` with `hits` read in `sense`; a category left with no thing in the part
    gives its counts to the new one."""
    moved = {id(h) for h in hits}
    new_hits = tuple(replace(h, sense=sense) if id(h) in moved else h for h in part.hits)
    left = {h.sense.category for h in new_hits}
    gone = {h.sense.category for h in hits} - left
    counts = [(sense.category if cat in gone else cat, count) for cat, count in part.counts]
    return replace(part, hits=new_hits, counts=counts)


#: Size words that name a thing ("коляска", "кроватка"): no size of that thing itself.
_SIZE_OF = {"для коляски": ("strollers", "devices/wheelchairs"), "для кроватки": ("cribs",)}


def _itself(size: str, kind: str) -> bool:
    """ "коляска инвалидная": "коляска" is the wheelchair, not a stroller's size."""
    things = _SIZE_OF.get(size, ())
    return any(within(k, t) for k in split_joined(kind) for t in things)


#: Bed sizes (attributes.yaml size_words) that only a child's bed has.
_CHILD_BEDS = frozenset({"для кроватки", "для коляски"})

#: Words that begin details adding to the ticked box rather than correcting it.
_ALSO = ("и ", "і ", "та ", "а также", "ещё", "еще", "ще ", "плюс", "також", "также")

#: A narrower audience makes the broader one beside it redundant.
_NARROWER = {"children": ("boys", "girls"), "adult": ("men", "women")}


def _implied(line: ItemLine) -> ItemLine:
    """What a line says without saying it: diapers in a baby size are for a baby;
    "детская одежда на девочку" is for girls, not for any child."""
    audience = set(split_joined(line.audience))
    for broad, narrow in _NARROWER.items():
        if broad in audience and audience & set(narrow):
            audience.discard(broad)
    if audience != set(split_joined(line.audience)):
        line = replace(line, audience=joined(list(audience)))
    if "diapers" in line.kind and not line.audience and line.size:
        small = re.search(r"(?<![\d-])[0-7](?![\d-]|kg)", line.size)
        if small:
            return replace(line, audience="baby")
    return line


#: "— и другая одежда", "— разное": more of the category, not a word for the list.
_MORE_OF_IT = re.compile(r"(?<![^\W\d_])(?:друг|інш|разн|різн|всяк|прочи|тощо|т\.\s?д)")


def _sums_up(part: _Part, typed: str) -> bool:
    """A last segment after a dash that names the category only, no other thing:
    a word for the things listed before it."""
    if part.counts or _MORE_OF_IT.search(fold(part.text)):
        return False
    after_dash = re.search(r"[—–]\s*" + re.escape(part.text.strip()[:20]), typed)
    return after_dash is not None and all(not h.sense.kind for h in part.hits)


def _explained(code: str, parts: list[_Part]) -> bool:
    """A ticked box answered by a thing read under another category: a crib
    ticked as «Мебель» too, or a child's jacket ticked as «Детские вещи»."""
    also = lexicon().also
    for part in parts:
        for hit in part.hits:
            kind = hit.sense.kind
            if code in also.get((hit.sense.category, kind), ()) or code in also.get(
                (hit.sense.category, kind.split("/")[0]), ()
            ):
                return True
        if code == "children" and part.codes and {"children", "baby"} & set(part.audience):
            return True
    return False
