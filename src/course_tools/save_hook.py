"""A save from JupyterLab keeps a notebook's bytes when it changes nothing a person did.

JupyterLab marks a notebook modified as soon as a cell runs, even when Run All gives back the
stored outputs exactly; its autosave (or "Save" on closing) then writes the file. Measured with
JupyterLab 4.6.6: after Run All, the saved file differs from the committed one only in a PNG
snapshot that jupyterlab-plotly adds to every figure it has drawn (and, on another machine, the
kernel's Python patch version). ``keep_committed_bytes`` is a Jupyter Server pre-save hook
(installed by ``course_tools.lab_settings``): when the notebook being saved compares equal under
``as_saved`` to the version git's HEAD holds (or else to the file on disk), it saves that
version instead, so the file gets its committed bytes back and ``git status`` stays clean, even
after an autosave in the middle of a run wrote a half-run notebook. Any real change (an edit, a
new output) is saved as sent.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
from nbformat.v4.rwbase import rejoin_lines, strip_transient

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def whole_numbers_as_int(value):
    """``6.0`` becomes ``6`` everywhere in a JSON-like value: JupyterLab reads a notebook into
    JavaScript numbers and saves ``6.0`` as ``6``, so storing ints keeps a save byte-identical."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return type(value)((key, whole_numbers_as_int(item)) for key, item in value.items())
    if isinstance(value, list):
        return [whole_numbers_as_int(item) for item in value]
    return value


def as_saved(notebook) -> dict:
    """What must not change when JupyterLab saves a notebook, for comparisons.

    A save may add a PNG snapshot next to each plotly figure (jupyterlab-plotly does that after
    drawing a figure) and the Python patch version of the student's kernel; everything else is
    compared as parsed JSON, where ``6`` and ``6.0`` are equal, text stored as a list of lines
    equals the same text as one string, and what nbformat never writes (a cell's ``trusted``,
    which JupyterLab sends) is left out.
    """
    data = whole_numbers_as_int(strip_transient(rejoin_lines(nbformat.from_dict(notebook))))
    data["metadata"].get("language_info", {}).pop("version", None)
    for cell in data["cells"]:
        for output in cell.get("outputs", []):
            bundle = output.get("data", {})
            if PLOTLY_MIME in bundle:
                bundle.pop("image/png", None)
                output.get("metadata", {}).pop("image/png", None)
    return data


def _committed(file: Path):
    """The notebook as git's HEAD holds it, or None (no git, not tracked, not a notebook)."""
    try:
        shown = subprocess.run(["git", "-C", str(file.parent), "show", f"HEAD:./{file.name}"],
                               capture_output=True, timeout=10, check=True)
        return nbformat.reads(shown.stdout.decode("utf-8"), as_version=4)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _on_disk(file: Path):
    try:
        return nbformat.read(file, as_version=4)
    except (OSError, ValueError):  # a new file, or one that is not a notebook yet
        return None


def _begun(mine: list, theirs: list) -> bool:
    """``mine`` is the start of ``theirs``: whole outputs, then maybe part of a printout."""
    if len(mine) > len(theirs) or mine[:-1] != theirs[:len(mine) - 1]:
        return False
    if not mine or mine[-1] == theirs[len(mine) - 1]:
        return True
    last, whole = mine[-1], theirs[len(mine) - 1]
    return last.get("output_type") == whole.get("output_type") == "stream" \
        and last.get("name") == whole.get("name") \
        and whole.get("text", "").startswith(last.get("text", ""))


def _still_running(mine: dict, theirs: dict) -> bool:
    """``mine`` is the code cell ``theirs`` caught by a save in the middle of a run: Run All
    clears every cell's outputs and count first, and they come back one cell at a time (the
    running cell's outputs one by one, with no count yet)."""
    return mine["cell_type"] == "code" and mine.get("execution_count") is None \
        and {**mine, "outputs": [], "execution_count": None} == \
        {**theirs, "outputs": [], "execution_count": None} \
        and _begun(mine.get("outputs", []), theirs.get("outputs", []))


def same_but_for_the_run(sent: dict, kept: dict) -> bool:
    """True when ``sent`` is ``kept`` (both through ``as_saved``), except code cells still
    running: same source and metadata, no outputs or count yet."""
    rest = [{key: value for key, value in nb.items() if key != "cells"} for nb in (sent, kept)]
    if rest[0] != rest[1] or len(sent["cells"]) != len(kept["cells"]):
        return False
    return all(mine == theirs or _still_running(mine, theirs)
               for mine, theirs in zip(sent["cells"], kept["cells"]))


def keep_committed_bytes(model: dict, path: str, contents_manager, **_) -> None:
    """Pre-save hook: save the committed notebook (else the one on disk) instead of ``model``
    when they differ only in what ``as_saved`` ignores and in cells still running.

    Why the running cells: JupyterLab's save clears the "modified" mark when the server
    answers, so a change made while an autosave is under way goes unmarked and unsaved
    (jupyterlab/jupyterlab#17365). An autosave in the middle of Run All would otherwise leave
    a half-run notebook on disk with nothing left to save the rest.
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    file = Path(contents_manager.root_dir, path.strip("/"))
    sent = as_saved(model["content"])
    for source, load in (("committed", _committed), ("on disk", _on_disk)):
        kept = load(file)
        if kept is not None and same_but_for_the_run(sent, as_saved(kept)):
            model["content"] = kept
            contents_manager.log.info("Saving %s as %s: only JupyterLab's own additions "
                                      "or cells still running differ", path, source)
            return
