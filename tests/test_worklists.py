"""The coordinator's workday on both backends: «Позвонить сегодня», coverage on Needs,
«Перепроверить» with its answers read back, and the Dashboard tab."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import openpyxl
import pytest

from matcher.model import Status
from reports.labels import SECTIONS, phrase, section_title
from sync.labels import column_label, reconfirm_label, status_label
from sync.layouts import NEED_LAYOUT
from tests.google_harness import GoogleHarness
from tests.harness import Harness, WorkbookHarness

URGENCY_RANK = {"срочно": 0, "обычно": 1, "не срочно": 2}
DIAL_READY = re.compile(r"\+380 \d{2} \d{3} \d{2} \d{2}|нет телефона")


def _blocks(harness: Harness) -> list[tuple[str, str, list[dict[str, str]]]]:
    """The call list as (person, phone, pairs): a row with a person starts a block."""
    blocks: list[tuple[str, str, list[dict[str, str]]]] = []
    for row in harness.rows("call_today"):
        if row.get("person"):
            blocks.append((row["person"], row.get("phone", ""), []))
        else:
            blocks[-1][2].append(row)
    return blocks


def test_call_today_lists_each_proposed_pair_under_both_people(harness: Harness) -> None:
    harness.sync()
    blocks = _blocks(harness)
    proposed = {m["match_id"] for m in harness.matches() if m["status"] == "Предложено"}
    listed = Counter(pair["match_id"] for _, _, pairs in blocks for pair in pairs)
    assert set(listed) == proposed and set(listed.values()) == {2}  # donor and NGO
    assert all(DIAL_READY.fullmatch(phone) for _, phone, _ in blocks)
    assert {person.split(":")[0] for person, _, _ in blocks} == {"Донор", "Организация"}
    people = [(person, phone) for person, phone, _ in blocks]
    assert len(people) == len(set(people))  # one block per person

    firsts = [(URGENCY_RANK[p[0]["urgency"]], -int(p[0]["days_waiting"])) for *_, p in blocks]
    assert firsts == sorted(firsts)  # most urgent, longest waiting first
    for *_, pairs in blocks:
        inside = [(URGENCY_RANK[p["urgency"]], -int(p["days_waiting"])) for p in pairs]
        assert inside == sorted(inside)

    called = next(iter(sorted(proposed)))
    harness.edit_match(called, "status", status_label(Status.CONTACTED, "ru"))
    harness.sync()
    listed_after = {pair["match_id"] for _, _, pairs in _blocks(harness) for pair in pairs}
    assert listed_after == proposed - {called}


def test_needs_show_their_coverage(harness: Harness) -> None:
    harness.sync()
    matches = harness.matches()
    agreed_id = matches[0]["match_id"]
    harness.edit_match(agreed_id, "status", status_label(Status.AGREED, "ru"))
    harness.sync()
    live: dict[str, int] = defaultdict(int)
    agreed: dict[str, int] = defaultdict(int)
    for m in harness.matches():
        live[m["need_id"]] += int(m["quantity"])
        if m["match_id"] == agreed_id:
            agreed[m["need_id"]] += int(m["quantity"])
    needs = harness.rows("needs")
    for need in needs:
        proposed = live[need["need_id"]]
        assert int(need["proposed_qty"]) == proposed, need["need_id"]
        assert int(need["agreed_qty"]) == agreed[need["need_id"]]
        assert int(need["delivered_qty"]) == 0
        assert int(need["missing_qty"]) == max(int(need["quantity"]) - proposed, 0)
    assert any(need["proposed_qty"] == "0" for need in needs)  # one stands out


PROPOSED_COLUMN = NEED_LAYOUT.keys.index("proposed_qty")


def test_a_need_with_nothing_proposed_is_highlighted_in_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    harness.sync()
    sheet = openpyxl.load_workbook(harness.coordination_path)[harness.title("needs")]
    [(cells, rules)] = [(str(cf.sqref), cf.rules) for cf in sheet.conditional_formatting]
    letter = openpyxl.utils.get_column_letter(PROPOSED_COLUMN + 1)
    assert cells.startswith(f"{letter}2:")
    assert rules[0].operator == "equal" and rules[0].formula == ["0"]


def test_a_need_with_nothing_proposed_is_highlighted_on_google(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = GoogleHarness(tmp_path, capsys)
    g.sync()
    [rule] = g.emu.conditional_formats(g.keys["coordination"], g.title("needs"))
    [span] = rule["ranges"]
    assert (span["startColumnIndex"], span["startRowIndex"]) == (PROPOSED_COLUMN, 1)
    condition = rule["booleanRule"]["condition"]
    assert condition == {"type": "NUMBER_EQ", "values": [{"userEnteredValue": "0"}]}
    g.emu.reset_counts()
    g.sync()
    assert g.emu.writes == 0  # the highlight is there: nothing to restore


JACKET = ["20.11.2026 09:00:00", "Ирина", "095 111 22 33", "Северодонецк", "Одежда",
          "зимняя куртка 1 шт", "Нет"]  # fmt: skip
NEED_1 = ["18.11.2026", 'ГО "Світло"', "Олена", "050 222 33 44", "Северодонецк",
          "зимові куртки", "1", "терміново"]  # fmt: skip
NEED_2 = ["19.11.2026", 'Центр "Дом"', "Павел", "066 333 44 55", "Северодонецк",
          "куртка зимняя", "1", "не срочно"]  # fmt: skip


@pytest.mark.parametrize("answer", ["gone", "still"])
def test_a_reconfirm_answer_is_read_back(harness: Harness, answer: str) -> None:
    """One jacket, one need; the pair is declined, so the jacket waits and goes on the
    Re-confirm tab. «уже нет» retires it: a second need for a jacket gets nothing."""
    harness.write_config(offers={"reconfirm_after_days": 1})
    harness.replace_source("offers", [harness.source("offers")[0], JACKET])
    harness.replace_source("needs", [harness.source("needs")[0], NEED_1])
    harness.sync()
    [first] = harness.matches()
    assert harness.rows("reconfirm") == []  # matched: nothing to check
    harness.edit_match(first["match_id"], "status", status_label(Status.DECLINED, "ru"))
    harness.sync()
    [waiting] = harness.rows("reconfirm")
    assert waiting["offer_id"] == first["offer_id"] and waiting["answer"] == ""
    typed = {"gone": "Уже нет", "still": "ещё есть"}[answer]
    harness.edit_row("reconfirm", "offer_id", first["offer_id"], "answer", typed)

    harness.append_source_row("needs", NEED_2)
    harness.sync()
    pairs = [(m["offer_id"], m["need_id"]) for m in harness.matches()]
    if answer == "gone":
        assert len(pairs) == 1, "a retired offer is never proposed again"
    else:
        assert len(pairs) == 2 and pairs[1][0] == first["offer_id"]
    [row] = harness.rows("reconfirm")
    assert row["answer"] == reconfirm_label(answer, "ru")
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}.*|\d+(\.\d+)?", row["checked_at"])
    assert "Nothing changed; nothing written" in harness.full_sync().out
    assert _offers_waiting(harness) == (0, 0)  # matched, or gone: waiting for nothing


def _offers_waiting(harness: Harness) -> tuple[int, int]:
    """The offers waiting for a need, all ages together, as the Dashboard tab and the
    printed report count them."""
    title = section_title("waiting_offers", "ru")
    grid = harness.coordination("dashboard")
    row, column = next((r, line.index(title)) for r, line in enumerate(grid) if title in line)
    on_tab = sum(int(line[column + 1]) for line in grid[row + 2 : row + 6])
    lines = harness.cli("report").out.splitlines()
    start = lines.index(title) + 2  # the title, then the header
    printed = sum(int(line.split()[-1]) for line in lines[start : start + 4])
    return on_tab, printed


def test_the_dashboard_tab_shows_every_section(harness: Harness) -> None:
    harness.sync()
    grid = harness.coordination("dashboard")
    assert grid[0][0] == phrase("title", "ru")
    texts = {cell for row in grid for cell in row}
    assert {section_title(key, "ru") for key in SECTIONS} <= texts
    assert column_label("missing_qty", "ru") in texts
    assert len(grid) <= 45  # one screen, give or take
