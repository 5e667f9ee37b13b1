"""Figures of the course: titles that state the finding, labelled axes, fixed colours."""

from __future__ import annotations

import networkx as nx
import plotly.graph_objects as go

from .network import june_1957_camps, seeded_layout
from .style import CAMP_COLOURS, CAMP_LABELS, OKABE_ITO, finish
from .timeline import presidium_size

#: Line colour for each kind of tie (distinct from the camp colours of the dots).
TIE_STYLE = {"patronage": OKABE_ITO[2], "alliance": OKABE_ITO[4], "rivalry": OKABE_ITO[5],
             "collaboration": OKABE_ITO[7]}


def presidium_size_figure(start: object = "1953-03-05", end: object = "1958-12-31") -> go.Figure:
    """Step chart of the number of full members and candidates of the Presidium."""
    size = presidium_size(start, end)
    figure = go.Figure()
    for column, colour in (("full members", OKABE_ITO[0]), ("candidates", OKABE_ITO[3])):
        figure.add_trace(go.Scatter(x=size["date"], y=size[column], name=column.capitalize(),
                                    mode="lines", line={"shape": "hv", "color": colour,
                                                        "width": 3}))
    peak = size.loc[size["full members"].idxmax()]
    figure.update_layout(
        title=(f"The Presidium grew from {size['full members'].iloc[0]} full members to "
               f"{peak['full members']} in {peak['date']:%B %Y}"),
        xaxis_title="Date", yaxis_title="Number of people", yaxis_rangemode="tozero",
        legend_title_text="Seat", height=450,
    )
    return finish(figure)


def _edge_lines(graph: nx.Graph, positions: dict[str, tuple[float, float]],
                keep: object) -> tuple[list[float | None], list[float | None]]:
    """x and y lists (None between edges) for the edges whose data pass ``keep``."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for a, b, data in sorted(graph.edges(data=True)):
        if keep(data):  # type: ignore[operator]
            (x0, y0), (x1, y1) = positions[a], positions[b]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
    return xs, ys


def _nodes_by_camp(figure: go.Figure, graph: nx.Graph,
                   positions: dict[str, tuple[float, float]]) -> None:
    """One labelled marker trace per camp of June 1957, in the fixed camp colours."""
    nodes = sorted(graph.nodes(data=True))
    camps = june_1957_camps()
    for camp, colour in CAMP_COLOURS.items():
        mine = [(n, d) for n, d in nodes if camps.get(n, "not_in_leadership") == camp]
        if not mine:
            continue
        figure.add_trace(go.Scatter(
            x=[positions[n][0] for n, _ in mine], y=[positions[n][1] for n, _ in mine],
            mode="markers+text", name=CAMP_LABELS[camp],
            text=[d.get("name", n).split()[-1] for n, d in mine],
            textposition="top center", hovertext=[d.get("name", n) for n, d in mine],
            hoverinfo="text",
            marker={"size": 16, "color": colour, "line": {"width": 1, "color": "#333333"}}))


def network_figure(graph: nx.Graph, title: str) -> go.Figure:
    """Draw ``graph`` on its fixed layout: edge width follows ``weight``; each node is labelled
    and coloured by its camp in June 1957 (the same colours in every notebook)."""
    positions = seeded_layout(graph)
    top = max((d.get("weight", 1) for *_, d in graph.edges(data=True)), default=1)
    figure = go.Figure()
    # One trace per band of weight (not one per edge) keeps the stored figure small.
    for band, width in enumerate((0.6, 1.8, 3.5, 6.0)):
        xs, ys = _edge_lines(graph, positions, lambda d, band=band: min(
            int(4 * d.get("weight", 1) / top - 1e-9), 3) == band)
        if xs:
            figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                        showlegend=False,
                                        line={"width": width, "color": "#bbbbbb"}))
    _nodes_by_camp(figure, graph, positions)
    figure.update_layout(title=title, height=650, legend_title_text="Stance in June 1957",
                         xaxis={"visible": False}, yaxis={"visible": False})
    return finish(figure)


def ties_figure(graph: nx.Graph) -> go.Figure:
    """Draw the ties network: line colour by kind of tie, dashed when it is interpretation."""
    positions = seeded_layout(graph)
    figure = go.Figure()
    for kind, colour in TIE_STYLE.items():
        for label, dash in (("documented", "solid"), ("interpretation", "dash")):
            xs, ys = _edge_lines(graph, positions, lambda d, k=kind, lab=label:
                                 d["kind"] == k and d["interpretation"] == lab)
            if xs:
                figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                            name=f"{kind} ({label})",
                                            line={"width": 2.5, "color": colour,
                                                  "dash": dash}))
    _nodes_by_camp(figure, graph, positions)
    hub, degree = max(sorted(graph.degree), key=lambda pair: pair[1])
    name = graph.nodes[hub].get("name", hub).split()[-1]
    figure.update_layout(
        title=f"{name} is at the centre of the recorded ties: {degree} of "
              f"{graph.number_of_edges()} involve him",
        height=750, legend_title_text="Tie (line) and stance (dot)",
        xaxis={"visible": False}, yaxis={"visible": False})
    return finish(figure)
