"""Dates: what a student types, read or explained; what a date known to the month or year can
mean; a date written no more precisely than the sources give it."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import numpy as np
import pandas as pd

from .errors import BadDateError, shorten

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits only (not ٢ or ２)
EXAMPLE = "'1957-06-18'"  # the example of the form shown in messages


def parse_date(value: object, *, what: str = "date") -> pd.Timestamp:
    """``value`` (text YYYY-MM-DD, a date, Timestamp or datetime64) as its calendar day."""
    if isinstance(value, np.datetime64):  # what pandas hands out from .values
        value = pd.Timestamp(value)
    if value is pd.NaT:
        raise BadDateError(f"The {what} is missing (NaT). Give a date such as {EXAMPLE}.")
    if isinstance(value, dt.date):  # also datetime.datetime and pd.Timestamp
        return pd.Timestamp(value.year, value.month, value.day)  # the wall-clock day, no shift
    if not isinstance(value, str):
        raise BadDateError(f"The {what} must be text in the form YYYY-MM-DD, such as {EXAMPLE}; "
                           f"got {type(value).__name__} {shorten(repr(value))}.")
    match = _ISO.fullmatch(value.strip())
    if not match:
        raise BadDateError(f"{shorten(repr(value))} is not a {what} in the form YYYY-MM-DD. "
                           f"Write it like {EXAMPLE} (year, month, day, with leading zeros, in "
                           "ASCII digits).")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise BadDateError(f"{value!r} is not a real {what}: there is no month {month}.")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise BadDateError(f"{value!r} is not a real {what}: {calendar.month_name[month]} {year} "
                           f"has {last_day} days.")
    return pd.Timestamp(year, month, day)


def earliest_day(day: object, precision: object = "day") -> pd.Timestamp:
    """The first day a date stored with ``precision`` ('day', 'month', 'year') can mean."""
    day = pd.Timestamp(day)
    if precision == "year":
        return pd.Timestamp(day.year, 1, 1)
    return pd.Timestamp(day.year, day.month, 1) if precision == "month" else day.normalize()


def latest_day(day: object, precision: object = "day", end: object = None) -> pd.Timestamp:
    """The last day a date can mean: its ``end`` if given, else the end of its month or year."""
    if end is not None and pd.notna(end):
        return pd.Timestamp(end)
    day = pd.Timestamp(day)
    if precision == "year":
        return pd.Timestamp(day.year, 12, 31)
    return day + pd.offsets.MonthEnd(0) if precision == "month" else day.normalize()


def format_date(day: object, precision: object = "day", end: object = None) -> str:
    """A date as a historian writes it, no more precisely than its ``precision``: 'September
    1957'; with ``end``, a range such as '9 February – 26 July 1962'; '' for a missing date."""
    if day is None or pd.isna(day):
        return ""
    day, precision = pd.Timestamp(day), precision if isinstance(precision, str) else "day"
    text = {"year": f"{day.year}", "month": f"{day:%B %Y}"}.get(precision, f"{day.day} {day:%B %Y}")
    if end is None or pd.isna(end):
        return text
    end = pd.Timestamp(end)
    if precision == "day" and end.year == day.year:
        text = f"{day.day} {day:%B}" if end.month != day.month else f"{day.day}"
    return f"{text} – {end.day} {end:%B %Y}"
