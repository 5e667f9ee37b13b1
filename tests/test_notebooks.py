"""Notebooks are tested artefacts: twins in sync, generated cells current, outputs normalised."""

from pathlib import Path

import jupytext
import nbformat
import pytest

from course_tools.execute import TWIN_FORMAT, as_saved, normalise, twins, notebook_of
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
    # the kernel's language_info as JupyterLab writes it, so opening does not mark it modified
    assert notebook.metadata["language_info"]["name"] == "python"
    assert notebook.metadata["language_info"].get("version", "").startswith("3.")
    # normalising changes nothing (compared as JupyterLab would save it: parsed JSON, no PNG
    # snapshots), so a student's save in JupyterLab does not turn this red
    assert as_saved(normalise(nbformat.read(notebook_path, as_version=4))) == as_saved(notebook)


def test_normalise_stores_what_jupyterlab_saves():
    """JupyterLab saves 6.0 as 6 and prints as one stream; the generator stores the same."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={
            "application/vnd.plotly.v1+json": {"layout": {"x": 0.0, "y": 0.5, "n": [6.0, 1.25]}}}),
        nbformat.v4.new_output("stream", name="stdout", text="Correct!"),
        nbformat.v4.new_output("stream", name="stdout", text="\n")])])
    stored = normalise(notebook)
    figure, *streams = stored.cells[0].outputs
    assert figure["data"]["application/vnd.plotly.v1+json"]["layout"] == \
        {"x": 0, "y": 0.5, "n": [6, 1.25]}
    assert '"x": 0,' in nbformat.writes(stored)
    assert [o["text"] for o in streams] == ["Correct!\n"]


def test_a_save_that_adds_png_snapshots_and_ints_compares_equal():
    path = NOTEBOOKS_DIR / "02_power_shifts.ipynb"
    saved = nbformat.read(path, as_version=4)
    for cell in saved.cells:
        for output in cell.get("outputs", []):
            if "application/vnd.plotly.v1+json" in output.get("data", {}):
                output["data"]["image/png"] = "iVBORw0KGgo="
    saved.metadata["language_info"]["version"] = "3.11.99"
    assert as_saved(saved) == as_saved(nbformat.read(path, as_version=4))
    changed = nbformat.read(path, as_version=4)
    changed.cells[-1].source += " "
    assert as_saved(changed) != as_saved(saved)


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


def _heading_lines_inside(markdown: str) -> list[str]:
    """The ``##``/``###`` heading lines of a markdown cell that are not its first line
    (lines inside fenced code blocks are not headings)."""
    found, fence = [], None
    for number, line in enumerate(markdown.splitlines()):
        stripped = line.strip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and number > 0 and line.startswith(("## ", "### ")):
            found.append(line)
    return found


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: p.stem)
def test_every_section_heading_starts_its_own_cell(twin: Path):
    """Contract 1: slides break only at cell starts, so each H2/H3 must open a cell."""
    notebook = jupytext.read(twin, fmt=TWIN_FORMAT)
    buried = [line for cell in notebook.cells if cell.cell_type == "markdown"
              for line in _heading_lines_inside(cell.source)]
    assert not buried, (f"{twin.name}: put a line `+++` before each of these headings so it "
                        f"starts its own cell: {buried}")
