"""Loading and validating the bundled vocabulary files (matcher/data/*.yaml).

Every rule the normalizer follows is data. A file is checked when it is loaded:
entries are non-empty, already normalized (written the way `fold` would write
them), and the synonym sets of different canonical values are disjoint. A bad
file stops the program with a message naming the file, the key and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from matcher.normalize.text import fold

DATA_DIR = Path(__file__).parent / "data"


class VocabularyError(ValueError):
    """A bundled vocabulary file is malformed."""


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def load_yaml(name: str) -> Any:
    """The parsed content of matcher/data/`name` (cached; treat as read-only)."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path}: file is missing from the package") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML: {exc}") from exc


def require_mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise VocabularyError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


def require_strings(value: Any, where: str) -> list[str]:
    """A list of non-empty strings (a single string is accepted as a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise VocabularyError(f"{where}: expected a list of strings")
    out: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, str | int) or not str(item).strip():
            raise VocabularyError(f"{where}[{index}]: empty or non-text entry {item!r}; remove it")
        out.append(str(item))
    return out


def require_folded(entries: Iterable[str], where: str) -> list[str]:
    """Entries must be written in normalized form, so the file reads as it matches."""
    out = []
    for entry in entries:
        if fold(entry) != entry:
            raise VocabularyError(
                f"{where}: entry {entry!r} is not normalized; write it as {fold(entry)!r}"
            )
        out.append(entry)
    return out


def synonym_table(
    groups: Mapping[str, Iterable[str]], where: str, *, allow_repeat_in_group: bool = False
) -> dict[str, str]:
    """Invert {canonical: [variants]} to {variant: canonical}, checking disjointness."""
    table: dict[str, str] = {}
    for canonical, variants in groups.items():
        seen: set[str] = set()
        for variant in variants:
            if variant in seen and not allow_repeat_in_group:
                raise VocabularyError(f"{where}.{canonical}: {variant!r} is listed twice")
            seen.add(variant)
            other = table.get(variant)
            if other is not None and other != canonical:
                raise VocabularyError(
                    f"{where}: {variant!r} is listed under both {other!r} and {canonical!r};"
                    " keep it in one group"
                )
            table[variant] = canonical
    return table


def folded_synonyms(section: Any, where: str) -> dict[str, str]:
    """A validated {variant: canonical} table from a {canonical: [variants]} mapping."""
    groups = {
        str(key): require_folded(require_strings(values, f"{where}.{key}"), f"{where}.{key}")
        for key, values in require_mapping(section, where).items()
    }
    return synonym_table(groups, where)
