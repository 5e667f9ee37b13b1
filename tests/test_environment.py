"""One pinned environment: environment.yml (Binder) and requirements.txt (pip) agree."""

import re

from course_tools.lock import (PYTHON_SERIES, environment_pins, normalise_name, read_pins,
                                requirements_pins)
from helpers.paths import REPO_ROOT


def test_every_requirement_is_an_exact_pin():
    pins = requirements_pins()
    assert len(pins) > 50  # the transitive closure, not only the top level
    assert {"jupyterlab", "pandas", "plotly", "networkx", "nbval", "pytest", "jupytext"} <= set(pins)


def test_environment_yml_and_requirements_agree():
    python, env_pins = environment_pins()
    req_pins = requirements_pins()
    assert python == f"python={PYTHON_SERIES}"
    only_env = {k: v for k, v in env_pins.items() if req_pins.get(k) != v}
    only_req = {k: v for k, v in req_pins.items() if env_pins.get(k) != v}
    assert not only_env and not only_req, f"environment.yml {only_env} vs requirements.txt {only_req}"


def test_top_level_requirements_are_in_the_lock_at_the_same_version():
    top = read_pins((REPO_ROOT / "requirements.in").read_text().splitlines())
    locked = requirements_pins()
    assert {name: locked.get(name) for name in top} == top


def test_python_series_matches_pyproject_and_makefile():
    pyproject = (REPO_ROOT / "pyproject.toml").read_text()
    assert f'requires-python = ">={PYTHON_SERIES},<3.{int(PYTHON_SERIES.split(".")[1]) + 1}"' in pyproject
    assert f"python{PYTHON_SERIES}" in (REPO_ROOT / "Makefile").read_text()


def test_binder_config_has_no_local_paths_and_no_binder_folder():
    text = (REPO_ROOT / "environment.yml").read_text()
    assert not re.search(r"^\s*-\s*(-e\s|-r\s|\.)", text, re.M)
    assert not (REPO_ROOT / "binder").exists() and not (REPO_ROOT / ".binder").exists()
    assert "pip install --no-deps -e ." in (REPO_ROOT / "postBuild").read_text()


def test_the_checker_notices_a_disagreement(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text((REPO_ROOT / "environment.yml").read_text().replace("pandas==", "pandas==0.0.0+"))
    _, env_pins = environment_pins(env)
    assert env_pins[normalise_name("pandas")] != requirements_pins()["pandas"]
