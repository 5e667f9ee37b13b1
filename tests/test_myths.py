"""Myth and record: the claims, their evidence from the data, and the removal/expulsion figure."""

import pandas as pd
import pytest

import helpers
from helpers import UnknownIdError, myths
from helpers.exercises import feedback
from helpers.style import OKABE_ITO

THE_FOUR = {"malenkov", "molotov", "kaganovich", "shepilov"}


def test_the_claims_table_hides_verdicts_until_asked():
    table = myths.claims()
    assert list(table["claim_id"]) == ["resigned_from_party", "voluntary_exit",
                                       "political_dissent", "book_by_pipes"]
    assert "verdict" not in table.columns
    verdicts = myths.claims(with_verdicts=True).set_index("claim_id")["verdict"]
    assert dict(verdicts) == {"resigned_from_party": "false", "voluntary_exit": "false",
                              "political_dissent": "misleading", "book_by_pipes": "false"}
    assert set(myths.claims()["kind"]) == {"fact", "interpretation", "bibliography"}


def test_nobody_left_the_party_in_1957_and_all_four_were_expelled_in_1961_or_1962():
    assert myths.left_party_in(1957) == []
    timeline = myths.party_timeline()
    assert set(timeline["person_id"]) == THE_FOUR
    assert set(timeline["removed"]) == {pd.Timestamp("1957-06-29")}
    assert set(timeline["expelled_from"].dt.year) == {1961, 1962}
    assert (timeline["expelled_to"] >= timeline["expelled_from"]).all()
    assert dict(zip(timeline["person_id"], timeline["years_later"])) == {
        "malenkov": 4, "kaganovich": 5, "molotov": 5, "shepilov": 5}


def test_expulsion_spans_follow_the_precision_of_the_sources():
    timeline = myths.party_timeline().set_index("person_id")
    assert timeline.at["malenkov", "expelled_to"] == pd.Timestamp("1961-12-31")   # year only
    assert timeline.at["molotov", "expelled_to"] == pd.Timestamp("1962-07-26")    # end_date
    assert timeline.at["kaganovich", "expelled_to"] == pd.Timestamp("1962-03-23")  # one day
    assert "1961" in timeline.at["molotov", "other_dates"]  # the disagreement is carried along


def test_evidence_for_the_resignation_claim_comes_from_the_resolution_and_the_expulsions():
    evidence = myths.evidence_for("resigned_from_party")
    events = set(evidence.loc[evidence["table"] == "events", "record"])
    assert {"antiparty_resolution_1957", "antiparty_published_pravda_1957"} <= events
    assert set(myths.EXPULSION_EVENTS.values()) <= events
    tenures = evidence[evidence["table"] == "tenures"]
    assert {r.split(",")[0] for r in tenures["record"]} == THE_FOUR
    assert (tenures["date"] == pd.Timestamp("1957-06-29")).all()
    assert evidence["source_ids"].str.len().gt(0).all()
    dated = evidence["date"].dropna()
    assert dated.is_monotonic_increasing


def test_every_source_cited_as_evidence_is_in_sources_csv():
    known = set(helpers.table("sources")["source_id"])
    for claim in myths.CLAIMS:
        for cell in myths.evidence_for(claim.claim_id)["source_ids"]:
            assert set(cell.split(";")) <= known


def test_the_dissent_claim_shows_seven_full_members_voting_for_removal():
    evidence = myths.evidence_for("political_dissent")
    stances = evidence[evidence["table"] == "stances_june_1957"]
    voted = stances[stances["what"].str.contains("voted for removal")]
    assert len(voted) == 7
    assert "shepilov" in set(stances["record"])


def test_the_book_claim_has_no_rows_in_the_data_and_unknown_claims_get_a_suggestion():
    assert myths.evidence_for("book_by_pipes").empty
    assert list(myths.evidence_for("book_by_pipes").columns) == myths.EVIDENCE_COLUMNS
    with pytest.raises(UnknownIdError, match="voluntary_exit"):
        myths.evidence_for("voluntary_exti")


def test_lost_posts_include_the_central_committee_seats_of_29_june_1957():
    posts = myths.lost_posts()
    cc = posts[posts["post"] == "Member of the Central Committee"]
    assert set(cc["person_id"]) == THE_FOUR
    assert set(cc["date"]) == {pd.Timestamp("1957-06-29")}
    assert set(posts["institution"]) == {"party", "state"}
    assert posts["date"].max() <= pd.Timestamp("1957-06-29")  # no post lost after the plenum


def test_wording_finds_the_headline_that_says_expels_and_the_real_expulsions():
    words = myths.wording()
    assert "soviethistory_msu_antiparty" in set(words["record"])
    assert "malenkov_expelled_1961" in set(words["record"])
    assert words["text"].str.contains("resign|expel|expul", case=False).all()


def test_figure_title_axes_and_colours():
    figure = myths.removal_vs_expulsion_figure()
    title = figure.layout.title.text.replace("<br>", " ")
    assert title == myths.removal_title()
    assert "29 June 1957" in title and "4\u20135 years later" in title and "1961\u201362" in title
    assert figure.layout.xaxis.title.text == "Date (year)"
    assert figure.layout.yaxis.title.text
    assert figure.layout.height == 500
    colours = {t.name: t.marker.color for t in figure.data if t.mode == "markers"}
    assert colours == {"Lost a party post or seat": OKABE_ITO[2],
                       "Lost a government post": OKABE_ITO[4]}
    expelled = next(t for t in figure.data if t.name == "Expelled from the party")
    assert expelled.marker.color == OKABE_ITO[7]
    assert len(expelled.x) == 4 and len(figure.data) <= 6
    assert list(expelled.text) == ["4 years later"] + ["5 years later"] * 3


def test_exercise_answers():
    assert feedback("06-1", "False") == "Correct! Well done."
    assert feedback("06-1", "true").startswith("Not quite")
    assert feedback("06-2", "Malenkov") == "Correct! Well done."
    assert feedback("06-2", "molotov").startswith("Not quite")
    assert feedback("06-3", "misleading") == "Correct! Well done."
    assert feedback("06-3", "false").startswith("Not quite")
    assert feedback("06-4", " false ") == "Correct! Well done."
