"""Shared by the site and the slides: notebooks with plotly figures that draw without a kernel.

The stored outputs hold each figure as plotly JSON (``application/vnd.plotly.v1+json``), which
only JupyterLab draws. For export, each becomes an HTML ``<div>`` plus a call to
``Plotly.newPlot``; plotly.js itself is loaded once per page from a local copy.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import nbformat
import plotly
import plotly.io as pio

from helpers.style import course_template

PLOTLY_MIME = "application/vnd.plotly.v1+json"
TEMPLATES = Path(__file__).with_name("templates")
BINDER_BADGE = re.compile(r'<img[^>]*src="https://mybinder\.org/badge_logo\.svg"[^>]*>')


def plotly_js() -> Path:
    """The plotly.js bundle shipped inside the plotly Python package (no download)."""
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def copy_plotly_js(assets: Path) -> str:
    """Copy plotly.js into ``assets`` once; return its file name."""
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly_js(), assets / "plotly.min.js")
    return "plotly.min.js"


def with_html_figures(notebook: nbformat.NotebookNode, prefix: str,
                      presentation: bool = False) -> tuple[nbformat.NotebookNode, int]:
    """A copy of ``notebook`` whose plotly outputs are HTML; returns it and the figure count.

    ``presentation`` swaps in the large-type theme (for slides). Div ids are numbered, so the
    export is the same every time.
    """
    notebook = copy.deepcopy(notebook)
    count = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            spec = output.get("data", {}).get(PLOTLY_MIME)
            if spec is None:
                continue
            count += 1
            spec = copy.deepcopy(spec)
            if presentation:
                spec.setdefault("layout", {})["template"] = \
                    course_template(presentation=True).to_plotly_json()
            html = pio.to_html(spec, include_plotlyjs=False, full_html=False,
                               div_id=f"{prefix}-figure-{count}", validate=False,
                               config={"responsive": True, "displaylogo": False})
            output["data"] = {"text/html": html, "text/plain": output["data"].get(
                "text/plain", "<plotly figure>")}
    return notebook, count


def offline_links(html: str, suffix: str = ".html") -> str:
    """Point links between notebooks at the exported pages; make launch badges plain text."""
    html = re.sub(r'href="(\d\d_[a-z0-9_]+)\.ipynb"', rf'href="\1{suffix}"', html)
    return BINDER_BADGE.sub("Launch on Binder", html)
