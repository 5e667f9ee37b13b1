"""Nothing public hands out the live cache (review 2.3, 2.4): a student may change anything a
helper returns, and the queries and the exercise checker still give the data's answers."""

import dataclasses

import pandas as pd
import pytest

import helpers
from helpers.dataset import TABLE_NAMES


def _vandalise(value):
    """Change ``value`` in every way a student might, in place."""
    if isinstance(value, helpers.dataset.Dataset):
        for name in list(value.frames):
            _vandalise(value.frames[name])
        with pytest.raises(TypeError):
            value.frames["tenures"] = value.frames["tenures"].head(3)  # review 2.4
        with pytest.raises(TypeError):
            value.schemas["tenures"] = None
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.frames = {}
    elif isinstance(value, pd.DataFrame):
        if "person_id" in value and "office_id" in value:  # review 2.3: Beria as premier
            value.loc[value["office_id"] == "premier", "person_id"] = "beria"
        for column in list(value.columns):
            value.loc[:, column] = None
        value.iloc[: len(value) // 2] = None
        value.attrs["changed"] = True
    elif isinstance(value, pd.Series):
        value.loc[:] = "changed"
    elif isinstance(value, list):
        value.clear()


PUBLIC_CALLS = {
    "load_dataset": lambda: helpers.load_dataset(),
    **{f"table_{name}": (lambda name=name: helpers.table(name)) for name in TABLE_NAMES},
    "presidium_on": lambda: helpers.presidium_on("1956-01-01"),
    "holders": lambda: helpers.holders("premier", "1956-01-01"),
    "tenures_of": lambda: helpers.tenures_of("bulganin"),
    "person": lambda: helpers.person("bulganin"),
    "june_1957_camps": lambda: helpers.june_1957_camps(),
    "named_in_resolution": lambda: helpers.named_in_resolution(),
    "party_membership": lambda: helpers.party_membership(),
}


def _verdict(capsys, exercise_id, answer):
    helpers.check(exercise_id, answer)
    return capsys.readouterr().out.strip()


@pytest.mark.parametrize("name", list(PUBLIC_CALLS))
def test_changing_what_a_helper_returns_changes_no_later_answer_or_verdict(name, capsys):
    _vandalise(PUBLIC_CALLS[name]())
    assert list(helpers.holders("premier", "1956-01-01")["person_id"]) == ["bulganin"]
    assert len(helpers.presidium_on("1957-06-18")) == 18
    assert helpers.person("khrushchev")["name"] == "Nikita Khrushchev"
    assert _verdict(capsys, "00-2", "bulganin").startswith("Correct")
    assert not _verdict(capsys, "00-2", "beria").startswith("Correct")


def test_everything_every_helper_returns_at_once(capsys):
    for call in PUBLIC_CALLS.values():
        _vandalise(call())
    assert list(helpers.holders("premier", "1956-01-01")["person_id"]) == ["bulganin"]
    assert _verdict(capsys, "00-2", "bulganin").startswith("Correct")
    assert helpers.named_in_resolution() == ["malenkov", "kaganovich", "molotov", "shepilov"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """A failure here must not leave a vandalised cache for the next test."""
    yield
    helpers.dataset.reset_cache()
