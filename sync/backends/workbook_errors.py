"""What stops the workbook backend reading or writing a file, as one error that names
the file and says what to do: a file that is not an .xlsx workbook (empty, cut
short, an old .xls, a CSV), or one we may not read or write."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineError

from sync.backends.base import SpreadsheetUnreadable
from sync.errors import GRANT_ACCESS, os_reason

#: The first bytes of an old .xls file, and of a password-protected workbook.
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: What openpyxl raises for a file that is not a readable .xlsx workbook.
_NOT_A_WORKBOOK = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    EOFError,
    zlib.error,
    SyntaxError,  # XML parse errors
    CalamineError,
)


def is_file(path: Path) -> bool:
    """Whether `path` is a file; a folder we may not look into says so."""
    try:
        return path.is_file()
    except OSError as error:
        raise SpreadsheetUnreadable(
            f"{path.parent}: {os_reason(error)}: the folder cannot be opened to find "
            f"{path.name}. {GRANT_ACCESS}"
        ) from error


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Whatever stops us reading the workbook at `path`, as one error saying what to do."""
    try:
        yield
    except OSError as error:
        raise SpreadsheetUnreadable(
            f"{path}: {os_reason(error)}: the workbook cannot be read. Give the user who "
            "runs mozhem permission to read it (and to write it, for the coordination "
            "workbook), then run again."
        ) from error
    except _NOT_A_WORKBOOK as error:
        raise SpreadsheetUnreadable(f"{path}: {why_not_a_workbook(path)}") from error


def why_not_a_workbook(path: Path) -> str:
    """What the file is instead, judged by its first bytes, and what to do."""
    try:
        with path.open("rb") as file:
            head = file.read(len(OLE2_SIGNATURE))
    except OSError:
        head = b""
    if not head:
        return (
            "the file is empty (0 bytes), not an .xlsx workbook. Restore it from a backup, "
            "or save it again from Excel or LibreOffice as .xlsx."
        )
    if head.startswith(OLE2_SIGNATURE) or path.suffix.lower() == ".xls":
        return (
            "an old Excel .xls file (or a workbook with a password); mozhem reads .xlsx "
            "workbooks only. Open it in Excel or LibreOffice, save it as .xlsx without a "
            "password, and name the .xlsx file in config.yaml."
        )
    if zipfile.is_zipfile(path):
        return (
            "a zip archive, but not an .xlsx workbook (an .ods or .docx file?). Open it in "
            "Excel or LibreOffice and save it as .xlsx."
        )
    if head.startswith(b"PK"):
        return (
            "the workbook is damaged or incomplete (cut short while it was copied or "
            "saved?). Restore it from a backup, or open it in Excel or LibreOffice and "
            "save it again as .xlsx."
        )
    return (
        "not an .xlsx workbook (a CSV or text file?). Open it in Excel or LibreOffice "
        "and save it as .xlsx."
    )
