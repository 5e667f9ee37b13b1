"""Imprecise dates never mislead.

A date known only to the month or year is stored as the first day of that month or year, and its
``*_precision`` column says so, so that code can draw it as a span. And no such date is stored
before an event it must follow: a posting of exile cannot be dated before the plenum that removed
the man, nor a step of a career before the step it came after.
"""

import pandas as pd
import pytest

import helpers

#: (table, date column, precision column) for every date in the data.
DATED = [
    ("people", "born", "born_precision"), ("people", "died", "died_precision"),
    ("tenures", "start", "start_precision"), ("tenures", "end", "end_precision"),
    ("events", "date", "date_precision"),
    ("ties", "start", "start_precision"), ("ties", "end", "end_precision"),
]


def _first_day_of_period(day: pd.Timestamp, precision: str) -> bool:
    if precision == "year":
        return day.month == 1 and day.day == 1
    if precision == "month":
        return day.day == 1
    return precision == "day"


@pytest.mark.parametrize("table, column, precision", DATED, ids=lambda x: str(x))
def test_every_date_says_its_precision_and_coarse_dates_are_first_days(table, column, precision):
    frame = helpers.table(table)
    dated = frame[frame[column].notna()]
    assert dated[precision].notna().all(), f"{table}.{column}: a date without {precision}"
    assert frame.loc[frame[column].isna(), precision].isna().all(), f"{table}.{precision} without a date"
    wrong = [(i, d, p) for i, d, p in zip(dated.index, dated[column], dated[precision])
             if not _first_day_of_period(d, p)]
    assert wrong == [], f"{table}.{column}: coarse dates not stored as the first day: {wrong}"


def _tenure(person_id: str, office_id: str) -> pd.Series:
    tenures = helpers.table("tenures")
    row = tenures[(tenures["person_id"] == person_id) & (tenures["office_id"] == office_id)]
    assert len(row) == 1, (person_id, office_id)
    return row.iloc[0]


def _event_date(event_id: str) -> pd.Timestamp:
    events = helpers.table("events").set_index("event_id")
    return events.at[event_id, "date"]


def test_fates_are_never_dated_before_the_plenum_that_removed_the_group():
    plenum = _event_date("antiparty_resolution_1957")
    events = helpers.table("events")
    fates = events[events["category"] == "fate"]
    early = fates[fates["date"] < plenum]
    assert early.empty, f"fates dated before {plenum:%Y-%m-%d}: {list(early['event_id'])}"


def test_posts_of_exile_start_after_the_holder_lost_his_first_top_post():
    """A rank-4 post (exile, demotion, retirement) starts on or after the day its holder lost the
    first of his top posts (rank 1-2) from June 1957 on."""
    plenum = _event_date("antiparty_resolution_1957")
    tenures = helpers.table("tenures").merge(helpers.table("offices")[["office_id", "rank"]],
                                             on="office_id")
    for row in tenures[tenures["rank"] == 4].itertuples():
        lost = tenures[(tenures["person_id"] == row.person_id) & (tenures["rank"] <= 2)
                       & (tenures["end"] >= plenum)]["end"]
        assert not lost.empty, row.person_id
        assert row.start >= lost.min(), (row.person_id, row.office_id, row.start, lost.min())


#: (what must come later, what it must follow): each a date read from the data.
SEQUENCES = [
    (("tenure_start", "pervukhin", "chairman_gkes"), ("tenure_end", "pervukhin", "minister_medium_machine_building")),
    (("tenure_start", "pervukhin", "ambassador_gdr"), ("tenure_end", "pervukhin", "chairman_gkes")),
    (("tenure_start", "shepilov", "director_kyrgyz_institute_economics"), ("tenure_end", "shepilov", "presidium_candidate")),
    (("tenure_start", "bulganin", "chairman_stavropol_sovnarkhoz"), ("tenure_end", "bulganin", "chairman_state_bank")),
    (("tenure_start", "kaganovich", "retired"), ("tenure_start", "kaganovich", "director_asbest_trust")),
    (("tenure_end", "kirilenko", "presidium_candidate"), ("event", "congress_22nd_1961")),
    (("tenure_end", "kalnberzins", "presidium_candidate"), ("event", "congress_21st_1959")),
    (("event", "december_plenum_1958"), ("event", "bulganin_named_antiparty_1958")),
    (("event", "shepilov_expelled_1962"), ("event", "congress_22nd_1961")),
    (("event", "kaganovich_expelled_1962"), ("event", "kaganovich_expulsion_raikom_1962")),
]


def _date(ref: tuple[str, ...]) -> pd.Timestamp:
    kind, *key = ref
    if kind == "event":
        return _event_date(key[0])
    row = _tenure(*key)
    return row["start"] if kind == "tenure_start" else row["end"]


@pytest.mark.parametrize("later, earlier", SEQUENCES, ids=lambda ref: "-".join(ref[1:]))
def test_known_sequences_hold_in_the_stored_dates(later, earlier):
    assert _date(later) >= _date(earlier), f"{later} is stored before {earlier}"


def test_the_audits_year_precision_rows_were_refined():
    """The rows the audit found stored on 1 January (#46-#48) now carry a finer precision."""
    assert _tenure("pervukhin", "chairman_gkes")["start_precision"] == "day"
    assert _tenure("pervukhin", "ambassador_gdr")["start"] == pd.Timestamp("1958-02-21")
    assert _tenure("kirilenko", "presidium_candidate")["end"] == pd.Timestamp("1961-10-31")
    assert _tenure("shepilov", "director_kyrgyz_institute_economics")["start_precision"] == "month"
