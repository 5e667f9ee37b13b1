"""The JupyterLite site (``make lite``) opens in Chromium from localhost with every request off
this machine blocked: JupyterLab loads, the notebooks and data are listed, and every stored
figure of every notebook draws. Whether the Pyodide kernel starts is reported, not asserted:
it loads Pyodide from cdn.jsdelivr.net, which an offline browser cannot reach.
"""

from __future__ import annotations

import functools
import json
import os
import threading
import warnings
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import nbformat
import pytest

from course_tools import lite
from course_tools.execute import notebook_of, twins
from course_tools.export import PLOTLY_MIME
from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
NOTEBOOKS = [notebook_of(t) for t in twins()]
SHOTS = REPO_ROOT / "build" / "screenshots"


def _figures(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(PLOTLY_MIME in o.get("data", {}) for c in notebook.cells
               for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return lite.build(tmp_path_factory.mktemp("lite") / "lite")


def test_site_holds_the_notebooks_data_and_wheels_but_no_text_sources(site):
    listing = json.loads((site / "api" / "contents" / "notebooks" / "all.json").read_text())
    names = sorted(item["name"] for item in listing["content"])
    assert names == sorted(p.name for p in NOTEBOOKS)  # no .md twins
    data = json.loads((site / "api" / "contents" / "data" / "all.json").read_text())
    assert "datapackage.json" in {item["name"] for item in data["content"]}
    index = json.loads((site / "pypi" / "all.json").read_text())  # what %pip install finds
    assert {"soviet-power-1953-1957", "plotly", "nbformat"} <= set(index)
    config = json.loads((site / "jupyter-lite.json").read_text())
    extensions = [e["name"] for e in config["jupyter-config-data"]["federated_extensions"]]
    assert "jupyterlab-plotly" in extensions


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".mjs": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json"}

    def log_message(self, *args):  # one line per file would drown the test output
        pass


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: `make check` installs Debian's chromium as root")
        pytest.skip("no /usr/bin/chromium: run `sudo apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _offline_page(chromium, base: str, remote: list[str]):
    """A page that may load only from ``base``; every other request is blocked and recorded."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})

    def route(request_route):
        url = request_route.request.url
        if url.startswith((base, "data:", "blob:", "about:")):
            request_route.continue_()
        else:
            remote.append(url)
            request_route.abort()
    context.route("**/*", route)
    context.on("requestfailed", lambda r: r.url.startswith(base) or remote.append(r.url))
    return context, context.new_page()


def test_jupyterlab_loads_and_lists_the_course(chromium, served):
    remote: list[str] = []
    context, page = _offline_page(chromium, served, remote)
    page.goto(f"{served}/lab/index.html")
    page.wait_for_selector(".jp-DirListing-item[title*='notebooks'], "
                           ".jp-DirListing-item:has-text('notebooks')", timeout=120_000)
    top = page.locator(".jp-DirListing-itemText").all_inner_texts()
    assert {"notebooks", "data"} <= set(top), top
    page.dblclick(".jp-DirListing-item:has-text('notebooks')")
    page.wait_for_selector(".jp-DirListing-item:has-text('00_start_here.ipynb')")
    listed = set(page.locator(".jp-DirListing-itemText").all_inner_texts())
    context.close()
    assert {p.name for p in NOTEBOOKS} <= listed, listed


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_stored_figure_draws_offline(chromium, served, notebook):
    remote: list[str] = []
    context, page = _offline_page(chromium, served, remote)
    page.goto(f"{served}/lab/index.html?path=notebooks/{notebook.name}")
    panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
    expected = _figures(notebook)
    page.wait_for_selector(f"{panel} .jp-Notebook .jp-Cell", timeout=120_000)
    wanted = _figure_cells(notebook)
    per_cell = page.evaluate(DRAWN_WHILE_SCROLLING, [panel, wanted])
    drawn = sum(per_cell.values())
    if notebook.stem.startswith("00"):
        _report_kernel(page, panel, remote)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"lite_{notebook.stem}.png"))
    context.close()
    assert drawn == expected, f"{drawn} of {expected} stored figures drawn: {per_cell} of {wanted}"


#: JupyterLab renders only the cells near the viewport (windowing), as a reader scrolling down
#: sees them: bring each cell that stores figures into view in turn, give it up to 20 s to draw
#: them, and return how many drew in each.
DRAWN_WHILE_SCROLLING = """async ([panel, wanted]) => {
    const outer = document.querySelector(panel + ' .jp-WindowedPanel-outer');
    const sleep = ms => new Promise(r => setTimeout(r, ms));
    const cellAt = i => document.querySelector(
        `${panel} .jp-Notebook .jp-Cell[data-windowed-list-index="${i}"]`);
    const drawn = {};
    for (const [index, count] of wanted) {
        for (let step = 0; !cellAt(index) && step < 200; step++) {
            outer.scrollTop += outer.clientHeight / 2;
            await sleep(100);
        }
        const cell = cellAt(index);
        if (!cell) { drawn[index] = 0; continue; }
        cell.scrollIntoView();
        const figures = () => [...cell.querySelectorAll('.jp-RenderedPlotly')]
            .filter(f => f.querySelector('svg.main-svg')).length;
        const started = Date.now();
        while (figures() < count && Date.now() - started < 20000) { await sleep(100); }
        drawn[index] = figures();
    }
    return drawn;
}"""


def _figure_cells(path: Path) -> list[tuple[int, int]]:
    """(cell index, stored figures) for every cell that stores a figure."""
    notebook = nbformat.read(path, as_version=4)
    counts = [(i, sum(PLOTLY_MIME in o.get("data", {}) for o in c.get("outputs", [])))
              for i, c in enumerate(notebook.cells)]
    return [(i, n) for i, n in counts if n]


def _report_kernel(page, panel: str, remote: list[str], seconds: int = 30) -> None:
    """Say whether the Pyodide kernel reached 'Idle'; it cannot when its CDN is blocked, so
    stop waiting as soon as the request for the Pyodide runtime has been blocked."""
    status_bar = ".jp-StatusBar-TextItem:has-text('Pyodide')"
    idle = page.locator(f"{status_bar}:has-text('Idle')")
    cdn: list[str] = []
    for _ in range(seconds * 4):
        if idle.count():
            print("JupyterLite: the Pyodide kernel started (Idle).")
            return
        cdn = sorted({url for url in remote if "pyodide" in url or "jsdelivr" in url})
        if any("pyodide" in url for url in cdn):
            break  # the runtime cannot load: the kernel will not start
        page.wait_for_timeout(250)
    status = " / ".join(page.locator(status_bar).all_inner_texts()) or "no kernel status"
    message = (f"JupyterLite: the Pyodide kernel did not start offline (status: {status}); "
               f"blocked remote requests: {cdn or sorted(set(remote))[:5]}. "
               "Stored figures draw; running cells needs the CDN (cdn.jsdelivr.net).")
    print(message)
    warnings.warn(message)
