"""The Central Committee elected by the 20th Congress (data/cc_1956.csv): counts, ids, sources."""

import pandas as pd
import pytest

import helpers

#: Seats per status, as the congress elected them (sources: wp_en_20th_congress, cc56_marxdic...).
SEATS = {"full": 133, "candidate": 122}


@pytest.fixture(scope="module")
def roster() -> pd.DataFrame:
    return helpers.table("cc_1956")


def test_there_are_133_full_members_and_122_candidates(roster):
    assert roster["status"].value_counts().to_dict() == SEATS


def test_member_ids_are_unique(roster):
    assert roster["member_id"].is_unique


def test_every_source_id_is_in_sources_csv(roster):
    known = set(helpers.table("sources")["source_id"])
    cited = {part for cell in roster["source_ids"] for part in cell.split(";")}
    assert cited <= known, sorted(cited - known)


def test_complete_rows_have_a_post_a_kind_and_a_source_beyond_the_seat_count(roster):
    complete = roster[roster["complete"] == "yes"]
    assert complete["post_june_1957"].fillna("").str.len().gt(0).all()
    assert (complete["post_kind"] != "unknown").all()
    count_only = {"wp_en_20th_congress", "cc56_marxdic_twentieth_congress"}
    assert complete["source_ids"].map(lambda cell: bool(set(cell.split(";")) - count_only)).all()


def test_regional_secretaries_name_their_region_and_only_they_do(roster):
    regional = roster["post_kind"] == "regional_party_secretary"
    assert roster.loc[regional, "region"].notna().all()
    assert roster.loc[~regional, "region"].isna().all()


def test_unidentified_seats_are_marked_incomplete_and_carry_no_facts(roster):
    blank = roster[roster["member_id"].str.startswith("unidentified_")]
    assert (blank["complete"] == "no").all()
    assert (blank["post_kind"] == "unknown").all()
    assert blank["post_june_1957"].isna().all()
    assert (blank[["spoke_at_june_plenum", "side_june_1957"]] == "unknown").all().all()


def test_people_already_in_people_csv_keep_their_ids(roster):
    people = helpers.table("people").set_index("person_id")
    shared = roster[roster["member_id"].isin(people.index)]
    assert len(shared) >= 20
    assert (shared["name_ru"].str.split().str[-1].values
            == people.loc[shared["member_id"], "name_ru"].str.split().str[-1].values).all()


def test_sides_agree_with_the_stances_table(roster):
    stances = helpers.table("stances_june_1957").set_index("person_id")["stance"]
    mapped = stances.map({"for_khrushchev": "for_khrushchev", "against_khrushchev": "against"})
    rows = roster.set_index("member_id")
    for person, side in mapped.dropna().items():
        if person in rows.index:
            assert rows.loc[person, "side_june_1957"] == side, person


@pytest.mark.parametrize("member_id, status, post_kind, region", [
    ("kozlov", "full", "regional_party_secretary", "Leningrad oblast"),
    ("kirilenko", "full", "regional_party_secretary", "Sverdlovsk oblast"),
    ("zhukov", "full", "military", None),
    ("suslov", "full", "central_party_apparatus", None),
])
def test_spot_facts_checked_against_the_sources(roster, member_id, status, post_kind, region):
    row = roster.set_index("member_id").loc[member_id]
    assert row["status"] == status
    assert row["post_kind"] == post_kind
    assert (row["region"] if pd.notna(row["region"]) else None) == region


def test_the_seven_of_the_presidium_majority_are_full_members_against(roster):
    rows = roster.set_index("member_id")
    majority = ["malenkov", "kaganovich", "molotov", "bulganin", "voroshilov", "pervukhin", "saburov"]
    assert (rows.loc[majority, "status"] == "full").all()
    assert (rows.loc[majority, "side_june_1957"] == "against").all()
