"""Every mutant of `make mutants` still finds the line it changes: a refactor of src/helpers or
an edit of data/ that moves its target would otherwise leave it "NOT APPLIED" and the safeguard
it tests unguarded until someone runs the slow `make mutants`."""

import shutil

import pytest

from course_tools.mutants import CODE, DATA
from helpers.paths import REPO_ROOT


@pytest.mark.parametrize("mutant", DATA + CODE, ids=lambda m: m.key)
def test_the_mutant_applies_and_changes_its_file(mutant, tmp_path):
    copy = tmp_path / mutant.path
    copy.parent.mkdir(parents=True)
    shutil.copyfile(REPO_ROOT / mutant.path, copy)
    mutant.apply(tmp_path)  # raises when its target is gone or ambiguous
    assert copy.read_bytes() != (REPO_ROOT / mutant.path).read_bytes()
