"""`mozhem check` on sheets as people first set them up, and without a network."""

from __future__ import annotations

from tests.harness import Harness

#: A new Form's response sheet: its own question titles, no answers yet.
NEW_FORM_HEADER = [
    "Отметка времени",
    "Имя",
    "Телефон",
    "Город",
    "Что вы отдаёте?",
    "Подробности",
    "Доставка",
]


def test_check_on_headers_without_answers_checks_the_headers(harness: Harness) -> None:
    harness.replace_source("offers", [NEW_FORM_HEADER])
    result = harness.cli("check")
    assert result.code == 2, result.out
    assert "All mapped headers found" not in result.out
    message = result.err.splitlines()[-1]
    assert message.startswith("mozhem: error: ")
    # Every mapped header that is not there is named, with its config key.
    for key, header in [
        ("donor_name", "Ваше имя"),
        ("phone", "Контактный телефон"),
        ("city", "Город / населённый пункт"),
        ("categories", "Чем вы можете помочь?"),
        ("details", "Опишите подробнее (что, сколько, состояние)"),
        ("can_deliver", "Можете ли вы доставить самостоятельно?"),
    ]:
        assert f"'{header}' (config key sources.offers.columns.{key})" in message
    assert "submitted_at" not in message  # that header is right


def test_check_on_right_headers_without_answers_passes_and_says_so(harness: Harness) -> None:
    harness.replace_source("needs", [harness.source("needs")[0]])
    result = harness.cli("check")
    assert result.code == 0, result.err
    assert "no rows yet" in next(line for line in result.out.splitlines() if "needs:" in line)
    assert "All mapped headers found." in result.out


def test_a_sheet_without_even_a_header_row_is_named(harness: Harness) -> None:
    harness.replace_source("needs", [])
    result = harness.cli("check")
    assert result.code == 2
    assert "no header row" in result.err.splitlines()[-1]
