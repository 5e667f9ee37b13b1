"""Build one reveal.js deck per notebook into ``build/slides/`` (``make slides``).

Each deck works with no network: reveal.js comes from the npm registry once (``npm pack``,
kept in ``build/vendor/``), plotly.js from the plotly package, and the figures use the large
presentation theme. Slide breaks come from the headings (``execute.slide_type``, the same
rule that writes each cell's ``slideshow`` metadata for RISE).

Usage: ``python -m course_tools.slides [TARGET]``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter

from helpers.paths import REPO_ROOT
from .execute import slide_type, twins, notebook_of
from .export import TEMPLATES, copy_plotly_js, offline_links, with_html_figures

REVEAL_VERSION = "4.0.2"
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
        types = [slide_type(cell) for cell in notebook.cells]
        notebook, figures = with_html_figures(notebook, prefix=twin.stem, presentation=True)
        for cell, kind in zip(notebook.cells, types):
            cell.metadata["slideshow"] = {"slide_type": kind}
        exporter = SlidesExporter(template_name="course_reveal",
                                  extra_template_basedirs=[str(TEMPLATES)],
                                  reveal_url_prefix="reveal.js", reveal_theme="white")
        body, _ = exporter.from_notebook_node(
            notebook, resources={"plotly_js_url": f"assets/{plotly_file}"})
        name = f"{twin.stem}.slides.html"
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
