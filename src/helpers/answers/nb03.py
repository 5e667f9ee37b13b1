"""Answers to the exercises of 03 The network of the figures, computed from the tables."""

import networkx as nx
import pandas as pd

from ..dataset import table
from ..exercises import compare, exercise, judge
from ..queries import is_presidium_seat


@exercise("03-1", hint="after.number_of_nodes() counts the people in the network after "
          "June 1957.", kind="number")
def nodes_after_june_1957() -> int:
    """Everyone with a Presidium seat overlapping 29 June 1957 - 31 December 1958."""
    tenures = table("tenures")
    seats = tenures[is_presidium_seat(tenures["office_id"])]
    overlapping = (seats["start"] < "1959-01-01") & (
        seats["end"].isna() | (seats["end"] > "1957-06-29"))
    return int(seats.loc[overlapping, "person_id"].nunique())


@exercise("03-2", hint="put nx.betweenness_centrality(ties_graph) in a pd.Series, sort it "
          "from largest to smallest and take the id of the second row.")
def second_broker() -> str:
    graph = nx.from_pandas_edgelist(table("ties"), "person_a", "person_b")
    return str(pd.Series(nx.betweenness_centrality(graph)).sort_values(ascending=False).index[1])


@exercise("03-3", hint="count the rows of `ties` whose interpretation column says "
          "'interpretation'.", kind="number")
def interpreted_ties() -> int:
    return int((table("ties")["interpretation"] == "interpretation").sum())


@judge("03-4", hint="filter first: documented = ties[ties[\"interpretation\"] == "
       "\"documented\"], then nx.from_pandas_edgelist(documented, \"person_a\", \"person_b\"), "
       "and write answer = documented_graph.", takes=nx.Graph)
def documented_ties_only(answer: nx.Graph) -> str | None:
    ties = table("ties")
    documented = ties[ties["interpretation"] == "documented"]
    return compare((" and ".join(sorted(edge)) for edge in answer.edges),
                   (" and ".join(sorted(pair)) for pair in zip(documented["person_a"],
                                                              documented["person_b"])),
                   extra="The graph still joins {}, a pair with no documented tie: filter "
                         "`ties` on the interpretation column before building the graph.",
                   missing="The graph lacks the documented tie between {}: build it from every "
                           "documented row of `ties`.")
