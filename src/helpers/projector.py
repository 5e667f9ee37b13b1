"""Every figure readable at 1024x768: what a plotly template cannot do by itself.

A template cannot wrap a title (plotly never wraps text) or tell a category axis from a date
axis, so :func:`fit` does that to each figure as it is displayed (``install`` registers it with
IPython in ``helpers.setup()``; chart helpers call it through ``style.finish``):

* the title is wrapped to the width a figure gets in JupyterLab at 1024x768 with the file
  browser open (about 590 px, measured), and pushes the top margin itself (automargin);
* a horizontal legend placed under the plot is anchored to the bottom of the figure, where it
  pushes the bottom margin instead of printing over the axis title;
* every category gets its tick label (plotly thins crowded category labels, and in
  presentation mode it dropped every other name), and the figure grows to fit them.
"""

from __future__ import annotations

import re
import textwrap

import plotly.graph_objects as go

#: Width of a figure's output area in JupyterLab at 1024x768, file browser open (measured: 590).
NARROWEST_PX = 560
#: Average width of a character in the course's sans-serif font, in ems (measured on titles).
CHAR_EM = 0.56
DEFAULT_TITLE_PX = 20
ROW_EM = 1.6  # height of one category label, in ems of the tick font
#: Text plotly reads as a date or a number (its axis is then not a category axis).
NOT_A_CATEGORY = re.compile(r"^\s*(\d{4}-\d{2}|[-+]?\d+(\.\d*)?\s*$)")


def wrap_title(text: str, width_px: float = NARROWEST_PX,
               font_px: float = DEFAULT_TITLE_PX) -> str:
    """Break ``text`` into lines that fit ``width_px`` at ``font_px`` (plotly does not wrap)."""
    chars = max(20, int(width_px / (font_px * CHAR_EM)))
    lines = [piece for line in text.split("<br>") for piece in textwrap.wrap(line, width=chars)]
    return "<br>".join(lines)


def _title_font_px(figure: go.Figure) -> float:
    for layout in (figure.layout, figure.layout.template.layout):
        if layout.title.font.size:
            return float(layout.title.font.size)
    return DEFAULT_TITLE_PX


def _fit_title(figure: go.Figure) -> None:
    title = figure.layout.title
    if not title.text:
        return
    width = figure.layout.width or NARROWEST_PX
    title.text = wrap_title(title.text, width - 10, _title_font_px(figure))
    # the title pushes the top margin itself; a fixed large top margin would let it overlap
    figure.update_layout(title={"automargin": True, "yref": "paper", "y": 1,
                                "yanchor": "bottom", "pad": {"b": 12}})
    if figure.layout.margin.t is not None:
        figure.layout.margin.t = None


def _fit_legend(figure: go.Figure) -> None:
    legend = figure.layout.legend
    if legend.orientation == "h" and legend.yref != "container" and (legend.y or 0) < 0:
        figure.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"})
        figure.layout.margin.b = None
    if legend.orientation == "h" or (legend.orientation is None and
                                     figure.layout.template.layout.legend.orientation == "h"):
        # the legend's title on its own line, so that the entries can use the full width
        legend.title.side = "top"


def _categories(figure: go.Figure, letter: str, axis_name: str) -> list:
    """The distinct text values the traces on axis ``axis_name`` (e.g. 'yaxis2') plot."""
    anchor = letter + axis_name[5:]  # 'yaxis2' -> 'y2', 'yaxis' -> 'y'
    seen: list = []
    for trace in figure.data:
        if (getattr(trace, f"{letter}axis", None) or letter) != anchor:
            continue
        values = getattr(trace, letter, None)
        if values is None:
            continue
        for value in values:
            if value is None:
                continue  # a gap between line segments
            if not isinstance(value, str) or NOT_A_CATEGORY.match(value):
                return []  # numbers or dates: plotly draws this axis as a number or date axis
            if value not in seen:
                seen.append(value)
    return seen


def _fit_category_axes(figure: go.Figure) -> None:
    named = {name for name in figure.layout.to_plotly_json() if name.startswith(("xaxis", "yaxis"))}
    for trace in figure.data:  # axes the traces use ('x2' is drawn on 'xaxis2')
        for letter in "xy":
            anchor = getattr(trace, f"{letter}axis", None)
            if anchor:
                named.add(f"{letter}axis{anchor[1:]}")
    for axis_name in sorted(named | {"xaxis", "yaxis"}):
        axis = figure.layout[axis_name]
        if axis.type not in (None, "-", "category") or axis.tickmode or axis.tickvals:
            continue
        letter = axis_name[0]
        categories = _categories(figure, letter, axis_name)
        if len(categories) < 2:
            continue
        axis.update(tickmode="linear", tick0=0, dtick=1)
        if letter == "y" and not figure.layout.width:
            font = (figure.layout.font.size or figure.layout.template.layout.font.size or 16)
            needed = int(len(categories) * font * ROW_EM) + 180
            if (figure.layout.height or 450) < needed:
                figure.layout.height = needed


def fit(figure: go.Figure) -> go.Figure:
    """Make ``figure`` readable at 1024x768 (in place); return it."""
    _fit_title(figure)
    _fit_legend(figure)
    _fit_category_axes(figure)
    return figure


def _display(figure: go.Figure) -> None:
    import plotly.io as pio

    pio.show(fit(go.Figure(figure)))


def install() -> bool:
    """Fit every figure a cell displays; return False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    from plotly.basedatatypes import BaseFigure

    shell.display_formatter.ipython_display_formatter.for_type(BaseFigure, _display)
    return True
