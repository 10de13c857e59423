"""The table steps of normalizing: parsers run once per distinct value, lines
exploded with their rows, problems in the order a reader meets them."""

from __future__ import annotations

from collections import Counter

import numpy as np

from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers
from matcher.normalize.answers import parse_urgency, parse_yes_no
from matcher.normalize.dates import parse_timestamp
from matcher.normalize.frames import map_unique, map_unique_rows, objects
from matcher.normalize.items import read_items
from matcher.normalize.junk import header_cell
from matcher.normalize.phones import parse_phone
from matcher.normalize.places import find_place
from matcher.params import NormalizeParams
from tests.normalize.test_needs import need_row
from tests.normalize.test_offers import form_row


def test_map_unique_calls_the_parser_once_per_distinct_value() -> None:
    seen: Counter[str] = Counter()

    def shout(text: str) -> str:
        seen[text] += 1
        return text.upper()

    values = objects(["да", "нет", "да", "да", "нет", "может"])
    parsed = map_unique(values, shout, where=np.array([1, 1, 1, 1, 1, 0], dtype=bool))
    assert dict(seen) == {"да": 1, "нет": 1}  # the row set aside is not read
    assert parsed.values(fill="").tolist() == ["ДА", "НЕТ", "ДА", "ДА", "НЕТ", ""]
    assert parsed.flags(lambda text: text == "ДА").tolist() == [1, 0, 1, 1, 0, 0]


def test_none_is_a_value_of_its_own_not_a_missing_one() -> None:
    many = objects([None, "x", None] * 30)  # past the few values a dict factorizes
    assert map_unique(many, lambda t: t is None).values().tolist() == [True, False, True] * 30
    cells = [objects([None, "x", None, float("nan")]), objects([1, 1, 1, 1])]
    parsed = map_unique_rows(cells, lambda a, b: (a, b))
    assert parsed.values().tolist()[:3] == [(None, 1), ("x", 1), (None, 1)]
    assert len(parsed.results) == 3


def _calls(*parsers: object) -> int:
    return sum(p.cache_info().hits + p.cache_info().misses for p in parsers)  # type: ignore[attr-defined]


def test_a_repeated_answer_is_parsed_once() -> None:
    # lru_cache counts every call, hit or miss: the real number of parser calls
    parsers = (parse_phone, find_place, parse_yes_no, parse_timestamp, read_items)
    for parser in parsers:
        parser.cache_clear()
    rows = [form_row(n, details="куртки 2 шт") for n in range(2, 32)]
    offers, _ = normalize_offers(rows)
    assert len(offers) == 1  # one donor, thirty times
    for parser in parsers:
        assert _calls(parser) == 1, parser.__name__


def test_a_repeated_urgency_is_parsed_once() -> None:
    parse_urgency.cache_clear()
    rows = [
        need_row(n, item=f"памперсы {n} размер", urgency="Очень срочно!!!") for n in range(2, 22)
    ]
    needs, _ = normalize_needs(rows)
    assert len(needs) == 20 and {n.urgency for n in needs} == {"high"}
    assert _calls(parse_urgency) == 1


def test_exploded_need_lines_keep_their_row() -> None:
    rows = [need_row(7, item="одеяла и посуда", quantity=""), need_row(3, item="куртки")]
    needs, _ = normalize_needs(rows)
    assert sorted((n.source_row, n.category) for n in needs) == [
        (3, "clothing"),
        (7, "bedding"),
        (7, "kitchenware"),
    ]


def test_each_category_of_a_donor_keeps_the_row_that_last_offered_it() -> None:
    rows = [
        form_row(2, categories="Одежда, Посуда", details=""),
        form_row(5, submitted_at="11.12.2014 10:00:00", categories="Посуда", details="кастрюли"),
    ]
    offers, _ = normalize_offers(rows)
    assert {(o.category, o.source_row, o.item) for o in offers} == {
        ("clothing", 2, "Одежда"),
        ("kitchenware", 5, "кастрюли"),
    }


def test_a_rows_problems_come_in_reading_order_and_its_own_cell_order() -> None:
    # details typed before the name: the cleaning notes follow the row's own order
    values = {"details": "куртки\x07 " + "а" * 60, "donor_name": "Оля\x00", "phone": "12345"}
    row = SourceRow(4, {**values, "city": "Ньюландия", "can_deliver": "звоните"})
    _, problems = normalize_offers([row], NormalizeParams(max_cell_chars=40))
    assert [(p.code, p.field) for p in problems] == [
        ("control_chars_removed", "details"),
        ("text_trimmed", "details"),
        ("control_chars_removed", "donor_name"),
        ("phone_invalid", "phone"),
        ("date_missing", "submitted_at"),
        ("city_unknown", "city"),
        ("can_deliver_unknown", "can_deliver"),
    ]
    assert problems[1].params == {"limit": 40}
    assert problems[3].params == {"digits": 5}


def test_problems_of_all_rows_are_joined_back_by_row() -> None:
    rows = [
        form_row(9, city=""),
        form_row(3, phone="", donor_name=""),
        form_row(5, city="x" * 3, phone="050 123 45 67"),
    ]
    _, problems = normalize_offers(rows)
    assert [(p.source_row, p.code) for p in problems] == [
        (3, "no_contact"),
        (5, "city_unknown"),
        (9, "city_missing"),
    ]


def test_header_cells() -> None:
    assert header_cell("Телефон:") == "header"
    assert header_cell(" ИТОГО ") == "total"
    # dates and phones fold to no word at all: no need to fold them
    assert header_cell("10.12.2014 14:03:27") == header_cell("+38 (095) 167-90-26") == ""
    assert header_cell("город") == "header"


def test_a_test_answer_is_reported_on_the_first_field_that_holds_one() -> None:
    _, problems = normalize_offers([form_row(2, donor_name="Оля", details="тест")])
    assert [(p.code, p.field) for p in problems] == [("test_row", "details")]
    _, problems = normalize_offers([form_row(2, donor_name="test", details="тест")])
    assert [(p.code, p.field) for p in problems] == [("test_row", "donor_name")]


def test_spam_is_reported_on_the_first_cell_with_a_link_in_the_rows_own_order() -> None:
    link = "http://spam.xyz"
    row = SourceRow(2, {"city": f"Киев {link}", "details": f"Заработок без вложений {link}"})
    _, problems = normalize_offers([row])
    assert [(p.code, p.field, dict(p.params)) for p in problems] == [
        ("spam_row", "city", {"link": link})
    ]
