"""The user-visible behaviour of a sync pass, through the real CLI, on every backend."""

from __future__ import annotations

from matcher.model import CATEGORIES
from tests.harness import NEW_FORM_ROW, Harness

STATUS_DECLINED_RU = "Отказ"


def test_first_pass_writes_the_coordination_tabs_and_a_summary(harness: Harness) -> None:
    result = harness.sync()
    assert "Read 60 form rows and 25 need rows." in result.out
    assert "Wrote " in result.out
    for tab in ("matches", "offers", "needs", "problems"):
        assert harness.coordination(tab), tab
    matches = harness.matches()
    assert matches, "the demo should produce matches"
    assert {m["status"] for m in matches} == {"Предложено"}
    assert len({m["match_id"] for m in matches}) == len(matches)


def test_second_pass_with_no_change_writes_nothing(harness: Harness) -> None:
    harness.sync()
    before = {tab: harness.coordination(tab) for tab in ("matches", "offers", "needs", "problems")}
    result = harness.full_sync()
    assert "New matches: 0." in result.out
    assert "Nothing changed; nothing written" in result.out
    after = {tab: harness.coordination(tab) for tab in before}
    assert after == before


def test_declined_match_keeps_the_edit_and_frees_the_offer(harness: Harness) -> None:
    harness.sync()
    first = harness.matches()[0]
    harness.edit_match(first["match_id"], "status", STATUS_DECLINED_RU)
    harness.edit_match(first["match_id"], "notes", "донор передумал, перезвонить в декабре")
    harness.sync()
    harness.sync()
    rows = {m["match_id"]: m for m in harness.matches()}
    assert rows[first["match_id"]]["status"] == STATUS_DECLINED_RU
    assert rows[first["match_id"]]["notes"] == "донор передумал, перезвонить в декабре"
    pairs = [(m["offer_id"], m["need_id"]) for m in rows.values()]
    assert pairs.count((first["offer_id"], first["need_id"])) == 1


def test_a_new_form_row_appends_only_new_matches(harness: Harness) -> None:
    harness.sync()
    before = harness.coordination("matches")
    harness.append_source_row("offers", NEW_FORM_ROW)
    result = harness.sync()
    after = harness.coordination("matches")
    assert after[: len(before)] == before, "existing rows are neither reordered nor rewritten"
    assert len(after) >= len(before) + 2  # one per category of the new answer
    assert f"New matches: {len(after) - len(before)}." in result.out
    categories = {row["category"] for row in harness.matches()[len(before) - 1 :]}
    assert categories == {"Средства гигиены", "Продукты питания"}


def test_dry_run_prints_the_plan_and_writes_nothing(harness: Harness) -> None:
    result = harness.sync("--dry-run")
    assert "append" in result.out and "Пары" in result.out
    assert "Dry run: nothing written" in result.out
    assert harness.cli("report").code == 1  # no coordination spreadsheet yet


def test_a_cell_starting_with_a_formula_stays_text(harness: Harness) -> None:
    harness.append_source_row(
        "offers",
        [
            "21.11.2026 11:00:00",
            '=HYPERLINK("http://example.com";"клик")',
            "095 167 90 27",
            "Лисичанск",
            "Посуда",
            "=1+1 кастрюля",
            "Нет",
        ],
    )
    harness.sync()
    offers = harness.coordination("offers")
    texts = [cell for row in offers for cell in row]
    assert any(cell.startswith("=HYPERLINK(") for cell in texts)
    assert any(cell.startswith("=1+1") for cell in texts)


def test_a_huge_cell_is_trimmed_with_a_note_and_the_pass_completes(harness: Harness) -> None:
    harness.append_source_row(
        "offers",
        ["21.11.2026 12:00:00", "Марина", "050 123 45 99", "Северодонецк", "Одежда",
         "куртка мужская зимняя, размер 52, цвет черный. " * 1_000, "Да"],
    )  # fmt: skip
    harness.sync()
    # An .xlsx cell holds at most 32,767 characters (the file format cuts it when
    # it is saved); a Google Sheets cell holds 50,000.
    limit = {"workbook": 32_767, "google": 50_000}[harness.backend]
    offers = harness.coordination("offers")
    longest = max(len(cell) for row in offers for cell in row)
    assert 30_000 < longest <= limit
    source = harness.source("offers")
    problems = harness.coordination("problems")
    if len(source[-1][5]) > limit:
        assert any(row[1] == str(len(source)) for row in problems[1:])


def test_an_all_empty_form_row_is_listed_on_problems(harness: Harness) -> None:
    grid = harness.source("offers")
    harness.replace_source("offers", [*grid[:3], [""] * 7, *grid[3:]])
    harness.sync()
    problems = harness.coordination("problems")
    assert any(row[0] == "Ответы формы" and row[1] == "4" for row in problems[1:])


def test_an_empty_source_sheet_is_a_problem_not_a_crash(harness: Harness) -> None:
    harness.replace_source("needs", [harness.source("needs")[0]])
    result = harness.sync()
    assert "Read 60 form rows and 0 need rows." in result.out
    problems = harness.coordination("problems")
    assert any(row[0] == "Потребности" for row in problems[1:])
    assert len(harness.coordination("matches")) == 1  # header only


def test_a_renamed_header_stops_before_anything_is_written(harness: Harness) -> None:
    grid = harness.source("offers")
    grid[0][2] = "Телефон для связи"
    harness.replace_source("offers", grid)
    result = harness.cli("sync")
    assert result.code == 2
    assert "Контактный телефон" in result.err
    assert "Телефон для связи" in result.err
    assert "sources.offers.columns.phone" in result.err
    assert harness.cli("report").code == 1  # nothing was created


def test_export_writes_the_canonical_csv_files(harness: Harness, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    harness.sync()
    out = tmp_path / "export"
    result = harness.cli("export", "--out", str(out))
    assert result.code == 0, result.err
    offers = pd.read_csv(out / "offers.csv", dtype=str, keep_default_na=False)
    # Exactly the canonical fields of the records (docs/architecture.md), in its order.
    assert list(offers.columns) == [
        "offer_id", "source_row", "submitted_at", "donor_name", "phone", "city",
        "category", "item", "quantity", "can_deliver",
    ]  # fmt: skip
    assert set(offers["category"]) <= set(CATEGORIES)
    assert set(offers["can_deliver"]) <= {"true", "false", ""}
    needs = pd.read_csv(out / "needs.csv", dtype=str, keep_default_na=False)
    assert list(needs.columns) == [
        "need_id", "source_row", "submitted_at", "organization", "contact_name", "phone",
        "city", "category", "item", "quantity", "urgency",
    ]  # fmt: skip
    assert set(needs["urgency"]) <= {"high", "normal", "low"}
    matches = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False)
    assert list(matches.columns) == [
        "match_id", "offer_id", "need_id", "category", "quantity", "score", "status", "reason",
    ]  # fmt: skip
    assert set(matches["status"]) == {"proposed"}
    assert len(matches) == len(harness.matches())
    problems = pd.read_csv(out / "problems.csv", dtype=str, keep_default_na=False)
    assert list(problems.columns) == ["source", "source_row", "field", "value", "problem"]
    assert set(problems["source"]) <= {"offers", "needs", "matches"}
    assert not any(v.startswith("=") for v in offers["item"])


def test_declining_frees_the_offer_for_another_need(harness: Harness) -> None:
    offers_header = harness.source("offers")[0]
    needs_header = harness.source("needs")[0]
    harness.replace_source(
        "offers",
        [offers_header,
         ["20.11.2026 09:00:00", "Ирина", "095 111 22 33", "Северодонецк", "Одежда",
          "зимняя куртка 1 шт", "Нет"]],
    )  # fmt: skip
    harness.replace_source(
        "needs",
        [needs_header,
         ["18.11.2026", "ГО \"Світло\"", "Олена", "050 222 33 44", "Северодонецк",
          "зимові куртки", "1", "терміново"],
         ["19.11.2026", "Центр \"Дом\"", "Павел", "066 333 44 55", "Северодонецк",
          "куртка зимняя", "1", "не срочно"]],
    )  # fmt: skip
    harness.sync()
    [first] = harness.matches()
    harness.edit_match(first["match_id"], "status", "відмова")  # any language, any case
    harness.sync()
    rows = harness.matches()
    assert len(rows) == 2
    second = rows[1]
    assert second["offer_id"] == first["offer_id"]
    assert second["need_id"] != first["need_id"]
    assert rows[0]["status"] == "відмова"


def test_every_source_row_is_a_record_or_a_problem(harness: Harness) -> None:
    harness.sync()
    offer_rows = {row[1] for row in harness.coordination("offers")[1:]}
    need_rows = {row[1] for row in harness.coordination("needs")[1:]}
    problems = harness.coordination("problems")[1:]
    offer_problem_rows = {row[1] for row in problems if row[0] == "Ответы формы"}
    need_problem_rows = {row[1] for row in problems if row[0] == "Потребности"}
    offers_total = len(harness.source("offers"))
    needs_total = len(harness.source("needs"))
    assert {str(n) for n in range(2, offers_total + 1)} <= offer_rows | offer_problem_rows
    assert {str(n) for n in range(2, needs_total + 1)} <= need_rows | need_problem_rows


def test_check_reads_everything_and_writes_nothing(harness: Harness) -> None:
    result = harness.cli("check")
    assert result.code == 0, result.err
    assert "All mapped headers found. Nothing was written." in result.out
    assert harness.cli("report").code == 1  # still no Matches tab


def test_a_pass_shows_its_steps_on_stderr(harness: Harness) -> None:
    result = harness.sync("-v")
    # Log lines: date, time, level, message.
    steps = [line.split(" ", 3)[3] for line in result.err.splitlines()]
    assert steps[0].startswith("Reading the offers")
    assert "Normalizing 60 form rows and 25 need rows…" in steps
    assert any(step.startswith("Writing ") for step in steps)
    assert steps[-1].startswith("ok pass 1: ")
    assert "Writing" not in harness.sync("-v").err  # nothing to write the second time


def test_sacks_that_say_their_weight_fill_a_need_in_kg(harness: Harness) -> None:
    """The Offers tab keeps the donor's count (2 sacks); the match carries the 100 kg
    they hold to a need counted in kg."""
    offers_header, needs_header = harness.source("offers")[0], harness.source("needs")[0]
    harness.replace_source(
        "offers",
        [
            offers_header,
            ["21.11.2026 11:00:00", "Ольга", "095 167 90 27", "Лисичанск", "Продукты",
             "сахар 2 мешка по 50 кг", "Нет"],
        ],
    )  # fmt: skip
    harness.replace_source(
        "needs",
        [
            needs_header,
            ["20.11.2026", "БФ Помощь", "Алла", "050 111 22 44", "Лисичанск", "сахар",
             "100 кг", "срочно"],
        ],
    )  # fmt: skip
    harness.sync()
    [match] = harness.matches()
    assert match["quantity"] == "100"
    [offer] = harness.rows("offers")
    assert offer["quantity"] == "2"
