"""The course's look: ``setup()`` at the top of every notebook, the plotly theme, the
colour-blind-safe palette and the fixed colour and label of each June 1957 camp."""

from __future__ import annotations

import gc
import os
import sys

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import feedback, projector
from .runtime import DEFAULT_RENDERER, RENDERER_ENV, renderer_for  # noqa: F401 (re-exported)

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442",
             "#000000")
#: One fixed colour per camp of June 1957, the same in every notebook (grey: dead, removed or
#: not yet promoted by June 1957).
CAMP_COLOURS = {"for_khrushchev": "#0072B2", "against_khrushchev": "#D55E00",
                "wavered": "#E69F00", "unclear": "#CC79A7", "not_in_leadership": "#999999"}
CAMP_LABELS = {"for_khrushchev": "For Khrushchev", "against_khrushchev": "Against Khrushchev",
               "wavered": "Wavered", "unclear": "Unclear",
               "not_in_leadership": "Not in the leadership in June 1957"}
FONT_SIZE = {"class": 16, "presentation": 22}


def course_template(presentation: bool = False) -> go.layout.Template:
    """The plotly theme: large type, light grid, colour-blind-safe colours. Built from scratch
    (not a copy of a plotly theme) so that each stored figure stays small."""
    size = FONT_SIZE["presentation" if presentation else "class"]
    axis = {"showline": True, "linecolor": "#444444", "ticks": "outside", "automargin": True,
            "showgrid": not presentation, "gridcolor": "#e5e5e5", "zeroline": False,
            "title": {"standoff": 10}}
    template = go.layout.Template()
    template.layout.update(
        font={"family": "Arial, Helvetica, sans-serif", "size": size, "color": "#222222"},
        # the title sits above the plot and pushes the top margin (projector.fit wraps it)
        title={"font": {"size": size + 4}, "x": 0, "xanchor": "left", "automargin": True,
               "yref": "paper", "y": 1, "yanchor": "bottom", "pad": {"b": 12}},
        colorway=list(OKABE_ITO), paper_bgcolor="white", plot_bgcolor="white",
        xaxis=axis, yaxis=axis, hoverlabel={"font": {"size": size - 2}},
        # below the plot, across: at 1024x768 a legend at the right takes half the width
        legend={"font": {"size": size - 2}, "orientation": "h", "yref": "container", "y": 0,
                "yanchor": "bottom", "x": 0, "xanchor": "left", "title": {"side": "top"}},
        margin={"l": 60, "r": 30, "t": 30, "b": 40})
    if presentation:
        template.data.scatter = [go.Scatter(line={"width": 4}, marker={"size": 12})]
    return template


def setup(presentation: bool = False) -> None:
    """Set the plotly renderer and theme, pandas' display options, readable errors and figures
    fitted to a 1024x768 projector. ``presentation=True``: larger type, thicker lines, fewer
    gridlines, for a lecture hall."""
    if "plotly.io._renderers" in sys.modules:
        pio.renderers.default = renderer_for()
    else:  # where plotly reads it on loading its renderers (which import nbformat: 0.1-0.2 s)
        os.environ["PLOTLY_RENDERER"] = renderer_for()
    pio.templates["course"] = course_template(presentation)
    pio.templates.default = "course"
    for option, value in (("max_rows", 40), ("max_columns", 12), ("width", 120),
                          ("max_colwidth", 80)):
        pd.set_option(f"display.{option}", value)
    feedback.install()
    projector.install()
    if not gc.get_freeze_count():  # once: imports and plotly's validators (3 MB) live all session;
        gc.freeze()  # frozen, no collection walks them again (0.1-0.2 s a full pass, and at exit)


def finish(figure: go.Figure) -> go.Figure:
    """Make a chart readable at 1024x768: wrapped title, legend below, every category label."""
    figure._fitted_json = pio.to_json(projector.fit(figure), remove_uids=False)  # show() reuses
    return figure
