"""Exercises: every answer computes from the data, and feedback is always a friendly sentence."""

import re

import jupytext
import nbformat
import pytest

import helpers
from course_tools.execute import TWIN_FORMAT, notebook_of, twins
from helpers.exercises import REGISTRY, feedback
from helpers.paths import NOTEBOOKS_DIR

helpers.exercises.feedback("00-1", None)  # registers the answers
IDS = sorted(REGISTRY)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_expected_answer_is_accepted_and_a_wrong_one_is_not(exercise_id):
    expected = REGISTRY[exercise_id].expected()
    assert feedback(exercise_id, expected) == "Correct! Well done."
    assert feedback(exercise_id, "certainly not this").startswith("Not quite. Hint:")


@pytest.mark.parametrize("odd", [None, object(), [1, [2]], {"a": 1}, float("nan"), ""])
def test_any_answer_gets_a_sentence_never_a_traceback(odd, capsys):
    for exercise_id in IDS:
        helpers.check(exercise_id, odd)
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(IDS) and all(line.endswith((".", "!")) for line in printed)


def test_unanswered_and_unknown_exercises():
    assert feedback("00-1", None).startswith("No answer yet")
    assert "There is no exercise" in feedback("99-9", 1)


def test_ids_answers_are_case_and_space_insensitive():
    assert feedback("00-2", "  Bulganin ") == "Correct! Well done."


@pytest.mark.parametrize("twin", twins(), ids=lambda p: p.stem)
def test_every_notebook_has_three_checked_exercises_with_hidden_solutions(twin):
    notebook = jupytext.read(twin, fmt=TWIN_FORMAT)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    used = re.findall(r'helpers\.check\("([^"]+)"', code)
    assert len(used) >= 3 and set(used) <= set(REGISTRY)
    # Old form: a markdown <details> cell; contract 2: a code cell tagged "solution" whose
    # stored output (in the executed .ipynb) reads "Correct! Well done.".
    solutions = [c.source for c in notebook.cells
                 if c.cell_type == "markdown" and c.source.startswith("<!-- solution -->")]
    assert all("<details>" in s for s in solutions)
    executed = nbformat.read(notebook_of(twin), as_version=4)
    tagged = [c for c in executed.cells
              if c.cell_type == "code" and "solution" in c.metadata.get("tags", [])]
    for cell in tagged:
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "helpers.check(" in cell.source and printed.strip() == "Correct! Well done.", (
            f"{twin.name}: a solution cell must call helpers.check and print 'Correct! Well done.'")
    assert len(solutions) + len(tagged) >= len(set(used))
