"""Build the course as a JupyterLite site (``make lite``) into build/lite/.

JupyterLite runs JupyterLab and a Python kernel (Pyodide) in the reader's browser: no server,
no Binder queue, work kept in the browser's storage. The site holds

- the notebooks (one file per lesson, no text sources) and ``data/``, as its contents;
- plotly's JupyterLab extension, so stored figures draw without running anything;
- the wheels the notebooks' first cell installs there (``%pip install soviet-power-1953-1957``):
  the course's own wheel (which carries data/), plotly and nbformat with their pure-Python
  dependencies that Pyodide does not ship. pandas, numpy and networkx come with Pyodide.

Pyodide itself (Python 3.14, pandas 3.0.2) is loaded by the reader's browser from its public
CDN (cdn.jsdelivr.net): the site can be opened offline, but its kernel starts only online.

Publish: copy build/lite/ to ``lite/`` beside the offline site (build/site/), which is where the
notebooks' "Run in your browser (JupyterLite)" links point.
Usage: ``python -m course_tools.lite [TARGET]``. Build tools (jupyterlite-core and
jupyterlite-pyodide-kernel 0.8.6) are in requirements-dev.txt, never in the student environment.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

from .lock import normalise_name, requirements_pins

#: Wheels bundled for the kernel, at the student environment's versions: plotly, and nbformat
#: (plotly's notebook renderer needs it) with what Pyodide does not ship.
KERNEL_WHEELS = ("plotly", "nbformat", "fastjsonschema", "jupyter-core", "traitlets",
                 "platformdirs")
#: The only JupyterLab extensions the site carries: the Pyodide kernel, and plotly's renderer.
#: (Not every extension of this venv: RISE, jupytext and notebook's need a Jupyter server.)
EXTENSIONS = ("@jupyterlite/pyodide-kernel-extension", "jupyterlab-plotly")


def wheels(folder: Path) -> list[Path]:
    """The course's wheel plus the pinned kernel wheels, in ``folder``."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "-q", "--no-deps", str(REPO_ROOT), "-w", str(folder)],
                   check=True)
    pins = requirements_pins()
    specs = [f"{name}=={pins[normalise_name(name)]}" for name in KERNEL_WHEELS]
    subprocess.run([*pip, "download", "-q", "--no-deps", "--only-binary=:all:", "-d",
                    str(folder), *specs], check=True)
    return sorted(folder.glob("*.whl"))


def contents(folder: Path) -> Path:
    """What readers see in the site's file browser: notebooks/ (ipynb only) and data/."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "notebooks").mkdir(parents=True)
    for notebook in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        shutil.copyfile(notebook, folder / "notebooks" / notebook.name)
    shutil.copytree(REPO_ROOT / "data", folder / "data")
    return folder


def extensions() -> list[Path]:
    """The prebuilt extensions, as installed by their wheels in this venv's share/jupyter (the
    Lite kernel's is moved to share/lite-labextensions by `make install`, out of JupyterLab's
    way)."""
    share = Path(sys.prefix) / "share"
    paths = [next((folder for folder in (share / "jupyter" / "labextensions" / name,
                                         share / "lite-labextensions" / name)
                   if (folder / "package.json").is_file()), share / "jupyter" / "labextensions" / name)
             for name in EXTENSIONS]
    for path in paths:
        if not (path / "package.json").is_file():
            raise SystemExit(f"JupyterLab extension missing at {path}: run `make install`")
    return paths


def build(target: Path) -> Path:
    """Build the site into ``target``; return it."""
    work = target.with_name(target.name + "-work")  # wheels, contents and doit's state
    shutil.rmtree(target, ignore_errors=True)
    shutil.rmtree(work / "lite-dir", ignore_errors=True)
    (work / "lite-dir").mkdir(parents=True)
    bundled = wheels(work / "wheels")
    content = contents(work / "contents")
    command = [str(Path(sys.executable).with_name("jupyter-lite")), "build",
               "--lite-dir", str(work / "lite-dir"), "--output-dir", str(target),
               "--contents", str(content), "--apps", "lab", "--no-sourcemaps",
               "--no-unused-shared-packages", "--ignore-sys-prefix"]
    for extension in extensions():
        command += [f"--LiteBuildConfig.federated_extensions={extension}"]
    for wheel in bundled:  # once per wheel: a single flag with several paths keeps only one
        command += ["--piplite-wheels", str(wheel)]
    subprocess.run(command, check=True, cwd=work / "lite-dir")
    return target


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else REPO_ROOT / "build" / "lite"
    build(target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) / 1e6
    print(f"JupyterLite site in {target} ({size:.0f} MB); serve it over http (it needs a "
          f"service worker), e.g. python -m http.server -d {target}, and open /lab/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
