"""helpers finds data/ wherever it runs: checkout, installed wheel, $COURSE_DATA_DIR, upward."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import paths
from helpers.errors import DataFileError

REPO_ROOT = paths.REPO_ROOT


@pytest.fixture
def nowhere(monkeypatch, tmp_path):
    """Neither a checkout nor a packaged copy: only the search upward (or the variable) is left."""
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(paths, "REPO_ROOT", tmp_path / "no-checkout")
    monkeypatch.setattr(paths, "PACKAGE_DATA_DIR", tmp_path / "no-package" / "data")
    return tmp_path


def test_checkout_data_is_found(monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    assert paths.data_dir() == REPO_ROOT / "data"


def test_the_variable_wins(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    assert paths.data_dir() == tmp_path.resolve()


def test_search_upward_from_the_notebooks_folder(nowhere):
    shutil.copytree(REPO_ROOT / "data", nowhere / "course" / "data")
    deep = nowhere / "course" / "notebooks" / "week1"
    deep.mkdir(parents=True)
    assert paths.data_dir(cwd=deep) == nowhere / "course" / "data"


def test_packaged_copy_comes_before_the_search_upward(nowhere, monkeypatch):
    packaged = nowhere / "site-packages" / "helpers" / "data"
    shutil.copytree(REPO_ROOT / "data", packaged)
    shutil.copytree(REPO_ROOT / "data", nowhere / "course" / "data")
    monkeypatch.setattr(paths, "PACKAGE_DATA_DIR", packaged)
    assert paths.data_dir(cwd=nowhere / "course") == packaged


def test_a_folder_without_datapackage_is_not_data(nowhere):
    (nowhere / "course" / "data").mkdir(parents=True)
    (nowhere / "course" / "data" / "people.csv").write_text("id\n")
    with pytest.raises(DataFileError):
        paths.data_dir(cwd=nowhere / "course")


def test_no_data_anywhere_gives_the_course_error(nowhere):
    with pytest.raises(DataFileError) as caught:
        paths.data_dir(cwd=nowhere)
    message = str(caught.value)
    assert "datapackage.json" in message and paths.DATA_DIR_ENV in message
    assert "pip install soviet-power-1953-1957" in message


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The course's wheel, built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(REPO_ROOT),
                    "-w", str(out)], check=True, capture_output=True)
    return next(out.glob("*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_every_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO_ROOT / "data").iterdir():
        assert f"helpers/data/{path.name}" in names


@pytest.mark.slow
def test_an_installed_wheel_loads_its_data_from_any_folder(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import helpers; "
            "from helpers.paths import data_dir; from helpers.dataset import table; "
            "print(helpers.__file__); print(data_dir()); print(len(table('people')))")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code, str(site)], cwd=elsewhere, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    module, data, people = done.stdout.split()
    assert module.startswith(str(site)) and data == str(site / "helpers" / "data")
    assert int(people) > 10
