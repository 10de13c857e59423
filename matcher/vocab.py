"""Checks of the normalizer's vocabulary entries (matcher/data/*.yaml).

Every rule the normalizer follows is data. Files are read by the one loader,
`matcher.vocabulary_files`, and fail with its one error class; the helpers here
check what the normalizer needs of the entries: non-empty, already normalized
(written the way `fold` would write them), and the synonym sets of different
canonical values disjoint.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from matcher.text import fold
from matcher.vocabulary_files import DATA_DIR, VocabularyError, read_yaml

__all__ = ["DATA_DIR", "VocabularyError", "data_path", "load_yaml"]


def data_path(name: str) -> Path:
    return DATA_DIR / name


def load_yaml(name: str) -> Any:
    """The parsed content of matcher/data/`name` (cached; treat as read-only)."""
    return read_yaml(data_path(name))


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
