"""Turn what a student types into a date, or explain why it is not one."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pandas as pd

import numpy as np

from .errors import BadDateError, shorten

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits only (not ٢ or ２)
EXAMPLE = "'1957-06-18'"


def parse_date(value: object, *, what: str = "date") -> pd.Timestamp:
    """Return ``value`` as a day-precise :class:`pandas.Timestamp`.

    Accepts an ISO string ``YYYY-MM-DD``, a :class:`datetime.date`, a Timestamp (with or
    without a time zone: its own calendar day counts) or a ``numpy.datetime64``.
    Anything else raises :class:`BadDateError` naming the value and the expected form.
    """
    if isinstance(value, np.datetime64):  # what pandas hands out from .values
        value = pd.Timestamp(value)
    if value is pd.NaT:
        raise BadDateError(f"The {what} is missing (NaT). Give a date such as {EXAMPLE}.")
    if isinstance(value, dt.date):  # also datetime.datetime and pd.Timestamp
        # The wall-clock day, also for a time-zone-aware value (no shift to UTC).
        return pd.Timestamp(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise BadDateError(
            f"The {what} must be text in the form YYYY-MM-DD, such as {EXAMPLE}; "
            f"got {type(value).__name__} {shorten(repr(value))}."
        )
    text = value.strip()
    match = _ISO.fullmatch(text)
    if not match:
        raise BadDateError(
            f"{shorten(repr(value))} is not a {what} in the form YYYY-MM-DD. Write it like "
            f"{EXAMPLE} (year, month, day, with leading zeros, in ASCII digits)."
        )
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise BadDateError(f"{value!r} is not a real {what}: there is no month {month}.")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        month_name = calendar.month_name[month]
        raise BadDateError(
            f"{value!r} is not a real {what}: {month_name} {year} has {last_day} days."
        )
    return pd.Timestamp(year, month, day)


def earliest_day(day: object, precision: object = "day") -> pd.Timestamp:
    """The first day a date stored with ``precision`` ('day', 'month', 'year') can mean.
    Dates known to the month or year are stored as the first day of that month or year."""
    day = pd.Timestamp(day)
    if precision == "year":
        return pd.Timestamp(day.year, 1, 1)
    if precision == "month":
        return pd.Timestamp(day.year, day.month, 1)
    return day.normalize()


def latest_day(day: object, precision: object = "day", end: object = None) -> pd.Timestamp:
    """The last day a date can mean: its ``end`` when given (an event that lasted several
    days), else the end of its month or year when only those are known."""
    if end is not None and pd.notna(end):
        return pd.Timestamp(end)
    day = pd.Timestamp(day)
    if precision == "year":
        return pd.Timestamp(day.year, 12, 31)
    if precision == "month":
        return day + pd.offsets.MonthEnd(0)
    return day.normalize()


def format_date(day: object, precision: object = "day", end: object = None) -> str:
    """Write a date as a historian would, no more precisely than the sources give it.

    ``format_date("1957-09-01", "month")`` gives ``"September 1957"``; with ``end`` (the last
    day of a span) the result is a range such as ``"9 February – 26 July 1962"``. A missing
    date gives ``""``.
    """
    if day is None or pd.isna(day):
        return ""
    day = pd.Timestamp(day)
    precision = precision if isinstance(precision, str) else "day"
    if precision == "year":
        text = f"{day.year}"
    elif precision == "month":
        text = f"{day:%B %Y}"
    else:
        text = f"{day.day} {day:%B %Y}"
    if end is None or pd.isna(end):
        return text
    end = pd.Timestamp(end)
    if precision == "day" and end.year == day.year:
        start_text = f"{day.day} {day:%B}" if end.month != day.month else f"{day.day}"
        return f"{start_text} – {end.day} {end:%B %Y}"
    return f"{text} – {end.day} {end:%B %Y}"
