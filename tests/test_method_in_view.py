"""The method is in view: most content cells of every lesson call pandas, plotly or networkx.

A *content* cell is a code cell a student reads and runs for the lesson: not the setup cell
(imports and ``helpers.setup()`` only), not an exercise cell (``helpers.check``), not a
solution (tagged ``solution``), not empty. Navigation cells are markdown, so never counted.

A cell *shows a library* when, after its comments and string literals are removed, it calls
``pd.``/``px.``/``go.``/``nx.`` or a pandas/plotly/networkx method on an object, selects with
``.loc``/``.iloc``/``.str``/``.dt`` or ``df[[...]]``/``df[df[...] ...]``. A method reached
straight through a helper module (``helpers.power.merge(``) does not count: that is the helper
working, not the student seeing the library. The idea is the regex in the team's before-stop
hook, made stricter (comments, strings, bare imports and helper-module calls no longer count).

Run ``python tests/test_method_in_view.py`` to print the share for every notebook, 00 included.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

import nbformat
import pytest

from helpers.paths import NOTEBOOKS_DIR

MINIMUM_SHARE = 0.60

LIBRARY_PREFIX = re.compile(r"(?<![\w.])(pd|px|go|nx)\.\w")
LIBRARY_METHODS = (
    "groupby|merge|join|concat|pivot_table|pivot|query|value_counts|agg|sort_values|isin|"
    "between|set_index|reset_index|drop_duplicates|assign|nunique|explode|melt|apply|map|"
    "fillna|dropna|rename|update_layout|update_traces|update_xaxes|update_yaxes|add_trace|"
    "add_annotation|add_vline|add_vrect|add_hline|add_shape|add_edge|add_edges_from|add_node|"
    "add_nodes_from|subgraph|neighbors|to_datetime")
METHOD_CALL = re.compile(rf"\.({LIBRARY_METHODS})\(")
ACCESSOR = re.compile(r"[\w\])]\.(loc|iloc|str|dt|nodes|edges|degree)\b")
COLUMN_LIST = re.compile(r"\w\[\[")
BOOLEAN_MASK = re.compile(r"\w\[\s*\(?\s*~?\s*\w+(\[|\.\w+\s*(==|!=|>=|<=|>|<))")
# A method reached directly through a helper module is the helper's work, not the library's.
THROUGH_HELPER = re.compile(rf"helpers(\.\w+)*\.({LIBRARY_METHODS})\(")

SETUP_LINE = re.compile(r"^(import [\w.]+( as \w+)?|from [\w.]+ import [\w, ]+|helpers\.setup\(.*\))$")
NAVIGATION_MARKS = ("<!-- course:links -->", "<!-- course:nav -->")


def code_only(source: str) -> str:
    """The cell's code with comments removed and every string literal emptied."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return re.sub(r"#.*", "", source)
    kept = []
    for token in tokens:
        if token.type == tokenize.COMMENT:
            continue
        if token.type == tokenize.STRING:
            kept.append(tokenize.TokenInfo(token.type, '""', token.start, token.end, token.line))
        else:
            kept.append(token)
    return tokenize.untokenize(kept)


def is_setup(code: str) -> bool:
    lines = [line.strip() for line in code.splitlines() if line.strip()]
    return all(SETUP_LINE.match(line) for line in lines)


def is_content(cell) -> bool:
    if cell.cell_type != "code":
        return False
    if "solution" in cell.metadata.get("tags", []):
        return False
    if cell.source.lstrip().startswith(NAVIGATION_MARKS):
        return False
    code = code_only(cell.source)
    if not code.strip() or is_setup(code):
        return False
    return "helpers.check(" not in code


def shows_library(source: str) -> bool:
    code = THROUGH_HELPER.sub("", code_only(source))
    return any(pattern.search(code) for pattern in
               (LIBRARY_PREFIX, METHOD_CALL, ACCESSOR, COLUMN_LIST, BOOLEAN_MASK))


def measure(path: Path) -> tuple[int, int, list[str]]:
    """(cells showing a library, content cells, first lines of those that do not)."""
    notebook = nbformat.read(path, as_version=4)
    content = [c for c in notebook.cells if is_content(c)]
    hidden = [c.source.strip().splitlines()[0] for c in content if not shows_library(c.source)]
    return len(content) - len(hidden), len(content), hidden


LESSONS = sorted(p for p in NOTEBOOKS_DIR.glob("0*.ipynb") if not p.name.startswith("00_"))


# --- the counter itself can tell the two kinds of cell apart -----------------------------------

@pytest.mark.parametrize("source", [
    'tenures = helpers.table("tenures")\ntenures[tenures["office_id"] == "premier"]',
    'posts.merge(people, on="person_id")[["name", "start"]]',
    'px.bar(seats, x="day", y="members")',
    'graph = nx.from_pandas_edgelist(edges, "source", "target")',
    'fig.update_layout(title="Seats")',
    'tenures["start"].dt.year',
    'helpers.table("people").set_index("person_id")',
])
def test_cells_that_call_the_libraries_count(source):
    assert shows_library(source)


@pytest.mark.parametrize("source", [
    'helpers.power.key_posts_chart()',
    'helpers.network.centrality(graph).head(8)',
    '# pd.merge would do this\nhelpers.charts.network_figure(graph)',
    'print("use df.groupby(\'camp\') here")',
    'helpers.aftermath.merge(left, right)',
    'import pandas as pd',
])
def test_cells_that_hide_the_libraries_do_not_count(source):
    assert not shows_library(source)


@pytest.mark.parametrize("source, content", [
    ("import helpers\nimport pandas as pd\n\nhelpers.setup()", False),
    ("import pandas as pd\nimport plotly.express as px\nimport networkx as nx\n\n"
     "import helpers\n\nhelpers.setup()", False),
    ('answer = None\nhelpers.check("02-1", answer)', False),
    ("", False),
    ("helpers.power.key_posts_chart()", True),
])
def test_setup_and_exercise_cells_are_not_content(source, content):
    assert is_content(nbformat.v4.new_code_cell(source)) is content


def test_solution_cells_are_not_content():
    cell = nbformat.v4.new_code_cell('answer = posts["person_id"].nunique()')
    cell.metadata["tags"] = ["solution"]
    assert not is_content(cell)


# --- every lesson ------------------------------------------------------------------------------

def test_there_are_lessons_to_measure():
    assert len(LESSONS) >= 6


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_most_content_cells_show_the_libraries(path: Path):
    shown, total, hidden = measure(path)
    assert total, f"{path.name} has no content code cells"
    share = shown / total
    assert share >= MINIMUM_SHARE, (
        f"{path.name}: {shown}/{total} content cells ({share:.0%}) call pandas, plotly or "
        f"networkx directly; at least {MINIMUM_SHARE:.0%} must. Cells that do not: {hidden}")


# --- notebook 03 builds and measures its network in view ----------------------------------------

NETWORK_NOTEBOOK = NOTEBOOKS_DIR / "03_network.ipynb"
BUILDS_GRAPH = re.compile(r"(?<![\w.])nx\.(Graph|DiGraph|MultiGraph|from_pandas_edgelist|"
                          r"from_edgelist)\(")
CENTRALITY = re.compile(r"(?<![\w.])nx\.(degree_centrality|betweenness_centrality|"
                        r"eigenvector_centrality|closeness_centrality)\(")


def visible_code(path: Path) -> list[str]:
    """Code (comments and strings removed) of the cells a student sees, solutions excluded."""
    notebook = nbformat.read(path, as_version=4)
    return [code_only(c.source) for c in notebook.cells
            if c.cell_type == "code"
            and "solution" not in c.metadata.get("tags", [])
            and not c.metadata.get("jupyter", {}).get("source_hidden")
            and not {"remove-input", "hide-input", "remove-cell"} & set(c.metadata.get("tags", []))]


def test_network_is_built_with_networkx_in_view():
    cells = visible_code(NETWORK_NOTEBOOK)
    assert any(BUILDS_GRAPH.search(code) for code in cells), (
        "03_network must build its graph in a visible cell with nx.Graph(...) or "
        "nx.from_pandas_edgelist(...)")


def test_network_centrality_is_measured_in_view():
    cells = visible_code(NETWORK_NOTEBOOK)
    assert any(CENTRALITY.search(code) for code in cells), (
        "03_network must measure centrality in a visible cell (nx.degree_centrality, "
        "nx.betweenness_centrality, ...)")


if __name__ == "__main__":
    for notebook_path in sorted(NOTEBOOKS_DIR.glob("0*.ipynb")):
        shown, total, _ = measure(notebook_path)
        share = f"{shown / total:.0%}" if total else "n/a"
        print(f"{notebook_path.stem}: {shown}/{total} content cells show the libraries ({share})",
              file=sys.stdout)
