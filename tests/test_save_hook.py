"""A save from JupyterLab keeps a committed notebook's bytes unless a person changed something.

Jupyter Server's own contents manager with the course's pre-save hook, in a throw-away git
repository holding one of the course's notebooks; the saved models are shaped like the ones
JupyterLab 4.6 sends after Run All (measured: plotly PNG snapshots, cells marked ``trusted``).
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from jupyter_server.services.contents.filemanager import FileContentsManager

from course_tools import lab_settings
from course_tools.save_hook import PLOTLY_MIME, keep_committed_bytes
from helpers.paths import NOTEBOOKS_DIR

NAME = "02_power_shifts.ipynb"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copyfile(NOTEBOOKS_DIR / NAME, tmp_path / NAME)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "course"], check=True)
    return tmp_path


def _manager(root: Path) -> FileContentsManager:
    manager = FileContentsManager(root_dir=str(root))
    manager.register_pre_save_hook(keep_committed_bytes)
    return manager


def _as_lab_sends_it_after_run_all(root: Path) -> dict:
    """The committed notebook with what JupyterLab adds by itself."""
    content = json.loads((root / NAME).read_text(encoding="utf-8"))
    content["metadata"]["language_info"]["version"] = "3.11.99"
    for cell in content["cells"]:
        cell["metadata"]["trusted"] = True
        for output in cell.get("outputs", []):
            if PLOTLY_MIME in output.get("data", {}):
                output["data"]["image/png"] = "iVBORw0KGgoAAAANSUhEUgAA"
    return content


def _code_cells(content: dict) -> list[dict]:
    return [cell for cell in content["cells"] if cell["cell_type"] == "code"]


def test_saving_after_run_all_writes_the_committed_bytes(repo):
    committed = (repo / NAME).read_bytes()
    sent = _as_lab_sends_it_after_run_all(repo)
    assert any("image/png" in o.get("data", {}) for c in sent["cells"] for o in c.get("outputs", []))
    _manager(repo).save({"type": "notebook", "content": sent}, NAME)
    assert (repo / NAME).read_bytes() == committed


def test_a_save_in_the_middle_of_run_all_writes_the_committed_bytes(repo):
    """Run All clears every code cell first; the later ones are still empty."""
    committed = (repo / NAME).read_bytes()
    sent = _as_lab_sends_it_after_run_all(repo)
    for cell in _code_cells(sent)[5:]:
        cell["outputs"], cell["execution_count"] = [], None
    _manager(repo).save({"type": "notebook", "content": sent}, NAME)
    assert (repo / NAME).read_bytes() == committed


def test_a_save_while_a_cell_prints_writes_the_committed_bytes(repo):
    """The running cell has part of its outputs: a printout cut short, no count yet."""
    committed = (repo / NAME).read_bytes()
    sent = _as_lab_sends_it_after_run_all(repo)
    printing = next(i for i, c in enumerate(_code_cells(sent))
                    if c["outputs"] and c["outputs"][0]["output_type"] == "stream")
    running = _code_cells(sent)[printing]
    running["execution_count"] = None
    running["outputs"] = [{**running["outputs"][0], "text": running["outputs"][0]["text"][:5]}]
    for cell in _code_cells(sent)[printing + 1:]:
        cell["outputs"], cell["execution_count"] = [], None
    _manager(repo).save({"type": "notebook", "content": sent}, NAME)
    assert (repo / NAME).read_bytes() == committed


def test_after_a_half_run_file_was_written_the_committed_bytes_come_back(repo):
    """Compared with git's HEAD, not only with the file on disk."""
    committed = (repo / NAME).read_bytes()
    half = nbformat.read(repo / NAME, as_version=4)
    for cell in half.cells[len(half.cells) // 2:]:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(half, repo / NAME)  # as an unpatched JupyterLab would have saved it
    _manager(repo).save({"type": "notebook", "content": _as_lab_sends_it_after_run_all(repo)},
                        NAME)
    assert (repo / NAME).read_bytes() == committed


@pytest.mark.parametrize("change", ["source", "output", "new cell", "stopped early",
                                    "printed other text"])
def test_a_real_change_is_saved_as_sent(repo, change):
    sent = _as_lab_sends_it_after_run_all(repo)
    code = _code_cells(sent)
    if change == "source":
        code[1]["source"] = "answer = 'bulganin'"
    elif change == "output":
        first_text = next(o for c in code for o in c["outputs"] if o["output_type"] == "stream")
        first_text["text"] = "something else\n"
    elif change == "new cell":
        sent["cells"].append(copy.deepcopy(code[0]) | {"id": "new-cell", "outputs": []})
    elif change == "stopped early":  # ran, and showed nothing where the stored one did
        shown = next(cell for cell in code if cell["outputs"])
        shown["outputs"] = []
    else:  # still running, but printing what the stored cell never printed
        printing = next(c for c in code if c["outputs"] and c["outputs"][0]["output_type"] == "stream")
        printing["execution_count"] = None
        printing["outputs"] = [{**printing["outputs"][0], "text": "something else"}]
    _manager(repo).save({"type": "notebook", "content": sent}, NAME)
    saved = nbformat.read(repo / NAME, as_version=4)
    assert saved != nbformat.read(NOTEBOOKS_DIR / NAME, as_version=4)
    assert saved == nbformat.from_dict(json.loads(json.dumps(nbformat.reads(
        json.dumps(sent), as_version=4))))


def test_a_new_notebook_is_saved_as_sent(tmp_path):
    sent = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    _manager(tmp_path).save({"type": "notebook", "content": json.loads(json.dumps(sent))},
                            "mine.ipynb")
    assert nbformat.read(tmp_path / "mine.ipynb", as_version=4).cells[0].source == "1 + 1"


def test_settings_install_the_hook_and_a_quick_autosave_and_keep_what_is_there(tmp_path):
    overrides = tmp_path / "share/jupyter/lab/settings/overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}')
    lab_settings.install(tmp_path)
    lab = json.loads(overrides.read_text())
    assert lab["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert lab["@jupyterlab/docmanager-extension:plugin"]["autosaveInterval"] <= 10
    server = json.loads((tmp_path / "etc/jupyter/jupyter_server_config.json").read_text())
    assert server["ContentsManager"]["pre_save_hook"] == \
        f"{keep_committed_bytes.__module__}.{keep_committed_bytes.__name__}"


def test_the_file_browser_shows_one_file_per_lesson():
    """notebooks/rise.css (the RISE slideshow's style sheet) is hidden by the course's settings."""
    manager = FileContentsManager(root_dir=str(NOTEBOOKS_DIR.parent), hide_globs=lab_settings.HIDDEN)
    names = [entry["name"] for entry in manager.get("notebooks")["content"]]
    assert (NOTEBOOKS_DIR / "rise.css").exists() and names
    assert all(name.endswith(".ipynb") for name in names), names
