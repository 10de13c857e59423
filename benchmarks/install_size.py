"""What each runtime dependency of mozhem-sync costs on disk, in this environment.

    python benchmarks/install_size.py

For every distribution installed, the size of its files (from its RECORD).
Each is charged to the direct dependencies of mozhem-sync that pull it in; a
distribution several of them need is shown as shared. The test extra is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import metadata
from pathlib import Path

PROJECT = "mozhem-sync"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str | None:
    if "extra ==" in requirement:
        return None
    match = re.match(r"[A-Za-z0-9_.\-]+", requirement)
    return canonical(match.group(0)) if match else None


def dist_size(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or []:
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            total += path.stat().st_size
    return total


def main() -> None:
    dists = {canonical(d.metadata["Name"]): d for d in metadata.distributions()}
    requires = {
        name: [r for r in map(requirement_name, d.requires or []) if r and r in dists]
        for name, d in dists.items()
    }
    direct = [r for r in map(requirement_name, dists[PROJECT].requires or []) if r]
    pulled_by: dict[str, set[str]] = defaultdict(set)
    for top in direct:
        stack, seen = [top], set()
        while stack:
            name = stack.pop()
            if name in seen or name not in dists:
                continue
            seen.add(name)
            pulled_by[name].add(top)
            stack += requires.get(name, [])
    sizes = {name: dist_size(dists[name]) for name in pulled_by}
    own: dict[str, int] = defaultdict(int)
    shared = 0
    for name, tops in pulled_by.items():
        if len(tops) == 1:
            own[next(iter(tops))] += sizes[name]
        else:
            shared += sizes[name]
    total = sum(sizes.values())
    print(f"{'dependency':<22} {'MB':>8}  (with what only it pulls in)")
    for top in sorted(direct, key=lambda t: -own[t]):
        extra = sorted(n for n, tops in pulled_by.items() if tops == {top} and n != top)
        also = f"  + {', '.join(extra)}" if extra else ""
        print(f"{top:<22} {own[top] / 1e6:>8.1f}{also}")
    print(f"{'shared':<22} {shared / 1e6:>8.1f}")
    for name in sorted(
        (n for n, tops in pulled_by.items() if len(tops) > 1), key=lambda n: -sizes[n]
    ):
        print(f"  {name:<20} {sizes[name] / 1e6:>8.1f}  for {', '.join(sorted(pulled_by[name]))}")
    print(f"{'total runtime':<22} {total / 1e6:>8.1f}")


if __name__ == "__main__":
    main()
