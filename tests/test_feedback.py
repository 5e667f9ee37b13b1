"""Beginner errors in a real kernel: missing quotes and the course's own errors read as one
short message; other errors keep their traceback."""

import re

import nbformat
import pytest
from nbclient import NotebookClient

from course_tools.execute import KERNEL
from helpers.feedback import unquoted_date_message, unquoted_name_message
from helpers.paths import NOTEBOOKS_DIR

ANSI = re.compile(r"\x1b\[[0-9;]*m")
CELLS = {
    "setup": "import helpers\nimport pandas as pd\nhelpers.setup()",
    "unquoted_answer": "answer = bulganin\nhelpers.check(\"00-2\", answer)",
    "unquoted_elsewhere": "helpers.tenures_of(molotov)",
    "unknown_in_answer_cell": "answer = malenkow",
    "ordinary_name_error": "total = undefined_variable + 1",
    "misspelt_person": "helpers.person(\"bulgarin\")",
    "bad_date": "helpers.presidium_on(\"1957-02-30\")",
    "timestamp_answer": "answer = pd.Timestamp(\"1953-09-07\")\nhelpers.check(\"01-2\", answer)",
    "other_error": "1 / 0",
    "date_with_zeros": "answer = 1958-03-27\nhelpers.check(\"02-3\", answer)",
    "date_subtracted": "answer = 1958-3-27\nhelpers.check(\"02-3\", answer)",
    "other_syntax_error": "answer = 1958 +",
}


@pytest.fixture(scope="module")
def outputs():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in CELLS.values()]
    # coalesce_streams: a loaded kernel may split one print in two; the student sees one
    NotebookClient(notebook, timeout=120, kernel_name=KERNEL, allow_errors=True,
                   coalesce_streams=True, resources={"metadata": {"path": str(NOTEBOOKS_DIR)}}).execute()
    return {name: cell.outputs for name, cell in zip(CELLS, notebook.cells)}


def _error(outputs):
    errors = [o for o in outputs if o.output_type == "error"]
    assert len(errors) == 1, outputs
    return errors[0], ANSI.sub("", "\n".join(errors[0].traceback))


def test_setup_installs_without_output(outputs):
    assert not [o for o in outputs["setup"] if o.output_type == "error"]


def test_unquoted_id_in_an_answer_says_put_it_in_quotes(outputs):
    error, text = _error(outputs["unquoted_answer"])
    assert error.ename == "NameError"
    assert 'put the name in quotes: answer = "bulganin"' in text
    assert "Traceback" not in text and "Cell In" not in text and len(text.splitlines()) <= 3


def test_unquoted_id_outside_an_answer_cell(outputs):
    _, text = _error(outputs["unquoted_elsewhere"])
    assert 'put the name in quotes: "molotov"' in text


def test_any_bare_name_in_an_answer_cell(outputs):
    _, text = _error(outputs["unknown_in_answer_cell"])
    assert 'answer = "malenkow"' in text and "earlier cell" in text


def test_an_ordinary_name_error_keeps_its_traceback(outputs):
    _, text = _error(outputs["ordinary_name_error"])
    assert "quotes" not in text and "undefined_variable" in text and "Cell In" in text


@pytest.mark.parametrize("cell, message", [
    ("misspelt_person", "There is no person with id 'bulgarin'. Did you mean 'bulganin'?"),
    ("bad_date", "'1957-02-30' is not a real date: February 1957 has 28 days."),
])
def test_course_errors_show_only_their_message(outputs, cell, message):
    error, text = _error(outputs[cell])
    assert message in text
    assert ".py" not in text and "Traceback" not in text and len(text.splitlines()) == 2


def test_a_timestamp_answer_is_correct(outputs):
    assert [o.get("text") for o in outputs["timestamp_answer"]] == ["Correct! Well done.\n"]


def test_other_errors_are_untouched(outputs):
    error, text = _error(outputs["other_error"])
    assert error.ename == "ZeroDivisionError" and "Cell In" in text


def test_message_rule_without_a_kernel():
    assert unquoted_name_message("zhukov", "x = zhukov") == (
        'Python does not know a variable called zhukov. Ids and names are text: '
        'put the name in quotes: "zhukov"')
    assert unquoted_name_message("plotly_thing", "x = plotly_thing") is None


DATE_IN_QUOTES = 'put the date in quotes: answer = "1958-03-27"'


def test_an_unquoted_date_with_leading_zeros_says_put_it_in_quotes(outputs):
    """Python's own message would be "leading zeros in decimal integer literals ..."."""
    error, text = _error(outputs["date_with_zeros"])
    assert error.ename == "SyntaxError" and DATE_IN_QUOTES in text
    assert "leading zeros" not in text and len(text.splitlines()) == 2


def test_an_unquoted_date_that_python_subtracts_is_not_marked_as_a_number(outputs):
    """1958-3-27 is the int 1928: check() says why, not only that the answer is wrong."""
    printed = "".join(o.get("text", "") for o in outputs["date_subtracted"])
    assert DATE_IN_QUOTES in printed, printed


def test_other_syntax_errors_keep_pythons_message(outputs):
    error, text = _error(outputs["other_syntax_error"])
    assert error.ename == "SyntaxError" and "quotes" not in text and "invalid syntax" in text


def test_date_rule_without_a_kernel():
    assert unquoted_date_message("helpers.presidium_on(1955-2-8)").endswith('quotes: "1955-02-08"')
    for fine in ('answer = "1958-3-27"', "pd.Timestamp('1958-03-27')", "x = 2000 - 1 - 1",
                 "answer = 1958"):
        assert unquoted_date_message(fine) is None, fine
