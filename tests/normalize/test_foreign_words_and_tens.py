"""Answers from abroad in Polish, German, Czech and English, eggs counted in tens
as the writer counts them, an approximate count that is no height, the second of
two things a donor offers to carry, tablets and the packs that hold them, a
tights' denier, terry as warm, work gloves as workwear."""

from __future__ import annotations

import pytest

from tests.normalize.rows import categories_of, counts_of, offers_of


@pytest.mark.parametrize(
    ("details", "boxes", "expected"),
    [
        (
            "ciepłe ubrania (kurtki 2, swetry 4), czekolada 10 tablic",
            "",
            {"clothing": 6, "food": 10},
        ),
        (
            "Waschmaschine Bosch, Kühlschrank, Sofa, Kleiderschrank",
            "",
            {"appliances": 2, "furniture": 2},
        ),
        (
            "We have donated beds 10, mattresses 10, pillows 40",
            "",
            {"furniture": 10, "bedding": 50},
        ),
        # an English plural then its count; "approx 150" is a count, not a height
        ("winter coats approx 150, blankets 80", "", {"clothing": 150, "bedding": 80}),
        (
            "Firma spożywcza. Makaron 500 kg, cukier 100 kg, mydło 300 szt.",
            "",
            {"food": 600, "hygiene": 300},
        ),
        ("varnou konvici a hrnce 3 ks", "Посуда", {"kitchenware": 3}),
        # a diaper brand's number is its size
        ("Pampers 5 (11-16кг) 3уп, Huggies 4 2уп", "Средства гигиены", {"hygiene": 5}),
        # eggs in tens: three tens as the writer counts them
        ("яйця домашні три десятки", "Продукты (долгого хранения)", {"food": 3}),
        ("яйца домашние 5 десятков, сало кг 3", "Продукты (долгого хранения)", {"food": 8}),
        # tablets counted, then the packs that hold them after a comma
        ("Норваск 5мг 30 таб, 1 уп", "Медикаменты", {"medicine": 1}),
        ("Метформин 850, Диабетон МВ 3 уп", "Медикаменты", {"medicine": 3}),
        # a tights' denier is no count
        ("колготки капроновые женские 20 den, 15 пар", "Одежда", {"clothing": 15}),
        # anything else in tens is so many tens of it
        ("книги 3 десятка", "Игрушки", {"toys": 30}),
    ],
)
def test_answers_from_abroad_and_in_tens_are_counted(
    details: str, boxes: str, expected: dict[str, int]
) -> None:
    assert counts_of(details, boxes) == expected


@pytest.mark.parametrize(
    "details",
    [
        "Windeln für Erwachsene 30 Packungen",
        "pieluchy dla dorosłych 5 paczek",
        "adult diapers 10 packs",
    ],
)
def test_adult_diapers_from_abroad_are_adult_diapers(details: str) -> None:
    offers, _ = offers_of(details, "Средства гигиены")
    assert [o.kind for o in offers] == ["diapers/adult"]


def test_the_second_of_two_things_carried_is_not_offered() -> None:
    details = "маю бус, можу допомогти перевезти речі чи меблі переселенцям у вихідні"
    assert categories_of(details, "транспорт") == {"other"}


def test_terry_tights_are_warm_and_work_gloves_are_workwear() -> None:
    offers, _ = offers_of("колготки махровые для девочки р.116-128, 10 пар", "Детские вещи")
    assert [(o.kind, o.season) for o in offers] == [("underwear/tights", "winter")]
    offers, _ = offers_of("перчатки рабочие х/б, 100 пар", "Другое")
    assert [(o.kind, o.quantity) for o in offers] == [("uniform/workwear", 100)]
