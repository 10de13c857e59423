"""Benchmark: Sheets API requests per sync pass, batched (GoogleBackend) against naive.

    /work/venv/bin/python benchmarks/api_requests.py

Builds, in the in-process Sheets API emulator, a form-responses spreadsheet, an
NGO needs spreadsheet and a coordination spreadsheet with existing matches
(synthetic ru/uk data). The coordination spreadsheet is made by a real first
pass, cut down to the wanted number of matches (the pairs cut off are proposed
again by the measured pass, so it also appends a large batch). Then new form
rows arrive and one donor in a hundred fixes a name, and one measured pass runs:

* batched: the real pass through GoogleBackend (gspread, RAW, batched);
* naive: the same pass through NaiveGoogleBackend below, which sends a request
  per row: a values.get for each row it reads (stopping at the first empty
  row), a values.append for each new match, a values.update for each refreshed
  cell and for each row of a rewritten tab.

Each run gets its own copy of the spreadsheets and a fresh state folder. Prints
the request count by kind and the wall time of each; the naive pass is sent for
real where that is quick, and otherwise counted from the same plan and row
counts (the output says which). No thresholds: it only prints figures.
"""

from __future__ import annotations

import copy
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gspread.utils import rowcol_to_a1  # noqa: E402

from sync.backends.base import Backend, SourceSheet  # noqa: E402
from sync.backends.google import GoogleBackend, connect, spreadsheet_key  # noqa: E402
from sync.backends.google_layout import cell_value, quote_title  # noqa: E402
from sync.backends.retry import BoundedRetryHTTPClient, RetryPolicy  # noqa: E402
from sync.config import load_config  # noqa: E402
from sync.labels import tab_title  # noqa: E402
from sync.pipeline import run_pass  # noqa: E402
from sync.plan import Grid, Snapshot, SpreadsheetPlan, TabIdentity, locate_columns  # noqa: E402
from tests.google_harness import as_typed  # noqa: E402
from tests.sheets_emulator.emulator import SheetsEmulator  # noqa: E402
from tests.sheets_emulator.state import Store  # noqa: E402

OFFERS_TAB = "Ответы на форму (1)"
NEEDS_TAB = "Потребности"
#: The naive pass is sent for real only up to this many source rows.
NAIVE_SEND_LIMIT = 3_000

TOWNS = [
    ("Северодонецк", 10), ("Сєвєродонецьк", 4), ("Лисичанск", 9), ("Лисичанськ", 3),
    ("Рубежное", 6), ("Кременная", 3), ("Старобельск", 3), ("Днепр", 5), ("Дніпро", 4),
    ("Харьков", 5), ("Краматорск", 4), ("Славянск", 4), ("Полтава", 2), ("г. Лисичанск", 2),
]  # fmt: skip
NAMES = [
    "Ольга", "Сергей", "Наталья", "Ірина", "Олена", "Андрій", "Бабушка Валя", "Павел",
    "Оксана", "Марина", "Тетяна", "Виктор", "Людмила", "Михайло", "Галина", "Дмитро",
]  # fmt: skip
SURNAMES = ["Петренко", "Коваленко", "Шевченко", "Иванова", "Бондаренко", "Ткаченко", ""]
OFFER_ITEMS = {
    "Одежда": ["куртки зимние {n} шт", "дитячий одяг на 2-3 роки, пакет", "свитера {n} шт"],
    "Обувь": ["сапоги зимние 38 р., {n} пары", "черевики дитячі {n} пари"],
    "Посуда": ["кастрюли {n} шт", "каструлі {n} шт і сковорідка", "тарелки глубокие {n} шт"],
    "Постельное бельё": ["{n} комплекта постельного", "ковдра {n} шт"],
    "Средства гигиены": ["шампунь {n} шт", "памперсы 4 размер {n} пачки", "мило {n} шт"],
    "Продукты (долгого хранения)": ["крупа {n} кг", "консервы {n} банок", "макарони {n} пачок"],
    "Детские вещи": ["коляска", "дитяче ліжечко", "автокресло"],
    "Игрушки": ["игрушки пакет", "конструктор {n} шт"],
    "Мебель": ["шкаф", "стіл і {n} стільці", "диван"],
    "Лекарства": ["бинты {n} уп", "ліки від тиску {n} уп"],
}
NEED_ITEMS = [
    "зимові куртки чоловічі", "куртка зимняя", "Памперсы 4 размер", "постільна білизна",
    "кастрюли", "крупа", "консервы", "шампунь", "коляска", "игрушки", "диван", "бинты",
    "черевики дитячі", "ковдри", "тарелки", "мило",
]  # fmt: skip
URGENCY = ["срочно", "Очень срочно!!!", "не срочно", "терміново", "", "обычная"]


def _phone(rng: random.Random) -> str:
    digits = f"{rng.choice(['050', '066', '095', '067', '097', '063'])}{rng.randrange(10**7):07d}"
    return rng.choice(
        [
            f"{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}",
            f"+38({digits[:3]}){digits[3:6]}-{digits[6:8]}-{digits[8:]}",
            f"+38{digits}",
            f"38 {digits[1:4]} {digits[4:]}",
        ]
    )


def _town(rng: random.Random) -> str:
    return rng.choices([t for t, _ in TOWNS], weights=[w for _, w in TOWNS])[0]


def offer_rows(n: int, seed: int) -> Grid:
    rng = random.Random(seed)
    header = [
        "Отметка времени", "Ваше имя", "Контактный телефон", "Город / населённый пункт",
        "Чем вы можете помочь?", "Опишите подробнее (что, сколько, состояние)",
        "Можете ли вы доставить самостоятельно?",
    ]  # fmt: skip
    rows = [header]
    for i in range(n):
        cats = rng.sample(list(OFFER_ITEMS), k=rng.choice([1, 1, 1, 2]))
        details = ", ".join(rng.choice(OFFER_ITEMS[c]).format(n=rng.randint(1, 6)) for c in cats)
        day, minute = 1 + i * 28 // max(n, 1), rng.randrange(24 * 60)
        rows.append(
            [
                f"{day:02d}.11.2026 {minute // 60:02d}:{minute % 60:02d}:{rng.randrange(60):02d}",
                f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}".strip(),
                _phone(rng),
                _town(rng),
                ", ".join(cats),
                details,
                rng.choice(["Да", "Нет", "Так", "Ні", "да, на машине", ""]),
            ]
        )
    return rows


def need_rows(n: int, seed: int) -> Grid:
    rng = random.Random(seed)
    orgs = [f'ГО "{w}"' for w in ("Світло", "Дом", "Надія", "Вместе", "Добро", "Схід SOS")]
    rows = [
        [
            "Дата", "Организация", "Контактное лицо", "Телефон", "Город", "Что нужно",
            "Количество", "Срочность",
        ]
    ]  # fmt: skip
    for i in range(n):
        rows.append(
            [
                f"{1 + i * 28 // max(n, 1):02d}.11.2026",
                f"{rng.choice(orgs)} #{rng.randrange(400)}",
                rng.choice(NAMES),
                _phone(rng),
                _town(rng),
                rng.choice(NEED_ITEMS),
                rng.choice(["1", "2", "3", "5", "10", "много", "5 шт", "20"]),
                rng.choice(URGENCY),
            ]
        )
    return rows


class NaiveGoogleBackend:
    """A request per row: how a first version written with gspread's worksheet calls behaves.

    With send=False it reads through one batchGet per spreadsheet (so the pass can
    run) and only counts the per-row requests it would send.
    """

    name = "google-naive"
    max_cell_chars = 50_000
    creates_spreadsheets = False
    writes_atomically = True  # whatever it sends, the pass reads it all back

    def __init__(self, client: Any, send: bool) -> None:
        self.http = client.http_client
        self.send = send
        self.counted: Counter[str] = Counter()
        self._batched = GoogleBackend(client)

    def location(self, spreadsheet: str) -> str:
        return self._batched.location(spreadsheet)

    def exists(self, spreadsheet: str) -> bool:
        return True

    def tab_titles(self, spreadsheet: str) -> list[str]:
        return self._batched.tab_titles(spreadsheet)

    def read_tabs(self, spreadsheet: str, tabs: Sequence[TabIdentity]) -> Snapshot:
        """The coordination tabs: found and their furniture read as the batched backend
        does, then every row of each read again one request at a time (or counted)."""
        found = self._batched.read_tabs(spreadsheet, tabs)
        titles = {key: shape.title for key, shape in found.tabs.items()}
        rows = self.read(spreadsheet, list(titles.values()))
        grids = {tab.key: rows[titles[tab.key]] if tab.key in titles else None for tab in tabs}
        return Snapshot(grids, found.tabs)

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Snapshot:
        key = spreadsheet_key(spreadsheet)
        if not self.send:
            grids = self._batched.read(spreadsheet, tabs)
            self.counted["spreadsheets.get"] += 1
            for grid in grids.values():
                self.counted["values.get"] += 0 if grid is None else len(grid) + 1
            return grids
        meta = self.http.spreadsheets_get(key, {"fields": "sheets.properties"})
        sizes = {
            s["properties"]["title"]: s["properties"]["gridProperties"]["rowCount"]
            for s in meta.get("sheets", [])
        }
        found: dict[str, Grid | None] = {}
        for tab in tabs:
            if tab not in sizes:
                found[tab] = None
                continue
            rows: Grid = []
            while len(rows) < sizes[tab]:  # row by row until the first empty one
                row_range = f"{quote_title(tab)}!A{len(rows) + 1}:Z{len(rows) + 1}"
                values = self.http.values_get(key, row_range).get("values", [])
                if not values:
                    break
                rows.append([str(v) for v in values[0]])
            found[tab] = rows
        return Snapshot.of(found)

    def read_source(self, spreadsheet: str, tab: str) -> SourceSheet | None:
        """Row by row, as `read`; a first version would not have asked for the locale."""
        grid = self.read(spreadsheet, [tab])[tab]
        return None if grid is None else SourceSheet(grid)

    def _lookup(self, spreadsheet: str, title: str) -> Grid:
        """Where rows are now (one batchGet, sent in both modes and counted in both)."""
        if not self.send:
            self.counted["values.batchGet"] += 1
        return self._batched.read(spreadsheet, [title])[title] or []

    def _request(self, kind: str, method: Any, *args: Any) -> None:
        if self.send:
            method(*args)
        else:
            self.counted[kind] += 1

    def apply(self, plan: SpreadsheetPlan) -> None:
        if plan.is_empty:
            return
        key = spreadsheet_key(plan.spreadsheet)
        assert not plan.new_tabs, "the measured pass runs on an existing coordination sheet"
        raw = {"valueInputOption": "RAW"}
        keyed = plan.keyed_tab
        if keyed is not None and plan.updates:
            grid = self._lookup(plan.spreadsheet, keyed.title)
            columns = locate_columns(grid[0], keyed.spellings)
            at = columns[keyed.key_column]
            rows = {row[at]: n for n, row in enumerate(grid[1:], start=2) if len(row) > at}
            for update in plan.updates:
                cell = rowcol_to_a1(rows[update.key], columns[update.column] + 1)
                body = {"values": [[cell_value(update.value, self.max_cell_chars)]]}
                rng = f"{quote_title(keyed.title)}!{cell}"
                self._request("values.update", self.http.values_update, key, rng, raw, body)
        if keyed is not None:
            header = (self._lookup(plan.spreadsheet, keyed.title) or [[]])[0]
            columns = locate_columns(header, keyed.spellings)
            for values in plan.appends:
                row: list[Any] = [""] * (max(columns.values()) + 1)
                for column, value in values.items():
                    if column in columns:
                        row[columns[column]] = cell_value(value, self.max_cell_chars)
                params = {**raw, "insertDataOption": "INSERT_ROWS"}
                rng = f"{quote_title(keyed.title)}!A1"
                body = {"values": [row]}
                self._request("values.append", self.http.values_append, key, rng, params, body)
        for tab, rewrite in plan.rewrites.items():
            for number, row in enumerate(rewrite.cells, start=1):
                rng = f"{quote_title(plan.title_of(tab))}!A{number}"
                body = {"values": [[cell_value(v, self.max_cell_chars) for v in row]]}
                self._request("values.update", self.http.values_update, key, rng, raw, body)


@dataclass
class World:
    emu: SheetsEmulator
    config_path: Path
    state: Path


def _client(emu: SheetsEmulator) -> Any:
    client = connect(emu.credentials(), timeout=30, budget=60)
    emu.attach(client)
    assert isinstance(client.http_client, BoundedRetryHTTPClient)
    client.http_client.retry = RetryPolicy(budget_seconds=60, sleep=lambda s: None)
    return client


def _put(emu: SheetsEmulator, key: str, tab: str, grid: Grid) -> None:
    emu.set_values(key, tab, [[as_typed(v) for v in row] for row in grid])


def build_world(offers: int, needs: int, matches: int, folder: Path) -> World:
    """The three spreadsheets, with `matches` rows on Matches, and new form rows waiting."""
    emu = SheetsEmulator()
    fresh = max(offers // 100, 3)
    all_offers = offer_rows(offers, seed=1)
    keys = {
        "offers": emu.create_spreadsheet("offers", {OFFERS_TAB: []}),
        "needs": emu.create_spreadsheet("needs", {NEEDS_TAB: []}),
        "coordination": emu.create_spreadsheet("Координация"),
    }
    # Room for the rows that arrive later: the form's sheet grows as answers come in.
    waiting: Grid = [[""] * len(all_offers[0]) for _ in range(fresh)]
    _put(emu, keys["offers"], OFFERS_TAB, all_offers[: len(all_offers) - fresh] + waiting)
    _put(emu, keys["needs"], NEEDS_TAB, need_rows(needs, seed=2))
    settings = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    settings["backend"] = "google"
    settings["sources"]["offers"]["spreadsheet"] = keys["offers"]
    settings["sources"]["needs"]["spreadsheet"] = keys["needs"]
    settings["coordination"]["spreadsheet"] = keys["coordination"]
    settings["state_dir"] = str(folder / "seed-state")
    config_path = folder / "config.yaml"
    config_path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    run_pass(load_config(config_path), GoogleBackend(_client(emu)))
    # Keep `matches` rows, as if the coordinators' sheet had that many.
    title = tab_title("matches", settings["coordination"]["language"])
    grid = emu.values(keys["coordination"], title)
    width = max(len(row) for row in grid)
    cut = [[""] * width for _ in grid[matches + 1 :]]
    if cut:
        emu.set_values(keys["coordination"], title, cut, start=f"A{matches + 2}")
    # New form rows arrive below the others, and one donor in a hundred fixes a name.
    emu.set_values(
        keys["offers"],
        OFFERS_TAB,
        [[as_typed(v) for v in row] for row in all_offers[len(all_offers) - fresh :]],
        start=f"A{len(all_offers) - fresh + 1}",
    )
    rng = random.Random(3)
    renames = [[as_typed(rng.choice(NAMES) + " (исправлено)")] for _ in range(offers // 100)]
    for i, name in enumerate(renames):
        emu.set_values(keys["offers"], OFFERS_TAB, [name], start=f"B{2 + (i * 97) % offers}")
    settings["state_dir"] = str(folder / "state")
    config_path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return World(emu, config_path, folder / "state")


def clone(world: World) -> SheetsEmulator:
    emu = SheetsEmulator()
    emu.store = Store(copy.deepcopy(world.emu.store.spreadsheets))
    return emu


def measure(world: World, backend_kind: str, send: bool = True) -> tuple[Counter[str], float, int]:
    emu = clone(world)
    client = _client(emu)
    backend: Backend
    naive = None
    if backend_kind == "batched":
        backend = GoogleBackend(client)
    else:
        naive = NaiveGoogleBackend(client, send=send)
        backend = naive
    config = load_config(world.config_path)
    started = time.perf_counter()
    result = run_pass(config, backend)
    elapsed = time.perf_counter() - started
    counts = Counter(r.kind for r in emu.requests)
    if naive is not None and not send:
        counts = naive.counted
    return counts, elapsed, len(result.plan.appends)


def _show(counts: Counter[str]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))


def main() -> None:
    sizes = [(20_000, 5_000, 3_000), (2_000, 500, 300)]
    totals: dict[tuple[int, int, int], tuple[int, int]] = {}
    for offers, needs, matches in sizes:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            world = build_world(offers, needs, matches, Path(folder))
            built = time.perf_counter() - started
            print(
                f"\n{offers} form rows, {needs} need rows, {matches} existing matches "
                f"(built in {built:.1f} s)"
            )
            batched, batched_time, appended = measure(world, "batched")
            print(f"  batched: {sum(batched.values())} requests ({_show(batched)}); "
                  f"{batched_time:.2f} s; {appended} new matches")  # fmt: skip
            send = offers <= NAIVE_SEND_LIMIT
            naive, naive_time, _ = measure(world, "naive", send=send)
            if send:
                how = f"{naive_time:.2f} s, sent to the emulator"
            else:
                how = (
                    f"counted from the plan and row counts, not sent (too slow through the "
                    f"emulator); {naive_time:.2f} s is the pass without the requests"
                )
            print(f"  naive:   {sum(naive.values())} requests ({_show(naive)}); {how}")
            totals[(offers, needs, matches)] = (sum(batched.values()), sum(naive.values()))
    print("\nrequests per pass by size (batched / naive):")
    for (offers, needs, matches), (b, n) in totals.items():
        print(f"  {offers:>6} offers, {needs:>5} needs, {matches:>5} matches: {b} / {n}")
    b, n = totals[sizes[0]]
    print(f"requests per pass: {b} (naive: {n})")


if __name__ == "__main__":
    main()
