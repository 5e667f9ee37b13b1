"""Notebook 00 (start here): what it states, computed here from the tables, must be what the
stored notebook shows. A changed fact in data/ turns one of these red."""

import pandas as pd
import plotly.express as px
import pytest

import helpers
from helpers.exercises import feedback
from notebook_outputs import figures, markdown as prose, text as texts, title

NAME = "00_start_here"
CAMPS = helpers.june_1957_camps()


def test_presidium_of_18_june_1957_counts():
    counts = helpers.presidium_on("1957-06-18")["status"].value_counts()
    assert (counts["full member"], counts["candidate"]) == (11, 7)
    assert "full member    11\ncandidate       7" in texts(NAME)
    assert "Eleven full members could vote on 18 June; the seven candidates" in prose(NAME)


def test_size_title_from_first_day_to_peak():
    first = helpers.presidium_on("1953-03-05").query("status == 'full member'")
    june = helpers.presidium_on("1957-06-29").query("status == 'full member'")
    assert (len(first), len(june)) == (10, 15)
    titles = [title(f) for f in figures(NAME)]
    assert "The Presidium grew from 10 full members to 15 in June 1957" in titles


def test_longest_service_was_shared_by_both_camps():
    day = pd.Timestamp("1957-06-18")
    tenures = helpers.table("tenures")
    seats = tenures[helpers.is_presidium_seat(tenures["office_id"]) & (tenures["start"] < day)]
    seats = seats[seats["person_id"].isin(helpers.presidium_on(day)["person_id"])]
    days = (seats["end"].fillna(day).clip(upper=day) - seats["start"]).dt.days
    service = days.groupby(seats["person_id"]).sum()
    longest = service[service == service.max()].index
    movers = [p for p in longest if CAMPS[p] == "against_khrushchev"]
    assert {"khrushchev", "mikoyan"} <= set(longest)  # history audit #3
    expected = (f"{len(longest)} had sat longest ({round(service.max() / 365.25, 1)} years): "
                f"{len(movers)} who moved against Khrushchev and {len(longest) - len(movers)} "
                "who did not")
    assert expected == ("10 had sat longest (4.7 years): 7 who moved against Khrushchev and "
                        "3 who did not")
    assert expected in [title(f) for f in figures(NAME)]


def test_prose_follows_the_history_audit():
    text = prose(NAME)
    # 1: the resolution's title names three; Shepilov is in its text.
    assert ('titled "On the anti-party group of G. M. Malenkov, L. M. Kaganovich and V. M. '
            'Molotov"') in text
    # 2/16: "at the last minute" is attributed, with Shepilov's counter-account.
    assert "is the winners' account" in text and "Shepilov denies" in text
    # 4: the MVD absorbed the MGB in March 1953.
    assert "absorbed the Ministry of State Security (MGB)" in text
    # classroom C9 and S10: colour words match the colours; the question does not give away 00-3.
    assert "orange" not in text and 'helpers.person("shepilof")' not in text


@pytest.mark.parametrize("exercise_id, answer", [
    ("00-1", 10),          # Presidium of 5/6 March 1953 (tenures.csv; Wilson Center protocol)
    ("00-2", "bulganin"),  # premier 8 Feb 1955 - 27 Mar 1958 (tenures.csv)
    ("00-3", "shepilov"),  # the candidate against Khrushchev (stances_june_1957.csv)
])
def test_exercise_answers_pinned(exercise_id, answer):
    assert feedback(exercise_id, answer) == "Correct! Well done."


def test_exercise_4_judges_the_chart_of_30_june():
    people = helpers.presidium_on("1957-06-30")
    right = px.bar(people, x="status", y="name")
    assert feedback("00-4", right) == "Correct! Well done."
    old = px.bar(helpers.presidium_on("1957-06-18"), x="status", y="name")
    assert "still shows the Presidium of 18 June" in feedback("00-4", old)
    assert "figure itself" in feedback("00-4", "figure")
