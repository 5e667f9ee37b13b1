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
