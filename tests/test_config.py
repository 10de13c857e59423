"""config.yaml mistakes stop the program with one message naming file, key and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sync.cli import main
from sync.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[1]


def _write(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    settings = yaml.safe_load((REPO / "config.yaml").read_text("utf-8"))
    change(settings)
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return path


def test_the_bundled_config_loads_and_points_at_the_demo() -> None:
    config = load_config(REPO / "config.yaml")
    assert config.backend == "workbook"
    assert (config.workbook_dir / config.sources.offers.spreadsheet).is_file()
    assert config.coordination.language == "ru"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda s: s.__setitem__("matchng", s.pop("matching")),
            "unknown key 'matchng'. Did you mean 'matching'?",
            id="typo-top-level-key",
        ),
        pytest.param(
            lambda s: s["matching"].__setitem__("max_distanse_km", 5),
            "unknown key 'matching.max_distanse_km'. Did you mean 'max_distance_km'?",
            id="typo-nested-key",
        ),
        pytest.param(
            lambda s: s.pop("coordination"),
            "missing key 'coordination'",
            id="missing-key",
        ),
        pytest.param(
            lambda s: s.__setitem__("backend", "excel"),
            "key 'backend' has the value 'excel': Input should be 'workbook' or 'google'",
            id="bad-choice",
        ),
        pytest.param(
            lambda s: s["coordination"].__setitem__("language", "de"),
            "key 'coordination.language' has the value 'de'",
            id="bad-language",
        ),
        pytest.param(
            lambda s: s["matching"].__setitem__("max_distance_km", -3),
            "key 'matching.max_distance_km' has the value -3: Input should be greater than 0",
            id="negative-distance",
        ),
    ],
)
def test_config_mistakes_name_the_key(tmp_path: Path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, change)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}: ")
    assert expected in str(error.value)


def test_cli_exits_2_with_one_line_and_reads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, lambda s: s.__setitem__("scheduel", {"every_minutes": 5}))
    code = main(["sync", "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "unknown key 'scheduel'. Did you mean 'schedule'?" in err
    assert not (tmp_path / "demo").exists()


def test_missing_config_file_says_how_to_pass_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--config", str(tmp_path / "nope.yaml")]) == 2
    assert "no such file. Pass --config PATH" in capsys.readouterr().err


def test_invalid_yaml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("backend: [workbook\n", "utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(path)
