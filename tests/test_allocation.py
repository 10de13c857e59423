"""Nothing is promised twice: live pairs never hold more than a record has (#9)."""

from __future__ import annotations

from matcher.model import ExistingMatch, Status
from sync.allocation import check_allocation
from tests.engine.builders import need, offer
from tests.harness import Harness

QUANTITY = "Количество"


def test_a_quantity_cut_below_its_pairs_is_listed_and_gets_nothing_new(harness: Harness) -> None:
    harness.sync()
    match = next(m for m in harness.matches() if int(m["quantity"]) >= 2)
    row = next(
        int(n["source_row"]) for n in harness.rows("needs") if n["need_id"] == match["need_id"]
    )
    grid = harness.source("needs")
    at = grid[0].index(QUANTITY)
    grid[row - 1] = grid[row - 1] + [""] * (at + 1 - len(grid[row - 1]))
    grid[row - 1][at] = "1"
    harness.replace_source("needs", grid)
    before = {m["match_id"] for m in harness.matches()}

    harness.sync()
    fresh = [m for m in harness.matches() if m["match_id"] not in before]
    assert all(m["need_id"] != match["need_id"] for m in fresh)
    problems = [" ".join(r) for r in harness.coordination("problems")]
    assert any("Обещано больше, чем есть" in p and f" {row} " in f" {p} " for p in problems)


def test_a_pair_whose_need_is_gone_still_holds_the_offer() -> None:
    offers = [offer("O1", quantity=3)]
    needs = [need("N2", quantity=3)]
    held = [ExistingMatch("M1", "O1", "N-gone", 2, Status.AGREED)]
    allocation = check_allocation(offers, needs, held)
    assert [o.quantity for o in allocation.offers] == [1]
    assert allocation.problems == []


def test_an_over_allocated_record_goes_to_nobody() -> None:
    offers = [offer("O1", quantity=2)]
    needs = [need("N1", quantity=5), need("N2", quantity=5)]
    held = [
        ExistingMatch("M1", "O1", "N1", 2, Status.PROPOSED),
        ExistingMatch("M2", "O1", "N2", 1, Status.CONTACTED),
    ]
    allocation = check_allocation(offers, needs, held)
    assert allocation.offers == []
    assert [p.source for p in allocation.problems] == ["offers"]
    assert allocation.problems[0].params == {"live": 3}
