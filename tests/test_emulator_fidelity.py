"""The emulator answers recorded requests as the real Sheets API did, and the cases
written from the API's documentation as it says."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tests.documented_sheets_cases import documented_cases
from tests.sheets_emulator.emulator import SheetsEmulator
from tests.sheets_emulator.replay import Outcome, Replayer

RECORDINGS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "sheets-api-recordings"

MERGES = "merges cells (mergeCells/unmergeCells); the emulator keeps no merges"
OUT_OF_SCOPE = {
    "CellTest.test_delete_named_range": "named ranges (addNamedRange, fields=namedRanges)",
    "CellTest.test_merge_cells": MERGES,
    "ClientTest.test_client_export_spreadsheet": "Drive export to CSV",
    "ClientTest.test_open_all_has_metadata": (
        "opens every spreadsheet the recording account could list in Drive"
    ),
    "WorksheetTest.test_auto_resize_columns": (
        "autoResizeDimensions and column pixel sizes (fields=sheets.data.columnMetadata)"
    ),
    "WorksheetTest.test_batch_merged_cells": MERGES,
    "WorksheetTest.test_copy_cut_range": "copyPaste/cutPaste requests",
    "WorksheetTest.test_format": "cell formatting (repeatCell, userEnteredFormat in grid data)",
    "WorksheetTest.test_get_merge_cells_and_unmerge_cells": MERGES,
    "WorksheetTest.test_get_notes_2nd_sheet": "cell notes (updateCells with note, grid data)",
    "WorksheetTest.test_get_values_and_combine_merged_cells": MERGES,
    "WorksheetTest.test_get_values_merge_cells_outside_of_range": MERGES,
    "WorksheetTest.test_group_columns": "dimension groups (addDimensionGroup)",
    "WorksheetTest.test_hide_columns_rows": "row/column properties (updateDimensionProperties)",
}

needs_recordings = pytest.mark.skipif(
    not RECORDINGS.is_dir(), reason=f"recordings of the real API not found at {RECORDINGS}"
)


def _recordings() -> dict[str, list[dict]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["interactions"]
        for path in sorted(RECORDINGS.glob("*.json"))
    }


def _replay_all(names: list[str]) -> dict[str, list[Outcome]]:
    recordings = _recordings()
    return {name: Replayer().replay(recordings[name]) for name in names}


def _report(
    title: str, results: dict[str, list[Outcome]], details: bool = True
) -> tuple[int, int, int]:
    matched = sum(o.matched for outcomes in results.values() for o in outcomes)
    total = sum(len(outcomes) for outcomes in results.values())
    whole = sum(all(o.matched for o in outcomes) for outcomes in results.values())
    print(
        f"\n{title}: {matched} of {total} interactions matched, "
        f"{whole} of {len(results)} files matched whole"
    )
    for name, outcomes in results.items():
        misses = [o for o in outcomes if not o.matched]
        if misses and not details:
            print(f"  {name}: {len(outcomes) - len(misses)} of {len(outcomes)}")
        for o in misses if details else []:
            print(f"  {name} #{o.index} {o.kind}: {o.difference}")
    return matched, total, whole


@needs_recordings
def test_every_recording_is_replayed_or_excused():
    unknown = set(OUT_OF_SCOPE) - set(_recordings())
    assert not unknown, f"OUT_OF_SCOPE names recordings that do not exist: {sorted(unknown)}"


@needs_recordings
def test_emulator_answers_in_scope_recordings_as_google_did():
    names = [name for name in _recordings() if name not in OUT_OF_SCOPE]
    matched, total, whole = _report("fidelity (in scope)", _replay_all(names))
    print(f"out of scope: {len(OUT_OF_SCOPE)} files")
    for name, reason in OUT_OF_SCOPE.items():
        print(f"  {name}: {reason}")
    assert (matched, whole) == (total, len(names))


@needs_recordings
def test_out_of_scope_recordings_are_replayed_for_information():
    """Not asserted per interaction: printed so that progress on new features shows."""
    matched, total, _ = _report(
        "fidelity (out of scope, for information)", _replay_all(list(OUT_OF_SCOPE)), details=False
    )
    assert 0 < matched < total


def test_emulator_answers_documented_cases_as_the_reference_says():
    """Typed dates and numbers in four locales, the render options, append placement."""
    cases = documented_cases()
    results = {name: Replayer().replay(interactions) for name, interactions in cases.items()}
    matched, total, whole = _report("fidelity (documented cases)", results)
    assert (matched, whole) == (total, len(cases))


FORM_TIMESTAMP = {
    "ru_RU": "10.12.2014 14:03:27",
    "uk_UA": "10.12.2014 14:03:27",
    "en_US": "12/10/2014 14:03:27",
    "en_GB": "10/12/2014 14:03:27",
}


@pytest.mark.parametrize("locale", list(FORM_TIMESTAMP))
def test_form_responses_read_back_as_google_shows_them(locale: str) -> None:
    """A Form's timestamp is a date-time shown in the spreadsheet's locale, a serial number
    unformatted; digits typed into a short answer are a number (the leading 0 goes)."""
    emu = SheetsEmulator()
    header = ["Отметка времени", "Телефон", "Количество", "Имя"]
    key = emu.create_spreadsheet("form", {"Ответы": [header]}, locale=locale)
    stamp = datetime(2014, 12, 10, 14, 3, 27)
    emu.add_form_responses(key, "Ответы", [[stamp, "0501234567", "007", "Оксана"]])
    book = emu.client().open_by_key(key)
    formatted = book.values_get("Ответы!A2:D2")["values"]
    unformatted = book.values_get("Ответы!A2:D2", {"valueRenderOption": "UNFORMATTED_VALUE"})
    as_text = book.values_get(
        "Ответы!A2",
        {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "FORMATTED_STRING"},
    )
    assert formatted == [[FORM_TIMESTAMP[locale], "501234567", "7", "Оксана"]]
    assert unformatted["values"] == [
        [pytest.approx(41983.585729, abs=1e-6), 501234567, 7, "Оксана"]
    ]
    assert as_text["values"] == [[FORM_TIMESTAMP[locale]]]
