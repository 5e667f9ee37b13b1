"""Notebook 06 (Aftermath): its findings, computed here from data/ with pandas, must be what the
stored notebook shows; imprecise dates are drawn as spans that never start too early."""

import pandas as pd
import plotly.express as px
import pytest

import helpers
from helpers.answers import nb06
from helpers.exercises import feedback
from notebook_outputs import figures, markdown, texts, title, values

NOTEBOOK = "06_aftermath"
FOLLOWED = helpers.named_in_resolution() + ["pervukhin", "saburov", "zhukov", "bulganin"]
DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def ranked() -> pd.DataFrame:
    offices = helpers.table("offices")[["office_id", "title", "rank", "place"]]
    return helpers.table("tenures").merge(offices, on="office_id")


def top_rank(ranked: pd.DataFrame, day: str) -> pd.Series:
    return ranked[helpers.in_office_on(ranked, day)].groupby("person_id")["rank"].min()


# ---- nobody was shot ---------------------------------------------------------------------------

def test_beria_lived_months_and_every_man_defeated_in_1957_58_lived_years():
    died = helpers.table("people").set_index("person_id")["died"]
    years = {p: round((died[p] - helpers.last_presidium_day(p)).days / 365.25, 1)
             for p in ["beria"] + FOLLOWED}
    assert years["beria"] < 1
    assert min(years[p] for p in FOLLOWED) >= 16
    table = next(t for t in texts(NOTEBOOK) if "years after" in t)
    for person_id, value in years.items():
        line = next(line for line in table.splitlines() if line.startswith(person_id))
        assert line.rstrip().endswith(f"{value}")


# ---- where they were sent ---------------------------------------------------------------------

def test_every_man_followed_reached_a_post_of_exile_and_the_title_counts_them(ranked):
    exile = ranked[ranked["person_id"].isin(FOLLOWED) & (ranked["rank"] == 4)]
    first = exile.groupby("person_id")["start"].min()
    assert set(first.index) == set(FOLLOWED)
    assert title(figures(NOTEBOOK)[0]) == (
        f"{len(first)} of the {len(FOLLOWED)} were sent to a post of exile or into retirement, "
        f"{first.min().year}–{first.max().year}")


def test_every_post_of_exile_of_the_defeated_has_its_place(ranked):
    exile = ranked[ranked["person_id"].isin(FOLLOWED) & (ranked["rank"] == 4)]
    unplaced = exile.loc[exile["place"].isna(), "office_id"]
    assert set(unplaced) <= {"retired"}  # a pension is not a place


def test_timeline_bars_never_start_before_the_earliest_day_a_post_can_have_begun(ranked):
    posts = ranked[ranked["person_id"].isin(FOLLOWED)]
    names = helpers.table("people").set_index("person_id")["name"]
    starts: dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp]]] = {}
    for r in posts.itertuples():  # (earliest, latest) start of each tenure, by person and post
        starts.setdefault((names[r.person_id], r.title), []).append(
            (helpers.earliest_day(r.start, r.start_precision),
             helpers.latest_day(r.start, r.start_precision)))
    bars = 0
    for trace in figures(NOTEBOOK)[0]["data"]:
        held = trace["name"].endswith(", held")
        for name, post, base in zip(trace["y"], trace["hovertext"], trace["base"]):
            start = pd.Timestamp(base)
            assert any(start >= earliest for earliest, _ in starts[(name, post)])
            if held:  # a solid bar starts on the last day the post can have begun
                assert start in {latest for _, latest in starts[(name, post)]}
            bars += 1
    assert bars > len(FOLLOWED)


def test_posts_known_only_to_the_month_or_year_are_drawn_hatched(ranked):
    vague = ranked[ranked["person_id"].isin(FOLLOWED) & (ranked["start_precision"] != "day")
                   & (ranked["start"] < "1963-01-01")]
    names = helpers.table("people").set_index("person_id")["name"]
    hatched = set()
    for trace in figures(NOTEBOOK)[0]["data"]:
        if trace["name"].endswith("dates uncertain"):
            hatched |= set(zip(trace["y"], trace["hovertext"]))
    assert {(names[r.person_id], r.title) for r in vague.itertuples()} <= hatched


def test_exile_bars_are_labelled_with_the_place_from_the_data(ranked):
    place_of = ranked.dropna(subset=["place"]).set_index("title")["place"].to_dict()
    trace = next(t for t in figures(NOTEBOOK)[0]["data"]
                 if t["name"] == "4 exile or retirement, held")
    labelled = {post: label for post, label in zip(trace["hovertext"], trace["text"]) if label}
    assert labelled and all(place_of[post] == label for post, label in labelled.items())
    exile = ranked[ranked["person_id"].isin(FOLLOWED) & (ranked["rank"] == 4)]
    assert set(labelled.values()) == set(exile["place"].dropna())  # every place is named


def test_no_solid_bar_of_exile_starts_before_the_june_plenum():
    plenum = helpers.table("events").set_index("event_id").at["antiparty_resolution_1957", "date"]
    for trace in figures(NOTEBOOK)[0]["data"]:
        if trace["name"] == "4 exile or retirement, held":
            assert min(pd.Timestamp(b) for b in trace["base"]) >= plenum


# ---- Zhukov and Bulganin -----------------------------------------------------------------------

def test_zhukov_fell_in_four_days_from_the_presidium_decision_to_the_plenum_vote():
    links = helpers.table("event_people").query("person_id == 'zhukov'")
    events = helpers.table("events").merge(links, on="event_id").query(
        "'1957-10-01' <= date <= '1958-12-31'").sort_values("date")
    days = list(events["date"].dt.day)
    assert days[:3] == [25, 26, 29]
    shown = "".join(texts(NOTEBOOK))
    for row in events.itertuples():
        assert row.title in shown
    assert "flew back on\n26 October" in markdown(NOTEBOOK)  # finding #28


# ---- who kept, lost or gained ----------------------------------------------------------------

def test_rank_chart_title_and_counts_come_from_the_data(ranked):
    members = helpers.presidium_on("1957-06-18")[["person_id", "name"]]
    members["camp"] = members["person_id"].map(helpers.june_1957_camps())
    first, last = top_rank(ranked, "1957-06-18"), top_rank(ranked, "1958-12-31")
    members["step"] = members["person_id"].map(last).fillna(5) - members["person_id"].map(first)
    against = members.query("camp == 'against_khrushchev'")
    fell = members.query("camp == 'for_khrushchev' and step > 0")["name"].str.split().str[-1]
    assert list(fell) == ["Zhukov"]
    assert title(figures(NOTEBOOK)[1]) == (
        f"By 1958-12-31, {(against['step'] > 0).sum()} of the {len(against)} who moved against "
        f"Khrushchev had lost rank; of his backers, {' and '.join(fell)} fell")


def test_rank_axis_labels_every_rank_including_exile():
    axis = figures(NOTEBOOK)[1]["layout"]["xaxis"]
    assert values(axis["tickvals"])[:4] == [1, 2, 3, 4]
    assert axis["ticktext"][3] == "4 exile"  # classroom finding C6


# ---- expulsion and readmission ---------------------------------------------------------------

def test_membership_table_shows_every_step_and_each_disputed_date():
    steps = helpers.party_membership(("expulsion_step", "expelled", "readmission_step",
                                      "readmitted"))
    disagreements = helpers.table("disagreements").query("table == 'events'")
    shown = next(t for t in texts(NOTEBOOK) if "another source says" in t)
    for row in steps.itertuples():
        assert helpers.format_date(row.date, row.date_precision, row.end_date) in shown
    for value in disagreements[disagreements["record"].isin(steps["event_id"])]["alternative_value"]:
        assert value in shown
    readmitted = set(steps.query("change == 'readmitted'")["person_id"])
    assert readmitted == {"shepilov", "molotov"}
    assert "Neither man was ever readmitted" in markdown(NOTEBOOK)  # finding #29


@pytest.mark.parametrize("phrase", [
    "where he worked until 1959, when he retired on a pension",  # #26
    "is an error, not a later posting",                          # #26
    "Main Archival\nAdministration",                            # #27
    "so the date is plausible",                                  # #30
    "That is a judgement you may dispute",                      # #31
])
def test_history_findings_are_in_the_prose(phrase):
    assert phrase in markdown(NOTEBOOK)


# ---- exercises ------------------------------------------------------------------------------

@pytest.mark.parametrize(("exercise_id", "expected"), [
    ("06-1", "shepilov"),            # died 18 Aug 1995 (wp_en_dmitri_shepilov)
    ("06-2", "representative_iaea"),  # Vienna, Sep 1960 - Nov 1961 (shubin_molotov_chronology)
    ("06-3", ["brezhnev", "furtseva", "kozlov", "shvernik", "mukhitdinov"]),
    ("06-5", 4),  # disagreements on three expulsions and Molotov's readmission
])
def test_exercise_answers_match_the_record(exercise_id, expected):
    assert feedback(exercise_id, expected) == "Correct! Well done."


def _dumbbell(ranked, last):
    members = helpers.presidium_on("1957-06-18")[["person_id", "name"]]
    members["camp"] = members["person_id"].map(helpers.june_1957_camps()).map(helpers.CAMP_LABELS)
    members["1957-06-18"] = members["person_id"].map(top_rank(ranked, "1957-06-18"))
    members[last] = members["person_id"].map(top_rank(ranked, last)).fillna(5)
    long = members.melt(id_vars=["name", "camp"], value_vars=["1957-06-18", last],
                        var_name="day", value_name="rank")
    fig = px.scatter(long, x="rank", y="name", color="camp", symbol="day",
                     symbol_map={"1957-06-18": "circle-open", last: "circle"})
    # as in the notebook: one legend entry per camp
    return fig.for_each_trace(lambda t: t.update(showlegend=t.name.endswith(last),
                                                 name=t.name.split(",")[0]))


def test_the_judge_of_05_4_wants_the_ranks_at_the_end_of_1961(ranked):
    judge = nb06.rank_chart_at_end_of_1961
    assert judge(_dumbbell(ranked, "1961-12-31")) is None
    assert "still at 31 December 1958" in judge(_dumbbell(ranked, "1958-12-31"))
    assert "Pass the figure" in judge(None)
