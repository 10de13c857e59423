"""Keep phone numbers out of logs, whatever a message contains (names are never logged)."""

from __future__ import annotations

import logging
import re

from matcher.normalize.phones import mask_phone

# Seven or more digits, possibly split by spaces, dashes or brackets (not dots:
# "21.11.2026" is a date).
_PHONE_LIKE = re.compile(r"\+?\(?\d(?:[\s()-]*\d){6,}")


def mask_phones_in(text: str) -> str:
    return _PHONE_LIKE.sub(lambda m: mask_phone(m.group(0)), text)


class PhoneMaskingFilter(logging.Filter):
    """Masks anything phone-like in every record, as a last line of defence."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_phones_in(record.getMessage())
        record.args = None
        return True


def configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PhoneMaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
