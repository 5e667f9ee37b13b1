"""The causes of June 1957: facts checked against sources, and the tables' internal logic."""

import pandas as pd
import pytest

import helpers

PLENUM_OPENED, PLENUM_CLOSED = pd.Timestamp("1957-06-22"), pd.Timestamp("1957-06-29")


@pytest.fixture(scope="module")
def causes():
    return helpers.table("causes_1956_1957").set_index("cause_id")


def test_key_dates_of_the_fifteen_months(causes):
    """Secret Speech, the CC statement, the February plenum, the theses, the law, the pledge."""
    dates = causes["date"].dt.strftime("%Y-%m-%d")
    assert dates["secret_speech_1956"] == "1956-02-25"
    assert dates["cult_resolution_1956"] == "1956-06-30"
    assert dates["february_plenum_1957"] == "1957-02-14"
    assert dates["sovnarkhoz_theses_1957"] == "1957-03-30"  # Izvestiya (Laskovsky 1958)
    assert dates["sovnarkhoz_law_1957"] == "1957-05-10"
    assert dates["catch_up_america_1957"] == "1957-05-22"


def test_rows_linked_to_events_agree_with_events_csv(causes):
    events = helpers.table("events").set_index("event_id")
    linked = causes.dropna(subset=["event_id"])
    assert len(linked) >= 6
    assert set(linked["event_id"]) <= set(events.index)
    for cause_id, row in linked.iterrows():
        event = events.loc[row["event_id"]]
        assert row["date"] == event["date"], cause_id
        assert row["date_precision"] == event["date_precision"], cause_id


def test_imprecise_dates_sit_on_their_first_possible_day_and_spans_run_forwards(causes):
    by_month = causes[causes["date_precision"] == "month"]
    assert len(by_month) >= 2 and (by_month["date"].dt.day == 1).all()
    spans = causes.dropna(subset=["end_date"])
    assert (spans["end_date"] >= spans["date"]).all()
    assert causes["date"].max() < PLENUM_OPENED  # causes come before the plenum


def test_every_reading_of_an_effect_names_its_evidence(causes):
    assert (causes["effect_evidence"].str.len() > 20).all()
    assert set(causes["strand"]) == {"de_stalinisation", "eastern_europe", "economy", "leadership"}


def test_execution_list_counts_as_the_two_sources_give_them():
    lists = helpers.table("execution_lists").set_index(["signer_id", "count_source"])
    signed = lists["lists_signed"]
    assert signed[("molotov", "memorial")] == 372
    assert signed[("stalin", "memorial")] == 357  # also The Moscow News, 2013
    assert signed[("kaganovich", "memorial")] == 188
    assert signed[("voroshilov", "memorial")] == 185
    assert signed[("mikoyan", "memorial")] == 8
    assert signed[("molotov", "yakovlev")] == 373
    assert lists.loc[("molotov", "yakovlev"), "names_on_lists"] == 43569
    # In both counts Molotov signed more lists than Stalin himself.
    for count in ("memorial", "yakovlev"):
        assert signed[("molotov", count)] > signed[("stalin", count)]


def test_signers_in_the_leadership_of_1957_are_people_of_the_course():
    lists = helpers.table("execution_lists")
    people = set(helpers.table("people")["person_id"])
    assert {"molotov", "kaganovich", "voroshilov", "mikoyan", "stalin"} <= people
    assert set(lists["signer_id"]) - people == {"zhdanov", "yezhov", "kosior"}


def test_economic_bodies_heads_and_fates():
    bodies = helpers.table("economic_bodies_1957").set_index("body_id")
    people = set(helpers.table("people")["person_id"])
    heads = bodies["presidium_member_id"].dropna()
    assert set(heads) <= people
    assert bodies.loc["ministry_building_materials", "presidium_member_id"] == "kaganovich"
    assert bodies.loc["ministry_building_materials", "abolished_10_may_1957"] == "yes"
    unsettled = bodies[bodies["abolished_10_may_1957"] == "not_verified"]
    assert unsettled["note"].str.contains("not on the page").all()


def test_every_presidium_head_of_an_economic_body_sided_against_khrushchev():
    bodies = helpers.table("economic_bodies_1957")
    camps = bodies["presidium_member_id"].dropna().map(helpers.june_1957_camps())
    assert set(camps) == {"against_khrushchev"}


def test_the_seven_all_held_state_posts_on_18_june_1957():
    """The finding of the causes notebook's chart, recomputed from tenures and offices."""
    tenures = helpers.table("tenures")
    offices = helpers.table("offices")[["office_id", "institution"]]
    posts = tenures[helpers.in_office_on(tenures, "1957-06-18")].merge(offices, on="office_id")
    in_the_state = set(posts.loc[posts["institution"] == "state", "person_id"])
    stances = helpers.table("stances_june_1957")
    full = stances[stances["body"] == "presidium_full"]
    majority = set(full.loc[full["stance"] == "against_khrushchev", "person_id"])
    minority = set(full.loc[full["stance"] == "for_khrushchev", "person_id"])
    assert len(majority) == 7 and majority <= in_the_state
    assert minority & in_the_state == {"mikoyan"}


def test_plenum_moments_fall_within_the_plenum_and_molotov_abstained():
    plenum = helpers.table("plenum_june_1957").set_index("moment_id")
    assert (plenum["earliest_day"] >= PLENUM_OPENED).all()
    assert (plenum["latest_day"] <= PLENUM_CLOSED).all()
    assert (plenum["earliest_day"] <= plenum["latest_day"]).all()
    speakers = set(plenum["person_id"].dropna())
    assert speakers <= set(helpers.table("people")["person_id"])
    vote = plenum.loc["resolution_molotov_abstains"]
    assert vote["person_id"] == "molotov" and "only Molotov abstained" in vote["summary"]
    assert plenum.loc["zhukov_execution_lists", "earliest_day"] == PLENUM_OPENED
    assert "138" in plenum.loc["zhukov_execution_lists", "summary"]
