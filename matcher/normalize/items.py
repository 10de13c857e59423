"""What a row offers or needs: one line per category, each with its own text,
count and item model (kinds, audience, season, size, unit).

"Одежда, Посуда" + "детская одежда 2 пакета, кастрюли" gives
clothing ("детская одежда 2 пакета", 2 bags, children) and kitchenware
("кастрюли", no count). A count binds to its own thing: "постельное бельё и
три сковородки" is kitchenware 3 and bedding with no count; counts of one
category add up: "3 пары ботинок и 2 пары сапог" is shoes 5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from matcher.normalize.categories import OTHER, Hit, hits_in, split_segments, token_lemmas
from matcher.normalize.lexicon import attributes, lexicon
from matcher.normalize.morph import is_adjective, number_of
from matcher.normalize.numbers import Count, read_numbers
from matcher.normalize.quantities import Quantity
from matcher.text import fold, tokens

#: Characters a spreadsheet would take for a formula; they prefix real text too.
_FORMULA_PREFIX = re.compile(r"^[\s=+\-@]+")
#: Joins several values of one attribute ("men+women").
JOIN = "+"
#: Units that hold other things: "2 пакета: кофты, штаны" is two bags.
_PACKED = frozenset({"bags", "boxes"})
#: Units that hold a measured amount, and the measures that are then per unit.
_HOLDERS = frozenset({"bags", "boxes", "packs", "jars", "buckets"})
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
    #: True when the line comes from a ticked box alone, with no words of its own.
    from_label: bool = False
    #: How many things the text names for this line ("шкаф, сервант" is 2).
    things: int = 0

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
    #: True when the only things named are containers ("20 банок").
    containers: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(hit.sense.category for hit in self.hits))

    def concrete(self, code: str) -> bool:
        """True when the segment names a thing of `code`, not only the category."""
        return any(h.sense.category == code and h.sense.kind for h in self.hits)


#: Times, dates and month-years: "17:00", "12.12.2014", "12.2015".
_DATES = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)|(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)"
    r"|(?<!\d)\d{1,2}[./](?:19|20)\d{2}(?!\d)"
)
_FROM_TO = re.compile(r"(?:от|від|с|з)\s+(\d+)\s+(?:до|по)\s+(\d+)")
_DIMENSIONS = re.compile(r"(\d)\s*[xх×*]\s*(?=\d)")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])(?!x{1,3}l\b)")
#: A thing after one of these, behind another thing, is what that thing is for:
#: "шкаф для одежды" is furniture, "деньги на лекарства" is money.
_PURPOSE = frozenset({"для", "на", "под", "під", "от", "від", "в", "у", "во"})


def _strip_formula(text: str) -> str:
    return _FORMULA_PREFIX.sub("", text or "")


def _prepared(piece: str) -> str:
    """The folded segment, dates dropped, glued digits spaced ("куртка46р"),
    "от 5 до 7" written as the range "5-7"."""
    folded = _LETTER_DIGIT.sub(" ", _DATES.sub(" ", fold(_strip_formula(piece))))
    folded = _FROM_TO.sub(r"\1-\2", folded)
    return _DIMENSIONS.sub(r"\1х", folded)


def _axis_values(folded: str, toks: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    attrs = attributes()
    audience: list[str] = []
    season: list[str] = []
    for phrase, (axis, value) in attrs.phrases.items():
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            (audience if axis == "audience" else season).append(value)
    for token in toks:
        for lemma in (token, *token_lemmas(token)):
            if lemma in attrs.audience:
                audience.append(attrs.audience[lemma])
                break
            if lemma in attrs.season:
                season.append(attrs.season[lemma])
                break
    return tuple(dict.fromkeys(audience)), tuple(dict.fromkeys(season))


def _is_container(hit: Hit, toks: list[str]) -> bool:
    """A jar, a bag, a bucket: what things come in, named as a unit."""
    if hit.start != hit.end:
        return False
    units = attributes().units
    token = toks[hit.start]
    return token in units or any(lemma in units for lemma in token_lemmas(token))


def _kept_hits(hits: tuple[Hit, ...], toks: list[str]) -> tuple[Hit, ...]:
    """Drop what a segment names only in passing: the purpose of another thing,
    and a weak word ("вещи") beside a real one."""
    out: list[Hit] = []
    for hit in hits:
        purpose = hit.start > 0 and toks[hit.start - 1] in _PURPOSE and bool(out)
        if not purpose:
            out.append(hit)
    if len(out) > 1:  # "штаны ватные": an adjective beside a thing describes it
        nouns = [h for h in out if not (h.start == h.end and is_adjective(toks[h.start]))]
        out = nouns or out
    strong = {h.sense.category for h in out if not h.sense.weak and not _is_container(h, toks)}
    return tuple(h for h in out if not h.sense.weak or not (strong - {h.sense.category}))


def _bind(
    counts: tuple[Count, ...], hits: tuple[Hit, ...], toks: list[str]
) -> list[tuple[str, Count]]:
    """Each count to the thing it belongs to: the thing after it ("3 куртки"),
    else the nearest thing before it ("куртки 3 шт"); containers only as a last resort."""
    things = [h for h in hits if not _is_container(h, toks)] or list(hits)
    out: list[tuple[str, Count]] = []
    for count in counts:
        after = [h for h in things if count.token < h.start <= count.token + 3]
        before = [h for h in things if h.end < count.token]
        hit = after[0] if after else (before[-1] if before else None)
        out.append((hit.sense.category if hit else "", count))
    return out


@lru_cache(maxsize=100_000)
def _part(piece: str, context: tuple[Hit, ...] = ()) -> _Part:
    """One segment read; `context` is the thing of the segment before, for a
    segment that names none ("сапоги 41, 42": the 42 is a size too)."""
    folded = _prepared(piece)
    toks = tokens(folded)
    hits = _kept_hits(hits_in(folded), toks)
    numbers = read_numbers(folded, hits or context)
    audience, season = _axis_values(folded, toks)
    counts = _bind(numbers.counts, hits, toks)
    things = tuple(h for h in hits if not _is_container(h, toks))
    return _Part(
        piece, things or hits, counts, numbers.sizes, audience, season, bool(hits) and not things
    )


def _not_repeated(free: list[str], text: str) -> list[str]:
    """Text typed under «Другое» that the details name again ("санки" + "Санки 2 шт")."""
    if not free or not text:
        return free

    def things(piece: str) -> set[tuple[str, str]]:
        return {(h.sense.category, h.sense.kind) for h in _part(piece).hits}

    named = {thing for piece in split_segments(text) for thing in things(piece)}
    return [piece for piece in free if not things(piece) or not things(piece) <= named]


def _without_things(part: _Part) -> _Part:
    loose = [("", count) for _, count in part.counts]
    return _Part(part.text, (), loose, part.sizes, part.audience, part.season)


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
            code = attributes().form_boxes[key]
        elif (
            part.hits
            and all(not hit.sense.kind for hit in part.hits)
            and not part.counts
            and not any(ch.isdigit() for ch in piece)
        ):
            code = part.codes[0]
        else:
            out.free.append(piece)
            continue
        out.codes.append(code)
        out.words.setdefault(code, piece)
    return out


def _set(value: str) -> list[str]:
    return [v for v in value.split(JOIN) if v]


def _joined(values: list[str]) -> str:
    return JOIN.join(sorted(dict.fromkeys(v for v in values if v)))


def _form(part: _Part, code: str) -> str:
    """ "one" when the segment names a single thing of `code` ("сковорода"),
    "many" for a plural or a mass noun ("кастрюли", "бельё"): no count then."""
    forms = {
        _head_form(h.tokens, code) for h in part.hits if h.sense.category == code and h.sense.kind
    }
    return "one" if forms <= {"one"} else "many"


def _head_form(toks: tuple[str, ...], code: str) -> str:
    """How the head noun of a hit is counted: "стульчик для кормления" is one
    (the first noun), "зимние сапоги" one pair (things worn in pairs)."""
    paired = attributes().paired
    for tok in toks:
        if code == "shoes" or tok in paired or _lemma_paired(tok):
            return "one"
        form = number_of(tok)
        if form:
            return form
    return "one"


def _lemma_paired(token: str) -> bool:
    return any(lemma in attributes().paired for lemma in token_lemmas(token))


def _total(
    code: str, own: list[_Part], extra: list[Count], attached: dict[int, list[Count]]
) -> tuple[Quantity | None, int]:
    """The line's count and how many things it names.

    Counts of one category add up. A single thing named without a count is one,
    as a person reads "кастрюли 2 шт, сковорода" as three; things named in the
    plural without a count leave the total unknown. "по 20 шт" after several
    things is twenty of each; bags and boxes, when counted, are the count.
    """
    things = sum(1 for p in own if p.concrete(code))
    listed = _list_total(own, code, attached)
    if listed is not None:
        return listed, things
    counts: list[Count] = []
    singles = 0
    unknown = 0
    for part in own:
        mine = [c for cat, c in part.counts if cat == code] + attached.get(id(part), [])
        if any(not c.each for c in mine):  # "10 пачок по 1 кг": the packs count
            mine = [c for c in mine if not c.each]
        counts += mine
        if not [c for c in mine if not c.each] and part.concrete(code) and code != OTHER:
            if _form(part, code) == "one":
                singles += 1
            else:
                unknown += 1
    counts += extra
    things = sum(1 for p in own if p.concrete(code))
    if {c.unit for c in counts} & _HOLDERS:  # "сахар мешок 50 кг": the bag counts, not the kg
        counts = [c for c in counts if c.unit not in _MEASURED]
    each = [c for c in counts if c.each]
    plain = [c for c in counts if not c.each]
    estimated = any(c.estimated for c in counts)
    if any(c.unit in _PACKED for c in plain):
        return Quantity(sum(c.value for c in plain), estimated), things
    if each:
        total = sum(c.value for c in plain) + each[0].value * max(1, singles + unknown)
        return Quantity(total, estimated), things
    if unknown:
        return None, things
    total = sum(c.value for c in plain) + singles
    return (Quantity(total, estimated or singles > 0) if total else None), things


def _line(code: str, parts: list[_Part], fallback: str, single: bool) -> ItemLine:
    own = [p for p in parts if code in p.codes]
    loose = [p for p in parts if not p.codes]
    extra = [c for p in own for cat, c in p.counts if not cat and single]
    # a count with no thing of its own goes to the thing before it ("шапка - 2 шт")
    attached = {
        key: [c for c in found if not _size_like(c, code)]
        for key, found in _orphans(code, parts).items()
    }
    if single and not own:
        extra += [c for p in loose for cat, c in p.counts if not cat]
    quantity, things = _total(code, own, [c for c in extra if not _size_like(c, code)], attached)
    kind = _joined([k for p in own for k in _kinds_of(p, code)])
    if any(not _kinds_of(p, code) for p in own):
        kind = ""  # a segment names the category only: any kind of it
    described = own + loose if single else own
    item = ", ".join(p.text for p in described) or fallback
    units = [c.unit for p in own for cat, c in p.counts if cat == code and c.unit]
    units += [c.unit for c in extra if c.unit]
    return ItemLine(
        category=code,
        item=item,
        quantity=quantity,
        kind=kind,
        audience=_joined([a for p in described for a in p.audience]),
        season=_joined([s for p in described for s in p.season]),
        size=", ".join(dict.fromkeys(s for p in described for s in p.sizes)),
        unit=units[0] if units else "",
        from_label=not own,
        things=things,
    )


def _list_total(own: list[_Part], code: str, attached: dict[int, list[Count]]) -> Quantity | None:
    """ "варення, соління, компоти — штук 20 банок", "машинки, книжки, всего 7":
    a count after a list of things with no counts of their own is the list's total."""
    if len(own) < 2:
        return None
    last = own[-1]
    for part in own[:-1]:
        if any(cat == code for cat, _ in part.counts) or attached.get(id(part)):
            return None
    trailing = attached.get(id(last), [])
    if not trailing or any(cat == code for cat, _ in last.counts):
        return None
    return Quantity(sum(c.value for c in trailing), any(c.estimated for c in trailing))


def _kinds_of(part: _Part, code: str) -> list[str]:
    """The kinds a segment names; a category word beside them is their heading
    ("засоби гігієни (шампунь", "посуда: миски")."""
    kinds = [h.sense.kind for h in part.hits if h.sense.category == code and h.sense.kind]
    # "таблетки от кашля": a finer item beside its kind names what is meant
    return [k for k in kinds if not any(o.startswith(k + "/") for o in kinds)]


def _size_like(count: Count, code: str) -> bool:
    """A bare number left after a list of sizes ("сапоги 41, 42"): a size too."""
    if count.unit:
        return False
    if code == "shoes":
        return 15 <= count.value <= 48
    return code == "clothing" and 36 <= count.value <= 190


def _orphans(code: str, parts: list[_Part]) -> dict[int, list[Count]]:
    """Counts of thing-less segments, by the segment of `code` they follow
    ("шапка - 2 шт"; keyed by id() of that segment)."""
    out: dict[int, list[Count]] = {}
    last: _Part | None = None
    for part in parts:
        if part.codes:
            last = part
        elif last is not None and last.codes[-1] == code:
            out.setdefault(id(last), []).extend(c for cat, c in part.counts if not cat)
    return out


def column_quantity(column: str, line: ItemLine) -> Quantity | None:
    """The count a need's quantity cell gives `line`: "20", "по 20 шт" (of each
    thing), or "курток 30, обуви 20 пар" (per thing)."""
    if not column:
        return None
    parts = [_part(piece) for piece in split_segments(column)]
    mine = [c for p in parts for cat, c in p.counts if cat == line.category]
    if mine:
        return Quantity(sum(c.value for c in mine), any(c.estimated for c in mine))
    if any(p.codes for p in parts if not p.containers):
        return None  # the cell counts other things
    loose = [c for p in parts for _, c in p.counts]
    plain = [c for c in loose if not c.each]
    if plain:
        return Quantity(sum(c.value for c in plain), any(c.estimated for c in plain))
    if not loose:
        return None
    return Quantity(loose[0].value * max(1, line.things), loose[0].estimated)


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
    boxes = _label_codes(labels)
    label_codes, vague = boxes.codes, boxes.vague
    free = _not_repeated(boxes.free, text)
    pieces = [*free, *split_segments(text)] if text or free else []
    parts: list[_Part] = []
    for piece in pieces:
        part = _part(piece)
        if not part.hits and parts and parts[-1].hits:
            part = _part(piece, parts[-1].hits)
        parts.append(part)
    held = {c for p in parts if not p.containers for c in p.codes}
    if held:  # "консервы, 20 банок": the jars hold food; "банки, крышки" are kitchenware
        parts = [_without_things(p) if p.containers and not set(p.codes) & held else p
                 for p in parts]  # fmt: skip
    text_codes = [c for p in parts for c in p.codes]
    other_things = any(h.sense.category == OTHER and h.sense.kind for p in parts for h in p.hits)
    label_codes = [c for c in label_codes if c in text_codes or not _explained(c, parts)]
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
    fallback = ", ".join([*free, text] if text else free) or labels
    lines = [_line(code, parts, fallback, single) for code in codes]
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


#: A narrower audience makes the broader one beside it redundant.
_NARROWER = {"children": ("boys", "girls"), "adult": ("men", "women")}


def _implied(line: ItemLine) -> ItemLine:
    """What a line says without saying it: diapers in a baby size are for a baby;
    "детская одежда на девочку" is for girls, not for any child."""
    audience = set(_set(line.audience))
    for broad, narrow in _NARROWER.items():
        if broad in audience and audience & set(narrow):
            audience.discard(broad)
    if audience != set(_set(line.audience)):
        line = replace(line, audience=_joined(list(audience)))
    if "diapers" in line.kind and not line.audience and line.size:
        small = re.search(r"(?<![\d-])[0-7](?![\d-]|kg)", line.size)
        if small:
            return replace(line, audience="baby")
    return line


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
