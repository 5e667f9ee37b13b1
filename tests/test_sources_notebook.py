"""Notebook 01 (the sources and the data): its findings, computed here from the tables, must
hold, and the stored notebook must state them. A changed fact in data/ turns one of these red."""

import json

import nbformat
import pandas as pd
import pytest

import helpers
from notebook_outputs import shown
from helpers.exercises import REGISTRY, feedback
from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT, data_dir

NOTEBOOK = NOTEBOOKS_DIR / "01_sources_and_data.ipynb"
TEXT = (REPO_ROOT / "src" / "notebooks" / "01_sources_and_data.md").read_text(encoding="utf-8")
STRONG = ["primary", "scholarly"]


def _outputs() -> str:
    """Every text and figure title the stored notebook shows, as one string."""
    return shown("01_sources_and_data")


def _figure() -> dict:
    return next(o["data"]["application/vnd.plotly.v1+json"]
                for c in nbformat.read(NOTEBOOK, as_version=4).cells
                for o in c.get("outputs", []) if "application/vnd.plotly.v1+json" in o.get("data", {}))


def _sources_of(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    kinds = helpers.table("sources")[["source_id", "kind"]]
    pairs = frame[[key, "source_ids"]].assign(source_id=frame["source_ids"].str.split(";"))
    return pairs.explode("source_id").merge(kinds, on="source_id")


def _without(frame: pd.DataFrame, key: str, kinds: list[str]) -> set[str]:
    cited = _sources_of(frame, key)
    strong = cited["kind"].isin(kinds).groupby(cited[key]).any()
    return set(strong[~strong].index)


def _citations() -> pd.DataFrame:
    """Every id in every *source_ids column of every table, with the work's kind."""
    pieces = []
    for name in helpers.load_dataset().frames:
        frame = helpers.table(name)
        for column in [c for c in frame.columns if c.endswith("source_ids")]:
            pieces.append(frame[column].dropna().str.split(";").explode().rename("source_id"))
    ids = pd.concat(pieces).to_frame()
    return ids.merge(helpers.table("sources")[["source_id", "kind"]], on="source_id")


def test_the_notebook_lists_every_table_of_the_package():
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert all(f"`{name}`" in TEXT for name in names)  # the prose names each of them
    shown = _outputs()
    assert all(name in shown for name in names)


def test_read_csv_gives_the_same_dates_as_helpers_table():
    from_file = pd.read_csv(data_dir() / "tenures.csv", parse_dates=["start", "end"])
    dates = ["start", "end"]
    assert from_file[dates].compare(helpers.table("tenures")[dates]).empty
    assert "Empty DataFrame" in _outputs()


def test_khrushchev_first_secretary_rests_on_one_primary_source_among_twelve():
    tenures = helpers.table("tenures")
    row = tenures[tenures["office_id"] == "first_secretary"].iloc[0]
    assert row["start"] == pd.Timestamp("1953-09-07")  # RGANI (news item, 2021)
    cited = row["source_ids"].split(";")
    kinds = helpers.table("sources").set_index("source_id").loc[cited, "kind"]
    assert cited[0] == "rgani_khrushchev_first_secretary_1953" and kinds.iloc[0] == "primary"
    assert (len(cited), kinds.nunique(), (kinds == "primary").sum()) == (12, 3, 1)
    assert "Twelve works, of three kinds. The first is a primary source" in TEXT


def test_molotov_sat_on_28_june_and_not_on_29_june_1957():
    tenures = helpers.table("tenures")
    seats = tenures[(tenures["person_id"] == "molotov")
                    & helpers.is_presidium_seat(tenures["office_id"])]
    assert helpers.in_office_on(seats, "1957-06-28").any()
    assert not helpers.in_office_on(seats, "1957-06-29").any()
    assert "1957-06-28     True\n1957-06-29    False" in _outputs()


def test_belyayev_birth_is_known_to_the_year_and_death_to_the_day():
    # Audit #7: ap22.ru (2010) dates his death to 28 October 1966.
    belyayev = helpers.person("belyayev")
    assert belyayev["born_precision"] == "year" and belyayev["born"].year == 1903
    assert (belyayev["died"], belyayev["died_precision"]) == (pd.Timestamp("1966-10-28"), "day")
    assert "28 October 1966" in TEXT and "only his year" not in TEXT
    assert "1966-10-28            day" in _outputs()


def test_disagreements_by_nature_and_ignatov_is_a_reference_error():
    disagreements = helpers.table("disagreements").set_index("disagreement_id")
    ignatov = disagreements.loc["ignatov_status_1957"]  # audit #22
    assert ignatov["nature"] == "reference_error"
    assert ignatov["chosen_value"].startswith("presidium_member")
    assert set(disagreements.loc[["khrushchev_first_secretary_13",
                                  "khrushchev_first_secretary_14"], "nature"]) == \
        {"decision_vs_announcement"}
    assert repr(disagreements["nature"].value_counts()) in _outputs()


def test_the_kinds_chart_title_is_computed_from_the_citations():
    by_kind = _citations()["kind"].value_counts()
    share = by_kind / by_kind.sum()
    top = by_kind.idxmax()
    title = (f"{share[top]:.0%} of the {by_kind.sum():,} citations point to {top} works, "
             f"{share[STRONG].sum():.0%} to primary documents or scholarship")
    assert top == "reference" and share[STRONG].sum() < 0.2  # the caption: "under a fifth"
    assert title in _outputs()
    figure = _figure()
    assert figure["layout"]["xaxis"]["categoryarray"] == \
        ["primary", "memoir", "scholarly", "reference", "press", "popular"]
    colours = {t["name"]: t["marker"]["color"] for t in figure["data"]}
    assert colours == {"Primary or scholarly": "#0072B2", "Other kinds": "#999999"}


def test_stances_of_june_1957_without_a_primary_or_scholarly_source():
    stances = helpers.table("stances_june_1957")
    weak = _without(stances, "person_id", STRONG)
    assert f"{len(weak)} of {len(stances)} stances rest on no primary or scholarly source" \
        in _outputs()
    assert 0.2 < len(weak) / len(stances) < 0.3  # the prose: "about a quarter"
    seven = set(stances.loc[stances["voted"] == "for_removal", "person_id"])
    assert len(seven) == 7 and weak & seven == {"bulganin"}
    marshals = set(stances.loc[stances["stance"] == "for_khrushchev", "person_id"]) & weak
    assert {"konev", "malinovsky"} <= marshals
    assert "Bulganin's, one of the seven who voted to remove Khrushchev" in TEXT.replace("\n", " ")
    assert "Ivan Konev (" in TEXT and "Rodion Malinovsky\n(" in TEXT


def test_all_but_one_june_1957_event_cite_a_document_or_a_study():
    events = helpers.table("events")
    june = events[events["date"].between("1957-06-18", "1957-06-29")]
    assert _without(june, "event_id", STRONG) == {"presidium_session_1957_06_19"}
    assert "All but one of these events" in TEXT and "the session of 19\nJune" in TEXT


@pytest.mark.parametrize("exercise_id, literal", [
    ("01-2", "1953-09-07"),  # RGANI: elected at the evening session of 7 September 1953
    ("01-3", "bulganin"),    # seven different offices in tenures.csv
])
def test_expected_answers_are_pinned(exercise_id, literal):
    assert REGISTRY[exercise_id].expected() == literal
    assert feedback(exercise_id, literal).startswith("Correct")


def test_the_changed_read_csv_is_judged():
    events_csv, people_csv = data_dir() / "events.csv", data_dir() / "people.csv"
    right = pd.read_csv(events_csv, parse_dates=["date", "end_date"])
    assert feedback("01-1", right).startswith("Correct")
    assert "still the people table" in feedback(
        "01-1", pd.read_csv(people_csv, parse_dates=["born", "died"]))
    assert "still text" in feedback("01-1", pd.read_csv(events_csv, parse_dates=["date"]))
    assert "Some rows are missing" in feedback("01-1", right.head(3))
    assert "table itself" in feedback("01-1", "another_file")


def test_the_changed_kind_filter_is_judged():
    stances = helpers.table("stances_june_1957")
    with_memoirs = stances[stances["person_id"].isin(
        _without(stances, "person_id", STRONG + ["memoir"]))]
    unchanged = stances[stances["person_id"].isin(_without(stances, "person_id", STRONG))]
    assert len(with_memoirs) < len(unchanged)  # the change must make a difference
    assert feedback("01-4", with_memoirs).startswith("Correct")
    assert "still the table for primary and scholarly" in feedback("01-4", unchanged)
    assert "table itself" in feedback("01-4", "weak_stances")
