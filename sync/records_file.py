"""Records kept in a file between passes: written atomically, read back fast.

The core's records are frozen dataclasses; pickle's default for them goes
through `__setstate__` field by field. Here each is stored as its constructor
call instead (the class and its field values), which reads back several times
faster. Only files the pass itself wrote, in its own state_dir, are read.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import operator
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matcher.model import Need, Offer, Problem, SourceRow
from matcher.normalize.items import ItemLine
from matcher.normalize.quantities import Quantity
from matcher.normalize.table import RowRead, RowReads

#: The records a pass keeps; any other object is pickled the usual way.
RECORD_TYPES: tuple[type, ...] = (
    Offer,
    Need,
    Problem,
    SourceRow,
    ItemLine,
    Quantity,
    RowRead,
    RowReads,
)


def _constructor_call(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]] | None:
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        return None  # the constructor does not take every field: keep pickle's default
    names = tuple(f.name for f in fields)
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
        return lambda record: (cls, (getattr(record, names[0]),))
    values = operator.attrgetter(*names)  # the field values as a tuple, in C
    return lambda record: (cls, values(record))


_DISPATCH: dict[type, Any] = dict(copyreg.dispatch_table)
for _cls in RECORD_TYPES:
    _reduce = _constructor_call(_cls)
    if _reduce is not None:
        _DISPATCH[_cls] = _reduce


def dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return buffer.getvalue()


def loads(data: bytes) -> Any:
    return pickle.loads(data)


def write(path: Path, value: object) -> None:
    """`value` in `path`, replaced atomically: a crash leaves the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(dumps(value))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read(path: Path) -> Any:
    """What `write` put in `path`; None when there is no such file or it cannot be read
    (a file from an older version, or one cut short): the pass then starts afresh."""
    try:
        return loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a memory we cannot read is no memory: recompute
        return None
