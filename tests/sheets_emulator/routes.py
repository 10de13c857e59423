"""Which endpoint a URL names, and serving it against the store."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from . import batch_update, drive, formatting, metadata, values
from .errors import ApiError, not_found
from .sorting import sort_range
from .state import Store
from .update_cells import update_cells

batch_update.HANDLERS.update(formatting.HANDLERS)
batch_update.HANDLERS.update({"sortRange": sort_range, "updateCells": update_cells})

_SHEETS = re.compile(r"/v4/spreadsheets(?:/(?P<key>[^/:]+))?(?P<rest>.*)")
_DRIVE = re.compile(r"/drive/v3/files(?:/(?P<key>[^/]+))?(?P<rest>.*)")
_VALUE_SUFFIXES = (":append", ":clear")


@dataclass(frozen=True)
class Route:
    kind: str
    key: str = ""
    range_text: str = ""
    params: dict[str, list[str]] = field(default_factory=dict)


def route(method: str, url: str) -> Route:
    parts = urlsplit(url)
    params = parse_qs(parts.query, keep_blank_values=True)
    path = unquote(parts.path)
    if parts.netloc == "sheets.googleapis.com":
        match = _SHEETS.fullmatch(path)
        if match:
            return _sheets_route(method, match["key"] or "", match["rest"], params)
    if parts.netloc == "www.googleapis.com":
        match = _DRIVE.fullmatch(path)
        if match:
            return _drive_route(method, match["key"] or "", match["rest"], params)
    return Route("unknown", params=params)


def _sheets_route(method: str, key: str, rest: str, params: dict[str, list[str]]) -> Route:
    if not key:
        return Route("spreadsheets.create" if method == "POST" else "unknown", params=params)
    simple = {
        ("GET", ""): "spreadsheets.get",
        ("POST", ":batchUpdate"): "spreadsheets.batchUpdate",
        ("GET", "/values:batchGet"): "values.batchGet",
        ("POST", "/values:batchUpdate"): "values.batchUpdate",
        ("POST", "/values:batchClear"): "values.batchClear",
    }
    if (method, rest) in simple:
        return Route(simple[(method, rest)], key, params=params)
    if rest.startswith("/values/"):
        text = rest[len("/values/") :]
        for suffix in _VALUE_SUFFIXES:
            if method == "POST" and text.endswith(suffix):
                return Route("values" + suffix.replace(":", "."), key, text[: -len(suffix)], params)
        kind = {"GET": "values.get", "PUT": "values.update"}.get(method, "unknown")
        return Route(kind, key, text, params)
    return Route("unknown", key, params=params)


def _drive_route(method: str, key: str, rest: str, params: dict[str, list[str]]) -> Route:
    if rest:
        return Route("drive." + rest.strip("/").split("/")[0], key, params=params)
    if not key:
        return Route(
            {"POST": "drive.create", "GET": "drive.list"}.get(method, "unknown"), "", "", params
        )
    return Route(
        {"DELETE": "drive.delete", "GET": "drive.get"}.get(method, "unknown"), key, "", params
    )


def _one(params: dict[str, list[str]], name: str) -> str:
    return params.get(name, [""])[-1]


def serve(store: Store, r: Route, body: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    """The status and JSON body Google would answer with; errors raise ApiError."""
    if r.kind == "drive.create":
        return 200, drive.create(store, body)
    if r.kind == "drive.list":
        return 200, drive.list_files(store, _one(r.params, "q"), _one(r.params, "fields"))
    if r.kind == "drive.get":
        return 200, drive.get(store, r.key, _one(r.params, "fields"))
    if r.kind == "drive.delete":
        store.delete(r.key)
        return 204, None
    if r.kind == "spreadsheets.create":
        title = (body.get("properties") or {}).get("title") or "Untitled spreadsheet"
        return 200, metadata.spreadsheet(store.create(title))
    if r.kind == "unknown" or r.kind.startswith("drive."):
        raise not_found()
    return 200, _serve_sheets(store, r, body)


def _serve_sheets(store: Store, r: Route, body: dict[str, Any]) -> dict[str, Any]:
    book = store.get(r.key)
    if r.kind == "spreadsheets.get":
        return metadata.spreadsheet(
            book,
            _one(r.params, "fields"),
            r.params.get("ranges"),
            _one(r.params, "includeGridData").lower() == "true",
            formatting.sheet_data,
        )
    if r.kind == "values.get":
        return values.get(book, r.range_text, r.params)
    if r.kind == "values.batchGet":
        return values.batch_get(book, r.params)
    snapshot = book.snapshot()
    try:
        return _write(book, r, body)
    except ApiError:
        store.spreadsheets[book.key] = snapshot
        raise


def _write(book: Any, r: Route, body: dict[str, Any]) -> dict[str, Any]:
    handlers = {
        "spreadsheets.batchUpdate": lambda: batch_update.batch_update(book, body),
        "values.update": lambda: values.update(book, r.range_text, r.params, body),
        "values.append": lambda: values.append(book, r.range_text, r.params, body),
        "values.clear": lambda: values.clear(book, r.range_text),
        "values.batchUpdate": lambda: values.batch_update(book, body),
        "values.batchClear": lambda: values.batch_clear(book, body),
    }
    result: dict[str, Any] = handlers[r.kind]()
    return result
