"""The quiet pass: when nothing changed since a pass that found nothing to write,
or since a pass that wrote and left nothing more to do, the next pass reads,
matches and writes nothing.

A pass that found nothing to write keeps, in state_dir/settled.json, what it
worked from: the file tokens of both sources (sync/incremental.py: a hash of
the file and of what decides how its rows read), a hash of the coordination
workbook as it read it, when it ran, and a key of the config and of the code.
The next pass hashes the three files again; when all three and the key are the
same, and it is the same calendar day, a full pass would find nothing to write
either, and the pass stops there.

- Whatever a coordinator saves changes the workbook's bytes, and whatever
  anyone saves in a source changes its token.
- What changes with time alone (the days a need has waited, the offers to
  re-confirm after N days, the dashboard's ages) counts calendar days, so it
  stays the same all day: the first pass of a day is a full one.
- A pass that wrote is kept with the hash of the workbook as it left it, when
  it wrote over exactly what it read (nobody saved in between) and left nothing
  for the next pass to do; else the pass after it is a full one. What a full
  pass on that written state would still change is what the pass read from the
  tabs it wrote: a note on Problems about a value written over, or a corrected
  phone or item, goes at the pass after the one that wrote it; so does a note
  about a lost memory tab or Matches tab.
- Only a backend that hashes its files (workbooks) can tell; on Google every
  pass is a full one, which writes nothing when nothing changed.
- A dry run (`--dry-run`, `mozhem export`, `mozhem check`) neither stops early
  nor keeps anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import reports
import sync
from sync.backends.base import Backend, Fingerprints, WrittenFile
from sync.config import Config
from sync.incremental import hash_files, hash_versions, vocabulary_key
from sync.source_records import source_token

FILE = "settled.json"
#: Libraries whose versions decide what a pass writes, besides those that read rows.
_WRITING_LIBRARIES = ("openpyxl", "python-calamine", "lxml", "ortools", "scipy", "pydantic",
                      "PyYAML")  # fmt: skip


@dataclass(frozen=True)
class Inputs:
    """What a pass worked from: the sources' file tokens and the coordination
    workbook's hash."""

    offers: str
    needs: str
    coordination: str


@dataclass(frozen=True)
class Counts:
    """What the pass said it read and found, said again by the passes it spares."""

    offer_rows: int
    need_rows: int
    offers: int
    needs: int
    problems: int


@dataclass(frozen=True)
class Settled:
    at: datetime
    key: str
    inputs: Inputs
    counts: Counts


@cache
def code_key() -> str:
    """A hash of the code and data of the core, the shell and the reports, and of the
    versions of the libraries they read, match and write with. Taken once a process,
    as the code it runs is."""
    digest = hashlib.blake2b(vocabulary_key().encode(), digest_size=16)
    for package in (Path(sync.__file__).parent, Path(reports.__file__).parent):
        hash_files(digest, package, package.parent)
    hash_versions(digest, _WRITING_LIBRARIES)
    return digest.hexdigest()


def pass_key(config: Config) -> str:
    """Every setting, and the code: a change of either may change what a pass writes."""
    digest = hashlib.blake2b(config.model_dump_json().encode(), digest_size=16)
    digest.update(code_key().encode())
    return digest.hexdigest()


def coordination_hash(config: Config, backend: Backend) -> str | None:
    """The coordination workbook's hash; None where the backend cannot tell (Google)
    or there is no workbook yet."""
    if not isinstance(backend, Fingerprints):
        return None
    return backend.fingerprint(config.coordination.spreadsheet)


def settled_inputs(
    read: tuple[str | None, str | None, str | None],
    written: WrittenFile | None,
    *,
    wrote: bool,
    follow_up: bool,
) -> Inputs | None:
    """What a full pass would find nothing to write in, when this pass can tell.

    `read`: the sources' tokens and the workbook's hash as the pass read them (None:
    not known, or no workbook yet). A pass that wrote nothing: what it read. One that
    wrote: the workbook as `written` left it, when the write found the very bytes the
    pass read, and the pass left no `follow_up` (notes that go at the next pass)."""
    offers, needs, coordination = read
    if offers is None or needs is None:
        return None
    if not wrote:
        return None if coordination is None else Inputs(offers, needs, coordination)
    if follow_up or written is None or written.found != coordination:
        return None
    return Inputs(offers, needs, written.left)


def _path(config: Config) -> Path:
    return config.state_path / FILE


def read(config: Config) -> Settled | None:
    try:
        raw = json.loads(_path(config).read_text("utf-8"))
        return Settled(
            datetime.fromisoformat(raw["at"]),
            str(raw["key"]),
            Inputs(**raw["inputs"]),
            Counts(**raw["counts"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none kept, or not readable: a full pass


def keep(config: Config, settled: Settled) -> None:
    """Written whole or not at all."""
    path = _path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = {**asdict(settled), "at": settled.at.isoformat()}
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{FILE}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(raw, file)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def forget(config: Config) -> None:
    """Before a full pass: whatever it finds, the last quiet state no longer holds
    until it says so."""
    with contextlib.suppress(FileNotFoundError):
        _path(config).unlink()


def unchanged_since(config: Config, backend: Backend, now: datetime) -> Settled | None:
    """The settled pass nothing changed since, if any: the same day, config and code,
    then the same coordination workbook and the same sources, hashed now."""
    settled = read(config)
    if settled is None or settled.at.date() != now.date() or settled.key != pass_key(config):
        return None
    if coordination_hash(config, backend) != settled.inputs.coordination:
        return None
    params = config.normalize_params(backend.max_cell_chars)
    for name in ("offers", "needs"):
        if source_token(config, backend, name, params) != getattr(settled.inputs, name):
            return None
    return settled
