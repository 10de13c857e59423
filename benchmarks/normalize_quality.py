"""Accuracy of normalization per field on the labelled set, with every miss.

Run: /work/venv/bin/python benchmarks/normalize_quality.py
Prints figures only; the targets are asserted in tests/normalize/test_labelled.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.normalize.labelled import CASES_DIR, HOLDOUT_DIR, TARGETS, all_fields, load_cases, score


def main() -> None:
    print("labelled set (written together with the vocabulary):")
    report(CASES_DIR)
    print("\nheld-out set (written afterwards, never used for tuning):")
    report(HOLDOUT_DIR)


def report(directory: Path) -> None:
    total_ok = total = 0
    misses = []
    print(f"{'field':<12} {'cases':>6} {'exact':>6} {'accuracy':>9} {'target':>7}")
    for field in all_fields():
        outcomes = [score(case) for case in load_cases(field, directory)]
        if not outcomes:
            continue
        ok = sum(outcome.ok for outcome in outcomes)
        total_ok += ok
        total += len(outcomes)
        misses.extend(outcome for outcome in outcomes if not outcome.ok)
        print(
            f"{field:<12} {len(outcomes):>6} {ok:>6} {ok / len(outcomes):>9.1%}"
            f" {TARGETS.get(field, 0):>7.0%}"
        )
    print(f"{'all':<12} {total:>6} {total_ok:>6} {total_ok / total:>9.1%}")
    print(f"\nmisses ({len(misses)}):")
    for miss in misses:
        print(f"  {miss.case.id}: expected {miss.case.expected!r}, got {miss.got!r}")


if __name__ == "__main__":
    main()
