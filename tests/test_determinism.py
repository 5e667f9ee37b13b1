"""Determinism and safety: a fresh run reproduces the stored outputs, touches nothing in
data/, and makes no network request (a guard in the kernel refuses and records any)."""

from __future__ import annotations

import configparser
import hashlib
import json
import os
import re
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from course_tools.execute import KERNEL, as_saved, normalise, twins, notebook_of
from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # runs every notebook again: `make check`
NOTEBOOKS = [notebook_of(t) for t in twins()]
GUARD = textwrap.dedent('''
    """Installed by tests/test_determinism.py: refuse and record network access."""
    import os, socket
    _LOG = os.environ["COURSE_NETWORK_LOG"]
    _connect, _getaddrinfo = socket.socket.connect, socket.getaddrinfo
    def _local(host):
        return isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1"))
    def _refuse(what):
        with open(_LOG, "a") as log:
            log.write(f"{what}\\n")
        raise OSError(f"network access refused in this test: {what}")
    def connect(self, address):
        if self.family == socket.AF_UNIX or _local(address[0]):
            return _connect(self, address)
        _refuse(address)
    def getaddrinfo(host, *args, **kwargs):
        if host is None or _local(host):
            return _getaddrinfo(host, *args, **kwargs)
        _refuse(host)
    socket.socket.connect, socket.getaddrinfo = connect, getaddrinfo
''')


def _sanitizers() -> list[tuple[re.Pattern[str], str]]:
    parser = configparser.ConfigParser()
    parser.read(REPO_ROOT / "tests" / "nbval_sanitize.cfg")
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def _outputs(notebook: nbformat.NotebookNode) -> str:
    text = json.dumps(as_saved(normalise(notebook)), sort_keys=True)  # a Lab save compares equal
    for pattern, replacement in _sanitizers():
        text = pattern.sub(replacement, text)
    kept = nbformat.reads(text, as_version=4)
    return json.dumps([c.outputs for c in kept.cells if c.cell_type == "code"],
                      sort_keys=True, indent=1)


def _data_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO_ROOT / "data").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def guarded_kernel(tmp_path, monkeypatch):
    """Kernels started in this test load the network guard and log to a file."""
    (tmp_path / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(tmp_path), *filter(None, [os.environ.get("PYTHONPATH")])]))
    monkeypatch.setenv("COURSE_NETWORK_LOG", str(log))
    return log


def _run(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    copy = nbformat.from_dict(notebook)
    NotebookClient(copy, timeout=120, kernel_name=KERNEL,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return copy


def test_the_guard_really_refuses_and_records(guarded_kernel, tmp_path):
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import urllib.request\n"
        "try:\n    urllib.request.urlopen('http://example.org', timeout=2)\n"
        "except OSError as error:\n    print('refused')")])
    ran = _run(probe, tmp_path)
    assert "refused" in ran.cells[0].outputs[0]["text"]
    assert "example.org" in guarded_kernel.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_fresh_offline_run_reproduces_the_stored_outputs_and_leaves_data_alone(
        guarded_kernel, path):
    before = _data_hash()
    stored = nbformat.read(path, as_version=4)
    fresh = _run(stored, path.parent)
    assert guarded_kernel.read_text(encoding="utf-8") == "", "the notebook used the network"
    assert _data_hash() == before, "running the notebook changed data/"
    assert _outputs(fresh) == _outputs(nbformat.read(path, as_version=4)), (
        f"{path.name}: a fresh run gives other outputs than the stored ones. Review the diff "
        "before anything else. If a change to data/ caused it, make sure the change is "
        "intended, then update the pinned answers (tests/test_exercise_answers.py), the "
        "invariants (tests/test_invariants.py) and any solution text that quotes the old "
        "value; only then run `make execute`. Running it first would bless a typo. If nothing "
        "was meant to change, look for something nondeterministic.")
