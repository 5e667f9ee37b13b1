"""Write the student edition (``make student``): the notebooks without their solutions.

Every solution is dropped (a code cell tagged ``solution``, or an old-style markdown cell that
starts with ``<!-- solution -->``); everything else, stored outputs included, stays, so the
edition opens with its figures drawn.

Usage: ``python -m course_tools.student [TARGET]`` (default ``build/student``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat

from helpers.paths import REPO_ROOT
from .execute import is_solution_cell as is_solution, twins, notebook_of


def without_solutions(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` with the solution cells removed."""
    copy = nbformat.from_dict(notebook)
    copy.cells = [cell for cell in copy.cells if not is_solution(cell)]
    copy.metadata.pop("jupytext", None)  # the edition is not paired with a text twin
    return copy


def build(target: Path) -> list[Path]:
    """Write every notebook's student edition into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = []
    for twin in twins():
        notebook = nbformat.read(notebook_of(twin), as_version=4)
        path = target / notebook_of(twin).name
        nbformat.write(without_solutions(notebook), path)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else REPO_ROOT / "build" / "student"
    for path in build(target):
        print(f"  wrote {path.relative_to(target.parent)}")
    print("Student edition written: copy build/student/ into the course you hand out.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
