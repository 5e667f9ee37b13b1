"""Read a student's answer in whatever form pandas or Python hands it out.

Each ``as_*`` function returns the answer as one plain value (``str``, ``float``,
``pd.Timestamp``, days as ``int``, a ``list`` of ids) or raises :class:`NotThatForm` with a
sentence saying what the answer looks like and what the question wants instead.
"""

from __future__ import annotations

import datetime as dt
import itertools
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

#: No exercise asks for more items than this; a longer (or endless) iterator is cut off here.
MAX_ITEMS = 1000
ID_COLUMNS = ("person_id", "office_id", "event_id", "source_id")


class NotThatForm(ValueError):
    """The answer is not of the form the question asks for (message: what to do instead)."""


def items(value: Any, column: str | None = None) -> list[Any] | None:
    """The items of a list-like answer, or None for a scalar. A table gives its ``column``
    (else its first id column, else its only column). An endless iterator never hangs: more
    than ``MAX_ITEMS`` items raises NotThatForm."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return None
    if isinstance(value, pd.DataFrame):
        columns = [c for c in (column, *ID_COLUMNS) if c in value.columns]
        if not columns and value.shape[1] != 1:
            raise NotThatForm(f"That is a table with columns {list(value.columns)[:6]}; "
                              "give the one column the question asks for.")
        value = value[columns[0]] if columns else value.iloc[:, 0]
    if isinstance(value, np.ndarray) and value.ndim != 1:
        raise NotThatForm(f"That is an array of shape {value.shape}; give a flat list.")
    taken = list(itertools.islice(iter(value), MAX_ITEMS + 1))
    if len(taken) > MAX_ITEMS:
        raise NotThatForm(f"That answer has more than {MAX_ITEMS} items; "
                          "the question asks for a few.")
    return taken


def single(value: Any, column: str | None = None) -> Any:
    """A scalar answer, unwrapping a one-item list, Series or one-row table."""
    listed = items(value, column)
    if listed is None:
        return value.item() if isinstance(value, np.generic) else value
    if len(listed) == 1:
        return single(listed[0])
    raise NotThatForm(f"That answer holds {len(listed)} values; the question asks for one.")


def as_text(value: Any, column: str | None = None) -> str:
    """A text answer (an id, a yes/no verdict), lower-cased and stripped."""
    value = single(value, column)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (numbers.Number, dt.date, dt.timedelta)):
        raise NotThatForm(f"{value!r} is not text; this question wants a word or an id "
                          "in quotes, such as \"bulganin\".")
    if not isinstance(value, str):
        raise NotThatForm(f"That is a {type(value).__name__}; this question wants a word or an "
                          "id in quotes, such as \"bulganin\".")
    return value.strip().lower()


def as_number(value: Any) -> float:
    """A numeric answer: int, float, numpy number, or digits as text."""
    value = single(value)
    if isinstance(value, (pd.Timedelta, dt.timedelta)):
        raise NotThatForm(f"That is a duration ({pd.Timedelta(value).days} days); the question "
                          "asks for a number: add .days to get it.")
    if isinstance(value, bool):
        raise NotThatForm(f"{value} is True/False; the question asks for a number.")
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            raise NotThatForm(f"{value!r} is not a number; type the number itself, "
                              "without quotes.") from None
    if isinstance(value, numbers.Number):
        return float(value)
    raise NotThatForm(f"That is a {type(value).__name__}; the question asks for one number.")


def as_date(value: Any) -> pd.Timestamp:
    """A date answer: Timestamp, datetime.date, numpy datetime64, or text such as '1957-06-18'."""
    value = single(value)
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, (pd.Timestamp, dt.date)):
        if pd.isna(value):
            raise NotThatForm("That date is empty (NaT); give a date such as '1957-06-18'.")
        return pd.Timestamp(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return pd.Timestamp(value.strip()).normalize()
        except ValueError:
            raise NotThatForm(f"{value!r} is not a date; write it like '1957-06-18'.") from None
    raise NotThatForm(f"That is a {type(value).__name__}; the question asks for a date "
                      "such as '1957-06-18'.")


def as_days(value: Any) -> int | float:
    """A duration answer in days: Timedelta, datetime.timedelta, a number of days, '122 days'."""
    value = single(value)
    if isinstance(value, np.timedelta64):
        value = pd.Timedelta(value)
    if isinstance(value, (pd.Timedelta, dt.timedelta)):
        if pd.isna(value):
            raise NotThatForm("That duration is empty (NaT).")
        return pd.Timedelta(value) / pd.Timedelta(days=1)
    if isinstance(value, str) and not value.strip().replace(".", "").isdigit():
        try:
            return pd.Timedelta(value.strip()) / pd.Timedelta(days=1)
        except ValueError:
            raise NotThatForm(f"{value!r} is not a duration; give the number of days.") from None
    return as_number(value)


def as_id_list(value: Any, column: str | None = None) -> list[str]:
    """A list of ids in any order (a list, set, Series, Index or a table with an id column)."""
    listed = items(value, column)
    if listed is None:
        listed = [value]
    return [as_text(item) for item in listed]
