"""Notebooks are tested artefacts: twins in sync, generated cells current, outputs normalised."""

from pathlib import Path

import jupytext
import nbformat
import pytest

from course_tools.execute import TWIN_FORMAT, normalise, twins, notebook_of
from course_tools.navigation import LINKS_MARK, NAV_MARK, links_text, nav_text
from course_tools.links import BOOTSTRAP_MARK, badges, bootstrap_source
from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

TWINS = twins()
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def _inputs(notebook):
    return [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", [])))
            for c in notebook.cells]


def test_there_is_a_first_notebook():
    assert NOTEBOOKS_DIR / "00_start_here.ipynb" in NOTEBOOKS


def test_every_notebook_has_a_twin_and_every_twin_a_notebook():
    assert [p.stem for p in NOTEBOOKS] == [p.stem for p in TWINS]


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: p.stem)
def test_twin_and_notebook_hold_the_same_cells(twin: Path):
    from_text = jupytext.read(twin, fmt=TWIN_FORMAT)
    from_ipynb = nbformat.read(notebook_of(twin), as_version=4)
    assert _inputs(from_text) == _inputs(from_ipynb), (
        f"{twin.name} and its .ipynb differ: edit the .md twin, then run `make execute`")


@pytest.mark.parametrize("notebook_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_notebook_is_executed_and_normalised(notebook_path: Path):
    notebook = nbformat.read(notebook_path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert "version" not in notebook.metadata.get("language_info", {})
    # normalising an already-normalised notebook changes nothing
    assert nbformat.writes(normalise(nbformat.read(notebook_path, as_version=4))) == \
        nbformat.writes(notebook)


@pytest.mark.parametrize("index", range(len(TWINS)), ids=[p.stem for p in TWINS])
def test_generated_links_and_navigation_are_current(index: int):
    twin = TWINS[index]
    sources = [c.source for c in jupytext.read(twin, fmt=TWIN_FORMAT).cells]
    assert sum(s.startswith(LINKS_MARK) for s in sources) == 1
    assert sum(s.startswith(NAV_MARK) for s in sources) == 1
    assert links_text(twin) in sources, "launch links are stale: run `make links`"
    links_at = sources.index(links_text(twin))
    assert sources[links_at + 1] == bootstrap_source(), "install cell is stale: run `make links`"
    assert sources[-1] == nav_text(index, TWINS), "navigation is stale: run `make links`"


def test_readme_links_come_from_the_configured_repository():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert badges(image=True) in readme, "README launch links are stale: run `make links`"


def test_each_notebook_opens_with_one_title_and_calls_setup():
    for twin in TWINS:
        notebook = jupytext.read(twin, fmt=TWIN_FORMAT)
        titles = [line for c in notebook.cells if c.cell_type == "markdown"
                  for line in c.source.splitlines() if line.startswith("# ")]
        assert len(titles) == 1, f"{twin.name} needs exactly one H1"
        first_code = next(c for c in notebook.cells if c.cell_type == "code"
                          and not c.source.startswith(BOOTSTRAP_MARK))
        assert "helpers.setup(" in first_code.source, f"{twin.name}: setup cell first"
