"""Notebook 01's module (sourcing) and the title wrapping every figure uses; moved here
unchanged from the old tests/test_charts_and_power.py when power/charts were removed."""

import plotly.graph_objects as go
import pytest

import helpers
from helpers import sourcing
from helpers.style import finish, wrap_title

helpers.setup()


def test_sources_figure_has_a_title_and_labelled_axes():
    figure = sourcing.sources_by_kind_figure()
    assert figure.layout.title.text
    assert figure.layout.xaxis.title.text and figure.layout.yaxis.title.text is not None


def test_long_titles_are_wrapped():
    assert "<br>" in wrap_title("word " * 40)
    figure = finish(go.Figure(layout={"title": {"text": "word " * 40}}))
    assert figure.layout.title.text.count("<br>") >= 2 and figure.layout.margin.t > 80


def test_cite_returns_full_citations_and_rejects_unknown_ids():
    cited = sourcing.cite("cia_caesar_xv_1962")
    assert "CAESAR XV" in cited["citation"].iloc[0]
    with pytest.raises(helpers.UnknownIdError, match="Did you mean 'cia_caesar_xv_1962'"):
        sourcing.cite("cia_caesar_xv_1961")


def test_date_precision_counts_every_tenure():
    precision = sourcing.date_precision()
    assert precision["tenure start"].sum() == len(helpers.table("tenures"))


def test_tables_overview_lists_every_table():
    overview = sourcing.tables_overview()
    assert list(overview["table"]) == list(helpers.load_dataset().frames)
    assert overview.set_index("table").loc["events", "rows"] >= 40
