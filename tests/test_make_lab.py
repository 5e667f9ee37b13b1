"""`make lab` serves JupyterLab on 127.0.0.1 with a token, and `make` does not reinstall."""

import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from helpers.paths import REPO_ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str) -> int:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(url, timeout=5).status
    except urllib.error.HTTPError as err:
        return err.code


def test_installed_environment_is_up_to_date_so_make_does_not_reinstall():
    result = subprocess.run(["make", "--question", "install"], cwd=REPO_ROOT)
    assert result.returncode == 0, "make would reinstall although nothing changed"


@pytest.fixture
def lab():
    port, token = _free_port(), secrets.token_hex(16)
    process = subprocess.Popen(["make", "lab", f"PORT={port}", f"TOKEN={token}"], cwd=REPO_ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _status(f"{base}/api/status?token={token}") == 200:
                break
        except OSError:
            pass
        if process.poll() is not None:
            pytest.fail(f"make lab exited with {process.returncode}")
        time.sleep(0.5)
    else:
        os.killpg(process.pid, signal.SIGTERM)
        pytest.fail("JupyterLab did not answer within 60 s")
    yield base, token, port
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def test_make_lab_serves_with_the_token_and_refuses_without(lab):
    base, token, port = lab
    assert _status(f"{base}/lab?token={token}") == 200
    assert _status(f"{base}/lab") in (302, 403)
    assert _status(f"{base}/api/contents") == 403
    assert _status(f"{base}/api/contents/notebooks?token={token}") == 200


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


def test_make_lab_listens_on_loopback_only(lab):
    _, _, port = lab
    assert _listening_addresses(port) == {"127.0.0.1"}
