"""Notebook 07 (myth and record): its findings, computed here from the tables, must hold, and
the stored notebook must state them. A changed fact in data/ turns one of these red."""

import pandas as pd
import pytest

import helpers
from notebook_outputs import shown
from helpers.exercises import REGISTRY, feedback



def _outputs() -> str:
    """Every text and figure title the stored notebook shows, as one string."""
    return shown("07_myth_and_record")


def test_the_claims_table_has_the_four_claims_in_order():
    claims = helpers.table("claims").sort_values("position")
    assert list(claims["claim_id"]) == ["resigned_from_party", "voluntary_exit",
                                        "political_dissent", "book_by_pipes"]
    assert set(claims["kind"]) == {"fact", "interpretation", "bibliography"}
    # A verdict on an interpretation must say it is a reading.
    dissent = claims.set_index("claim_id").loc["political_dissent"]
    assert dissent["kind"] == "interpretation" and "one among several" in dissent["finding"]


def test_every_evidence_row_exists_in_its_table():
    evidence = helpers.table("claim_evidence")
    ids = {"events": set(helpers.table("events")["event_id"]),
           "disagreements": set(helpers.table("disagreements")["disagreement_id"])}
    missing = [(t, r) for t, r in zip(evidence["table"], evidence["record_id"]) if r not in ids[t]]
    assert missing == []


def test_the_four_lost_their_seats_on_29_june_1957_and_no_one_left_the_party_that_year():
    # Resolution of 29 June 1957 (KPSS v rezolyutsiyakh, vol. IV, 1960, p. 271).
    tenures = helpers.table("tenures")
    the_four = helpers.named_in_resolution()
    seats = tenures[tenures["person_id"].isin(the_four)
                    & helpers.is_presidium_seat(tenures["office_id"])]
    last = seats.groupby("person_id")["end"].max()
    assert (last == pd.Timestamp("1957-06-29")).all() and len(last) == 4
    expelled = helpers.party_membership()
    assert not (expelled["date"].dt.year == 1957).any()
    assert sorted(expelled["date"].dt.year.unique()) == [1961, 1962]


def test_the_stored_figure_title_states_the_gap_computed_from_the_data():
    expelled = helpers.party_membership().set_index("person_id")
    removed = pd.Series({p: helpers.last_presidium_day(p) for p in expelled.index})
    years = expelled["date"].dt.year - removed.dt.year
    title = (f"Removed on {helpers.format_date(removed.min())}, expelled from the party "
             f"{years.min()}–{years.max()} years later")
    assert title == "Removed on 29 June 1957, expelled from the party 4–5 years later"
    assert title in _outputs()


def test_seven_full_members_voted_for_removal():
    stances = helpers.table("stances_june_1957")
    voted = stances[stances["voted"] == "for_removal"]
    assert len(voted) == 7 and set(voted["body"]) == {"presidium_full"}
    assert "for_removal    7" in _outputs()


@pytest.mark.parametrize("exercise_id, literal", [
    ("07-1", "false"),       # no expulsion in 1957 (party_membership.csv)
    ("07-2", "malenkov"),    # 1961, year only; the others 1962 (events.csv)
    ("07-3", "misleading"),  # the course's reading (claims.csv)
    ("07-4", "false"),       # Pearson / Volkogonov (claims.csv sources)
])
def test_expected_answers_are_pinned(exercise_id, literal):
    assert REGISTRY[exercise_id].expected() == literal
    assert feedback(exercise_id, literal).startswith("Correct")


def test_the_changed_search_is_judged():
    events = helpers.table("events")
    right = events[events["title"].str.contains("remov", case=False)]
    unchanged = events[events["title"].str.contains("resign|expel|expul", case=False)]
    assert feedback("07-5", right).startswith("Correct")
    assert "still the search" in feedback("07-5", unchanged)
    assert "table itself" in feedback("07-5", "events_worded")
