"""The student package stays small, acyclic and free of facts (issue 9, item 4 and item 5).

* (a) the core of ``src/helpers`` (every ``.py`` file outside ``answers/``) has at most 1,500
  physical lines, and the answer keys in ``answers/`` at most 15 lines per exercise they
  register. The answer keys are counted apart by the lead's decision (2026-11-30): they are
  course content, one short function per exercise (as Network Analysis Made Simple keeps its
  solutions), and they grow with the exercises issue 9 item 3 asked for; the whole package is
  printed by ``python tests/test_package_shape.py`` and reported in the README;
* (b) no import cycle among its modules, counting imports inside functions too;
* (c) no historical fact in Python outside ``answers/``: no ISO date and no person id as a
  literal. ``answers/nbNN.py`` may name dates and person ids only when its notebook's text
  names them too: they are the exercise's question (the day or person it asks about), which
  the student reads, not a hidden fact;
* (d) notebooks never import the maintainer tooling (``course_tools``).

Run ``python tests/test_package_shape.py`` to print the lines per module.
"""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "helpers"
MAX_LINES = 1500
MAX_ANSWER_LINES = 15
ISO_DATE = re.compile(r"\b19\d\d-\d\d-\d\d\b")
#: The one date allowed outside answers/: the example of the format YYYY-MM-DD that error
#: messages show (dates.EXAMPLE). It asserts nothing about history.
ALLOWED_DATES = {("dates.py", "1957-06-18")}


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def physical_lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its file (functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            base = f"{base}.{node.module}" if node.level and node.module else (
                base if node.level else node.module or "")
            # `from . import answers` imports the module helpers.answers (its parent package is
            # imported first in any case); `from .dates import parse_date` imports helpers.dates
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                       for a in node.names]
        else:
            continue
        found |= {target for target in targets if target in known and target != name}
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, set(known)) for name, path in known.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first repeated at the end), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def person_ids() -> set[str]:
    with open(REPO_ROOT / "data" / "people.csv", encoding="utf-8") as file:
        return {row["person_id"] for row in csv.DictReader(file)}


def string_constants(path: Path) -> list[str]:
    """Every string literal in a file, docstrings and f-string parts included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def named_ids(text: str, ids: set[str]) -> set[str]:
    """The person ids that ``text`` names as whole words (quoted or not)."""
    return {word for word in re.findall(r"[a-z_]+", text) if word in ids}


def notebook_text(answers_file: Path) -> str:
    number = answers_file.stem.removeprefix("nb")
    (source,) = (REPO_ROOT / "src" / "notebooks").glob(f"{number}_*.md")
    return source.read_text(encoding="utf-8")


def test_the_core_has_at_most_1500_lines():
    sizes = {name: physical_lines(path) for name, path in modules().items()
             if not name.startswith("helpers.answers")}
    total = sum(sizes.values())
    largest = ", ".join(f"{n} {s}" for n, s in sorted(sizes.items(), key=lambda x: -x[1])[:5])
    assert total <= MAX_LINES, f"the helpers core has {total} lines (> {MAX_LINES}); largest: {largest}"


def test_the_answer_keys_stay_short():
    keys = [path for name, path in modules().items() if name.startswith("helpers.answers")]
    lines = sum(physical_lines(path) for path in keys)
    registered = sum(len(re.findall(r"^@(?:exercise|judge)\(", path.read_text(encoding="utf-8"),
                                    re.MULTILINE)) for path in keys)
    assert registered >= 30, f"only {registered} exercises found: the count misses the decorators"
    assert lines <= MAX_ANSWER_LINES * registered, (
        f"answers/ has {lines} lines for {registered} exercises (> {MAX_ANSWER_LINES} each)")


def test_the_count_is_honest():
    """No line over 100 characters and one statement a line: the count measures the code."""
    crowded = []
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        crowded += [f"{path.name}:{n} is long" for n, line in enumerate(text.splitlines(), 1)
                    if len(line) > 100]
        starts = [node.lineno for node in ast.walk(ast.parse(text)) if isinstance(node, ast.stmt)]
        crowded += [f"{path.name}:{n} holds statements joined" for n in set(starts)
                    if starts.count(n) > 1]
    assert not crowded, crowded


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_import_graph_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "helpers" / "x.py"
    source.parent.mkdir()
    source.write_text("def f():\n    from .y import z\n    from . import w\n    from . import v\n")
    assert imports_of("helpers.x", source, {"helpers", "helpers.y", "helpers.w"}) == {
        "helpers.y", "helpers.w", "helpers"}  # v is a name in helpers/__init__.py


def test_no_import_cycle_among_the_helpers_modules():
    graph = import_graph()
    assert "helpers.answers" in graph["helpers"] and "helpers.exercises" in graph[
        "helpers.answers.nb00"], "the import graph misses known edges"
    cycle = find_cycle(graph)
    assert cycle is None, f"import cycle: {' -> '.join(cycle)}"


@pytest.mark.parametrize("path", [p for p in modules().values() if "answers" not in p.parts],
                         ids=lambda p: p.name)
def test_no_facts_in_the_package_outside_answers(path):
    text = path.read_text(encoding="utf-8")
    dates = {d for d in ISO_DATE.findall(text) if (path.name, d) not in ALLOWED_DATES}
    assert not dates, f"{path.name} holds the date(s) {sorted(dates)}: facts belong in data/"
    ids = set().union(*(named_ids(s, person_ids()) for s in string_constants(path)))
    assert not ids, f"{path.name} names the person id(s) {sorted(ids)}: facts belong in data/"


@pytest.mark.parametrize("path", sorted((PACKAGE / "answers").glob("nb*.py")),
                         ids=lambda p: p.name)
def test_answers_name_only_what_their_notebook_asks_about(path):
    notebook = notebook_text(path)
    text = path.read_text(encoding="utf-8")
    hidden_dates = {d for d in ISO_DATE.findall(text) if d not in notebook}
    assert not hidden_dates, (f"{path.name} uses {sorted(hidden_dates)}, which its notebook never "
                              "names: a fact hidden in Python")
    ids = set().union(*(named_ids(s, person_ids()) for s in string_constants(path)))
    hidden_ids = {i for i in ids if not re.search(rf"\b{i}\b", notebook)}
    assert not hidden_ids, (f"{path.name} names {sorted(hidden_ids)}, which its notebook never "
                            "names: a fact hidden in Python")


def test_the_fact_checks_can_fail(tmp_path):
    fake = tmp_path / "queries.py"
    fake.write_text('FOUR = ["molotov"]\nDAY = "1957-06-29"\n')
    assert named_ids(" ".join(string_constants(fake)), person_ids()) == {"molotov"}
    assert ISO_DATE.findall(fake.read_text()) == ["1957-06-29"]


def test_notebooks_never_import_the_maintainer_tooling():
    sources = [*(REPO_ROOT / "src" / "notebooks").glob("*.md"),
               *(REPO_ROOT / "notebooks").glob("*.ipynb")]
    assert len(sources) >= 16
    users = [p.name for p in sources if "course_tools" in p.read_text(encoding="utf-8")]
    assert not users, f"notebooks that name course_tools: {users}"


if __name__ == "__main__":
    for module, file in modules().items():
        print(f"{physical_lines(file):5}  {module}")
    core = sum(physical_lines(f) for n, f in modules().items() if not n.startswith("helpers.answers"))
    print(f"{core:5}  core, without answers/ (max {MAX_LINES})")
    print(f"{sum(physical_lines(f) for f in modules().values()):5}  whole package")
