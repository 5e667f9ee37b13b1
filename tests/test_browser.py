"""A real browser: the offline site opens with the network cut off and draws every figure.
(JupyterLab in the browser: test_lab_notebooks.py; `make lab`: test_make_lab.py; slides:
test_slides_browser.py). Screenshots go to build/screenshots/.

In CI (CI=true) a missing browser fails; elsewhere these tests skip with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from browser_support import SHOTS, chromium_browser, watch
from course_tools import site
from course_tools.execute import twins, notebook_of
from course_tools.export import PLOTLY_MIME

pytestmark = pytest.mark.browser
NOTEBOOKS = [notebook_of(t) for t in twins()]


def _figures(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(PLOTLY_MIME in o.get("data", {}) for c in notebook.cells
               for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def chromium():
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    target = tmp_path_factory.mktemp("site") / "site"
    return target, dict(site.build(target))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_offline_site_page_draws_every_figure_with_the_network_cut_off(
        chromium, offline_site, notebook):
    target, built = offline_site
    problems: list[str] = []
    context = chromium.new_context(offline=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watch(page, problems)
    page.goto((target / f"{notebook.stem}.html").as_uri())
    expected = built[f"{notebook.stem}.html"]
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
        arg=expected, timeout=30_000)
    drawn = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
                             .filter(f => f.querySelector('svg.main-svg')).length""")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"site_{notebook.stem}.png"), full_page=False)
    context.close()
    assert drawn == expected == _figures(notebook)
    assert not [p for p in problems if "remote request" in p or "console" in p], problems
