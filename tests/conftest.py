"""Shared fixtures: a throw-away copy of data/ that a test may break."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers.dataset import reset_cache
from helpers.paths import REPO_ROOT

DATA = REPO_ROOT / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of data/ in a temporary folder (named 'data' so messages read naturally)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    reset_cache()
    yield target
    reset_cache()


@pytest.fixture
def edit_csv(data_copy: Path) -> Callable[[str, Callable[[list[str]], list[str]]], Path]:
    """Rewrite one CSV of the copy line by line: edit_csv('people.csv', fn)."""
    def edit(name: str, change: Callable[[list[str]], list[str]]) -> Path:
        path = data_copy / name
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")
        return data_copy
    return edit
