"""Whole sync passes on varied rows: first, quiet (twice), after 1% new rows, and export.

    python benchmarks/pass_speed.py [--sizes 1000,10000,50000,100000] [--google 20000]
                                    [--no-naive]

For each size (form rows; needs are a fifth of that) the rows come from
benchmarks/varied_rows.py and are written to real .xlsx files; then each pass
runs `mozhem` in a fresh process, as cron or an operator would run it, and that
process reports its wall time, CPU time (its own and its workers'), the time of
each stage and its peak RSS. The passes, in order:

- first:   no coordination workbook and no state yet;
- quiet:   nothing changed since the first, which left nothing more to do (it stops
           before reading: sync/quiet.py);
- quiet2:  nothing changed since that one either (it stops before reading too);
- new1pct: 1% new form rows and 1% new need rows appended to the sources;
- export:  `mozhem export` (a dry pass and four CSV files).

A naive pandas pass on the same files (read_excel, keyword categories, a merge
on category and town, greedy allocation, to_excel) runs in its own process too,
and the ratio naive/first is printed. With --google N the same passes run on
the Google backend through the Sheets API emulator, in one process (the
emulator keeps the spreadsheets in memory), for N form rows.

Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: A pass in a fresh process pays for importing the program; count it.
PROCESS_STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.varied_rows import (  # noqa: E402
    FORM_FIELDS,
    NEED_FIELDS,
    describe,
    form_rows,
    need_rows,
)

PASSES = ("first", "quiet", "quiet2", "new1pct", "export")
#: Progress lines of a pass (sync/pipeline.py) -> the stage that starts there.
STAGE_STARTS = {
    "Reading": "load",
    "Normalizing": "normalize",
    "The offers and needs hold": "normalize",
    "Matching": "match+plan",
    "Writing": "save",
}
MIB = 1024 * 1024


# --- the data ----------------------------------------------------------------
def _settings() -> dict[str, Any]:
    import yaml

    return dict(yaml.safe_load((ROOT / "config.yaml").read_text("utf-8")))


def _grid(rows: Sequence[dict[str, str]], fields: Sequence[str], headers: dict[str, str]) -> list:
    return [[headers[f] for f in fields], *[[row[f] for f in fields] for row in rows]]


def _source_grids(
    form: Sequence[dict[str, str]], needs: Sequence[dict[str, str]]
) -> dict[str, list[list[str]]]:
    sources = _settings()["sources"]
    return {
        "offers": _grid(form, FORM_FIELDS, sources["offers"]["columns"]),
        "needs": _grid(needs, NEED_FIELDS, sources["needs"]["columns"]),
    }


def _write_book(path: Path, tab: str, grid: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(tab)
    for row in grid:
        sheet.append(row)
    book.save(path)


def make_world(folder: Path, rows: int, grow: bool = False) -> dict[str, Any]:
    """The source workbooks and config.yaml; with `grow`, 1% new rows appended."""
    form, needs = form_rows(rows), need_rows(rows // 5)
    if grow:
        form += form_rows(max(rows // 100, 1), start=rows)
        needs += need_rows(max(rows // 500, 1), start=rows // 5)
    settings = _settings()
    settings["workbook"] = {"dir": str(folder)}
    settings["state_dir"] = str(folder / "state")
    for name, grid in _source_grids(form, needs).items():
        source = settings["sources"][name]
        _write_book(folder / source["spreadsheet"], source["worksheet"], grid)
    import yaml

    (folder / "config.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return {
        "form": describe(form, ("details", "phone", "city")),
        "needs": describe(needs, ("item", "phone", "city")),
        "form_rows": len(form),
        "need_rows": len(needs),
    }


# --- one pass, measured ----------------------------------------------------------
class StageClock:
    """Hears the pass's progress lines (stderr) and notes when each stage starts; the
    backend's calls are timed apart and taken out of the stage they fall in."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []
        self.calls: list[tuple[str, float, float]] = []
        self.cpu: dict[str, float] = {}
        self._stage: tuple[str, float] | None = None

    def write(self, text: str) -> int:
        # A step is a log line: "2026-11-30 16:22:42 DEBUG Reading the offers…".
        message = text.split(" ", 3)[-1]
        for words, stage in STAGE_STARTS.items():
            if message.startswith(words):
                self.marks.append((stage, time.perf_counter()))
                self._cpu_mark(stage)
        return len(text)

    def _cpu_mark(self, stage: str) -> None:
        if self._stage is not None:
            name, began = self._stage
            self.cpu[name] = self.cpu.get(name, 0.0) + _cpu() - began
        self._stage = (stage, _cpu())

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False  # no progress bars: their redraws are not steps

    def timed(self, what: str, call: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        try:
            return call()
        finally:
            self.calls.append((what, began, time.perf_counter()))

    def stages(self, ended: float) -> dict[str, float]:
        self._cpu_mark("")
        found: dict[str, float] = {}
        for (stage, start), (_, stop) in itertools.pairwise([*self.marks, ("", ended)]):
            inside = sum(
                min(b, stop) - max(a, start) for _, a, b in self.calls if a < stop and b > start
            )
            found[stage] = found.get(stage, 0.0) + stop - start - inside
        for what, began, stopped in self.calls:
            found[what] = found.get(what, 0.0) + stopped - began
        return found


class TimedBackend:
    """The real backend, with its reads and writes timed."""

    def __init__(self, inner: Any, clock: StageClock, names: dict[str, str]) -> None:
        self.inner, self.clock, self.names = inner, clock, names

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def read(self, spreadsheet: str, tabs: Sequence[str]) -> Any:
        what = "read " + self.names.get(spreadsheet, "coordination")
        return self.clock.timed(what, lambda: self.inner.read(spreadsheet, tabs))

    def read_source(self, spreadsheet: str, tab: str) -> Any:
        what = "read " + self.names.get(spreadsheet, "coordination")
        return self.clock.timed(what, lambda: self.inner.read_source(spreadsheet, tab))

    def read_tabs(self, spreadsheet: str, tabs: Sequence[Any]) -> Any:
        what = "read " + self.names.get(spreadsheet, "coordination")
        return self.clock.timed(what, lambda: self.inner.read_tabs(spreadsheet, tabs))

    def apply(self, plan: Any) -> None:
        self.clock.timed("write", lambda: self.inner.apply(plan))


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _peak_mib() -> float:
    """The pass process's peak RSS (Linux: ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak_mib() -> float:
    """The largest worker's peak RSS; a forked worker shares the pass's pages it
    inherited, so adding the two overstates what both hold."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_cli(
    config: Path, kind: str, factory: Callable[[Any], Any], began: float, cpu_began: float
) -> dict[str, Any]:
    """One `mozhem sync` (or export) in this process, with its stages timed from `began`."""
    from sync.cli import main
    from sync.config import load_config

    settings = load_config(config)
    names = {
        settings.sources.offers.spreadsheet: "offers",
        settings.sources.needs.spreadsheet: "needs",
    }
    clock = StageClock()
    argv = ["export", "--out", str(config.parent / "export")] if kind == "export" else ["sync"]
    argv.append("-v")  # the steps are logged with -v
    stderr, stdout = sys.stderr, sys.stdout
    with open(os.devnull, "w") as quiet:
        sys.stderr, sys.stdout = clock, quiet  # type: ignore[assignment]
        try:
            code = main(
                [*argv, "--config", str(config)],
                backend_factory=lambda c: TimedBackend(factory(c), clock, names),
            )
        finally:
            sys.stderr, sys.stdout = stderr, stdout
    ended = time.perf_counter()
    if code != 0:
        raise SystemExit(f"mozhem {' '.join(argv)} ended with exit code {code}")
    return {
        "code": code,
        "wall": ended - began,
        "cpu": _cpu() - cpu_began,
        "stages": clock.stages(ended),
        "stage_cpu": clock.cpu,
    }


def one_pass(folder: Path, kind: str) -> dict[str, Any]:
    """A pass in this fresh process, timed from the process's start (imports included)."""
    from sync.backends import open_backend

    result = run_cli(folder / "config.yaml", kind, open_backend, PROCESS_STARTED, 0.0)
    result["peak_mib"] = _peak_mib()
    result["worker_peak_mib"] = _worker_peak_mib()
    return result


# --- the naive pandas pass -----------------------------------------------------
NAIVE_KEYWORDS = {
    "clothing": "одеж|одяг|куртк|кофт|штан|свитер|светр|плать|сукн|шапк|вещи|речі|джинс",
    "shoes": "обув|взутт|ботин|череви|сапог|чобот|кросс|крос|туфл|тапоч",
    "medicine": "медик|лекар|ліки|бинт|аптеч|шприц|парацет|таблет",
    "furniture": "мебел|меблі|диван|шкаф|шаф|стол|стіл|стул|стіл|кроват|ліжк|матра",
    "kitchenware": "посуд|кастр|сковор|тарел|тарілк|чашк|ложк|чайник|сервиз",
    "hygiene": "гигиен|гігієн|мыло|мило|шампун|паст|прокладк|порошок|салфет|серветк",
    "food": "продукт|гречк|рис|макарон|круп|тушен|консерв|сахар|цукор|мука|чай|кофе",
    "children": "детск|дитяч|коляск|візоч|памперс|підгуз|подгуз|кроватк|ліжечк",
    "toys": "игруш|іграшк|кукл|ляльк|конструкт|мяч|м'яч|пазл|машинк",
    "bedding": "постел|постіл|одеял|ковдр|подушк|плед|простын|простир|полотен|рушник",
    "appliances": "техник|техніка|холодил|стирал|пральн|микровол|пылесос|пилосос|утюг|праск",
}


def naive_pass(folder: Path) -> dict[str, Any]:
    """What a quick pandas script does: keywords, one merge, greedy, to_excel."""
    import pandas as pd

    settings = _settings()
    began, cpu_began = time.perf_counter(), _cpu()
    sources = settings["sources"]
    offers = pd.read_excel(folder / "offers.xlsx", sheet_name=sources["offers"]["worksheet"],
                           dtype=str).fillna("")  # fmt: skip
    needs = pd.read_excel(folder / "needs.xlsx", sheet_name=sources["needs"]["worksheet"],
                          dtype=str).fillna("")  # fmt: skip
    oc, nc = sources["offers"]["columns"], sources["needs"]["columns"]
    offers["text"] = (offers[oc["categories"]] + " " + offers[oc["details"]]).str.lower()
    needs["text"] = needs[nc["item"]].str.lower()
    for frame, city in ((offers, oc["city"]), (needs, nc["city"])):
        frame["town"] = frame[city].str.lower().str.replace(r"^(г|м|с)\.\s*", "", regex=True)
        frame["town"] = frame["town"].str.split(",").str[0].str.strip()
        frame["category"] = [
            [code for code, pattern in NAIVE_KEYWORDS.items() if re.search(pattern, text)]
            for text in frame["text"]
        ]
    offers["quantity"] = offers[oc["details"]].str.extract(r"(\d+)")[0].fillna(1).astype(int)
    needs["quantity"] = needs[nc["quantity"]].str.extract(r"(\d+)")[0].fillna(1).astype(int)
    offer_lines = offers.explode("category").dropna(subset=["category"]).reset_index(names="oid")
    need_lines = needs.explode("category").dropna(subset=["category"]).reset_index(names="nid")
    need_lines["urgent"] = need_lines[nc["urgency"]].str.contains("сроч|термін", case=False)
    pairs = need_lines.merge(offer_lines, on=["category", "town"], suffixes=("_n", "_o"))
    pairs = pairs.sort_values(["urgent", "nid"], ascending=[False, True])
    left_offer = dict(zip(offer_lines["oid"], offer_lines["quantity"], strict=False))
    left_need = dict(zip(need_lines["nid"], need_lines["quantity"], strict=False))
    chosen = []
    for nid, oid, category in zip(pairs["nid"], pairs["oid"], pairs["category"], strict=False):
        amount = min(left_need[nid], left_offer[oid])
        if amount > 0:
            left_need[nid] -= amount
            left_offer[oid] -= amount
            chosen.append((nid, oid, category, amount))
    matches = pd.DataFrame(chosen, columns=["need", "offer", "category", "quantity"])
    with pd.ExcelWriter(folder / "naive.xlsx") as out:
        matches.to_excel(out, sheet_name="Matches", index=False)
        offer_lines.drop(columns=["text"]).to_excel(out, sheet_name="Offers", index=False)
        need_lines.drop(columns=["text"]).to_excel(out, sheet_name="Needs", index=False)
    return {
        "wall": time.perf_counter() - began,
        "cpu": _cpu() - cpu_began,
        "peak_mib": _peak_mib(),
        "matches": len(matches),
    }


# --- the Google backend, through the emulator -----------------------------------
def google_passes(folder: Path, rows: int) -> dict[str, Any]:
    """Every pass on the emulator, in this one process (it holds the spreadsheets)."""
    import yaml

    from tests.google_harness import emulated_backend, put_text
    from tests.sheets_emulator.emulator import SheetsEmulator

    emu = SheetsEmulator()
    settings = _settings()
    keys: dict[str, str] = {}

    def load(grow: bool) -> dict[str, Any]:
        form, needs = form_rows(rows), need_rows(rows // 5)
        if grow:
            form += form_rows(max(rows // 100, 1), start=rows)
            needs += need_rows(max(rows // 500, 1), start=rows // 5)
        for name, grid in _source_grids(form, needs).items():
            tab = settings["sources"][name]["worksheet"]
            if name not in keys:
                keys[name] = emu.create_spreadsheet(name, {tab: []})
            put_text(emu, keys[name], tab, grid)
            settings["sources"][name]["spreadsheet"] = keys[name]
        return {"form": describe(form, ("details", "phone", "city")), "form_rows": len(form)}

    data = load(grow=False)
    settings["backend"] = "google"
    settings["coordination"]["spreadsheet"] = emu.create_spreadsheet("Координация")
    settings["state_dir"] = str(folder / "state")
    settings["google"] = {"credentials_file": str(folder / "no-key-needed.json")}
    config = folder / "config.yaml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    results: dict[str, Any] = {"data": data}
    for kind in PASSES:
        if kind == "new1pct":
            load(grow=True)
        emu.reset_counts()
        began, cpu_began = time.perf_counter(), _cpu()
        result = run_cli(config, kind, lambda c: emulated_backend(emu), began, cpu_began)
        result["requests"] = len(emu.requests)
        result["peak_mib"] = _peak_mib()
        results[kind] = result
    return results


# --- the parent: run, collect, print ----------------------------------------------
#: Limits on one pass, so a runaway one cannot take the machine: address space and time.
LIMITS = {"memory_gib": 8.0, "seconds": 1800.0}


def _limited() -> None:
    cap = int(LIMITS["memory_gib"] * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _child(*args: str) -> dict[str, Any]:
    """Run this script with `args` in a fresh process; its last line of output, or why
    it failed (out of memory, out of time, an error)."""
    try:
        done = subprocess.run(
            [sys.executable, __file__, *args],
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=_limited,
            timeout=LIMITS["seconds"],
        )
    except subprocess.TimeoutExpired:
        return {"failed": f"stopped after {LIMITS['seconds']:.0f} s"}
    if done.returncode != 0:
        if "MemoryError" in done.stderr or done.returncode == -9:
            return {"failed": f"out of memory ({LIMITS['memory_gib']:g} GiB address space)"}
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _stages(stages: dict[str, float], cpu: dict[str, float]) -> str:
    order = ("read offers", "read needs", "read coordination", "load", "normalize", "match+plan",
             "write", "save")  # fmt: skip
    shown = [
        f"{name} {stages[name]:.1f}" + (f" ({cpu[name]:.1f} CPU)" if name in cpu else "")
        for name in order
        if name in stages
    ]
    return ", ".join(shown)


def _line(kind: str, result: dict[str, Any]) -> str:
    if "failed" in result:
        return f"  {kind:<8} failed: {result['failed']}"
    extra = f", {result['requests']} requests" if "requests" in result else ""
    if result.get("worker_peak_mib"):
        extra += f" (largest worker {result['worker_peak_mib']:.0f})"
    return (
        f"  {kind:<8} {result['wall']:7.1f} s wall {result['cpu']:7.1f} s CPU"
        f" {result['peak_mib']:6.0f} MiB peak{extra}"
        f"  [{_stages(result['stages'], result.get('stage_cpu', {}))}]"
    )


def run_size(rows: int, naive: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="pass-speed-") as tmp:
        folder = Path(tmp)
        data = _child("--make", str(folder), str(rows))
        print(f"\n{rows:,} form rows x {data['need_rows']:,} need rows")
        print(f"  form rows: {data['form']}")
        print(f"  need rows: {data['needs']}")
        results: dict[str, Any] = {}
        for kind in PASSES:
            if kind == "new1pct":  # not timed: the form and the NGOs get new answers
                _child("--make", str(folder), str(rows), "--grow")
            results[kind] = _child("--pass", str(folder), kind)
            print(_line(kind, results[kind]), flush=True)
            if "failed" in results[kind]:
                break  # the passes after it need what it would have left
        if naive:
            _child("--make", str(folder), str(rows))  # the same rows as the first pass
            results["naive"] = n = _child("--naive", str(folder))
            if "failed" in n:
                print(_line("naive", n))
                return results
            line = (
                f"  naive    {n['wall']:7.1f} s wall {n['cpu']:7.1f} s CPU {n['peak_mib']:6.0f}"
                f" MiB peak, {n['matches']:,} matches"
            )
            first = results["first"]
            if "wall" in first:
                line += (
                    f"; naive/first CPU {n['cpu'] / first['cpu']:.2f},"
                    f" wall {n['wall'] / first['wall']:.2f}"
                )
            print(line)
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000,100000")
    parser.add_argument("--google", type=int, default=20_000, help="form rows; 0: skip")
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--memory-limit", type=float, default=8.0, help="GiB per pass")
    parser.add_argument("--pass-timeout", type=float, default=1800.0, help="seconds per pass")
    parser.add_argument("--make", nargs=2, metavar=("DIR", "ROWS"), help=argparse.SUPPRESS)
    parser.add_argument("--grow", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pass", dest="one", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--naive", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--google-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        print(json.dumps(make_world(Path(args.make[0]), int(args.make[1]), args.grow)))
        return
    if args.one:
        print(json.dumps(one_pass(Path(args.one[0]), args.one[1])))
        return
    if args.naive:
        print(json.dumps(naive_pass(Path(args.naive))))
        return
    if args.google_child:
        print(json.dumps(google_passes(Path(args.google_child[0]), int(args.google_child[1]))))
        return
    LIMITS.update(memory_gib=args.memory_limit, seconds=args.pass_timeout)
    print(f"{os.cpu_count()} cores; CPU is user+system of the pass and its workers;")
    print("stages in wall seconds (CPU where the pass reports the stage; the read, write and")
    print("normalize stages' CPU includes what ran in them); each pass in a fresh process, timed")
    print("from its start; MOZHEM_WORKERS=1 reads rows in one process")
    last: dict[str, Any] = {}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for rows in sizes:
        last = run_size(rows, naive=not args.no_naive)
    if args.google:
        with tempfile.TemporaryDirectory(prefix="pass-speed-google-") as tmp:
            google = _child("--google-child", tmp, str(args.google))
        print(f"\nGoogle backend through the emulator, {args.google:,} form rows (one process"
              " for every pass, emulator included; peak RSS is the process's)")  # fmt: skip
        print(f"  form rows: {google['data']['form']}")
        for kind in PASSES:
            print(_line(kind, google[kind]))
    if last and sizes:
        print(_last_line(sizes[-1], last))


def _last_line(rows: int, last: dict[str, Any]) -> str:
    def wall(kind: str) -> str:
        found = last.get(kind, {})
        return f"{found['wall']:.1f} s" if "wall" in found else "failed"

    peaks = [last[kind]["peak_mib"] for kind in PASSES if "peak_mib" in last.get(kind, {})]
    first, naive = last.get("first", {}), last.get("naive", {})
    ratio = f"{naive['wall'] / first['wall']:.2f}" if "wall" in first and "wall" in naive else "n/a"
    return (
        f"at {rows}x{rows // 5}: first {wall('first')}, quiet {wall('quiet')},"
        f" quiet2 {wall('quiet2')}, new1pct {wall('new1pct')},"
        f" peak {max(peaks, default=0):.0f} MiB, naive/first {ratio}"
    )


if __name__ == "__main__":
    main()
