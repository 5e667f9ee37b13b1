"""Run notebooks on a fresh kernel and compare their outputs with the stored ones, twice: as
stored, and after the compatibility sanitizer below. Standalone (run by another Python's venv in
``make compat``): it needs only nbformat and nbclient.

The compatibility sanitizer removes differences of serialisation only, never of content:
- plotly JSON is compared as parsed JSON (as nbval does: 0 equals 0.0), with ISO datetimes
  written without an all-zero fraction (pandas 2.2 stores ``1953-03-05T00:00:00``... with 6 zeros, pandas 3 with 9: the same
  instant);
- the course's nbval sanitizer (tests/nbval_sanitize.cfg: random ids, memory addresses).

Usage: ``python compat_compare.py SANITIZE_CFG NOTEBOOK...``; prints one line per notebook (and
the first differing text of each differing cell); exits 2 when a cell raised, 1 when an output
differs even after sanitizing, else 0.
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


def _clean(value, patterns, compat: bool):
    """``value`` with every string sanitized; numbers and structure kept, so that values compare
    as nbval compares them (parsed JSON: 0 == 0.0)."""
    if isinstance(value, str):
        for regex, replace in patterns:
            value = regex.sub(replace, value)
        return ZERO_FRACTION.sub(r"\1", value) if compat else value
    if isinstance(value, dict):
        return {key: _clean(item, patterns, compat) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item, patterns, compat) for item in value]
    return value


def comparable(output: dict, patterns, compat: bool) -> list[tuple[str, object]]:
    """The parts of one output nbval compares, as (kind, sanitized value)."""
    parts = []
    if "text" in output:
        parts.append(("stream", _clean(output["text"], patterns, compat)))
    for kind, value in sorted(output.get("data", {}).items()):
        if kind in COMPARED:
            parts.append((kind, _clean(value, patterns, compat)))
    return parts


def first_difference(old: list, new: list) -> str:
    """A short excerpt of the first differing line (or JSON text) of two output lists."""
    for (kind, a), (_, b) in zip(old, new):
        if a == b:
            continue
        a_text = a if isinstance(a, str) else json.dumps(a, sort_keys=True)
        b_text = b if isinstance(b, str) else json.dumps(b, sort_keys=True)
        for line_a, line_b in zip(a_text.splitlines(), b_text.splitlines()):
            if line_a != line_b:
                start = next(i for i, (x, y) in enumerate(zip(line_a + " ", line_b + " "))
                             if x != y)
                return (f"{kind}: stored {line_a[max(0, start - 30):start + 30].strip()!r} "
                        f"vs now {line_b[max(0, start - 30):start + 30].strip()!r}")
        return f"{kind}: different length"
    return "different number of outputs"


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
                excerpt = first_difference(parts(old.outputs, True), parts(new.outputs, True))
                messages.append(f"    cell {index}: differs after sanitizing: {excerpt}")
            else:
                messages.append(f"    cell {index}: serialisation-only difference")
    return cells, strict, loose, messages


def main(argv: list[str]) -> int:
    patterns = course_patterns(Path(argv[0]))
    failed = raised = False
    for name in argv[1:]:
        path = Path(name)
        try:
            cells, strict, loose, messages = run(path, patterns)
        except Exception as error:  # a cell raised: nbclient's CellExecutionError
            print(f"{path.name}: ERROR while running: {str(error).splitlines()[-1][:300]}")
            raised = True
            continue
        verdict = ("identical" if not strict else
                   f"{strict} cell(s) differ as stored, {loose} after the compat sanitizer")
        print(f"{path.name}: {cells} code cells ran without error; outputs {verdict}")
        for line in messages:
            print(line)
        failed |= loose > 0
    return 2 if raised else 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
