"""Notebook 03 (the network): its sanity numbers and findings, computed here from the tables
with pandas and networkx, must be what the stored notebook shows. A changed fact in data/
(a seat, a stance, a tie) turns one of these red."""

import networkx as nx
import pandas as pd
import pytest

import helpers
from helpers.exercises import feedback
from notebook_outputs import figures, markdown as prose, text as texts, title

NAME = "03_network"
CAMPS = helpers.june_1957_camps()


def _co_membership(start: str, end: str) -> nx.Graph:
    """Who overlapped in the Presidium in [start, end), built pair by pair (not as 03 does)."""
    tenures = helpers.table("tenures")
    seats = tenures[helpers.is_presidium_seat(tenures["office_id"])]
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    graph = nx.Graph()
    rows = list(seats.itertuples())
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a.person_id == b.person_id:
                continue
            since = max(a.start, b.start, first)
            until = min(a.end if pd.notna(a.end) else last, b.end if pd.notna(b.end) else last,
                        last)
            if until > since:
                days = (until - since).days
                old = graph.get_edge_data(a.person_id, b.person_id, {"days": 0})["days"]
                graph.add_edge(a.person_id, b.person_id, days=old + days)
    return graph


BEFORE = _co_membership("1953-03-05", "1957-06-18")


def test_sanity_numbers_before_june_1957():
    assert (BEFORE.number_of_nodes(), BEFORE.number_of_edges()) == (22, 201)
    assert round(nx.density(BEFORE), 2) == 0.87
    assert "22 nodes for 22 people in the edge list\n201 edges of 201 rows" in texts(NAME)
    assert "Twenty-two people and 201 edges, for 231 possible pairs" in prose(NAME)


def test_matrix_title_names_both_camps_in_the_longest_serving_core():
    total = pd.Series(dict(BEFORE.degree(weight="days")))
    longest = sorted(total[total == total.max()].index)
    movers = [p for p in longest if CAMPS[p] == "against_khrushchev"]
    assert len(longest) == 10 and len(movers) == 7
    assert {"khrushchev", "mikoyan"} <= set(longest)  # history audit #3: seniority was shared
    stored = [title(f) for f in figures(NAME) if f["data"][0]["type"] == "heatmap"]
    assert stored == ["10 sat together from March 1953 to June 1957: 7 who moved against "
                      "Khrushchev, and Khrushchev, Mikoyan, Shvernik"]


def test_the_old_title_that_gave_one_camp_the_seniority_is_gone():
    shown = " ".join(title(f) for f in figures(NAME)) + prose(NAME)
    assert "Those who moved against Khrushchev in 1957 had sat together longest" not in shown


def test_nodes_after_june_1957_and_exercise_answer():
    after = _co_membership("1957-06-29", "1959-01-01")
    assert after.number_of_nodes() == 26
    assert f"{after.number_of_nodes()} nodes, {after.number_of_edges()} edges" in texts(NAME)


def test_louvain_communities_split_by_arrival_not_by_camp():
    groups = nx.community.louvain_communities(BEFORE, weight="days", seed=1957)
    veterans = next(g for g in groups if "molotov" in g)
    assert len(groups) == 2
    assert {"khrushchev", "mikoyan"} <= veterans  # the algorithm puts them with the seven


def test_backers_were_newcomers_only_among_candidates():
    sitting = helpers.presidium_on("1957-06-18")
    backers = sitting[sitting["person_id"].map(CAMPS) == "for_khrushchev"]
    veteran = backers["person_id"].isin(helpers.presidium_on("1953-03-04")["person_id"])
    table = pd.crosstab(backers["status"], veteran)
    assert table.loc["full member", True] == 3 and table.loc["full member", False] == 1
    assert table.loc["candidate", False] == 3 and table.loc["candidate", True] == 2
    assert "holds for candidates only" in prose(NAME)  # history audit #13a


def test_ties_sanity_numbers_and_broker():
    ties = helpers.table("ties")
    graph = nx.from_pandas_edgelist(ties, "person_a", "person_b")
    assert (graph.number_of_nodes(), graph.number_of_edges(), len(ties)) == (34, 48, 63)
    assert "34 people, 48 edges for 63 ties" in texts(NAME)
    ranked = pd.Series(nx.betweenness_centrality(graph)).sort_values(ascending=False)
    assert list(ranked.index[:2]) == ["khrushchev", "malenkov"]


def test_patronage_drawing_title_and_readable_colours():
    ties = helpers.table("ties")
    patronage = ties[ties["kind"] == "patronage"]
    graph = nx.from_pandas_edgelist(patronage, "person_a", "person_b")
    hub, degree = max(graph.degree, key=lambda pair: pair[1])
    assert graph.has_edge("kaganovich", "khrushchev")  # the 1925 patronage is drawn
    drawn = [f for f in figures(NAME) if title(f).endswith("patronage ties")]
    assert [title(f) for f in drawn] == [
        f"Khrushchev has {degree} of the {graph.number_of_edges()} patronage ties"]
    assert hub == "khrushchev"
    line_colours = {t["line"]["color"] for t in drawn[0]["data"] if t["mode"] == "lines"}
    assert not line_colours & set(helpers.CAMP_COLOURS.values()) - {"#999999"}  # classroom C9


@pytest.mark.parametrize("exercise_id, answer", [
    ("03-1", 26),          # Presidium seats overlapping 29 Jun 1957 - 31 Dec 1958 (tenures.csv)
    ("03-2", "malenkov"),  # betweenness in the ties network (ties.csv)
    ("03-3", 19),          # ties labelled interpretation (ties.csv; kaganovich-shepilov 1957
                           # relabelled interpretation after history audit #16)
])
def test_exercise_answers_pinned(exercise_id, answer):
    assert feedback(exercise_id, answer) == "Correct! Well done."


def test_exercise_4_judges_the_documented_graph():
    ties = helpers.table("ties")
    documented = ties[ties["interpretation"] == "documented"]
    right = nx.from_pandas_edgelist(documented, "person_a", "person_b")
    assert feedback("03-4", right) == "Correct! Well done."
    everything = nx.from_pandas_edgelist(ties, "person_a", "person_b")
    assert "no documented tie" in feedback("03-4", everything)
    assert "Pass the graph itself" in feedback("03-4", "documented_graph")
