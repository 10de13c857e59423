"""The files around a coordination workbook: its lock, the pass's own temporary
folder, and a save that never overwrites a person's save.

- `hold(path)`: a lock file beside the workbook (`.coordination.xlsx.mozhem-lock`,
  an OS lock, let go of even by a killed process), so two configs with different
  `state_dir` never write the same workbook at once. Taking it also removes what
  an earlier killed pass left in its temporary folder.
- Every temporary file of a write lives in `.coordination.xlsx.mozhem-tmp/`
  beside the workbook (private to the user, on the same disk so the replace is
  atomic): openpyxl's own temporary files as well as the new workbook.
- `load` remembers the size, mtime and hash of what it read; `save_if_unchanged`
  replaces the workbook only when the file on disk is still exactly that.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook

from sync.backends import xlsx_stream
from sync.backends.base import SpreadsheetUnwritable
from sync.errors import os_reason
from sync.state import PassAlreadyRunning

log = logging.getLogger(__name__)

#: Called with the workbook's path after the new file is saved and before the
#: check and the replace: the window in which a person's save would be lost.
BeforeReplace = Callable[[Path], None]

_TEMPDIR_SWAP = threading.Lock()


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    digest: str


@dataclass(frozen=True)
class Loaded:
    book: Workbook
    #: None when there was no file: the write creates it.
    fingerprint: Fingerprint | None
    #: The file's bytes as loaded (empty when there was no file).
    data: bytes = b""
    #: The tabs loaded without their rows.
    emptied: tuple[str, ...] = ()


def lock_path(path: Path) -> Path:
    return path.parent / f".{path.name}.mozhem-lock"


def work_dir(path: Path) -> Path:
    return path.parent / f".{path.name}.mozhem-tmp"


@contextmanager
def hold(path: Path) -> Iterator[None]:
    """One pass at a time on the workbook at `path`; refused (exit 3), not queued.

    Where the folder cannot hold a lock file (no permission to write there), the
    pass goes on without one: its write fails there anyway, with its own message."""
    from filelock import FileLock, Timeout

    if not path.parent.is_dir():
        yield  # no workbook there: the read says so
        return
    lock = FileLock(lock_path(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise PassAlreadyRunning(
            f"another pass holds {lock.lock_file} (the lock of {path.name}, whatever "
            "its config's state_dir); wait for it to finish"
        ) from None
    except OSError as error:
        log.debug("%s: no lock taken: %s", path, os_reason(error))
        yield
        return
    try:
        clear_leftovers(path)
        yield
    finally:
        lock.release()


def clear_leftovers(path: Path) -> None:
    """Temporary files an earlier pass left when it was killed: they hold phones."""
    shutil.rmtree(work_dir(path), ignore_errors=True)
    # Where passes before this folder existed kept their temporary workbook.
    for left in path.parent.glob(f".{path.stem}-*.tmp"):
        left.unlink(missing_ok=True)


def fingerprint(path: Path) -> Fingerprint | None:
    try:
        before = path.stat()
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return Fingerprint(before.st_size, before.st_mtime_ns, _digest(data))


def load(path: Path, without_rows: Sequence[str] = ()) -> Loaded:
    """The workbook at `path` (a new, empty one when there is none) and its fingerprint,
    both of the same bytes; the tabs titled in `without_rows` are loaded with no rows
    (they are to be rewritten whole), so openpyxl never reads them."""
    try:
        before = path.stat()
    except FileNotFoundError:
        book = Workbook()
        book.remove(book.active)
        return Loaded(book, None)
    data = path.read_bytes()
    slim, emptied = xlsx_stream.without_rows(data, without_rows)
    book = openpyxl.load_workbook(io.BytesIO(slim))
    found = Fingerprint(before.st_size, before.st_mtime_ns, _digest(data))
    return Loaded(book, found, data, emptied)


def unchanged(path: Path, expected: Fingerprint | None) -> bool:
    """Whether the file is still what was loaded; the hash only when size and mtime agree."""
    try:
        now = path.stat()
    except FileNotFoundError:
        return expected is None
    if expected is None or (now.st_size, now.st_mtime_ns) != (expected.size, expected.mtime_ns):
        return False
    return fingerprint(path) == expected


def save_if_unchanged(
    book: Workbook,
    path: Path,
    expected: Fingerprint | None,
    before_replace: BeforeReplace,
    complete: Callable[[Path], None] = lambda saved: None,
) -> bool:
    """Save `book` over `path` in one atomic replace, unless the file changed since it
    was loaded; then nothing is replaced and the answer is False. `complete` finishes
    the saved file before that (rows streamed into it)."""
    folder = work_dir(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f"{path.stem}-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise unwritable(path, error) from error
    os.close(handle)
    try:
        with _temporary_files_in(folder):
            book.save(temporary)
        complete(Path(temporary))
        # mkstemp makes the file private (0600); keep the mode people expect.
        os.chmod(temporary, _mode_for(path))
        before_replace(path)
        if not unchanged(path, expected):
            return False
        os.replace(temporary, path)
        return True
    except OSError as error:
        raise unwritable(path, error) from error
    finally:
        Path(temporary).unlink(missing_ok=True)
        _remove_if_empty(folder)


@contextmanager
def _temporary_files_in(folder: Path) -> Iterator[None]:
    """openpyxl writes each sheet to a temporary file first; those go in `folder`."""
    with _TEMPDIR_SWAP:
        saved = tempfile.tempdir
        tempfile.tempdir = str(folder)
        try:
            yield
        finally:
            tempfile.tempdir = saved


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):
        folder.rmdir()


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _mode_for(path: Path) -> int:
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def unwritable(path: Path, error: OSError) -> SpreadsheetUnwritable:
    return SpreadsheetUnwritable(
        f"{path}: {os_reason(error)}: the workbook cannot be written in {path.parent}. "
        "Give the user who runs mozhem permission to write there (or free some space), "
        "then run again; nothing was written."
    )
