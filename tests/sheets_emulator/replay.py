"""Replaying a recorded session of the real API against the emulator, id by id."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

import requests

from .adapter import DRIVE_PREFIX, SHEETS_PREFIX, EmulatorAdapter
from .emulator import SheetsEmulator

COMPARED = ("spreadsheets.", "values.")
_ID_FIELDS = frozenset({"sheetId", "protectedRangeId"})
_KEY = re.compile(r"[A-Za-z0-9_-]{40,}")


@dataclass
class Outcome:
    index: int
    kind: str
    matched: bool
    difference: str = ""


@dataclass
class Replayer:
    emulator: SheetsEmulator = field(default_factory=SheetsEmulator)
    keys: dict[str, str] = field(default_factory=dict)  # recorded -> emulator
    ids: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.session = requests.Session()
        adapter = EmulatorAdapter(self.emulator)
        self.session.mount(SHEETS_PREFIX, adapter)
        self.session.mount(DRIVE_PREFIX, adapter)

    def replay(self, interactions: list[dict[str, Any]]) -> list[Outcome]:
        return [self._one(i, x["request"], x["response"]) for i, x in enumerate(interactions)]

    def _one(self, index: int, request: dict[str, Any], recorded: dict[str, Any]) -> Outcome:
        self._prepare_unknown_keys(request["uri"], recorded["status"]["code"])
        url = self._url(request["uri"])
        body = request.get("body")
        data = json.dumps(self._to_emulator(json.loads(body))) if body else None
        headers = {"Content-Type": "application/json"} if data else {}
        response = self.session.request(request["method"], url, data=data, headers=headers)
        kind = self.emulator.requests[-1].kind
        want_status = recorded["status"]["code"]
        want = _json(recorded["body"].get("string") or "")
        got = _json(response.text)
        if kind == "drive.create" and isinstance(want, dict) and isinstance(got, dict):
            self.keys[want["id"]] = got["id"]
        if response.status_code != want_status:
            return Outcome(index, kind, False, f"status {response.status_code} != {want_status}")
        if not kind.startswith(COMPARED):
            return Outcome(index, kind, True)
        self._learn_ids(want, got)
        mine = _normalized(self._to_recorded(got))
        theirs = _normalized(want)
        if mine == theirs:
            return Outcome(index, kind, True)
        return Outcome(index, kind, False, describe(theirs, mine))

    def _prepare_unknown_keys(self, uri: str, status: int) -> None:
        """A key never created in the session belongs to someone else, or to nobody."""
        for key in _KEY.findall(unquote(urlsplit(uri).path)):
            if key not in self.keys:
                fresh = "unknown" + uuid.uuid4().hex[:37]
                self.keys[key] = fresh
                if status == 403:
                    self.emulator.make_private(fresh)

    def _url(self, uri: str) -> str:
        for recorded, mine in self.keys.items():
            uri = uri.replace(recorded, mine)
        return uri

    def _to_emulator(self, value: Any) -> Any:
        return _map_ids(value, self.ids, self.keys)

    def _to_recorded(self, value: Any) -> Any:
        ids = {v: k for k, v in self.ids.items()}
        keys = {v: k for k, v in self.keys.items()}
        return _map_ids(value, ids, keys)

    def _learn_ids(self, want: Any, got: Any) -> None:
        """Google's made-up ids pair with ours where they sit at the same place."""
        if isinstance(want, dict) and isinstance(got, dict):
            for name, value in want.items():
                if name in _ID_FIELDS and isinstance(value, int) and name in got:
                    self.ids.setdefault(value, got[name])
                elif name in got:
                    self._learn_ids(value, got[name])
        elif isinstance(want, list) and isinstance(got, list):
            for a, b in zip(want, got, strict=False):
                self._learn_ids(a, b)


def _map_ids(value: Any, ids: dict[int, int], keys: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {
            k: ids.get(v, v) if k in _ID_FIELDS and isinstance(v, int) else _map_ids(v, ids, keys)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_map_ids(v, ids, keys) for v in value]
    if isinstance(value, str):
        for old, new in keys.items():
            value = value.replace(old, new)
        return value
    return value


def _normalized(value: Any) -> Any:
    """Who owns the protected ranges differs between accounts; nothing else is excused."""
    if isinstance(value, dict):
        if set(value) == {"users"} and isinstance(value["users"], list):
            return {"users": ["<owner>" for _ in value["users"]]}
        return {k: _normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalized(v) for v in value]
    return value


def _json(text: str) -> Any:
    try:
        return json.loads(text) if text.strip() else None
    except ValueError:
        return text


def describe(want: Any, got: Any, path: str = "$") -> str:
    """The first place two JSON values differ, for a readable failure."""
    if isinstance(want, dict) and isinstance(got, dict):
        for name in sorted(set(want) | set(got)):
            if want.get(name, "<missing>") != got.get(name, "<missing>"):
                return describe(
                    want.get(name, "<missing>"), got.get(name, "<missing>"), f"{path}.{name}"
                )
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for index, (a, b) in enumerate(zip(want, got, strict=True)):
            if a != b:
                return describe(a, b, f"{path}[{index}]")
    return (
        f"{path}: Google {json.dumps(want, ensure_ascii=False)[:200]} "
        f"!= emulator {json.dumps(got, ensure_ascii=False)[:200]}"
    )
