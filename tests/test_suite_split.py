"""`make test` and `make check` split the suite by marker, and nothing falls between them:
every test runs in exactly one of the two pytest runs `make check` makes, and CI runs
`make check`. Read from what make would run (`make -n`), not from the Makefile's text."""

from __future__ import annotations

import itertools
import os
import re
import shlex
import subprocess
import tomllib

from _pytest.mark.expression import Expression

from helpers.paths import REPO_ROOT

BUILTIN_MARKERS = ["skip", "skipif", "xfail", "parametrize", "usefixtures", "filterwarnings"]
NARROWING = ("-k", "--deselect", "--ignore", "--ignore-glob", "--lf", "--last-failed", "--sw",
             "--stepwise", "-x", "--exitfirst", "--maxfail")


def _pytest_runs(target: str) -> list[list[str]]:
    """The pytest command lines `make -n target` prints, split into words."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTEST_ARGS")}
    printed = subprocess.run(["make", "-n", target], cwd=REPO_ROOT, env=env, check=True,
                             capture_output=True, text=True).stdout
    return [shlex.split(line) for line in printed.splitlines() if " -m pytest " in line]


def _marker_expression(words: list[str]) -> str:
    assert words.count("-m") == 2, f"one -m pytest and one -m selection expected: {words}"
    return words[words.index("-m", words.index("pytest")) + 1]


def _without_selection(words: list[str]) -> list[str]:
    at = words.index("-m", words.index("pytest"))
    return words[:at] + words[at + 2:]


def _registered_markers() -> list[str]:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = config["tool"]["pytest"]["ini_options"]
    assert "--strict-markers" in options["addopts"].split(), "an unregistered marker must fail"
    lines = options["markers"]
    return [line.split(":")[0].strip() for line in lines] + BUILTIN_MARKERS


def _selects(expression: str, markers: set[str]) -> bool:
    return Expression.compile(expression).evaluate(lambda name, **_: name in markers)


def test_make_test_is_one_run_of_the_fast_set():
    runs = _pytest_runs("test")
    assert len(runs) == 1, runs
    assert "--nbval" in runs[0], "make test must run every notebook under nbval"


def test_make_check_runs_make_test_then_the_rest_on_the_same_suite():
    fast, = _pytest_runs("test")
    runs = _pytest_runs("check")
    assert len(runs) == 2 and runs[0] == fast, "make check starts with exactly make test"
    slow = runs[1]
    # Same options, no paths or filters: both runs collect the whole suite (testpaths).
    assert _without_selection(fast) == _without_selection(slow)
    for words in (fast, slow):
        assert not [w for w in words if w.split("=")[0] in NARROWING], words
        assert not [w for w in words if w.endswith((".py", ".ipynb")) or "::" in w], words


def test_every_test_lands_in_exactly_one_of_the_two_runs():
    """Marker expressions are evaluated for every combination of registered markers
    (--strict-markers refuses any other): exactly one run selects each combination."""
    fast, slow = (_marker_expression(w) for w in _pytest_runs("check"))
    markers = _registered_markers()
    assert {"browser", "slow"} <= set(markers)
    for size in range(len(markers) + 1):
        for combination in itertools.combinations(markers, size):
            chosen = [_selects(e, set(combination)) for e in (fast, slow)]
            assert chosen.count(True) == 1, (combination, fast, slow)
    assert _selects(slow, {"browser"}) and _selects(slow, {"slow"}) and _selects(fast, set())


def test_ci_runs_make_check():
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert "make check" in commands, commands
    assert not [c for c in commands if re.fullmatch(r"make test\b.*", c)], \
        "CI must run the full set (make check), which includes make test"
