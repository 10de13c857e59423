"""How long `mozhem --help` and `mozhem status` take to answer, as a person waits for them.

    python benchmarks/startup.py [--runs 7]

Runs each command in a fresh process on the bundled demo config and prints the
median and the best wall time. `status` is measured after one real pass, so it
reads a ledger.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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
        python = timed([sys.executable, "-c", "pass"], root, args.runs)
        print(f"{'python -c pass':<16} median {statistics.median(python):.3f} s")
        for argv in (["--help"], ["status"]):
            times = timed([*mozhem(), *argv], root, args.runs)
            print(
                f"mozhem {' '.join(argv):<9} median {statistics.median(times):.3f} s, "
                f"best {min(times):.3f} s ({args.runs} runs)"
            )


if __name__ == "__main__":
    main()
