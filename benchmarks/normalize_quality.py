"""Reading accuracy: the labelled set, the old held-out set and every blind set
side by side, then every miss of the newest blind set, by class.

Run: python benchmarks/normalize_quality.py [--misses N]

The labelled set was written together with the vocabulary; the held-out set
after it, by the same hands; the blind sets (tests/normalize/blind/<letter>/)
by authors who never saw the vocabulary or the code, given only the taxonomy,
the form's questions, the needs sheet's columns and who writes them. The
newest blind set is the one no tuning has looked at. Prints figures only.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.normalize.blind import GOALS, Report, blind_sets, newest_set, score_set
from tests.normalize.labelled import CASES_DIR, HOLDOUT_DIR, all_fields, load_cases, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=1000, help="misses to list per class")
    args = parser.parse_args()
    print("labelled and held-out cases (field by field):")
    print(f"{'field':<12} {'labelled':>14} {'held-out':>14}")
    for field in all_fields():
        print(f"{field:<12} {_cases(field, CASES_DIR):>14} {_cases(field, HOLDOUT_DIR):>14}")

    sets = blind_sets()
    started = time.perf_counter()
    reports = {path.name: score_set(path) for path in sets}
    elapsed = time.perf_counter() - started
    newest = newest_set().name
    print(f"\nblind sets (newest: {newest}, never tuned on); {elapsed:.1f} s to read them all")
    header = "".join(f"{name:>18}" for name in reports)
    print(f"{'figure':<36}{header} {'goal':>6}")
    for figure, goal in GOALS.items():
        cells = "".join(_figure(report, figure) for report in reports.values())
        print(f"{figure:<36}{cells} {goal:>6.0%}")
    _misses(reports[newest], newest, args.misses)


def _cases(field: str, directory: Path) -> str:
    outcomes = [score(case) for case in load_cases(field, directory)]
    if not outcomes:
        return "—"
    ok = sum(o.ok for o in outcomes)
    return f"{ok}/{len(outcomes)} {ok / len(outcomes):.1%}"


def _figure(report: Report, figure: str) -> str:
    tally = report.figures.get(figure)
    if tally is None or not tally.total:
        return f"{'—':>18}"
    return f"{f'{tally.ok}/{tally.total} {tally.share:.1%}':>18}"


def _misses(report: Report, name: str, limit: int) -> None:
    total = sum(len(lines) for lines in report.misses.values())
    print(f"\nmisses on blind set {name}, by class ({total} in all):")
    for miss_class, lines in sorted(report.misses.items(), key=lambda kv: -len(kv[1])):
        print(f"\n  {miss_class} ({len(lines)})")
        for line in lines[:limit]:
            print(f"    {line}")


if __name__ == "__main__":
    main()
