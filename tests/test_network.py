"""Networks built from the data: sizes, weights, centrality, communities, ties."""

import networkx as nx
import pandas as pd

import helpers
from helpers import network


def test_co_membership_before_june_1957_sanity_numbers():
    graph = network.co_membership_graph("1953-03-05", "1957-06-18")
    seats = helpers.table("tenures")
    seats = seats[seats["office_id"].str.startswith("presidium_")]
    sat = seats[(seats["start"] < "1957-06-18") &
                (seats["end"].isna() | (seats["end"] > "1953-03-05"))]
    assert graph.number_of_nodes() == sat["person_id"].nunique()
    assert not graph.has_edge("beria", "zhukov")  # Beria was gone before Zhukov arrived


def test_centrality_does_not_change_the_graph_and_is_sorted():
    graph = network.ties_graph()
    before = nx.to_dict_of_dicts(graph)
    table = network.centrality(graph)
    assert nx.to_dict_of_dicts(graph) == before
    assert table["betweenness"].is_monotonic_decreasing
    assert set(table["person_id"]) == set(graph.nodes)


def test_ties_graph_keeps_patrons_and_labels():
    graph = network.ties_graph(kinds=("patronage",))
    ties = helpers.table("ties")
    patronage = ties[ties["kind"] == "patronage"]
    first = patronage.iloc[0]
    edge = graph.edges[first["person_a"], first["person_b"]]
    assert edge["patron"] == first["person_a"]
    assert edge["interpretation"] == first["interpretation"]
    documented = network.ties_graph(documented_only=True)
    assert all(d["interpretation"] == "documented" for *_, d in documented.edges(data=True))


def test_communities_cover_every_node_once_with_camps():
    graph = network.co_membership_graph("1953-03-05", "1957-06-18")
    groups = network.communities(graph)
    assert sorted(groups["person_id"]) == sorted(graph.nodes)
    assert groups["person_id"].is_unique
    the_seven = groups[groups["camp_june_1957"] == "against_khrushchev"]
    assert len(the_seven) == 8  # the seven full members and Shepilov


def test_summary_reports_integers():
    summary = network.summary(network.ties_graph())
    assert isinstance(summary["nodes"], int) and isinstance(summary["edges"], int)
    assert 0 < summary["density"] < 1
    assert pd.api.types.is_object_dtype(summary)
