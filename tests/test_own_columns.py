"""Coordinators' own columns on Offers and Needs stay, each cell with its record, and a
renamed tab is still found: on both backends."""

from __future__ import annotations

from sync.labels import column_label
from sync.own_columns import keep_own_columns
from sync.plan import Rewrite
from tests.harness import Harness

CALLED = "Кто звонил"


def _add_own_column(harness: Harness, tab: str, id_key: str, record: str, text: str) -> None:
    grid = harness.coordination(tab)
    at = grid[0].index(CALLED) + 1 if CALLED in grid[0] else len(grid[0]) + 1
    harness.edit_coordination(tab, 1, at, CALLED)
    row = next(i for i, r in enumerate(grid, start=1) if record in r)
    harness.edit_coordination(tab, row, at, text)


def _own(harness: Harness, tab: str, id_key: str) -> dict[str, str]:
    grid = harness.coordination(tab)
    at, ids = grid[0].index(CALLED), grid[0].index(column_label(id_key, "ru"))
    return {row[ids]: row[at] for row in grid[1:] if len(row) > at and row[at]}


def test_own_columns_on_offers_and_needs_follow_their_records(harness: Harness) -> None:
    harness.sync()
    offers, needs = harness.rows("offers"), harness.rows("needs")
    kept_offer, gone_offer = offers[5], offers[0]
    _add_own_column(harness, "offers", "offer_id", kept_offer["offer_id"], "Марина, 21.11")
    _add_own_column(harness, "offers", "offer_id", gone_offer["offer_id"], "просил не звонить")
    _add_own_column(harness, "needs", "need_id", needs[3]["need_id"], "Павел")
    # The first form row is deleted: every offer below moves up, the first one is gone.
    source = harness.source("offers")
    harness.replace_source("offers", [source[0], *source[2:]])
    harness.sync()

    after = {row["offer_id"]: row for row in harness.rows("offers")}
    assert after[kept_offer["offer_id"]]["source_row"] != kept_offer["source_row"]  # moved
    assert _own(harness, "offers", "offer_id") == {
        kept_offer["offer_id"]: "Марина, 21.11",
        gone_offer["offer_id"]: "просил не звонить",  # its record is gone; the note stays
    }
    gone = harness.coordination("offers")[-1]
    assert gone_offer["offer_id"] in gone and "просил не звонить" in gone
    assert _own(harness, "needs", "need_id") == {needs[3]["need_id"]: "Павел"}
    assert "Nothing changed; nothing written" in harness.full_sync().out


def test_a_renamed_tab_is_still_the_same_tab(harness: Harness) -> None:
    harness.sync()
    before = harness.matches()
    harness.edit_match(before[0]["match_id"], "notes", "перезвонить")
    harness.rename_tab("matches", "Пары на июнь")
    harness.rename_tab("offers", "Что предлагают")
    result = harness.sync()
    assert "New matches: 0." in result.out
    after = harness.matches()
    assert [m["match_id"] for m in after] == [m["match_id"] for m in before]
    assert after[0]["notes"] == "перезвонить"
    assert harness.coordination("offers") and harness.coordination("needs")
    titles = harness.tab_titles()
    assert "Пары" not in titles and "Предложения" not in titles  # nothing made afresh
    assert "Nothing changed; nothing written" in harness.full_sync().out


def test_without_an_id_column_the_rewrite_is_left_as_it_is() -> None:
    rewrite = Rewrite([["ID предложения", "Что"], ["O-1", "куртка"]], ("offer_id", "item"))
    read = [["Что", "Кто звонил"], ["куртка", "Марина"]]
    assert keep_own_columns(read, rewrite, "offer_id") is rewrite


def test_own_columns_keep_their_place_between_ours() -> None:
    rewrite = Rewrite(
        [["ID предложения", "Что"], ["O-2", "шапка"], ["O-1", "куртка"]], ("offer_id", "item")
    )
    read = [["ID предложения", "Кто звонил", "Что"], ["O-1", "Марина", "куртка"]]
    kept = keep_own_columns(read, rewrite, "offer_id")
    assert kept.cells == [
        ["ID предложения", "Кто звонил", "Что"],
        ["O-2", "", "шапка"],
        ["O-1", "Марина", "куртка"],
    ]
    assert kept.keys == ("offer_id", "", "item")
