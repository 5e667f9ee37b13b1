"""The compatibility sanitizer of `make compat` removes serialisation-only differences and
nothing else (the full run, with venvs per Python, is `make compat`)."""

import importlib.util
import json

from course_tools import compat
from helpers.paths import REPO_ROOT

spec = importlib.util.spec_from_file_location("compat_compare", compat.COMPARE)
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)
PATTERNS = compare.course_patterns(REPO_ROOT / "tests" / "nbval_sanitize.cfg")


def _figure(x):
    return {"output_type": "display_data", "metadata": {},
            "data": {"application/vnd.plotly.v1+json": {"data": [{"x": x, "y": [1, 2]}]},
                     "text/plain": "<plotly figure>"}}


def _same(a, b, compat_mode):
    return compare.comparable(a, PATTERNS, compat_mode) == compare.comparable(b, PATTERNS, compat_mode)


def test_datetime_precision_is_serialisation_only():
    pandas3 = _figure(["1953-03-05T00:00:00.000000000", "1957-06-18T00:00:00.000000000"])
    pandas22 = _figure(["1953-03-05T00:00:00.000000", "1957-06-18T00:00:00.000000"])
    assert not _same(pandas3, pandas22, False)
    assert _same(pandas3, pandas22, True)


def test_a_different_date_is_still_a_difference():
    assert not _same(_figure(["1953-03-05T00:00:00.000000000"]),
                     _figure(["1953-03-06T00:00:00.000000"]), True)


def test_a_nonzero_fraction_is_kept():
    assert not _same(_figure(["1953-03-05T00:00:00.500000000"]),
                     _figure(["1953-03-05T00:00:00"]), True)


def test_a_different_table_is_still_a_difference():
    table = {"output_type": "execute_result", "metadata": {}, "execution_count": 1,
             "data": {"text/plain": "   people\n0  beria"}}
    changed = json.loads(json.dumps(table))
    changed["data"]["text/plain"] = "   people\n0  malenkov"
    assert not _same(table, changed, True)


def test_every_configuration_names_a_python_this_tool_can_look_for():
    assert {series for series, _ in compat.CONFIGURATIONS.values()} == {"3.12", "3.13"}
    assert any("pandas==2.2" in " ".join(over) for _, over in compat.CONFIGURATIONS.values())


def test_numbers_compare_as_values_like_nbval():
    assert _same(_figure([0, 1]), _figure([0.0, 1.0]), False)
    assert not _same(_figure([0, 1]), _figure([0, 2]), True)
