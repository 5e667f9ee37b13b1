"""Check the student environment against what Binder builds (``make binder-check``).

1. ``repo2docker --no-build`` (jupyter-repo2docker in a scratch venv) prints the Dockerfile
   Binder would build from this repository: it must read the root ``environment.yml`` with
   ``python=3.11`` and run ``postBuild``.
2. Binder's base environment is simulated with pip: every Python package of repo2docker's own
   lock (``environment.py-3.11-linux-64.lock``, conda-forge) is installed at its version with
   ``--no-deps``; then ``requirements.txt`` (= environment.yml) and the helpers package, as
   ``mamba env update`` and ``postBuild`` do; then ``pip check``.

Exit status 0 only when both pass. Output also goes to ``build/binder-check.txt``.
Usage: ``python -m course_tools.binder_check`` (needs PyPI; about 2-3 minutes).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from helpers.paths import REPO_ROOT

from .lock import PYTHON_SERIES, normalise_name

REPO2DOCKER = "jupyter-repo2docker==2026.4.0"
WORK = REPO_ROOT / "build" / "binder-check"
#: conda-forge names whose PyPI distribution is called differently.
CONDA_TO_PYPI = {"brotli-python": "brotli", "python-fastjsonschema": "fastjsonschema",
                 "jupyterhub-base": "jupyterhub", "nbconvert-core": "nbconvert",
                 "cached_property": "cached-property"}
#: Already in every venv, or conda-only packaging.
SKIP = {"pip", "setuptools", "wheel"}
_LOCK_URL = re.compile(r"/(?:noarch|linux-64)/(?P<file>[^/#]+?)(?:\.conda|\.tar\.bz2)#")


def base_python_packages(lock_text: str) -> dict[str, str]:
    """{PyPI name: version} of the Python packages in a conda-lock ``@EXPLICIT`` file.

    A conda file name is ``name-version-build``; Python packages have a build string starting
    with ``py`` (``pyhd8ed1ab_0`` for noarch, ``py311h...`` for compiled), which tells them
    apart from libraries such as ``libgcc`` or ``nodejs``.
    """
    packages = {}
    for match in _LOCK_URL.finditer(lock_text):
        name, version, build = match.group("file").rsplit("-", 2)
        if not build.startswith("py") or name in SKIP:
            continue
        packages[CONDA_TO_PYPI.get(name, name)] = version
    return packages


def _run(log: list[str], command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    shown = " ".join(str(part) for part in command)
    log.append(f"$ {shown}\n{result.stdout}{result.stderr}(exit {result.returncode})")
    return result


def _venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(path)], check=True)
    return path / "bin"


def repo2docker_dockerfile(log: list[str]) -> tuple[bool, Path]:
    """Run ``repo2docker --no-build``; return (passed, the repo2docker package folder)."""
    tools = _venv(WORK / "repo2docker")
    _run(log, [tools / "python", "-m", "pip", "install", "-q", REPO2DOCKER])
    result = _run(log, [tools / "repo2docker", "--no-build", "--debug", str(REPO_ROOT)])
    text = result.stdout + result.stderr
    passed = (result.returncode == 0
              and f"Building conda environment for python={PYTHON_SERIES}" in text
              and "COPY --chown=0:0 src/environment.yml" in text and "RUN ./postBuild" in text)
    package = subprocess.run([tools / "python", "-c", "import repo2docker, os; "
                              "print(os.path.dirname(repo2docker.__file__))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    return passed, Path(package)


def pip_check_on_binder_base(log: list[str], repo2docker_dir: Path) -> bool:
    """Install Binder's base pins, then the student environment; return ``pip check``'s verdict."""
    lock = (repo2docker_dir / "buildpacks" / "conda" /
            f"environment.py-{PYTHON_SERIES}-linux-64.lock").read_text(encoding="utf-8")
    base = base_python_packages(lock)
    log.append(f"Binder base env: {len(base)} Python packages from repo2docker's lock, e.g. "
               + ", ".join(f"{n} {base[n]}" for n in ("jupyterlab", "notebook", "jupyter_server")
                           if n in base))
    venv = _venv(WORK / "base")
    pip = [venv / "python", "-m", "pip"]
    if _run(log, [*pip, "install", "-q", "--no-deps",
                  *(f"{name}=={version}" for name, version in sorted(base.items()))]).returncode:
        return False
    if _run(log, [*pip, "install", "-q", "-r", REPO_ROOT / "requirements.txt"]).returncode:
        return False
    if _run(log, [*pip, "install", "-q", "--no-deps", str(REPO_ROOT)]).returncode:
        return False
    return _run(log, [*pip, "check"]).returncode == 0


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    log: list[str] = []
    dockerfile_ok, repo2docker_dir = repo2docker_dockerfile(log)
    pip_ok = pip_check_on_binder_base(log, repo2docker_dir)
    log.append(f"repo2docker --no-build: {'PASS' if dockerfile_ok else 'FAIL'}; "
               f"pip check on Binder's base + requirements.txt: {'PASS' if pip_ok else 'FAIL'}")
    text = "\n\n".join(log) + "\n"
    text = "\n".join(line for line in text.splitlines()
                     if not line.startswith("WARNING: Location 'file:"))  # local pip config noise
    (WORK.parent / "binder-check.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if dockerfile_ok and pip_ok else 1


if __name__ == "__main__":
    sys.exit(main())
