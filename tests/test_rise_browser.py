"""Present every notebook with RISE (jupyterlab-rise) at 1024x768, as a lecturer does.

In JupyterLab, open the notebook and start "Open as Reveal Slideshow" from the command
palette (a browser tab the lecturer makes full screen); walk every slide and sub-slide with
the space bar. Each slide fits the screen (RISE does not scroll a tall slide) and every figure
is shown whole, drawn, on some slide; presenting leaves the notebook's file as committed.
Screenshots: build/screenshots/rise/NN_name_KK.png.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from browser_support import (PROJECTOR, SHOTS, Lab, chromium_browser, course_clone, open_notebook,
                             watch)
from course_tools.execute import notebook_of, slide_type, twins
from course_tools.export import PLOTLY_MIME
from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.browser
NOTEBOOKS = [notebook_of(t) for t in twins()]
RISE_SHOTS = SHOTS / "rise"
TOLERANCE_PX = 2

MEASURE = """() => {
    const present = [...document.querySelectorAll('.reveal .slides section.present')].pop();
    if (!present) return null;
    const box = present.getBoundingClientRect();
    const figures = [...present.querySelectorAll('.jp-RenderedPlotly')].map(figure => {
        const shape = figure.getBoundingClientRect();
        return {top: shape.top, bottom: shape.bottom, drawn: !!figure.querySelector('.main-svg'),
                cell: figure.closest('.jp-Cell') ? figure.closest('.jp-Cell').dataset.windowedListIndex : null};
    });
    return {where: location.hash, top: box.top, bottom: box.bottom, screen: innerHeight,
            figures: figures};
}"""


def _shown_figures(path: Path) -> int:
    """Figures in cells a slideshow shows (not skipped)."""
    notebook = nbformat.read(path, as_version=4)
    return sum(PLOTLY_MIME in output.get("data", {}) for cell in notebook.cells
               if slide_type(cell) != "skip" for output in cell.get("outputs", []))


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    return course_clone(tmp_path_factory.mktemp("rise"))


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def lab(clone, tmp_path_factory):
    server = Lab(clone, tmp_path_factory.mktemp("workspaces"))
    yield server
    server.stop()


def start_slideshow(page, context):
    """Command palette -> "Open as Reveal Slideshow": RISE opens in a new browser tab."""
    page.keyboard.press("Control+Shift+c")
    page.fill(".lm-CommandPalette-input", "Open as Reveal Slideshow")
    with context.expect_page(timeout=60_000) as opened:
        page.keyboard.press("Enter")
    rise = opened.value
    rise.wait_for_selector(".reveal .slides section.present", timeout=90_000)
    return rise


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_rise_slide_fits_1024x768_and_every_figure_is_shown(browser, lab, clone, notebook):
    on_disk = clone / "notebooks" / notebook.name
    committed = on_disk.read_bytes()
    expected = _shown_figures(notebook)
    problems: list[str] = []
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    RISE_SHOTS.mkdir(parents=True, exist_ok=True)
    for old in RISE_SHOTS.glob(f"{notebook.stem}_*.png"):
        old.unlink()
    too_tall, shown, visited, last = [], set(), 0, None
    try:
        open_notebook(page, lab, f"notebooks/{notebook.name}", f"rise-{notebook.stem}")
        rise = start_slideshow(page, context)
        watch(rise, problems)
        rise.wait_for_timeout(2_000)  # the figures of the first slides draw
        while visited < 200:
            seen = rise.evaluate(MEASURE)
            if seen is None or seen["where"] == last:
                break
            visited += 1
            last = seen["where"]
            rise.screenshot(path=str(RISE_SHOTS / f"{notebook.stem}_{visited:02d}.png"))
            if seen["top"] < -TOLERANCE_PX or seen["bottom"] > seen["screen"] + TOLERANCE_PX:
                too_tall.append(f"{seen['where']}: {seen['top']:.0f}..{seen['bottom']:.0f} px "
                                f"of {seen['screen']}")
            for figure in seen["figures"]:
                if figure["drawn"] and figure["top"] >= -TOLERANCE_PX \
                        and figure["bottom"] <= seen["screen"] + TOLERANCE_PX:
                    shown.add(figure["cell"])
            rise.keyboard.press("Space")  # next: down through sub-slides, then right
            rise.wait_for_timeout(600)
        rise.close()
    finally:
        context.close()
    assert visited > 1, f"{notebook.stem}: the slideshow did not start"
    assert not too_tall and len(shown) == expected, (
        f"{notebook.stem}: slides taller than the screen: {too_tall}; "
        f"{len(shown)} of {expected} figures shown whole")
    assert on_disk.read_bytes() == committed, f"presenting {notebook.name} changed the file"
    assert not [p for p in problems if "remote request" in p], problems
