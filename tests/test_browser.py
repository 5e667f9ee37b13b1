"""A real browser: JupyterLab runs every notebook in Debian's Chromium, and the offline site
opens with the network cut off. Screenshots go to build/screenshots/.

In CI (CI=true) a missing browser fails; elsewhere these tests skip with a one-line reason.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from course_tools import site
from course_tools.execute import twins, notebook_of
from course_tools.export import PLOTLY_MIME
from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = REPO_ROOT / "build" / "screenshots"
NOTEBOOKS = [notebook_of(t) for t in twins()]
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "file://", "data:",
         "blob:", "about:")


def _figures(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(PLOTLY_MIME in o.get("data", {}) for c in notebook.cells
               for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: `make test` installs Debian's chromium as root")
        pytest.skip("no /usr/bin/chromium: run `sudo apt-get install chromium` to enable the "
                    "browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _watch(page, problems: list[str]) -> None:
    """Record console errors and block (and record) any request off this machine."""
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL):
            request_route.continue_()
        else:
            problems.append(f"remote request: {url}")
            request_route.abort()
    page.route("**/*", route)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving a copy of the notebooks (so autosave never touches
    the course's files)."""
    root = tmp_path_factory.mktemp("lab")
    for notebook in NOTEBOOKS:
        shutil.copyfile(notebook, root / notebook.name)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    token = secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", f"--ServerApp.root_dir={root}",
               f"--IdentityProvider.token={token}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        os.killpg(process.pid, signal.SIGTERM)
        pytest.fail("JupyterLab did not start within 60 s")
    yield base, token
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def _wait_for_idle_kernel(page, base: str, token: str, name: str, seconds: float = 60) -> None:
    """Poll the server until the notebook's kernel has started and is idle.

    Waits with ``page.wait_for_timeout`` (not ``time.sleep``) so that Playwright keeps
    serving the page's routed requests meanwhile."""
    import json

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=5) as reply:
            sessions = json.load(reply)
        states = [s["kernel"]["execution_state"] for s in sessions
                  if s.get("path", "").endswith(name) and s.get("kernel")]
        if states and states[0] == "idle":
            return
        page.wait_for_timeout(300)
    pytest.fail(f"the kernel of {name} did not become idle within {seconds} s: {sessions}")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab_and_draws_every_figure(chromium, lab, notebook):
    base, token = lab
    problems: list[str] = []
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    _watch(page, problems)
    page.goto(f"{base}/lab/workspaces/t-{notebook.stem}/tree/{notebook.name}?reset&token={token}")
    panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
    page.wait_for_selector(f"{panel} .jp-Notebook .jp-Cell", timeout=60_000)
    try:
        _wait_for_idle_kernel(page, base, token, notebook.name)
    finally:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{notebook.stem}.png"))
    page.click("div.lm-MenuBar-itemLabel:text-is('Run')")
    page.click("div.lm-Menu-itemLabel:text-is('Run All Cells')")  # a fresh kernel: just opened
    code_cells = sum(c.cell_type == "code" for c in nbformat.read(notebook, 4).cells)
    page.wait_for_function(
        """([panel, n]) => {
            const prompts = [...document.querySelectorAll(
                panel + ' .jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent.trim());
            return prompts.length === n && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
        }""", arg=[panel, code_cells], timeout=120_000)
    page.wait_for_selector(f"{panel} .jp-Notebook-ExecutionIndicator[data-status='idle']")
    expected = _figures(notebook)
    page.wait_for_function(
        """([panel, n]) => document.querySelectorAll(
              panel + ' .jp-RenderedPlotly .main-svg').length >= n""",
        arg=[panel, expected], timeout=30_000)
    drawn = page.evaluate(
        """panel => [...document.querySelectorAll(panel + ' .jp-RenderedPlotly')]
                     .filter(f => f.querySelector('svg.main-svg')).length""", panel)
    errors = page.locator(
        f"{panel} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    ).count()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{notebook.stem}.png"))
    context.close()
    assert errors == 0, f"{notebook.name} printed an error"
    assert drawn == expected, f"{drawn} figures drawn, {expected} expected"
    assert not problems, problems


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
    _watch(page, problems)
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
