"""The domain rules kept in one place each (helpers.queries, helpers.dates), pinned to facts."""

import pandas as pd
import pytest

import helpers


def test_in_office_on_uses_end_as_the_first_day_out():
    tenures = helpers.table("tenures")
    molotov = tenures[(tenures["person_id"] == "molotov")
                      & (tenures["office_id"] == "presidium_member")]
    assert helpers.in_office_on(molotov, "1957-06-28").any()
    assert not helpers.in_office_on(molotov, "1957-06-29").any()


def test_presidium_seats_are_the_two_kinds_of_membership():
    offices = helpers.table("offices")["office_id"]
    assert set(offices[helpers.is_presidium_seat(offices)]) == {"presidium_member",
                                                                "presidium_candidate"}


def test_the_four_named_in_the_resolution_in_its_order():
    # Resolution of 29 June 1957: "Malenkov, Kaganovich, Molotov and Shepilov, who joined them"
    assert helpers.named_in_resolution() == ["malenkov", "kaganovich", "molotov", "shepilov"]


def test_camps_of_june_1957():
    camps = helpers.june_1957_camps()
    assert camps["khrushchev"] == "for_khrushchev"
    assert camps["molotov"] == "against_khrushchev"
    assert camps["stalin"] == "not_in_leadership"
    camps["khrushchev"] = "changed by a student"
    assert helpers.june_1957_camps()["khrushchev"] == "for_khrushchev"


def test_final_expulsions_are_the_four_in_1961_62():
    final = helpers.party_membership()
    assert sorted(final["person_id"]) == ["kaganovich", "malenkov", "molotov", "shepilov"]
    assert final["date"].dt.year.between(1961, 1962).all()
    molotov = final.set_index("person_id").loc["molotov"]
    assert molotov["date"] == pd.Timestamp("1962-02-09")


def test_readmissions_and_a_bad_kind():
    assert sorted(helpers.party_membership(("readmitted",))["person_id"]) == ["molotov",
                                                                              "shepilov"]
    with pytest.raises(helpers.UnknownIdError):
        helpers.party_membership(("expeled",))


def test_last_presidium_day():
    assert helpers.last_presidium_day("molotov") == pd.Timestamp("1957-06-29")
    assert helpers.last_presidium_day("stalin") == pd.Timestamp("1953-03-05")
    with pytest.raises(helpers.UnknownIdError):
        helpers.last_presidium_day("molotof")


@pytest.mark.parametrize("day, precision, first, last", [
    ("1961-01-01", "year", "1961-01-01", "1961-12-31"),
    ("1957-07-01", "month", "1957-07-01", "1957-07-31"),
    ("1957-06-29", "day", "1957-06-29", "1957-06-29"),
])
def test_earliest_and_latest_day_of_an_imprecise_date(day, precision, first, last):
    assert helpers.earliest_day(day, precision) == pd.Timestamp(first)
    assert helpers.latest_day(day, precision) == pd.Timestamp(last)


def test_format_date_never_claims_more_precision_than_the_sources():
    assert helpers.format_date("1961-01-01", "year") == "1961"
    assert helpers.format_date("1957-09-01", "month") == "September 1957"
    assert helpers.format_date("1962-02-09", "day", "1962-07-26") == "9 February – 26 July 1962"
