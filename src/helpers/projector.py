"""Fit every figure to a 1024x768 projector, which a plotly template cannot do: plotly never
wraps a title, and a template cannot tell a category axis from a date axis. ``install`` (called
by ``helpers.setup()``) applies :func:`fit` to each figure a cell displays."""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap

import plotly.graph_objects as go
import plotly.io as pio
from plotly.basedatatypes import BaseFigure

#: Width of a figure in JupyterLab at 1024x768 with the file browser open (measured: 590 px).
NARROWEST_PX = 560
CHAR_EM = 0.56  # average width of a character of the course's font, in ems (measured on titles)
DEFAULT_TITLE_PX = 20
ROW_EM = 1.6  # height of one category label, in ems of the tick font
#: Text that plotly reads as a date or a number, not as a category.
NOT_A_CATEGORY = re.compile(r"^\s*(\d{4}-\d{2}|[-+]?\d+(\.\d*)?\s*$)")


def fit(figure: go.Figure) -> go.Figure:
    """Make ``figure`` readable at 1024x768 (in place); return it."""
    layout = figure.layout
    if layout.title.text:  # wrapped to the width; it pushes the top margin itself
        font_px = float(layout.title.font.size or layout.template.layout.title.font.size
                        or DEFAULT_TITLE_PX)
        chars = max(20, int(((layout.width or NARROWEST_PX) - 10) / (font_px * CHAR_EM)))
        layout.title.text = "<br>".join(piece for line in layout.title.text.split("<br>")
                                        for piece in textwrap.wrap(line, width=chars))
        figure.update_layout(title={"automargin": True, "yref": "paper", "y": 1,
                                    "yanchor": "bottom", "pad": {"b": 12}})
        layout.margin.t = None  # a fixed large top margin would let the title overlap the plot
    legend = layout.legend  # a horizontal legend under the plot: anchored to the figure's
    if legend.orientation == "h" and legend.yref != "container" and (legend.y or 0) < 0:
        figure.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"})
        layout.margin.b = None  # bottom, it pushes the margin instead of covering the axis title
    if (legend.orientation or layout.template.layout.legend.orientation) == "h":
        legend.title.side = "top"
    _fit_category_axes(figure)
    return figure


def _categories(figure: go.Figure, axis_name: str) -> list:
    """The distinct texts the traces plot on ``axis_name`` ('yaxis2'); [] if one is a number or
    a date (plotly then draws a number or date axis)."""
    letter, anchor = axis_name[0], axis_name[0] + axis_name[5:]  # 'yaxis2' -> 'y2'
    values = [value for trace in figure.data
              if (getattr(trace, f"{letter}axis", None) or letter) == anchor
              and getattr(trace, letter, None) is not None
              for value in getattr(trace, letter) if value is not None]  # None: a gap in a line
    if any(not isinstance(value, str) or NOT_A_CATEGORY.match(value) for value in values):
        return []
    return list(dict.fromkeys(values))


def _fit_category_axes(figure: go.Figure) -> None:
    """Every category gets its tick label (plotly thins crowded ones, and in presentation mode
    dropped every other name), and the figure grows to fit them."""
    named = {name for name in figure.layout.to_plotly_json() if name.startswith(("xaxis", "yaxis"))}
    named |= {f"{letter}axis{anchor[1:]}" for trace in figure.data for letter in "xy"
              if (anchor := getattr(trace, f"{letter}axis", None))}  # 'x2' is drawn on 'xaxis2'
    for axis_name in sorted(named | {"xaxis", "yaxis"}):
        axis = figure.layout[axis_name]
        if axis.type not in (None, "-", "category") or axis.tickmode or axis.tickvals:
            continue
        categories = _categories(figure, axis_name)
        if len(categories) < 2:
            continue
        axis.update(tickmode="linear", tick0=0, dtick=1)
        if axis_name[0] == "y" and not figure.layout.width:
            font = figure.layout.font.size or figure.layout.template.layout.font.size or 16
            needed = int(len(categories) * font * ROW_EM) + 180
            if (figure.layout.height or 450) < needed:
                figure.layout.height = needed


def install(shell: object) -> None:
    """Fit every figure a cell displays in this IPython kernel."""
    shell.display_formatter.ipython_display_formatter.for_type(BaseFigure, show)


def show(figure: go.Figure) -> None:
    """Display a fitted copy of ``figure`` (itself if ``finish`` fitted it and it is unchanged).
    For plotly JSON, send plotly's bundle directly: its renderers import nbformat (0.1-0.2 s)."""
    loaded = sys.modules.get("plotly.io._renderers")
    renderer = loaded.renderers.default if loaded else os.environ.get("PLOTLY_RENDERER")
    if renderer != "plotly_mimetype":
        return pio.show(fit(go.Figure(figure)))
    text = pio.to_json(figure, remove_uids=False)
    if text != getattr(figure, "_fitted_json", None):  # a copy and a fit cost 5-15 ms a figure
        text = pio.to_json(fit(go.Figure(figure)), remove_uids=False)
    from IPython.display import display
    display({"application/vnd.plotly.v1+json": json.loads(text)}, raw=True)
