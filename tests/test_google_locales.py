"""A Form response sheet as Google really fills it reads the same as its text, in every locale.

The Form stores its timestamp as a date-time and an answer made of digits as a
number ("0661234567" becomes 661234567); a person typing into the needs sheet
gets dates and numbers the same way. Read with FORMATTED_VALUE such a sheet
shows «30.10.2026 9:14:05» in ru_RU and uk_UA, «10/30/2026 9:14:05» in en_US and
«30/10/2026 09:14:05» in en_GB. Every record the pass builds from it must equal
the one it builds from the text of the same sheet, and the pass must learn the
locale without sending one request more.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from matcher.normalize.dates import parse_timestamp
from sync.backends.workbook import WorkbookBackend
from sync.config import load_config
from sync.pipeline import PassResult, run_pass
from sync.plan import Grid
from tests.google_harness import GoogleHarness, put_text
from tests.harness import DEMO, NEEDS_TAB, OFFERS_TAB
from tests.sheets_emulator.emulator import SheetsEmulator
from tests.sheets_emulator.locales import format_date, locale_of, to_serial

LOCALES = ["ru_RU", "uk_UA", "en_US", "en_GB"]
NOW = datetime(2026, 11, 20, 12, 0, 0)
#: A phone and a need's quantity typed with leading zeros, which Google drops; the
#: offer's details a bare number.
EXTRA_OFFER = ["20.11.2026 08:05:09", "Тарас", "0501234567", "Луганск", "Посуда", "2", "Да"]
EXTRA_NEED = ["2026-11-19", 'ГО "Світло"', "Тарас", "0501234567", "Луганськ", "посуд", "007", "1"]
#: Where each source's date column is, and whether it holds a time.
DATE_COLUMN = {"offers": (0, "DATE_TIME"), "needs": (0, "DATE")}
Fill = Callable[[SheetsEmulator, str, str, Grid, str, str], None]


def _demo(name: str) -> Grid:
    book, tab, extra = {
        "offers": ("offers.xlsx", OFFERS_TAB, EXTRA_OFFER),
        "needs": ("needs.xlsx", NEEDS_TAB, EXTRA_NEED),
    }[name]
    grid = WorkbookBackend(DEMO).read(book, [tab])[tab]
    assert grid is not None
    return [*grid, extra]


def _moment(text: str) -> datetime | None:
    return parse_timestamp(text) if text else None


def _dates_in_locale(grid: Grid, name: str, locale: str) -> Grid:
    """The same rows with each date as this locale's Sheets shows it."""
    column, kind = DATE_COLUMN[name]
    shown = [list(row) for row in grid]
    for row in shown[1:]:
        moment = _moment(row[column]) if row else None
        if moment is not None:
            row[column] = format_date(to_serial(moment), kind, locale_of(locale))
    return shown


def as_text(emu: SheetsEmulator, key: str, tab: str, grid: Grid, name: str, locale: str) -> None:
    """Every cell the text the demo holds (dates written day first with dots)."""
    emu.set_values(key, tab, grid, raw=True)


def as_locale_text(
    emu: SheetsEmulator, key: str, tab: str, grid: Grid, name: str, locale: str
) -> None:
    """Every cell text; the dates as the locale writes them ("10/30/2026 9:14:05")."""
    emu.set_values(key, tab, _dates_in_locale(grid, name, locale), raw=True)


def as_google_fills_it(
    emu: SheetsEmulator, key: str, tab: str, grid: Grid, name: str, locale: str
) -> None:
    """The Form writes the offers (typed timestamp, digits as numbers); a person types the
    needs in the locale, so dates and numbers become dates and numbers."""
    emu.set_values(key, tab, grid[:1], raw=True)
    if name == "needs":
        emu.set_values(key, tab, _dates_in_locale(grid, name, locale)[1:], start="A2")
        return
    rows = [[_moment(row[0]) or row[0], *row[1:]] if row else [] for row in grid[1:]]
    emu.add_form_responses(key, tab, rows)


def _pass(g: GoogleHarness, locale: str, fill: Fill) -> tuple[PassResult, Counter[str]]:
    sources = g.settings["sources"]
    for name in ("offers", "needs"):
        tab = sources[name]["worksheet"]
        key = g.emu.create_spreadsheet(f"{name} {locale}", {tab: []}, locale=locale)
        g.emu.set_locale(key, locale, "Europe/Kyiv")
        fill(g.emu, key, tab, _demo(name), name, locale)
        sources[name]["spreadsheet"] = key
        g.keys[name] = key
    g.write_config(sources=sources)
    config = load_config(g.config_path)
    backend = g.backend_factory(config)
    g.emu.reset_counts()
    result = run_pass(config, backend, dry_run=True, now=NOW)
    sources = {g.keys["offers"]: "offers", g.keys["needs"]: "needs"}
    requests = Counter(
        (sources[key], r.kind)
        for r in g.emu.requests
        if (key := r.url.split("/spreadsheets/")[1].split("/")[0].split("?")[0]) in sources
    )
    return result, requests


def _fields(result: PassResult) -> dict[str, list[dict[str, object]]]:
    data = result.data
    return {
        "offers": [dataclasses.asdict(o) for o in data.offers],
        "needs": [dataclasses.asdict(n) for n in data.needs],
        "problems": [dataclasses.asdict(p) for p in data.problems],
    }


@pytest.fixture
def g(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GoogleHarness:
    return GoogleHarness(tmp_path, capsys)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_sheet_google_fills_reads_the_same_as_its_text(g: GoogleHarness, locale: str) -> None:
    text, _ = _pass(g, locale, as_text)
    typed, requests = _pass(g, locale, as_google_fills_it)
    assert _fields(typed) == _fields(text)
    # One request per source, as before the locale was read: it comes with the cells.
    assert requests == Counter(
        {("offers", "spreadsheets.get"): 1, ("needs", "spreadsheets.get"): 1}
    )
    offers = {o.source_row: o for o in typed.data.offers}
    assert offers[62].submitted_at == datetime(2026, 11, 20, 8, 5, 9)
    assert offers[62].phone == "+380501234567"
    needs = {n.source_row: n for n in typed.data.needs}
    assert needs[27].quantity == 7
    assert needs[27].submitted_at == datetime(2026, 11, 19)


@pytest.mark.parametrize("locale", LOCALES)
def test_dates_typed_as_text_read_by_the_locale(g: GoogleHarness, locale: str) -> None:
    """en_GB "30/10/2026" and en_US "10/30/2026" are both 30 October: never a guess."""
    text, _ = _pass(g, locale, as_text)
    local, _ = _pass(g, locale, as_locale_text)
    assert _fields(local) == _fields(text)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_filled_sheet_really_holds_dates_and_numbers(g: GoogleHarness, locale: str) -> None:
    """The emulator shows the Form's sheet as Google does, so the tests above compare
    typed values with text, not text with text."""
    _pass(g, locale, as_google_fills_it)
    shown = g.emu.values(g.keys["offers"], OFFERS_TAB)
    stamp = {"en_US": "10/30/2026 9:14:05", "en_GB": "30/10/2026 09:14:05"}
    assert shown[1][0] == stamp.get(locale, "30.10.2026 9:14:05")
    assert shown[5][2] == "661234567"  # typed 0661234567
    assert shown[-1][5] == "2"  # a bare number in the details


@pytest.mark.parametrize("locale", LOCALES)
def test_put_text_keeps_text_in_every_locale(locale: str) -> None:
    emu = SheetsEmulator()
    key = emu.create_spreadsheet("text", {"Sheet1": []}, locale=locale)
    row = ["1,5", "10.12.2014", "12/10/2014", "2014-12-10", "007", "+380501234567"]
    put_text(emu, key, "Sheet1", [row])
    assert emu.values(key, "Sheet1") == [row]
    sheet = emu.store.get(key).sheet_by_title("Sheet1")
    assert sheet is not None
    assert all(isinstance(cell.value, str) for cell in sheet.cells.values())
