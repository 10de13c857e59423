"""Reading the Matches tab back: the coordinators' statuses, and what they deleted.

The tabs and their columns are declared in sync/layouts.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from matcher.labels import category_label
from matcher.model import CATEGORIES, ExistingMatch, Problem, Status
from matcher.text import fold
from matcher.vocabulary_files import LANGUAGES, ProblemCode
from sync.labels import column_spellings, parse_status
from sync.layouts import MATCH_COLUMNS
from sync.plan import Grid, locate_columns


@dataclass(frozen=True)
class MatchRow:
    match_id: str
    sheet_row: int
    cells: Mapping[str, str]


@dataclass
class MatchesSheet:
    """What the Matches tab holds now, as the pipeline understands it."""

    rows: dict[str, MatchRow] = field(default_factory=dict)
    #: What the engine must respect: the rows here, and pairs whose row was deleted.
    existing: list[ExistingMatch] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def on_sheet(self) -> Iterator[tuple[ExistingMatch, MatchRow]]:
        """Each match that has a row on the tab now, with that row."""
        for match in self.existing:
            row = self.rows.get(match.match_id)
            if row is not None:
                yield match, row


def read_matches(grid: Grid | None) -> MatchesSheet:
    sheet = MatchesSheet()
    if not grid:
        return sheet
    columns = locate_columns(grid[0], {key: column_spellings(key) for key in MATCH_COLUMNS})
    for sheet_row, values in enumerate(grid[1:], start=2):
        cells = {key: values[i] if i < len(values) else "" for key, i in columns.items()}
        _read_match_row(sheet, sheet_row, cells, any(map(str.strip, values)))
    return sheet


def _read_match_row(
    sheet: MatchesSheet, sheet_row: int, cells: dict[str, str], has_text: bool
) -> None:
    match_id = cells.get("match_id", "").strip()
    if not match_id:
        if has_text:
            sheet.problems.append(_problem(sheet_row, "match_id", "", ProblemCode.MISSING_MATCH_ID))
        return
    if match_id in sheet.rows:
        sheet.problems.append(
            _problem(sheet_row, "match_id", match_id, ProblemCode.DUPLICATE_MATCH_ID)
        )
        return
    sheet.rows[match_id] = MatchRow(match_id, sheet_row, cells)
    status_text = cells.get("status", "").strip()
    status = parse_status(status_text) if status_text else Status.PROPOSED
    if status is None:
        # Unreadable: keep the pair reserved, as if it were still being worked on.
        sheet.problems.append(
            _problem(sheet_row, "status", status_text, ProblemCode.UNKNOWN_STATUS)
        )
        status = Status.CONTACTED
    sheet.existing.append(
        ExistingMatch(
            match_id=match_id,
            offer_id=cells.get("offer_id", "").strip(),
            need_id=cells.get("need_id", "").strip(),
            quantity=_positive_int(cells.get("quantity", "")),
            status=status,
        )
    )


def record_deleted_rows_as_declined(
    sheet: MatchesSheet, remembered: Mapping[str, tuple[str, str]]
) -> None:
    """A pair whose row a coordinator deleted counts as declined: never proposed again."""
    for match_id, (offer_id, need_id) in sorted(remembered.items()):
        if match_id in sheet.rows:
            continue
        sheet.existing.append(ExistingMatch(match_id, offer_id, need_id, 0, Status.DECLINED))
        sheet.problems.append(
            Problem(
                source="matches",
                source_row=0,
                field="match_id",
                value=match_id,
                code=ProblemCode.MATCH_ROW_DELETED,
                params={"value": match_id},
                severity="note",
            )
        )


def category_code(label: str) -> str:
    """The code behind a category label in any language; the label itself if unknown."""
    wanted = fold(label)
    for code in CATEGORIES:
        if any(fold(category_label(code, language)) == wanted for language in LANGUAGES):
            return code
    return label


def _positive_int(text: str) -> int:
    try:
        return max(int(float(text.replace(",", ".").strip())), 1)
    except ValueError:
        return 1


def _problem(sheet_row: int, column: str, value: str, code: ProblemCode) -> Problem:
    return Problem(
        source="matches",
        source_row=sheet_row,
        field=column,
        value=value,
        code=code,
        params={"value": value},
    )
