"""Slides, offline site and student edition: built, complete, offline, without solutions."""

import os
import re
import shutil
from html import escape
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from course_tools import site, slides, student
from course_tools.execute import (KERNEL, NAV_MARK, SOLUTION_MARK, is_solution_cell, slide_types,
                                  twins, notebook_of)
from course_tools.export import PLOTLY_MIME
from helpers.paths import NOTEBOOKS_DIR

NOTEBOOKS = [notebook_of(t) for t in twins()]
REMOTE_ASSET = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)="(https?:)?//', re.I)


def _figures(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(PLOTLY_MIME in o.get("data", {}) for c in notebook.cells
               for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    target = tmp_path_factory.mktemp("site") / "site"
    return target, dict(site.build(target))


@pytest.mark.slow
def test_site_has_an_index_and_every_notebook(built_site):
    target, built = built_site
    index = (target / "index.html").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        assert f'href="{notebook.stem}.html"' in index
        assert (target / f"{notebook.stem}.html").exists()


@pytest.mark.slow
def test_site_loads_nothing_remote_and_ships_plotly_once(built_site):
    target, _ = built_site
    pages = list(target.glob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not REMOTE_ASSET.search(html), f"{page.name} loads a remote script or stylesheet"
    assert [p.name for p in target.rglob("plotly*.js")] == ["plotly.min.js"]


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_page_holds_as_many_figures_as_its_notebook(built_site, notebook):
    target, built = built_site
    html = (target / f"{notebook.stem}.html").read_text(encoding="utf-8")
    assert built[f"{notebook.stem}.html"] == _figures(notebook) > 0
    assert html.count("Plotly.newPlot(") == _figures(notebook)


@pytest.mark.slow
def test_site_links_between_pages_not_to_ipynb(built_site):
    target, _ = built_site
    html = (target / "01_sources_and_data.html").read_text(encoding="utf-8")
    assert 'href="02_power_shifts.html"' in html
    assert 'href="02_power_shifts.ipynb"' not in html


def _npm_available() -> bool:
    return shutil.which("npm") is not None


@pytest.fixture(scope="module")
def built_slides(tmp_path_factory):
    if not _npm_available():
        if os.environ.get("CI") == "true":
            pytest.fail("npm is needed to fetch reveal.js for the slides")
        pytest.skip("npm not found: install Node.js to build the slides (make slides)")
    target = tmp_path_factory.mktemp("slides") / "slides"
    return target, dict(slides.build(target))


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_deck_is_offline_with_all_its_figures(built_slides, notebook):
    target, built = built_slides
    html = (target / f"{notebook.stem}.slides.html").read_text(encoding="utf-8")
    assert not REMOTE_ASSET.search(html)
    assert html.count("Plotly.newPlot(") == built[f"{notebook.stem}.slides.html"] == \
        _figures(notebook)
    assert (target / "reveal.js" / "dist" / "reveal.js").exists()
    assert "<section" in html and "Reveal.initialize" in html


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_deck_is_titled_with_its_notebook_title(built_slides, notebook):
    target, _ = built_slides
    html = (target / f"{notebook.stem}.slides.html").read_text(encoding="utf-8")
    first = nbformat.read(notebook, as_version=4).cells[0].source.splitlines()[0]
    assert first.startswith("# ")
    assert re.findall(r"<title>(.*?)</title>", html) == [escape(first[2:].strip())]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_cell_carries_slide_metadata_derived_from_the_rule(notebook):
    cells = nbformat.read(notebook, as_version=4).cells
    assert [c.metadata.get("slideshow", {}).get("slide_type") for c in cells] == \
        slide_types(cells)
    assert cells[0].metadata["slideshow"]["slide_type"] == "slide"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    target = tmp_path_factory.mktemp("student") / "student"
    return student.build(target)


@pytest.mark.slow
def test_student_edition_leaks_no_solution(edition):
    for path in edition:
        original = nbformat.read(NOTEBOOKS_DIR / path.name, as_version=4)
        solutions = [c.source for c in original.cells if is_solution_cell(c)]
        assert solutions, f"{path.name} has no solutions to hide"
        text = path.read_text(encoding="utf-8")
        assert SOLUTION_MARK not in text and "Solution (click to open)" not in text
        assert '"solution"' not in text, "a cell tagged solution reached the student edition"
        for solution in solutions:
            body = [line for line in solution.splitlines()
                    if len(line.strip()) > 25 and "<" not in line]
            assert not any(line.strip() in text for line in body)


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(NOTEBOOKS)), ids=[p.stem for p in NOTEBOOKS])
def test_student_edition_runs_top_to_bottom_with_exercises_unanswered(edition, index):
    notebook = nbformat.read(edition[index], as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name=KERNEL, coalesce_streams=True,
                   resources={"metadata": {"path": str(edition[index].parent)}}).execute()
    printed = [o.get("text", "") for c in notebook.cells for o in c.get("outputs", [])
               if o.get("output_type") == "stream"]
    assert sum("No answer yet" in p for p in printed) >= 3
    assert not any(o.get("output_type") == "error" for c in notebook.cells
                   for o in c.get("outputs", []))


def test_slide_rule_headings_figures_and_solutions():
    """H1/H2 open a slide, H3 a sub-slide; a sentence directly followed by code opens a
    sub-slide (code, output and caption continue it), so does a figure or an exercise straight
    after code; solutions and nav cells are skipped and invisible to "directly followed"."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    figure = code("chart()", outputs=[nbformat.v4.new_output(
        "display_data", data={PLOTLY_MIME: {"data": []}, "text/plain": "<fig>"})])
    solution = code("answer = 1\nhelpers.check('00-1', answer)")
    solution.metadata["tags"] = ["solution"]
    exercise = code("answer = None\nhelpers.check('00-2', answer)")
    cells = [md("# Title"), md("## Section\ntext"), md("More text."), md("This cell counts:"),
             code("x = 1"), md("*Caption:* ..."), code("y = 2"), figure, md("Caption."),
             md("What it shows."), md("And why."),
             md("### Your turn\n**1.** Who?"), code("answer = None\nhelpers.check('00-1', answer)"),
             solution, md("**2.** When?"), md(f"{SOLUTION_MARK}\nold"), exercise,
             code("z = 3"), exercise, md(f"{NAV_MARK}\nnext")]
    assert slide_types(cells) == \
        ["slide", "slide", "-", "subslide", "-", "subslide", "-", "subslide", "-",
         "subslide", "-", "subslide", "-", "skip", "subslide", "skip", "-", "-", "subslide", "skip"]


def _visible(cells):
    return [c for c in cells if c.metadata["slideshow"]["slide_type"] != "skip"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_opens_a_sub_slide(notebook):
    """A figure's sub-slide starts at the figure or at the sentence directly before it."""
    cells = _visible(nbformat.read(notebook, as_version=4).cells)
    kinds = [c.metadata["slideshow"]["slide_type"] for c in cells]
    figures = [i for i, c in enumerate(cells)
               if any(PLOTLY_MIME in o.get("data", {}) for o in c.get("outputs", []))]
    assert figures
    for i in figures:
        opener = i if kinds[i] != "-" else i - 1
        assert kinds[opener] in ("subslide", "slide") and (opener == i or (
            cells[opener].cell_type == "markdown")), f"figure in cell {i} opens no sub-slide"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_exercise_question_has_its_own_sub_slide(notebook):
    """The question and its answer cell share one sub-slide, with no other exercise."""
    cells = _visible(nbformat.read(notebook, as_version=4).cells)
    kinds = [c.metadata["slideshow"]["slide_type"] for c in cells]
    exercises = [i for i, c in enumerate(cells)
                 if c.cell_type == "code" and "helpers.check(" in c.source]
    assert exercises
    for i in exercises:
        assert cells[i - 1].cell_type == "markdown" and kinds[i] == "-" and \
            kinds[i - 1] in ("subslide", "slide"), f"exercise in cell {i} shares a slide"


def test_student_edition_drops_code_solutions_too():
    notebook = nbformat.v4.new_notebook()
    solution = nbformat.v4.new_code_cell("answer = 'zhukov'\nhelpers.check('02-1', answer)")
    solution.metadata["tags"] = ["solution"]
    notebook.cells = [nbformat.v4.new_code_cell("answer = None"), solution]
    assert [c.source for c in student.without_solutions(notebook).cells] == ["answer = None"]
