"""Queries answer what a student asks, and the data keeps the historical record's invariants."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers import BadDateError, UnknownIdError

THE_SEVEN = {"malenkov", "molotov", "kaganovich", "bulganin", "voroshilov", "pervukhin", "saburov"}


def test_presidium_on_18_june_1957_had_11_full_members_7_of_them_against_khrushchev():
    presidium = helpers.presidium_on("1957-06-18")
    full = set(presidium.loc[presidium["status"] == "full member", "person_id"])
    assert len(full) == 11
    stances = helpers.table("stances_june_1957").set_index("person_id")["stance"]
    against = {p for p in full if stances.get(p) == "against_khrushchev"}
    assert against == THE_SEVEN
    assert "khrushchev" in full and "shepilov" not in full


def test_presidium_elected_29_june_1957_had_15_full_members_and_none_of_the_three():
    presidium = helpers.presidium_on("1957-06-30")
    full = set(presidium.loc[presidium["status"] == "full member", "person_id"])
    assert len(full) == 15
    assert not full & {"malenkov", "molotov", "kaganovich", "saburov", "pervukhin"}
    assert {"zhukov", "brezhnev", "furtseva", "khrushchev", "bulganin", "voroshilov"} <= full


def test_the_presidium_formed_at_stalins_death_had_ten_full_members():
    presidium = helpers.presidium_on("1953-03-06")
    assert (presidium["status"] == "full member").sum() == 10
    assert "stalin" not in set(presidium["person_id"])


def test_full_members_come_before_candidates_and_rows_are_named():
    presidium = helpers.presidium_on("1956-03-01")
    statuses = list(presidium["status"])
    assert statuses == sorted(statuses, key=lambda s: s != "full member")
    assert presidium["name"].notna().all() and presidium["name_ru"].notna().all()


@pytest.mark.parametrize("office, day, expected", [
    ("premier", "1954-01-01", "malenkov"),
    ("premier", "1956-01-01", "bulganin"),
    ("premier", "1958-06-01", "khrushchev"),
    ("foreign_minister", "1955-01-01", "molotov"),
    ("foreign_minister", "1956-09-01", "shepilov"),
    ("foreign_minister", "1957-06-18", "gromyko"),
    ("defence_minister", "1957-06-18", "zhukov"),
    ("first_secretary", "1957-06-18", "khrushchev"),
    ("head_of_state", "1957-06-18", "voroshilov"),
    ("kgb_chairman", "1957-06-18", "serov"),
])
def test_holders_of_key_posts(office, day, expected):
    assert list(helpers.holders(office, day)["person_id"]) == [expected]


def test_tenure_end_is_the_first_day_out_of_office():
    day_out = helpers.tenures_of("molotov").query("office_id == 'presidium_member'")["end"].max()
    assert "molotov" in set(helpers.presidium_on(day_out - pd.Timedelta(days=1))["person_id"])
    assert "molotov" not in set(helpers.presidium_on(day_out)["person_id"])


def test_person_and_tenures_of_accept_ids_as_typed():
    assert helpers.person(" Khrushchev ")["name"] == "Nikita Khrushchev"
    assert len(helpers.tenures_of("KHRUSHCHEV")) >= 3


@pytest.mark.parametrize("call, words", [
    (lambda: helpers.person("krushchev"), "Did you mean 'khrushchev'?"),
    (lambda: helpers.person("molotow"), "Did you mean 'molotov'?"),
    (lambda: helpers.tenures_of("malenko"), "Did you mean 'malenkov'?"),
    (lambda: helpers.person("nobody_at_all"), "data/README.md"),
    (lambda: helpers.person(42), "no person with id 42"),
    (lambda: helpers.holders("premiere", "1955-01-01"), "Did you mean 'premier'?"),
    (lambda: helpers.holders(123, "1955-01-01"), "no office with id 123"),
    (lambda: helpers.tenures_of(None), "no person with id None"),
    (lambda: helpers.table("peoples"), "Did you mean 'people'?"),
    (lambda: helpers.person("Nikita Khrushchov"), "Did you mean"),
])
def test_unknown_ids_suggest_close_matches(call, words):
    with pytest.raises(UnknownIdError) as info:
        call()
    assert words in str(info.value)


@pytest.mark.parametrize("call, words", [
    (lambda: helpers.presidium_on("1957-02-30"), "February 1957 has 28 days"),
    (lambda: helpers.presidium_on("18.06.1957"), "YYYY-MM-DD"),
    (lambda: helpers.presidium_on(1957), "got int 1957"),
    (lambda: helpers.holders("premier", "1955-13-01"), "no month 13"),
    (lambda: helpers.holders("premier", None), "got NoneType None"),
    (lambda: helpers.presidium_on("1957-06-31"), "June 1957 has 30 days"),
    (lambda: helpers.presidium_on("yesterday"), "YYYY-MM-DD"),
])
def test_bad_dates_are_explained(call, words):
    with pytest.raises(BadDateError, match=words):
        call()


def test_a_student_cannot_change_the_data_through_a_returned_table():
    people = helpers.table("people")
    people.loc[:, "name"] = "changed"
    assert helpers.person("khrushchev")["name"] == "Nikita Khrushchev"


# Days the Presidium is covered (offices.csv covered_from/covered_to).
DAYS = st.dates(min_value=pd.Timestamp("1953-03-05").date(),
                max_value=pd.Timestamp("1960-12-31").date())


@settings(max_examples=60, deadline=None)
@given(DAYS)
def test_presidium_on_agrees_with_the_definition_of_a_tenure(day):
    tenures = helpers.table("tenures")
    seats = tenures[tenures["office_id"].isin(["presidium_member", "presidium_candidate"])]
    stamp = pd.Timestamp(day)
    held = seats[(seats["start"] <= stamp) & (seats["end"].isna() | (stamp < seats["end"]))]
    assert sorted(helpers.presidium_on(day.isoformat())["person_id"]) == sorted(held["person_id"])


@settings(max_examples=40, deadline=None)
@given(DAYS)
def test_nobody_is_both_full_member_and_candidate_on_one_day(day):
    presidium = helpers.presidium_on(day.isoformat())
    assert presidium["person_id"].is_unique

