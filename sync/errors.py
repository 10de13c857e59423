"""The errors a person acts on, and the exit code of each kind.

Every error the program reports is a `MozhemError`: its message is one line
that names the file (or spreadsheet, or key) and says what to do, and its
`exit_code` says which kind it is:

- 1 `EXIT_FAILED`: a spreadsheet could not be read or written (not an .xlsx,
  damaged, no permission, Google unreachable);
- 2 `EXIT_FIX_INPUT`: a mistake to fix in config.yaml, a sheet's headers or the
  key file (a wrong worksheet name, a missing workbook, a key file that is
  missing or not a key, a config not saved as UTF-8);
- 3 `EXIT_BUSY`: another pass is running.
"""

from __future__ import annotations

import errno

EXIT_OK, EXIT_FAILED, EXIT_FIX_INPUT, EXIT_BUSY = 0, 1, 2, 3

#: What to do about a file or folder mozhem may not use.
GRANT_ACCESS = "Give the user who runs mozhem permission to use it, then run again."


class MozhemError(Exception):
    """Root of every error reported as one line; `exit_code` says which kind."""

    exit_code: int = EXIT_FAILED


class InputError(MozhemError):
    """Something to fix in config.yaml, a sheet's headers or the key file."""

    exit_code = EXIT_FIX_INPUT


class BusyError(MozhemError):
    """Someone else is doing the same thing now; wait and run again."""

    exit_code = EXIT_BUSY


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in words (never the file's contents)."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(error, NotADirectoryError):
        return "a part of the path is a file, not a folder"
    if isinstance(error, FileExistsError):
        return "a file is in the way"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    return error.strerror or type(error).__name__


def describe_os_error(error: OSError) -> str:
    """One line for an OSError nobody foresaw: the file, why, and what to do."""
    where = error.filename if error.filename is not None else "a file"
    return f"{where}: {os_reason(error)}. {GRANT_ACCESS}"


def one_line(message: str) -> str:
    """A message as the single line the command ends with."""
    return " ".join(message.split())
