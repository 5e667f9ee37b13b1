"""Coverage is data: outside the days a table covers completely, the queries refuse with the
course's error instead of answering confidently and wrongly (review 1.10-1.12)."""

import pandas as pd
import pytest

import helpers
from helpers import DataFileError, OutsideCoverageError
from helpers.dataset import load_dataset


@pytest.mark.parametrize("call, words", [
    # Review 1.11: Khrushchev was ousted in October 1964; the data end in 1962.
    (lambda: helpers.holders("first_secretary", "1980-01-01"), "31 December 1962"),
    (lambda: helpers.holders("premier", "1965-01-01"), "after the data end"),
    # Review 1.10: Stalin was premier in 1950; the data begin with Malenkov.
    (lambda: helpers.holders("premier", "1950-01-01"), "5 March 1953"),
    (lambda: helpers.holders("head_of_state", "1970-01-01"), "6 May 1960"),
    (lambda: helpers.presidium_on("1900-01-01"), "before the data begin"),
    (lambda: helpers.presidium_on("2100-01-01"), "after the data end"),
    # Review 1.12: the Presidium of late 1961 lacks the 22nd Congress's members.
    (lambda: helpers.presidium_on("1961-11-01"), "31 December 1960"),
    (lambda: helpers.holders("deputy_premier", "1956-01-01"), "tenures_of"),
    (lambda: helpers.holders("ambassador_gdr", "1960-01-01"), "every holder"),
])
def test_a_query_outside_the_coverage_is_refused_with_the_span(call, words):
    with pytest.raises(OutsideCoverageError) as info:
        call()
    assert words in str(info.value) and "data/README.md" in str(info.value)


def test_the_coverage_error_is_a_bad_date_error_so_old_handlers_still_catch_it():
    assert issubclass(OutsideCoverageError, helpers.BadDateError)


def test_the_edges_of_the_coverage_answer():
    assert list(helpers.holders("premier", "1953-03-05")["person_id"]) == ["malenkov"]
    with pytest.raises(OutsideCoverageError):
        helpers.holders("premier", "1953-03-04")
    assert list(helpers.holders("premier", "1962-12-31")["person_id"]) == ["khrushchev"]
    assert len(helpers.presidium_on("1952-10-16")) == 36  # 25 full members, 11 candidates
    assert len(helpers.presidium_on("1960-12-31")) > 0


def test_the_coverage_is_declared_in_the_data():
    dataset = load_dataset()
    assert dataset.schemas["events"].coverage.start == pd.Timestamp("1953-03-01")
    assert dataset.schemas["tenures"].coverage.end == pd.Timestamp("1962-12-31")
    offices = helpers.table("offices").set_index("office_id")
    assert offices.loc["presidium_member", "covered_to"] == pd.Timestamp("1960-12-31")
    assert pd.isna(offices.loc["deputy_premier", "covered_from"])
    assert helpers.covered_days("premier") == (pd.Timestamp("1953-03-05"),
                                               pd.Timestamp("1962-12-31"))


def test_the_presidium_of_may_1960_has_the_three_promoted_candidates():
    # tenures.csv: Kosygin, Podgorny, Polyansky candidates to 4 May 1960, "promoted to full
    # member" (wp_en_alexei_kosygin, archontology_podgorny, wp_ru_polyanskiy_dmitriy_stepanovich).
    presidium = helpers.presidium_on("1960-06-01").set_index("person_id")["status"]
    for person in ("kosygin", "podgorny", "polyansky"):
        assert presidium[person] == "full member"
    assert (presidium == "full member").sum() == 15 and (presidium == "candidate").sum() == 7


def test_every_promotion_inside_the_coverage_is_followed_by_the_higher_seat(edit_csv):
    folder = edit_csv("tenures.csv", lambda lines: [
        l for l in lines if not l.startswith("podgorny,presidium_member,1960-05-04")])
    with pytest.raises(DataFileError) as info:
        load_dataset(folder)
    message = str(info.value)
    assert "data/tenures.csv, line" in message and "column 'end_reason'" in message
    assert "podgorny" in message and "higher seat" in message


def test_an_office_with_half_a_coverage_is_refused(edit_csv):
    def cut(lines):
        i = next(n for n, l in enumerate(lines) if l.startswith("premier,"))
        lines[i] = lines[i].rsplit(",", 1)[0] + ","
        return lines
    with pytest.raises(DataFileError, match="only one of covered_from and covered_to"):
        load_dataset(edit_csv("offices.csv", cut))
