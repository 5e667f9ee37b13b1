"""Two environments, one truth: the student environment (requirements.txt = environment.yml,
what Binder builds) and the full one (requirements-dev.txt: plus test and build tools)."""

import ast
import re
import sys

import pytest

from course_tools.lock import (DEV_IN, DEV_LOCK, PYTHON_SERIES, STUDENT_IN, environment_pins,
                               mismatched_shared_pins, normalise_name, read_pins,
                               requirements_pins)
from helpers.paths import REPO_ROOT

#: Tools no student needs: they must stay out of what Binder builds. (pytest itself stays: nbval,
#: which students may run on a notebook, depends on it.)
TOOLS = {"pytest-xdist", "hypothesis", "playwright", "frictionless", "jupytext",
         "jupyterlite-core", "jupyterlite-pyodide-kernel"}
#: What running the course needs.
COURSE = {"jupyterlab", "jupyterlab-rise", "ipykernel", "pandas", "plotly", "networkx", "nbval",
          "nbformat", "notebook"}


def _top_level(path):
    return read_pins(path.read_text(encoding="utf-8").splitlines())


def test_every_requirement_is_an_exact_pin():
    student, full = requirements_pins(), requirements_pins(DEV_LOCK)
    assert len(student) > 50 and len(full) > len(student)  # transitive closures
    assert COURSE <= set(student)
    assert TOOLS <= set(full)


def test_no_test_or_build_tool_in_the_student_environment():
    assert not TOOLS & set(requirements_pins())
    assert not TOOLS & set(environment_pins()[1])


def test_shared_pins_are_identical():
    assert mismatched_shared_pins(requirements_pins(), requirements_pins(DEV_LOCK)) == {}


def test_the_shared_pin_check_can_fail():
    full = dict(requirements_pins(DEV_LOCK), pandas="0.0.1")
    assert mismatched_shared_pins(requirements_pins(), full) == {
        "pandas": (requirements_pins()["pandas"], "0.0.1")}


def test_environment_yml_and_requirements_agree():
    python, env_pins = environment_pins()
    req_pins = requirements_pins()
    assert python == f"python={PYTHON_SERIES}"
    only_env = {k: v for k, v in env_pins.items() if req_pins.get(k) != v}
    only_req = {k: v for k, v in req_pins.items() if env_pins.get(k) != v}
    assert not only_env and not only_req, f"environment.yml {only_env} vs requirements.txt {only_req}"


@pytest.mark.parametrize("source, lock", [(STUDENT_IN, REPO_ROOT / "requirements.txt"),
                                          (DEV_IN, DEV_LOCK)])
def test_top_level_requirements_are_in_the_lock_at_the_same_version(source, lock):
    top = _top_level(source)
    locked = requirements_pins(lock)
    assert {name: locked.get(name) for name in top} == top


def test_notebook_matches_binders_base_image():
    # Binder's base image ships notebook 7.4.7 (needs jupyterlab<4.5): the student environment
    # must pin a notebook release that accepts our JupyterLab (7.6.5 needs >=4.6.6,<4.7).
    pins = requirements_pins()
    assert pins["jupyterlab"] == "4.6.6" and pins["notebook"] == "7.6.5"


def test_python_support_matches_pyproject_and_makefile():
    pyproject = (REPO_ROOT / "pyproject.toml").read_text()
    assert f'requires-python = ">={PYTHON_SERIES}"' in pyproject
    assert f"python{PYTHON_SERIES}" in (REPO_ROOT / "Makefile").read_text()


def test_make_install_uses_the_full_lock():
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert "-r requirements-dev.txt" in makefile


def test_binder_config_has_no_local_paths_and_no_binder_folder():
    text = (REPO_ROOT / "environment.yml").read_text()
    assert not re.search(r"^\s*-\s*(-e\s|-r\s|\.)", text, re.M)
    assert not (REPO_ROOT / "binder").exists() and not (REPO_ROOT / ".binder").exists()
    assert "pip install --no-deps -e ." in (REPO_ROOT / "postBuild").read_text()


def test_helpers_imports_only_what_the_student_environment_has():
    stdlib = set(sys.stdlib_module_names)
    provided = {"pandas": "pandas", "numpy": "numpy", "plotly": "plotly", "networkx": "networkx",
                "IPython": "ipython"}  # the kernel itself (feedback.py, only inside a kernel)
    imported = set()
    for path in (REPO_ROOT / "src" / "helpers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = imported - stdlib - {"helpers"}
    assert third_party <= set(provided), third_party - set(provided)
    assert {normalise_name(provided[name]) for name in third_party} <= set(requirements_pins())


def test_the_checker_notices_a_disagreement(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text((REPO_ROOT / "environment.yml").read_text().replace("pandas==", "pandas==0.0.0+"))
    _, env_pins = environment_pins(env)
    assert env_pins[normalise_name("pandas")] != requirements_pins()["pandas"]
