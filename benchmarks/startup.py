"""How long `mozhem --help` and `mozhem status` take to answer, as a person waits for them.

    python benchmarks/startup.py [--runs 7]

Runs each command in a fresh process on the bundled demo config and prints the
median and the best wall time. `status` is measured after one real pass, so it
reads a ledger, and again with a year of passes every 15 minutes in the ledger
(copies of that pass), as after months under a timer.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
A_YEAR_OF_PASSES = 365 * 24 * 4


def mozhem() -> list[str]:
    script = Path(sys.executable).parent / "mozhem"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.cli"]


def timed(argv: list[str], cwd: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(REPO / "demo", root / "demo", ignore=shutil.ignore_patterns("coord*"))
        shutil.copy(REPO / "config.yaml", root / "config.yaml")
        subprocess.run([*mozhem(), "sync"], cwd=root, check=True, capture_output=True)
        report("python -c pass", timed([sys.executable, "-c", "pass"], root, args.runs))
        for argv in (["--help"], ["status"]):
            report(f"mozhem {' '.join(argv)}", timed([*mozhem(), *argv], root, args.runs))
        grow_ledger(root / ".mozhem" / "runs.sqlite3", A_YEAR_OF_PASSES)
        times = timed([*mozhem(), "status"], root, args.runs)
        report(f"mozhem status, {A_YEAR_OF_PASSES:,} passes in the ledger", times)
        size = (root / ".mozhem" / "runs.sqlite3").stat().st_size
        print(f"ledger of {A_YEAR_OF_PASSES:,} passes: {size / 1e6:.1f} MB")


def report(what: str, times: list[float]) -> None:
    print(f"{what:<16} median {statistics.median(times):.3f} s, best {min(times):.3f} s")


def grow_ledger(database: Path, passes: int) -> None:
    """Copies of pass 1, a quarter of an hour apart, before it."""
    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(passes)") if row[1] != "id"]
        copied = ", ".join(columns).replace(
            "started_at", "datetime(started_at, '-' || (n * 15) || ' minutes')"
        )
        db.execute(
            f"INSERT INTO passes ({', '.join(columns)}) "
            "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?) "
            f"SELECT {copied} FROM passes, k WHERE passes.id = 1",
            (passes - 1,),
        )


if __name__ == "__main__":
    main()
