"""Turn a source sheet's grid into SourceRows keyed by canonical field name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matcher.model import SourceRow
from matcher.normalize.dates import DATE_TIME_TEXT, day_first_in, parse_timestamp
from sync.config import nearest
from sync.errors import InputError
from sync.plan import Grid

#: Fields that hold a date or a date-time.
DATE_FIELDS = frozenset({"submitted_at"})


class HeaderNotFound(InputError):
    """A header named in config.yaml is not in the sheet."""


def column_map(columns: Mapping[str, str | None]) -> dict[str, str]:
    """Canonical field -> header, for the fields config maps."""
    return {field: title for field, title in columns.items() if title}


def find_headers(
    grid: Grid, headers: Mapping[str, str], where: str, config_key: str
) -> dict[str, int]:
    """Canonical field -> column index; raises HeaderNotFound naming every header
    that is not there, each with the nearest header that is."""
    present = [cell.strip() for cell in grid[0]] if grid else []
    positions = {
        field: present.index(title.strip())
        for field, title in headers.items()
        if title.strip() in present
    }
    missing = [(field, title) for field, title in headers.items() if field not in positions]
    if missing:
        raise HeaderNotFound(_missing_headers(present, headers, missing, where, config_key))
    return positions


def _missing_headers(
    present: Sequence[str],
    headers: Mapping[str, str],
    missing: Sequence[tuple[str, str]],
    where: str,
    config_key: str,
) -> str:
    if not any(present):
        fields = ", ".join(f"{config_key}.{field}" for field, _ in missing)
        return (
            f"{where}: the sheet has no header row, so no mapped column is there ({fields}). "
            "Add the header row to the sheet, or fix 'worksheet' in config.yaml."
        )
    wanted = {title.strip() for title in headers.values()}
    # A renamed header is most likely one that no other mapping claims.
    unclaimed = [h for h in present if h and h not in wanted] or [h for h in present if h]

    if len(missing) == 1:
        [(field, title)] = missing
        return (
            f"{where}: no column '{title}' (config key {config_key}.{field}). The nearest "
            f"header there is '{nearest(title, unclaimed, cutoff=0)}'. "
            "Fix the header in the sheet or the mapping in config.yaml."
        )
    listed = "; ".join(
        f"'{title}' (config key {config_key}.{field}), nearest there "
        f"'{nearest(title, unclaimed, cutoff=0)}'"
        for field, title in missing
    )
    return (
        f"{where}: {len(missing)} mapped columns are not there: {listed}. "
        "Fix the headers in the sheet or the mappings in config.yaml."
    )


def source_rows(grid: Grid, positions: Mapping[str, int], locale: str = "") -> list[SourceRow]:
    """Data rows (header is row 1), each with every mapped field, empty when blank.

    A date is read in the order the sheet's `locale` writes "10/12/2014" ("" when the
    file has none: then as before) and passed on day first, "10.12.2014 14:03:27",
    which reads the same whatever the locale.
    """
    day_first = day_first_in(locale)
    return [
        SourceRow(
            source_row=number,
            values={
                field: _as_read(field, row[i] if i < len(row) else "", day_first)
                for field, i in positions.items()
            },
        )
        for number, row in enumerate(grid[1:], start=2)
    ]


def _as_read(field: str, text: str, day_first: bool | None) -> str:
    if day_first is None or field not in DATE_FIELDS:
        return text
    moment = parse_timestamp(text, day_first)
    return text if moment is None else moment.strftime(DATE_TIME_TEXT)
