"""The few Drive v3 calls gspread makes for spreadsheets: create, delete, get, list."""

from __future__ import annotations

import re
from typing import Any

from .metadata import apply_mask, parse_mask
from .state import Spreadsheet, Store

SHEETS_MIME = "application/vnd.google-apps.spreadsheet"
_NAME_CLAUSE = re.compile(r"""name\s*=\s*(["'])(.*?)\1""")


def _file(book: Spreadsheet) -> dict[str, Any]:
    return {
        "kind": "drive#file",
        "id": book.key,
        "name": book.properties["title"],
        "mimeType": SHEETS_MIME,
        "createdTime": book.created,
        "modifiedTime": book.created,
    }


def _fields(body: dict[str, Any], fields: str) -> dict[str, Any]:
    return apply_mask(body, parse_mask(fields)) if fields else body


def create(store: Store, body: dict[str, Any]) -> dict[str, Any]:
    book = store.create(str(body.get("name") or "Untitled spreadsheet"))
    return {k: v for k, v in _file(book).items() if k in ("kind", "id", "name", "mimeType")}


def get(store: Store, key: str, fields: str) -> dict[str, Any]:
    return _fields(_file(store.get(key)), fields or "kind,id,name,mimeType")


def list_files(store: Store, query: str, fields: str) -> dict[str, Any]:
    """Only the name clause of the query is honoured; every file here is a spreadsheet."""
    match = _NAME_CLAUSE.search(query)
    books = [
        b
        for b in store.spreadsheets.values()
        if match is None or b.properties["title"] == match.group(2)
    ]
    body = {"kind": "drive#fileList", "files": [_file(b) for b in books]}
    return _fields(body, fields)
