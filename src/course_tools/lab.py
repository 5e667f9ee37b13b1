"""The two small jobs around ``make lab`` that the shell does badly.

``python -m course_tools.lab free PORT``
    Exit 1 with a sentence if something already listens on PORT (Jupyter would otherwise
    fail with a long traceback, or another server could be mistaken for ours).

``python -m course_tools.lab announce PORT SERVER_PID``
    Wait until JupyterLab answers on PORT, check that it refuses a request without the token,
    then print the one address that logs in. If the server answers *without* a token (for
    example a Jupyter config file that empties it), stop the server instead.

The token comes from the environment variable ``JUPYTER_TOKEN`` (set by the Makefile, read by
Jupyter too), never from the command line, where every local user could read it in ``ps``.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
import urllib.error
import urllib.request

FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
WAIT_S = 180


def lab_url(port: int, token: str) -> str:
    """The address that opens the first notebook, logged in."""
    return f"http://127.0.0.1:{port}/lab/tree/{FIRST_NOTEBOOK}?token={token}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # report a redirect instead of following it
        return None


def _status(url: str, token: str | None = None) -> tuple[int, str]:
    """HTTP status and Location header of a GET, redirects not followed."""
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=3) as reply:
            return reply.status, reply.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def announce(port: int, server_pid: int, token: str) -> int:
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if not _alive(server_pid):
            return 1  # Jupyter stopped (it says why itself)
        try:
            if _status(f"{base}/api/status", token)[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.3)
    else:
        print(f"==> JupyterLab did not answer within {WAIT_S} s.", flush=True)
        return 1
    # Without the token the server must send us to its login page (a 403 would log a warning).
    status, location = _status(f"{base}/lab")
    if status != 302 or "/login" not in location:
        print("==> JupyterLab started WITHOUT a token (a Jupyter config file may empty it): "
              "stopping it, since anyone on this machine could use it.", flush=True)
        os.kill(server_pid, signal.SIGTERM)
        return 1
    print("\n==> JupyterLab is ready. Open this address in your browser (it logs you in):\n\n"
          f"    {lab_url(port, token)}\n\n"
          "    Stop JupyterLab with Ctrl-C in this window.\n", flush=True)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "free":
        port = int(argv[1])
        if port_is_free(port):
            return 0
        print(f"==> Port {port} is already in use (another JupyterLab?). Stop it, or choose "
              f"another port: make lab PORT={port + 1}", flush=True)
        return 1
    if len(argv) == 3 and argv[0] == "announce":
        token = os.environ.get("JUPYTER_TOKEN", "")
        if not token:
            print("==> No JUPYTER_TOKEN set: refusing to announce a server.", flush=True)
            return 1
        return announce(int(argv[1]), int(argv[2]), token)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
