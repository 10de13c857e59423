"""Progress inside the long steps of a pass: rows read, normalized, written.

With a terminal on stderr, a tqdm bar per step. Without one (systemd, cron, a
pipe), a log line at most every `every_seconds`, so a long step is never a
minute of silence and never a flood. The pass code asks `active()` for the
reporter in force; outside a pass it is a silent one.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, overload

log = logging.getLogger("sync.progress")
T = TypeVar("T")


class Progress:
    """Counts items through one step at a time."""

    def __init__(
        self,
        every_seconds: float = 15.0,
        *,
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.every_seconds = every_seconds
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.clock = clock

    def iterate(self, items: Iterable[T], what: str, total: int | None = None) -> Iterator[T]:
        """Yield `items`, reporting how many went through as `what` ("rows read")."""
        if self.tty:
            yield from self._bar(items, what, total)
            return
        last = self.clock()
        for done, item in enumerate(items, start=1):
            yield item
            now = self.clock()
            if now - last >= self.every_seconds:
                last = now
                of = f" of {total:,}" if total else ""
                log.info("%s: %s%s", what, f"{done:,}", of)

    def _bar(self, items: Iterable[T], what: str, total: int | None) -> Iterator[T]:
        from tqdm import tqdm

        with tqdm(items, desc=what, total=total, unit=" rows", leave=False, file=sys.stderr) as bar:
            yield from bar


class _Silent(Progress):
    def iterate(self, items: Iterable[T], what: str, total: int | None = None) -> Iterator[T]:
        yield from items


_active: list[Progress] = [_Silent()]


def active() -> Progress:
    return _active[-1]


@contextmanager
def reporting(progress: Progress) -> Iterator[Progress]:
    """Make `progress` the reporter for the steps run inside the block."""
    _active.append(progress)
    try:
        yield progress
    finally:
        _active.remove(progress)


class Counted(Sequence[T]):
    """A sequence that reports, as it is iterated, how many items went through."""

    def __init__(self, items: Sequence[T], what: str) -> None:
        self._items = items
        self._what = what

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    def __iter__(self) -> Iterator[T]:
        return active().iterate(self._items, self._what, len(self._items))
