"""Log lines an on-call person can read, or one JSON object per line for a collector.

Every line carries a timestamp and a level. Structured facts (a pass's counts,
when the next pass is due) travel in `extra={"fields": {...}}`: the text format
shows them in the message, the JSON format also as keys of their own. Whatever
the format, the handler masks phone numbers as a last line of defence.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import IO, Any

from sync.privacy import PhoneMaskingFilter

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_OUR_LOGGERS = ("sync", "matcher", "reports", "mozhem")


class TextFormatter(logging.Formatter):
    """`2026-11-30 11:44:51 INFO ok pass 812: 99 offers, …`"""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(message)s", datefmt=TIME_FORMAT)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the record's fields."""

    def __init__(self) -> None:
        super().__init__(datefmt=TIME_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, TIME_FORMAT),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update({k: v for k, v in fields.items() if k not in entry})
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["traceback"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(
    verbose: bool = False, *, json_lines: bool = False, stream: IO[str] | None = None
) -> logging.Handler:
    """One handler on the root logger, on stderr, with the phone mask on the handler
    itself so that every record that reaches it is masked, whoever logged it."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    handler.addFilter(PhoneMaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)  # other libraries: only what goes wrong
    for name in _OUR_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.INFO)
    return handler


def json_logging_on() -> bool:
    return any(isinstance(h.formatter, JsonFormatter) for h in logging.getLogger().handlers)
