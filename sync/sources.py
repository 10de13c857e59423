"""Turn a source sheet's grid into SourceRows keyed by canonical field name."""

from __future__ import annotations

from collections.abc import Mapping

from matcher.model import SourceRow
from sync.config import nearest
from sync.errors import InputError
from sync.plan import Grid


class HeaderNotFound(InputError):
    """A header named in config.yaml is not in the sheet."""


def column_map(columns: Mapping[str, str | None]) -> dict[str, str]:
    """Canonical field -> header, for the fields config maps."""
    return {field: title for field, title in columns.items() if title}


def find_headers(
    grid: Grid, headers: Mapping[str, str], where: str, config_key: str
) -> dict[str, int]:
    """Canonical field -> column index; raises HeaderNotFound naming the nearest header."""
    present = [cell.strip() for cell in grid[0]] if grid else []
    wanted = {title.strip() for title in headers.values()}
    # A renamed header is most likely one that no other mapping claims.
    unclaimed = [h for h in present if h and h not in wanted]
    positions: dict[str, int] = {}
    for field, title in headers.items():
        if title.strip() in present:
            positions[field] = present.index(title.strip())
            continue
        guess = nearest(title, unclaimed or [h for h in present if h], cutoff=0)
        hint = (
            f" The nearest header there is '{guess}'." if guess else " The sheet has no header row."
        )
        raise HeaderNotFound(
            f"{where}: no column '{title}' (config key {config_key}.{field}).{hint} "
            "Fix the header in the sheet or the mapping in config.yaml."
        )
    return positions


def source_rows(grid: Grid, positions: Mapping[str, int]) -> list[SourceRow]:
    """Data rows (header is row 1), each with every mapped field, empty when blank."""
    return [
        SourceRow(
            source_row=number,
            values={field: row[i] if i < len(row) else "" for field, i in positions.items()},
        )
        for number, row in enumerate(grid[1:], start=2)
    ]
