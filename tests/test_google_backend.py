"""The Google backend through the real CLI and gspread, against the Sheets emulator.

How many requests a pass sends, what survives a failure at any request, edits made
while a pass runs, what the first pass sets up, RAW values, Google's cell limit,
`mozhem check`, credentials, and the per-minute quota.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from google.oauth2 import service_account

from matcher.messages import render_problem
from matcher.model import Problem, Status
from matcher.params import Language
from matcher.vocabulary_files import ProblemCode
from sync.backends.base import BackendError
from sync.backends.google import SCOPES, GoogleBackend, open_google_backend
from sync.cli import main
from sync.config import Config, load_config
from sync.labels import column_label, status_label, status_labels
from sync.layouts import COORDINATOR_COLUMNS, MATCH_COLUMNS
from sync.plan import Grid
from tests.google_harness import FakeTime, GoogleHarness, put_text
from tests.harness import NEW_FORM_ROW, CliResult
from tests.sheets_emulator.emulator import SheetsEmulator
from tests.sheets_emulator.state import Store

TABS = ("matches", "offers", "needs", "problems")
#: Where a new Matches tab has its match_id column.
MID = MATCH_COLUMNS.index("match_id")
FAULTS = ("500", "503", "429", "drop")
#: Writes that may land twice: when their answer is lost, the backend looks before
#: sending them again, at once (google_write.py).
NOT_RESENT_BLINDLY = ("values.append", "spreadsheets.batchUpdate")
#: A budget spent by the first failure: every retryable failure stops the pass.
NO_RETRIES = 1e-9
#: A source is read with one spreadsheets.get (its locale and time zone come with the
#: cells); the coordination spreadsheet with a spreadsheets.get for its tabs (by id),
#: one values.batchGet, and a spreadsheets.get for the ends of its dropdown column.
READS_ONLY = Counter({"spreadsheets.get": 4, "values.batchGet": 1})


@pytest.fixture
def g(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GoogleHarness:
    return GoogleHarness(tmp_path, capsys)


def kinds(emu: SheetsEmulator) -> Counter[str]:
    return Counter(r.kind for r in emu.requests)


def per_spreadsheet(emu: SheetsEmulator, kind: str) -> Counter[str]:
    return Counter(
        r.url.split("/spreadsheets/")[1].split("?")[0].split("/")[0]
        for r in emu.requests
        if r.kind == kind
    )


def coordination_tabs(g: GoogleHarness) -> dict[str, Grid]:
    """The four tabs, without the created_at column (it holds the time of each pass) and
    the notes of refreshed cells (they tell what the pass that refreshed them replaced)."""
    tabs = {tab: g.coordination(tab) for tab in TABS}
    refreshed = render_problem(
        Problem("matches", 0, "", "", ProblemCode.CELL_REFRESHED, {"new": ""}), "ru"
    ).split("«")[0]
    tabs["problems"] = [
        row for row in tabs["problems"] if not row[4:5] or not row[4].startswith(refreshed)
    ]
    matches = tabs["matches"]
    labels = {column_label("created_at", lang) for lang in ("ru", "uk", "en")}
    at = next((i for i, title in enumerate(matches[0] if matches else []) if title in labels), None)
    if at is not None:
        tabs["matches"] = [row[:at] + row[at + 1 :] for row in matches]
    return tabs


def rename_donor(g: GoogleHarness, new_name: str, which: int = 0) -> tuple[str, str]:
    """Give the donor of a match a new name in the form; (match_id, offer_id)."""
    chosen = [m for m in g.matches() if m["match_id"]][which]
    offers = {row[0]: row for row in g.coordination("offers")[1:]}
    source_row = int(offers[chosen["offer_id"]][1])
    grid = g.source("offers")
    grid[source_row - 1][1] = new_name
    g.replace_source("offers", grid)
    return chosen["match_id"], chosen["offer_id"]


# --- request counts ----------------------------------------------------------------


def test_requests_per_pass_by_kind(g: GoogleHarness) -> None:
    emu = g.emu
    emu.reset_counts()
    g.sync()
    first = kinds(emu)
    assert all(n <= 1 for n in per_spreadsheet(emu, "values.batchGet").values())
    assert first["spreadsheets.batchUpdate"] == 1  # tabs, dropdown, protection, frozen row
    assert first["values.batchUpdate"] == 1  # every tab's values at once
    assert first["values.append"] == 0  # a new Matches tab is written, not appended to
    assert sum(first.values()) <= 7, first

    emu.reset_counts()
    g.append_source_row("offers", NEW_FORM_ROW)
    g.sync()
    one_row = kinds(emu)
    # Each source once, with its locale and time zone; the coordination spreadsheet's
    # tabs (by id) and the ends of its dropdown column.
    assert one_row["spreadsheets.get"] == 4
    assert sorted(per_spreadsheet(emu, "spreadsheets.get").values()) == [1, 1, 2]
    # The coordination spreadsheet; then, with the lease claimed, the memory tab read
    # back with the match ids where they are now.
    assert one_row["values.batchGet"] == 2
    assert one_row["values.get"] == 0
    assert one_row["values.append"] == 2  # the lease's claim, the new rows
    assert one_row["values.batchUpdate"] == 2  # the values, then the memory after the append
    assert one_row["spreadsheets.batchUpdate"] == 0  # the grids are big enough, nothing lost
    assert sum(one_row.values()) == 10, one_row  # the memory goes after the append

    emu.reset_counts()
    result = g.sync()
    assert "Nothing changed" in result.out
    assert emu.writes == 0
    assert emu.reads == 5
    assert kinds(emu) == READS_ONLY

    emu.reset_counts()
    g.append_source_row("offers", [*NEW_FORM_ROW[:1], "Ирина", "095 111 22 33", *NEW_FORM_ROW[3:]])
    result = g.sync("--dry-run")
    assert "Dry run: nothing written" in result.out
    assert emu.writes == 0
    assert kinds(emu) == READS_ONLY


# --- a failure at every request ------------------------------------------------------


def _later_pass_setup(g: GoogleHarness) -> None:
    """After a first pass: a coordinator's edits, a renamed donor and a new form row."""
    g.sync()
    first = g.matches()[0]
    g.edit_match(first["match_id"], "status", status_label(Status.CONTACTED, "ru"))
    g.edit_match(first["match_id"], "notes", "перезвонить в пятницу")
    rename_donor(g, "Ольга Петренко-Сидоренко")
    g.append_source_row("offers", NEW_FORM_ROW)


def _first_pass_setup(g: GoogleHarness) -> None:
    pass


SCENARIOS: dict[str, Callable[[GoogleHarness], None]] = {
    "first pass": _first_pass_setup,
    "later pass": _later_pass_setup,
}


def reference_pass(g: GoogleHarness, setup: Callable[[GoogleHarness], None]) -> tuple[Store, int]:
    """The spreadsheets after `setup` (to restore before each faulty pass), and the
    number of requests a pass without a fault sends from there."""
    setup(g)
    before = g.emu.saved()
    g.emu.restore(before)
    g.sync()
    return before, len(g.emu.requests)


def faulty_pass(g: GoogleHarness, before: Store, n: int, how: str) -> CliResult:
    """A pass from `before`, on a fresh clock, with request `n` failing as `how`."""
    g.emu.restore(before)
    g.time = FakeTime()
    g.emu.fail_request(n, how)
    return g.cli("sync")


# An answer lost after Google applied the write fails the same way as one dropped before.
@pytest.mark.parametrize("how", [*FAULTS, "applied-timeout"])
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_failure_at_any_request_then_a_normal_pass_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scenario: str, how: str
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    before, count = reference_pass(g, SCENARIOS[scenario])
    expected = coordination_tabs(g)
    assert count >= 4
    g.budget = NO_RETRIES
    for n in range(1, count + 1):
        result = faulty_pass(g, before, n, how)
        failed = g.emu.requests[n - 1]
        where = f"fault {how} at request {n} ({failed.kind})"
        if result.code == 0:
            # Only a write that is not sent twice blindly, an append or a batchUpdate, is
            # settled within the pass: we look whether it landed, and send it if not.
            assert failed.kind in NOT_RESENT_BLINDLY and how != "429", where
        else:
            assert result.code == 1, where
            assert result.err.splitlines()[-1].startswith("mozhem: error: "), where
            assert "kept failing" in result.err and "next pass" in result.err, where
            assert "Traceback" not in result.err + result.out, where
        g.sync()
        assert coordination_tabs(g) == expected, where
        ids = [m["match_id"] for m in g.matches()]
        assert len(ids) == len(set(ids)), where


@pytest.mark.parametrize("how", FAULTS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_failure_at_any_request_is_retried_within_the_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scenario: str, how: str
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    before, count = reference_pass(g, SCENARIOS[scenario])
    expected = coordination_tabs(g)
    for n in range(1, count + 1):
        result = faulty_pass(g, before, n, how)
        where = f"fault {how} at request {n}"
        assert result.code == 0, f"{where}: {result.err}"
        assert coordination_tabs(g) == expected, where
        if g.emu.requests[n - 1].kind not in NOT_RESENT_BLINDLY or how == "429":
            assert g.time.sleeps, f"{where}: retried after a pause"
        # The next pass only drops the notes of the cells this one refreshed, if any.
        assert "New matches: 0. Refreshed cells: 0." in g.sync().out, where
        assert "Nothing changed" in g.sync().out, where


def test_the_later_pass_keeps_the_coordinators_edit(g: GoogleHarness) -> None:
    _later_pass_setup(g)
    first = g.matches()[0]
    g.sync()
    again = {m["match_id"]: m for m in g.matches()}[first["match_id"]]
    assert again["status"] == status_label(Status.CONTACTED, "ru")
    assert again["notes"] == "перезвонить в пятницу"


# --- edits made while a pass runs ----------------------------------------------------


def test_rows_sorted_and_edited_between_our_read_and_our_write(g: GoogleHarness) -> None:
    g.sync()
    match_id, offer_id = rename_donor(g, "Ольга Петренко-Сидоренко")
    g.append_source_row("offers", NEW_FORM_ROW)
    key = g.keys["coordination"]
    agreed = status_label(Status.AGREED, "ru")
    seen: dict[str, list[str]] = {}

    def coordinator(emu: SheetsEmulator) -> None:
        grid = emu.values(key, "Пары")
        head, rows = grid[0], grid[1:]
        rows.sort(key=lambda row: row[MID], reverse=True)
        status = head.index(column_label("status", "ru"))
        for row in rows:
            if row[MID] == match_id:
                row[status] = agreed
        seen["order"] = [row[MID] for row in rows]
        width = max(len(row) for row in grid)
        put_text(emu, key, "Пары", [row + [""] * (width - len(row)) for row in rows], "A2")

    # Requests 1-5 read the three spreadsheets; the 6th is the first after our read.
    g.emu.reset_counts()
    g.emu.before_request(6, coordinator)
    result = g.sync()
    reads = ["spreadsheets.get"] * 3 + ["values.batchGet"]
    assert [r.kind for r in g.emu.requests[:5]] == [*reads, "spreadsheets.get"]
    assert "Refreshed cells: 1." in result.out
    assert g.emu.count("values.append") == 2  # the lease's claim, then the new rows

    rows = g.matches()
    assert [m["match_id"] for m in rows[: len(seen["order"])]] == seen["order"]
    assert len(rows) > len(seen["order"])
    by_id = {m["match_id"]: m for m in rows}
    assert by_id[match_id]["status"] == agreed
    grid = g.coordination("matches")
    donor = grid[0].index(column_label("donor_name", "ru"))
    offer_col = grid[0].index(column_label("offer_id", "ru"))
    names = {row[0]: row[3] for row in g.coordination("offers")[1:]}
    assert names[offer_id] == "Ольга Петренко-Сидоренко"
    for row in grid[1:]:
        assert row[donor] == names[row[offer_col]], row[MID]


def test_updates_land_on_their_rows_when_the_append_inserts_above_them(
    g: GoogleHarness,
) -> None:
    # A coordinator cleared a row in the middle: Google's table for the append ends
    # there, so new rows are inserted above the rows below it.
    g.sync()
    grid = g.coordination("matches")
    assert len(grid) >= 4
    blank_at = 3
    cleared = grid[blank_at - 1][MID]
    put_text(g.emu, g.keys["coordination"], "Пары", [[""] * len(grid[0])], f"A{blank_at}")
    match_id, _ = rename_donor(g, "Ольга Петренко-Сидоренко", which=-1)
    assert match_id != cleared
    rows_before = [row[MID] if row else "" for row in g.coordination("matches")]
    assert rows_before.index(match_id) > blank_at
    g.append_source_row("offers", NEW_FORM_ROW)
    result = g.sync()
    assert "Refreshed cells: 0." not in result.out
    after = g.coordination("matches")
    order = [row[MID] if len(row) > MID else "" for row in after]
    new_rows = [order.index(i) for i in order if i and i not in rows_before]
    assert new_rows and min(new_rows) < order.index(match_id), "inserted above the row"
    donor = after[0].index(column_label("donor_name", "ru"))
    offer_col = after[0].index(column_label("offer_id", "ru"))
    names = {row[0]: row[3] for row in g.coordination("offers")[1:]}
    for row in after[1:]:
        if len(row) > MID and row[MID]:
            assert row[donor] == names[row[offer_col]], row[MID]


def test_a_matches_tab_left_empty_gets_its_header_back(g: GoogleHarness) -> None:
    # A first pass that stopped after creating the tabs leaves Matches empty.
    probe = GoogleHarness(g.root / "probe", g.capsys)
    probe.emu.reset_counts()
    probe.sync()
    kinds_in_order = [r.kind for r in probe.emu.requests]
    values_write = kinds_in_order.index("values.batchUpdate") + 1
    assert "spreadsheets.batchUpdate" in kinds_in_order[: values_write - 1]
    g.emu.fail_request(values_write, "503")
    g.budget = NO_RETRIES
    assert g.cli("sync").code == 1
    assert g.coordination("matches") == []
    g.budget = 120.0
    g.sync()
    grid = g.coordination("matches")
    assert grid[0][MID] == column_label("match_id", "ru")
    assert len(grid) > 1 and all(row[MID] for row in grid[1:])


# --- what the first pass sets up -----------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_first_creation_dropdown_frozen_header_and_protection(
    g: GoogleHarness, language: Language
) -> None:
    g.write_config(coordination={**g.settings["coordination"], "language": language})
    g.sync()
    key = g.keys["coordination"]
    header = g.coordination("matches")[0]
    assert header[: len(MATCH_COLUMNS)] == [column_label(k, language) for k in MATCH_COLUMNS]
    status = MATCH_COLUMNS.index("status")
    [validation] = g.emu.data_validations(key, g.title("matches"))
    labels = [v["userEnteredValue"] for v in validation["rule"]["condition"]["values"]]
    assert labels == status_labels(language)
    assert "Предложено" in labels if language == "ru" else "Запропоновано" in labels
    assert validation["range"]["startColumnIndex"] == status
    assert validation["range"]["endColumnIndex"] == status + 1
    assert validation["range"]["startRowIndex"] == 1  # not the header
    for tab in TABS:
        assert g.emu.frozen_rows(key, g.title(tab)) == 1, tab
    protected: set[int] = set()
    for entry in g.emu.protected_ranges(key, g.title("matches")):
        assert entry["warningOnly"] is True
        span = entry["range"]
        protected |= set(range(span["startColumnIndex"], span["endColumnIndex"]))
    owned = {i for i, k in enumerate(MATCH_COLUMNS) if k not in COORDINATOR_COLUMNS}
    assert protected == owned
    assert {MATCH_COLUMNS.index(k) for k in ("status", "notes")}.isdisjoint(protected)


# --- values, limits ------------------------------------------------------------------


def test_values_are_written_raw(g: GoogleHarness) -> None:
    # a formula with an offer after it (a cell that is only a formula is junk)
    formula = '=HYPERLINK("http://example.com";"клик") кастрюли 2 шт'
    g.append_source_row(
        "offers",
        ["21.11.2026 11:00:00", "007", "095 167 90 27", "Лисичанск", "Посуда", formula, "Нет"],
    )
    g.sync()
    offers = g.coordination("offers")
    texts = [cell for row in offers for cell in row]
    assert "007" in texts
    assert any(cell.startswith("=HYPERLINK(") for cell in texts)
    assert "#ERROR!" not in texts
    for request in g.emu.requests:
        body = request.body if isinstance(request.body, dict) else {}
        if request.kind in ("values.batchUpdate", "values.update"):
            assert body["valueInputOption"] == "RAW"
        if request.kind == "values.append":
            assert "valueInputOption=RAW" in request.url
            assert "insertDataOption=INSERT_ROWS" in request.url


def test_a_cell_over_googles_limit_passes_without_a_400(g: GoogleHarness) -> None:
    g.sync()
    huge = ("куртка зимняя " * 5_000)[:60_000]
    g.append_source_row(
        "offers",
        ["21.11.2026 12:00:00", "Марина", "050 123 45 99", "Северодонецк", "Одежда", huge, "Да"],
    )
    assert len(g.source("offers")[-1][5]) == 60_000
    g.emu.reset_counts()
    g.sync()
    assert {r.status for r in g.emu.requests} == {200}
    longest = max(len(cell) for tab in TABS for row in g.coordination(tab) for cell in row)
    assert 1_000 < longest <= 50_000


# --- mozhem check --------------------------------------------------------------------


def test_check_reports_every_spreadsheet_and_writes_nothing(g: GoogleHarness) -> None:
    for _ in range(2):  # before the first pass and after it
        g.emu.reset_counts()
        result = g.cli("check")
        assert result.code == 0, result.err
        assert g.emu.writes == 0
        for name in ("offers", "needs", "coordination"):
            assert (
                f"OK  {name}: https://docs.google.com/spreadsheets/d/{g.keys[name]}" in result.out
            )
        g.sync()


def test_check_names_the_nearest_header(g: GoogleHarness) -> None:
    grid = g.source("offers")
    grid[0][2] = "Телефон для связи"
    g.replace_source("offers", grid)
    g.emu.reset_counts()
    result = g.cli("check")
    assert result.code == 2
    assert "Контактный телефон" in result.err and "Телефон для связи" in result.err
    assert g.emu.writes == 0


def test_check_on_a_spreadsheet_we_may_not_open(g: GoogleHarness) -> None:
    g.emu.make_private(g.keys["needs"])
    result = g.cli("check")
    assert result.code == 1
    assert g.keys["needs"] in result.err
    assert "no access" in result.err and "client_email" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", ["check", "sync"])
def test_a_coordination_key_that_names_nothing_stops_the_pass(
    g: GoogleHarness, command: str
) -> None:
    """Google cannot make the spreadsheet for us: a wrong key is a mistake to fix in
    config.yaml, not a first pass."""
    g.write_config(coordination={**g.settings["coordination"], "spreadsheet": "no-such-key"})
    g.emu.reset_counts()
    result = g.cli(command)
    assert result.code == 2
    assert "no-such-key: not found" in result.err and "created by first sync" not in result.out
    assert g.emu.writes == 0


# --- credentials ---------------------------------------------------------------------


def _fake_key(path: Path) -> dict[str, str]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    info = {
        "type": "service_account",
        "project_id": "mozhem-test",
        "private_key_id": "f" * 40,
        "private_key": pem,
        "client_email": "mozhem-sync@mozhem-test.iam.gserviceaccount.com",
        "client_id": "1" * 21,
        # Nothing listens there: getting a token fails at once, without the network.
        "token_uri": "http://127.0.0.1:9/token",
    }
    path.write_text(json.dumps(info), "utf-8")
    return info


def test_a_missing_key_file_names_both_places_to_set_it(
    g: GoogleHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    with pytest.raises(BackendError) as raised:
        open_google_backend(load_config(g.config_path))
    assert "google.credentials_file" in str(raised.value)
    assert "GOOGLE_APPLICATION_CREDENTIALS" in str(raised.value)
    code = main(["check", "--config", str(g.config_path)])
    err = g.capsys.readouterr().err
    assert code == 2 and "google.credentials_file" in err


def test_the_key_asks_for_the_spreadsheets_scope_only(
    g: GoogleHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_key(tmp_path / "key.json")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "key.json"))
    backend = open_google_backend(load_config(g.config_path))  # the configured file is missing
    credentials = backend.http.auth
    assert isinstance(credentials, service_account.Credentials)
    assert list(credentials.scopes) == ["https://www.googleapis.com/auth/spreadsheets"]
    assert SCOPES == ("https://www.googleapis.com/auth/spreadsheets",)


def test_the_key_is_never_printed(
    g: GoogleHarness, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    info = _fake_key(tmp_path / "key.json")
    g.write_config(
        google={"credentials_file": str(tmp_path / "key.json"), "retry_budget_seconds": NO_RETRIES}
    )
    secrets = [*info["private_key"].splitlines()[1:-1], info["private_key_id"]]

    def production_with_fake_time(config: Config) -> GoogleBackend:
        """Built from the key file as production builds it; its retries wait on g.time."""
        backend = open_google_backend(config)
        http = backend.http
        http.retry = dataclasses.replace(http.retry, sleep=g.time.sleep, clock=g.time.clock)
        return backend

    for argv in (["check"], ["sync"], ["-v", "sync"]):
        config = ["--config", str(g.config_path)]
        code = main([*argv, *config], backend_factory=production_with_fake_time)
        out, err = capsys.readouterr()
        assert code == 1, err
        assert err.splitlines()[-1].startswith("mozhem: error: ")
        assert ("Traceback" in err) == ("-v" in argv)  # -v shows the traceback, still no key
        assert not any(line in out + err for line in secrets)

    broken = dict(info, private_key="-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXNlY3JldA==\n-----END")
    (tmp_path / "key.json").write_text(json.dumps(broken), "utf-8")
    code = main(["check", "--config", str(g.config_path)])
    out, err = capsys.readouterr()
    assert code == 2 and "not a usable service-account key" in err
    assert "c2VjcmV0LXNlY3JldA" not in out + err


# --- quota ---------------------------------------------------------------------------


def test_passes_complete_under_the_per_minute_quota(g: GoogleHarness) -> None:
    g.emu.enable_quota(60, 60, clock=g.time.clock)
    g.sync()
    for _ in range(25):  # 5 reads each: more than 60 reads within a minute
        g.sync()
    g.append_source_row("offers", NEW_FORM_ROW)
    result = g.sync()
    assert "New matches: 0." not in result.out
    assert any(r.status == 429 for r in g.emu.requests), "the quota was reached"
    assert g.time.sleeps, "and waited out"
