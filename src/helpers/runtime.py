"""The plotly renderer for where a notebook runs: a pure function of the loaded modules, the
platform and the environment, so stored outputs never depend on where a notebook last ran."""

from __future__ import annotations

import os
import sys
from collections.abc import Container, Mapping

RENDERER_ENV = "COURSE_PLOTLY_RENDERER"  # an export (site, slides) sets it to "notebook"
# JupyterLab, Binder, hubs, nbval, and JupyterLite (whose site bundles plotly's extension):
# each figure stored as small, deterministic plotly JSON. Colab has no plotly extension; its
# "colab" renderer writes HTML that loads plotly.js.
DEFAULT_RENDERER = "plotly_mimetype"
RENDERERS = {"colab": "colab", "jupyterlite": DEFAULT_RENDERER, "jupyter": DEFAULT_RENDERER}


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
    """The plotly renderer for where the notebook runs; ``$COURSE_PLOTLY_RENDERER`` wins."""
    chosen = (os.environ if environ is None else environ).get(RENDERER_ENV)
    return chosen or RENDERERS[where_running(modules, platform)]
