"""Phone numbers: whatever was typed -> E.164 (region UA), or a reason why not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import phonenumbers

DEFAULT_REGION = "UA"
_DIGITS = re.compile(r"\d")
_NOT_PHONE_CHARS = re.compile(r"[^\d+]")


@dataclass(frozen=True, slots=True)
class PhoneResult:
    e164: str  # "" when not usable
    code: str | None = None  # problem code when e164 == ""
    digits: int = 0


def _candidates(raw: str) -> list[str]:
    """Ways to read a typed number, most likely first."""
    compact = _NOT_PHONE_CHARS.sub("", raw)
    digits = compact.lstrip("+")
    out = [raw]
    if compact.startswith("+"):
        return out
    if digits.startswith("380") and len(digits) == 12:
        out.insert(0, "+" + digits)
    elif digits.startswith("38") and len(digits) == 11:  # "38 (67) ..." without the 0
        out.insert(0, "+380" + digits[2:])
    elif digits.startswith("80") and len(digits) == 11:  # old "8 095 ..." long-distance prefix
        out.insert(0, "+38" + digits[1:])
    elif digits.startswith("0") and len(digits) == 10:
        out.insert(0, "+38" + digits)
    elif len(digits) == 9 and not digits.startswith("0"):  # "95 167 90 26" without the 0
        out.insert(0, "+380" + digits)
    return out


def _first_number(raw: str) -> str:
    """Only the first number when a cell holds several ("095..., 050...")."""
    parts = re.split(r"[,;/]|\s(?:или|або|or)\s", raw)
    for part in parts:
        if len(_DIGITS.findall(part)) >= 5:
            return part
    return raw


@cache
def _ua_national() -> re.Pattern[str]:
    """phonenumbers' own pattern of valid Ukrainian national numbers (all types)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(DEFAULT_REGION)
    assert metadata is not None and metadata.general_desc is not None
    types = [
        metadata.fixed_line,
        metadata.mobile,
        metadata.toll_free,
        metadata.premium_rate,
        metadata.shared_cost,
        metadata.voip,
        metadata.personal_number,
        metadata.pager,
        metadata.uan,
        metadata.voicemail,
    ]
    patterns = [d.national_number_pattern for d in types if d and d.national_number_pattern]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=200_000)
def parse_phone(raw: str) -> PhoneResult:
    """E.164 for a typed Ukrainian (or international) number.

    Problem codes: phone_missing (nothing typed), phone_invalid (not a number
    that could exist; `digits` says how many digits were read).
    """
    text = (raw or "").strip()
    if not _DIGITS.search(text):
        return PhoneResult("", "phone_missing" if not text else "phone_invalid", 0)
    text = _first_number(text)
    digits = len(_DIGITS.findall(text))
    for candidate in _candidates(text):
        # the common case, checked against the same metadata without a full parse
        ukrainian = candidate.startswith("+380") and len(candidate) == 13
        if ukrainian and candidate[1:].isdigit() and _ua_national().fullmatch(candidate[4:]):
            return PhoneResult(candidate, None, digits)
        try:
            number = phonenumbers.parse(candidate, DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return PhoneResult(
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                None,
                digits,
            )
    return PhoneResult("", "phone_invalid", digits)


def mask_phone(value: str) -> str:
    """A phone safe for logs: "+380951679026" -> "+380******026"."""
    text = (value or "").strip()
    digits = _DIGITS.findall(text)
    if not digits:
        return "*" * min(len(text), 8)
    plus = "+" if text.startswith("+") else ""
    if len(digits) <= 6:
        return plus + "*" * (len(digits) - 2) + "".join(digits[-2:])
    head = "".join(digits[:3])
    tail = "".join(digits[-3:])
    return f"{plus}{head}{'*' * (len(digits) - 6)}{tail}"
