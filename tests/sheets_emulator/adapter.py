"""A requests transport adapter that answers Google's URLs from the emulator, in process."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import requests
from requests.adapters import BaseAdapter

if TYPE_CHECKING:
    from .emulator import SheetsEmulator

SHEETS_PREFIX = "https://sheets.googleapis.com/"
DRIVE_PREFIX = "https://www.googleapis.com/drive/v3/"


def _json_body(request: requests.PreparedRequest) -> Any:
    raw = request.body
    if not raw:
        return None
    text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    try:
        return json.loads(text)
    except ValueError:
        return text


class EmulatorAdapter(BaseAdapter):
    def __init__(self, emulator: SheetsEmulator):
        super().__init__()
        self.emulator = emulator

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        method, url = request.method or "GET", request.url or ""
        status, body = self.emulator.handle(method, url, _json_body(request), request)
        return _response(request, status, body)

    def close(self) -> None:
        """Nothing to release: no sockets are opened."""


def _response(request: requests.PreparedRequest, status: int, body: Any) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.reason = {200: "OK", 204: "No Content"}.get(status, "Error")
    response.url = request.url or ""
    response.request = request
    response.encoding = "utf-8"
    response.headers["Content-Type"] = "application/json; charset=UTF-8"
    response._content = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
    return response
