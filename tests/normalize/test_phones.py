"""Phones read after a fix, and numbers from abroad, are kept with a note."""

from __future__ import annotations

import pytest

from matcher.normalize.phones import parse_phone


@pytest.mark.parametrize(
    ("typed", "e164", "note"),
    [
        ("+38 67 123 45 67", "+380671234567", "phone_guessed"),  # the 0 after +38 missing
        ("+380 (067) 123-45-67", "+380671234567", "phone_guessed"),  # the 0 typed twice
        ("67 123 45 67", "+380671234567", "phone_guessed"),
        ("067 123 45 67", "+380671234567", None),
        # letters O typed for zeros inside the number, never read as keypad letters
        ("+380 67 9O9 O9 O9", "+380679090909", "phone_guessed"),
        ("+380 67 2O0 4О 4О", "+380672004040", "phone_guessed"),
        ("79031234567", "+79031234567", "phone_foreign"),  # Russian, typed without "+"
        ("+44 7700 900456", "+447700900456", "phone_foreign"),  # the right length abroad
        ("+48 512 345 678", "+48512345678", "phone_foreign"),
    ],
)
def test_a_number_read_after_a_fix_or_from_abroad_carries_a_note(
    typed: str, e164: str, note: str | None
) -> None:
    result = parse_phone(typed)
    assert (result.e164, result.note) == (e164, note)


@pytest.mark.parametrize("typed", ["+1 23", "+44 12", "+380 12 34"])
def test_too_few_digits_abroad_are_still_invalid(typed: str) -> None:
    assert parse_phone(typed).code == "phone_invalid"
