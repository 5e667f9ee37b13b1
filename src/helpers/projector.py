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

#: Width of a figure in JupyterLab at 1024x768 with the file browser open (measured: 590 px).
NARROWEST_PX = 560
CHAR_EM = 0.56  # average width of a character of the course's font, in ems (measured on titles)
DEFAULT_TITLE_PX = 20
ROW_EM = 1.6  # height of one category label, in ems of the tick font
NOT_A_CATEGORY = re.compile(r"^\s*(\d{4}-\d{2}|[-+]?\d+(\.\d*)?\s*$)")  # plotly reads a date or number


def wrap_title(text: str, width_px: float = NARROWEST_PX, font_px: float = DEFAULT_TITLE_PX) -> str:
    """Break ``text`` into lines that fit ``width_px`` at ``font_px``."""
    chars = max(20, int(width_px / (font_px * CHAR_EM)))
    return "<br>".join(piece for line in text.split("<br>")
                       for piece in textwrap.wrap(line, width=chars))


def _fit_title(figure: go.Figure) -> None:
    title = figure.layout.title
    if not title.text:
        return
    font_px = next((float(layout.title.font.size) for layout in
                    (figure.layout, figure.layout.template.layout) if layout.title.font.size),
                   DEFAULT_TITLE_PX)
    title.text = wrap_title(title.text, (figure.layout.width or NARROWEST_PX) - 10, font_px)
    # the title pushes the top margin itself; a fixed large top margin would let it overlap
    figure.update_layout(title={"automargin": True, "yref": "paper", "y": 1,
                                "yanchor": "bottom", "pad": {"b": 12}})
    if figure.layout.margin.t is not None:
        figure.layout.margin.t = None


def _fit_legend(figure: go.Figure) -> None:
    """A horizontal legend under the plot is anchored to the bottom of the figure, where it
    pushes the bottom margin instead of printing over the axis title; its title on its own line."""
    legend = figure.layout.legend
    if legend.orientation == "h" and legend.yref != "container" and (legend.y or 0) < 0:
        figure.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"})
        figure.layout.margin.b = None
    if (legend.orientation or figure.layout.template.layout.legend.orientation) == "h":
        legend.title.side = "top"


def _categories(figure: go.Figure, letter: str, axis_name: str) -> list:
    """The distinct text values the traces on axis ``axis_name`` (e.g. 'yaxis2') plot; none
    when a value is a number or a date (plotly then draws a number or date axis)."""
    anchor = letter + axis_name[5:]  # 'yaxis2' -> 'y2', 'yaxis' -> 'y'
    seen: list = []
    for trace in figure.data:
        values = getattr(trace, letter, None)
        if (getattr(trace, f"{letter}axis", None) or letter) != anchor or values is None:
            continue
        for value in values:
            if value is None:
                continue  # a gap between line segments
            if not isinstance(value, str) or NOT_A_CATEGORY.match(value):
                return []
            if value not in seen:
                seen.append(value)
    return seen


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
        categories = _categories(figure, axis_name[0], axis_name)
        if len(categories) < 2:
            continue
        axis.update(tickmode="linear", tick0=0, dtick=1)
        if axis_name[0] == "y" and not figure.layout.width:
            font = figure.layout.font.size or figure.layout.template.layout.font.size or 16
            needed = int(len(categories) * font * ROW_EM) + 180
            if (figure.layout.height or 450) < needed:
                figure.layout.height = needed


def fit(figure: go.Figure) -> go.Figure:
    """Make ``figure`` readable at 1024x768 (in place); return it."""
    _fit_title(figure)
    _fit_legend(figure)
    _fit_category_axes(figure)
    return figure


def install() -> bool:
    """Fit every figure a cell displays; return False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is not None:
        from plotly.basedatatypes import BaseFigure

        shell.display_formatter.ipython_display_formatter.for_type(BaseFigure, show)
    return shell is not None


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
