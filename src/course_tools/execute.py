"""Execute every notebook from its text twin and store the outputs (``make execute``).

The MyST Markdown twin (``src/notebooks/NN_name.md``) is the source of truth. For each one this
script runs a fresh kernel in ``notebooks/`` over its cells and writes ``notebooks/NN_name.ipynb``
with the outputs, with
volatile metadata stripped and ids and execution counts normalised, so that running it again on
an unchanged notebook gives no git diff. It rewrites the twin in jupytext's canonical form.

Usage: ``python -m course_tools.execute [NOTEBOOK ...]`` (default: all).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from course_tools.save_hook import as_saved, whole_numbers_as_int  # noqa: F401 (re-exported)
from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT
from helpers.style import DEFAULT_RENDERER, RENDERER_ENV

TWIN_FORMAT = "md:myst"
#: First line of the generated cells (see navigation.py) and of hidden solutions.
LINKS_MARK = "<!-- course:links -->"
NAV_MARK = "<!-- course:nav -->"
SOLUTION_MARK = "<!-- solution -->"
BOOTSTRAP_MARK = "# Only on Google Colab or in JupyterLite: install the course (elsewhere: nothing)."
#: The text sources live outside notebooks/, so students see one file per lesson and
#: JupyterLab never pairs them (no jupytext timestamp errors after a git checkout).
SOURCES_DIR = REPO_ROOT / "src" / "notebooks"
KERNEL = "python3"
TIMEOUT_S = 120


def notebook_of(twin: Path) -> Path:
    """The ``.ipynb`` students open for a text twin."""
    return NOTEBOOKS_DIR / f"{twin.stem}.ipynb"


def twins(folder: Path = SOURCES_DIR) -> list[Path]:
    """Return the text twins of the course's notebooks, in reading order."""
    return sorted(folder.glob("[0-9][0-9]_*.md"))


#: Output types that hold a figure (a plotly chart, or an image).
FIGURE_MIMES = ("application/vnd.plotly.v1+json", "image/png", "image/svg+xml")


def is_solution_cell(cell: nbformat.NotebookNode) -> bool:
    """True for a solution: a code cell tagged ``solution`` or a markdown ``<!-- solution -->``."""
    if "solution" in cell.metadata.get("tags", []):
        return True
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith(SOLUTION_MARK)


def shows_figure(cell: nbformat.NotebookNode) -> bool:
    """True for a code cell whose stored output holds a figure."""
    return cell.cell_type == "code" and any(
        mime in output.get("data", {}) for output in cell.get("outputs", [])
        for mime in FIGURE_MIMES)


def is_exercise_cell(cell: nbformat.NotebookNode) -> bool:
    """True for a student's answer cell (``answer = None`` ... ``helpers.check``)."""
    return cell.cell_type == "code" and "helpers.check(" in cell.source \
        and not is_solution_cell(cell)


def _heading(cell: nbformat.NotebookNode) -> str | None:
    """``"slide"`` for an H1/H2 cell, ``"subslide"`` for an H3 cell, else None."""
    source = cell.source.lstrip()
    if cell.cell_type != "markdown":
        return None
    if source.startswith(("# ", "## ")):
        return "slide"
    if source.startswith("### "):
        return "subslide"
    return None


def _skipped(cell: nbformat.NotebookNode) -> bool:
    """Solutions, the Colab/Lite install cell and generated link/navigation cells."""
    source = cell.source.lstrip()
    if is_solution_cell(cell):
        return True
    if cell.cell_type == "code" and source.startswith(BOOTSTRAP_MARK):
        return True  # the Colab/Lite install cell is not part of the lecture
    return cell.cell_type == "markdown" and source.startswith((LINKS_MARK, NAV_MARK))


def slide_types(cells: list[nbformat.NotebookNode]) -> list[str]:
    """Where each cell goes in a slideshow (RISE, reveal.js), one slide type per cell.

    H1/H2 open a slide and H3 a sub-slide. A sentence directly followed by code opens a
    sub-slide, so the sentence that introduces a cell, the cell and its output are seen
    together; the caption or comment after it continues that sub-slide and the text after the
    caption opens the next. This also puts each exercise question on its own sub-slide with
    its answer cell. A figure opens a sub-slide
    when no such sentence comes before it. Solutions and generated link/navigation cells are
    skipped; the rest continues the current (sub-)slide. Skipped cells are invisible to the
    "directly followed by" and "comes before" tests.
    """
    shown = [index for index, cell in enumerate(cells) if not _skipped(cell)]
    types = ["skip"] * len(cells)
    for position, index in enumerate(shown):
        cell = cells[index]
        before = cells[shown[position - 1]] if position > 0 else None
        after = cells[shown[position + 1]] if position + 1 < len(shown) else None
        heading = _heading(cell)
        if heading:
            types[index] = heading
        elif cell.cell_type == "markdown" and after is not None and after.cell_type == "code":
            types[index] = "subslide"  # the sentence that introduces the code below it
        elif cell.cell_type == "markdown" and before is not None and position > 1 and \
                before.cell_type == "markdown" and cells[shown[position - 2]].cell_type == "code":
            types[index] = "subslide"  # the text after a caption: a new sub-slide
        elif cell.cell_type == "code" and before is not None and before.cell_type == "markdown":
            types[index] = "-"  # introduced by the sentence above, on its sub-slide
        elif shows_figure(cell) or is_exercise_cell(cell):
            types[index] = "subslide"  # code straight after code: its own sub-slide
        else:
            types[index] = "-"
    return types


def slide_type(cell: nbformat.NotebookNode) -> str:
    """The slide type ``cell`` carries in its stored metadata (see ``slide_types``)."""
    return cell.metadata.get("slideshow", {}).get("slide_type", "-")


def _merged_streams(outputs: list) -> list:
    """Consecutive prints to the same stream as one output (a kernel under load may split a
    print in two; what the student sees is the same)."""
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and last is not None
                and last.get("output_type") == "stream" and last.get("name") == output.get("name")):
            last["text"] = last["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip what changes from run to run; number ids and counts; store what JupyterLab stores.

    JupyterLab 4.6 marks a notebook modified on opening unless its metadata already holds the
    kernel's ``language_info`` exactly (``version`` included), and saves integral floats as ints:
    so both are stored that way, and opening, scrolling and saving leave the file unchanged.
    """
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)",
                                       "language": "python", "name": KERNEL}
    # No jupytext metadata in the .ipynb: it is not paired in JupyterLab.
    notebook.metadata.pop("jupytext", None)
    count = 0
    for index, (cell, kind) in enumerate(zip(notebook.cells, slide_types(notebook.cells))):
        cell["id"] = f"cell-{index:03d}"
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        cell.metadata["slideshow"] = {"slide_type": kind}
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            cell.outputs = _merged_streams(cell.outputs)
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = count
    return nbformat.from_dict(whole_numbers_as_int(notebook))


def write_twin(notebook: nbformat.NotebookNode, twin: Path) -> None:
    """Write the text twin in jupytext's canonical form (slide metadata left out)."""
    text = nbformat.from_dict(nbformat.NotebookNode(notebook))
    text.metadata = nbformat.from_dict({**notebook.metadata,
                                        "jupytext": {"cell_metadata_filter": "-slideshow"}})
    jupytext.write(text, twin, fmt=TWIN_FORMAT)


def execute_twin(twin: Path) -> tuple[Path, float]:
    """Execute one twin into its ``.ipynb``; return the notebook path and seconds taken."""
    notebook = jupytext.read(twin, fmt=TWIN_FORMAT)
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    os.environ[RENDERER_ENV] = os.environ.get(RENDERER_ENV, DEFAULT_RENDERER)
    started = time.perf_counter()
    client = NotebookClient(notebook, timeout=TIMEOUT_S, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
                            record_timing=False)
    client.execute()
    seconds = time.perf_counter() - started
    notebook = normalise(notebook)
    target = notebook_of(twin)
    nbformat.validate(notebook)
    target.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    write_twin(notebook, twin)
    return target, seconds


def main(argv: list[str]) -> int:
    chosen = [SOURCES_DIR / f"{Path(a).stem}.md" for a in argv] or twins()
    if not chosen:
        print("No notebooks found in", NOTEBOOKS_DIR)
        return 1
    for twin in chosen:
        print(f"Executing {twin.name} ...", flush=True)
        target, seconds = execute_twin(twin)
        print(f"  wrote {target.relative_to(NOTEBOOKS_DIR.parent)} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
