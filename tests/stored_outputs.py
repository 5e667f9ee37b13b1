"""Read what a stored notebook shows: its figures, their titles, its text outputs, its prose.

Tests of a notebook's findings compute the finding from data/ with pandas and then look for it
here, so a changed fact (or a notebook not re-executed) turns them red.
"""

from __future__ import annotations

from functools import cache

import nbformat

from helpers.paths import NOTEBOOKS_DIR

PLOTLY = "application/vnd.plotly.v1+json"


@cache
def _notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)


def figures(name: str) -> list[dict]:
    """Every stored plotly figure of notebook ``name`` (e.g. '02_power_shifts'), in order."""
    return [output["data"][PLOTLY] for cell in _notebook(name).cells
            for output in cell.get("outputs", []) if PLOTLY in output.get("data", {})]


def title(figure: dict) -> str:
    """A figure's title on one line (the wrapping ``<br>`` become spaces)."""
    return figure["layout"]["title"]["text"].replace("<br>", " ")


def texts(name: str) -> str:
    """Every stored text output (printed lines and plain-text results), joined."""
    return "\n".join(output.get("text", "") + output.get("data", {}).get("text/plain", "")
                     for cell in _notebook(name).cells for output in cell.get("outputs", []))


def prose(name: str) -> str:
    """The notebook's markdown, joined (captions included)."""
    return "\n".join(cell.source for cell in _notebook(name).cells
                     if cell.cell_type == "markdown")
