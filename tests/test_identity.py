"""A corrected source row is the same offer or need: its id names the submission (#9)."""

from __future__ import annotations

from tests.harness import Harness

PHONE = "Контактный телефон"
DETAILS = "Опишите подробнее (что, сколько, состояние)"
NEED_ITEM = "Что нужно"


def _column(grid: list[list[str]], title: str) -> int:
    return grid[0].index(title)


def _source_row_of(harness: Harness, tab: str, id_key: str, record_id: str) -> int:
    row = next(r for r in harness.rows(tab) if r[id_key] == record_id)
    return int(row["source_row"])


def _edit_source(harness: Harness, name: str, row: int, title: str, value: str) -> None:
    grid = harness.source(name)
    column = _column(grid, title)
    line = grid[row - 1] + [""] * (column + 1 - len(grid[row - 1]))
    line[column] = value
    grid[row - 1] = line
    harness.replace_source(name, grid)


def test_a_corrected_phone_keeps_the_offer_and_refreshes_its_pairs(harness: Harness) -> None:
    harness.sync()
    before = harness.matches()
    match = before[0]
    row = _source_row_of(harness, "offers", "offer_id", match["offer_id"])
    _edit_source(harness, "offers", row, PHONE, "+380 67 000 11 22")

    harness.sync()
    after = harness.matches()
    assert [m["match_id"] for m in after] == [m["match_id"] for m in before]  # nothing re-proposed
    offers = [o for o in harness.rows("offers") if o["source_row"] == str(row)]
    assert match["offer_id"] in {o["offer_id"] for o in offers}
    refreshed = next(m for m in after if m["match_id"] == match["match_id"])
    assert refreshed["donor_phone"] == "+380 67 000 11 22"
    problems = [" ".join(r) for r in harness.coordination("problems")]
    assert any("Донор исправил телефон" in p and "+380 67 000 11 22" in p for p in problems)


def test_an_ngo_adding_a_size_to_its_item_keeps_the_need(harness: Harness) -> None:
    harness.sync()
    before = harness.matches()
    match = before[0]
    row = _source_row_of(harness, "needs", "need_id", match["need_id"])
    grid = harness.source("needs")
    item = grid[row - 1][_column(grid, NEED_ITEM)]
    _edit_source(harness, "needs", row, NEED_ITEM, item + " (XL)")

    harness.sync()
    after = harness.matches()
    assert [m["match_id"] for m in after] == [m["match_id"] for m in before]
    needs = {n["need_id"]: n for n in harness.rows("needs")}
    assert needs[match["need_id"]]["item"].endswith("(XL)")
    refreshed = next(m for m in after if m["match_id"] == match["match_id"])
    assert refreshed["need_item"].endswith("(XL)")
    problems = [" ".join(r) for r in harness.coordination("problems")]
    assert any("Организация исправила описание" in p for p in problems)


def test_need_rows_sorted_by_their_ngo_keep_their_ids(harness: Harness) -> None:
    """Rows of one organization and date are told apart by their cells, not their place."""
    harness.sync()
    grid = harness.source("needs")
    # A row repeated with another spelling of its phone is one need: whichever copy
    # comes first stands for it, so repeats are left out here.
    items = [row[_column(grid, NEED_ITEM)] for row in grid[1:]]
    repeated = {item for item in items if items.count(item) > 1}

    def ids() -> dict[tuple[str, str], str]:
        needs = harness.rows("needs")
        return {
            (n["item"], n["category"]): n["need_id"] for n in needs if n["item"] not in repeated
        }

    before = ids()
    harness.replace_source("needs", [grid[0], *reversed(grid[1:])])
    harness.sync()
    assert ids() == before
