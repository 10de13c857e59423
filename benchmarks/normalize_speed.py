"""Time and memory to normalize 100,000 varied form rows (and 20,000 needs).

    python benchmarks/normalize_speed.py [ROWS] [--tracemalloc]

The rows come from benchmarks/varied_rows.py: as varied as real answers, so the
per-text caches answer little. Prints the distinct counts beside the times,
wall and CPU time, and peak memory (the process's max RSS; with --tracemalloc
also the traced Python heap, ~3x slower).
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.varied_rows import describe, form_rows, need_rows  # noqa: E402
from matcher.model import SourceRow  # noqa: E402
from matcher.normalize import normalize_needs, normalize_offers  # noqa: E402


def _source(rows: list[dict[str, str]]) -> list[SourceRow]:
    return [SourceRow(number, row) for number, row in enumerate(rows, start=2)]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    traced = "--tracemalloc" in sys.argv
    count = int(args[0]) if args else 100_000
    form, needs_raw = form_rows(count), need_rows(count // 5)
    print(f"form rows: {describe(form, ('details', 'phone', 'city'))}")
    print(f"need rows: {describe(needs_raw, ('item', 'phone', 'city'))}")
    offers_in, needs_in = _source(form), _source(needs_raw)
    if traced:
        tracemalloc.start()
    began, cpu_began = time.perf_counter(), time.process_time()
    offers, offer_problems = normalize_offers(offers_in)
    offers_done, cpu_offers = time.perf_counter(), time.process_time()
    needs, need_problems = normalize_needs(needs_in)
    ended, cpu_ended = time.perf_counter(), time.process_time()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: KiB
    print(
        f"offers: {count:,} form rows -> {len(offers):,} offers, {len(offer_problems):,}"
        f" problems in {offers_done - began:.2f} s wall, {cpu_offers - cpu_began:.2f} s CPU"
        " (gazetteer and vocabularies built inside)"
    )
    print(
        f"needs:  {len(needs_in):,} rows -> {len(needs):,} needs, {len(need_problems):,}"
        f" problems in {ended - offers_done:.2f} s wall, {cpu_ended - cpu_offers:.2f} s CPU"
    )
    print(f"both: {ended - began:.2f} s wall, {cpu_ended - cpu_began:.2f} s CPU")
    print(f"peak memory (max RSS of the process, input rows included): {rss_kib / 1024:.0f} MiB")
    if traced:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak traced Python memory during normalization: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
