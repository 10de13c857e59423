"""The workbooks a first, a quiet and a 1%-new pass write, kept to compare two versions.

    python benchmarks/write_equality.py run DIR [--rows 10000]
    python benchmarks/write_equality.py compare DIR_A DIR_B

`run` builds the varied rows of benchmarks/pass_speed.py, runs the passes at a
fixed clock and copies the coordination workbook after each into DIR
(first.xlsx, quiet.xlsx, new1pct.xlsx). Between the first and the quiet pass a
coordinator works: statuses, a note, a phone typed over, a column and a tab of
their own, and a save that keeps text in a shared strings table, as Excel and
LibreOffice do. The 1%-new pass runs two days later, so the days a need has
waited are refreshed on every live row. `compare` reads two such folders cell by
cell (value, type, number format, font, fill, wrapping), with row heights,
widths, panes, dropdowns, highlights, names and tab states, and prints every
difference; it exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSES = ("first", "quiet", "new1pct")
CLOCK = datetime(2026, 12, 1, 10, 0)


def _sync(folder: Path, when: datetime) -> None:
    import time_machine

    from sync.cli import main

    with time_machine.travel(when, tick=False):
        code = main(["sync", "--config", str(folder / "config.yaml")])
    if code != 0:
        raise SystemExit(f"mozhem sync ended with exit code {code}")


def _coordinator_works(path: Path) -> None:
    import openpyxl

    from matcher.model import Status
    from sync.labels import column_spellings, status_label
    from sync.plan import locate_columns
    from sync.tabs import matches_tab
    from tests.shared_strings import with_shared_strings

    book = openpyxl.load_workbook(path)
    sheet = book[matches_tab("ru").title]
    header = [str(c.value or "") for c in sheet[1]]
    keys = ("status", "notes", "donor_phone")
    at = locate_columns(header, {k: column_spellings(k) for k in keys})
    for row in range(2, sheet.max_row + 1, 97):
        sheet.cell(row=row, column=at["status"] + 1, value=status_label(Status.DELIVERED, "ru"))
        sheet.cell(row=row, column=at["notes"] + 1, value=f"привезли, строка {row}")
    for row in range(3, sheet.max_row + 1, 211):
        sheet.cell(row=row, column=at["donor_phone"] + 1, value="+380 67 000 11 22")
    sheet.cell(row=1, column=len(header) + 1, value="Кто звонил")
    sheet.cell(row=5, column=len(header) + 1, value="Марина")
    book.create_sheet("Мой учёт")["A1"] = "позвонить Оле"
    book.save(path)
    with_shared_strings(path)


def run(folder: Path, rows: int) -> None:
    from benchmarks.pass_speed import make_world

    world = folder / "world"
    shutil.rmtree(world, ignore_errors=True)
    world.mkdir(parents=True)
    make_world(world, rows)
    book = world / "coordination.xlsx"
    _sync(world, CLOCK)
    shutil.copy(book, folder / "first.xlsx")
    _coordinator_works(book)
    _sync(world, CLOCK + timedelta(hours=1))
    shutil.copy(book, folder / "quiet.xlsx")
    make_world(world, rows, grow=True)
    _sync(world, CLOCK + timedelta(days=2))
    shutil.copy(book, folder / "new1pct.xlsx")


def _cell(cell: Any) -> tuple[Any, ...]:
    return (
        cell.value,
        cell.data_type,
        cell.number_format,
        bool(cell.font.b),
        cell.fill.fgColor.rgb if cell.fill.fill_type else None,
        bool(cell.alignment.wrap_text),
    )


def _sheet(sheet: Any) -> dict[str, Any]:
    cells = {
        c.coordinate: _cell(c)
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None or c.has_style
    }
    return {
        "cells": cells,
        "heights": {r: d.height for r, d in sheet.row_dimensions.items() if d.height},
        "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
        "pane": sheet.freeze_panes,
        "state": sheet.sheet_state,
        "names": sorted(sheet.defined_names),
        "dropdowns": sorted(
            (str(v.sqref), v.formula1) for v in sheet.data_validations.dataValidation
        ),
        "highlights": sorted(str(f.sqref) for f in sheet.conditional_formatting),
    }


def compare(a: Path, b: Path) -> int:
    import openpyxl

    found = 0
    for name in PASSES:
        books = [openpyxl.load_workbook(folder / f"{name}.xlsx") for folder in (a, b)]
        if books[0].sheetnames != books[1].sheetnames:
            print(f"{name}: tabs {books[0].sheetnames} != {books[1].sheetnames}")
            found += 1
            continue
        for title in books[0].sheetnames:
            left, right = (_sheet(book[title]) for book in books)
            for part in left:
                if part == "cells":
                    differ = sorted(
                        k for k in left[part].keys() | right[part].keys()
                        if left[part].get(k) != right[part].get(k)
                    )  # fmt: skip
                    for ref in differ[:5]:
                        print(f"{name} {title} {ref}: {left[part].get(ref)} != "
                              f"{right[part].get(ref)}")  # fmt: skip
                    found += len(differ)
                    print(f"{name} {title}: {len(left[part])} cells, {len(differ)} differ")
                elif left[part] != right[part]:
                    print(f"{name} {title}: {part} differ")
                    found += 1
    print("same" if not found else f"{found} differences")
    return 1 if found else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ran = commands.add_parser("run")
    ran.add_argument("folder", type=Path)
    ran.add_argument("--rows", type=int, default=10_000)
    compared = commands.add_parser("compare")
    compared.add_argument("a", type=Path)
    compared.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        run(args.folder, args.rows)
    else:
        raise SystemExit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
