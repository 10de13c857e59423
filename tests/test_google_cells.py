"""A source cell from spreadsheets.get's grid data, read as the text the pass expects."""

from __future__ import annotations

from typing import Any

import pytest

from sync.backends.google_cells import cell_text, source_sheet


def _number(value: float, shown: str, kind: str | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"formattedValue": shown, "effectiveValue": {"numberValue": value}}
    if kind:
        cell["effectiveFormat"] = {"numberFormat": {"type": kind}}
    return cell


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        pytest.param(
            _number(41983.58572916667, "10/12/2014 14:03:27", "DATE_TIME"),
            "10.12.2014 14:03:27",
            id="date-time-from-its-serial",
        ),
        pytest.param(
            _number(41983.58572916667, "10 дек. 2014 г., 14:03", "DATE_TIME"),
            "10.12.2014 14:03:27",
            id="any-pattern",
        ),
        pytest.param(_number(41983, "12/10/2014", "DATE"), "10.12.2014", id="date"),
        pytest.param(_number(501234567, "501234567"), "0501234567", id="phone-gets-its-zero-back"),
        pytest.param(_number(12, "12"), "12", id="quantity-as-digits"),
        pytest.param(_number(380501234567, "3.80501E+11"), "380501234567", id="long-number"),
        pytest.param(_number(7, "7.00", "NUMBER"), "7", id="integer-with-decimals-shown"),
        pytest.param(_number(1.5, "1,5"), "1,5", id="fraction-as-shown"),
        pytest.param(_number(0.5, "50%", "PERCENT"), "50%", id="percent-as-shown"),
        pytest.param(
            {"formattedValue": "Оксана", "effectiveValue": {"stringValue": "Оксана"}},
            "Оксана",
            id="text",
        ),
        pytest.param({}, "", id="empty"),
    ],
)
def test_cell_text(cell: dict[str, Any], text: str) -> None:
    assert cell_text(cell) == text


def test_source_sheet_brings_the_locale_and_time_zone() -> None:
    answer = {
        "properties": {"locale": "en_GB", "timeZone": "Europe/Kyiv"},
        "sheets": [
            {
                "properties": {"title": "Ответы"},
                "data": [
                    {
                        "rowData": [
                            {"values": [{"formattedValue": "Отметка времени"}]},
                            {},
                            {"values": [_number(45234.5, "04/11/2023 12:00:00", "DATE_TIME"), {}]},
                        ]
                    }
                ],
            }
        ],
    }
    sheet = source_sheet(answer)
    assert (sheet.locale, sheet.time_zone) == ("en_GB", "Europe/Kyiv")
    assert sheet.grid == [["Отметка времени"], [], ["04.11.2023 12:00:00"]]


def test_an_empty_tab_is_an_empty_grid() -> None:
    answer = {"properties": {"locale": "ru_RU"}, "sheets": [{"data": [{}]}]}
    assert source_sheet(answer).grid == []
