"""Walk every slide of every deck (`make slides`) at 1024x768, as a lecturer presenting it:
each slide fits the screen (reveal.js does not scroll a tall slide) and every figure is shown
whole on some slide. Screenshots of each slide: build/screenshots/slides_NN_name_KK.png."""

from __future__ import annotations

import os
import shutil

import pytest

from browser_support import PROJECTOR, SHOTS, chromium_browser, watch
from course_tools import slides
from course_tools.execute import twins, notebook_of

pytestmark = pytest.mark.browser
NOTEBOOKS = [notebook_of(t) for t in twins()]
SLACK = 1.05  # a slide may be 5 % taller than the deck's height before content is cut off

MEASURE = """() => {
    const slide = Reveal.getCurrentSlide(), height = Reveal.getConfig().height;
    const top = slide.getBoundingClientRect().top, scale = Reveal.getScale();
    const figures = [...slide.querySelectorAll('.js-plotly-plot')].map(figure => {
        const box = figure.getBoundingClientRect();
        return {id: figure.id, bottom: (box.bottom - top) / scale, drawn: !!figure.querySelector('.main-svg')};
    });
    return {indices: Reveal.getIndices(), height: height, used: slide.scrollHeight,
            figures: figures, last: Reveal.isLastSlide()};
}"""


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    if shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is needed to fetch reveal.js for the slides")
        pytest.skip("npm not found: install Node.js to build the slides (make slides)")
    target = tmp_path_factory.mktemp("slides") / "slides"
    return target, dict(slides.build(target))


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_slide_fits_1024x768_and_every_figure_is_shown(browser, decks, notebook):
    target, built = decks
    problems: list[str] = []
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    watch(page, problems)
    page.goto((target / f"{notebook.stem}.slides.html").as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30_000)
    # measure each slide at rest (what the room sees), not halfway through the animation
    page.evaluate("() => Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
    all_figures = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')]"
                                ".map(f => f.id)")
    too_tall, shown, visited = [], set(), 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    while True:
        page.wait_for_timeout(150)
        seen = page.evaluate(MEASURE)
        visited += 1
        where = f"slide {seen['indices']['h'] + 1}.{seen['indices']['v'] + 1}"
        page.screenshot(path=str(SHOTS / f"slides_{notebook.stem}_{visited:02d}.png"))
        if seen["used"] > seen["height"] * SLACK:
            too_tall.append(f"{where}: {seen['used']} px of {seen['height']}")
        for figure in seen["figures"]:
            if figure["drawn"] and figure["bottom"] <= seen["height"] * SLACK:
                shown.add(figure["id"])
        if seen["last"] or visited > 400:
            break
        page.keyboard.press("Space")  # next slide, down through sub-slides first
    context.close()
    assert len(all_figures) == built[f"{notebook.stem}.slides.html"] > 0
    missing = [f for f in all_figures if f not in shown]
    assert not too_tall and not missing, (
        f"{notebook.stem}: slides taller than the screen: {too_tall}; "
        f"figures never shown whole: {missing}")
    assert not [p for p in problems if "remote request" in p], problems
