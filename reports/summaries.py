"""What the lead, the NGOs and a call-centre shift ask about: pure pandas functions.

Tables in, tables out, no I/O. The inputs are the canonical records
(docs/architecture.md) as DataFrames, with codes, not labels:

- offers: offer_id, submitted_at, donor_name, phone, city, category, item, quantity
- needs: need_id, submitted_at, organization, contact_name, phone, city, category,
  item, quantity, urgency
- matches: match_id, offer_id, need_id, category, quantity, status, created_at,
  delivered_at, and for calling: urgency, days_waiting, donor_name, donor_phone,
  offer_item, organization, contact_name, ngo_phone, need_item
- problems: source, field (as the Problems tab shows them)

Times are datetimes (NaT when unknown). The coordination tabs and
`mozhem report` both build on these functions (sync/worklists.py, reports/).
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

#: A match still holding its quantity, and one that got at least as far as agreed.
LIVE = ("proposed", "contacted", "agreed", "delivered")
AGREED = ("agreed", "delivered")
#: The way forward, then the two ways out.
FUNNEL = ("proposed", "contacted", "agreed", "delivered", "declined", "cancelled")
#: Ages of a waiting offer, in days: (label, first day, last day or None).
AGE_BUCKETS = (("0-7", 0, 7), ("8-14", 8, 14), ("15-30", 15, 30), ("31+", 31, None))
URGENCY_RANK = {"high": 0, "normal": 1, "low": 2}


def _days(since: pd.Series, now: datetime) -> pd.Series:
    """Calendar days from each time to `now`, never below 0; <NA> when unknown. They
    change at midnight only (as `matcher.instance.age_days`)."""
    return (
        (pd.Timestamp(now).normalize() - pd.to_datetime(since).dt.normalize())
        .dt.days.clip(lower=0)
        .astype("Int64")
    )


def needs_coverage(needs: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Per need, the quantity proposed so far (every match still live), agreed (agreed
    or delivered), delivered, and what is still missing (not proposed yet).

    Columns: need_id, quantity, proposed, agreed, delivered, missing."""
    by_need = (
        matches.assign(
            proposed=matches["quantity"].where(matches["status"].isin(LIVE), 0),
            agreed=matches["quantity"].where(matches["status"].isin(AGREED), 0),
            delivered=matches["quantity"].where(matches["status"] == "delivered", 0),
        )
        .groupby("need_id")[["proposed", "agreed", "delivered"]]
        .sum()
    )
    out = needs[["need_id", "quantity"]].merge(
        by_need, how="left", left_on="need_id", right_index=True
    )
    out[["proposed", "agreed", "delivered"]] = (
        out[["proposed", "agreed", "delivered"]].fillna(0).astype(int)
    )
    out["missing"] = (out["quantity"] - out["proposed"]).clip(lower=0).astype(int)
    return out.reset_index(drop=True)


def open_needs_by_place(needs: pd.DataFrame, coverage: pd.DataFrame) -> pd.DataFrame:
    """Needs still missing something, by category and town, with how much is missing;
    most missing first. Columns: category, city, needs, missing."""
    both = needs[["need_id", "category", "city"]].merge(coverage[["need_id", "missing"]])
    open_ = both[both["missing"] > 0]
    out = (
        open_.groupby(["category", "city"], as_index=False)
        .agg(needs=("need_id", "count"), missing=("missing", "sum"))
        .sort_values(["missing", "needs", "category", "city"], ascending=[False, False, True, True])
    )
    return out.reset_index(drop=True)


def waiting_offers(offers: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Offers no live match uses: still waiting for a need."""
    used = set(matches.loc[matches["status"].isin(LIVE), "offer_id"])
    return offers[~offers["offer_id"].isin(used)]


def waiting_offers_by_age(
    offers: pd.DataFrame, matches: pd.DataFrame, now: datetime
) -> pd.DataFrame:
    """Offers waiting for a need, by how many days since they came in.
    Columns: age (a bucket's label), offers. Every bucket is listed, empty ones with 0."""
    days = _days(waiting_offers(offers, matches)["submitted_at"], now)
    rows = []
    for label, first, last in AGE_BUCKETS:
        inside = days >= first if last is None else days.between(first, last)
        rows.append({"age": label, "offers": int(inside.fillna(False).sum())})
    return pd.DataFrame(rows, columns=["age", "offers"])


def status_funnel(matches: pd.DataFrame) -> pd.DataFrame:
    """How many matches are in each status now, and how many got at least that far.
    Columns: status, matches, reached. `reached` counts, for a step forward, the
    matches at it or beyond (every match was proposed once); for declined and
    cancelled, the matches there."""
    counts = matches["status"].value_counts()
    now_in = [int(counts.get(status, 0)) for status in FUNNEL]
    forward = FUNNEL[:4]
    reached = [
        len(matches) if status == "proposed" else sum(now_in[forward.index(status) :4])
        if status in forward else now_in[FUNNEL.index(status)]
        for status in FUNNEL
    ]  # fmt: skip
    return pd.DataFrame({"status": list(FUNNEL), "matches": now_in, "reached": reached})


def delivery_time(matches: pd.DataFrame) -> pd.DataFrame:
    """Deliveries with both dates known, and the median of days from proposal to
    delivery (None when there are none). One row: deliveries, median_days."""
    done = matches[(matches["status"] == "delivered")].dropna(subset=["created_at", "delivered_at"])
    days = (
        pd.to_datetime(done["delivered_at"]) - pd.to_datetime(done["created_at"])
    ).dt.total_seconds() / 86_400
    median = round(float(days.median()), 1) if len(days) else None
    return pd.DataFrame({"deliveries": [len(days)], "median_days": [median]})


def oldest_urgent_needs(
    needs: pd.DataFrame, coverage: pd.DataFrame, now: datetime, limit: int = 10
) -> pd.DataFrame:
    """The urgent needs still missing something, oldest first (ties by id).
    Columns: need_id, organization, city, item, missing, days_waiting."""
    urgent = needs[needs["urgency"] == "high"].merge(coverage[["need_id", "missing"]])
    urgent = urgent[urgent["missing"] > 0].assign(
        days_waiting=lambda t: _days(t["submitted_at"], now)
    )
    urgent = urgent.sort_values(["submitted_at", "need_id"], na_position="last").head(limit)
    columns = ["need_id", "organization", "city", "item", "missing", "days_waiting"]
    return urgent[columns].reset_index(drop=True)


def weekly_activity(
    offers: pd.DataFrame, needs: pd.DataFrame, matches: pd.DataFrame, weeks: int | None = None
) -> pd.DataFrame:
    """Per week (its Monday), offer lines and needs that came in, and deliveries;
    every week between the first and the last, the last `weeks` of them when given.
    Columns: week, offers, needs, deliveries."""
    delivered = matches.loc[matches["status"] == "delivered", "delivered_at"]
    series = {
        "offers": offers["submitted_at"],
        "needs": needs["submitted_at"],
        "deliveries": delivered,
    }
    counts = {name: _per_week(times) for name, times in series.items()}
    known = [c.index for c in counts.values() if len(c)]
    if not known:
        return pd.DataFrame(columns=["week", *series])
    start = min(index.min() for index in known)
    end = max(index.max() for index in known)
    weeks_index = pd.date_range(start, end, freq="7D")
    out = pd.DataFrame({"week": weeks_index})
    for name, per_week in counts.items():
        out[name] = per_week.reindex(weeks_index, fill_value=0).to_numpy().astype(int)
    return (out.tail(weeks) if weeks else out).reset_index(drop=True)


def _per_week(times: pd.Series) -> pd.Series:
    moments = pd.to_datetime(times).dropna()
    mondays = (moments - pd.to_timedelta(moments.dt.day_of_week, unit="D")).dt.normalize()
    return mondays.value_counts().sort_index()


def problems_by_kind(problems: pd.DataFrame) -> pd.DataFrame:
    """Rows that could not be used as typed, by where they came from and the field;
    most first. Columns: source, field, problems."""
    out = (
        problems.groupby(["source", "field"], as_index=False)
        .size()
        .rename(columns={"size": "problems"})
        .sort_values(["problems", "source", "field"], ascending=[False, True, True])
    )
    return out.reset_index(drop=True)


def call_list(matches: pd.DataFrame) -> pd.DataFrame:
    """Who to call about the matches still proposed: one block per person (each NGO
    contact, each donor), with their pairs. A block comes before another when its
    most urgent, longest-waiting pair does; so do the pairs within it.

    Columns: block (0, 1, …), role (donor | ngo), person, phone, match_id, urgency,
    days_waiting, item (this person's side), quantity, other (the other side),
    other_phone."""
    proposed = matches[matches["status"] == "proposed"]
    donors = proposed.assign(
        role="donor",
        person=proposed["donor_name"],
        phone=proposed["donor_phone"],
        item=proposed["offer_item"],
        other=proposed["organization"],
        other_phone=proposed["ngo_phone"],
    )
    ngos = proposed.assign(
        role="ngo",
        person=_contact(proposed),
        phone=proposed["ngo_phone"],
        item=proposed["need_item"],
        other=proposed["donor_name"],
        other_phone=proposed["donor_phone"],
    )
    calls = pd.concat([donors, ngos], ignore_index=True)
    columns = ["block", "role", "person", "phone", "match_id", "urgency", "days_waiting",
               "item", "quantity", "other", "other_phone"]  # fmt: skip
    if calls.empty:
        return pd.DataFrame(columns=columns)
    calls["rank"] = calls["urgency"].map(URGENCY_RANK).fillna(len(URGENCY_RANK))
    calls["waited"] = pd.to_numeric(calls["days_waiting"], errors="coerce").fillna(-1)
    calls["who"] = calls["role"] + "\x1f" + calls["phone"] + "\x1f" + calls["person"]
    order = ["rank", "waited", "match_id", "role"]
    calls = calls.sort_values(order, ascending=[True, False, True, True])
    first_seen = {who: n for n, who in enumerate(dict.fromkeys(calls["who"]))}
    calls["block"] = calls["who"].map(first_seen)
    calls = calls.sort_values(["block", *order], ascending=[True, True, False, True, True])
    return calls[columns].reset_index(drop=True)


def _contact(matches: pd.DataFrame) -> pd.Series:
    """«Олена (ГО "Світло")»: the person, and the organization they call for."""
    named = matches["contact_name"].fillna("").str.strip()
    org = matches["organization"].fillna("").str.strip()
    both = named + " (" + org + ")"
    return both.where((named != "") & (org != ""), named.where(named != "", org))


def offers_to_reconfirm(
    offers: pd.DataFrame, matches: pd.DataFrame, now: datetime, after_days: int
) -> pd.DataFrame:
    """Offers still waiting for a need `after_days` days or more after they came in:
    worth a call to check the things are still there. Longest waiting first.
    Columns: offer_id, donor_name, phone, city, item, quantity, submitted_at, days_waiting."""
    waiting = waiting_offers(offers, matches)
    waiting = waiting.assign(days_waiting=_days(waiting["submitted_at"], now))
    stale = waiting[waiting["days_waiting"].fillna(-1) >= after_days]
    stale = stale.sort_values(["days_waiting", "offer_id"], ascending=[False, True])
    columns = ["offer_id", "donor_name", "phone", "city", "item", "quantity", "submitted_at",
               "days_waiting"]  # fmt: skip
    return stale[columns].reset_index(drop=True)
