"""Run the #9 state machine (tests/integrity_machine.py) longer than CI does, and print
how many sequences, passes and checked steps it went through on each backend.

    python benchmarks/integrity_soak.py [--examples 1000] [--steps 12]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.integrity_machine import (
    COUNTS,
    GoogleSheets,
    IntegrityMachine,
    WorkbookSheets,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=12)
    args = parser.parse_args()
    for name, sheets in (("workbook", WorkbookSheets), ("google", GoogleSheets)):
        machine = type(f"{name}Machine", (IntegrityMachine,), {"make_sheets": sheets})
        COUNTS.clear()
        started = time.monotonic()
        run_state_machine_as_test(
            machine,
            settings=settings(
                max_examples=args.examples,
                stateful_step_count=args.steps,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
        print(
            f"{name}: {COUNTS['sequences']} sequences, {COUNTS['passes']} passes, "
            f"{COUNTS['steps checked']} steps checked, no violation, "
            f"{time.monotonic() - started:.0f} s"
        )


if __name__ == "__main__":
    main()
