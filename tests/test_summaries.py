"""The summaries, table by table, on one small fixed week of work whose numbers were
worked out by hand (the working is in the comments).

«Now» is Monday 30.11.2026 12:00. Seven offer lines, four needs, five matches:

    offer  in            days  donor   category     qty   its live match
    O1     Sat 28.11 10h    2  Ирина   clothing      2    M1 (delivered)
    O2     Fri 20.11 09h   10  Павел   kitchenware   3    M3 (proposed)
    O3     Tue 10.11 09h   20  Оксана  hygiene       5    — (M4 declined)
    O4     Thu 01.10 09h   60  Марина  toys          1    M5 (delivered)
    O5     Sun 25.10 12h   36  Олег    clothing      4    M2 (agreed)
    O6     Sun 29.11 08h    1  Анна    bedding       2    —
    O7     Tue 15.09 08h   76  Богдан  furniture     1    —

    need   in         urgency  qty  matches
    N1     02.11      high       5  M1 delivered 2, M2 agreed 2
    N2     16.11      normal     3  M3 proposed 3
    N3     20.10      high       4  M5 delivered 1
    N4     25.11      low        2  M4 declined 2
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from reports.summaries import (
    call_list,
    delivery_time,
    needs_coverage,
    offers_to_reconfirm,
    oldest_urgent_needs,
    open_needs_by_place,
    problems_by_kind,
    status_funnel,
    waiting_offers_by_age,
    weekly_activity,
)

NOW = datetime(2026, 11, 30, 12, 0)
SEV, LYS, RUB = "Северодонецк", "Лисичанск", "Рубежное"


def t(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


OFFERS = pd.DataFrame(
    [
        ("O1", t("2026-11-28 10:00"), "Ирина", "+380 95 111 22 33", SEV, "clothing", "куртка", 2),
        ("O2", t("2026-11-20 09:00"), "Павел", "+380 66 333 44 55", LYS, "kitchenware", "миски", 3),
        ("O3", t("2026-11-10 09:00"), "Оксана", "+380 67 555 12 34", RUB, "hygiene", "шампунь", 5),
        ("O4", t("2026-10-01 09:00"), "Марина", "нет телефона", SEV, "toys", "кукла", 1),
        ("O5", t("2026-10-25 12:00"), "Олег", "+380 50 123 45 67", LYS, "clothing", "шапка", 4),
        ("O6", t("2026-11-29 08:00"), "Анна", "+380 63 777 88 99", RUB, "bedding", "одеяло", 2),
        ("O7", t("2026-09-15 08:00"), "Богдан", "+380 97 000 11 22", SEV, "furniture", "стул", 1),
    ],
    columns=["offer_id", "submitted_at", "donor_name", "phone", "city", "category", "item",
             "quantity"],
)  # fmt: skip
NEEDS = pd.DataFrame(
    [
        ("N1", t("2026-11-02"), "ГО Світло", "Олена", SEV, "clothing", "куртки", 5, "high"),
        ("N2", t("2026-11-16"), "Центр Дом", "Павел", LYS, "kitchenware", "посуда", 3, "normal"),
        ("N3", t("2026-10-20"), "ГО Світло", "Олена", SEV, "toys", "игрушки", 4, "high"),
        ("N4", t("2026-11-25"), "Центр Дом", "Павел", LYS, "hygiene", "шампунь", 2, "low"),
    ],
    columns=["need_id", "submitted_at", "organization", "contact_name", "city", "category",
             "item", "quantity", "urgency"],
)  # fmt: skip
MATCHES = pd.DataFrame(
    [
        ("M1", "O1", "N1", 2, "delivered", t("2026-11-28 12:00"), t("2026-11-29 12:00")),
        ("M2", "O5", "N1", 2, "agreed", t("2026-11-26 10:00"), pd.NaT),
        ("M3", "O2", "N2", 3, "proposed", t("2026-11-27 10:00"), pd.NaT),
        ("M4", "O3", "N4", 2, "declined", t("2026-11-26 10:00"), pd.NaT),
        ("M5", "O4", "N3", 1, "delivered", t("2026-11-01 10:00"), t("2026-11-04 10:00")),
    ],
    columns=["match_id", "offer_id", "need_id", "quantity", "status", "created_at",
             "delivered_at"],
)  # fmt: skip


def frame(rows: list[tuple[object, ...]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def test_needs_coverage() -> None:
    # N1: live 2 + 2 = 4 proposed, agreed or further 4, delivered 2, missing 5 - 4 = 1.
    # N2: 3 proposed, nothing agreed; N3: 1 delivered, 3 missing; N4: declined counts nothing.
    expected = frame(
        [("N1", 5, 4, 4, 2, 1), ("N2", 3, 3, 0, 0, 0), ("N3", 4, 1, 1, 1, 3),
         ("N4", 2, 0, 0, 0, 2)],
        ["need_id", "quantity", "proposed", "agreed", "delivered", "missing"],
    )  # fmt: skip
    assert_frame_equal(needs_coverage(NEEDS, MATCHES), expected, check_dtype=False)


def test_open_needs_by_category_and_town() -> None:
    # Missing: N3 toys/Северодонецк 3, N4 hygiene/Лисичанск 2, N1 clothing/Северодонецк 1.
    coverage = needs_coverage(NEEDS, MATCHES)
    expected = frame(
        [("toys", SEV, 1, 3), ("hygiene", LYS, 1, 2), ("clothing", SEV, 1, 1)],
        ["category", "city", "needs", "missing"],
    )
    assert_frame_equal(open_needs_by_place(NEEDS, coverage), expected, check_dtype=False)


def test_offers_waiting_by_age() -> None:
    # Waiting (no live match): O3 20 days, O6 1 day, O7 76 days.
    expected = frame([("0-7", 1), ("8-14", 0), ("15-30", 1), ("31+", 1)], ["age", "offers"])
    assert_frame_equal(waiting_offers_by_age(OFFERS, MATCHES, NOW), expected, check_dtype=False)


def test_status_funnel() -> None:
    # Now: proposed 1, agreed 1, delivered 2, declined 1. Reached contacted: 0 + 1 + 2.
    expected = frame(
        [("proposed", 1, 5), ("contacted", 0, 3), ("agreed", 1, 3), ("delivered", 2, 2),
         ("declined", 1, 1), ("cancelled", 0, 0)],
        ["status", "matches", "reached"],
    )  # fmt: skip
    assert_frame_equal(status_funnel(MATCHES), expected, check_dtype=False)


def test_median_days_from_proposal_to_delivery() -> None:
    # M1: 28.11 12h -> 29.11 12h, 1 day; M5: 01.11 -> 04.11, 3 days; the median is 2.
    expected = frame([(2, 2.0)], ["deliveries", "median_days"])
    assert_frame_equal(delivery_time(MATCHES), expected, check_dtype=False)
    none = delivery_time(MATCHES[MATCHES["status"] != "delivered"])
    assert none.iloc[0].tolist() == [0, None]


def test_oldest_unmet_urgent_needs() -> None:
    # Urgent and missing: N3 (20.10, 41 days, 3 missing), then N1 (02.11, 28 days, 1).
    coverage = needs_coverage(NEEDS, MATCHES)
    expected = frame(
        [("N3", "ГО Світло", SEV, "игрушки", 3, 41), ("N1", "ГО Світло", SEV, "куртки", 1, 28)],
        ["need_id", "organization", "city", "item", "missing", "days_waiting"],
    )
    assert_frame_equal(oldest_urgent_needs(NEEDS, coverage, NOW), expected, check_dtype=False)
    assert len(oldest_urgent_needs(NEEDS, coverage, NOW, limit=1)) == 1


def test_weekly_offers_needs_and_deliveries() -> None:
    # Mondays: O7 14.09; O4 28.09; O5, N3 19.10; N1, M5 02.11; O3 09.11; O2, N2 16.11;
    # O1, O6, N4, M1 23.11. Eleven weeks from 14.09 to 23.11, the empty ones with 0.
    full = weekly_activity(OFFERS, NEEDS, MATCHES)
    assert len(full) == 11
    assert full[["offers", "needs", "deliveries"]].sum().tolist() == [7, 4, 2]
    expected = frame(
        [(t("2026-11-02"), 0, 1, 1), (t("2026-11-09"), 1, 0, 0), (t("2026-11-16"), 1, 1, 0),
         (t("2026-11-23"), 2, 1, 1)],
        ["week", "offers", "needs", "deliveries"],
    )  # fmt: skip
    assert_frame_equal(
        weekly_activity(OFFERS, NEEDS, MATCHES, weeks=4), expected, check_dtype=False
    )


def test_problems_by_kind() -> None:
    problems = frame(
        [("Ответы формы", "Контактный телефон")] * 3
        + [("Ответы формы", "Город")]
        + [("Потребности", "Срочность")] * 2,
        ["source", "field"],
    )
    expected = frame(
        [("Ответы формы", "Контактный телефон", 3), ("Потребности", "Срочность", 2),
         ("Ответы формы", "Город", 1)],
        ["source", "field", "problems"],
    )  # fmt: skip
    assert_frame_equal(problems_by_kind(problems), expected, check_dtype=False)


CALLS = pd.DataFrame(
    [
        ("A", "proposed", "normal", 5, "Ирина", "+380 95 111 22 33", "куртка",
         "ГО Світло", "Олена", "+380 50 222 33 44", "куртки", 1),
        ("B", "proposed", "high", 2, "Ирина", "+380 95 111 22 33", "шапка",
         "Центр Дом", "Павел", "+380 66 333 44 55", "шапки", 2),
        ("C", "proposed", "high", 9, "Богдан", "+380 97 000 11 22", "стул",
         "ГО Світло", "Олена", "+380 50 222 33 44", "стулья", 1),
        ("D", "agreed", "high", 30, "Анна", "+380 63 777 88 99", "одеяло",
         "Центр Дом", "Павел", "+380 66 333 44 55", "одеяла", 1),
    ],
    columns=["match_id", "status", "urgency", "days_waiting", "donor_name", "donor_phone",
             "offer_item", "organization", "contact_name", "ngo_phone", "need_item",
             "quantity"],
)  # fmt: skip


def test_call_list_blocks_by_person_most_urgent_longest_waiting_first() -> None:
    # Only A, B, C are still proposed. Each pair is called on both sides:
    #   C high 9 days: Богдан, Олена;  B high 2: Ирина, Павел;  A normal 5: Ирина, Олена.
    # Blocks in the order their first (most urgent, longest waiting) pair comes:
    #   Богдан [C]; Олена [C, A]; Ирина [B, A]; Павел [B].
    calls = call_list(CALLS)
    olena = "Олена (ГО Світло)"
    assert calls[["block", "person", "match_id"]].values.tolist() == [
        [0, "Богдан", "C"],
        [1, olena, "C"],
        [1, olena, "A"],
        [2, "Ирина", "B"],
        [2, "Ирина", "A"],
        [3, "Павел (Центр Дом)", "B"],
    ]
    first = calls.iloc[0]
    assert (first["role"], first["phone"], first["other"], first["other_phone"]) == (
        "donor", "+380 97 000 11 22", "ГО Світло", "+380 50 222 33 44",
    )  # fmt: skip
    assert calls.iloc[1]["item"] == "стулья"  # the NGO's side: what they need
    assert call_list(CALLS[CALLS["status"] == "agreed"]).empty


@pytest.mark.parametrize(("after_days", "expected"), [(30, ["O7"]), (15, ["O7", "O3"]),
                                                      (0, ["O7", "O3", "O6"])])  # fmt: skip
def test_offers_to_reconfirm(after_days: int, expected: list[str]) -> None:
    # Waiting: O7 76 days, O3 20, O6 1; longest waiting first.
    stale = offers_to_reconfirm(OFFERS, MATCHES, NOW, after_days)
    assert stale["offer_id"].tolist() == expected
    assert stale["days_waiting"].tolist() == [76, 20, 1][: len(expected)]
