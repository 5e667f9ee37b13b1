"""Build one reveal.js deck per notebook into ``build/slides/`` (``make slides``).

Each deck works with no network: reveal.js comes from the npm registry once (``npm pack``,
kept in ``build/vendor/``), plotly.js from the plotly package, and the figures use the large
presentation theme. Slide breaks follow ``execute.slide_types``, the same rule that writes each
cell's ``slideshow`` metadata for RISE. Only in the decks: a figure's code is hidden (the room
reads the figure; the code is in the notebook), long tables and printouts scroll inside a box
(the template's CSS), and a figure taller than the slide is drawn at the slide's height.

Usage: ``python -m course_tools.slides [TARGET]``.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter

from helpers.paths import REPO_ROOT
from .execute import shows_figure, slide_types, twins, notebook_of
from .export import PLOTLY_MIME, TEMPLATES, copy_plotly_js, offline_links, with_html_figures

REVEAL_VERSION = "4.0.2"
TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
#: The deck's size in reveal.js units; reveal.js scales it to the screen. 4:3 like a
#: 1024x768 projector, so the whole screen is used (the type is as large as at 1280x800).
DECK_WIDTH, DECK_HEIGHT = 1280, 960
#: The tallest figure a slide shows whole: the deck's height less a line of text and margins.
MAX_FIGURE_HEIGHT = DECK_HEIGHT - 160
#: A figure's width: the deck's width less the prompt column and margins (as wide as a cell).
FIGURE_WIDTH = DECK_WIDTH - 200
VENDOR = REPO_ROOT / "build" / "vendor"


def reveal_js() -> Path:
    """The unpacked reveal.js package, fetched with npm on first use."""
    package = VENDOR / f"reveal.js-{REVEAL_VERSION}" / "package"
    if not (package / "dist" / "reveal.js").exists():
        VENDOR.mkdir(parents=True, exist_ok=True)
        print(f"Fetching reveal.js {REVEAL_VERSION} from the npm registry (once) ...", flush=True)
        subprocess.run(["npm", "pack", f"reveal.js@{REVEAL_VERSION}", "--silent",
                        "--pack-destination", str(VENDOR)], check=True, capture_output=True)
        with tarfile.open(VENDOR / f"reveal.js-{REVEAL_VERSION}.tgz") as archive:
            unsafe = [m.name for m in archive.getmembers()
                      if m.name.startswith("/") or ".." in Path(m.name).parts]
            if unsafe:
                raise RuntimeError(f"refusing to unpack reveal.js: unsafe paths {unsafe[:3]}")
            archive.extractall(package.parent)  # names checked above (Python < 3.11.4)
    return package


def title_of(notebook: nbformat.NotebookNode) -> str:
    """The notebook's title: the text of its first H1 heading."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError("the notebook has no '# ' title")


def fit_to_slide(spec: dict | None) -> None:
    """Draw a plotly figure as wide as the slide's cells (plotly's default, 700 units, crowded
    the network's labels and the dates of a timeline) and at most as tall as a slide."""
    if spec is None:
        return
    layout = spec.setdefault("layout", {})
    layout.setdefault("width", FIGURE_WIDTH)
    if layout.get("height", 0) > MAX_FIGURE_HEIGHT:
        layout["height"] = MAX_FIGURE_HEIGHT


def build(target: Path) -> list[tuple[str, int]]:
    """Write every deck into ``target``; return (deck, figure count) pairs."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    package = reveal_js()
    for part in ("dist", "plugin"):
        shutil.copytree(package / part, target / "reveal.js" / part)
    plotly_file = copy_plotly_js(target / "assets")
    built = []
    for twin in twins():
        notebook = nbformat.read(notebook_of(twin), as_version=4)
        # slide types come from the stored cells (a figure is found by its plotly output)
        types = slide_types(notebook.cells)
        hidden = [shows_figure(cell) for cell in notebook.cells]
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                fit_to_slide(output.get("data", {}).get(PLOTLY_MIME))
        notebook, figures = with_html_figures(notebook, prefix=twin.stem, presentation=True)
        for cell, kind, hide in zip(notebook.cells, types, hidden):
            cell.metadata["slideshow"] = {"slide_type": kind}
            if hide:  # nbconvert's templates leave out a source marked so
                cell.metadata["transient"] = {"remove_source": True}
        exporter = SlidesExporter(template_name="course_reveal",
                                  extra_template_basedirs=[str(TEMPLATES)],
                                  reveal_url_prefix="reveal.js", reveal_theme="white")
        body, _ = exporter.from_notebook_node(notebook, resources={
            "plotly_js_url": f"assets/{plotly_file}",
            "deck": {"width": DECK_WIDTH, "height": DECK_HEIGHT}})
        name = f"{twin.stem}.slides.html"
        body = TITLE.sub(f"<title>{html.escape(title_of(notebook))}</title>", body, count=1)
        (target / name).write_text(offline_links(body, suffix=".slides.html"), encoding="utf-8")
        built.append((name, figures))
    return built


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else REPO_ROOT / "build" / "slides"
    for name, figures in build(target):
        print(f"  {name}: {figures} figures")
    print(f"Slides written to {target} (open a .slides.html file; no network needed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
