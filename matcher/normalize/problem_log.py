"""Problems found over a whole table, collected as a frame and turned into records.

Each `add` is one check over many rows; its stage (the order of the calls)
orders a row's problems as a row-by-row reader would have met them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from matcher.model import Problem, ProblemSource, Severity, SourceRow
from matcher.normalize.frames import columns, firsts, objects, table

#: Longest cell text shown on Problems; the source row has the rest.
SHOWN_CHARS = 200
COLUMNS = ["source_row", "field", "value", "code", "params", "severity"]
#: What a check records of each problem; the value shown is joined in at the end.
_LOGGED = ("pos", "stage", "field", "code", "params", "severity")


class ProblemLog:
    """The problems of one table's rows, in the order a reader meets them."""

    def __init__(self, rows: Sequence[SourceRow]) -> None:
        self._rows = rows
        self._stage = 0
        self._found: dict[str, list[Any]] = {name: [] for name in _LOGGED}

    def error(self, where: np.ndarray, field: Any, code: Any, **params: Any) -> None:
        self.add(where, field, code, "error", **params)

    def note(self, where: np.ndarray, field: Any, code: Any, **params: Any) -> None:
        self.add(where, field, code, "note", **params)

    def add(
        self,
        where: np.ndarray,
        field: Any,
        code: Any,
        severity: Severity,
        each: Sequence[dict[str, Any]] | None = None,
        **params: Any,
    ) -> None:
        """A problem on each row `where`: a boolean mask over the table, or row
        positions (in the order their problems come).

        `field`, `code` and each param are one value for all, an array over the
        table (with a mask), or a list with a value per flagged row. `each` (a
        dict per flagged row) gives the params instead.
        """
        self._stage += 1
        rows = np.flatnonzero(where) if where.dtype == bool else where
        if not len(rows):
            return
        named = {name: _flagged(value, where, len(rows)) for name, value in params.items()}
        given = each if each is not None else [_params_of(named, i) for i in range(len(rows))]
        found = self._found
        found["pos"].extend(rows.tolist())
        found["stage"].extend([self._stage] * len(rows))
        found["field"].extend(_flagged(field, where, len(rows)))
        found["code"].extend(_flagged(code, where, len(rows)))
        found["params"].extend(given)
        found["severity"].extend([severity] * len(rows))

    def frame(self) -> pd.DataFrame:
        """The problems (COLUMNS) by row position, then stage, the value shown
        joined from each row's cell as typed."""
        found = self._found
        if not found["pos"]:
            return EMPTY
        order = np.lexsort((found["stage"], found["pos"])).tolist()  # stable
        rows = [self._rows[found["pos"][i]] for i in order]
        fields = [found["field"][i] for i in order]
        return table(
            {
                "source_row": np.fromiter((row.source_row for row in rows), np.int64, len(rows)),
                "field": objects(fields),
                "value": objects(map(_shown, rows, fields)),
                **{name: objects(found[name][i] for i in order) for name in COLUMNS[3:]},
            }
        )


#: No problems (shared: never changed in place).
EMPTY = table({name: np.array([], np.int64 if name == "source_row" else object)
               for name in COLUMNS})  # fmt: skip


def _flagged(value: Any, where: np.ndarray, count: int) -> list[Any]:
    """The value of each flagged row: an array over the table taken at them, else repeated."""
    if isinstance(value, np.ndarray) and where.dtype == bool:
        return value[where].tolist()
    if isinstance(value, list):
        return value
    return [value] * count


def _params_of(named: dict[str, list[Any]], i: int) -> dict[str, Any]:
    return {name: values[i] for name, values in named.items()}


def _shown(row: SourceRow, field: str) -> str:
    value = row.get(field) if field in row.values else ""
    if len(value) > SHOWN_CHARS:
        value = value[:SHOWN_CHARS] + "…"
    return value


def records(source: ProblemSource, frame: pd.DataFrame) -> list[Problem]:
    """Problems from a frame of COLUMNS, in its order."""
    column = columns(frame)
    return [
        Problem(source, int(row), field, value, code, params, severity)
        for row, field, value, code, params, severity in zip(
            *(column[c].tolist() for c in COLUMNS), strict=True
        )
    ]


def by_source_row(*frames: pd.DataFrame) -> pd.DataFrame:
    """The frames one after another, then stably by source row (as list.sort did)."""
    filled = [frame for frame in frames if not frame.empty]
    if not filled:
        return EMPTY
    joined = pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0]
    return joined.sort_values("source_row", kind="stable").reset_index(drop=True)


def duplicate_rows(ids: np.ndarray, source_rows: np.ndarray, items: np.ndarray) -> pd.DataFrame:
    """A note on each line whose id an earlier line already has, with the row kept."""
    kept = firsts(ids)
    repeated = kept != np.arange(len(ids))
    if not repeated.any():
        return EMPTY
    return table(
        {
            "source_row": source_rows[repeated],
            "field": "",
            "value": objects(item[:SHOWN_CHARS] for item in items[repeated]),
            "code": "duplicate_row",
            "params": objects({"kept_row": row} for row in source_rows[kept[repeated]].tolist()),
            "severity": "note",
        }
    )
