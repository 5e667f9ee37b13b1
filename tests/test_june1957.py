"""June 1957, day by day: the crisis table, the vote, the resolution and the Presidium's change."""

import pandas as pd
import pytest

import helpers
from helpers.errors import DataFileError
from helpers import june1957
from helpers.dataset import reset_cache
from helpers.exercises import REGISTRY, feedback
from helpers.paths import DATA_DIR_ENV
from helpers.style import CAMP_COLOURS, OKABE_ITO

THE_NAMED = {"malenkov", "kaganovich", "molotov", "shepilov"}
VOTED_NOT_NAMED = {"bulganin", "voroshilov", "pervukhin", "saburov"}
THE_SEVEN = {"malenkov", "molotov", "kaganovich", "bulganin", "voroshilov", "pervukhin",
             "saburov"}
THE_FOUR_AGAINST = {"khrushchev", "mikoyan", "suslov", "kirichenko"}


# ---- day by day ----------------------------------------------------------------------------

def test_crisis_days_are_the_listed_events_in_order():
    days = june1957.crisis_days()
    assert list(days["event_id"]) == list(june1957.CRISIS_EVENTS)
    assert days["date"].is_monotonic_increasing
    assert days["date"].iloc[0] == pd.Timestamp("1957-06-18")
    assert days["date"].iloc[-1] == pd.Timestamp("1957-07-04")
    plenum = days.set_index("event_id").loc["cc_plenum_opens_1957"]
    assert (plenum["date"], plenum["end_date"]) == (pd.Timestamp("1957-06-22"),
                                                    pd.Timestamp("1957-06-29"))
    assert set(days["arena"]) == set(june1957.ARENA_COLOURS)


def test_only_the_first_presidium_day_is_firmly_dated():
    days = june1957.crisis_days().set_index("event_id")
    presidium = days[days["arena"] == "Presidium"]["dating"]
    assert dict(presidium) == {"presidium_session_1957_06_18": "firm",
                               "presidium_session_1957_06_19": "thin",
                               "presidium_session_1957_06_20": "thin",
                               "presidium_session_1957_06_21": "thin"}
    assert (days[days["arena"] != "Presidium"]["dating"] == "firm").all()


def test_dating_caveats_quote_the_notes_of_the_thin_days_only():
    text = june1957.dating_caveats()
    assert "19 June 1957" in text and "20 June 1957" in text and "21 June 1957" in text
    assert "18 June 1957 -" not in text
    assert "DISAGREEMENT on the day of the vote" in text


def test_people_column_names_those_linked_in_event_people():
    days = june1957.crisis_days().set_index("event_id")
    assert "Zhukov" in days.at["presidium_session_1957_06_19", "people"]
    assert "Serov" in days.at["presidium_session_1957_06_19", "people"]


def test_timeline_figure_title_axes_and_markers():
    figure = june1957.crisis_timeline_figure()
    title = figure.layout.title.text.replace("<br>", " ")
    assert title.startswith("Eleven days from the Presidium's attack")
    assert "five more before Pravda" in title
    assert figure.layout.xaxis.title.text == "Date (June–July 1957)"
    assert figure.layout.height == 600
    markers = {t.name: t for t in figure.data if t.mode == "markers" and t.name in
               june1957.ARENA_COLOURS}
    assert set(markers) == set(june1957.ARENA_COLOURS)
    for arena, trace in markers.items():
        assert trace.marker.color == june1957.ARENA_COLOURS[arena]
        assert trace.marker.color in OKABE_ITO
    assert list(markers["Presidium"].marker.symbol) == ["circle", "diamond-open",
                                                        "diamond-open", "diamond-open"]
    labels = list(figure.layout.yaxis.categoryarray)
    assert len(labels) == len(june1957.CRISIS_EVENTS)
    assert labels[2].startswith("20 Jun: 7–4 vote")
    assert any("15 full members" in label for label in labels)


# ---- the vote ------------------------------------------------------------------------------

def test_seven_full_members_voted_for_removal_and_four_against():
    members = june1957.presidium_with_stances("1957-06-18")
    full = members[members["status"] == "full member"]
    assert len(full) == 11
    assert set(full.loc[full["voted"] == "for_removal", "person_id"]) == THE_SEVEN
    assert set(full.loc[full["voted"] == "against_removal", "person_id"]) == THE_FOUR_AGAINST
    candidates = members[members["status"] == "candidate"]
    assert len(candidates) == 7 and (candidates["voted"] == "no_vote").all()
    counts = june1957.vote_count("1957-06-18")
    assert counts.to_dict() == {"for removing Khrushchev": 7, "against": 4}


def test_stance_figure_colours_each_person_by_camp_and_marks_candidates_open():
    figure = june1957.presidium_stance_figure("1957-06-18")
    assert figure.layout.title.text.replace("<br>", " ") == ("Seven of the eleven full members voted to remove "
                                        "Khrushchev; the seven candidates had no vote")
    assert figure.layout.yaxis.title.text == "Seat"
    assert "18 June 1957" in figure.layout.xaxis.title.text
    people = [t for t in figure.data if t.x is not None and t.x[0] is not None]
    assert sum(len(t.x) for t in people) == 18
    stances = june1957.presidium_with_stances("1957-06-18").set_index("name")["stance"]
    for trace in people:
        camp = {stances[h.split(" (")[0]] for h in trace.hovertext}
        assert len(camp) == 1 and trace.marker.color == CAMP_COLOURS[camp.pop()]
        candidate_row = trace.y[0].startswith("Candidates")
        assert trace.marker.symbol == ("circle-open" if candidate_row else "circle")
    zhukov = next(t for t in people if "Zhukov" in t.text)
    assert zhukov.marker.color == CAMP_COLOURS["for_khrushchev"]
    shepilov = next(t for t in people if "Shepilov" in t.text)
    assert shepilov.marker.color == CAMP_COLOURS["against_khrushchev"]
    assert any(a.text == "<b>7–4</b><br>for removal" for a in figure.layout.annotations)


# ---- the Central Committee -----------------------------------------------------------------

def test_the_central_committee_of_1956_and_the_majorities():
    assert june1957.central_committee_size() == {"full": 133, "candidate": 122}
    bodies = june1957.decision_bodies("1957-06-18")
    presidium = bodies.loc["Presidium of the Central Committee"]
    assert (presidium["voting (full) members"], presidium["majority needed"],
            presidium["against Khrushchev"]) == (11, 6, 7)
    committee = bodies.loc["Central Committee (elected February 1956)"]
    assert (committee["voting (full) members"], committee["majority needed"]) == (133, 67)


def test_central_committee_size_explains_a_missing_row(data_copy, monkeypatch):
    path = data_copy / "central_committees.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(l for l in lines if not l.startswith("cc_1956")) + "\n",
                    encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    reset_cache()
    with pytest.raises(DataFileError, match="central_committees.csv.*cc_1956"):
        june1957.central_committee_size()


# ---- Zhukov and Serov ----------------------------------------------------------------------

def test_zhukov_and_serov_posts_seats_and_stances():
    table = june1957.helpers_outside_the_vote(("zhukov", "serov")).set_index("name")
    assert table.at["Georgy Zhukov", "post"] == "Minister of Defence of the USSR"
    assert table.at["Georgy Zhukov", "seat in the Presidium"] == "candidate"
    assert "KGB" in table.at["Ivan Serov", "post"]
    assert table.at["Ivan Serov", "seat in the Presidium"] == "not in the Presidium"
    assert set(table["stance"]) == {"for_khrushchev"}


def test_ties_of_zhukov_and_serov_include_the_june_1957_alliances():
    ties = june1957.ties_of(("zhukov", "serov"))
    june = ties[ties["start"] == pd.Timestamp("1957-06-18")]
    assert set(june["with"]) == {"zhukov", "serov"} and set(june["kind"]) == {"alliance"}
    assert ties["start"].is_monotonic_increasing
    later = ties[(ties["with"] == "zhukov") & (ties["kind"] == "rivalry")]
    assert later["start"].iloc[0] == pd.Timestamp("1957-10-01")


# ---- the resolution and the new Presidium --------------------------------------------------

def test_the_resolution_named_four_and_left_out_four_who_voted_with_them():
    assert set(june1957.named_in_resolution()) == THE_NAMED
    table = june1957.resolution_table("1957-06-18", "1957-06-30").set_index("person_id")
    assert set(table.index) == THE_SEVEN | {"shepilov"}
    assert set(table.index[~table["named in the resolution"]]) == VOTED_NOT_NAMED
    after = table["seat on 30 Jun"]
    assert after[list(THE_NAMED)].eq("none").all()
    assert dict(after[sorted(VOTED_NOT_NAMED)]) == {
        "bulganin": "full member", "pervukhin": "candidate", "saburov": "none",
        "voroshilov": "full member"}


def test_presidium_change_counts():
    change = june1957.presidium_change("1957-06-18", "1957-06-30")
    counts = change["change"].value_counts().to_dict()
    assert counts == {"removed": 5, "demoted to candidate": 1, "kept full seat": 6,
                      "promoted to full member": 5, "new full member": 4,
                      "kept candidate seat": 1, "new candidate": 7}
    assert (change["seat on 30 Jun 1957"] == "full member").sum() == 15
    by_id = change.set_index("person_id")["change"]
    assert by_id["pervukhin"] == "demoted to candidate"
    assert by_id["khrushchev"] == "kept full seat"
    assert list(change["change"].drop_duplicates()) == list(june1957.CHANGE_ORDER)


def test_full_members_by_stance_figure():
    figure = june1957.full_members_by_stance_figure("1957-06-18", "1957-06-30")
    assert figure.layout.title.text.replace("<br>", " ") == ("Full members who backed Khrushchev in June 1957: "
                                        "4 of 11 before the plenum, 13 of 15 after it")
    assert figure.layout.barmode == "stack"
    assert figure.layout.yaxis.title.text == "Full (voting) members of the Presidium"
    bars = {t.name: t for t in figure.data}
    assert bars["For Khrushchev"].marker.color == CAMP_COLOURS["for_khrushchev"]
    assert list(bars["For Khrushchev"].y) == [4, 13]
    assert list(bars["Against Khrushchev"].y) == [7, 2]


def test_party_expulsions_all_come_after_the_22nd_congress_year():
    expulsions = june1957.party_expulsions()
    assert len(expulsions) >= 4
    assert set(expulsions["date"].dt.year) == {1961, 1962}
    titles = " ".join(expulsions["title"])
    for name in ("Malenkov", "Kaganovich", "Molotov", "Shepilov"):
        assert name in titles


# ---- exercises -----------------------------------------------------------------------------

def test_exercise_answers_are_computed_from_the_data():
    helpers.exercises.feedback("00-1", None)  # registers every notebook's answers
    assert REGISTRY["04-1"].expected() == 5
    assert REGISTRY["04-2"].expected() == 122
    assert set(REGISTRY["04-3"].expected()) == VOTED_NOT_NAMED
    assert set(REGISTRY["04-4"].expected()) == {"brezhnev", "furtseva", "kozlov", "shvernik",
                                                "zhukov"}
    assert feedback("04-3", ["Saburov", "bulganin", "voroshilov", "pervukhin"]) == \
        "Correct! Well done."
    assert feedback("04-3", ["bulganin", "voroshilov"]).startswith("Not quite")
    assert feedback("04-1", 5.0) == "Correct! Well done."
