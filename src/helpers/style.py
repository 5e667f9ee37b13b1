"""The course's set-up and look: ``setup()`` at the top of every notebook (the plotly renderer
for where it runs, the theme, readable errors, figures fitted to a projector), the
colour-blind-safe palette and the fixed colour and label of each June 1957 camp."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Container, Mapping

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import feedback, projector

RENDERER_ENV = "COURSE_PLOTLY_RENDERER"  # an export (site, slides) sets it to "notebook"
# JupyterLab, Binder, hubs, nbval, and JupyterLite (whose site bundles plotly's extension):
# each figure stored as small, deterministic plotly JSON. Colab has no plotly extension; its
# "colab" renderer writes HTML that loads plotly.js.
DEFAULT_RENDERER = "plotly_mimetype"
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


def where_running(modules: Container[str] | None = None, platform: str | None = None) -> str:
    """``"colab"``, ``"jupyterlite"`` or ``"jupyter"`` (JupyterLab, Binder, a hub, nbval)."""
    modules = sys.modules if modules is None else modules
    if "google.colab" in modules:
        return "colab"
    if (sys.platform if platform is None else platform) == "emscripten" or "pyodide" in modules:
        return "jupyterlite"
    return "jupyter"


def renderer_for(modules: Container[str] | None = None, platform: str | None = None,
                 environ: Mapping[str, str] | None = None) -> str:
    """The plotly renderer for where the notebook runs (``$COURSE_PLOTLY_RENDERER`` wins): a
    pure function of its inputs, so stored outputs never depend on where a notebook last ran."""
    chosen = (os.environ if environ is None else environ).get(RENDERER_ENV)
    return chosen or ("colab" if where_running(modules, platform) == "colab" else DEFAULT_RENDERER)


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
    pd.set_option("display.max_rows", 40, "display.max_columns", 12, "display.width", 120,
                  "display.max_colwidth", 80)
    if not gc.get_freeze_count():  # once: imports and plotly's validators (3 MB) live all session;
        gc.freeze()  # frozen, no collection walks them again (0.1-0.2 s a full pass, and at exit)
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        feedback.install(shell)
        projector.install(shell)


def finish(figure: go.Figure) -> go.Figure:
    """Make a chart readable at 1024x768: wrapped title, legend below, every category label."""
    figure._fitted_json = pio.to_json(projector.fit(figure), remove_uids=False)  # show() reuses
    return figure
