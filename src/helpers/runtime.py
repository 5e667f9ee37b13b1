"""Where a notebook runs, and the plotly renderer that draws there.

The choice is a pure function of ``sys.modules``, ``sys.platform`` and the environment, so it
is explicit and testable, and in JupyterLab (and under nbval) it always gives
``plotly_mimetype``: stored outputs never depend on where a notebook was last run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Container, Mapping

#: An export (site, slides) sets this to ``notebook`` to embed plotly.js in the page.
RENDERER_ENV = "COURSE_PLOTLY_RENDERER"
#: JupyterLab, Binder, JupyterHub, RISE, nbval: the figure is stored as plotly JSON, drawn by
#: JupyterLab's plotly extension, small and deterministic.
DEFAULT_RENDERER = "plotly_mimetype"
#: Colab's frontend has no plotly extension; plotly's "colab" renderer writes HTML that loads
#: plotly.js, which Colab's output frames run.
COLAB_RENDERER = "colab"
#: JupyterLite: the course's Lite site bundles plotly's JupyterLab extension (``make lite``),
#: so the same JSON output draws there too (the kernel needs nbformat, which helpers installs).
LITE_RENDERER = "plotly_mimetype"


def where_running(modules: Container[str] | None = None, platform: str | None = None) -> str:
    """``"colab"``, ``"jupyterlite"`` or ``"jupyter"`` (JupyterLab, Binder, a hub, nbval)."""
    modules = sys.modules if modules is None else modules
    platform = sys.platform if platform is None else platform
    if "google.colab" in modules:
        return "colab"
    if platform == "emscripten" or "pyodide" in modules:
        return "jupyterlite"
    return "jupyter"


def renderer_for(modules: Container[str] | None = None, platform: str | None = None,
                 environ: Mapping[str, str] | None = None) -> str:
    """The plotly renderer for where the notebook runs; ``$COURSE_PLOTLY_RENDERER`` wins."""
    environ = os.environ if environ is None else environ
    if environ.get(RENDERER_ENV):
        return environ[RENDERER_ENV]
    return {"colab": COLAB_RENDERER, "jupyterlite": LITE_RENDERER}.get(
        where_running(modules, platform), DEFAULT_RENDERER)
