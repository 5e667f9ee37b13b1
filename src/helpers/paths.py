"""Where the course's files live, so that code works from any working directory."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (``src/helpers/paths.py`` -> three levels up).
REPO_ROOT: Path = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR: Path = REPO_ROOT / "notebooks"

#: Environment variable that points the loaders at another copy of the data (used by tests).
DATA_DIR_ENV = "COURSE_DATA_DIR"


def data_dir() -> Path:
    """Return the folder holding the CSV tables and ``datapackage.json``.

    ``$COURSE_DATA_DIR`` wins when set; otherwise the repository's ``data/`` folder.
    """
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).resolve() if override else REPO_ROOT / "data"
