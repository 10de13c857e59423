"""Backends: the only code that touches spreadsheets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sync.backends.base import Backend
from sync.backends.workbook import WorkbookBackend
from sync.backends.workbook_kept import WrittenTabs

if TYPE_CHECKING:
    from sync.config import Config


def open_backend(config: Config) -> Backend:
    """The backend config.yaml asks for, ready to use."""
    if config.backend == "google":
        from sync.backends.google import open_google_backend

        return open_google_backend(config)
    return WorkbookBackend(
        config.workbook_dir, written_tabs=WrittenTabs(config.state_path / "written-tabs")
    )
