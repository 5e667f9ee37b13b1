"""Where the course's files live, so that the helpers work wherever the course runs.

``data_dir()`` looks, in this order, for a folder holding ``datapackage.json``:

1. ``$COURSE_DATA_DIR`` when set (tests and benchmarks point it at copies);
2. the checkout's ``data/`` (``src/helpers/paths.py`` -> three levels up): ``make lab``,
   Binder, a hub where the lecturer cloned the repository;
3. the copy shipped inside the installed package (``helpers/data``, copied from ``data/`` when
   the wheel is built, see setup.py): Colab, JupyterLite, ``pip install`` anywhere;
4. a ``data/`` folder in the current folder (the notebook's, in Jupyter) or any folder above.

The packaged copy comes before the search upward because it always matches the installed code.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataFileError

#: The repository root when the helpers run from a checkout (tooling uses it).
REPO_ROOT: Path = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR: Path = REPO_ROOT / "notebooks"
#: Where the wheel carries its copy of data/.
PACKAGE_DATA_DIR: Path = Path(__file__).resolve().parent / "data"
#: The file that marks a folder as the course's data.
DATA_MARKER = "datapackage.json"

#: Environment variable that points the loaders at another copy of the data.
DATA_DIR_ENV = "COURSE_DATA_DIR"


def data_candidates(cwd: Path | None = None) -> list[Path]:
    """The folders ``data_dir()`` tries after ``$COURSE_DATA_DIR``, in order."""
    here = (cwd or Path.cwd()).resolve()
    return [REPO_ROOT / "data", PACKAGE_DATA_DIR,
            *(folder / "data" for folder in (here, *here.parents))]


def data_dir(cwd: Path | None = None) -> Path:
    """Return the folder holding the CSV tables and ``datapackage.json`` (see the module text).

    Raises :class:`DataFileError` naming the places tried and the fixes when none holds the data.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).resolve()
    candidates = data_candidates(cwd)
    for folder in candidates:
        if (folder / DATA_MARKER).is_file():
            return folder
    tried = ", ".join(str(folder) for folder in candidates[:3]) + " and the folders above"
    raise DataFileError(
        "data/", f"the course's data folder (with {DATA_MARKER}) was not found; looked in {tried}.",
        hint="Open the notebook from the course's notebooks/ folder, or install the course "
             "(pip install soviet-power-1953-1957, never `pip install helpers`, which is another "
             f"package), or set {DATA_DIR_ENV} to the path of the course's data/ folder.")
