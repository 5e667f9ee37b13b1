"""`make lab` as a person meets it: the command from the README, no token supplied, prints one
address that logs in, and a real browser lands on 00_start_here with it. The token never shows
in the process list, and no environment variable can switch authentication off."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
URL = re.compile(r"http://127\.0\.0\.1:(\d+)/lab/tree/notebooks/00_start_here\.ipynb"
                 r"\?token=([0-9a-f]{32})")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str, token: str | None = None) -> int:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        return urllib.request.build_opener(NoRedirect).open(request, timeout=5).status
    except urllib.error.HTTPError as err:
        return err.code


def _session_processes(session_id: int) -> list[int]:
    """PIDs of every process in the session that `make lab` started."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id:  # field 6 of stat: the session id
            pids.append(int(stat.parent.name))
    return pids


class MakeLab:
    """`make lab` running in its own session; ``output`` is everything it printed so far."""

    def __init__(self, env: dict[str, str], tmp_path: Path) -> None:
        self.port = _free_port()
        self.log = tmp_path / f"make-lab-{self.port}.log"
        self._handle = self.log.open("wb")
        # the README's command; PORT only because a shared machine may have 8888 taken
        self.process = subprocess.Popen(["make", "lab", f"PORT={self.port}"], cwd=REPO_ROOT,
                                        env=env, stdout=self._handle,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_url(self, seconds: float = 120) -> tuple[str, str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = URL.search(self.output)
            if found:
                return found.group(0), found.group(2)
            if self.process.poll() is not None:
                pytest.fail(f"make lab exited with {self.process.returncode}:\n{self.output}")
            time.sleep(0.3)
        pytest.fail(f"make lab printed no address within {seconds} s:\n{self.output}")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        self._handle.close()


def _person_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The caller's environment without any token; workspaces kept in a temporary folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("TOKEN", "JUPYTER_TOKEN")}
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(tmp_path / "workspaces")
    env.update(extra)
    return env


@pytest.fixture
def make_lab(tmp_path):
    started: list[MakeLab] = []

    def start(**extra: str) -> MakeLab:
        lab = MakeLab(_person_env(tmp_path, **extra), tmp_path)
        started.append(lab)
        return lab
    yield start
    for lab in started:
        lab.stop()


def test_installed_environment_is_up_to_date_so_make_does_not_reinstall():
    result = subprocess.run(["make", "--question", "install"], cwd=REPO_ROOT)
    assert result.returncode == 0, "make would reinstall although nothing changed"


@pytest.mark.slow
def test_make_lab_prints_one_address_that_logs_in_and_keeps_the_token_private(make_lab):
    lab = make_lab()
    url, token = lab.wait_for_url()
    base = f"http://127.0.0.1:{lab.port}"
    assert lab.output.count("http://") == 1, lab.output
    assert _status(url) == 200
    assert _status(f"{base}/api/contents/notebooks", token) == 200
    assert _status(f"{base}/api/contents") == 403
    assert _status(f"{base}/lab") == 302
    processes = _session_processes(lab.process.pid)
    assert len(processes) >= 1
    for pid in processes:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        assert token not in cmdline, f"the token is on the command line of {cmdline!r}"
    assert "jupyter" in " ".join(Path(f"/proc/{p}/cmdline").read_text(errors="replace")
                                 for p in processes)


@pytest.mark.slow
@pytest.mark.parametrize("environment", [{"TOKEN": ""}, {"TOKEN": "ghp_not_a_jupyter_token"},
                                         {"JUPYTER_TOKEN": ""}],
                         ids=["empty-TOKEN", "unrelated-TOKEN", "empty-JUPYTER_TOKEN"])
def test_no_environment_variable_switches_authentication_off(make_lab, environment):
    lab = make_lab(**environment)
    _, token = lab.wait_for_url()
    base = f"http://127.0.0.1:{lab.port}"
    assert token not in environment.values()
    assert _status(f"{base}/api/contents") == 403
    assert _status(f"{base}/api/contents", "ghp_not_a_jupyter_token") == 403
    assert _status(f"{base}/lab") == 302
    assert _status(f"{base}/api/contents", token) == 200


@pytest.mark.slow
def test_a_config_that_empties_the_token_stops_the_server(make_lab, tmp_path):
    config = tmp_path / "jupyter-config"
    config.mkdir()
    (config / "jupyter_server_config.json").write_text(
        json.dumps({"IdentityProvider": {"token": ""}}))
    lab = make_lab(JUPYTER_CONFIG_DIR=str(config))
    lab.process.wait(timeout=120)
    assert "WITHOUT a token" in lab.output and not URL.search(lab.output)
    assert _listening_addresses(lab.port) == set(), "the server without a token kept running"


def test_a_busy_port_gets_a_sentence_not_a_traceback(make_lab):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(["make", "lab", f"PORT={port}"], cwd=REPO_ROOT,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"Port {port} is already in use" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def _listening_addresses(port: int) -> set[str]:
    """Addresses with a listening TCP socket on ``port``, read from /proc (no tools needed)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:
                    if len(address) == 8:  # IPv4, little-endian
                        found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
                    else:
                        found.add("ipv6:" + address)
    return found


@pytest.mark.browser
def test_the_printed_address_opens_jupyterlab_on_the_first_notebook(make_lab, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI")
        pytest.skip("no /usr/bin/chromium: run `sudo apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    lab = make_lab()
    url, _ = lab.wait_for_url()
    assert _listening_addresses(lab.port) == {"127.0.0.1"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
        page.wait_for_selector(f"{panel} .jp-Notebook .jp-Cell", timeout=90_000)
        tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current "
                           ".lm-TabBar-tabLabel").first
        first_heading = page.locator(f"{panel} .jp-RenderedMarkdown h1").first.inner_text()
        shots = REPO_ROOT / "build" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "make_lab_printed_url.png"))
        assert "/login" not in page.url
        assert tab.inner_text() == "00_start_here.ipynb"
        assert first_heading.strip()
        browser.close()
