"""Run notebooks on a fresh kernel and compare their outputs with the stored ones, twice: as
stored, and after the compatibility sanitizer below. Standalone (run by another Python's venv in
``make compat``): it needs only nbformat and nbclient.

The compatibility sanitizer removes differences of serialisation only, never of content:
- plotly JSON is compared as parsed JSON, with ISO datetimes written without an all-zero
  fraction (pandas 2.2 stores ``1953-03-05T00:00:00``... with 6 zeros, pandas 3 with 9: the same
  instant);
- the course's nbval sanitizer (tests/nbval_sanitize.cfg: random ids, memory addresses).

Usage: ``python compat_compare.py SANITIZE_CFG NOTEBOOK...``; prints one line per notebook and
exits 1 when a cell raised or an output differs even after sanitizing.
"""

from __future__ import annotations

import configparser
import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ZERO_FRACTION = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.0+\b")
COMPARED = ("text/plain", "text/html", "application/vnd.plotly.v1+json", "text")


def course_patterns(cfg: Path) -> list[tuple[re.Pattern, str]]:
    parser = configparser.ConfigParser()
    parser.read(cfg)
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def comparable(output: dict, patterns, compat: bool) -> list[tuple[str, str]]:
    """The parts of one output nbval compares, as (kind, text)."""
    parts = []
    if "text" in output:
        parts.append(("stream", output["text"]))
    for kind, value in sorted(output.get("data", {}).items()):
        if kind not in COMPARED:
            continue
        text = json.dumps(value, sort_keys=True) if not isinstance(value, str) else value
        for regex, replace in patterns:
            text = regex.sub(replace, text)
        if compat:
            text = ZERO_FRACTION.sub(r"\1", text)
        parts.append((kind, text))
    return parts


def run(path: Path, patterns) -> tuple[int, int, int, list[str]]:
    """Execute ``path``; return (code cells, cells differing as stored, differing after the
    compat sanitizer, messages)."""
    stored = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    NotebookClient(fresh, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    cells = strict = loose = 0
    messages = []
    for index, (old, new) in enumerate(zip(stored.cells, fresh.cells)):
        if old.cell_type != "code":
            continue
        cells += 1
        def parts(outputs, compat):
            return [p for o in outputs for p in comparable(o, patterns, compat)]
        if parts(old.outputs, False) != parts(new.outputs, False):
            strict += 1
            if parts(old.outputs, True) != parts(new.outputs, True):
                loose += 1
                messages.append(f"    cell {index}: output differs after sanitizing")
            else:
                messages.append(f"    cell {index}: serialisation-only difference")
    return cells, strict, loose, messages


def main(argv: list[str]) -> int:
    patterns = course_patterns(Path(argv[0]))
    failed = False
    for name in argv[1:]:
        path = Path(name)
        try:
            cells, strict, loose, messages = run(path, patterns)
        except Exception as error:  # a cell raised: nbclient's CellExecutionError
            print(f"{path.name}: ERROR while running: {str(error).splitlines()[-1][:300]}")
            failed = True
            continue
        verdict = ("identical" if not strict else
                   f"{strict} cell(s) differ as stored, {loose} after the compat sanitizer")
        print(f"{path.name}: {cells} code cells ran without error; outputs {verdict}")
        for line in messages:
            print(line)
        failed |= loose > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
