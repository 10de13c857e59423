"""Keep phone numbers out of logs, whatever a message contains (names are never logged)."""

from __future__ import annotations

import logging
import re

# Seven or more digits, possibly split by spaces, dashes or brackets (not dots:
# "21.11.2026" is a date). An ISO date and time ("2026-11-30 11:45:00", as log
# lines quote the next pass) is matched first and kept as it is.
_PHONE_LIKE = re.compile(
    r"(?P<date>\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?)|(?P<phone>\+?\(?\d(?:[\s()-]*\d){6,})"
)


def mask_phone(value: str) -> str:
    """The matcher's mask, imported only when a phone is met: importing the
    normalizer takes a third of a second, which `mozhem status` need not spend."""
    from matcher.normalize.phones import mask_phone as mask

    return mask(value)


def mask_phones_in(text: str) -> str:
    return _PHONE_LIKE.sub(lambda m: m.group(0) if m["date"] else mask_phone(m["phone"]), text)


class PhoneMaskingFilter(logging.Filter):
    """Masks anything phone-like in every record, as a last line of defence: the
    message, the structured fields and the traceback of an exception."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_phones_in(record.getMessage())
        record.args = None
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            record.fields = {
                k: mask_phones_in(v) if isinstance(v, str) else v for k, v in fields.items()
            }
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_phones_in(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_phones_in(record.stack_info)
        return True
