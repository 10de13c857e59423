"""The item lexicon (matcher/data/lexicon.yaml) and the item attributes
(matcher/data/attributes.yaml), validated when loaded.

A *sense* is what one word names: a category and, when the word says which
thing, an item kind under it ("куртка" -> clothing/outerwear; "одежда" ->
clothing with no kind). Every word, typed form and phrase has exactly one
sense; a word listed twice is an error naming both places.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from matcher import vocab
from matcher.model import CATEGORIES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KindSpec(_Strict):
    labels: dict[str, str] = Field(default_factory=dict)
    words: list[str] = Field(default_factory=list)
    typed: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    also: list[str] = Field(default_factory=list)
    #: Finer things under this kind ("outerwear" -> jackets, coats): a word there
    #: names "outerwear/jackets"; a word of the kind itself names any of them.
    items: dict[str, KindSpec] = Field(default_factory=dict)


class CategorySpec(_Strict):
    generic: KindSpec
    weak: KindSpec = Field(default_factory=KindSpec)
    kinds: dict[str, KindSpec] = Field(default_factory=dict)
    phrases: list[str] = Field(default_factory=list)


class LexiconFile(_Strict):
    categories: dict[str, CategorySpec]


class NotCountSpec(_Strict):
    size: list[str]
    age: list[str]
    measure: list[str] = Field(default_factory=list)
    money: list[str] = Field(default_factory=list)
    date: list[str] = Field(default_factory=list)
    floor: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    address: list[str] = Field(default_factory=list)
    capacity: list[str] = Field(default_factory=list)
    time: list[str] = Field(default_factory=list)


class AttributesFile(_Strict):
    audience: dict[str, list[str]]
    season: dict[str, list[str]]
    units: dict[str, list[str]]
    not_count_after: NotCountSpec
    not_count_before: NotCountSpec
    approximately: list[str]
    vague: list[str]
    size_words: dict[str, list[str]]
    paired: list[str]
    season_hints: list[str]
    substances: list[str]
    plural_names_of_one: list[str]
    negators: dict[str, list[str]]
    request_words: list[str]
    own_request_words: list[str]
    plea_words: list[str]
    errand_words: list[str]
    self_words: list[str]
    offer_words: list[str]
    give_words: list[str]
    free_words: list[str]
    pickup_words: list[str]
    thanks_words: list[str]
    ad_words: list[str]
    header_cells: list[str]
    vague_boxes: dict[str, list[str]]
    form_boxes: dict[str, list[str]]
    test_words: list[str]
    broken_words: list[str]
    channel_words: list[str]
    everyday_words: list[str]
    carry_words: list[str]
    service_words: list[str]
    asker_words: list[str]
    lead_in_words: list[str]
    notice_words: list[str]
    addressee_words: list[str]
    closed_words: list[str]
    hiring_words: list[str]
    contact_words: list[str]
    latin_words: list[str]
    context_senses: dict[str, str] = Field(default_factory=dict)
    box_senses: dict[str, str] = Field(default_factory=dict)
    accessories_of: dict[str, str] = Field(default_factory=dict)


AUDIENCES = ("men", "women", "adult", "children", "boys", "girls", "baby")
SEASONS = ("winter", "summer", "demi")


@dataclass(frozen=True, slots=True)
class Sense:
    category: str
    kind: str  # "" when the word names the category only
    #: A word that names the category only when nothing else around it does.
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, Sense]
    phrases: dict[tuple[str, str], Sense]
    #: Only dictionary words and typed forms long enough for typo matching.
    fuzzy_keys: tuple[str, ...]
    kind_labels: dict[tuple[str, str], dict[str, str]]
    #: Lemmas the tests check against pymorphy3 (`words`, not `typed`).
    lemmas: frozenset[str]
    #: (category, kind) -> the other checkbox categories that kind answers.
    also: dict[tuple[str, str], frozenset[str]]


@dataclass(frozen=True, slots=True)
class Attributes:
    audience: dict[str, str]
    season: dict[str, str]
    units: dict[str, str]
    #: Marker word -> why a number next to it is not a count (size, age, ...).
    not_after: dict[str, str]
    not_before: dict[str, str]
    approximately: frozenset[str]
    vague: frozenset[str]
    #: A word that is a size by itself -> its canonical size ("полуторное" -> "полуторный").
    size_words: dict[str, str]
    paired: frozenset[str]
    #: Season words that only hint ("флис", "вязаный"): a season written out wins.
    season_hints: frozenset[str]
    #: Category or "category/kind" paths whose things are substances ("мука",
    #: "корвалол"): named in the singular they are a kind, not one of them.
    substances: tuple[str, ...]
    plural_names_of_one: frozenset[str]
    #: Multi-word entries ("на меху"): matched on the folded text.
    phrases: dict[str, tuple[str, str]]
    negators_before: frozenset[str]
    negators_after: frozenset[str]
    #: "обувь раздала уже": a past give verb with "уже" beside a thing denies it.
    negators_gone: frozenset[str]
    negators_already: frozenset[str]
    #: "мебель отметила случайно": words of a box ticked by mistake, and of ticking.
    negators_mistake: frozenset[str]
    negators_mistake_alone: frozenset[str]
    negators_ticking: frozenset[str]
    #: Word lists that tell what a row is: request, self, offer, thanks, ad, header, test.
    signals: dict[str, frozenset[str]]
    #: Folded box label -> the category it stands for when the details say nothing.
    vague_boxes: dict[str, str]
    #: Folded checkbox option -> its category.
    form_boxes: dict[str, str]
    #: English words never read as Cyrillic typed in Latin letters.
    latin_words: frozenset[str] = frozenset()
    #: A word's sense -> the sense it has in a response about the other category
    #: ("ходунки" beside a crib are a baby walker).
    context_senses: dict[Sense, Sense] = field(default_factory=dict)
    #: A thing read under another category when that category's box is ticked.
    box_senses: dict[Sense, Sense] = field(default_factory=dict)
    #: An accessory's sense -> the thing it belongs to: beside that thing it is
    #: part of it ("коляска, дождевик к ней" is one stroller).
    accessories_of: dict[Sense, Sense] = field(default_factory=dict)


FUZZY_MIN_LEN = 5
#: Words that may stand between the two words of a phrase ("стульчик для кормления").
GAP_WORDS = frozenset(
    {"для", "на", "for", "і", "и", "та", "з", "с", "со", "из", "із", "für", "fur", "dla", "pro"}
)


def _parse(model: type[BaseModel], name: str) -> BaseModel:
    try:
        return model.model_validate(vocab.load_yaml(name))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise vocab.VocabularyError(f"{name}: {where}: {first['msg']}") from exc


def _add(table: dict[str, Sense], entry: str, sense: Sense, where: str) -> None:
    vocab.require_folded([entry], where)
    known = table.get(entry)
    if known is not None and known != sense:
        raise vocab.VocabularyError(
            f"{where}: {entry!r} is already {known.category}/{known.kind or 'generic'};"
            " keep it in one place"
        )
    table[entry] = sense


@cache
def lexicon() -> Lexicon:
    name = "lexicon.yaml"
    spec = _parse(LexiconFile, name)
    assert isinstance(spec, LexiconFile)
    if set(spec.categories) != set(CATEGORIES):
        raise vocab.VocabularyError(f"{name}: categories must be exactly {', '.join(CATEGORIES)}")
    words: dict[str, Sense] = {}
    phrase_words: dict[str, Sense] = {}
    lemmas: set[str] = set()
    kind_labels: dict[tuple[str, str], dict[str, str]] = {}
    also: dict[tuple[str, str], frozenset[str]] = {}
    for code, category in spec.categories.items():
        parts = [("", category.generic), ("", category.weak), *_kind_paths(category.kinds)]
        for kind, kind_spec in parts:
            sense = Sense(code, kind, weak=kind_spec is category.weak)
            where = f"{name}: {code}.{kind or 'generic'}"
            if kind:
                if set(kind_spec.labels) != {"ru", "uk", "en"}:
                    raise vocab.VocabularyError(f"{where}.labels needs ru, uk and en")
                kind_labels[(code, kind)] = dict(kind_spec.labels)
                unknown = set(kind_spec.also) - set(CATEGORIES)
                if unknown:
                    raise vocab.VocabularyError(f"{where}.also: unknown {sorted(unknown)}")
                also[(code, kind)] = frozenset(kind_spec.also)
            for entry in (*kind_spec.words, *kind_spec.typed):
                _add(words, entry, sense, where)
            lemmas.update(kind_spec.words)
            for phrase in kind_spec.phrases:
                _add(phrase_words, phrase, sense, f"{where}.phrases")
        for phrase in category.phrases:
            _add(phrase_words, phrase, Sense(code, ""), f"{name}: {code}.phrases")
    phrases: dict[tuple[str, str], Sense] = {}
    for phrase, sense in phrase_words.items():
        parts_of = [word for word in phrase.split(" ") if word not in GAP_WORDS]
        if len(parts_of) != 2:
            raise vocab.VocabularyError(f"{name}: phrase {phrase!r} must be exactly two words")
        phrases[(parts_of[0], parts_of[1])] = sense
    fuzzy = tuple(sorted(k for k in words if len(k) >= FUZZY_MIN_LEN and "-" not in k))
    return Lexicon(words, phrases, fuzzy, kind_labels, frozenset(lemmas), also)


def _kind_paths(kinds: dict[str, KindSpec], prefix: str = "") -> list[tuple[str, KindSpec]]:
    """Every kind and finer item as ("outerwear", spec), ("outerwear/jackets", spec)."""
    out: list[tuple[str, KindSpec]] = []
    for name, spec in kinds.items():
        path = f"{prefix}/{name}" if prefix else name
        out.append((path, spec))
        out.extend(_kind_paths(spec.items, path))
    return out


def _table(groups: dict[str, list[str]], where: str) -> dict[str, str]:
    for key, entries in groups.items():
        vocab.require_folded(entries, f"{where}.{key}")
    return vocab.synonym_table(groups, where, allow_repeat_in_group=True)


def _markers(spec: NotCountSpec, where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for why, entries in spec.model_dump().items():
        vocab.require_folded(entries, f"{where}.{why}")
        for entry in entries:
            out.setdefault(entry, why)
    return out


@cache
def attributes() -> Attributes:
    name = "attributes.yaml"
    spec = _parse(AttributesFile, name)
    assert isinstance(spec, AttributesFile)
    if set(spec.audience) != set(AUDIENCES) or set(spec.season) != set(SEASONS):
        raise vocab.VocabularyError(
            f"{name}: audience must be {', '.join(AUDIENCES)} and season {', '.join(SEASONS)}"
        )
    audience = _table(spec.audience, f"{name}: audience")
    season = _table(spec.season, f"{name}: season")
    phrases: dict[str, tuple[str, str]] = {}
    for axis, table in (("audience", audience), ("season", season)):
        for entry in [e for e in table if " " in e]:
            phrases[entry] = (axis, table.pop(entry))
    return Attributes(
        audience=audience,
        season=season,
        units=_table(spec.units, f"{name}: units"),
        not_after=_markers(spec.not_count_after, f"{name}: not_count_after"),
        not_before=_markers(spec.not_count_before, f"{name}: not_count_before"),
        approximately=_folded_set(spec.approximately, name),
        vague=_folded_set(spec.vague, name),
        size_words=_table(spec.size_words, f"{name}: size_words"),
        paired=_folded_set(spec.paired, name),
        season_hints=_folded_set(spec.season_hints, name),
        substances=tuple(spec.substances),
        plural_names_of_one=_folded_set(spec.plural_names_of_one, name),
        phrases=phrases,
        negators_before=_folded_set(spec.negators.get("before", []), name),
        negators_after=_folded_set(spec.negators.get("after", []), name),
        negators_gone=_folded_set(spec.negators.get("gone", []), name),
        negators_already=_folded_set(spec.negators.get("already", []), name),
        negators_mistake=_folded_set(spec.negators.get("mistake", []), name),
        negators_mistake_alone=_folded_set(spec.negators.get("mistake_alone", []), name),
        negators_ticking=_folded_set(spec.negators.get("ticking", []), name),
        vague_boxes=_table(spec.vague_boxes, f"{name}: vague_boxes"),
        latin_words=_folded_set(spec.latin_words, name),
        form_boxes={
            " ".join(box.replace("(", " ").replace(")", " ").split()): code
            for box, code in _table(spec.form_boxes, f"{name}: form_boxes").items()
        },
        context_senses={
            _sense_of(path): _sense_of(other) for path, other in spec.context_senses.items()
        },
        box_senses={_sense_of(path): _sense_of(other) for path, other in spec.box_senses.items()},
        accessories_of={
            _sense_of(path): _sense_of(owner) for path, owner in spec.accessories_of.items()
        },
        signals={
            "request": _folded_set(spec.request_words, name),
            "own_request": _folded_set(spec.own_request_words, name),
            "plea": _folded_set(spec.plea_words, name),
            "errand": _folded_set(spec.errand_words, name),
            "self": _folded_set(spec.self_words, name),
            "asker": _folded_set(spec.asker_words, name),
            "lead_in": _folded_set(spec.lead_in_words, name),
            "notice": _folded_set(spec.notice_words, name),
            "addressee": _folded_set(spec.addressee_words, name),
            "closed": _folded_set(spec.closed_words, name),
            "hiring": _folded_set(spec.hiring_words, name),
            "contact": _folded_set(spec.contact_words, name),
            "offer": _folded_set(spec.offer_words, name),
            "give": _folded_set(spec.give_words, name),
            "free": _folded_set(spec.free_words, name),
            "pickup": _folded_set(spec.pickup_words, name),
            "thanks": _folded_set(spec.thanks_words, name),
            "ad": _folded_set(spec.ad_words, name),
            "header": _folded_set([str(cell) for cell in spec.header_cells], name),
            "test": _folded_set(spec.test_words, name),
            "broken": _folded_set(spec.broken_words, name),
            "channel": _folded_set(spec.channel_words, name),
            "everyday": _folded_set(spec.everyday_words, name),
            "carry": _folded_set(spec.carry_words, name),
            "service": _folded_set(spec.service_words, name),
        },
    )


def _sense_of(path: str) -> Sense:
    """ "medicine/devices/walkers" -> Sense("medicine", "devices/walkers")."""
    category, _, kind = path.partition("/")
    return Sense(category, kind)


def _folded_set(entries: list[str], where: str) -> frozenset[str]:
    return frozenset(vocab.require_folded(entries, where))


def kind_label(category: str, kind: str, language: str) -> str:
    """The coordinators' word for an item kind ("верхняя одежда"), or "" for none."""
    return lexicon().kind_labels.get((category, kind), {}).get(language, "")
