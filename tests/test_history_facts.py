"""Facts the history audit corrected: each test fails if the corrected row is put back wrong."""

import pandas as pd

import helpers


def _row(table: str, **where: str) -> pd.Series:
    frame = helpers.table(table)
    for column, value in where.items():
        frame = frame[frame[column] == value]
    assert len(frame) == 1, (table, where, len(frame))
    return frame.iloc[0]


def test_the_resolution_was_not_simply_unanimous_molotov_abstained():
    note = _row("events", event_id="antiparty_resolution_1957")["note"]
    assert "one abstention, Molotov's" in note
    assert "contourpolska_molotov_group_defeat" in _row(
        "events", event_id="antiparty_resolution_1957")["source_ids"]


def test_kaganovich_left_asbest_in_1959_and_retired_and_solikamsk_is_an_error():
    asbest = _row("tenures", person_id="kaganovich", office_id="director_asbest_trust")
    assert asbest["end"] == pd.Timestamp("1959-01-01") and asbest["end_precision"] == "year"
    retired = _row("tenures", person_id="kaganovich", office_id="retired")
    assert retired["start"] == asbest["end"]
    solikamsk = _row("disagreements", disagreement_id="kaganovich_solikamsk")
    assert solikamsk["nature"] == "reference_error"


def test_ignatovs_status_is_a_reference_work_error_not_a_dispute():
    assert _row("disagreements", disagreement_id="ignatov_status_1957")["nature"] == "reference_error"
    assert "disputed" not in _row("people", person_id="ignatov")["role_summary"]
    full = helpers.presidium_on("1957-06-30")
    assert (full["status"] == "full member").sum() == 15


def test_kuusinen_was_not_a_cc_secretary_in_1952_53():
    secretaryships = helpers.tenures_of("kuusinen")
    secretaryships = secretaryships[secretaryships["office_id"] == "cc_secretary"]
    assert (secretaryships["start"] >= pd.Timestamp("1957-06-29")).all()
    assert "not among the ten secretaries" in _row("people", person_id="kuusinen")["role_summary"]


def test_corrected_dates_of_death():
    assert _row("people", person_id="mzhavanadze")["died"] == pd.Timestamp("1988-08-31")
    belyayev = _row("people", person_id="belyayev")
    assert belyayev["died"] == pd.Timestamp("1966-10-28") and belyayev["died_precision"] == "day"
    assert _row("people", person_id="konev")["died"] == pd.Timestamp("1973-05-21")


def test_removal_expulsion_and_repression_are_different_categories():
    events = helpers.table("events")
    assert "purge" not in set(events["category"])
    repression = set(events.loc[events["category"] == "repression", "event_id"])
    assert repression == {"beria_arrest_1953", "beria_execution_1953"}
    expulsions = events[events["category"] == "expulsion"]
    assert expulsions["title"].str.contains("xpel|xpuls", regex=True).all()


def test_shepilovs_tie_to_kaganovich_is_labelled_interpretation():
    tie = _row("ties", person_a="kaganovich", person_b="shepilov", kind="alliance")
    assert tie["interpretation"] == "interpretation"
    stance = _row("stances_june_1957", person_id="shepilov")
    assert "shepilov_memoir_biblio_kz" in stance["source_ids"]


def test_key_june_1957_rows_rest_on_the_documentary_record_and_scholarship():
    kinds = helpers.table("sources").set_index("source_id")["kind"]
    for event_id in ("cc_plenum_opens_1957", "antiparty_resolution_1957"):
        cited = _row("events", event_id=event_id)["source_ids"].split(";")
        assert {"primary", "scholarly"} <= set(kinds[cited])


def test_partisan_and_student_works_are_not_classed_as_scholarly():
    sources = helpers.table("sources").set_index("source_id")
    for source_id in ("revolutionarydemocracy_yemelianov", "thelib_emelyanov_khrushchev",
                      "bibliboba_polittekhnologiya", "bibliboba_chuev_molotov_kak_ubivali",
                      "ukrbukva_military_factor_1957", "thevieweast_operation_whirlwind",
                      "coollib_razvilki", "studinfo_spitsyn", "bibliboba_spitsyn_khrushchevskaya_slyakot"):
        assert sources.at[source_id, "kind"] == "popular", source_id
        assert sources.at[source_id, "note"], source_id


def test_every_source_cited_at_second_hand_says_so():
    sources = helpers.table("sources").set_index("source_id")
    for source_id in ("stenogram_june_1957_mfd", "fursenko_prezidium_1954_1964"):
        assert "NOT read directly" in sources.at[source_id, "note"]


def test_every_debate_has_rival_positions_with_evidence_on_both_sides():
    debates = helpers.table("debates")
    assert {"who_were_the_group", "why_cc_backed_khrushchev", "was_it_a_coup",
            "kremlinology_vs_archives"} <= set(debates["debate_id"])
    assert (debates.groupby("debate_id").size() >= 2).all()
    assert (debates["evidence"].str.len() > 40).all()
    assert (debates["evidence_against"].str.len() > 40).all()
    kinds = helpers.table("sources").set_index("source_id")["kind"]
    for row in debates.itertuples():
        cited = set(kinds[row.source_ids.split(";")])
        assert cited & {"primary", "scholarly", "memoir"}, row.position_id


def test_the_lecturers_guide_cites_only_rows_that_exist():
    """Every event, source, disagreement or debate id the guide names in backticks is in the data."""
    import re

    from helpers.paths import REPO_ROOT
    guide = (REPO_ROOT / "LECTURERS_GUIDE.md").read_text(encoding="utf-8")
    known = set()
    for table, column in (("events", "event_id"), ("sources", "source_id"),
                          ("disagreements", "disagreement_id"), ("debates", "position_id"),
                          ("debates", "debate_id")):
        known |= set(helpers.table(table)[column])
    named = set(re.findall(r"`([a-z][a-z0-9_]*_(?:\d{4}(?:_\d{2}_\d{2})?|[a-z]+))`", guide))
    id_like = {n for n in named if re.search(r"_\d{4}", n) or n in known
               or n.startswith(("group_", "cc_", "coup_", "kremlinology_", "archives_"))}
    code = "".join(path.read_text(encoding="utf-8")
                   for pattern in ("src/notebooks/*.md", "src/helpers/*.py")
                   for path in REPO_ROOT.glob(pattern))
    names_in_code = set(re.findall(r"[a-z][a-z0-9_]*", code))  # variables and column names
    missing = sorted(n for n in id_like - names_in_code if n not in known)
    assert missing == [], f"the guide names rows that do not exist: {missing}"
    assert {"was_it_a_coup", "why_cc_backed_khrushchev", "who_were_the_group"} <= named


def test_the_size_of_the_central_committee_and_the_places_of_exile_are_data():
    committees = helpers.table("central_committees").set_index("committee_id")
    assert (committees.at["cc_1956", "full_members"], committees.at["cc_1956", "candidate_members"]) == (133, 122)
    assert committees.at["cc_1956", "elected_on"] == pd.Timestamp("1956-02-25")
    # the roster notebook 05 counts (one row per seat) agrees with the committee's size
    seats = helpers.table("cc_1956")["status"].value_counts()
    assert (seats["full"], seats["candidate"]) == (133, 122)
    offices = helpers.table("offices")
    exile = offices[(offices["rank"] == 4) & (offices["office_id"] != "retired")]
    assert exile["place"].notna().all()
    assert offices.set_index("office_id").at["director_asbest_trust", "place"] == "Asbest"
