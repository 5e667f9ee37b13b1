"""setup(): explicit renderer, the course theme, and a presentation mode for projecting."""

import plotly.io as pio

import helpers
from helpers.style import CAMP_COLOURS, FONT_SIZE, OKABE_ITO, RENDERER_ENV


def test_setup_sets_the_renderer_explicitly_and_honours_the_export_switch(monkeypatch):
    monkeypatch.delenv(RENDERER_ENV, raising=False)
    helpers.setup()
    assert pio.renderers.default == "plotly_mimetype"
    monkeypatch.setenv(RENDERER_ENV, "notebook")
    helpers.setup()
    assert pio.renderers.default == "notebook"
    monkeypatch.delenv(RENDERER_ENV)
    helpers.setup()


def test_presentation_mode_has_larger_type_and_no_gridlines():
    helpers.setup(presentation=True)
    big = pio.templates[pio.templates.default].layout
    helpers.setup()
    normal = pio.templates[pio.templates.default].layout
    assert big.font.size == FONT_SIZE["presentation"] > normal.font.size == FONT_SIZE["class"]
    assert big.xaxis.showgrid is False and normal.xaxis.showgrid is True


def test_camp_colours_are_fixed_and_colour_blind_safe():
    assert set(CAMP_COLOURS.values()) - {"#999999"} <= set(OKABE_ITO)
    assert len(set(CAMP_COLOURS.values())) == len(CAMP_COLOURS)


def test_titles_wrap_to_the_projector_width_and_push_the_top_margin():
    import plotly.graph_objects as go
    from helpers.projector import NARROWEST_PX, fit

    helpers.setup()
    long = "In 1953 the men who would move against Khrushchev held the government's top posts"
    figure = fit(go.Figure(layout={"title": long, "margin": {"t": 140}}))
    lines = figure.layout.title.text.split("<br>")
    assert len(lines) >= 2 and " ".join(lines) == long
    assert all(len(line) * 20 * 0.56 <= NARROWEST_PX for line in lines)
    assert figure.layout.title.automargin and figure.layout.margin.t is None
    wide = fit(go.Figure(layout={"title": long, "width": 1400}))
    assert "<br>" not in wide.layout.title.text


def test_every_category_gets_its_label_and_room_but_dates_are_left_alone():
    import plotly.graph_objects as go
    from helpers.projector import fit

    helpers.setup(presentation=True)
    names = [f"person {i}" for i in range(30)]
    figure = fit(go.Figure([go.Bar(x=list(range(30)), y=names, orientation="h"),
                            go.Scatter(x=[1, 2, None, 3], y=[names[0], names[0], None, names[1]])]))
    assert (figure.layout.yaxis.tickmode, figure.layout.yaxis.dtick) == ("linear", 1)
    assert figure.layout.height >= 30 * 22 * 1.6
    dated = fit(go.Figure(go.Scatter(x=["1957-06-18", "1957-06-29"], y=[1, 2])))
    assert dated.layout.xaxis.dtick is None
    helpers.setup()


def test_legends_sit_below_the_plot_anchored_to_the_figure():
    import plotly.graph_objects as go
    from helpers.projector import fit

    helpers.setup()
    template = pio.templates[pio.templates.default].layout.legend
    assert (template.orientation, template.yref, template.yanchor) == ("h", "container", "bottom")
    figure = fit(go.Figure(layout={"legend": {"orientation": "h", "y": -0.2},
                                   "margin": {"b": 150}}))
    assert (figure.layout.legend.yref, figure.layout.legend.y) == ("container", 0)
    assert figure.layout.legend.title.side == "top" and figure.layout.margin.b is None


def test_setup_freezes_the_long_lived_objects_once():
    """gc.freeze(): no collection walks the imports and plotly's validators again (a full pass
    costs 0.1-0.2 s during a notebook and again when its kernel exits); a second setup() does not
    freeze what the session has made since."""
    import subprocess
    import sys

    code = ("import gc, helpers; helpers.setup(); first = gc.get_freeze_count(); "
            "junk = [[] for _ in range(1000)]; helpers.setup(presentation=True); "
            "print(first > 10000, gc.get_freeze_count() <= first)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
