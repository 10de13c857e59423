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
    #: A note on a usable number: phone_guessed (read only after a fix) or phone_foreign.
    note: str | None = None


#: Letters typed for digits inside a number: О/O for 0, l/I/і for 1, З for 3.
_LOOKALIKE_DIGITS = str.maketrans(
    {
        "о": "0",
        "О": "0",
        "o": "0",
        "O": "0",
        "l": "1",
        "I": "1",
        "і": "1",
        "І": "1",
        "|": "1",
        "З": "3",
        "з": "3",
    }
)
_LOOKALIKE_RUN = re.compile(r"(?<![^\W\d_])[\dоОoOlIіІ|Зз][\d\s()\-оОoOlIіІ|Зз]{7,}(?![^\W\d_])")


def _candidates(raw: str) -> list[str]:
    """Ways to read a typed number, most likely first."""
    compact = _NOT_PHONE_CHARS.sub("", raw)
    digits = compact.lstrip("+")
    out = [raw]
    if compact.startswith("+"):
        if digits.startswith("38") and len(digits) == 11 and digits[2] != "0":
            out.insert(0, "+380" + digits[2:])  # "+38 95 ..." without the 0
        return out
    if digits.startswith("7") and len(digits) == 11:  # "7916...": a Russian number, no "+"
        out.append("+" + digits)
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
    elif digits.startswith("8") and len(digits) == 11:  # Russian "8 9xx ..." dialled from home
        out.append("+7" + digits[1:])
    if not digits.startswith(("0", "7", "38")) and 10 <= len(digits) <= 13:
        out.append("+" + digits)  # "48 505 ...", "49 157 ...": a country code without "+"
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
    that could exist; `digits` says how many digits were read). Notes on a
    usable number: phone_guessed (letters typed for digits, or the leading 0
    missing), phone_foreign (a valid number outside Ukraine).
    """
    # letters inside the digits first: phonenumbers itself would read a keypad
    # letter, "9O9" as 969, where the donor meant a zero
    fixed = _LOOKALIKE_RUN.sub(lambda m: m.group(0).translate(_LOOKALIKE_DIGITS), raw or "")
    if fixed != raw:
        guessed = _parse_phone(fixed)
        if guessed.e164:
            return PhoneResult(guessed.e164, None, guessed.digits, "phone_guessed")
    return _parse_phone(raw)


def _parse_phone(raw: str) -> PhoneResult:
    text = (raw or "").strip()
    if not _DIGITS.search(text):
        return PhoneResult("", "phone_missing" if not text else "phone_invalid", 0)
    text = _first_number(text)
    digits = len(_DIGITS.findall(text))
    for candidate in _candidates(text):
        # the common case, checked against the same metadata without a full parse
        ukrainian = candidate.startswith("+380") and len(candidate) == 13
        if ukrainian and candidate[1:].isdigit() and _ua_national().fullmatch(candidate[4:]):
            return PhoneResult(candidate, None, digits, _fixed(text))
        try:
            number = phonenumbers.parse(candidate, DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        foreign = not e164.startswith("+380")
        # abroad, a number of the right length is kept: our metadata may lag theirs;
        # a country code read from digits typed without "+" must be a valid number
        guessed_code = candidate != text and not text.lstrip().startswith(("+", "7", "8"))
        possible = foreign and not guessed_code and _possible_abroad(number)
        if phonenumbers.is_valid_number(number) or possible:
            return PhoneResult(e164, None, digits, "phone_foreign" if foreign else _fixed(text))
    return PhoneResult("", "phone_invalid", digits)


def _possible_abroad(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.is_possible_number_with_reason(number) == (
        phonenumbers.ValidationResult.IS_POSSIBLE
    )


def _fixed(text: str) -> str | None:
    """A Ukrainian number read only after a fix: the leading 0 missing ("95 167 90
    26", "+38 95 ..."), or typed twice ("+380 (050) ...")."""
    digits = "".join(_DIGITS.findall(text))
    plus = text.lstrip().startswith("+")
    missing = len(digits) == 9 and digits[0] != "0" and not plus
    missing_after_code = plus and len(digits) == 11 and digits.startswith("38") and digits[2] != "0"
    twice = plus and len(digits) == 13 and digits.startswith("3800")
    return "phone_guessed" if missing or missing_after_code or twice else None


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
