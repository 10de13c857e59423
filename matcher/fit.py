"""How well an offer's item fits a need's item (matcher/data/fit.yaml).

`item_fit(offer, need)` is None when the offer contradicts the need (mittens
for a jacket need, children's clothes for a men's need, summer for winter, a
size outside the range), else a `Fit` whose `level` counts what is unknown:
0 is a full fit. A need silent on a point takes anything on it: «одежда»
takes any clothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from matcher import vocab
from matcher.model import ANY_UNIT, Need, Offer, joined, split_joined, within

_DIMENSION = re.compile(r"^\d+(?:[.,]\d+)?(?:[xх]\d+(?:[.,]\d+)?)+$", re.IGNORECASE)
#: "5-7", "38", "9-18kg", "3y", "5+л" (five litres or more).
_SIZE = re.compile(r"^(\d{1,4})(?:-(\d{1,4})|(\+))?(kg|y|mg|ml|m|л)?$")
_OPEN_END = 999
#: Letter sizes in order; "2XL" is "XXL".
_LETTERS = {"XXS": 0, "XS": 1, "S": 2, "M": 3, "L": 4, "XL": 5, "XXL": 6, "2XL": 6,
            "XXXL": 7, "3XL": 7, "4XL": 8, "5XL": 9}  # fmt: skip
#: Two dimensions ("160x200" and "150x200") are one size when each side is this close.
_DIMENSION_TOLERANCE = 0.1


class _FitFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    audience_fits: dict[str, list[str]]
    kind_audiences: dict[str, str]
    kind_sizes: dict[str, str]
    adult_unless_said: list[str]
    for_anyone: list[str]
    kind_seasons: dict[str, list[str]]
    mixed_in_bags: list[str]
    sized_categories: list[str]
    sized_kinds: list[str]
    aged_categories: list[str]
    grouped_size_kinds: list[str]
    unusable_kinds: list[str]
    untaken_kinds: list[str]
    new_words: list[str]
    used_words: list[str]
    nearly_words: list[str]
    new_year_words: list[str]
    either_words: list[str]
    working_words: list[str]
    unit_groups: dict[str, list[str]]
    things_per_packed: int = Field(ge=1)
    levels_per_missed_kind: int = Field(ge=0)
    height_by_age_months: dict[int, tuple[int, int]]
    shoe_size_by_age_months: dict[int, tuple[int, int]]
    weight_by_age_months: dict[int, tuple[int, int]]
    bed_widths: dict[str, tuple[int, int]]
    blanket_widths: dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class FitRules:
    audience_fits: dict[str, frozenset[str]]
    kind_audiences: dict[str, str]
    kind_sizes: dict[str, str]
    adult_unless_said: frozenset[str]
    #: Categories whose things serve a household: who they are for is no point.
    for_anyone: frozenset[str]
    kind_seasons: dict[str, frozenset[str]]
    mixed_in_bags: frozenset[str]
    sized_categories: frozenset[str]
    sized_kinds: frozenset[str]
    #: Categories not sized whose things still have an age (toothbrushes for 0-2).
    aged_categories: frozenset[str]
    #: Kinds sized in fixed groups: ranges fit when one holds the other.
    grouped_size_kinds: frozenset[str]
    #: Kinds that say a thing does not work ("на запчасти"): no need takes them.
    unusable_kinds: frozenset[str]
    #: Need kinds no offer takes by itself: what another thing comes with.
    untaken_kinds: frozenset[str]
    #: Words that say a thing is new, or used (`condition_of`).
    new_words: frozenset[str]
    used_words: frozenset[str]
    nearly_words: frozenset[str]
    new_year_words: frozenset[str]
    either_words: frozenset[str]
    #: Words that say a household appliance works ("рабочий", "працює").
    working_words: frozenset[str]
    unit_group: dict[str, str]
    #: A bag or box of an unknown count, as things, when ranking who gives more.
    things_per_packed: int
    #: Gives-more levels an offer drops for each kind a need lists that it lacks.
    levels_per_missed_kind: int
    height_by_age_months: dict[int, tuple[int, int]]
    shoe_size_by_age_months: dict[int, tuple[int, int]]
    weight_by_age_months: dict[int, tuple[int, int]]
    #: Bed-size words ("ПОЛУТОРНЫЙ") -> (narrowest, widest) in cm.
    bed_widths: dict[str, tuple[int, int]]
    #: The same words for a blanket or a duvet, wider than the bed it covers.
    blanket_widths: dict[str, tuple[int, int]]


@cache
def fit_rules() -> FitRules:
    try:
        spec = _FitFile.model_validate(vocab.load_yaml("fit.yaml"))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise vocab.VocabularyError(f"fit.yaml: {where}: {first['msg']}") from exc
    return FitRules(
        audience_fits={k: frozenset(v) for k, v in spec.audience_fits.items()},
        kind_audiences=dict(spec.kind_audiences),
        kind_sizes=dict(spec.kind_sizes),
        adult_unless_said=frozenset(spec.adult_unless_said),
        for_anyone=frozenset(spec.for_anyone),
        kind_seasons={k: frozenset(v) for k, v in spec.kind_seasons.items()},
        mixed_in_bags=frozenset(spec.mixed_in_bags),
        sized_categories=frozenset(spec.sized_categories),
        sized_kinds=frozenset(spec.sized_kinds),
        aged_categories=frozenset(spec.aged_categories),
        grouped_size_kinds=frozenset(spec.grouped_size_kinds),
        unusable_kinds=frozenset(spec.unusable_kinds),
        untaken_kinds=frozenset(spec.untaken_kinds),
        new_words=frozenset(spec.new_words),
        used_words=frozenset(spec.used_words),
        nearly_words=frozenset(spec.nearly_words),
        new_year_words=frozenset(spec.new_year_words),
        either_words=frozenset(spec.either_words),
        working_words=frozenset(spec.working_words),
        unit_group=vocab.synonym_table(spec.unit_groups, "fit.yaml: unit_groups"),
        things_per_packed=spec.things_per_packed,
        levels_per_missed_kind=spec.levels_per_missed_kind,
        height_by_age_months=dict(spec.height_by_age_months),
        shoe_size_by_age_months=dict(spec.shoe_size_by_age_months),
        weight_by_age_months=dict(spec.weight_by_age_months),
        bed_widths={k.upper(): v for k, v in spec.bed_widths.items()},
        blanket_widths={k.upper(): v for k, v in spec.blanket_widths.items()},
    )


@dataclass(frozen=True, slots=True)
class ItemProfile:
    """What matching compares: one side's item model."""

    category: str
    kind: str = ""
    audience: str = ""
    season: str = ""
    size: str = ""
    unit: str = ""
    #: "new" or "used" as the text says (a need: "new" when it asks for new only),
    #: with "+working" when an appliance is said to work ("used+working").
    condition: str = ""


def profile_of(record: Offer | Need) -> ItemProfile:
    """What matching compares; an offer silent on the season or the audience is
    for those its kind is for (a need that names trainers takes trainers of any
    season)."""
    offer = isinstance(record, Offer)
    season = record.season or (implied_season(record.kind) if offer else "")
    audience = record.audience or (implied_audience(record.kind) if offer else "")
    if not offer and not audience and record.category in fit_rules().adult_unless_said:
        audience = "adult"  # tables for a shelter: a child's table set is no fit
    if record.category in fit_rules().for_anyone:
        audience = ""  # "холодильник рабочий": a fridge that works, not one for workers
    size = record.size
    implied = implied_size(record.kind) if offer else ""
    if implied and not any(part.endswith("kg") for part in size.split(", ")):
        size = ", ".join(filter(None, (size, implied)))  # "бустер від 4 років": 15-36 kg too
    condition = condition_of(record.item)
    if not offer and condition != NEW:
        condition = ""  # a need that says nothing, or "новые или б/у", takes either
    if record.category in fit_rules().for_anyone and _works(record.item):
        condition = "+".join(filter(None, (condition, WORKING)))  # "холодильник рабочий"
    return ItemProfile(record.category, record.kind, audience, season, size, record.unit, condition)


NEW, USED, WORKING = "new", "used", "working"


def _works(text: str) -> bool:
    words = {w.rstrip(".") for w in _CONDITION_TOKENS.findall(text.lower())}
    return bool(words & fit_rules().working_words)


_CONDITION_TOKENS = re.compile(r"б\s*/\s*у|б\.\s*у\.?|[^\W_]+")


@lru_cache(maxsize=100_000)
def condition_of(text: str) -> str:
    """ "new" when the text calls the thing new, "used" when worn or second-hand
    ("б/у", "почти новые"), "" when it says neither, or both ("новые и б/у"), or
    offers a choice ("нові або чисті")."""
    rules = fit_rules()
    words = [w.replace(" ", "").rstrip(".") for w in _CONDITION_TOKENS.findall(text.lower())]
    new = used = either = False
    for k, word in enumerate(words):
        if word in rules.used_words:
            used = True
        elif word in rules.new_words:
            if words[k + 1 : k + 2] and words[k + 1] in rules.new_year_words:
                continue  # "на Новый год": a date
            if k and words[k - 1] in rules.nearly_words:
                used = True  # "почти новые": worn a little
                continue
            near = words[max(0, k - 1) : k] + words[k + 1 : k + 2]
            either = either or any(w in rules.either_words for w in near)
            new = True
    if new and (used or either):
        return ""
    return NEW if new else USED if used else ""


@lru_cache(maxsize=4_096)
def implied_size(kind: str) -> str:
    """The size every kind of the line has ("автолюлька": 0-13 kg), or ""."""
    return _shared_by_every_kind(fit_rules().kind_sizes, kind)


@lru_cache(maxsize=4_096)
def implied_audience(kind: str) -> str:
    """Who every kind of the line is for ("подгузники для взрослых": adults), or ""."""
    return _shared_by_every_kind(fit_rules().kind_audiences, kind)


def _shared_by_every_kind(table: dict[str, str], kind: str) -> str:
    """The value `table` gives every kind of `kind` (a kind path or one above it),
    or "" when the kinds differ or one has none."""
    found = {
        next((v for k, v in table.items() if within(path, k)), "") for path in split_joined(kind)
    }
    return found.pop() if len(found) == 1 else ""


@lru_cache(maxsize=4_096)
def implied_season(kind: str) -> str:
    """The seasons the kinds are for when the text names none ("кроссовки": not
    winter), or "" when a kind says nothing of seasons."""
    table = fit_rules().kind_seasons
    found: set[str] = set()
    for path in split_joined(kind):
        seasons = [v for k, v in table.items() if within(path, k)]
        if not seasons:
            return ""  # one kind of the line may be for any season
        found.update(*seasons)
    return joined(sorted(found))


@dataclass(frozen=True, slots=True)
class Fit:
    #: What the offer leaves unknown that the need states: kind, audience, season, size,
    #: condition.
    unknown: tuple[str, ...] = ()
    #: The two sides count in different units ("мешки" and "штуки").
    unit_mismatch: bool = False
    #: 0 for a full fit; one more for each unknown point or a unit mismatch
    #: (stored: the engine reads it for every candidate arc).
    level: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "level", len(self.unknown) + int(self.unit_mismatch))


def _sizes(size: str) -> dict[str, list[tuple[int, int]] | set[str]]:
    """Sizes by scale: "n" plain numbers and ranges (a size, a height), "kg" weight
    classes, "y" and "m" ages in years and months, "mg" a drug's dose, "ml" a
    syringe's volume, "л" capacities
    in litres, "l"
    letter sizes ("M-L"), "d"
    dimensions, "w" words ("евро")."""
    out: dict[str, Any] = {}
    for part in (p.strip() for p in size.split(",") if p.strip()):
        letters = part.upper().split("-")
        if all(letter in _LETTERS for letter in letters):
            steps = [_LETTERS[letter] for letter in letters]
            out.setdefault("l", []).append((min(steps), max(steps)))
            continue
        found = _SIZE.match(part)
        if not found:
            scale = "d" if _DIMENSION.match(part) else "w"
            out.setdefault(scale, set()).add(part.upper())
            continue
        low = int(found.group(1))
        high = _OPEN_END if found.group(3) else int(found.group(2) or low)
        out.setdefault(found.group(4) or "n", []).append((low, high))
    return out


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]], *, stages: bool = False) -> bool:
    """Whether two lists of ranges share a size. With `stages` (ages of formula,
    of clothes), ranges that only touch ("0-6" and "6-12" months) do not."""
    if stages:
        return any(_shares_stage(x, y, lo, hi) for x, y in a for lo, hi in b)
    return any(lo <= y and x <= hi for x, y in a for lo, hi in b)


def _grouped(kind: str) -> bool:
    return bool(_kinds_and_heads(kind) & fit_rules().grouped_size_kinds)


def _kinds_and_heads(kind: str) -> frozenset[str]:
    """The kind paths of `kind` and their first steps ("car_seats" of "car_seats/boosters")."""
    kinds = split_joined(kind)
    return frozenset({k.split("/")[0] for k in kinds} | kinds)


def _nested(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Car-seat groups: a 0-13 kg seat and a 9-18 kg one overlap but are
    different seats; one range must hold the other."""
    return any((lo <= x and y <= hi) or (x <= lo and hi <= y) for x, y in a for lo, hi in b)


def _shares_stage(x: int, y: int, lo: int, hi: int) -> bool:
    if x == y or lo == hi:  # a single age: inside the range, its upper end excluded
        point, (low, high) = (x, (lo, hi)) if x == y else (lo, (x, y))
        return low <= point < high or low == high == point
    return x < hi and lo < y


def _in_months(sizes: dict[str, Any]) -> dict[str, Any]:
    """Ages in years as months too, so that "0-12 мес" meets "1-3 года"."""
    if "y" in sizes and "m" not in sizes:
        return {**sizes, "m": [(low * 12, high * 12) for low, high in sizes["y"]]}
    return sizes


def _sizes_fit(offer: ItemProfile, need: ItemProfile) -> bool | None:
    """True, False, or None when the two sides give no size on a common scale.

    A child's age is compared with a height through the table in fit.yaml.
    """
    theirs, ours = _read_sizes(need.size), _read_sizes(offer.size)
    blanket = any(_blanket(kind) for kind in (need.kind, offer.kind))
    both_worded = "w" in theirs and "w" in ours
    words_fit = both_worded and _words_fit(theirs["w"], ours["w"], blanket)
    if both_worded and not words_fit:
        return False  # "сироп, 250mg" and "таблетки, 250mg": the dose alike, the form not
    for scale in ("n", "kg", "y", "m", "mg", "ml", "л", "l", "w", "d"):
        if scale in theirs and scale in ours:
            if scale == "w":
                return words_fit
            if scale == "d":
                return _dimensions_fit(theirs["d"], ours["d"])
            if scale == "kg" and _grouped(need.kind):
                return _nested(ours["kg"], theirs["kg"])
            stages = scale in ("y", "m")
            return _overlap(ours[scale], theirs[scale], stages=stages)
    for weighed, aged in ((ours, theirs), (theirs, ours)):
        if "kg" in weighed and "m" in aged and "kg" not in aged:
            weights = _weights_at(aged["m"])  # "автокресло на 2 года" and "9-18 кг"
            grouped = _grouped(need.kind)
            return (_nested if grouped else _overlap)(weighed["kg"], weights)
    rules = fit_rules()
    for words, dims in ((theirs.get("w"), ours.get("d")), (ours.get("w"), theirs.get("d"))):
        if words and dims:
            widths = rules.blanket_widths if blanket else rules.bed_widths
            return _width_fits(words, dims, widths)
    shoes = need.category == "shoes"
    found = [_on_child_scale(size, shoes) for size in (need.size, offer.size)]
    if found[0] and found[1]:
        return _overlap(found[1], found[0])
    return None


#: A blanket one bed size wider still covers the bed: a 1.5 one a single bed.
_WIDER_BLANKET = {"ОДНОСПАЛЬНЫЙ": "ПОЛУТОРНЫЙ"}


def _words_fit(need: set[str], offer: set[str], blanket: bool) -> bool:
    if need & offer:
        return True
    return blanket and any(_WIDER_BLANKET.get(word) in offer for word in need)


def _blanket(kind: str) -> bool:
    return any(part.startswith("blankets/") for part in kind.split("+"))


def _weights_at(ages: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A child's weights in kg at ages in months, through the table in fit.yaml."""
    table = fit_rules().weight_by_age_months
    out = []
    for low, high in ages:
        months = [m for m in table if low <= m <= max(high, low)]
        months = months or [min(table, key=lambda m: abs(m - low))]
        out.append((min(table[m][0] for m in months), max(table[m][1] for m in months)))
    return out


@lru_cache(maxsize=65_536)
def _read_sizes(size: str) -> dict[str, Any]:
    """`_sizes` with ages in months too, read once per distinct text: a pass compares
    each with thousands of others. Shared: treat as read-only."""
    return _in_months(_sizes(size))


@lru_cache(maxsize=65_536)
def _on_child_scale(size: str, shoes: bool) -> list[tuple[int, int]]:
    """`_on_scale` of a size text, on the shoe table or the height table. Shared:
    treat as read-only."""
    rules = fit_rules()
    table = rules.shoe_size_by_age_months if shoes else rules.height_by_age_months
    lowest = 15 if shoes else 50  # below this a number is not a size on the table's scale
    return _on_scale(_read_sizes(size), table, lowest)


def _width_fits(words: set[str], dims: set[str], widths: dict[str, tuple[int, int]]) -> bool | None:
    """ "односпальный" and "60x120": the narrow side must be as wide as the word says."""
    ranges = [widths[w] for w in words if w in widths]
    if not ranges:
        return None
    narrow = [min(float(v.replace(",", ".")) for v in re.split("[XХ]", d)) for d in dims]
    return any(lo <= side <= hi for side in narrow for lo, hi in ranges)


def _dimensions_fit(need: set[str], offer: set[str]) -> bool | None:
    """ "160x200" takes "150x200" (each side within 10%), not "70x70" for "50x70";
    dimensions of different shapes ("50x70" and "40x60x12") say nothing."""
    shapes = [
        [sorted(float(v.replace(",", ".")) for v in re.split("[XХ]", d)) for d in side]
        for side in (need, offer)
    ]
    comparable = False
    for wanted in shapes[0]:
        for given in shapes[1]:
            if len(wanted) != len(given):
                continue
            comparable = True
            if all(
                abs(a - b) <= _DIMENSION_TOLERANCE * max(a, b)
                for a, b in zip(wanted, given, strict=True)
            ):
                return True
    return False if comparable else None


def _on_scale(
    sizes: dict[str, Any], table: dict[int, tuple[int, int]], lowest: int
) -> list[tuple[int, int]]:
    """Sizes on a child's scale (height in cm, or shoe size), from ages ("1-2 года",
    "0-6 мес") through `table`, or as written when they are on that scale."""
    out: list[tuple[int, int]] = []
    for scale, factor in (("y", 12), ("m", 1)):
        for low, high in sizes.get(scale, []):
            months = [m for m in table if low * factor <= m <= max(high * factor, low * factor)]
            nearest = months or [min(table, key=lambda m: abs(m - low * factor))]
            # the age's lowest size is the stage below's highest: "6-9 мес" is not 62
            out.append((min(table[m][0] for m in nearest) + 1, max(table[m][1] for m in nearest)))
    for low, high in sizes.get("n", []):
        if low >= lowest:
            out.append((low, high))
    return out


def _kinds_fit(need: frozenset[str], offer: frozenset[str]) -> bool | None:
    """Kinds are paths ("outerwear/coats"): a need for "outerwear" takes any coat
    or jacket; a need for coats takes coats. True: fits; False: the offer names
    only something broader (unknown); None: the offer names something else."""
    if not need:
        return True
    broader = False
    for wanted in need:
        for given in offer:
            if within(given, wanted):
                return True
            if wanted.startswith(given + "/"):
                broader = True
    if not offer or broader:
        return False
    return None


def _size_matters(need: ItemProfile) -> bool:
    rules = fit_rules()
    return need.category in rules.sized_categories or bool(
        _kinds_and_heads(need.kind) & rules.sized_kinds
    )


def _ages_differ(need_size: str, offer_size: str) -> bool:
    """Whatever the thing, a child's age on both sides that does not meet: toothbrushes
    for 0-2 years are not the 6-12 years' asked for."""
    theirs, ours = _read_sizes(need_size), _read_sizes(offer_size)
    if "m" not in theirs or "m" not in ours:
        return False
    return not _overlap(ours["m"], theirs["m"], stages=True)


#: An offer that fits on every point the need states.
FULL_FIT = Fit()
#: The points a fit is judged on, in the order reasons name them.
POINTS = ("kind", "audience", "season", "size", "condition")
#: A point's verdict: it fits, the offer leaves it unknown, or it contradicts.
FITS, UNKNOWN, CONTRADICTS = 0, 1, None


@lru_cache(maxsize=65_536)
def kind_point(need_kind: str, offer_kind: str) -> int | None:
    unusable = fit_rules().unusable_kinds
    if split_joined(offer_kind) & unusable and not split_joined(need_kind) & unusable:
        return CONTRADICTS  # a fridge "на запчасти" is no fridge for a family
    if split_joined(need_kind) & fit_rules().untaken_kinds:
        return CONTRADICTS  # "кроватка с матрасом": a mattress alone is no crib
    fits = _kinds_fit(split_joined(need_kind), split_joined(offer_kind))
    return CONTRADICTS if fits is None else (FITS if fits else UNKNOWN)


@lru_cache(maxsize=65_536)
def kind_cap(kind_counts: str, need_kind: str) -> int | None:
    """How many of the things a line counted kind by kind (`Offer.kind_counts`)
    could be what `need_kind` asks for: "крупа 10 кг, смесь 3 уп" gives a formula
    need three. None when that is not known: the need names no kind, or a kind
    that could be it has no count of its own."""
    if not kind_counts or not need_kind:
        return None
    total, found = 0, False
    for entry in kind_counts.split(";"):
        kind, _, count = entry.partition("=")
        if kind_point(need_kind, kind) is CONTRADICTS:
            continue
        if not count:
            return None
        total, found = total + int(count), True
    return total if found else None


@lru_cache(maxsize=65_536)
def kinds_missed(need_kind: str, offer_kind: str) -> int:
    """How many of the kinds a need lists ("мыло, зубная паста, шампунь") an offer
    lacks when it has some of them ("мыло 30 шт, паста 25 шт": one). 0 when the
    need lists one kind, or the offer names none of them (its kind point says so)."""
    wanted, given = split_joined(need_kind), split_joined(offer_kind)
    if len(wanted) < 2:
        return 0
    missed = sum(1 for w in wanted if not any(within(g, w) for g in given))
    return 0 if missed == len(wanted) else missed


@lru_cache(maxsize=65_536)
def audience_point(need_audience: str, offer_audience: str) -> int | None:
    need_for, offer_for = split_joined(need_audience), split_joined(offer_audience)
    if not need_for:
        return FITS
    fits = fit_rules().audience_fits
    if not offer_for:
        return FITS if any("" in fits.get(n, ()) for n in need_for) else UNKNOWN
    return FITS if any(o in fits.get(n, {n}) for n in need_for for o in offer_for) else None


@lru_cache(maxsize=65_536)
def season_point(need_season: str, offer_season: str) -> int | None:
    wanted, given = split_joined(need_season), split_joined(offer_season)
    if not wanted:
        return FITS
    if not given:
        return UNKNOWN
    return FITS if wanted & given else CONTRADICTS


@lru_cache(maxsize=65_536)
def size_point(need_category: str, need_kind: str, need_size: str, offer_size: str) -> int | None:
    need = ItemProfile(need_category, need_kind, size=need_size)
    aged = need_category in fit_rules().aged_categories and not _size_matters(need)
    if need_size and offer_size and aged:
        return CONTRADICTS if _ages_differ(need_size, offer_size) else FITS
    if not need_size or not _size_matters(need):
        return FITS
    if not offer_size:
        return UNKNOWN
    sized = _sizes_fit(ItemProfile(need_category, size=offer_size), need)
    return CONTRADICTS if sized is False else (FITS if sized else UNKNOWN)


@lru_cache(maxsize=64)
def condition_point(need_condition: str, offer_condition: str) -> int | None:
    """A need for new things only takes no used ones; one silent on it is unknown.
    A need for an appliance that works takes one said to work, or new; one silent
    on it is unknown."""
    need, offer = set(need_condition.split("+")), set(offer_condition.split("+"))
    if NEW in need and USED in offer:
        return CONTRADICTS
    if NEW in need and NEW not in offer:
        return UNKNOWN
    if WORKING in need and not offer & {WORKING, NEW}:
        return UNKNOWN
    return FITS


@lru_cache(maxsize=4_096)
def unit_point(need_group: str, need_counts_things: bool, offer_group: str) -> int | None:
    """Counts compare within one unit group ("unit_groups"); a bag or a box of
    mixed things is no count of the things a need names: "куртки 10 шт" takes no
    "пакет вещей", "одежда" does (`need_counts_things`: see `counts_things`)."""
    if offer_group == "packed" and need_counts_things and need_group in ("items", ANY_UNIT):
        return CONTRADICTS
    return FITS if need_group in (offer_group, ANY_UNIT) else UNKNOWN


def unit_group(unit: str, category: str) -> str:
    """The group a unit counts in; bags and boxes of goods that are not mixed
    (a box of formula, a sack of flour) count as packs."""
    rules = fit_rules()
    group = rules.unit_group.get(unit, "items")
    return "items" if group == "packed" and category not in rules.mixed_in_bags else group


def counts_things(need: ItemProfile) -> bool:
    """A need that names a kind of a category whose bags hold mixed things."""
    return bool(need.kind) and need.category in fit_rules().mixed_in_bags


@lru_cache(maxsize=64)
def fit_of_mask(mask: int) -> Fit:
    """The Fit whose unknown points are the bits of `mask` (bit k: POINTS[k]);
    bit 4 says the units differ."""
    unknown = tuple(point for k, point in enumerate(POINTS) if mask >> k & 1)
    return Fit(unknown, bool(mask >> len(POINTS) & 1))


def item_fit(offer: ItemProfile, need: ItemProfile) -> Fit | None:
    """How `offer` fits `need` of the same category; None: it does not."""
    verdicts = (
        kind_point(need.kind, offer.kind),
        audience_point(need.audience, offer.audience),
        season_point(need.season, offer.season),
        size_point(need.category, need.kind, need.size, offer.size),
        condition_point(need.condition, offer.condition),
    )
    units = unit_point(
        unit_group(need.unit, need.category),
        counts_things(need),
        unit_group(offer.unit, offer.category),
    )
    if CONTRADICTS in verdicts or units is CONTRADICTS:
        return None
    mask = sum(1 << k for k, verdict in enumerate(verdicts) if verdict == UNKNOWN)
    if units == UNKNOWN:
        mask |= 1 << len(POINTS)
    return fit_of_mask(mask)
