"""Exercises: every answer computes from the data, answers are compared as values, and the
feedback is always one friendly, specific sentence."""

import datetime as dt
import io
import itertools
import re
import threading

import jupytext
import nbformat
import numpy as np
import pandas as pd
import pytest

import helpers
from course_tools.execute import TWIN_FORMAT, is_solution_cell, twins, notebook_of
from helpers.errors import DataFileError
from helpers.exercises import CORRECT, REGISTRY, exercise, feedback, judge

IDS = sorted(REGISTRY)
EXERCISES = sorted(k for k, task in REGISTRY.items() if task.expected is not None)


@pytest.fixture
def scratch_ids():
    """Exercises a test registers for itself, removed afterwards."""
    made = []
    yield made
    for exercise_id in made:
        REGISTRY.pop(exercise_id, None)


def test_answers_are_registered_by_importing_helpers():
    assert len(EXERCISES) >= 20 and "00-1" in REGISTRY


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_expected_answer_is_accepted_and_a_wrong_one_is_not(exercise_id):
    expected = REGISTRY[exercise_id].expected()
    assert feedback(exercise_id, expected) == CORRECT
    assert feedback(exercise_id, "certainly not this").startswith("Not quite")


@pytest.mark.parametrize("odd", [None, object(), [1, [2]], {"a": 1}, float("nan"), "",
                                 pd.DataFrame({"a": [1], "b": [2]}), np.zeros((2, 2)),
                                 pd.NaT, pd.NA, b"bytes"])
def test_any_answer_gets_a_sentence_never_a_traceback(odd, capsys):
    for exercise_id in IDS:
        helpers.check(exercise_id, odd)
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(IDS) and all(line.endswith((".", "!", "?")) for line in printed)


def test_unanswered_and_unknown_exercises():
    assert feedback("00-1", None).startswith("No answer yet")
    assert "There is no exercise" in feedback("99-9", 1)


@pytest.mark.parametrize("answer", ["bulganin", "  Bulganin ", np.str_("bulganin"),
                                    ["bulganin"], pd.Series(["bulganin"])])
def test_an_id_is_accepted_in_any_form_pandas_hands_out(answer):
    assert feedback("00-2", answer) == CORRECT


def test_a_one_row_table_is_read_by_its_id_column():
    assert feedback("00-2", helpers.holders("premier", "1956-01-01")) == CORRECT


@pytest.mark.parametrize("answer", [10, np.int64(10), np.float64(10.0), 10.0, "10",
                                    pd.Series([10])])
def test_numbers_in_any_numeric_form(answer):
    assert feedback("00-1", answer) == CORRECT


def test_true_is_not_a_number():
    assert feedback("00-1", True).startswith("Not quite")


@pytest.mark.parametrize("answer", ["1953-09-07", pd.Timestamp("1953-09-07"),
                                    dt.date(1953, 9, 7), dt.datetime(1953, 9, 7, 12),
                                    np.datetime64("1953-09-07"), pd.Series(pd.to_datetime(["1953-09-07"]))])
def test_dates_as_timestamp_date_or_text(answer):
    assert feedback("01-2", answer) == CORRECT


def test_a_date_one_day_off_is_wrong():
    assert feedback("01-2", pd.Timestamp("1953-09-08")).startswith("Not quite: the right month")


@pytest.mark.parametrize("answer", [5, np.int64(5), 5.0, pd.Timedelta(days=5),
                                    dt.timedelta(days=5), np.timedelta64(5, "D"), "5 days"])
def test_durations_as_timedelta_or_days(answer):
    assert feedback("05-1", answer) == CORRECT


def test_a_duration_one_day_out_says_so():
    assert feedback("05-1", pd.Timedelta(days=6)).startswith("Not quite: one day out")


@pytest.mark.parametrize("answer", [
    ["voroshilov", "saburov", "pervukhin", "bulganin"],
    ("Bulganin", "Pervukhin", "Saburov", "Voroshilov"),
    {"bulganin", "pervukhin", "saburov", "voroshilov"},
    pd.Series(["saburov", "bulganin", "voroshilov", "pervukhin"]),
    pd.Index(["saburov", "bulganin", "voroshilov", "pervukhin"]),
    np.array(["saburov", "bulganin", "voroshilov", "pervukhin"]),
    pd.DataFrame({"person_id": ["saburov", "bulganin", "voroshilov", "pervukhin"],
                  "name": list("abcd")}),
    (p for p in ["saburov", "bulganin", "voroshilov", "pervukhin"]),
])
def test_lists_of_ids_in_any_order_and_form(answer):
    assert REGISTRY["05-3"].kind == "set"
    assert sorted(REGISTRY["05-3"].expected()) == ["bulganin", "pervukhin", "saburov",
                                                   "voroshilov"]
    assert feedback("05-3", answer) == CORRECT


def test_a_misspelt_id_is_named_with_the_right_spelling():
    assert feedback("00-2", "bulgarin") == \
        "Not quite. 'bulgarin' is not a person id; did you mean 'bulganin'?"
    assert "'bulgarin' is not a person id; did you mean 'bulganin'?" in \
        feedback("05-3", ["bulgarin", "pervukhin", "saburov", "voroshilov"])


def test_a_wrong_person_is_told_apart_from_a_misspelling():
    message = feedback("00-2", "malenkov")
    assert message.startswith("Not quite. 'malenkov' is a person id, but not the person")
    assert REGISTRY["00-2"].hint in message


def test_a_partial_list_says_how_many_are_right_and_missing():
    assert feedback("05-3", ["bulganin", "pervukhin", "saburov"]).startswith(
        "Not quite: 3 of 4 right, one missing.")
    assert feedback("05-3", ["bulganin", "pervukhin", "saburov", "voroshilov", "zhukov"]
                    ).startswith("Not quite: 4 of 4 right, 'zhukov' should not be there.")


def test_an_endless_iterator_does_not_hang():
    result = []
    worker = threading.Thread(target=lambda: result.append(feedback("05-3", itertools.count())),
                              daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert result and result[0].startswith("Not quite"), "the checker hung on an endless iterator"


def test_a_data_error_in_the_expected_answer_is_not_blamed_on_the_student(scratch_ids):
    @exercise("zz-data", hint="irrelevant", kind="number")
    def broken():
        raise DataFileError("tenures.csv", "has a bad row.", line=7)
    scratch_ids.append("zz-data")
    message = feedback("zz-data", 3)
    assert "not your fault" in message and "tenures.csv, line 7" in message
    assert not message.startswith("Not quite")


def test_a_judge_decides_and_its_hint_is_shown(scratch_ids):
    @judge("zz-judge", hint="make the bars red")
    def bars_are_red(figure):
        return None if figure["colour"] == "red" else f"The bars are {figure['colour']}."
    scratch_ids.append("zz-judge")
    assert helpers.judge is judge
    assert feedback("zz-judge", {"colour": "red"}) == CORRECT
    assert feedback("zz-judge", {"colour": "blue"}) == "Not quite. The bars are blue."
    assert feedback("zz-judge", 42).startswith("Not quite: that is a int")
    assert feedback("zz-judge", None).startswith("No answer yet")


def test_check_writes_its_sentence_in_one_piece(monkeypatch):
    """Two writes become two stream outputs under load (a flaky nbval comparison)."""
    writes = []

    class Recorder(io.StringIO):
        def write(self, text):
            writes.append(text)
            return len(text)
    monkeypatch.setattr("sys.stdout", Recorder())
    helpers.check("00-1", 3)
    assert len(writes) == 1 and writes[0].endswith("\n") and writes[0].count("\n") == 1


@pytest.mark.parametrize("twin", twins(), ids=lambda p: p.stem)
def test_every_exercise_cell_is_followed_by_its_solution(twin):
    cells = jupytext.read(twin, fmt=TWIN_FORMAT).cells
    checked = [i for i, c in enumerate(cells)
               if c.cell_type == "code" and re.search(r"^answer = None$", c.source, re.M)]
    used = re.findall(r'helpers\.check\("([^"]+)"',
                      "\n".join(cells[i].source for i in checked))
    assert len(used) >= 3 and set(used) <= set(REGISTRY)
    assert all(i + 1 < len(cells) and is_solution_cell(cells[i + 1]) for i in checked), \
        f"{twin.name}: put the solution in the cell after each exercise (a code cell tagged solution)"


def _unproven_solutions(cells) -> list[str]:
    """Solution code cells whose stored output is not exactly the checker's "Correct!"."""
    return [cell.source for cell in cells
            if cell.cell_type == "code" and is_solution_cell(cell)
            and ("helpers.check(" not in cell.source
                 or [(o.output_type, o.get("text")) for o in cell.outputs]
                 != [("stream", CORRECT + "\n")])]


@pytest.mark.parametrize("twin", twins(), ids=lambda p: p.stem)
def test_every_solution_cell_stores_correct(twin):
    """A solution cell runs the checker on its own answer; nbval re-runs it."""
    cells = nbformat.read(notebook_of(twin), as_version=4).cells
    assert not _unproven_solutions(cells), f"{twin.name}: a solution is not marked Correct"


def test_a_solution_that_is_not_correct_is_caught():
    cell = nbformat.v4.new_code_cell("answer = 'malenkov'\nhelpers.check('00-2', answer)")
    cell.metadata["tags"] = ["solution"]
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                           text=feedback("00-2", "malenkov") + "\n")]
    assert _unproven_solutions([cell])
    cell.outputs[0]["text"] = CORRECT + "\n"
    assert not _unproven_solutions([cell])
