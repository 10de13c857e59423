"""Benchmark: the matching engine against the greedy baseline and an
independent optimum.

    python benchmarks/match_bench.py

Every (case, algorithm) runs in a fresh subprocess, which builds the synthetic
data, then times `propose` (or `greedy_propose`) end to end. Peak memory is the
child's peak RSS (resource.getrusage(RUSAGE_SELF).ru_maxrss, read in the child
after the run) minus its RSS just before the run: the increase the matching
itself caused.

The optimum is computed apart from the engine's solver, by an LP solved with
HiGHS (scipy linprog): on (a) and (c) over brute-force pairs (distance, reach
and item fit computed here with numpy), on (b) over the engine's candidate
graph (too many pairs to enumerate), with offers and needs of one group and
one urgency merged into one row. The transportation LP is totally unimodular,
so its value is the integer optimum of urgency-weighted quantity. Offers and
needs carry item models (kind, audience, season, size), so no-fit pairs are
not candidates and partial fits rank below full ones; the share of proposals
that fit fully is printed. Prints figures only.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcher.engine import propose  # noqa: E402
from matcher.fit import item_fit, profile_of  # noqa: E402
from matcher.greedy import greedy_propose  # noqa: E402
from matcher.model import Need, Offer, Urgency  # noqa: E402
from matcher.params import MatchParams  # noqa: E402

NOW = datetime(2024, 6, 1, 12, 0)
TOWNS: dict[str, tuple[float, float, int]] = {  # lat, lon, relative size
    "Северодонецк": (48.948, 38.491, 10),
    "Лисичанск": (48.905, 38.442, 9),
    "Рубежное": (49.007, 38.376, 6),
    "Кременная": (49.047, 38.217, 3),
    "Старобельск": (49.278, 38.909, 3),
    "Новоайдар": (48.962, 39.018, 1),
    "Счастье": (48.740, 39.231, 1),
    "Попасная": (48.633, 38.383, 2),
    "Золотое": (48.699, 38.512, 1),
    "Горское": (48.748, 38.493, 1),
    "Бахмут": (48.595, 37.999, 7),
    "Соледар": (48.677, 38.092, 1),
    "Северск": (48.868, 38.101, 1),
    "Лиман": (48.989, 37.802, 2),
    "Святогорск": (49.037, 37.566, 1),
    "Славянск": (48.852, 37.605, 9),
    "Краматорск": (48.739, 37.584, 12),
    "Дружковка": (48.630, 37.552, 4),
    "Константиновка": (48.533, 37.707, 5),
    "Торецк": (48.398, 37.848, 2),
    "Покровск": (48.282, 37.176, 5),
    "Мирноград": (48.303, 37.261, 3),
    "Доброполье": (48.466, 37.085, 2),
    "Селидово": (48.148, 37.300, 2),
    "Курахово": (47.984, 37.282, 1),
    "Волноваха": (47.601, 37.497, 1),
    "Изюм": (49.211, 37.257, 4),
    "Балаклея": (49.456, 36.858, 2),
    "Купянск": (49.711, 37.616, 3),
    "Чугуев": (49.836, 36.687, 2),
    "Харьков": (49.994, 36.231, 30),
    "Лозовая": (48.889, 36.316, 4),
    "Барвенково": (48.905, 36.995, 1),
    "Сватово": (49.410, 38.150, 2),
    "Беловодск": (49.207, 39.576, 1),
    "Троицкое": (49.920, 38.290, 1),
}
URGENCIES: list[Urgency] = ["high", "normal", "low"]
VILLAGES = ["Боровское", "Шипиловка", "Воеводовка", "Нижнее", "Камышеваха", "Метёлкино"]
CATEGORIES = [
    "clothing", "shoes", "medicine", "furniture", "kitchenware", "hygiene",
    "food", "children", "toys", "bedding", "appliances", "other",
]  # fmt: skip
#: Donors give clothes and toys; NGOs ask for medicine, hygiene and food.
OFFER_WEIGHTS = [30, 10, 2, 3, 8, 4, 4, 7, 10, 6, 2, 4]
NEED_WEIGHTS = [5, 4, 20, 10, 5, 20, 20, 10, 2, 8, 10, 3]


#: Item models drawn per category: (kinds, audiences, seasons, sizes). "" is unstated.
ITEMS: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "clothing": (
        [
            "outerwear/jackets",
            "outerwear/coats",
            "knitwear/sweaters",
            "bottoms/trousers",
            "underwear/socks",
            "accessories/hats",
            "accessories/gloves",
            "babywear/bodysuits",
            "",
        ],
        ["men", "women", "children", "baby", "", ""],
        ["winter", "summer", "demi", "", ""],
        ["44", "46", "48", "50", "52", "54", "98-104", "110-116", "1-2y", "", "", ""],
    ),
    "shoes": (
        ["boots/winter", "boots/rubber", "sneakers", "slippers", ""],
        ["men", "women", "children", ""],
        ["winter", "summer", ""],
        ["24", "28", "32", "36", "38", "40", "42", "44", "", ""],
    ),
    "hygiene": (
        ["diapers/baby", "diapers/adult", "laundry/powder", "personal_care/soap", ""],
        ["", "", "baby", "adult"],
        [""],
        ["2", "3", "4", "5", "", "", ""],
    ),
    "food": (["grains", "canned/meat", "canned/fish", "baby_food", ""], [""], [""], [""]),
    "bedding": (["linen", "blankets", "pillows", "towels", ""], [""], [""], [""]),
}
NEED_GENERIC = 0.4  # share of needs that name the category only («одежда»)


def _item(rng: random.Random, category: str, generic: float = 0.0) -> dict[str, str]:
    if category not in ITEMS or rng.random() < generic:
        return {}
    kinds, audiences, seasons, sizes = ITEMS[category]
    return {
        "kind": rng.choice(kinds),
        "audience": rng.choice(audiences),
        "season": rng.choice(seasons),
        "size": rng.choice(sizes),
    }


def _place(rng: random.Random) -> tuple[str, float | None, float | None]:
    if rng.random() < 0.04:
        return rng.choice(VILLAGES), None, None
    names = list(TOWNS)
    name = rng.choices(names, weights=[TOWNS[n][2] for n in names])[0]
    lat, lon, _ = TOWNS[name]
    return name, lat, lon


def realistic(n_offers: int, n_needs: int, seed: int) -> tuple[list[Offer], list[Need]]:
    rng = random.Random(seed)
    offers: list[Offer] = []
    donor = 0
    while len(offers) < n_offers:
        donor += 1
        city, lat, lon = _place(rng)
        phone = f"+38095{donor:07d}" if rng.random() < 0.95 else ""
        deliver = rng.choices([True, False, None], weights=[3, 5, 2])[0]
        when = NOW - timedelta(minutes=rng.randrange(90 * 24 * 60))
        for category in sorted(set(rng.choices(CATEGORIES, OFFER_WEIGHTS, k=rng.randint(1, 3)))):
            offers.append(
                Offer(
                    f"O{donor:06d}-{category}",
                    len(offers) + 2,
                    when,
                    "Донор",
                    phone,
                    city,
                    category,
                    "",
                    rng.randint(1, 10),
                    deliver,
                    lat,
                    lon,
                    **_item(rng, category),  # type: ignore[arg-type]
                )
            )
    needs = []
    for k in range(n_needs):
        city, lat, lon = _place(rng)
        category = rng.choices(CATEGORIES, NEED_WEIGHTS)[0]
        needs.append(
            Need(
                f"N{k:06d}",
                k + 2,
                NOW - timedelta(minutes=rng.randrange(60 * 24 * 60)),
                f"Фонд {rng.randrange(n_needs // 50 + 1)}",
                "",
                "",
                city,
                category,
                "",
                rng.randint(1, 10),
                rng.choices(URGENCIES, weights=[1, 2, 1])[0],
                lat,
                lon,
                **_item(rng, category, NEED_GENERIC),  # type: ignore[arg-type]
            )
        )
    return offers[:n_offers], needs


def adversarial(gadgets: int, seed: int) -> tuple[list[Offer], list[Need]]:
    """Gadgets of two offers and two needs, copies laid out 100+ km apart.

    Need `a` (older) reaches offer X at 5 km and offer Y at 20 km; need `b`
    reaches only X, at 25 km. Greedy gives X to `a`, and `b` gets nothing;
    the optimum sends Y to `a` and X to `b`. In every fourth gadget `b` is
    urgent and `a` is not, yet `a` is older, so age-first orders fail too.
    Fit levels are in play too: `a` asks for size 50, which X and Y state, and
    a third offer Z, 3 km from `a` and out of `b`'s reach, leaves its size
    unknown (a partial fit). Taking the best fit first and then the nearest,
    greedy still gives X to `a`; the optimum gives Y to `a`, X to `b`, and
    never settles for Z while a full fit is there.
    """
    rng = random.Random(seed)
    offers, needs = [], []
    deg = 1 / 111.2  # degrees of latitude per km
    for g in range(gadgets):
        lat0, lon0 = -60.0 + (g % 120) * 1.0, (g // 120) * 6.0
        q = rng.randint(1, 10)
        when = NOW - timedelta(days=30)
        gadget = ((f"G{g:05d}-X", 0.0, "50"), (f"G{g:05d}-Y", 25.0, "50"), (f"G{g:05d}-Z", 8.0, ""))
        for oid, dlat, size in gadget:
            offers.append(
                Offer(
                    oid,
                    2,
                    when,
                    "Донор",
                    "",
                    "Гаджет",
                    "clothing",
                    "",
                    q,
                    False,
                    lat0 + dlat * deg,
                    lon0,
                    kind="outerwear/jackets",
                    size=size,
                )
            )
        urgent_b = g % 4 == 3
        a_urgency: Urgency = "normal" if urgent_b else "high"
        for nid, dlat, urgency, age, size in (
            (f"G{g:05d}-a", 5.0, a_urgency, 40, "50"),
            (f"G{g:05d}-b", -25.0, "high", 10, ""),
        ):
            needs.append(
                Need(
                    nid,
                    2,
                    NOW - timedelta(days=age),
                    "Фонд",
                    "",
                    "",
                    "Гаджет",
                    "clothing",
                    "",
                    q,
                    urgency,
                    lat0 + dlat * deg,
                    lon0,
                    kind="outerwear/jackets",
                    size=size,
                )
            )
    return offers, needs


CASES = {
    "a": ("(a) 5000x1000", lambda: realistic(5_000, 1_000, seed=1)),
    "b": ("(b) 100000x20000", lambda: realistic(100_000, 20_000, seed=2)),
    "c": ("(c) adversarial 4000x4000", lambda: adversarial(2_000, seed=3)),
}


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def child(case: str, algorithm: str) -> None:
    offers, needs = CASES[case][1]()
    params = MatchParams(now=NOW)
    weight = {n.need_id: params.urgency_weights[n.urgency] for n in needs}
    if algorithm == "lp":
        value = lp_optimum(offers, needs, params)
        print(json.dumps({"objective": value}))
        return
    if algorithm == "graph-lp":
        print(json.dumps({"objective": graph_lp_optimum(offers, needs, params)}))
        return
    run = propose if algorithm == "engine" else greedy_propose
    before = _rss_mib()
    start = time.perf_counter()
    proposals = run(offers, needs, [], params)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    objective = sum(weight[p.need_id] * p.quantity for p in proposals)
    full = sum(p.quantity for p in proposals if p.fit_level == 0)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak": peak,
                "increase": max(0.0, peak - before),
                "objective": objective,
                "proposals": len(proposals),
                "full_fit": full / max(1, sum(p.quantity for p in proposals)),
            }
        )
    )


def lp_optimum(offers: list[Offer], needs: list[Need], params: MatchParams) -> int:
    """Independent check: the LP over all brute-force pairs (numpy), solved by HiGHS."""
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    rows_o: list[int] = []
    rows_n: list[int] = []
    coef: list[float] = []
    for category in sorted({o.category for o in offers} - {"other"}):
        os_ = [k for k, o in enumerate(offers) if o.category == category]
        ns = [k for k, n in enumerate(needs) if n.category == category]
        if not os_ or not ns:
            continue
        nan = float("nan")
        olat = np.array([nan if offers[k].lat is None else offers[k].lat for k in os_])
        olon = np.array([nan if offers[k].lon is None else offers[k].lon for k in os_])
        nlat = np.array([nan if needs[k].lat is None else needs[k].lat for k in ns])
        nlon = np.array([nan if needs[k].lon is None else needs[k].lon for k in ns])
        p1, p2 = np.radians(olat)[:, None], np.radians(nlat)[None, :]
        dlon = np.radians(nlon[None, :] - olon[:, None])
        h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
        dist = 2 * 6371.0088 * np.arcsin(np.sqrt(h))
        delivery = np.array([offers[k].can_deliver is True for k in os_])
        reach = np.where(delivery, params.delivery_distance_km, params.max_distance_km)
        ok = dist <= reach[:, None]
        ocity = np.array([offers[k].city.casefold() for k in os_])
        ncity = np.array([needs[k].city.casefold() for k in ns])
        ok |= np.isnan(dist) & (ocity[:, None] == ncity[None, :])
        for a, b in zip(*np.nonzero(ok), strict=True):  # the item must fit, as the problem says
            if item_fit(profile_of(offers[os_[a]]), profile_of(needs[ns[b]])) is None:
                ok[a, b] = False
        oi, nj = np.nonzero(ok)
        rows_o.extend(os_[k] for k in oi)
        rows_n.extend(len(offers) + ns[k] for k in nj)
        coef.extend(params.urgency_weights[needs[ns[k]].urgency] for k in nj)
    m = len(coef)
    cols = np.arange(m)
    matrix = coo_matrix(
        (np.ones(2 * m), (np.array(rows_o + rows_n), np.concatenate([cols, cols]))),
        shape=(len(offers) + len(needs), m),
    )
    capacity = [o.quantity for o in offers] + [n.quantity for n in needs]
    objective = np.array([-c for c in coef])
    res = linprog(objective, A_ub=matrix.tocsr(), b_ub=capacity, bounds=(0, None), method="highs")
    return round(-res.fun)


def graph_lp_optimum(offers: list[Offer], needs: list[Need], params: MatchParams) -> int:
    """The optimum over the engine's candidate graph, by HiGHS: one variable per
    (offer group, need group, urgency), capacities summed over the members."""
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    from matcher.candidates import build_candidates
    from matcher.instance import prepare

    inst = prepare(offers, needs, [], params)
    cands = build_candidates(inst)
    supply = [sum(inst.offer_free[i] for i in g.members) for g in cands.offer_groups]
    demand: dict[tuple[int, int], int] = {}
    for h, group in enumerate(cands.need_groups):
        for j in group.members:
            key = (h, inst.need_weight[j])
            demand[key] = demand.get(key, 0) + inst.need_free[j]
    by_group: dict[int, list[tuple[int, int]]] = {}
    for key in demand:
        by_group.setdefault(key[0], []).append(key)
    rows = {key: len(supply) + k for k, key in enumerate(demand)}
    r_idx: list[int] = []
    c_idx: list[int] = []
    weights: list[float] = []
    bounds: list[int] = []  # arcs bound below what the offer has (`GroupArc.cap`)
    for arc in cands.arcs:
        bound_row = len(supply) + len(demand) + len(bounds)
        if arc.cap:
            bounds.append(arc.cap)
        for key in by_group.get(arc.need_group, []):
            col = len(weights)
            weights.append(key[1])
            r_idx += [arc.offer_group, rows[key]] + ([bound_row] if arc.cap else [])
            c_idx += [col, col] + ([col] if arc.cap else [])
    matrix = coo_matrix(
        (np.ones(len(r_idx)), (np.array(r_idx), np.array(c_idx))),
        shape=(len(supply) + len(demand) + len(bounds), len(weights)),
    )
    res = linprog(
        -np.array(weights),
        A_ub=matrix.tocsr(),
        b_ub=supply + list(demand.values()) + bounds,
        bounds=(0, None),
        method="highs",
    )
    return round(-res.fun)


def run_child(case: str, algorithm: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", case, algorithm],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    print(
        f"{'case':<28}{'algorithm':<10}{'time s':>9}{'peak RSS':>10}{'+RSS MiB':>10}"
        f"{'objective':>11}{'optimum':>10}{'obj/opt':>9}{'full fit':>9}"
    )
    by_case: dict[str, dict[str, dict[str, float]]] = {}
    optima: dict[str, float] = {}
    for case, (label, _) in CASES.items():
        results = by_case[case] = {alg: run_child(case, alg) for alg in ("engine", "greedy")}
        solver = "graph-lp" if case == "b" else "lp"
        optimum = optima[case] = run_child(case, solver)["objective"]
        for alg, r in results.items():
            ratio = r["objective"] / optimum if optimum else 1.0
            print(
                f"{label:<28}{alg:<10}{r['seconds']:>9.2f}{r['peak']:>10.0f}{r['increase']:>10.0f}"
                f"{r['objective']:>11.0f}{optimum:>10.0f}{ratio:>9.4f}{r['full_fit']:>9.1%}"
            )
    e, g = by_case["b"]["engine"], by_case["b"]["greedy"]
    print(
        f"at 100000x20000: engine {e['seconds']:.2f} s, peak {e['peak']:.0f} MiB, "
        f"objective/optimum {e['objective'] / optima['b']:.4f}, "
        f"full-fit share {e['full_fit']:.1%}; greedy objective/optimum "
        f"{g['objective'] / optima['b']:.4f}"
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
