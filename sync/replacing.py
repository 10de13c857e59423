"""A frozen record with some of its fields changed, as `dataclasses.replace` gives it,
several times faster: the field values are taken by one `attrgetter` (in C) and the
class called with them. A pass gives each of 170,000 offer lines its id at 100,000
rows, where `replace`, working field by field in Python, took seconds. Only for
classes whose every field its constructor takes, with no `__post_init__` to pass
keywords to (`replace` is used for any other)."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

Record = TypeVar("Record")


def replaced(record: Record, **changes: Any) -> Record:
    cls: type = type(record)
    found = _fields(cls)
    if found is None:
        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    values, names = found
    row = list(values(record))
    for name, value in changes.items():
        row[names[name]] = value
    return cls(*row)


@cache
def _fields(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], dict[str, int]] | None:
    fields = dataclasses.fields(cls)
    if len(fields) < 2 or not all(f.init for f in fields) or hasattr(cls, "__post_init__"):
        return None
    names = [f.name for f in fields]
    return operator.attrgetter(*names), {name: i for i, name in enumerate(names)}
