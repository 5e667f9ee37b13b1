"""The dataset as a whole: valid Frictionless package, sourced rows, historical scope."""

import hashlib

import pandas as pd
import pytest
from frictionless import Package, system

import helpers
from helpers.dataset import TABLE_NAMES, load_dataset
from helpers.paths import REPO_ROOT

DATA = REPO_ROOT / "data"


def test_frictionless_validates_the_package():
    with system.use_context(trusted=True):
        report = Package(str(DATA / "datapackage.json")).validate()
    errors = [(task.name, e.type, e.note) for task in report.tasks for e in task.errors]
    assert report.valid, errors[:10]


def test_every_table_is_described_and_every_description_has_a_table():
    on_disk = {path.stem for path in DATA.glob("*.csv")}
    assert on_disk == set(load_dataset().frames)
    assert set(TABLE_NAMES) <= on_disk


def test_the_loader_accepts_the_real_data():
    dataset = load_dataset()
    assert set(TABLE_NAMES) <= set(dataset.frames)


def test_every_source_has_a_full_citation_and_is_cited():
    sources = helpers.table("sources")
    assert (sources["citation"].str.len() > 20).all()
    cited = set()
    for name in load_dataset().frames:
        frame = helpers.table(name)
        for column in (c for c in frame.columns if c.endswith("source_ids")):
            cited |= {s.strip() for cell in frame[column] for s in cell.split(";")}
    assert set(sources["source_id"]) - cited == set(), "uncited sources: remove or use them"


def test_the_caesar_study_is_among_the_sources():
    sources = helpers.table("sources")
    assert "cia_caesar_xv_1962" in set(sources["source_id"])


def test_at_least_forty_events_from_stalins_death_to_the_expulsions():
    events = helpers.table("events")
    assert len(events) >= 40
    assert events["date"].min() <= pd.Timestamp("1953-03-05")
    assert "stalin_death_1953" in set(events["event_id"])
    assert events["date"].max() >= pd.Timestamp("1962-01-01")
    assert {"fate", "rehabilitation", "removal"} <= set(events["category"])


def test_everyone_in_the_presidium_1953_1958_is_covered_with_a_russian_name():
    tenures = helpers.table("tenures")
    seats = tenures[tenures["office_id"].str.startswith("presidium_")]
    in_window = seats[(seats["start"] <= "1958-12-31") &
                      (seats["end"].isna() | (seats["end"] > "1953-03-05"))]
    people = helpers.table("people").set_index("person_id")
    assert len(set(in_window["person_id"])) >= 35
    assert people.loc[sorted(set(in_window["person_id"])), "name_ru"].str.match(r"^[А-ЯЁ]").all()


def test_required_offices_exist():
    offices = set(helpers.table("offices")["office_id"])
    assert {"presidium_member", "presidium_candidate", "first_secretary", "cc_secretary",
            "premier", "first_deputy_premier", "foreign_minister", "defence_minister",
            "interior_minister", "kgb_chairman", "head_of_state"} <= offices


def test_stances_cover_the_eleven_full_members_and_candidates_had_no_vote():
    stances = helpers.table("stances_june_1957")
    full = stances[stances["body"] == "presidium_full"]
    assert len(full) == 11
    assert set(full["voted"]) == {"for_removal", "against_removal"}
    assert (full["voted"] == "for_removal").sum() == 7
    others = stances[stances["body"] != "presidium_full"]
    assert (others["voted"] == "no_vote").all()


def test_interpretation_is_labelled_in_ties():
    ties = helpers.table("ties")
    assert set(ties["interpretation"]) == {"documented", "interpretation"}
    patronage = ties[ties["kind"] == "patronage"]
    assert patronage["directed"].all()


def test_the_expulsions_came_years_after_june_1957():
    events = helpers.table("events")
    expulsions = events[events["event_id"].str.contains("expell?ed|expulsion", regex=True)]
    assert len(expulsions) >= 2
    assert (expulsions["date"] >= pd.Timestamp("1961-01-01")).all()


def test_loading_never_writes_to_data():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()}
    helpers.dataset.reset_cache()
    load_dataset()
    helpers.presidium_on("1957-06-18")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()}
    assert before == after


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA.glob("*.csv")))
def test_tables_are_utf8_with_unix_line_ends_and_a_final_newline(name):
    raw = (DATA / f"{name}.csv").read_bytes()
    raw.decode("utf-8")
    assert raw.endswith(b"\n") and b"\r\n" not in raw
