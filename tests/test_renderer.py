"""setup() picks the plotly renderer for where the notebook runs, from explicit inputs."""

import subprocess
import sys

import plotly.io as pio
import pytest

import helpers
from helpers.style import RENDERER_ENV, renderer_for, where_running

JUPYTER = {"sys", "os", "IPython", "ipykernel"}


@pytest.mark.parametrize("modules, platform, expected_place, expected_renderer", [
    (JUPYTER, "linux", "jupyter", "plotly_mimetype"),          # JupyterLab, Binder, hubs, nbval
    (JUPYTER, "darwin", "jupyter", "plotly_mimetype"),
    (JUPYTER | {"google.colab"}, "linux", "colab", "colab"),
    ({"sys", "pyodide", "pyodide_kernel"}, "emscripten", "jupyterlite", "plotly_mimetype"),
    ({"sys"}, "emscripten", "jupyterlite", "plotly_mimetype"),
])
def test_renderer_for_each_place(modules, platform, expected_place, expected_renderer):
    assert where_running(modules, platform) == expected_place
    assert renderer_for(modules, platform, environ={}) == expected_renderer


def test_the_export_switch_wins_everywhere():
    for modules in (JUPYTER, JUPYTER | {"google.colab"}):
        assert renderer_for(modules, "linux", {RENDERER_ENV: "notebook"}) == "notebook"


def test_setup_in_this_kernel_keeps_the_stored_output_renderer(monkeypatch):
    monkeypatch.delenv(RENDERER_ENV, raising=False)
    helpers.setup()
    assert pio.renderers.default == "plotly_mimetype"


def test_setup_on_a_simulated_colab_chooses_colab():
    code = ("import sys, types; sys.modules['google.colab'] = types.ModuleType('google.colab'); "
            "import helpers, plotly.io as pio; helpers.setup(); print(pio.renderers.default)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "colab"
