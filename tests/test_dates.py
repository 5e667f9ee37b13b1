"""parse_date: what a student types becomes a date, or a message saying how to fix it."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import BadDateError, parse_date


@pytest.mark.parametrize("value", ["1957-06-18", " 1957-06-18 ", dt.date(1957, 6, 18),
                                   dt.datetime(1957, 6, 18, 15, 30), pd.Timestamp("1957-06-18 09:00")])
def test_accepts_the_forms_a_student_uses(value):
    assert parse_date(value) == pd.Timestamp("1957-06-18")


@pytest.mark.parametrize("value, words", [
    ("18/06/1957", "YYYY-MM-DD"),
    ("1957-6-18", "leading zeros"),
    ("June 18, 1957", "YYYY-MM-DD"),
    ("", "YYYY-MM-DD"),
    ("1957-02-30", "February 1957 has 28 days"),
    ("1956-02-30", "February 1956 has 29 days"),
    ("1957-13-01", "no month 13"),
    ("1957-00-10", "no month 0"),
    ("1957-04-31", "April 1957 has 30 days"),
])
def test_malformed_and_impossible_dates_are_explained(value, words):
    with pytest.raises(BadDateError, match=words):
        parse_date(value)


@pytest.mark.parametrize("value", [1957, 19570618.0, None, ["1957-06-18"], pd.NaT])
def test_wrong_types_name_the_type(value):
    with pytest.raises(BadDateError) as info:
        parse_date(value)
    assert "1957-06-18" in str(info.value)


@settings(deadline=None)  # a loaded machine must not fail a correct test
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_real_date_round_trips_through_its_iso_text(day):
    assert parse_date(day.isoformat()).date() == day


@settings(deadline=None)
@given(st.integers(1000, 9999), st.integers(1, 12), st.integers(29, 40))
def test_days_past_the_end_of_the_month_are_rejected(year, month, day):
    try:
        real = dt.date(year, month, day)
    except ValueError:
        with pytest.raises(BadDateError, match="is not a real date"):
            parse_date(f"{year:04d}-{month:02d}-{day:02d}")
    else:
        assert parse_date(real.isoformat()).day == day


def test_no_glibc_only_strftime_flags_in_the_code():
    # '%-d' raises "Invalid format string" on Windows (review 4.7); write f"{d.day} {d:%B %Y}"
    # or helpers.format_date instead.
    from helpers.paths import REPO_ROOT
    for path in (REPO_ROOT / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for flag in ("%-d", "%-m", "%-H", "%-I", "%-M", "%-S", "%-j"):
            assert flag not in text, f"{path.name} uses {flag}"
