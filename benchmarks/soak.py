"""Soak: `mozhem run` for a while on demo data that grows, watching memory.

    python benchmarks/soak.py --minutes 30 [--every-minutes 1] [--grow 50]

Copies the demo to a temporary folder, starts `mozhem run --log-json` with a
pass every `--every-minutes`, and after each pass appends `--grow` new form
responses (new donors, new phones) to the offers workbook, as a busy Form
would. Prints, per pass, its outcome, counts, duration and the process's RSS;
at the end, the pass count and how RSS moved. Stops the run with SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty, Queue

import openpyxl
import yaml

REPO = Path(__file__).resolve().parents[1]
OFFERS_TAB = "Ответы на форму (1)"


def mozhem() -> list[str]:
    script = Path(sys.executable).parent / "mozhem"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.cli"]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def grow(path: Path, rows: int, serial: int, rng: random.Random) -> None:
    """Append `rows` responses made from existing ones, with new names and phones."""
    book = openpyxl.load_workbook(path)
    sheet = book[OFFERS_TAB]
    existing = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True) if any(row)]
    for i in range(rows):
        row = list(rng.choice(existing))
        row[0] = time.strftime("%d.%m.%Y %H:%M:%S")
        row[1] = f"Донор {serial}-{i}"
        row[2] = f"+38050{serial % 1000:03d}{i:04d}"
        sheet.append(row)
    temporary = path.with_suffix(".soak.tmp")
    book.save(temporary)
    os.replace(temporary, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--every-minutes", type=float, default=1)
    parser.add_argument("--grow", type=int, default=50, help="form rows added after each pass")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        books = root / "books"
        books.mkdir()
        for name in ("offers.xlsx", "needs.xlsx"):
            shutil.copy(REPO / "demo" / name, books / name)
        settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
        settings.update(
            workbook={"dir": str(books)},
            state_dir=str(root / "state"),
            schedule={"every_minutes": args.every_minutes},
        )
        config = root / "config.yaml"
        config.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
        process = subprocess.Popen(
            [*mozhem(), "run", "--log-json", "--config", str(config)],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            cwd=root,
        )
        events: Queue[dict[str, object]] = Queue()

        def read() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                try:
                    events.put(json.loads(line))
                except json.JSONDecodeError:
                    events.put({"event": "text", "message": line.rstrip()})

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + args.minutes * 60
        samples: list[float] = []
        passes = 0
        print(f"soak: {args.minutes:g} min, a pass every {args.every_minutes:g} min, "
              f"+{args.grow} form rows after each pass")  # fmt: skip
        try:
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    event = events.get(timeout=1)
                except Empty:
                    continue
                if event.get("event") != "pass":
                    if event.get("level") in ("ERROR", "WARNING"):
                        print(f"  log: {event.get('level')} {event.get('message')}")
                    continue
                passes += 1
                samples.append(rss_mib(process.pid))
                print(
                    f"pass {event['pass']:>3}: {event['outcome']}, {event.get('offers')} offers, "
                    f"{event.get('new')} new, {event.get('written')} written, "
                    f"{event['seconds']} s, RSS {samples[-1]:.0f} MiB",
                    flush=True,
                )
                grow(books / "offers.xlsx", args.grow, passes, rng)
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=120)
        print(f"passes: {passes}; exit code after SIGTERM: {code}")
        if samples:
            print(
                f"RSS: first {samples[0]:.0f} MiB, last {samples[-1]:.0f} MiB, "
                f"max {max(samples):.0f} MiB"
            )


if __name__ == "__main__":
    main()
