"""`mozhem export`: the canonical records as CSV files, safe to open in a spreadsheet,
or as one .xlsx workbook.

CSV files are UTF-8 with a byte-order mark (utf-8-sig), so that Excel on Windows
reads Cyrillic right when the file is double-clicked. Every CSV cell is defused:
text a spreadsheet program would run as a formula gets a leading apostrophe,
whichever column it is in, since coordinators type in the Matches tab's columns
too. Plain numbers (an E.164 phone, a negative count) stay as they are. The
workbook needs no defusing: its text cells are text, never formulas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from matcher.params import Language
from sync.cells import parse_number
from sync.coordination import MatchesSheet, category_code
from sync.errors import MozhemError, os_reason
from sync.layouts import MATCH_FIELDS, NEED_LAYOUT, OFFER_LAYOUT, PROBLEM_LAYOUT, Layout, View
from sync.planner import PassData

#: What a spreadsheet program runs as a formula when a cell starts with it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A number, which a spreadsheet reads as a number, not a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")


#: The workbook `--excel` writes.
EXCEL_FILE = "mozhem-export.xlsx"


class Written(NamedTuple):
    path: Path
    #: Whether a file of that name was there before, and is now replaced.
    replaced: bool


class ExportError(MozhemError):
    """The export cannot be written where --out says."""


def prepare_folder(out: Path) -> None:
    """Make the --out folder, or say in one line why it cannot be."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(
            f"{out} is a file, not a folder. Give --out a folder (it is created if missing)."
        ) from None
    except NotADirectoryError:
        in_the_way = next((p for p in out.parents if p.is_file()), out.parent)
        raise ExportError(
            f"{out}: {in_the_way} is a file, not a folder. Give --out a folder path."
        ) from None
    except OSError as error:
        raise _cannot_write(out, error) from error


def _cannot_write(out: Path, error: OSError) -> ExportError:
    return ExportError(
        f"{out}: {os_reason(error)}: the export cannot be written there. Choose another "
        "folder with --out, or give the user who runs mozhem permission to write there."
    )


def export_csv(data: PassData, language: Language, out: Path) -> list[Written]:
    """The canonical records (docs/architecture.md), one CSV file per kind."""
    prepare_folder(out)
    written = []
    for name, frame in _tables(data, language, defuse=True).items():
        path = out / f"{name}.csv"
        replaced = path.exists()
        try:
            frame.to_csv(path, index=False, encoding="utf-8-sig")
        except OSError as error:
            raise _cannot_write(out, error) from error
        written.append(Written(path, replaced))
    return written


def export_excel(data: PassData, language: Language, out: Path) -> Written:
    """The same records as one workbook, a sheet per kind. Text stays text (a leading "="
    is no formula), numbers and times are numbers and times."""
    from openpyxl import Workbook

    from sync.backends.workbook import write_value

    prepare_folder(out)
    book = Workbook()
    book.remove(book.active)
    for name, frame in _tables(data, language, defuse=False).items():
        sheet = book.create_sheet(name)
        rows = [list(frame.columns), *frame.itertuples(index=False)]
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value != "":
                    write_value(sheet, r, c, value)
        sheet.freeze_panes = "A2"
    path = out / EXCEL_FILE
    replaced = path.exists()
    try:
        book.save(path)
    except OSError as error:
        raise _cannot_write(out, error) from error
    return Written(path, replaced)


def _tables(data: PassData, language: Language, *, defuse: bool) -> dict[str, pd.DataFrame]:
    view = View(language, data.source_headers)
    return {
        "offers": _export(OFFER_LAYOUT, data.offers, view, defuse),
        "needs": _export(NEED_LAYOUT, data.needs, view, defuse),
        "matches": _frame(_match_records(data.matches), MATCH_FIELDS, defuse),
        "problems": _export(PROBLEM_LAYOUT, data.problems, view, defuse),
    }


def _export(layout: Layout[Any], records: Iterable[Any], view: View, defuse: bool) -> pd.DataFrame:
    rows = [
        {key: _canonical(value, keep_time=not defuse) for key, value in row.items()}
        for row in layout.export_rows(records, view)
    ]
    return _frame(rows, layout.export_columns(), defuse)


def _canonical(value: object, keep_time: bool = False) -> object:
    """A value as the canonical record writes it: true/false, empty for unknown, ISO time
    (or the time itself, for a workbook)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, datetime) and not keep_time:
        return value.isoformat(sep=" ")
    return value


def _match_records(sheet: MatchesSheet) -> Iterable[dict[str, Any]]:
    for existing, row in sheet.on_sheet():
        cells = row.cells
        yield {
            "match_id": existing.match_id,
            "offer_id": existing.offer_id,
            "need_id": existing.need_id,
            "category": category_code(cells.get("category", "")),
            "quantity": existing.quantity,
            "score": _score(cells.get("score", "")),
            "status": existing.status.value,
            "reason": cells.get("reason", ""),
        }


def _score(shown: str) -> object:
    """The score as the number it is, whatever the sheet showed ("30,00"); what a
    coordinator typed there instead stays as typed (and is defused in CSV)."""
    number = parse_number(shown)
    return shown if number is None else round(number, 2)


def _frame(
    records: Iterable[dict[str, Any]], columns: Sequence[str], defuse: bool = True
) -> pd.DataFrame:
    frame = pd.DataFrame(list(records), columns=list(columns), dtype=object).fillna("")
    for column in columns if defuse else ():
        frame[column] = frame[column].map(defuse_formula)
    return frame


def defuse_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if (
        isinstance(value, str)
        and value.startswith(_FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value
