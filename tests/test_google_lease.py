"""Two processes, each with its own state_dir, on one Google coordination spreadsheet:
only the holder of the lease in the hidden memory tab writes (#9)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sync.lease import LEASE, LEASE_TIME
from tests.google_harness import GoogleHarness
from tests.harness import NEW_FORM_ROW, CliResult

HELD = "Таблицу координации сейчас записывает другой запуск программы (машина-{} pid {})"
MEANWHILE = "её записал другой запуск программы (машина-{} pid {})"


def two_processes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[GoogleHarness, ...]:
    """Two configs naming the same spreadsheets, with different state_dir."""
    a = GoogleHarness(tmp_path / "a", capsys)
    b = GoogleHarness(tmp_path / "b", capsys, emu=a.emu)
    b.keys = a.keys
    b.write_config(sources=a.settings["sources"], coordination=a.settings["coordination"])
    a.holder, b.holder = "машина-A pid 11 #aaaaaa", "машина-B pid 22 #bbbbbb"
    assert a.settings["state_dir"] != b.settings["state_dir"]
    return a, b


def leases(g: GoogleHarness) -> list[list[str]]:
    return [row for row in g.coordination("memory") if row[:1] == [LEASE]]


def one_row_per_pair(g: GoogleHarness) -> bool:
    ids = Counter(m["match_id"] for m in g.matches())
    return max(ids.values()) == 1


def probe(g: GoogleHarness, kind: str, nth: int) -> int:
    """The number of the `nth` request of `kind` in g's next pass, as a pass on a copy
    of the spreadsheets sends them; the spreadsheets are left as they were."""
    saved = g.emu.saved()
    g.emu.restore(saved)
    g.cli("sync")
    at = [n for n, r in enumerate(g.emu.requests, 1) if r.kind == kind][nth - 1]
    g.emu.restore(saved)
    return at


def during(a: GoogleHarness, kind: str, nth: int, b: GoogleHarness) -> list[CliResult]:
    """B's whole pass, run right before A's `nth` request of `kind` (A's next pass,
    as a probe of it on a copy of the spreadsheets shows its requests)."""
    at = probe(a, kind, nth)
    results: list[CliResult] = []
    a.emu.before_request(at, lambda emu: results.append(b.cli("sync")))
    return results


def test_a_second_process_is_refused_while_the_first_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_processes(tmp_path, capsys)
    a.sync()
    a.append_source_row("offers", NEW_FORM_ROW)
    seen = during(a, "values.batchUpdate", 1, b)  # A holds the lease: it claimed it
    assert a.cli("sync").code == 0
    [refused] = seen
    assert refused.code == 3, refused.err
    line = refused.err.splitlines()[-1]
    assert line.startswith("mozhem: error: ") and HELD.format("A", 11) in line
    assert "до 2026-11-30T12:10:00Z UTC" in line and "ничего не записал" in line
    assert one_row_per_pair(a)
    assert [row[1] for row in leases(a)] == [a.holder]  # A let go in its last write
    assert "Nothing changed" in b.sync().out  # and B may write again


def test_two_claims_at_once_the_first_appended_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_processes(tmp_path, capsys)
    a.sync()
    a.append_source_row("offers", NEW_FORM_ROW)
    # A appended its claim and has not read it back when B claims too.
    seen = during(a, "values.batchGet", 2, b)
    assert a.cli("sync").code == 0
    assert seen[0].code == 3 and HELD.format("A", 11) in seen[0].err
    assert one_row_per_pair(a)
    assert "New matches: 0." in b.sync().out


def _refused_after_b_wrote(a: GoogleHarness, b: GoogleHarness, request: str) -> None:
    """B's whole pass lands while A waits at its first `request`: A's pass is
    refused, since B wrote after A read."""
    seen = during(a, request, 1, b)
    stale = a.cli("sync")
    assert seen[0].code == 0, seen[0].err
    assert stale.code == 3 and MEANWHILE.format("B", 22) in stale.err, stale.err


def test_a_pass_that_read_before_another_wrote_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_processes(tmp_path, capsys)
    a.sync()
    a.append_source_row("offers", NEW_FORM_ROW)
    # B's whole pass, writing the new pairs, lands after A read and before A claims.
    _refused_after_b_wrote(a, b, "values.append")
    assert one_row_per_pair(a)
    assert [row[1] for row in leases(a)] == [b.holder, a.holder]  # A's claim, ended
    assert all(row[4] <= "2026-11-30T12:00:00Z" for row in leases(a))


def test_two_first_passes_create_the_tabs_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_processes(tmp_path, capsys)
    _refused_after_b_wrote(a, b, "spreadsheets.batchUpdate")
    titles = Counter(a.tab_titles())
    assert max(titles.values()) == 1
    assert one_row_per_pair(a)
    assert "Nothing changed" in a.sync().out


def test_a_lease_left_by_a_lost_process_is_taken_over_once_it_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_processes(tmp_path, capsys)
    a.sync()
    a.append_source_row("offers", NEW_FORM_ROW)
    # A's machine loses the network after claiming: its pass fails, its lease stays.
    claim = probe(a, "values.append", 1)
    for n in range(claim + 1, claim + 40):
        a.emu.fail_request(n, "drop")
    a.budget = 1e-9
    assert a.cli("sync").code == 1
    a.emu.restore(a.emu.saved())  # the network is back
    [left] = [row for row in leases(a) if row[1] == a.holder and row[4] > "2026-11-30T12:00:00Z"]
    assert left[4] == "2026-11-30T12:10:00Z"

    refused = b.cli("sync")
    assert refused.code == 3 and HELD.format("A", 11) in refused.err
    b.time.advance(LEASE_TIME.total_seconds() + 1)
    assert "New matches: 0." not in b.sync().out
    assert one_row_per_pair(b)
    assert [row[1] for row in leases(b)] == [b.holder]


def test_a_long_pass_renews_its_lease_and_one_that_outlived_it_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_processes(tmp_path, capsys)
    a.sync()
    a.append_source_row("offers", NEW_FORM_ROW)
    minutes = 60.0
    # Seven minutes pass before A's append (retries, a slow network): A renews before
    # it; B, two minutes after A's first lease would have ended, is still refused.
    append = probe(a, "values.append", 2)
    a.emu.before_request(append, lambda emu: a.time.advance(7 * minutes))
    results: list[CliResult] = []

    def b_later(emu: object) -> None:
        b.time.advance(12 * minutes)
        results.append(b.cli("sync"))

    a.emu.before_request(append + 2, b_later)  # after A's renewal and its append
    assert a.cli("sync").code == 0
    assert results[0].code == 3 and "до 2026-11-30T12:17:00Z" in results[0].err
    assert one_row_per_pair(a)

    # A laptop that slept through its lease stops before its next write.
    a.append_source_row("offers", [*NEW_FORM_ROW[:1], "Ирина", "095 111 22 33", *NEW_FORM_ROW[3:]])
    a.emu.reset_counts()
    a.emu.before_request(8, lambda emu: a.time.advance(11 * minutes))
    outlived = a.cli("sync")
    assert outlived.code == 1
    assert "писал дольше своей аренды" in outlived.err.splitlines()[-1]
