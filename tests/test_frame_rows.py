"""A frame's rows as dicts: the values `to_dict("records")` gives, also when a column
of text or of plain Python values is taken as it is."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from sync import frame_rows
from sync.frame_rows import frame_records


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": ["a", "б", ""],
            "plain": ["x", 3, None],
            "when": [datetime(2024, 1, 2, 3, 4), date(2024, 1, 3), "—"],
            "numpy": pd.Series([np.int64(1), "y", np.float64(2.5)], dtype=object),
            "counts": pd.array([1, None, 3], dtype="Int64"),
            "strings": pd.array(["s", None, "t"], dtype="string"),
            "stamps": pd.to_datetime(["2024-01-01", None, "2024-01-03"]),
            "numbers": [1.5, 2.0, 3.25],
        }
    )


def test_records_are_those_pandas_gives() -> None:
    table = _frame()
    records = frame_records(table)
    expected = table.to_dict("records")
    assert len(records) == len(expected)
    for got, wanted in zip(records, expected, strict=True):
        assert got.keys() == wanted.keys()
        for key in got:
            assert type(got[key]) is type(wanted[key]) or pd.isna(wanted[key]), key
            assert got[key] == wanted[key] or (pd.isna(got[key]) and pd.isna(wanted[key])), key
    assert type(records[0]["numpy"]) is int and type(records[2]["numpy"]) is float
    assert records[1]["counts"] is None and records[1]["strings"] is None


def test_a_column_of_plain_values_is_taken_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    looked_at: list[object] = []

    def native(value: object) -> object:
        looked_at.append(value)
        return value

    monkeypatch.setattr(frame_rows, "_native", native)
    table = _frame()[["text", "plain", "when", "numpy"]]
    frame_records(table)
    # Only the column holding numpy values is converted a value at a time.
    assert looked_at == [np.int64(1), "y", np.float64(2.5)]
