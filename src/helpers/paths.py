"""Where the course's files are, wherever it runs. ``data_dir()`` takes the first folder holding
``datapackage.json`` of: ``$COURSE_DATA_DIR`` (tests and benchmarks point it at copies); the
checkout's data/ (``make lab``, Binder, a hub); the copy inside the installed package (Colab,
JupyterLite, pip; it always matches the installed code, so it comes before the search upward);
a data/ folder in the current folder or any folder above."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataFileError

REPO_ROOT = Path(__file__).resolve().parents[2]  # the checkout, when run from one (tooling uses it)
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
PACKAGE_DATA_DIR = Path(__file__).resolve().parent / "data"  # copied from data/ by setup.py
DATA_DIR_ENV = "COURSE_DATA_DIR"


def data_dir(cwd: Path | None = None) -> Path:
    """The folder holding the CSV tables and ``datapackage.json``, or a DataFileError."""
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).resolve()
    here = (cwd or Path.cwd()).resolve()
    upward = [folder / "data" for folder in (here, *here.parents)]
    candidates = [REPO_ROOT / "data", PACKAGE_DATA_DIR, *upward]
    for folder in candidates:
        if (folder / "datapackage.json").is_file():
            return folder
    tried = ", ".join(str(folder) for folder in candidates[:3]) + " and the folders above"
    raise DataFileError(
        "data/", f"the course's data folder (with datapackage.json) was not found; looked in "
        f"{tried}.", hint="Open the notebook from the course's notebooks/ folder, or install the "
        "course (pip install soviet-power-1953-1957, never `pip install helpers`, which is another "
        f"package), or set {DATA_DIR_ENV} to the path of the course's data/ folder.")
