"""`mozhem history` and `mozhem restore` on both backends, including after a pass that
failed halfway through its write."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from sync.backends import open_backend
from sync.backends.base import Backend, BackendError
from sync.cli import main
from sync.config import Config
from sync.layouts import TABS
from sync.lease import LEASE
from sync.plan import Grid, SpreadsheetPlan
from sync.state import StateStore
from tests.google_harness import GoogleHarness
from tests.harness import CliResult, Harness

# A new donor whose hygiene items and food match needs of the demo.
CATEGORIES = "Средства гигиены, Продукты (долгого хранения)"
FORM_ROW = ["22.11.2026 09:00:00", "Оксана", "+380 67 555 12 34", "Лисичанск", CATEGORIES, "шампунь 3 шт, крупа 5 кг", "Да"]  # fmt: skip  # noqa: E501


def tabs(harness: Harness) -> dict[str, Grid]:
    """Every coordination tab; on Google, the memory tab without the lease, which names
    the last pass that wrote (a restore is one)."""
    return {tab: [row for row in harness.coordination(tab) if row[:1] != [LEASE]] for tab in TABS}


def pass_rows(out: str) -> list[list[str]]:
    return [line.split() for line in out.splitlines() if re.match(r"^\d+ ", line)]


class _CutHalfway:
    """Writes a pass's rewritten tabs, then fails before its new Matches rows."""

    def __init__(self, inner: Backend) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def apply(self, plan: SpreadsheetPlan) -> None:
        self.inner.apply(dataclasses.replace(plan, appends=(), updates=()))
        raise BackendError("the connection dropped halfway through the write")


def cli_cut_halfway(harness: Harness, *argv: str) -> CliResult:
    base = harness.cli_options().get("backend_factory", open_backend)

    def factory(config: Config) -> Backend:
        return _CutHalfway(base(config))  # type: ignore[return-value]

    harness.capsys.readouterr()
    code = main([*argv, "--config", str(harness.config_path)], backend_factory=factory)
    captured = harness.capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


def test_history_lists_every_pass_with_its_counts(harness: Harness) -> None:
    first = harness.sync().out
    offers = re.search(r"Recognized (\d+) offer lines and 25 needs", first)
    new = len(harness.matches())
    assert offers and new > 0
    harness.sync()
    result = harness.cli("history")
    assert result.code == 0
    rows = pass_rows(result.out)
    assert [row[0] for row in rows] == ["2", "1"]
    # pass, date, time, seconds, "s", outcome, offers, needs, new, problems, written, …
    assert [row[5] for row in rows] == ["ok", "ok"]
    assert rows[1][6:9] == [offers[1], "25", str(new)]
    assert int(rows[1][10]) > new  # written: the new matches and the rewritten tabs
    assert [row[-1] for row in rows] == ["no", "yes"]  # pass 2 wrote nothing
    assert f"append {new} rows to {harness.title('matches')!r}" in result.out  # the plan's summary
    requests = StateStore(harness.root / "state").get(1)
    assert requests is not None
    if harness.backend == "google":
        assert requests.requests is not None and 0 < requests.requests <= 9
    else:
        assert requests.requests is None
    assert len(pass_rows(harness.cli("history", "--since", "1h").out)) == 2
    wrong = harness.cli("history", "--since", "a week")
    assert wrong.code == 2 and "30m, 12h, 7d or 2w" in wrong.err


def test_restore_puts_the_spreadsheet_back_as_before_the_pass(harness: Harness) -> None:
    harness.sync()
    first = harness.matches()[0]["match_id"]
    harness.edit_match(first, "notes", "перезвонить в пятницу")
    before = tabs(harness)
    harness.append_source_row("offers", FORM_ROW)
    assert "New matches: 0" not in harness.sync().out
    assert tabs(harness) != before

    restored = harness.cli("restore", "2", "--yes")
    assert restored.code == 0, restored.err
    pattern = re.escape(harness.title("matches")) + r": \d+ rows now, \d+ before pass 2"
    assert re.search(pattern, restored.out), restored.out
    assert re.search(r"removed: row \d+ \(", restored.out)
    assert "+380" not in restored.out  # ids only, never a row's contents
    assert tabs(harness) == before
    assert "ok restore 3: back to before pass 2" in restored.err

    # The restore is a pass of its own, with a snapshot: it can be undone the same way.
    history = harness.cli("history").out
    assert pass_rows(history)[0][:1] == ["3"] and "restore ok" in history
    # The undone matches are forgotten, not taken for rows a coordinator deleted.
    again = harness.sync()
    assert "New matches: 0" not in again.out
    assert not any("удал" in " ".join(row).lower() for row in harness.coordination("problems"))


def test_restore_shows_the_change_and_asks(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.sync()
    new = len(harness.matches())
    answers = iter(["n", "да"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    declined = harness.cli("restore", "1")
    assert declined.code == 0
    assert "the tab did not exist before pass 1" in declined.out
    assert "Nothing was changed." in declined.out
    assert len(harness.matches()) == new
    accepted = harness.cli("restore", "1")
    assert accepted.code == 0, accepted.err
    assert [len(grid) for grid in tabs(harness).values()] == [1] * len(TABS)  # headers only
    assert f"New matches: {new}." in harness.sync().out


def test_restore_after_a_pass_that_failed_halfway(harness: Harness) -> None:
    harness.sync()
    before = tabs(harness)
    harness.append_source_row("offers", FORM_ROW)
    failed = cli_cut_halfway(harness, "sync")
    assert failed.code == 1 and "dropped halfway" in failed.err
    assert "failed pass 2" in failed.err
    assert tabs(harness) != before  # part of the write landed
    history = harness.cli("history").out
    assert pass_rows(history)[0][5] == "failed" and pass_rows(history)[0][-1] == "yes"
    assert harness.cli("restore", "2", "--yes").code == 0
    assert tabs(harness) == before


def test_restore_after_a_google_pass_cut_by_a_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def setup(g: GoogleHarness) -> None:
        g.sync()
        g.append_source_row("offers", FORM_ROW)

    probe = GoogleHarness(tmp_path / "probe", capsys)
    setup(probe)
    probe.emu.reset_counts()
    probe.sync()
    # The first append is the lease's claim; the last, the new rows of Matches.
    append = [n for n, r in enumerate(probe.emu.requests, 1) if r.kind == "values.append"][-1]

    g = GoogleHarness(tmp_path / "cut", capsys, budget=1e-9)
    setup(g)
    before = tabs(g)
    g.emu.reset_counts()
    g.emu.fail_request(append, "429")
    failed = g.cli("sync")
    assert failed.code == 1 and "kept failing" in failed.err
    assert tabs(g) != before  # the values.batchUpdate landed, the append did not
    assert g.cli("restore", "2", "--yes").code == 0
    assert tabs(g) == before


def test_restore_refuses_what_it_cannot_do(harness: Harness) -> None:
    harness.sync()
    harness.sync()
    unknown = harness.cli("restore", "9", "--yes")
    assert unknown.code == 2 and "no pass 9" in unknown.err
    nothing = harness.cli("restore", "2", "--yes")
    assert nothing.code == 2 and "it wrote nothing" in nothing.err
