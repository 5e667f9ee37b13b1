"""Compatibility run (``make compat``): the installed course on other Pythons and pandas.

For each configuration below it creates a venv with that Python (from pyenv; nothing is
downloaded but PyPI packages), installs the course's *wheel* (not editable: the data come from
the package) with the student environment's pins as constraints, copies the notebooks into a
temporary folder outside the checkout, and there

1. runs ``pytest --nbval`` strictly, with the course's sanitizer, as ``make test`` does;
2. if that fails, runs every notebook again and compares outputs after a documented
   compatibility sanitizer (compat_compare.py: serialisation-only differences such as the
   precision of datetimes in plotly JSON), so the report says whether every cell ran without
   error and lists every difference that is more than serialisation.

With the course's pins (Python 3.12, 3.13) outputs must be identical; with pandas 2.2 every
cell must run, and remaining differences are listed, not hidden.

Writes the report to build/compat.md. Usage: ``python -m course_tools.compat [LABEL ...]``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

from .lock import DEV_LOCK, normalise_name

WORK = REPO_ROOT / "build" / "compat"
SANITIZER = REPO_ROOT / "tests" / "nbval_sanitize.cfg"
COMPARE = Path(__file__).with_name("compat_compare.py")
#: label -> (Python series, package overrides). With the course's own pins the stored outputs
#: must come out identical; with pandas 2.2 (Colab's) every cell must run without error, and
#: the outputs that differ are listed (pandas 2 shows missing text as None and text columns as
#: dtype object, where pandas 3 shows NaN and str).
CONFIGURATIONS = {
    "py3.12": ("3.12", []),
    "py3.13": ("3.13", []),
    "py3.13-pandas2.2": ("3.13", ["pandas==2.2.3"]),
}
IDENTICAL_EXPECTED = {"py3.12", "py3.13"}
KERNEL_TOOLS = ["nbval", "ipykernel", "nbclient", "pytest"]


def find_python(series: str) -> Path:
    """The newest pyenv Python of ``series`` (or ``pythonX.Y`` on PATH)."""
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() \
        if shutil.which("pyenv") else ""
    found = sorted(Path(root, "versions").glob(f"{series}.*/bin/python{series}"),
                   key=lambda p: [int(x) for x in re.findall(r"\d+", p.parts[-3])]) if root else []
    if found:
        return found[-1]
    on_path = shutil.which(f"python{series}")
    if not on_path:
        raise SystemExit(f"No Python {series} found (pyenv versions or python{series} on PATH)")
    return Path(on_path)


def build_wheel() -> Path:
    target = WORK / "wheel"
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(REPO_ROOT),
                    "-w", str(target)], check=True)
    return next(target.glob("*.whl"))


def constraints(overrides: list[str]) -> Path:
    """The full lock's pins (student pins + nbclient etc.), minus what the overrides replace."""
    replaced = {normalise_name(re.split(r"[=<>!~]", spec)[0]) for spec in overrides}
    lines = [line for line in DEV_LOCK.read_text().splitlines()
             if line and not line.startswith("#")
             and normalise_name(line.split("==")[0]) not in replaced]
    path = WORK / f"constraints-{'-'.join(sorted(replaced)) or 'none'}.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def run_configuration(label: str, wheel: Path, report: list[str]) -> bool:
    series, overrides = CONFIGURATIONS[label]
    python = find_python(series)
    venv = WORK / label
    started = time.perf_counter()
    subprocess.run([str(python), "-m", "venv", "--clear", str(venv)], check=True)
    bin_ = venv / "bin"
    subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "-q", str(wheel),
                    *KERNEL_TOOLS, *overrides, "-c", str(constraints(overrides))], check=True)
    versions = subprocess.run(
        [str(bin_ / "python"), "-c", "import sys, pandas, plotly, networkx, numpy; "
         "print(sys.version.split()[0], pandas.__version__, plotly.__version__, "
         "networkx.__version__, numpy.__version__)"], capture_output=True, text=True,
        check=True).stdout.split()
    with tempfile.TemporaryDirectory(prefix="course-compat-") as tmp:
        folder = Path(tmp)
        shutil.copytree(NOTEBOOKS_DIR, folder / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        shutil.copy(SANITIZER, folder / "nbval_sanitize.cfg")
        where = subprocess.run(
            [str(bin_ / "python"), "-c", "import helpers; from helpers.paths import data_dir; "
             "print(helpers.__file__); print(data_dir())"],
            cwd=folder / "notebooks", capture_output=True, text=True, check=True).stdout.split()
        from_package = all(path.startswith(str(venv)) for path in where)
        nbval = subprocess.run(
            [str(bin_ / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
             "--nbval-current-env", "--nbval-sanitize-with", "nbval_sanitize.cfg", "notebooks"],
            cwd=folder, capture_output=True, text=True)
        summary = (nbval.stdout.strip().splitlines() or ["(no output)"])[-1]
        lines = [f"## {label}: Python {versions[0]}, pandas {versions[1]}, plotly {versions[2]}, "
                 f"networkx {versions[3]}, numpy {versions[4]}",
                 f"- helpers imported from {where[0]}",
                 f"- data found at {where[1]} ({'the installed package' if from_package else 'NOT the package'})",
                 f"- nbval, strict (as `make test`): {summary}"]
        passed = nbval.returncode == 0 and from_package
        if nbval.returncode != 0:
            notebooks = sorted(str(p) for p in (folder / "notebooks").glob("*.ipynb"))
            compare = subprocess.run([str(bin_ / "python"), str(COMPARE), "nbval_sanitize.cfg",
                                      *notebooks], cwd=folder, capture_output=True, text=True)
            lines.append("- every cell run again and compared after the compatibility sanitizer:")
            lines += [("    - " if line.startswith("    ") else "  - ") + line.strip()
                      for line in compare.stdout.splitlines()]
            verdict = {0: "all cells run; the differences are serialisation only",
                       1: "all cells run; some outputs differ (listed above)",
                       2: "FAILED: a cell raised an error"}.get(compare.returncode, "FAILED")
            passed = from_package and (compare.returncode == 0 or (
                compare.returncode == 1 and label not in IDENTICAL_EXPECTED))
            lines.append(f"- verdict: {verdict} -> {'PASS' if passed else 'FAIL'}")
        else:
            lines.append("- verdict: identical outputs")
    lines.append(f"- took {time.perf_counter() - started:.0f} s")
    report += lines + [""]
    print("\n".join(lines), flush=True)
    return passed


def main(argv: list[str]) -> int:
    labels = argv or list(CONFIGURATIONS)
    WORK.mkdir(parents=True, exist_ok=True)
    wheel = build_wheel()
    report = [f"# Compatibility run (`make compat`), wheel {wheel.name}", ""]
    results = {label: run_configuration(label, wheel, report) for label in labels}
    (REPO_ROOT / "build" / "compat.md").write_text("\n".join(report), encoding="utf-8")
    print("Summary:", ", ".join(f"{k} {'PASS' if v else 'FAIL'}" for k, v in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
