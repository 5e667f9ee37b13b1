"""Read what a stored notebook shows (figures, printed text, tables) for tests of its findings.

The tests compute each finding from data/ with pandas and assert that the stored notebook
shows it, so a corrected (or mutated) fact in data/ turns a test red until the notebook is
re-executed and its prose checked.
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
    """The stored plotly figures of a notebook, in order (solution cells left out)."""
    found = []
    for cell in _notebook(name).cells:
        if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
            continue
        found += [o["data"][PLOTLY] for o in cell.get("outputs", []) if PLOTLY in o.get("data", {})]
    return found


def title(figure: dict) -> str:
    """A figure's title as one line (the wrapping <br> replaced by a space)."""
    return figure["layout"]["title"]["text"].replace("<br>", " ")


def texts(name: str) -> list[str]:
    """Every printed text and plain-text table the notebook stores."""
    found = []
    for cell in _notebook(name).cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                found.append(output["text"])
            elif "text/plain" in output.get("data", {}):
                found.append(output["data"]["text/plain"])
    return found


def text(name: str) -> str:
    """Every printed text and plain-text table, joined into one text."""
    return "\n".join(texts(name))


def shown(name: str) -> str:
    """Everything a reader sees in the outputs: the printed texts and the figure titles."""
    return "\n".join([*texts(name), *(title(figure) for figure in figures(name))])


def markdown(name: str) -> str:
    """All the prose of a notebook, as one text."""
    return "\n".join(c.source for c in _notebook(name).cells if c.cell_type == "markdown")


def values(array: object) -> list:
    """A trace's x, y or base as a list: plotly stores numeric arrays as typed base64 data."""
    if isinstance(array, dict) and "bdata" in array:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array or [])
