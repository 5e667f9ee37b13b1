"""Counts over time, computed with sorted arrays so that they scale to any range of days."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dataset import load_dataset
from .dates import parse_date
from .errors import BadDateError
from .queries import PRESIDIUM_OFFICES


def seats_on(days: pd.DatetimeIndex, office: str) -> np.ndarray:
    """Number of people holding ``office`` on each of ``days`` (start <= day < end).

    Counts the starts on or before each day and subtracts the ends on or before it: two binary
    searches over sorted arrays instead of one query per day.
    """
    tenures = load_dataset().frames["tenures"]
    held = tenures[tenures["office_id"] == office]
    starts = np.sort(held["start"].to_numpy(dtype="datetime64[s]"))
    ends = np.sort(held["end"].dropna().to_numpy(dtype="datetime64[s]"))
    when = days.to_numpy(dtype="datetime64[s]")
    return (np.searchsorted(starts, when, side="right")
            - np.searchsorted(ends, when, side="right")).astype(int)


def change_days(tenures: pd.DataFrame, first: pd.Timestamp,
                last: pd.Timestamp) -> pd.DatetimeIndex:
    """``first``, ``last`` and every start or end of ``tenures`` between them, sorted: the days
    on which a count of office holders can change (enough for an exact step chart)."""
    changes = pd.concat([tenures["start"], tenures["end"]]).dropna()
    inside = changes[(changes >= first) & (changes <= last)]
    return pd.DatetimeIndex(sorted({first, last} | set(inside)))


def presidium_size(start: object = "1953-03-05", end: object = "1958-12-31",
                   every_day: bool = False) -> pd.DataFrame:
    """Number of full members and candidates of the Presidium between ``start`` and ``end``.

    By default one row per day on which the count changed (plus the first and last day), which
    is exact for a step chart; ``every_day=True`` gives one row for every day.
    """
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    if last < first:
        raise BadDateError(f"The end date {last.date()} is before the start date {first.date()}.")
    if every_day:
        days = pd.date_range(first, last, freq="D")
    else:
        tenures = load_dataset().frames["tenures"]
        seats = tenures[tenures["office_id"].isin(list(PRESIDIUM_OFFICES))]
        days = change_days(seats, first, last)
    return pd.DataFrame({"date": days,
                         "full members": seats_on(days, "presidium_member"),
                         "candidates": seats_on(days, "presidium_candidate")})
