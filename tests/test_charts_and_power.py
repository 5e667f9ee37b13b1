"""Figures say what the data say: titles are checked against the tables they summarise."""

import pandas as pd
import pytest

import helpers
from helpers import power, sourcing
from helpers.network import june_1957_camps
from helpers.style import CAMP_COLOURS, finish, wrap_title

helpers.setup()
CAMPS = june_1957_camps()


def _holder(office, day):
    held = helpers.holders(office, day)["person_id"]
    return held.iloc[0] if len(held) else None


def test_key_posts_title_claim_holds():
    posts = ["premier", "foreign_minister", "defence_minister"]
    assert all(CAMPS[_holder(p, "1953-04-01")] == "against_khrushchev" for p in posts)
    end_of_1958 = {p: _holder(p, "1958-12-31") for p in power.KEY_OFFICES}
    against = [p for p, who in end_of_1958.items() if who and CAMPS[who] == "against_khrushchev"]
    assert against == ["head_of_state"]
    assert "only the ceremonial head of state" in power.key_posts_chart().layout.title.text


def test_seats_title_claim_holds():
    seven = [p for p, c in CAMPS.items() if c == "against_khrushchev"
             and p in set(helpers.presidium_on("1957-06-18").query("status == 'full member'")
                          ["person_id"])]
    assert len(seven) == 7
    assert all(p in set(helpers.presidium_on("1953-03-05")["person_id"]) for p in seven)
    backers = [p for p in helpers.presidium_on("1957-06-30")["person_id"]
               if CAMPS[p] == "for_khrushchev"]
    late = [p for p in backers if p not in set(helpers.presidium_on("1955-01-01")["person_id"])]
    assert len(late) > len(backers) / 2


def test_balance_counts_and_title():
    balance = power.presidium_balance()
    june = balance[balance["date"] <= "1957-06-18"].iloc[-1]
    assert (june["against_khrushchev"], june["for_khrushchev"]) == (7, 4)
    title = power.presidium_balance_chart().layout.title.text.replace("<br>", " ")
    assert "7 of 11" in title and "Bulganin and Voroshilov" in title
    colours = {t.name: t.line.color for t in power.presidium_balance_chart().data}
    assert colours["Moved against him"] == CAMP_COLOURS["against_khrushchev"]


def test_posts_held_counts_both_top_posts_for_khrushchev_in_1958():
    held = power.posts_held(["khrushchev", "bulganin"], ["1958-06-01"])
    assert held.loc["Nikita Khrushchev"].iloc[0] == 3  # First Secretary, premier, full seat


def test_slider_has_one_visible_trace_per_date_and_starts_on_18_june_1957():
    figure = power.presidium_slider()
    assert sum(bool(t.visible) for t in figure.data) == 1
    visible = next(t for t in figure.data if t.visible)
    assert visible.name == "1957-06-18" and list(visible.x).count(0) == 11
    assert len(figure.layout.sliders[0].steps) == len(figure.data)


def test_event_timeline_title_names_the_busiest_month():
    events = helpers.table("events")
    busiest = events["date"].dt.to_period("M").value_counts().idxmax()
    assert busiest.strftime("%B %Y") in power.event_timeline_chart().layout.title.text


@pytest.mark.parametrize("make", [power.key_posts_chart, power.presidium_seats_chart,
                                  power.presidium_balance_chart, power.event_timeline_chart,
                                  sourcing.sources_by_kind_figure,
                                  helpers.charts.presidium_size_figure])
def test_every_figure_has_a_title_and_labelled_axes(make):
    figure = make()
    assert figure.layout.title.text
    assert figure.layout.xaxis.title.text and figure.layout.yaxis.title.text is not None


def test_long_titles_are_wrapped():
    assert "<br>" in wrap_title("word " * 40)
    import plotly.graph_objects as go
    figure = finish(go.Figure(layout={"title": {"text": "word " * 40}}))
    assert figure.layout.title.text.count("<br>") >= 2 and figure.layout.margin.t > 80


def test_cite_returns_full_citations_and_rejects_unknown_ids():
    cited = sourcing.cite("cia_caesar_xv_1962")
    assert "CAESAR XV" in cited["citation"].iloc[0]
    with pytest.raises(helpers.UnknownIdError, match="Did you mean 'cia_caesar_xv_1962'"):
        sourcing.cite("cia_caesar_xv_1961")


def test_date_precision_counts_every_tenure():
    precision = sourcing.date_precision()
    assert precision["tenure start"].sum() == len(helpers.table("tenures"))


def test_tables_overview_lists_every_table():
    overview = sourcing.tables_overview()
    assert list(overview["table"]) == list(helpers.load_dataset().frames)
    assert overview.set_index("table").loc["events", "rows"] >= 40


def test_network_layout_is_deterministic_and_graph_weights_are_days():
    graph = helpers.network.co_membership_graph("1957-01-01", "1957-06-18")
    assert graph.edges["khrushchev", "molotov"]["weight"] == \
        (pd.Timestamp("1957-06-18") - pd.Timestamp("1957-01-01")).days
    assert helpers.network.seeded_layout(graph) == helpers.network.seeded_layout(graph)
