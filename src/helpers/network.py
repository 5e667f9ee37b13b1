"""Graphs of the leaders built from the data, and a seeded layout so drawings never move."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pandas as pd

from .dataset import load_dataset
from .dates import parse_date
from .queries import PRESIDIUM_OFFICES, person_names

LAYOUT_SEED = 1957


def co_membership_graph(start: object = "1953-03-05", end: object = "1958-12-31") -> nx.Graph:
    """People who sat in the Presidium together between ``start`` and ``end`` (end excluded).

    Nodes are person ids (attribute ``name``); an edge joins two people who overlapped, with
    ``weight`` = the number of days they both held a seat (full or candidate) in the window.
    """
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    dataset = load_dataset()
    tenures = dataset.frames["tenures"]
    seats = tenures[tenures["office_id"].isin(list(PRESIDIUM_OFFICES))].copy()
    seats["since"] = seats["start"].clip(lower=first)
    seats["until"] = seats["end"].fillna(last).clip(upper=last)
    seats = seats[seats["since"] < seats["until"]]
    names = person_names()
    graph = nx.Graph()
    for person_id in sorted(seats["person_id"].unique()):
        graph.add_node(person_id, name=names[person_id])
    spans = list(seats[["person_id", "since", "until"]].itertuples(index=False))
    for a, b in combinations(spans, 2):
        if a.person_id == b.person_id:
            continue
        days = (min(a.until, b.until) - max(a.since, b.since)).days
        if days > 0:
            key = tuple(sorted((a.person_id, b.person_id)))
            previous = graph.edges[key]["weight"] if graph.has_edge(*key) else 0
            graph.add_edge(*key, weight=previous + days)
    return graph


def seeded_layout(graph: nx.Graph, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed on sorted nodes, rounded, so stored outputs never change.

    Heavier edges (more days together) pull harder; ``k`` spreads the nodes enough for labels.
    """
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(data=True)))
    top = max((d.get("weight", 1) for *_, d in ordered.edges(data=True)), default=1)
    for *_, data in ordered.edges(data=True):
        data["pull"] = data.get("weight", 1) / top
    spread = 2.5 / max(ordered.number_of_nodes(), 1) ** 0.5
    positions = nx.spring_layout(ordered, seed=seed, weight="pull", k=spread, iterations=300)
    return {node: (round(float(x), 4), round(float(y), 4)) for node, (x, y) in positions.items()}


def june_1957_camps() -> dict[str, str]:
    """Camp of each person in June 1957 (stances table); everyone else 'not_in_leadership'."""
    stances = load_dataset().frames["stances_june_1957"]
    camps = dict(zip(stances["person_id"], stances["stance"]))
    people = load_dataset().frames["people"]["person_id"]
    return {person: camps.get(person, "not_in_leadership") for person in people}


def summary(graph: nx.Graph) -> pd.Series:
    """Sanity numbers a student can check: nodes, edges, density."""
    return pd.Series({"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                      "density": round(nx.density(graph), 3)}, dtype="object")


def ties_graph(kinds: tuple[str, ...] = ("patronage", "alliance", "rivalry", "collaboration"),
               documented_only: bool = False) -> nx.Graph:
    """The ties of ``ties.csv`` as an undirected graph (a patron's direction is kept in the
    edge attribute ``patron``). Several ties between two people keep the first, in file order,
    and list every kind in ``kinds``."""
    dataset = load_dataset()
    ties = dataset.frames["ties"]
    ties = ties[ties["kind"].isin(kinds)]
    if documented_only:
        ties = ties[ties["interpretation"] == "documented"]
    names = person_names()
    graph = nx.Graph()
    for tie in ties.itertuples(index=False):
        for person in (tie.person_a, tie.person_b):
            graph.add_node(person, name=names[person])
        if graph.has_edge(tie.person_a, tie.person_b):
            edge = graph.edges[tie.person_a, tie.person_b]
            edge["kinds"] = sorted(set(edge["kinds"]) | {tie.kind})
            continue
        graph.add_edge(tie.person_a, tie.person_b, kind=tie.kind, kinds=[tie.kind],
                       interpretation=tie.interpretation, weight=1,
                       patron=tie.person_a if tie.directed else None)
    return graph


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree (for co-membership: days served beside others, summed) and
    betweenness centrality of every node, highest betweenness first.

    Betweenness treats a heavier edge (more days together) as a shorter path, so it counts how
    often a person lies on the closest route between two others.
    """
    graph = graph.copy()  # the distances below must not leak into the caller's graph
    top = max((d.get("weight", 1) for *_, d in graph.edges(data=True)), default=1)
    distances = {(a, b): top / d.get("weight", 1) for a, b, d in graph.edges(data=True)}
    nx.set_edge_attributes(graph, distances, "distance")
    degree = nx.degree_centrality(graph)
    strength = dict(graph.degree(weight="weight"))
    between = nx.betweenness_centrality(graph, weight="distance")
    names = nx.get_node_attributes(graph, "name")
    frame = pd.DataFrame({
        "person_id": list(graph.nodes),
        "name": [names.get(n, n) for n in graph.nodes],
        "degree": [round(degree[n], 3) for n in graph.nodes],
        "weighted_degree": [int(strength[n]) for n in graph.nodes],
        "betweenness": [round(between[n], 3) for n in graph.nodes],
    })
    return frame.sort_values(["betweenness", "weighted_degree", "person_id"],
                             ascending=[False, False, True]).reset_index(drop=True)


def communities(graph: nx.Graph) -> pd.DataFrame:
    """Groups found by greedy modularity (deterministic), beside each person's June 1957 camp."""
    found = nx.community.greedy_modularity_communities(graph, weight="weight")
    camps = june_1957_camps()
    names = nx.get_node_attributes(graph, "name")
    rows = [{"community": index + 1, "person_id": person, "name": names.get(person, person),
             "camp_june_1957": camps.get(person, "not_in_leadership")}
            for index, group in enumerate(found) for person in sorted(group)]
    return pd.DataFrame(rows)
