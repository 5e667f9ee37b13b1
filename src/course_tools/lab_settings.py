"""The JupyterLab and Jupyter Server settings the course installs into its environment.

``python -m course_tools.lab_settings`` (run by ``make install`` and by Binder's ``postBuild``)
writes two files under ``sys.prefix``, where JupyterLab and Jupyter Server read them:

- ``share/jupyter/lab/settings/overrides.json``: no news or update pop-ups (students should see
  the course, not a dialog), and autosave every ``AUTOSAVE_S`` seconds instead of 120. Running a
  cell marks a notebook modified even when its outputs come back as stored; the quick autosave
  clears that mark soon after the run ends, so closing the tab asks nothing. Not shorter: an
  edit typed while a save is under way is neither marked nor saved (jupyterlab/jupyterlab#17365),
  and the more often it saves, the likelier that is.
- ``etc/jupyter/jupyter_server_config.json`` (merged into what is there): the pre-save hook
  (``course_tools.save_hook``) that keeps a notebook's committed bytes when a save would change
  only what JupyterLab adds by itself (plotly's PNG snapshots, the Python patch version). Set
  as configuration, not registered by a server extension: jupyterlab-jupytext replaces the
  contents manager when it loads, and a configured hook reaches the replacement too. The file
  browser also hides ``rise.css`` (the RISE slideshow's style sheet beside the notebooks).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

AUTOSAVE_S = 5
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                    "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": True,
                                                "autosaveInterval": AUTOSAVE_S},
}
#: Jupyter Server's default hide_globs, and the slideshow's style sheet (notebooks/rise.css):
#: students see one file per lesson.
HIDDEN = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "rise.css"]
SERVER_CONFIG = {"ContentsManager": {"pre_save_hook": "course_tools.save_hook.keep_committed_bytes",
                                     "hide_globs": HIDDEN}}


def _merged(path: Path, settings: dict) -> dict:
    """``settings`` over what ``path`` already holds, one level deep (section by section)."""
    merged = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for section, values in settings.items():
        merged[section] = {**merged.get(section, {}), **values}
    return merged


def install(prefix: Path) -> list[Path]:
    """Write (merge) both files under ``prefix``; return their paths."""
    files = {prefix / "share/jupyter/lab/settings/overrides.json": LAB_OVERRIDES,
             prefix / "etc/jupyter/jupyter_server_config.json": SERVER_CONFIG}
    for path, settings in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(_merged(path, settings), indent=2) + "\n", encoding="utf-8")
    return list(files)


if __name__ == "__main__":
    for written in install(Path(sys.prefix)):
        print(f"    wrote {written}")
