"""Answers to the exercises of 03 The network of the figures."""

from ..dataset import load_dataset
from ..exercises import exercise
from ..network import centrality, co_membership_graph, ties_graph


@exercise("03-1", hint="helpers.network.summary(after_june_1957) shows the number of nodes.",
          kind="number")
def nodes_after_june_1957() -> int:
    return co_membership_graph("1957-06-29", "1958-12-31").number_of_nodes()


@exercise("03-2", hint="helpers.network.centrality(ties) is sorted by betweenness: take the "
          "person_id of the second row.")
def second_broker() -> str:
    return str(centrality(ties_graph()).iloc[1]["person_id"])


@exercise("03-3", hint="count the rows of helpers.table('ties') whose interpretation column "
          "says 'interpretation'.", kind="number")
def interpreted_ties() -> int:
    ties = load_dataset().frames["ties"]
    return int((ties["interpretation"] == "interpretation").sum())
