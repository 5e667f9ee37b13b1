"""Notebook 02 (power shifts): each finding its charts state is computed here from the tables,
and the stored notebook must state it. A changed fact in data/ turns one of these red."""

import pandas as pd
import pytest

import helpers
from helpers.exercises import feedback
from notebook_outputs import figures, markdown as prose, title

NAME = "02_power_shifts"
KEY_POSTS = ["first_secretary", "premier", "head_of_state", "foreign_minister",
             "defence_minister", "interior_minister", "kgb_chairman"]
CAMPS = helpers.june_1957_camps()


def _stored(start: str) -> dict:
    """The stored figure whose title starts with ``start``."""
    found = [f for f in figures(NAME) if title(f).startswith(start)]
    assert len(found) == 1, f"no single stored figure titled {start!r}: {map(title, figures(NAME))}"
    return found[0]


def _holders(day: str) -> pd.Series:
    """Camp of the holder of each key post on ``day`` (posts nobody held are left out)."""
    tenures = helpers.table("tenures")
    posts = tenures[tenures["office_id"].isin(KEY_POSTS)]
    held = posts[helpers.in_office_on(posts, day)]
    assert held["office_id"].is_unique  # one holder at a time
    return pd.Series(list(held["person_id"].map(CAMPS)), index=list(held["office_id"]))


def test_key_posts_title_counts_the_opponents_posts_in_1953_and_1958():
    march_1953, end_1958 = _holders("1953-03-15"), _holders("1958-12-31")
    theirs_1953 = (march_1953 == "against_khrushchev").sum()
    theirs_1958 = end_1958[end_1958 == "against_khrushchev"]
    assert (theirs_1953, len(march_1953), list(theirs_1958.index)) == (4, 5, ["head_of_state"])
    stored = _stored("Khrushchev's future opponents held")
    assert title(stored) == ("Khrushchev's future opponents held 4 of 5 key posts in March 1953 "
                             "and 1 at the end of 1958 (head of state)")


def test_key_posts_chart_has_seven_posts_and_the_caption_says_seven():
    stored = _stored("Khrushchev's future opponents held")
    rows = {y for trace in stored["data"] for y in trace["y"]}
    assert len(rows) == len(KEY_POSTS) == 7  # history audit #9: seven posts, not eight
    assert "seven key posts" in prose(NAME) and "eight posts" not in prose(NAME)


def test_seats_title_both_camps_had_sat_in_stalins_last_presidium():
    voters = helpers.presidium_on("1957-06-18").query("status == 'full member'")["person_id"]
    stalins_last = set(helpers.presidium_on("1953-03-04")["person_id"])
    veterans = [p for p in voters if p in stalins_last]
    opponents = [p for p in veterans if CAMPS[p] == "against_khrushchev"]
    assert (len(veterans), len(voters), len(opponents)) == (10, 11, 7)
    assert {"khrushchev", "mikoyan"} <= set(veterans)  # history audit #11
    assert title(_stored("10 of the 11 voters")) == (
        "10 of the 11 voters of 18 June 1957 had sat in Stalin's last Presidium: 7 who moved "
        "against Khrushchev and 3 who did not")


def test_balance_title_and_colours():
    full = helpers.presidium_on("1957-06-18").query("status == 'full member'")
    against = full["person_id"].map(CAMPS) == "against_khrushchev"
    after = helpers.presidium_on("1957-06-30").query("status == 'full member'")
    kept = sorted(p for p in after["person_id"] if CAMPS[p] == "against_khrushchev")
    assert (against.sum(), len(full), kept) == (7, 11, ["bulganin", "voroshilov"])
    stored = _stored("Khrushchev's opponents held")
    assert "7 of 11 full seats on 18 June 1957" in title(stored)
    assert "only Bulganin and Voroshilov kept theirs" in title(stored)
    colours = {trace["name"]: trace["line"]["color"] for trace in stored["data"]}
    assert colours["Against Khrushchev"] == helpers.CAMP_COLOURS["against_khrushchev"]
    assert colours["For Khrushchev"] == helpers.CAMP_COLOURS["for_khrushchev"]


def test_posts_held_title_names_the_leader_with_most_posts_on_1_october_1958():
    counted = helpers.table("tenures")
    counted = counted[counted["office_id"].isin([*KEY_POSTS, "presidium_member"])]
    held = counted[helpers.in_office_on(counted, "1958-10-01")]["person_id"].value_counts()
    assert held.idxmax() == "khrushchev" and held.max() == 3  # First Secretary, premier, seat
    assert title(_stored("On 1 October 1958")) == (
        "On 1 October 1958 Khrushchev held more key posts than anyone")


def test_events_title_and_imprecise_dates_drawn_as_spans():
    events = helpers.table("events")
    events = events[events["date"] <= "1962-12-31"]
    exact = events[events["date_precision"] == "day"]
    busiest = exact["date"].dt.to_period("M").value_counts()
    stored = _stored("The busiest month")
    assert title(stored) == (f"The busiest month in the record is {busiest.idxmax():%B %Y}, "
                             f"with {busiest.max()} events")
    dots = [t for t in stored["data"] if t["type"] == "scatter"]
    bars = [t for t in stored["data"] if t["type"] == "bar"]
    vague = events[events["date_precision"] != "day"]
    # Every vague date is a bar from its first possible day, none is a dot.
    dotted = {title_ for t in dots for title_ in t["hovertext"]}
    assert not dotted & set(vague["title"])
    starts = sorted(str(b)[:10]
                    for t in bars for b in t["base"])
    assert starts == sorted(f"{d:%Y-%m-%d}" for d in vague["date"])


def test_slider_opens_each_date_with_its_presidium():
    slider = _stored("The Presidium on any date")
    frames = {frame["name"]: frame for frame in slider["frames"]}
    june = frames["1957-06-18"]
    full = sum(1 for trace in june["data"] for x in trace["x"] if x == "full member")
    assert full == len(helpers.presidium_on("1957-06-18").query("status == 'full member'"))
    trace = june["data"][0]
    colour_of = dict(zip(trace["text"], trace["marker"]["color"]))
    assert colour_of["Mukhitdinov"] == helpers.CAMP_COLOURS["unclear"]  # drawn, not dropped
    assert colour_of["Molotov"] == helpers.CAMP_COLOURS["against_khrushchev"]
    key = slider["layout"]["title"]["subtitle"]["text"]
    assert "Unclear" in key and helpers.CAMP_LABELS["not_in_leadership"] in key  # classroom S8
    assert not slider["layout"].get("updatemenus")


def test_captions_name_the_colours_plotly_draws():
    text = prose(NAME)
    assert "orange" not in text and "vermillion" in text  # classroom C9
    assert "purge" not in text  # history audit #12


@pytest.mark.parametrize("exercise_id, answer", [
    ("02-1", "zhukov"),        # defence minister 9 Feb 1955 - 26 Oct 1957 (tenures.csv)
    ("02-2", 15),              # Presidium of 1 Jan 1958 (tenures.csv; Izvestiya TsK 1990/7)
    ("02-3", "1958-03-27"),    # Khrushchev premier (tenures.csv)
])
def test_exercise_answers_pinned(exercise_id, answer):
    assert feedback(exercise_id, answer) == "Correct! Well done."


def test_exercise_4_judges_the_changed_figure():
    import plotly.express as px
    events = helpers.table("events")
    in_1957 = events[events["date"].dt.year == 1957]
    right = px.scatter(in_1957, x="date", y="category", hover_name="title")
    assert feedback("02-4", right) == "Correct! Well done."
    everything = px.scatter(events, x="date", y="category", hover_name="title")
    assert "outside 1957" in feedback("02-4", everything)
    assert "figure itself" in feedback("02-4", "figure")
