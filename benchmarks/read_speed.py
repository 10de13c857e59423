"""Reading a form's workbook: openpyxl read-only, calamine, and pandas on calamine.

    python benchmarks/read_speed.py [ROWS]

Writes ROWS varied form rows (benchmarks/varied_rows.py) to an .xlsx file, then
reads the sheet back as rows of cells with each reader, each in a fresh
process, and prints wall and CPU time and peak RSS. The workbook backend reads
with calamine (sync/backends/workbook.py) because of these figures.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TAB = "Ответы на форму (1)"
READERS = ("openpyxl read-only", "calamine", "pandas engine=calamine")


def read(path: Path, reader: str) -> dict[str, Any]:
    began, cpu = time.perf_counter(), time.process_time()
    if reader == "openpyxl read-only":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        rows = [list(row) for row in book[TAB].iter_rows(values_only=True)]
        book.close()
    elif reader == "calamine":
        from python_calamine import CalamineWorkbook

        with CalamineWorkbook.from_path(str(path)) as workbook:
            rows = workbook.get_sheet_by_name(TAB).to_python(skip_empty_area=False)
    else:
        import pandas as pd

        frame = pd.read_excel(path, sheet_name=TAB, engine="calamine", header=None, dtype=str)
        rows = frame.values.tolist()
    return {
        "rows": len(rows),
        "wall": time.perf_counter() - began,
        "cpu": time.process_time() - cpu,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    if sys.argv[1:2] == ["--read"]:
        print(json.dumps(read(Path(sys.argv[2]), sys.argv[3])))
        return
    from benchmarks.pass_speed import make_world

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="read-speed-") as tmp:
        data = make_world(Path(tmp), count)
        path = Path(tmp) / "offers.xlsx"
        print(f"{count:,} form rows ({data['form']}), {path.stat().st_size / 2**20:.1f} MiB")
        for reader in READERS:
            done = subprocess.run(
                [sys.executable, __file__, "--read", str(path), reader],
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(done.stdout)
            print(
                f"  {reader:<24} {result['wall']:6.2f} s wall {result['cpu']:6.2f} s CPU"
                f" {result['peak_mib']:5.0f} MiB peak ({result['rows']:,} rows)"
            )


if __name__ == "__main__":
    main()
