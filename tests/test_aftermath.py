"""Notebook 05: the fates of the defeated, computed from the data, and the figures' labels."""

import pandas as pd
import pytest

import helpers
from helpers import UnknownIdError
from helpers import aftermath
from helpers.style import CAMP_COLOURS


@pytest.mark.parametrize("day, precision, end, expected", [
    ("1957-07-17", "day", None, "17 July 1957"),
    ("1957-09-01", "month", None, "September 1957"),
    ("1961-01-01", "year", None, "1961"),
    ("1962-02-09", "day", "1962-07-26", "9 February – 26 July 1962"),
    ("1957-06-22", "day", "1957-06-29", "22 – 29 June 1957"),
    (None, "day", None, ""),
])
def test_dates_are_written_no_more_precisely_than_the_sources_give_them(day, precision, end,
                                                                        expected):
    day = pd.Timestamp(day) if day else None
    end = pd.Timestamp(end) if end else None
    assert aftermath.format_date(day, precision, end) == expected


def test_exile_posts_of_the_four_named_in_the_resolution():
    posts = aftermath.posts_table(aftermath.NAMED_IN_RESOLUTION)
    exile = posts[posts["rank"] == 4]
    places = {name: " | ".join(group["office"]) for name, group in exile.groupby("name")}
    assert "Mongolian" in places["Vyacheslav Molotov"]
    assert "Atomic Energy" in places["Vyacheslav Molotov"]
    assert "Ust-Kamenogorsk" in places["Georgy Malenkov"]
    assert "Ekibastuz" in places["Georgy Malenkov"]
    assert "Soyuzasbest" in places["Lazar Kaganovich"]
    assert "Kirghiz" in places["Dmitry Shepilov"]
    # a date known only to the month is printed as a month
    mongolia = exile[exile["office"].str.contains("Mongolian")].iloc[0]
    assert (mongolia["from"], mongolia["to"]) == ("September 1957", "July 1960")


def test_ranks_on_a_day_follow_the_tenures():
    ranks = aftermath.ranks_on(["molotov", "zhukov", "bulganin"],
                               ["1957-06-18", "1957-12-01", "1958-06-01"])
    rank = ranks.set_index(["person_id", ranks["date"].dt.strftime("%Y-%m-%d")])["rank"]
    assert rank[("molotov", "1957-06-18")] == 1
    assert rank[("molotov", "1957-12-01")] == 4
    assert pd.isna(rank[("zhukov", "1957-12-01")])  # between his fall and his retirement
    assert rank[("bulganin", "1958-06-01")] == 1  # still in the Presidium after the premiership
    offices = ranks.set_index(["person_id", "date"])["offices"]
    assert "Mongolian" in offices[("molotov", pd.Timestamp("1957-12-01"))]


def test_kept_lost_gained_between_june_1957_and_the_end_of_1958():
    table = aftermath.kept_lost_gained().set_index("person_id")
    assert len(table) == len(helpers.presidium_on("1957-06-18"))
    against = table[table["camp"] == "against_khrushchev"]
    assert set(against.index) == {"molotov", "malenkov", "kaganovich", "bulganin", "voroshilov",
                                  "pervukhin", "saburov", "shepilov"}
    assert set(against.index[against["change"] == "lost"]) == set(against.index) - {"voroshilov"}
    assert table.at["voroshilov", "change"] == "kept"
    assert table.at["zhukov", "change"] == "lost" and table.at["zhukov", "rank_end"] == 4
    assert table.at["pervukhin", "rank_end"] == 2  # still a candidate member in 1958
    assert set(table.index[table["change"] == "gained"]) == {
        "brezhnev", "furtseva", "kozlov", "shvernik", "mukhitdinov"}


def test_rank_change_figure_states_its_finding_and_uses_camp_colours():
    figure = aftermath.rank_change_figure()
    assert figure.layout.title.text.startswith("By 31 December 1958, 7 of the 8 who moved "
                                               "against Khrushchev had lost rank")
    assert "Zhukov" in figure.layout.title.text
    assert "rank" in figure.layout.xaxis.title.text.lower()
    legend = {t.name: t.marker.color for t in figure.data if t.showlegend is not False}
    assert legend["Against Khrushchev"] == CAMP_COLOURS["against_khrushchev"]
    assert legend["For Khrushchev"] == CAMP_COLOURS["for_khrushchev"]
    assert figure.layout.height and len(figure.data) <= 15


def test_posts_timeline_figure_colours_ranks_and_labels_exile_places():
    figure = aftermath.posts_timeline_figure()
    assert figure.layout.title.text.startswith("All 8 defeated leaders went from the leadership")
    assert figure.layout.barmode == "overlay" and figure.layout.xaxis.type == "date"
    assert "Date" in figure.layout.xaxis.title.text
    colours = {t.name: t.marker.color for t in figure.data}
    assert colours == {label: aftermath.RANK_COLOURS[r]
                       for r, label in aftermath.RANK_LABELS.items()}
    assert not set(colours.values()) & set(CAMP_COLOURS.values())
    exile = next(t for t in figure.data if t.name == aftermath.RANK_LABELS[4])
    labelled = dict(zip(exile.text, exile.y))
    assert labelled["Mongolia"] == "Vyacheslav Molotov" and labelled["Asbest"] == \
        "Lazar Kaganovich"
    assert list(figure.layout.yaxis.categoryarray)[-1] == "Vyacheslav Molotov"


def test_segments_never_overlap_and_keep_the_best_rank():
    for person_id in aftermath.DEFEATED:
        spans = aftermath.rank_segments(person_id)
        assert (spans["start"] < spans["end"]).all()
        assert (spans["start"].iloc[1:].to_numpy() >= spans["end"].iloc[:-1].to_numpy()).all()
    malenkov = aftermath.rank_segments("malenkov")
    assert malenkov[malenkov["start"] >= pd.Timestamp("1957-06-29")]["rank"].eq(4).all()


def test_zhukov_fell_in_four_days_of_october_1957():
    events = aftermath.chronicle("zhukov", "1957-10-01", "1957-12-31")
    assert list(events["date"]) == ["25 October 1957", "26 October 1957", "29 October 1957"]
    assert events["event"].str.contains("defence minister").any()


def test_bulganins_fall_in_1958_step_by_step():
    events = aftermath.chronicle("bulganin", "1958-01-01", "1958-12-31")
    assert list(events["date"])[:4] == ["27 March 1958", "31 March 1958", "15 August 1958",
                                        "5 September 1958"]


def test_expulsions_and_readmissions_keep_the_disagreements():
    table = aftermath.party_membership_table()
    disputed = table[table["another source says"] != ""]
    assert len(disputed) == 4
    molotov = table[table["name"] == "Vyacheslav Molotov"]
    assert "9 February – 26 July 1962" in set(molotov["date"])
    assert molotov["another source says"].str.startswith("1984-07-12").any()
    # precise steps come before vague ones of the same year
    malenkov = list(table.loc[table["name"] == "Georgy Malenkov", "date"])
    assert malenkov == ["24 October 1961", "1961"]


def test_summary_says_no_source_we_read_and_never_never():
    summary = aftermath.fates_summary().set_index("name")
    assert summary.at["Georgy Malenkov", "readmitted"] == "no source we read"
    assert summary.at["Lazar Kaganovich", "readmitted"] == "no source we read"
    assert summary.at["Dmitry Shepilov", "readmitted"] == "18 February 1976"
    assert summary.at["Vyacheslav Molotov", "readmitted"] == "7 June 1984"
    assert summary.at["Lazar Kaganovich", "expelled from the party"] == "23 March 1962"
    assert summary.at["Georgy Zhukov", "stance in June 1957"] == "For Khrushchev"
    assert not summary.apply(lambda c: c.astype(str).str.contains("never")).any().any()


def test_nobody_defeated_in_1957_58_was_shot_beria_was():
    lives = aftermath.lives_after_presidium().set_index("name")
    assert lives.at["Lavrenty Beria", "years after"] < 1
    defeated = lives.drop(index="Lavrenty Beria")
    assert len(defeated) == len(aftermath.DEFEATED)
    assert (defeated["years after"] > 15).all()
    assert helpers.table("events").set_index("event_id").at[
        "beria_execution_1953", "date"] == pd.Timestamp("1953-12-23")


def test_a_misspelt_id_is_explained():
    with pytest.raises(UnknownIdError):
        aftermath.chronicle("zhukof")
