"""One call at the top of every notebook: renderer, theme, palette and table display.

The plotly renderer is chosen by ``runtime.renderer_for`` from where the notebook runs (never by
plotly's own guesswork), so stored outputs do not depend on where a notebook was last run:
``plotly_mimetype`` in JupyterLab, Binder, hubs and JupyterLite stores each figure as JSON that
they draw without re-running; Colab gets ``colab``; an export (site, slides) sets
``COURSE_PLOTLY_RENDERER`` to ``notebook`` to embed plotly.js instead.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import feedback, projector
from .runtime import DEFAULT_RENDERER, RENDERER_ENV, renderer_for  # noqa: F401 (re-exported)

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442",
             "#000000")

#: One fixed colour per camp of June 1957, the same in every notebook.
CAMP_COLOURS: dict[str, str] = {
    "for_khrushchev": "#0072B2",      # blue
    "against_khrushchev": "#D55E00",  # vermillion
    "wavered": "#E69F00",             # orange
    "unclear": "#CC79A7",             # reddish purple
    "not_in_leadership": "#999999",   # grey: dead, removed or not yet promoted by June 1957
}

CAMP_LABELS: dict[str, str] = {
    "for_khrushchev": "For Khrushchev",
    "against_khrushchev": "Against Khrushchev",
    "wavered": "Wavered",
    "unclear": "Unclear",
    "not_in_leadership": "Not in the leadership in June 1957",
}

FONT_SIZE = {"class": 16, "presentation": 22}


def course_template(presentation: bool = False) -> go.layout.Template:
    """Return the course's plotly theme: large type, light grid, colour-blind-safe colours."""
    size = FONT_SIZE["presentation" if presentation else "class"]
    # Built from scratch (not a copy of a plotly theme) so that each stored figure stays small.
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
        margin={"l": 60, "r": 30, "t": 30, "b": 40},
    )
    if presentation:
        template.data.scatter = [go.Scatter(line={"width": 4}, marker={"size": 12})]
    return template


def setup(presentation: bool = False) -> None:
    """Set the plotly renderer and theme and pandas' display options for a notebook.

    ``presentation=True`` switches to larger type, thicker lines and fewer gridlines for
    projecting in a lecture hall.
    """
    pio.renderers.default = renderer_for()  # JupyterLab/Lite: plotly_mimetype; Colab: colab
    pio.templates["course"] = course_template(presentation)
    pio.templates.default = "course"
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.max_columns", 12)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 80)
    feedback.install()  # readable errors for beginners (missing quotes, the course's own errors)
    projector.install()  # every displayed figure fitted to a 1024x768 projector


def wrap_title(text: str, width_px: float = projector.NARROWEST_PX,
               font_px: float = projector.DEFAULT_TITLE_PX) -> str:
    """Break a long title into lines that fit the figure's width (plotly does not wrap)."""
    return projector.wrap_title(text, width_px, font_px)


def finish(figure: "go.Figure") -> "go.Figure":
    """Make a chart readable at 1024x768: wrapped title, legend below, every category label."""
    return projector.fit(figure)
