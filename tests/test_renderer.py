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


def test_a_shown_figure_is_the_bundle_plotly_itself_would_send(monkeypatch):
    import IPython.display
    import plotly.express as px
    import plotly.graph_objects as go
    from helpers.projector import fit, show

    monkeypatch.delenv(RENDERER_ENV, raising=False)
    helpers.setup()
    sent = []
    monkeypatch.setattr(IPython.display, "display", lambda bundle, raw: sent.append(bundle))
    figure = px.bar(x=["Malenkov", "Khrushchev"], y=[1, 2], title="A title " * 12)
    show(figure)
    expected = pio.renderers["plotly_mimetype"].to_mimebundle(fit(go.Figure(figure)).to_dict())
    assert sent == [expected]
    assert "<br>" not in figure.layout.title.text  # the student's figure is left as it was


def test_setup_and_a_figure_do_not_load_plotlys_renderers():
    """plotly's renderers import nbformat and jsonschema: 0.1-0.2 s of every notebook's run."""
    code = ("import sys, helpers, plotly.express as px; helpers.setup(); "
            "helpers.projector.show(px.bar(x=['a'], y=[1])); "
            "print(sorted({'plotly.io._renderers', 'nbformat'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_finished_figure_is_shown_as_it_is_and_a_changed_one_is_fitted_again(monkeypatch):
    import IPython.display
    import plotly.express as px
    import plotly.graph_objects as go
    from helpers.projector import fit, show

    monkeypatch.delenv(RENDERER_ENV, raising=False)
    helpers.setup()
    sent = []
    monkeypatch.setattr(IPython.display, "display", lambda bundle, raw: sent.append(bundle))
    figure = helpers.style.finish(px.bar(x=["Malenkov", "Khrushchev"], y=[1, 2], title="T " * 60))
    show(figure)
    figure.update_layout(title="A new title that is far too long for one line " * 3)
    show(figure)
    expected = [pio.renderers["plotly_mimetype"].to_mimebundle(fit(go.Figure(figure)).to_dict())]
    assert sent[1:] == expected and sent[0] != sent[1]
    assert "<br>" in sent[0]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"]
