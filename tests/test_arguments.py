"""Arguments checked everywhere (review 1.3-1.4, 1.7, 1.15-1.19, 1.22): ids normalised and
resolved from Russian names, unknown ids refused with a suggestion, non-strings named by type,
echoed values cut short, dates in every form pandas hands out."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import BadDateError, CourseError, UnknownIdError, parse_date


@pytest.mark.parametrize("typed", [
    " Khrushchev ", "KHRUSHCHEV", "Khrushchev\xa0", "khrushchev\n",
    "ｋｈｒｕｓｈｃｈｅｖ",  # full width (NFKC)
    "khrushchev\u200b",  # zero-width space
    "Хрущёв", "хрущев", "ХРУЩЕВ", "Никита Сергеевич Хрущёв",  # through name_ru, ё as е
    "Nikita Khrushchev",
])
def test_a_person_id_is_found_however_it_is_typed(typed):
    assert helpers.person(typed)["name"] == "Nikita Khrushchev"
    assert len(helpers.tenures_of(typed)) >= 3
    assert helpers.last_presidium_day(typed) == pd.Timestamp("1964-10-14")


@pytest.mark.parametrize("typed, best", [
    ("Хрушев", "khrushchev"), ("molotow", "molotov"), ("Молотоф", "molotov"),
])
def test_a_near_miss_gets_a_suggestion_also_in_russian(typed, best):
    with pytest.raises(UnknownIdError, match=f"Did you mean '{best}'"):
        helpers.person(typed)


@pytest.mark.parametrize("value, type_name", [
    (None, "NoneType"), (1, "int"), (1.5, "float"), (["khrushchev"], "list"),
    ({"id": "khrushchev"}, "dict"), (pd.Series(["khrushchev"]), "Series"),
])
def test_a_non_string_id_is_named_by_its_type_without_a_wild_guess(value, type_name):
    with pytest.raises(UnknownIdError) as info:
        helpers.person(value)
    message = str(info.value)
    assert type_name in message and "Did you mean" not in message  # None is not 'konev'
    with pytest.raises(UnknownIdError, match=type_name):
        helpers.holders(value, "1956-01-01")


def test_an_echoed_value_is_cut_short():
    huge = "k" * 1_000_000
    for call in (lambda: helpers.person(huge), lambda: helpers.holders(huge, "1956-01-01"),
                 lambda: helpers.presidium_on(huge), lambda: helpers.table(huge)):
        with pytest.raises(CourseError) as info:
            call()
        assert len(str(info.value)) < 400


@pytest.mark.parametrize("typed", ["TENURES", " tenures ", "tenures.csv", "Tenures.CSV"])
def test_table_names_are_normalised_like_every_other_id(typed):
    assert len(helpers.table(typed)) == len(helpers.table("tenures"))


def test_office_ids_are_normalised_too():
    assert list(helpers.holders(" First Secretary ", "1957-06-18")["person_id"]) == ["khrushchev"]
    assert list(helpers.holders("PREMIER", "1956-01-01")["person_id"]) == ["bulganin"]


@pytest.mark.parametrize("value", [
    pd.Timestamp("1957-06-18 23:30", tz="Pacific/Kiritimati"),  # review 1.4
    pd.Timestamp("1957-06-18 00:30", tz="Europe/Moscow"),
    pd.Timestamp("1957-06-18 12:00", tz="UTC"),
    dt.datetime(1957, 6, 18, 1, tzinfo=dt.timezone(dt.timedelta(hours=14))),
    np.datetime64("1957-06-18"),  # review 1.3
    np.datetime64("1957-06-18T23:59:59"),
])
def test_tz_aware_and_numpy_dates_give_their_wall_clock_day(value):
    assert parse_date(value) == pd.Timestamp("1957-06-18")
    assert len(helpers.presidium_on(value)) == 18
    assert list(helpers.holders("premier", value)["person_id"]) == ["bulganin"]


@pytest.mark.parametrize("value", ["٢٠٠٠-٠١-٠١", "１９５７-０６-１８", "1957-06-18\u0660"])
def test_only_ascii_digits_make_a_date(value):  # review 1.7
    with pytest.raises(BadDateError, match="ASCII digits"):
        parse_date(value)


def test_np_nat_is_missing():
    with pytest.raises(BadDateError, match="missing"):
        parse_date(np.datetime64("NaT"))


def test_one_id_an_empty_list_and_a_wrong_type_for_a_list_argument():
    one = helpers.party_membership("expelled")
    assert sorted(one["person_id"]) == ["kaganovich", "malenkov", "molotov", "shepilov"]
    assert len(helpers.party_membership(["Expelled", "READMITTED"])) == 6
    with pytest.raises(CourseError, match="at least one kind"):
        helpers.party_membership([])
    with pytest.raises(UnknownIdError, match="NoneType"):
        helpers.party_membership(None)
    with pytest.raises(UnknownIdError, match="Did you mean 'expelled'"):
        helpers.party_membership(("expeled",))


def test_rules_check_what_they_are_given():
    assert helpers.is_presidium_seat(" Presidium_Member ") is True
    assert helpers.is_presidium_seat("premier") is False
    assert list(helpers.is_presidium_seat(["presidium_candidate", "premier"])) == [True, False]
    with pytest.raises(CourseError, match="'start' and 'end'"):
        helpers.in_office_on(helpers.table("people"), "1957-06-18")
