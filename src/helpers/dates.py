"""Turn what a student types into a date, or explain why it is not one."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pandas as pd

from .errors import BadDateError

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
EXAMPLE = "'1957-06-18'"


def parse_date(value: object, *, what: str = "date") -> pd.Timestamp:
    """Return ``value`` as a day-precise :class:`pandas.Timestamp`.

    Accepts an ISO string ``YYYY-MM-DD``, a :class:`datetime.date` or a Timestamp.
    Anything else raises :class:`BadDateError` naming the value and the expected form.
    """
    if value is pd.NaT:
        raise BadDateError(f"The {what} is missing (NaT). Give a date such as {EXAMPLE}.")
    if isinstance(value, pd.Timestamp):
        return value.normalize()
    if isinstance(value, dt.date):  # also datetime.datetime
        return pd.Timestamp(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise BadDateError(
            f"The {what} must be text in the form YYYY-MM-DD, such as {EXAMPLE}; "
            f"got {type(value).__name__} {value!r}."
        )
    text = value.strip()
    match = _ISO.match(text)
    if not match:
        raise BadDateError(
            f"{value!r} is not a {what} in the form YYYY-MM-DD. Write it like {EXAMPLE} "
            "(year, month, day, with leading zeros)."
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
