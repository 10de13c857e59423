"""Normalizing what changed since the last pass, and nothing else.

The pass keeps, in state_dir/normalized/, per source:

- what the whole source normalized to, with the tokens it was read under: the
  file's content hash (workbook) and the hash of the values read. A source whose
  token is unchanged is not normalized again (on a workbook, not even read);
- what each row read to, keyed by a hash of the row's values. A row seen in the
  last pass is not read again; only new and edited rows are.

Every token includes the *reading key*: a hash of every file of the core (its
code and its vocabularies in matcher/data, the gazetteer included) and of the
module that turns a sheet into rows, the versions of the libraries it reads
with, the source's column mapping and the normalization parameters. Change any
of these and everything is read afresh. Matching always runs on the whole.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import matcher
from matcher.model import Problem, SourceRow
from matcher.normalize.table import READERS, RowRead, put_together
from matcher.params import NormalizeParams
from sync import records_file, sources
from sync.ops.progress import Counted
from sync.parallel import read_rows
from sync.plan import Grid

SourceName = Literal["offers", "needs"]
#: Libraries whose code or data decides how a row reads.
_READING_LIBRARIES = ("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk", "phonenumberslite",
                      "rapidfuzz", "pandas", "numpy")  # fmt: skip
#: The shape of what is kept; a new shape is a new key.
FORMAT = 2
#: What a source's rows are called in progress reports.
ROWS_OF: dict[SourceName, str] = {"offers": "form rows", "needs": "need rows"}


@cache
def vocabulary_key() -> str:
    """A hash of every file of the core (code and data: matcher/data's vocabularies and
    gazetteer), of sync/sources.py, and of the reading libraries' versions: a new
    vocabulary or a new reader gives a new key."""
    return code_key(Path(matcher.__file__).parent, Path(sources.__file__))


def code_key(package: Path, *modules: Path) -> str:
    """A hash of every file under `package` (compiled caches aside), of `modules`, and of
    the versions of the libraries rows are read with."""
    digest = hashlib.blake2b(f"format {FORMAT}".encode(), digest_size=16)
    hash_files(digest, package, package)
    for module in modules:
        digest.update(module.read_bytes())
    hash_versions(digest, _READING_LIBRARIES)
    return digest.hexdigest()


def hash_files(digest: hashlib.blake2b, package: Path, root: Path) -> None:
    """Every file under `package` (compiled caches aside), named from `root`, into
    `digest`."""
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())


def hash_versions(digest: hashlib.blake2b, libraries: Sequence[str]) -> None:
    """The installed version of each library ("none" when missing) into `digest`."""
    for name in libraries:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())


def reading_key(
    name: SourceName, params: NormalizeParams, worksheet: str, headers: dict[str, str]
) -> str:
    """What decides how this source's rows read, besides their values."""
    parts = (vocabulary_key(), name, repr(params), worksheet, repr(sorted(headers.items())))
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()


def grid_hash(grid: Grid) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for row in grid:
        digest.update("\x1f".join(row).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def row_key(row: SourceRow) -> bytes:
    text = "\x1f".join(row.values.values())
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass
class Normalized:
    """A source normalized: its records and problems, its rows (the pass gives their
    records ids from them, sync/identity.py), and the token of the values they were
    read from."""

    records: list[Any]
    problems: list[Problem]
    rows: list[SourceRow]
    grid_token: str


@dataclass(frozen=True)
class Tokens:
    """What a source was last normalized from: its values' token, and its file's when
    the backend tells one. Kept apart from the records, which are big: a pass reads
    them only when a token says they hold."""

    file: str | None
    grid: str


@dataclass
class RowMemory:
    """Row hash -> what that row read to; `key` is the reading key it holds for, and
    `columns` the columns of the reads' usable cells."""

    key: str
    columns: tuple[str, ...] = ()
    reads: dict[bytes, RowRead] = field(default_factory=dict)


class SourceMemory:
    """One source's memory in state_dir/normalized/: its tokens, the whole, and row
    by row."""

    def __init__(self, directory: Path, name: SourceName) -> None:
        self.name = name
        self.tokens_path = directory / f"{name}-tokens.pickle"
        self.whole_path = directory / f"{name}.pickle"
        self.rows_path = directory / f"{name}-rows.pickle"

    def tokens(self) -> Tokens | None:
        found = records_file.read(self.tokens_path)
        return found if isinstance(found, Tokens) else None

    def whole(self, grid_token: str) -> Normalized | None:
        """The source as normalized from the values `grid_token` names, if kept."""
        found = records_file.read(self.whole_path)
        if isinstance(found, Normalized) and found.grid_token == grid_token:
            return found
        return None

    def rows(self, key: str) -> RowMemory:
        found = records_file.read(self.rows_path)
        if isinstance(found, RowMemory) and found.key == key:
            return found
        return RowMemory(key)

    def keep(self, normalized: Normalized, rows: RowMemory, file_token: str | None) -> None:
        records_file.write(self.rows_path, rows)
        records_file.write(self.whole_path, normalized)
        self.keep_tokens(Tokens(file_token, normalized.grid_token))

    def keep_tokens(self, tokens: Tokens) -> None:
        records_file.write(self.tokens_path, tokens)


def token(kind: str, key: str, content: str) -> str:
    return f"{kind}:{key}:{content}"


@dataclass
class RowWork:
    """A source's rows, and those of them `memory` has not seen (to be read)."""

    name: SourceName
    rows: Sequence[SourceRow]
    keys: list[bytes]
    unseen: dict[bytes, SourceRow]
    memory: RowMemory


def row_work(name: SourceName, rows: Sequence[SourceRow], memory: RowMemory) -> RowWork:
    keys = [row_key(row) for row in rows]
    unseen = {key: row for key, row in zip(keys, rows, strict=True) if key not in memory.reads}
    return RowWork(name, rows, keys, unseen, memory)


def normalize_rows(
    work: RowWork, params: NormalizeParams
) -> tuple[list[Any], list[Problem], RowMemory]:
    """The source's records and problems, reading only the rows not seen before (a row
    that appears twice is read once); with the memory for the next pass."""
    reader = READERS[work.name]
    names = work.memory.columns
    fresh: dict[bytes, RowRead] = {}
    if work.unseen:
        unseen = Counted(list(work.unseen.values()), f"{ROWS_OF[work.name]} normalized")
        read = read_rows(reader, unseen, params)
        if work.memory.reads and read.columns != names:  # read by other code: read all
            return normalize_rows(
                row_work(work.name, work.rows, RowMemory(work.memory.key)), params
            )
        names, fresh = read.columns, dict(zip(work.unseen, read.reads, strict=True))
    kept = {key: fresh.get(key) or work.memory.reads[key] for key in work.keys}
    reads = [kept[key] for key in work.keys]
    records, problems = put_together(reader, names, reads, work.rows, params)
    return records, problems, RowMemory(work.memory.key, names, kept)
