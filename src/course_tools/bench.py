"""Measure the course's speed and size (``make bench``); prints a Markdown table.

In one run on one machine: the floor (a fresh kernel plus ``import pandas, plotly.express,
networkx``, through nbclient); each notebook's execution time and its ratio to the floor; the
everyday test suite; the size of each stored notebook; and the helpers' queries on synthetic data
1x, 10x and 100x the real size. Every time is the median of ``--runs`` runs (at least 5). The
floor and the notebooks are run in turn (floor, 00, 01, ..., floor, 00, ...), so that a load
that comes and goes weighs on the floor and the notebooks alike; the load average at the start
and end is printed with the figures (on a shared machine the ratios are still only indicative).

Usage: ``python -m course_tools.bench [--runs 5] [--output build/bench.md]``
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from helpers.paths import DATA_DIR_ENV, NOTEBOOKS_DIR, REPO_ROOT
from .execute import KERNEL, TWIN_FORMAT, twins, notebook_of

FLOOR_SOURCE = "import pandas, plotly.express, networkx"


def median_seconds(task: Callable[[], object], runs: int) -> float:
    """Median wall-clock seconds of ``runs`` calls of ``task``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        task()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_notebook(notebook: nbformat.NotebookNode, folder: Path) -> None:
    """Execute a copy of ``notebook`` on a fresh kernel."""
    copy = nbformat.from_dict(notebook)
    NotebookClient(copy, timeout=300, kernel_name=KERNEL,
                   resources={"metadata": {"path": str(folder)}}).execute()


def floor_notebook() -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])


def scaled_copy(target: Path, factor: int) -> Path:
    """A copy of data/ with people, tenures and ties repeated ``factor`` times (new ids)."""
    shutil.copytree(REPO_ROOT / "data", target)
    if factor == 1:
        return target
    letters = "abcdefghijklmnopqrstuvwxyz"
    suffixes = [""] + [f"_{letters[i // 26]}{letters[i % 26]}" for i in range(factor - 1)]

    def repeat(name: str, id_columns: tuple[str, ...]) -> None:
        path = target / name
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        out = []
        for suffix in suffixes:
            for row in rows:
                copy = dict(row)
                for column in id_columns:
                    copy[column] = row[column] + suffix
                out.append(copy)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(out)

    repeat("people.csv", ("person_id",))
    repeat("tenures.csv", ("person_id",))
    repeat("ties.csv", ("person_a", "person_b"))
    return target


def query_times(folder: Path, runs: int) -> dict[str, float]:
    """Time the helpers' queries against the data in ``folder`` (a fresh interpreter)."""
    script = f"""
import statistics, time, json
import helpers
helpers.load_dataset()
seats = helpers.table("tenures")
seats = seats[helpers.is_presidium_seat(seats["office_id"])]
days = sorted(d for d in set(seats["start"]) | set(seats["end"].dropna())
              if str(d) >= "1953-03-05" and str(d) <= "1958-12-31")
def med(f):
    t = []
    for _ in range({runs}):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return statistics.median(t)
print(json.dumps({{
    "load and check all tables (first call)": med(lambda: (helpers.dataset.reset_cache(),
                                                          helpers.load_dataset())),
    "presidium_on(one day)": med(lambda: helpers.presidium_on("1957-06-18")),
    "presidium_on(every change day 1953-1958), as notebook 00 does": med(
        lambda: [helpers.presidium_on(day) for day in days]),
    "holders(premier, one day)": med(lambda: helpers.holders("premier", "1956-01-01")),
    "tenures_of(khrushchev)": med(lambda: helpers.tenures_of("khrushchev")),
}}))
"""
    env = {**os.environ, DATA_DIR_ENV: str(folder)}
    result = subprocess.run([sys.executable, "-c", script], env=env, check=True,
                            capture_output=True, text=True)
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "bench.md")
    parser.add_argument("--skip-tests", action="store_true")
    args = parser.parse_args(argv)
    runs = max(args.runs, 5)
    lines = [f"Measured on {date.today().isoformat()}: {platform.platform()}, "
             f"{os.cpu_count()} cores, Python {platform.python_version()}; "
             f"medians of {runs} runs.", ""]

    jobs = [("floor", floor_notebook(), NOTEBOOKS_DIR)] + [
        (twin.stem, jupytext.read(twin, fmt=TWIN_FORMAT), twin.parent) for twin in twins()]
    times: dict[str, list[float]] = {name: [] for name, _, _ in jobs}
    load_before = os.getloadavg()
    for turn in range(runs):
        for name, notebook, folder in jobs:
            print(f"run {turn + 1}/{runs}: {name} ...", flush=True)
            times[name].append(median_seconds(lambda: run_notebook(notebook, folder), 1))
    load_after = os.getloadavg()
    floor = statistics.median(times["floor"])
    lines[0] += (f" Load average (1, 5, 15 min) {', '.join(f'{x:.1f}' for x in load_before)} "
                 f"at the start, {', '.join(f'{x:.1f}' for x in load_after)} at the end.")
    lines += ["| Notebook | Execution (s) | Ratio to floor | Stored size (KB) |",
              "| --- | ---: | ---: | ---: |",
              f"| floor: fresh kernel + `{FLOOR_SOURCE}` | {floor:.2f} | 1.00 | |"]
    for twin in twins():
        seconds = statistics.median(times[twin.stem])
        size = notebook_of(twin).stat().st_size / 1024
        lines.append(f"| {twin.stem} | {seconds:.2f} | {seconds / floor:.2f} | {size:.0f} |")

    print("\n".join(lines), flush=True)
    if not args.skip_tests:
        print("Test suite ...", flush=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}

        def suite_run() -> None:
            done = subprocess.run(["make", "-s", "test"], cwd=REPO_ROOT, env=env,
                                  capture_output=True, text=True)
            if done.returncode:
                tail = "\n".join(done.stdout.splitlines()[-30:])
                raise SystemExit(f"make test failed during the benchmark:\n{tail}")

        suite = median_seconds(suite_run, runs)
        lines += ["", f"Everyday test suite (`make test`: not browser or slow; environment installed): "
                  f"{suite:.1f} s.", ""]

    lines += ["", "| Query | 1x data (s) | 10x (s) | 100x (s) |", "| --- | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as tmp:
        timings = {}
        for factor in (1, 10, 100):
            print(f"Queries on {factor}x data ...", flush=True)
            folder = scaled_copy(Path(tmp) / f"data_{factor}x" / "data", factor)
            timings[factor] = query_times(folder, runs)
    for query in timings[1]:
        lines.append(f"| {query} | {timings[1][query]:.4f} | {timings[10][query]:.4f} | "
                     f"{timings[100][query]:.4f} |")
    text = "\n".join(lines) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
