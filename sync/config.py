"""config.yaml loaded into frozen, validated models.

A mistake stops the program before any read, with one message naming the
file, the key and what would be valid.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveFloat, ValidationError

from matcher.model import Urgency
from matcher.params import Language, MatchParams, NormalizeParams
from sync.errors import GRANT_ACCESS, InputError, os_reason


class ConfigError(InputError):
    """config.yaml cannot be used; the message says where and how to fix it."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WorkbookSettings(_Frozen):
    dir: Path = Path("demo")


class GoogleSettings(_Frozen):
    credentials_file: Path | None = None
    timeout_seconds: PositiveFloat = 30.0
    retry_budget_seconds: PositiveFloat = 120.0


class OfferColumns(_Frozen):
    submitted_at: str
    donor_name: str
    phone: str
    city: str
    categories: str
    details: str
    can_deliver: str | None = None


class NeedColumns(_Frozen):
    submitted_at: str
    organization: str
    contact_name: str
    phone: str
    city: str
    item: str
    quantity: str
    urgency: str
    category: str | None = None


class OffersSource(_Frozen):
    spreadsheet: str
    worksheet: str
    columns: OfferColumns


class NeedsSource(_Frozen):
    spreadsheet: str
    worksheet: str
    columns: NeedColumns


class Sources(_Frozen):
    offers: OffersSource
    needs: NeedsSource


class CoordinationSettings(_Frozen):
    spreadsheet: str
    language: Language = "ru"


def _default_weights() -> dict[Urgency, int]:
    return {"high": 3, "normal": 2, "low": 1}


class MatchingSettings(_Frozen):
    max_distance_km: PositiveFloat = 30.0
    delivery_distance_km: PositiveFloat = 150.0
    urgency_weights: dict[Urgency, int] = Field(default_factory=_default_weights)
    max_open_per_donor: int | None = Field(default=None, ge=1)
    max_open_per_ngo: int | None = Field(default=None, ge=1)


class OffersSettings(_Frozen):
    #: An offer no match uses this many days after it came in goes on the Re-confirm tab.
    reconfirm_after_days: int = Field(default=30, ge=1)


class NormalizationSettings(_Frozen):
    dedup_days: int = Field(default=14, ge=0)


class ScheduleSettings(_Frozen):
    # A float so a short interval can be tried by hand; 15 is the usual.
    every_minutes: PositiveFloat = 15.0
    #: After repeated failures the wait doubles, up to this many minutes.
    max_backoff_minutes: PositiveFloat = 120.0


class OpsSettings(_Frozen):
    #: Snapshots of the coordination spreadsheet older than this are deleted.
    keep_snapshots_days: int = Field(default=30, ge=1)
    #: Without a terminal, progress inside a long step is logged at most this often.
    progress_every_seconds: PositiveFloat = 15.0


class Config(_Frozen):
    backend: Literal["workbook", "google"] = "workbook"
    workbook: WorkbookSettings = WorkbookSettings()
    google: GoogleSettings = GoogleSettings()
    sources: Sources
    coordination: CoordinationSettings
    matching: MatchingSettings = MatchingSettings()
    normalization: NormalizationSettings = NormalizationSettings()
    offers: OffersSettings = OffersSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    ops: OpsSettings = OpsSettings()
    state_dir: Path = Path(".mozhem")
    #: The file this was loaded from; relative paths are resolved against its folder.
    path: Path = Field(default=Path("config.yaml"), exclude=True)

    def resolve(self, relative: Path) -> Path:
        return relative if relative.is_absolute() else self.path.parent / relative

    @property
    def workbook_dir(self) -> Path:
        return self.resolve(self.workbook.dir)

    @property
    def state_path(self) -> Path:
        return self.resolve(self.state_dir)

    def match_params(self) -> MatchParams:
        m = self.matching
        return MatchParams(
            max_distance_km=m.max_distance_km,
            delivery_distance_km=m.delivery_distance_km,
            urgency_weights={
                str(k): v for k, v in (_default_weights() | m.urgency_weights).items()
            },
            max_open_per_donor=m.max_open_per_donor,
            max_open_per_ngo=m.max_open_per_ngo,
            language=self.coordination.language,
        )

    def normalize_params(self, max_cell_chars: int) -> NormalizeParams:
        return NormalizeParams(
            dedup_days=self.normalization.dedup_days, max_cell_chars=max_cell_chars
        )


def load_config(path: Path) -> Config:
    """Read and validate `path`, or raise ConfigError with one clear message."""
    try:
        raw = yaml.safe_load(read_text(path))
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {_yaml_problem(error)}.") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level.")
    try:
        config = Config.model_validate({**raw, "path": path.resolve()})
    except ValidationError as error:
        raise ConfigError(describe_validation_error(path, raw, error)) from None
    refuse_source_as_coordination(path, config)
    return config


def refuse_source_as_coordination(path: Path, config: Config) -> None:
    """The pass rewrites the coordination spreadsheet's tabs: it must not be a source."""
    named = config.coordination.spreadsheet
    target = _spreadsheet_identity(config, named)
    for name in ("offers", "needs"):
        source = getattr(config.sources, name).spreadsheet
        if _spreadsheet_identity(config, source) == target:
            raise ConfigError(
                f"{path}: key 'coordination.spreadsheet' names {named!r}, "
                f"the same spreadsheet as 'sources.{name}.spreadsheet'. The pass writes the "
                "coordination spreadsheet and would overwrite the source's tabs: name a "
                "spreadsheet of its own there (for example coordination.xlsx)."
            )


def _spreadsheet_identity(config: Config, spreadsheet: str) -> str:
    """What names one spreadsheet whatever the spelling: a workbook's real path, a
    Google spreadsheet's key (from a URL too)."""
    if config.backend == "google":
        found = re.search(r"/spreadsheets/d/([a-zA-Z0-9_-]+)", spreadsheet)
        return found.group(1) if found else spreadsheet.strip()
    given = Path(spreadsheet.strip())
    try:
        return str((given if given.is_absolute() else config.workbook_dir / given).resolve())
    except OSError:
        return str(given)


def read_text(path: Path) -> str:
    """The settings file as text: it must be saved as UTF-8 (a BOM is fine)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ConfigError(
            f"{path} is a folder. Pass --config PATH with the settings file."
        ) from None
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such file. Pass --config PATH or create ./config.yaml."
        ) from None
    except OSError as error:
        raise ConfigError(f"{path}: {os_reason(error)}. {GRANT_ACCESS}") from error
    if b"\x00" in data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _not_utf8(path, "it was saved as UTF-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_utf8(path, _guess_encoding(data)) from None


def _not_utf8(path: Path, how: str) -> ConfigError:
    return ConfigError(
        f"{path}: not UTF-8 ({how}). Open it in a text editor and save it as UTF-8 "
        "(in Notepad: File > Save as > Encoding: UTF-8), then run again."
    )


def _guess_encoding(data: bytes) -> str:
    text = data.decode("cp1251")
    cyrillic = sum("а" <= ch.lower() <= "я" or ch in "іїєґёІЇЄҐЁ" for ch in text)
    letters = sum(ch.isalpha() and not ch.isascii() for ch in text)
    if letters and cyrillic >= 0.8 * letters:
        return "it looks saved as Windows-1251, cp1251"
    return "it has bytes that are not UTF-8"


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Where and what, on one line: 'line 3, column 9: ...'."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return where + " ".join(str(problem).split())


def describe_validation_error(path: Path, raw: dict[str, Any], error: ValidationError) -> str:
    first = error.errors()[0]
    location = tuple(str(part) for part in first["loc"])
    key = ".".join(location)
    kind = first["type"]
    if kind == "extra_forbidden":
        valid = _valid_keys(location[:-1])
        guess = nearest(location[-1], valid, cutoff=60)
        hint = f" Did you mean '{guess}'?" if guess else ""
        return f"{path}: unknown key '{key}'.{hint} Valid keys here: {', '.join(valid)}."
    if kind == "missing":
        return f"{path}: missing key '{key}'. Add it; see the bundled config.yaml for an example."
    given = _lookup(raw, location)
    return f"{path}: key '{key}' has the value {given!r}: {first['msg']}."


def _valid_keys(parent: Sequence[str]) -> list[str]:
    model: type[BaseModel] = Config
    for part in parent:
        annotation = model.model_fields[part].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return [name for name in model.model_fields if name != "path"]


def _lookup(raw: Any, location: Sequence[str]) -> Any:
    for part in location:
        if isinstance(raw, dict) and part in raw:
            raw = raw[part]
        else:
            return None
    return raw


def nearest(given: str, choices: Sequence[str], cutoff: float = 50) -> str | None:
    """The closest of `choices` to `given`, for 'did you mean' hints."""
    from rapidfuzz import process, utils

    found = process.extractOne(
        given, list(choices), processor=utils.default_process, score_cutoff=cutoff
    )
    return str(found[0]) if found else None
