"""The Sheets emulator behaves as Google does, seen through the real gspread client."""

from __future__ import annotations

import gspread
import pytest
import requests

from tests.sheets_emulator import SheetsEmulator


@pytest.fixture
def emu() -> SheetsEmulator:
    return SheetsEmulator()


@pytest.fixture
def book(emu: SheetsEmulator) -> tuple[gspread.Spreadsheet, str]:
    key = emu.create_spreadsheet("Test", {"Sheet1": [["a", "b"], ["1", "2"]]})
    return emu.client().open_by_key(key), key


def _error(excinfo: pytest.ExceptionInfo[gspread.exceptions.APIError]) -> dict:
    return excinfo.value.response.json()["error"]


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        pytest.param("Sheet1", "Sheet1", id="plain"),
        pytest.param("My Sheet", "'My Sheet'", id="space"),
        pytest.param("Лист 1", "'Лист 1'", id="cyrillic"),
        pytest.param("It's", "'It''s'", id="doubled-quote"),
        pytest.param("D3", "'D3'", id="looks-like-a-cell"),
    ],
)
def test_titles_are_quoted_as_google_quotes_them(emu, title, shown):
    key = emu.create_spreadsheet("T", {title: [["x", "y"]]})
    sheet = emu.client().open_by_key(key)
    reply = sheet.values_get(f"'{title.replace(chr(39), chr(39) * 2)}'!A1:B2")
    assert reply["range"] == f"{shown}!A1:B2"
    assert reply["values"] == [["x", "y"]]
    assert sheet.worksheet(title).get_all_values() == [["x", "y"]]


def test_trailing_empties_are_trimmed_and_middle_rows_kept_empty(emu):
    key = emu.create_spreadsheet("T", {"S": [["a", "", ""], ["", "", ""], ["", "b", ""]]})
    sheet = emu.client().open_by_key(key)
    assert sheet.values_get("S!A1:D10")["values"] == [["a"], [], ["", "b"]]
    assert "values" not in sheet.values_get("S!E5:F6")


@pytest.mark.parametrize(
    ("typed", "option", "formatted", "formula"),
    [
        pytest.param("=1+1", "RAW", "=1+1", "=1+1", id="raw-formula-is-text"),
        pytest.param("=1+1", "USER_ENTERED", "2", "=1+1", id="user-formula"),
        pytest.param("007", "RAW", "007", "007", id="raw-keeps-zeros"),
        pytest.param("007", "USER_ENTERED", "7", 7, id="user-number"),
        pytest.param("2.5", "USER_ENTERED", "2.5", 2.5, id="user-decimal"),
        pytest.param("2,5", "USER_ENTERED", "2,5", "2,5", id="en-us-comma-is-text"),
        pytest.param("'007", "USER_ENTERED", "007", "007", id="apostrophe-keeps-text"),
        pytest.param("true", "USER_ENTERED", "TRUE", True, id="user-boolean"),
    ],
)
def test_raw_and_user_entered(book, typed, option, formatted, formula):
    sheet, _ = book
    ws = sheet.sheet1
    ws.update([[typed]], "C1", value_input_option=option)
    assert ws.acell("C1").value == formatted
    assert ws.get("C1", value_render_option="FORMULA") == [[formula]]


def test_append_finds_the_table_and_appends_below_it(emu, book):
    sheet, key = book
    reply = sheet.sheet1.append_row(["x", "y", "z"], table_range="A1")
    assert reply["tableRange"] == "Sheet1!A1:B2"
    assert reply["updates"]["updatedRange"] == "Sheet1!A3:C3"
    assert emu.values(key, "Sheet1")[2] == ["x", "y", "z"]


def test_append_past_the_last_row_grows_the_grid(emu):
    key = emu.create_spreadsheet("T", {"S": [["h"], ["1"]]}, rows=2, cols=2)
    emu.client().open_by_key(key).worksheet("S").append_rows([["2"], ["3"]])
    assert emu.grid_size(key, "S") == (4, 2)
    assert emu.values(key, "S") == [["h"], ["1"], ["2"], ["3"]]


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        pytest.param("Sheet1", "Sheet1!A1:Z1000", id="whole-sheet"),
        pytest.param("Sheet1!A:C", "Sheet1!A1:C1000", id="columns"),
        pytest.param("Sheet1!A2:C", "Sheet1!A2:C1000", id="open-end-row"),
        pytest.param("Sheet1!2:5", "Sheet1!A2:Z5", id="rows"),
        pytest.param("Sheet1!B1:B1", "Sheet1!B1", id="one-cell"),
    ],
)
def test_open_ranges_are_clipped_to_the_grid(book, asked, answered):
    sheet, _ = book
    assert sheet.values_get(asked)["range"] == answered


@pytest.mark.parametrize(
    ("call", "code", "status", "message"),
    [
        pytest.param(
            lambda s: s.values_get("Sheet1!A1:A1001"),
            400,
            "INVALID_ARGUMENT",
            "Range (Sheet1!A1:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
            id="read-past-grid",
        ),
        pytest.param(
            lambda s: s.values_update(
                "Sheet1!A1000", {"valueInputOption": "RAW"}, {"values": [["x"], ["y"]]}
            ),
            400,
            "INVALID_ARGUMENT",
            "Range (Sheet1!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
            id="write-past-grid",
        ),
        pytest.param(
            lambda s: s.values_update(
                "Sheet1!A1:B1", {"valueInputOption": "RAW"}, {"values": [["x"], ["y"]]}
            ),
            400,
            "INVALID_ARGUMENT",
            "Requested writing within range [Sheet1!A1:B1], but tried writing to row [2]",
            id="write-past-range",
        ),
        pytest.param(
            lambda s: s.values_get("'Nope'!A1"),
            400,
            "INVALID_ARGUMENT",
            "Unable to parse range: 'Nope'!A1",
            id="unknown-sheet",
        ),
        pytest.param(
            lambda s: s.values_update("Sheet1!A1", {"valueInputOption": "RAW"}, {"values": "A1"}),
            400,
            "INVALID_ARGUMENT",
            "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), "
            '"A1"',
            id="values-not-a-list",
        ),
    ],
)
def test_error_bodies_have_googles_shape(book, call, code, status, message):
    sheet, _ = book
    with pytest.raises(gspread.exceptions.APIError) as excinfo:
        call(sheet)
    error = _error(excinfo)
    assert (error["code"], error["status"], error["message"]) == (code, status, message)


def test_unknown_and_private_spreadsheets(emu):
    client = emu.client()
    with pytest.raises(gspread.exceptions.SpreadsheetNotFound):
        client.open_by_key("no-such-key")
    key = emu.create_spreadsheet("Theirs")
    emu.make_private(key)
    with pytest.raises(PermissionError) as excinfo:
        client.open_by_key(key)
    assert excinfo.value.__cause__.response.json()["error"] == {
        "code": 403,
        "message": "The caller does not have permission",
        "status": "PERMISSION_DENIED",
    }


@pytest.mark.parametrize(
    ("length", "accepted"),
    [pytest.param(50_000, True, id="at-limit"), pytest.param(50_001, False, id="over-limit")],
)
def test_cell_length_limit(emu, book, length, accepted):
    sheet, key = book
    update = lambda: sheet.sheet1.update([["x" * length]], "A1")  # noqa: E731
    if accepted:
        update()
        assert len(emu.values(key, "Sheet1")[0][0]) == length
        return
    with pytest.raises(gspread.exceptions.APIError) as excinfo:
        update()
    assert _error(excinfo)["message"] == (
        "Your input contains more than the maximum of 50000 characters in a single cell."
    )
    assert emu.values(key, "Sheet1")[0] == ["a", "b"]


def test_quota_allows_sixty_reads_a_minute(emu, book):
    sheet, _ = book
    now = [0.0]
    emu.enable_quota(reads_per_minute=60, writes_per_minute=60, clock=lambda: now[0])
    for _ in range(60):
        sheet.values_get("Sheet1!A1")
    with pytest.raises(gspread.exceptions.APIError) as excinfo:
        sheet.values_get("Sheet1!A1")
    error = _error(excinfo)
    assert (error["code"], error["status"]) == (429, "RESOURCE_EXHAUSTED")
    assert "'Read requests per minute per user'" in error["message"]
    sheet.values_update("Sheet1!A1", {"valueInputOption": "RAW"}, {"values": [["w"]]})
    now[0] = 60.5
    assert sheet.values_get("Sheet1!A1")["values"] == [["w"]]


def _write(sheet: gspread.Spreadsheet) -> None:
    sheet.values_update("Sheet1!A1", {"valueInputOption": "RAW"}, {"values": [["new"]]})


@pytest.mark.parametrize(
    ("how", "raised", "code"),
    [
        pytest.param("500", gspread.exceptions.APIError, 500, id="500"),
        pytest.param("503", gspread.exceptions.APIError, 503, id="503"),
        pytest.param("429", gspread.exceptions.APIError, 429, id="429"),
        pytest.param("drop", requests.exceptions.ConnectionError, None, id="drop"),
    ],
)
def test_failed_request_applies_nothing(emu, book, how, raised, code):
    sheet, key = book
    emu.fail_request(2, how)
    _write(sheet)  # request 1 goes through
    emu.set_values(key, "Sheet1", [["typed"]])
    with pytest.raises(raised) as excinfo:
        _write(sheet)
    if code is not None:
        assert excinfo.value.response.json()["error"]["code"] == code
    assert emu.values(key, "Sheet1")[0] == ["typed", "b"]
    _write(sheet)
    assert emu.values(key, "Sheet1")[0] == ["new", "b"]


@pytest.mark.parametrize(
    ("how", "raised"),
    [
        pytest.param("timeout", requests.exceptions.ReadTimeout, id="timeout"),
        pytest.param("applied-drop", requests.exceptions.ConnectionError, id="applied-drop"),
        pytest.param("applied-timeout", requests.exceptions.ReadTimeout, id="applied-timeout"),
    ],
)
def test_an_answer_lost_after_the_server_acted_leaves_the_write_applied(emu, book, how, raised):
    sheet, key = book
    emu.fail_request(1, how)
    with pytest.raises(raised):
        _write(sheet)
    applied = how.startswith("applied")
    assert emu.values(key, "Sheet1")[0] == (["new", "b"] if applied else ["a", "b"])
    assert emu.count("values.update") == 1, "sent once: the client saw no answer"


def test_a_sort_injected_before_a_request_moves_whole_rows_below_the_header(emu):
    rows = [["id", "name", "n"], ["c", "Оля", "3"], ["a", "", "10"], ["b", "борис", "2"]]
    key = emu.create_spreadsheet("T", {"Sheet1": rows})
    emu.sort_before_request(1, key, "Sheet1", 1)
    sheet = emu.client().open_by_key(key)
    values = sheet.values_get("Sheet1")["values"]
    # Text case-insensitively, a blank sort value last; the header stays.
    assert values == [["id", "name", "n"], ["b", "борис", "2"], ["c", "Оля", "3"], ["a", "", "10"]]
    emu.sort(key, "Sheet1", 2, descending=True)  # numbers by value
    assert [row[0] for row in emu.values(key, "Sheet1")[1:]] == ["a", "c", "b"]


def test_sort_range_and_update_cells_through_batch_update(emu, book):
    sheet, key = book
    emu.set_values(key, "Sheet1", [["0", "z"], ["5", "y"]], start="A3")
    span = {"sheetId": 0, "startRowIndex": 1, "endRowIndex": 4}
    sort = {"range": span, "sortSpecs": [{"dimensionIndex": 0, "sortOrder": "DESCENDING"}]}
    text = {"userEnteredValue": {"stringValue": "007"}}
    number = {"userEnteredValue": {"numberValue": 7}}
    start = {"sheetId": 0, "rowIndex": 0, "columnIndex": 2}
    write = {"start": start, "rows": [{"values": [text, number]}], "fields": "userEnteredValue"}
    sheet.batch_update({"requests": [{"sortRange": sort}, {"updateCells": write}]})
    assert emu.values(key, "Sheet1") == [["a", "b", "007", "7"], ["5", "y"], ["1", "2"], ["0", "z"]]
    assert emu.stored_value(key, "Sheet1", 0, 2) == "007"
    assert emu.stored_value(key, "Sheet1", 0, 3) == 7


def test_adding_a_tab_with_an_id_taken_is_refused_whole(emu, book):
    sheet, key = book
    sheet.batch_update({"requests": [{"addSheet": {"properties": {"sheetId": 77, "title": "A"}}}]})
    again = [
        {"addSheet": {"properties": {"sheetId": 78, "title": "B"}}},
        {"addSheet": {"properties": {"sheetId": 77, "title": "C"}}},
    ]
    with pytest.raises(gspread.exceptions.APIError) as excinfo:
        sheet.batch_update({"requests": again})
    assert "already exists" in _error(excinfo)["message"]
    assert emu.sheet_titles(key) == ["Sheet1", "A"]


def test_before_request_edits_between_read_and_write(emu, book):
    sheet, key = book
    emu.before_request(2, lambda e: e.set_values(key, "Sheet1", [["coordinator"]], start="C2"))
    assert sheet.values_get("Sheet1")["values"] == [["a", "b"], ["1", "2"]]
    assert sheet.values_get("Sheet1")["values"] == [["a", "b"], ["1", "2", "coordinator"]]


def test_structural_requests_take_effect(emu, book):
    sheet, key = book
    ws = sheet.sheet1
    ws.freeze(rows=1)
    ws.resize(rows=50, cols=5)
    ws.add_protected_range("A1:B1", warning_only=True)
    rule = {"condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "yes"}]}}
    grid_range = {"sheetId": 0, "startRowIndex": 1, "endRowIndex": 50}
    sheet.batch_update({"requests": [{"setDataValidation": {"range": grid_range, "rule": rule}}]})
    sheet.add_worksheet("Другой", rows=10, cols=3)
    assert emu.frozen_rows(key, "Sheet1") == 1
    assert emu.grid_size(key, "Sheet1") == (50, 5)
    assert emu.protected_ranges(key, "Sheet1")[0]["warningOnly"] is True
    assert emu.data_validations(key, "Sheet1")[0]["rule"] == rule
    assert emu.sheet_titles(key) == ["Sheet1", "Другой"]


def test_requests_are_counted_by_kind(emu, book):
    sheet, _ = book
    emu.reset_counts()
    sheet.values_batch_get(["Sheet1!A1", "Sheet1!B1"])
    _write(sheet)
    assert (emu.count("values.batchGet"), emu.count("values.update")) == (1, 1)
    assert (emu.reads, emu.writes, emu.count()) == (1, 1, 2)
