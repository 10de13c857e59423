"""The real `mozhem` CLI with one test hook patched in, in a child process.

    python tests/child_cli.py HOOK SECONDS mozhem-arguments…

Hooks:
- pause-before-write: the pass stops just before its first write, after
  printing PAUSED BEFORE WRITE on stderr, for SECONDS or until a file named
  RELEASE appears in the working directory;
- pause-in-save: the workbook's zip file is written on disk, all but its closing
  directory, then the process stops for SECONDS after printing PAUSED IN SAVE
  (other zip files go on: those made in memory, as the workbook backend makes to
  load a workbook without some of its rows, and the pass's snapshot);
- pause-writing-sheet: the pass's save stops while openpyxl's temporary file of the
  first sheet is on disk, after printing PAUSED WRITING SHEET, for SECONDS;
- raise-with-phone: the pass fails with an error whose text holds a raw phone
  number, as a library quoting a bad cell would.
"""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path
from typing import Any

RAW_PHONE = "+380951679026"


def pause_before_write(seconds: float) -> None:
    from sync.backends.workbook import WorkbookBackend

    apply = WorkbookBackend.apply

    def paused(self: WorkbookBackend, plan: Any) -> None:
        if not plan.is_empty:
            print("PAUSED BEFORE WRITE", file=sys.stderr, flush=True)
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not Path("RELEASE").exists():
                time.sleep(0.05)
        apply(self, plan)

    WorkbookBackend.apply = paused  # type: ignore[method-assign]


def pause_in_save(seconds: float) -> None:
    close = zipfile.ZipFile.close

    def paused(self: zipfile.ZipFile) -> None:
        saving = self.filename is not None and ".mozhem-tmp" in str(self.filename)
        if self.mode == "w" and self.fp is not None and saving:
            self.fp.flush()
            print("PAUSED IN SAVE", file=sys.stderr, flush=True)
            time.sleep(seconds)
        close(self)

    zipfile.ZipFile.close = paused  # type: ignore[method-assign]


def pause_writing_sheet(seconds: float) -> None:
    write = zipfile.ZipFile.write

    def paused(self: zipfile.ZipFile, filename: Any, arcname: Any = None, *more: Any) -> None:
        if str(arcname).startswith("xl/worksheets/sheet"):
            print("PAUSED WRITING SHEET", file=sys.stderr, flush=True)
            time.sleep(seconds)
        write(self, filename, arcname, *more)

    zipfile.ZipFile.write = paused  # type: ignore[method-assign]


def raise_with_phone(seconds: float) -> None:
    import sync.pipeline

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"cannot read the cell 'Контактный телефон' = {RAW_PHONE}")

    sync.pipeline.finish = broken  # normalizing the sources, as the pass calls it


HOOKS = {
    "pause-before-write": pause_before_write,
    "pause-in-save": pause_in_save,
    "pause-writing-sheet": pause_writing_sheet,
    "raise-with-phone": raise_with_phone,
}

if __name__ == "__main__":
    hook, seconds, *argv = sys.argv[1:]
    HOOKS[hook](float(seconds))
    from sync.cli import main

    sys.exit(main(argv))
