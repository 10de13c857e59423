"""Values as a coordinator reads them off a sheet: phones ready to dial."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from matcher.params import Language
from sync.labels import answer_label


@lru_cache(maxsize=1 << 18)  # a pass shows each phone on several tabs
def dial_ready(e164: str, language: Language) -> str:
    """«+380 50 123 45 67» from "+380501234567"; «нет телефона» when there is none.

    Ukrainian numbers are grouped as people say them (operator, 3, 2, 2 digits);
    others as their country writes them internationally. A number already grouped
    comes back the same, and text that is no number (a label) as it is.
    """
    if not e164:
        return answer_label("no_phone", language)
    if e164.startswith("+380") and len(e164) == 13 and e164[1:].isdigit():
        digits = e164[1:]  # the usual case, without a character-by-character pass
    else:
        digits = "".join(ch for ch in e164 if ch.isdigit())
    if e164.startswith("+380") and len(digits) == 12:
        local = digits[3:]
        return f"+380 {local[:2]} {local[2:5]} {local[5:7]} {local[7:]}"
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
