"""What the browser tests share: Debian's Chromium, a JupyterLab server started like `make lab`
(token in the environment, workspaces in a temporary folder, never in ~/.jupyter), and small
page helpers. Screenshots go to build/screenshots/."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = REPO_ROOT / "build" / "screenshots"
PROJECTOR = {"width": 1024, "height": 768}
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "file://", "data:",
         "blob:", "about:")


def course_clone(root: Path, *, with_sources: bool = False) -> Path:
    """A git repository in ``root`` with the course's notebooks committed, as in a clone."""
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    if with_sources:  # the text sources and .gitignore, as git writes them on checkout
        shutil.copytree(REPO_ROOT / "src" / "notebooks", root / "src" / "notebooks")
        shutil.copyfile(REPO_ROOT / ".gitignore", root / ".gitignore")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "course"], check=True)
    return root


@contextmanager
def chromium_browser() -> Iterator[object]:
    """Debian's Chromium through Playwright; a missing browser fails in CI, skips elsewhere."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: `make check` installs Debian's chromium as root")
        pytest.skip("no /usr/bin/chromium: run `sudo apt-get install chromium` to enable the "
                    "browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def watch(page, problems: list[str]) -> None:
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


class Lab:
    """A JupyterLab server on 127.0.0.1 serving ``root``, started as `make lab` starts it."""

    def __init__(self, root: Path, workspaces: Path) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, JUPYTER_TOKEN=self.token,
                   JUPYTERLAB_WORKSPACES_DIR=str(workspaces))
        command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
                   f"--port={self.port}", f"--ServerApp.root_dir={root}"]
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        pytest.fail("JupyterLab did not start within 90 s")

    def url(self, path: str, workspace: str) -> str:
        return f"{self.base}/lab/workspaces/{workspace}/tree/{path}?reset&token={self.token}"

    def kernel_states(self, name: str) -> list[str]:
        with urllib.request.urlopen(f"{self.base}/api/sessions?token={self.token}",
                                    timeout=5) as reply:
            sessions = json.load(reply)
        return [s["kernel"]["execution_state"] for s in sessions
                if s.get("path", "").endswith(name) and s.get("kernel")]

    def wait_for_idle_kernel(self, page, name: str, seconds: float = 90) -> None:
        """Poll until the notebook's kernel is idle (waiting with Playwright, which keeps
        serving the page's routed requests meanwhile)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.kernel_states(name)[:1] == ["idle"]:
                return
            page.wait_for_timeout(300)
        pytest.fail(f"the kernel of {name} did not become idle within {seconds} s")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)


def open_notebook(page, lab: Lab, path: str, workspace: str) -> None:
    page.goto(lab.url(path, workspace))
    page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", timeout=90_000)
    lab.wait_for_idle_kernel(page, Path(path).name)


def scroll_through(page) -> None:
    """Scroll the open notebook from top to bottom, so that every output is drawn."""
    page.evaluate("""async panel => {
        const outer = document.querySelector(panel + ' .jp-WindowedPanel-outer')
                      || document.querySelector(panel + ' .jp-Notebook');
        for (let top = 0; top <= outer.scrollHeight; top += outer.clientHeight * 0.8) {
            outer.scrollTop = top;
            await new Promise(done => setTimeout(done, 120));
        }
        outer.scrollTop = 0;
    }""", PANEL)


def is_dirty(page) -> bool:
    return page.locator("#jp-main-dock-panel .lm-TabBar-tab.jp-mod-dirty").count() > 0


def close_current_tab(page) -> str:
    """Close the notebook's tab as a person does (its x); return the text of any dialog."""
    page.click("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon")
    try:
        page.wait_for_selector(".jp-Dialog", timeout=1_000)
    except Exception:  # noqa: BLE001  (no dialog: what we hope for)
        return ""
    return page.locator(".jp-Dialog").inner_text()


def run_all(page, lab: Lab, name: str, code_cells: int, hidden: int = 0) -> None:
    """Run ▸ Run All Cells (the kernel is fresh: just opened), wait until the kernel is idle
    again, then check every prompt is numbered (scrolling, since cells out of view are drawn
    lazily)."""
    page.click("div.lm-MenuBar-itemLabel:text-is('Run')")
    page.click("div.lm-Menu-itemLabel:text-is('Run All Cells')")
    page.wait_for_timeout(1_000)
    lab.wait_for_idle_kernel(page, name, seconds=240)
    scroll_through(page)
    page.wait_for_function(
        """([panel, n, hidden]) => {
            const prompts = [...document.querySelectorAll(
                panel + ' .jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent.trim());
            // collapsed solution cells (source_hidden) may draw no prompt
            return prompts.length >= n - hidden && prompts.length <= n
                && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
        }""", arg=[PANEL, code_cells, hidden], timeout=60_000)
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']")
