"""Item-to-item matching on the blind offer–need pairs (tests/engine/blind/).

Prints, for every set, how many no-fit pairs the engine proposed and how often
its first choice is the labelled best, then every miss on the newest set with
the texts and the author's reason, so a miss can be read without the YAML.

    python benchmarks/match_fit_quality.py [--all-misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.engine.pairs import BLIND_DIR, load, run_group, score


def _offer_text(offer: dict[str, str]) -> str:
    return f"[{offer.get('categories', '')}] {offer.get('details', '')}".strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-misses", action="store_true", help="list misses on every set")
    args = parser.parse_args()
    sets = sorted(BLIND_DIR.glob("P*.yaml"), key=lambda path: int(path.stem[1:]))
    head = f"{'set':<5} {'groups':>6} {'pairs':>6} {'no-fit proposed':>16}"
    print(f"{head} {'best full fit chosen':>21}")
    for path in sets:
        report = score(load(path))
        share = report.full_best_chosen / report.full_best if report.full_best else 0.0
        print(
            f"{path.stem:<5} {report.groups:>6} {report.pairs:>6}"
            f" {len(report.no_fit_proposed):>6} of {report.no_fit_pairs:<7}"
            f" {report.full_best_chosen:>5} of {report.full_best:<4} {share:6.1%}"
        )
    for path in sets if args.all_misses else sets[-1:]:
        print(f"\nMisses on {path.stem} (newest set unless --all-misses):")
        for group in load(path):
            result = run_group(group)
            offers = {o["id"]: o for o in group["offers"]}
            need = group["need"]
            head = f"  {group['group']} need «{need['item']}» qty {need.get('quantity', '')!r}"
            lines = []
            for offer_id in result.no_fit_proposed:
                o = offers[offer_id]
                why = o.get("why", "")
                lines.append(f"    no-fit proposed {offer_id}: {_offer_text(o)} — {why}")
            if result.best_label in ("fit", "partial") and result.choice != result.best:
                best = offers[result.best] if result.best else {}
                chosen = offers.get(result.choice or "", {})
                lines.append(f"    best {result.best} ({result.best_label}): {_offer_text(best)}")
                lines.append(
                    f"    engine chose {result.choice} ({chosen.get('label', '-')}):"
                    f" {_offer_text(chosen) if chosen else 'nothing'}; proposed {result.proposed}"
                )
            if lines:
                print(head)
                print("\n".join(lines))


if __name__ == "__main__":
    main()
