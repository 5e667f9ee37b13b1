"""Counts over time, computed from the days on which something changed (fast on any range)."""

from __future__ import annotations

import pandas as pd

from .dataset import load_dataset
from .dates import parse_date
from .errors import BadDateError
from .queries import PRESIDIUM_OFFICES


def presidium_size(start: object = "1953-03-05", end: object = "1958-12-31") -> pd.DataFrame:
    """Number of full members and candidates of the Presidium on every day from start to end.

    Returns one row per day where the count changed (plus the first and last day), with columns
    date, full members, candidates: a step chart of it is exact.
    """
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    if last < first:
        raise BadDateError(f"The end date {last.date()} is before the start date {first.date()}.")
    tenures = load_dataset().frames["tenures"]
    seats = tenures[tenures["office_id"].isin(list(PRESIDIUM_OFFICES))]
    changes = sorted({first, last} | {d for d in pd.concat([seats["start"], seats["end"]]).dropna()
                                      if first <= d <= last})
    days = pd.DatetimeIndex(changes)
    counts = {}
    for office, label in (("presidium_member", "full members"), ("presidium_candidate",
                                                                 "candidates")):
        mine = seats[seats["office_id"] == office]
        starts = mine["start"].to_numpy()
        ends = mine["end"].fillna(pd.Timestamp.max.normalize()).astype("datetime64[s]").to_numpy()
        day_values = days.to_numpy().astype("datetime64[s]")
        counts[label] = [int(((starts <= d) & (d < ends)).sum()) for d in day_values]
    return pd.DataFrame({"date": days, **counts})
